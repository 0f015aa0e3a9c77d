"""Tests that kill mutants the rest of the suite let survive, one section per mutant."""

import csv
import os
import re
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import markdown  # type: ignore[import-untyped]
import pytest
from hypothesis import HealthCheck, Phase, find, settings
from hypothesis import strategies as st

import kashmirref as kr
from kashmirref import strategies as krst
from kashmirref.cli import main
from kashmirref.export import export
from kashmirref.render import comparison_markdown
from kashmirref.site import pages

Write = Callable[[str, str], Path]


def _html(text: str) -> str:
    html: str = markdown.markdown(
        text, extensions=["tables", "footnotes", "attr_list", "admonition"]
    )
    return html


# ------------------------------------------------------------------ (a) block starts

HOSTILE_TOPIC = """
[[topic]]
id = "hostile-topic"
title = "# Hostile heading"
question = "- Hostile question"
note = "# Hostile note"
core = false
scale = [
  { value = 0, label = "no", meaning = "No.", rules = "Says no." },
  { value = 1, label = "yes", meaning = "Yes.", rules = "Says yes." },
]
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> kr.Catalog:
    path = tmp_path_factory.mktemp("hostile") / "topic.toml"
    path.write_text(HOSTILE_TOPIC, encoding="utf-8")
    return kr.load([path])


def test_comparison_markdown_escapes_block_starts(hostile: kr.Catalog) -> None:
    text = comparison_markdown(kr.compare(hostile, "pakistan", "india"))
    lines = text.splitlines()
    assert "### \\# Hostile heading" in lines
    assert "> \\- Hostile question" in lines
    assert any(line.startswith("| \\# Hostile heading |") for line in lines)
    assert "### # Hostile" not in text and "> - Hostile" not in text
    html = _html(text)
    assert "Hostile question" in html
    assert not re.search(r"<li>\s*Hostile", html)  # the question is no list item


def test_site_pages_escape_block_starts(hostile: kr.Catalog) -> None:
    site = {page.path: page for page in pages(hostile)}
    lines = site["topics/hostile-topic.md"].text.splitlines()
    assert lines[0] == "# \\# Hostile heading"
    assert "> \\- Hostile question" in lines
    assert "\\# Hostile note" in lines
    for page in site.values():
        if "Hostile" not in page.text:
            continue
        for line in page.text.splitlines():
            assert not re.match(r"\s*(#+|>|-|\d+[.)])?\s*[#\-] Hostile", line), (page.path, line)
        html = _html(page.text)
        assert not re.search(r"<li>\s*Hostile", html), page.path
        assert not re.search(r"<h\d[^>]*>\s*Hostile", html), page.path
    topic_html = _html(site["topics/hostile-topic.md"].text)
    assert topic_html.count("<h1") == 1  # only the page's own title is a heading


# ------------------------------------------------------------------ (b) event actors

EVENT = """
[[event]]
id = "my-event"
date = 2020-01-01
kind = "meeting"
title = "A meeting"
summary = "They met."
actors = ["india", "nobody-at-all"]
citations = [{ source = "my-source", quote = "They met." }]

[[source]]
id = "my-source"
title = "My notes"
publisher = "Me"
published = 2020-01-02
kind = "primary"
"""


def test_an_event_actor_must_be_a_known_actor(write: Write) -> None:
    path = write("event.toml", EVENT)
    with pytest.raises(kr.DataError) as caught:
        kr.load([path])
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:3: my-event: actors[1]: refers to unknown actor 'nobody-at-all'"
    ]
    assert kr.load([write("fine.toml", EVENT.replace(', "nobody-at-all"', ""))])


def test_a_catalogue_built_in_python_checks_event_actors(catalog: kr.Catalog) -> None:
    event = attrs.evolve(catalog.events()[0], actors=("nobody-at-all",))
    tables: dict[str, Any] = {f"{kind}s": records for kind, records in catalog.tables()}
    tables["events"] = (event, *catalog.events()[1:])
    with pytest.raises(kr.DataError) as caught:
        kr.Catalog(**tables)
    assert [str(p) for p in caught.value.problems] == [
        f"{event.id}: actors[0]: refers to unknown actor 'nobody-at-all'"
    ]


# ------------------------------------------------------------------ (c) closed pipe


def test_a_closed_pipe_exits_with_status_0_and_says_nothing() -> None:
    # the timeline is far larger than a pipe's buffer: the writer meets the closed end;
    # it exits as compare does when its output fits the pipe before the reader leaves (0)
    process = subprocess.Popen(
        [sys.executable, "-m", "kashmirref", "timeline"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read()
    process.stderr.close()
    assert process.wait(timeout=120) == 0
    assert err == b""


# ------------------------------------------------------------------ (d) strategies

QUICK = settings(
    max_examples=1000,
    phases=[Phase.generate],
    database=None,
    suppress_health_check=list(HealthCheck),
)


def test_catalogs_generate_positions_still_held_and_closed() -> None:
    held = find(
        krst.catalogs(),
        lambda c: any(p.valid_to is None for p in c.positions()),
        settings=QUICK,
    )
    assert any(p.valid_to is None and p.as_of is None for p in held.positions())
    closed = find(
        krst.catalogs(),
        lambda c: any(p.valid_to is not None for p in c.positions()),
        settings=QUICK,
    )
    assert any(p.valid_to is not None for p in closed.positions())
    both = find(
        krst.catalogs(),
        lambda c: {p.valid_to is None for p in c.positions()} == {True, False},
        settings=QUICK,
    )
    assert {p.valid_to is None for p in both.positions()} == {True, False}


@pytest.mark.parametrize("strategy", [krst.positions(), st.from_type(kr.Position)])
def test_positions_are_generated_held_and_closed(strategy: st.SearchStrategy[kr.Position]) -> None:
    held = find(strategy, lambda p: p.valid_to is None, settings=QUICK)
    assert held.valid_to is None and held.as_of is not None
    closed = find(strategy, lambda p: p.valid_to is not None, settings=QUICK)
    assert closed.valid_to is not None and closed.as_of is None
    assert closed.valid_to >= closed.last_stated


# ------------------------------------------------------------------ (e) diff of a whole kind


def _without_terms(catalog: kr.Catalog) -> kr.Catalog:
    tables: dict[str, Any] = {f"{kind}s": records for kind, records in catalog.tables()}
    tables["terms"] = ()
    return kr.Catalog(**tables)


def test_diff_reports_every_record_of_a_kind_removed(catalog: kr.Catalog) -> None:
    terms = [t.id for t in catalog.terms()]
    assert len(terms) > 1
    smaller = _without_terms(catalog)
    found = kr.diff(catalog, smaller)
    assert [(c.kind, c.id, c.status) for c in found.removed] == [
        ("term", t, "removed") for t in terms
    ]
    assert found.added == () and found.changed == ()
    assert found.summary == f"0 added, {len(terms)} removed, 0 changed"
    assert [c.record["id"] for c in found.removed] == terms
    back = kr.diff(smaller, catalog)
    assert [(c.kind, c.id) for c in back.added] == [("term", t) for t in terms]
    assert back.removed == () and back.changed == ()


def test_diff_of_exports_reports_a_kind_removed(catalog: kr.Catalog, tmp_path: Path) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(catalog.to_json(), encoding="utf-8")
    new.write_text(_without_terms(catalog).to_json(), encoding="utf-8")
    found = kr.diff(old, new)
    assert [(c.kind, c.id) for c in found.removed] == [("term", t.id) for t in catalog.terms()]
    text = found.to_text()
    for term in catalog.terms():
        assert re.search(rf"^removed\s+term\s+{re.escape(term.id)}$", text, re.M), term.id


# ------------------------------------------------------------------ (f) CSV empty cells

SPARSE = """
[[statement]]
id = "sparse-statement"
date = 2025-05-12
speaker = "pakistan"
on_behalf_of = "pakistan"
form = "direct"
codes = [{ topic = "third-party-mediation" }]
citations = [{ source = "sparse-source", quote = "Few words." }]

[[source]]
id = "sparse-source"
title = "Sparse notes"
publisher = "Me"
published = 2025-05-13
kind = "primary"
"""


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_csv_writes_empty_cells_as_empty_strings(write: Write, tmp_path: Path) -> None:
    data = write("sparse.toml", SPARSE)
    folder = tmp_path / "csv"
    assert main(["--data", str(data), "export", "--format", "csv", "-o", str(folder)]) == 0
    statements = {row["id"]: row for row in _read_csv(folder / "statements.csv")}
    row = statements["sparse-statement"]
    for column in ("venue", "locator", "checked", "read_at", "source_url"):
        assert row[column] == "", column
    assert row["quote"] == "Few words."
    codes = [r for r in _read_csv(folder / "codes.csv") if r["statement"] == "sparse-statement"]
    assert [(r["topic"], r["stance"]) for r in codes] == [("third-party-mediation", "")]
    for table in sorted(folder.glob("*.csv")):
        for line in _read_csv(table):
            assert "None" not in line.values(), (table.name, line)


def test_csv_empty_cells_in_shipped_data(catalog: kr.Catalog, tmp_path: Path) -> None:
    export(catalog, "csv", tmp_path)
    rows = {row["id"]: row for row in _read_csv(tmp_path / "statements.csv")}
    silent = [s for s in catalog.statements() if s.venue is None]
    assert silent
    assert all(rows[s.id]["venue"] == "" for s in silent)
    held = [r for r in _read_csv(tmp_path / "positions.csv") if r["valid_to"] == ""]
    assert held and all(r["valid_to_precision"] == "" for r in held)


# ------------------------------------------------------------------ writing to a path


def test_new_files_follow_the_umask(tmp_path: Path) -> None:
    from kashmirref.export import write_atomically

    old = os.umask(0o077)
    try:
        write_atomically(tmp_path / "private.json", "{}")
    finally:
        os.umask(old)
    assert (tmp_path / "private.json").stat().st_mode & 0o777 == 0o600


def test_a_symlink_is_written_through_and_kept(tmp_path: Path) -> None:
    from kashmirref.export import write_atomically

    real = tmp_path / "real.json"
    real.write_text("old", "utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomically(link, "new")
    assert link.is_symlink() and real.read_text("utf-8") == "new"


def test_a_fifo_is_written_to_not_replaced(tmp_path: Path) -> None:
    import threading

    from kashmirref.export import write_atomically

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_atomically(fifo, "through the pipe")
    reader.join(timeout=30)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_an_export_never_overwrites_its_input(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text('[[actor]]\nid = "my-group"\nname = "My group"\nkind = "group"\n', "utf-8")
    before = mine.read_text("utf-8")
    status = main(["export", "--data", str(mine), "-o", str(mine)])
    assert status == 2 and mine.read_text("utf-8") == before


def test_export_to_standard_output_by_its_path() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kashmirref", "export", "-o", "/dev/stdout"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.startswith(b"{")
