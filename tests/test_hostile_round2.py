"""Hostile input, second round (issue 27): one section per class of the issue."""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import json
import os
import subprocess
import sys
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest

import kashmirref as kr
from kashmirref import nearest
from kashmirref.cli import main
from kashmirref.export import FORMULA_STARTS, TABLES, export, rows, to_csv, to_jsonl


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue()


def problems_of(path: Path, *, include_shipped: bool = True) -> list[str]:
    with pytest.raises(kr.DataError) as caught:
        kr.load([path], include_shipped=include_shipped)
    return [str(p).replace(str(path), path.name) for p in caught.value.problems]


# ------------------------------------------------------------------ 15. cost


def test_dangling_references_are_compared_with_few_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Suggestions compare each word with a short list, and only the first words get one:
    4,000 unknown speakers cost a bounded number of comparisons, not 4,000 x every actor."""
    compared = []
    close_matches = difflib.get_close_matches

    def counting(word: str, candidates: list[str], **options: Any) -> list[str]:
        compared.append(len(candidates))
        return close_matches(word, candidates, **options)

    monkeypatch.setattr(difflib, "get_close_matches", counting)
    statements = [
        {
            "id": f"s-{i}",
            "date": "1972-07-02",
            "speaker": f"pakistan{i}",
            "on_behalf_of": "pakistan",
            "form": "direct",
            "citations": [
                {"source": "simla-agreement-text", "quote": "Q", "checked": "2026-01-01"}
            ],
        }
        for i in range(4_000)
    ]
    path = tmp_path / "many.json"
    path.write_text(json.dumps({"statement": statements}), "utf-8")
    found = problems_of(path)
    assert len(found) == 4_000
    assert len(compared) == nearest.MOST_WORDS
    assert max(compared) <= 300
    assert "did you mean" in found[0]
    assert "did you mean" not in found[-1]


# ------------------------------------------------------------------ 3. formulas, 8. lists

FORMULAS = """
[[source]]
id = "formula-source"
title = "=HYPERLINK(\\"http://example.com\\")"
publisher = "+Me"
published = 2025-05-16
kind = "secondary"

[[actor]]
id = "formula-actor"
name = "-Someone"
kind = "group"
aliases = ["a; b", "@c", "'quoted"]

[[statement]]
id = "formula-statement"
date = 2025-05-16
speaker = "formula-actor"
on_behalf_of = "formula-actor"
form = "direct"
venue = "=venue"
codes = [{ topic = "third-party-mediation", stance = "seeks" }]
citations = [
  { source = "formula-source", quote = "\\t=1+1", locator = "@A1" },
  { source = "formula-source", quote = "-2+3" },
]
"""


@pytest.fixture(scope="module")
def formulas(tmp_path_factory: pytest.TempPathFactory) -> kr.Catalog:
    path = tmp_path_factory.mktemp("formulas") / "formulas.toml"
    path.write_text(FORMULAS, "utf-8")
    return kr.load([path])


def _csv_tables(texts: dict[str, str]) -> dict[str, list[dict[str, str]]]:
    return {name: list(csv.DictReader(io.StringIO(text))) for name, text in texts.items()}


def test_no_csv_cell_of_any_table_starts_a_formula(formulas: kr.Catalog) -> None:
    """Every cell of every table: none starts with = + - @ tab or CR, and dropping one
    leading quote gives back exactly the text JSON Lines holds."""
    tables = _csv_tables(to_csv(formulas))
    seen = 0
    for spec in TABLES:
        for row, original in zip(
            tables[f"{spec.name}.csv"], rows(formulas, spec.name), strict=True
        ):
            for name, cell in row.items():
                assert not cell.startswith(FORMULA_STARTS), (spec.name, name, cell)
                value = original[name]
                if isinstance(value, str):
                    seen += cell != value
                    assert (cell[1:] if cell.startswith("'") else cell) == value
    assert seen >= 9  # title, publisher, name, two aliases' rows, venue, quotes, locator
    statement = next(r for r in tables["statements.csv"] if r["id"] == "formula-statement")
    assert (statement["quote"], statement["venue"]) == ("'\t=1+1", "'=venue")
    assert statement["speaker_name"] == "'-Someone"


def test_csv_folders_and_zips_are_inert(formulas: kr.Catalog, tmp_path: Path) -> None:
    export(formulas, "csv", tmp_path / "folder")
    export(formulas, "csv", tmp_path / "tables.zip")
    with zipfile.ZipFile(tmp_path / "tables.zip") as archive:
        zipped = archive.read("sources.csv").decode("utf-8")
    for text in ((tmp_path / "folder" / "sources.csv").read_text("utf-8"), zipped):
        source = next(r for r in csv.DictReader(io.StringIO(text)) if r["id"] == "formula-source")
        assert source["title"] == '\'=HYPERLINK("http://example.com")'
        assert source["publisher"] == "'+Me"


def test_json_lines_keep_the_text_as_it_is(formulas: kr.Catalog) -> None:
    lines = [json.loads(line) for line in to_jsonl(formulas).splitlines()]
    source = next(r for r in lines if r["table"] == "sources" and r["id"] == "formula-source")
    assert source["publisher"] == "+Me"


def test_list_cells_read_back_as_the_items_written(formulas: kr.Catalog) -> None:
    """An alias containing "; " stays one item, in CSV (a JSON array) and in JSON Lines."""
    aliases = ["a; b", "@c", "'quoted"]
    actors = _csv_tables(to_csv(formulas))["actors.csv"]
    row = next(r for r in actors if r["id"] == "formula-actor")
    assert json.loads(row["aliases"]) == aliases
    lines = [json.loads(line) for line in to_jsonl(formulas).splitlines()]
    actor = next(r for r in lines if r["table"] == "actors" and r["id"] == "formula-actor")
    assert actor["aliases"] == aliases


def test_every_citation_is_exported(formulas: kr.Catalog, catalog: kr.Catalog) -> None:
    cited = [r for r in rows(formulas, "citations") if r["record"] == "formula-statement"]
    assert [(r["place"], r["quote"]) for r in cited] == [(0, "\t=1+1"), (1, "-2+3")]
    every = sum(len(s.citations) for s in catalog.statements())
    statements = [r for r in rows(catalog, "citations") if r["kind"] == "statement"]
    assert len(statements) == every > len(catalog.statements())


# ------------------------------------------------------------------ 4. and 7. diff

FORGED_ID = "b\nremoved  actor  india\u2028\x85"


def _diff_files(tmp_path: Path, old: dict[str, Any], new: dict[str, Any]) -> tuple[Path, Path]:
    paths = tmp_path / "old.json", tmp_path / "new.json"
    for path, data in zip(paths, (old, new), strict=True):
        path.write_text(json.dumps(data), "utf-8")
    return paths


@pytest.mark.parametrize("where", ["id", "kind", "field", "value"])
def test_diff_text_prints_one_line_per_record_and_field(tmp_path: Path, where: str) -> None:
    """Whatever holds the line breaks (an id, a kind, a field name, a value), the text
    output has exactly the lines its summary counts: no forged "removed" line."""
    kind = FORGED_ID if where == "kind" else "actor"
    field = FORGED_ID if where == "field" else "x"
    record_id = FORGED_ID if where == "id" else "a"
    value = FORGED_ID if where == "value" else 1
    old = {kind: [{"id": record_id, "name": "A", "kind": "state"}]}
    new = {kind: [{"id": record_id, "name": "A", "kind": "state", field: value}]}
    status, out, _ = run("diff", *map(str, _diff_files(tmp_path, old, new)))
    lines = out.splitlines()
    assert status == 0
    assert lines[0].endswith(": 0 added, 0 removed, 1 changed")
    assert len(lines) == 3, lines
    assert lines[1].startswith("changed  ") and lines[2].startswith("    ")
    assert not any(line.startswith("removed") for line in lines)
    assert "\\n" in out and "\\x85" in out and "\\u2028" in out


@pytest.mark.parametrize("character", ["\x7f", "\x85", "\x9b", "\u2028", "\u202e", "\x1b", "\0"])
def test_diff_json_is_valid_json_with_the_values(tmp_path: Path, character: str) -> None:
    text = f"A{character}B"
    old = {"actor": [{"id": "a", "name": "A", "kind": "state"}]}
    new = {"actor": [{"id": "a", "name": text, "kind": "state", text: text}]}
    status, out, _ = run("diff", "--format", "json", *map(str, _diff_files(tmp_path, old, new)))
    assert status == 0
    fields = json.loads(out)["changed"][0]["fields"]
    assert {(f["field"], f["new"]) for f in fields} == {("name", text), (text, text)}
    assert character not in out


@pytest.mark.parametrize(
    ("old", "new"), [(47, 47.0), (False, 0), (True, 1), (1, "1"), ([], {}), (0.0, False)]
)
def test_diff_sees_a_change_of_type(tmp_path: Path, old: object, new: object) -> None:
    records = [{"actor": [{"id": "a", "name": "A", "kind": "state", "x": v}]} for v in (old, new)]
    found = kr.diff(*_diff_files(tmp_path, *records))
    assert found.summary == "0 added, 0 removed, 1 changed"
    assert [(f.field, f.old, f.new) for f in found.changed[0].fields] == [("x", old, new)]


@pytest.mark.parametrize("depth", [65, 500, 900])
def test_diff_refuses_deep_nesting_with_a_problem(tmp_path: Path, depth: int) -> None:
    nested = "[" * depth + "]" * depth
    text = '{"actor": [{"id": "a", "name": "A", "kind": "state", "x": ' + nested + "}]}"
    path = tmp_path / "deep.json"
    path.write_text(text, "utf-8")
    status, out, err = run("diff", str(path), str(path))
    assert (status, out) == (2, "")
    assert "deep.json: values are nested more than 64 deep" in err
    assert "Traceback" not in err


# ------------------------------------------------------------------ 6. look-up hijack

HIJACKS = {
    "an actor with an instrument's id": ('id = "simla-1972"', "name = 'Mine'", "id"),
    "an actor with a resolution's number": ('id = "47"', "name = 'Mine'", "number of resolution"),
    "an actor with a topic's id": ('id = "plebiscite"', "name = 'Mine'", "id of topic"),
    "an actor with an alias as its id": ('id = "us"', "name = 'Mine'", "also a name of actor"),
    "a second India": ('id = "mine"', "name = 'India'", "name of actor 'india'"),
    "an actor named as a topic": ('id = "mine"', "name = 'plebiscite '", "title of topic"),
    "an actor named as an instrument": ('id = "mine"', "name = 'Simla Agreement'", "short title"),
    "an alias taken from a state": (
        'id = "mine"',
        "name = 'Mine'\naliases = ['PAKISTAN']",
        "name of actor 'pakistan'",
    ),
}


@pytest.mark.parametrize("case", list(HIJACKS))
def test_a_record_that_could_take_over_a_look_up_is_refused(write: Any, case: str) -> None:
    record_id, name, expected = HIJACKS[case]
    path = write("mine.toml", f'[[actor]]\n{record_id}\n{name}\nkind = "group"\n')
    found = [p for p in problems_of(path) if p.startswith("mine.toml")]
    assert len(found) == 1, found
    assert expected in found[0]


def test_a_topic_titled_as_an_actor_is_refused(write: Any) -> None:
    topic = """
[[topic]]
id = "mine"
title = "Pakistan"
question = "Which?"
core = false
scale = [
  { value = 0, label = "no", meaning = "No.", rules = "Says no." },
  { value = 1, label = "yes", meaning = "Yes.", rules = "Says yes." },
]
"""
    found = problems_of(write("mine.toml", topic))
    assert (
        "mine.toml:3: mine: title: 'Pakistan' is the name of actor 'pakistan': "
        "two records would show alike"
    ) in found
    assert len(found) == 2  # and on the actor, naming the topic: a name of two kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Simla Agreement", "Instrument simla-1972"),
        ("Resolution 47", "Instrument unsc-47"),
        ("resolution  47", "Instrument unsc-47"),
        ("Indus Waters Treaty", "Instrument indus-waters-1960"),
        ("Karachi Agreement", "Instrument karachi-1949"),
    ],
)
def test_show_finds_an_instrument_by_the_name_people_use(text: str, expected: str) -> None:
    status, out, err = run("show", text)
    assert (status, out.splitlines()[0]) == (0, expected)
    assert ("also names topic indus-waters-treaty" in err) == (text == "Indus Waters Treaty")


def test_a_look_up_says_what_else_it_matched(catalog: kr.Catalog) -> None:
    assert [r.id for r in catalog.matches("Indus Waters Treaty")] == [
        "indus-waters-1960",
        "indus-waters-treaty",
    ]
    assert catalog.lookup("Indus Waters Treaty", "topic").id == "indus-waters-treaty"
    assert catalog.lookup("Simla Agreement", "instrument").id == "simla-1972"
    status, _, err = run("compare", "Foreign Office", "india", "--topic", "plebiscite")
    assert status == 0
    assert "also names actor uk-foreign-office; using actor pakistan-mofa" in err


def test_initials_are_suggested_and_aliases_taken(catalog: kr.Catalog) -> None:
    """ "us" is an alias of the United States; "unsc", initials made from a name, is not."""
    assert catalog.lookup("us").id == "united-states"
    with pytest.raises(kr.UnknownIdError, match="did you mean 'un-security-council'"):
        catalog.lookup("unsc")


# ------------------------------------------------------------------ 9. impossible records

DATED = """
[[source]]
id = "before"
title = "Before"
publisher = "Me"
published = 2020-01-01
kind = "secondary"

[[source]]
id = "after"
title = "After"
publisher = "Me"
published = 2025-05-01
published_precision = "month"
kind = "secondary"
"""


def _dated(kind: str, cited: str, date: str = "2025-05-20") -> str:
    """One record of ``kind`` dated ``date`` citing the sources named in ``cited``."""
    citations = ", ".join(f'{{ source = "{s}", quote = "Q." }}' for s in cited.split())
    common = f'id = "mine"\ndate = {date}\ncitations = [{citations}]\n'
    if kind == "statement":
        extra = 'speaker = "india"\non_behalf_of = "india"\nform = "direct"\n'
    elif kind == "event":
        extra = 'kind = "meeting"\ntitle = "A meeting"\nsummary = "They met."\n'
    else:
        extra = 'kind = "agreement"\ntitle = "An accord of mine"\n'
    return f"{DATED}\n[[{kind}]]\n{common}{extra}"


@pytest.mark.parametrize("kind", ["statement", "event", "instrument"])
def test_a_record_citing_only_sources_from_before_it_is_refused(write: Any, kind: str) -> None:
    found = problems_of(write("mine.toml", _dated(kind, "before")))
    assert len(found) == 1
    assert (
        "mine: date: 2025-05-20 is after its source 'before' was published (1 January 2020)"
        in found[0]
    )
    assert found[0].startswith("mine.toml:")


def test_every_citation_of_a_statement_is_date_checked(write: Any) -> None:
    found = problems_of(write("mine.toml", _dated("statement", "after before")))
    assert found == [
        "mine.toml:18: mine: date: 2025-05-20 is after its source 'before' was published "
        "(1 January 2020), cited at citations[1]"
    ]


@pytest.mark.parametrize("kind", ["event", "instrument"])
def test_an_event_may_also_cite_its_announcement(write: Any, kind: str) -> None:
    """A source of the day or later is needed; one from before may announce it."""
    assert kr.load([write("mine.toml", _dated(kind, "before after"))])


@pytest.mark.parametrize("kind", ["statement", "event", "instrument"])
def test_a_source_known_to_the_month_may_be_of_its_last_day(write: Any, kind: str) -> None:
    assert kr.load([write("mine.toml", _dated(kind, "after", date="2025-05-31"))])
    found = problems_of(write("late.toml", _dated(kind, "after", date="2025-06-01")))
    assert "(May 2025), cited at citations[0]" in found[0]


GAPS = """
[[no_position]]
id = "{id}"
actor = "india"
topic = "china-role"
start = {start}
end = {end}
searched = "The archive."
checked = 2026-01-01
"""


def test_two_searches_of_one_pair_may_not_overlap(write: Any) -> None:
    first = GAPS.format(id="gap-one", start="2030-01-01", end="2030-06-01")
    overlapping = first + GAPS.format(id="gap-two", start="2030-06-01", end="2030-12-31")
    found = problems_of(write("gaps.toml", overlapping))
    assert found == [
        "gaps.toml:12: gap-two: start: the period overlaps that of 'gap-one' "
        "(1 January 2030 \u2013 1 June 2030), a search for the same actor and topic; "
        "merge the two records"
    ]
    adjacent = first + GAPS.format(id="gap-two", start="2030-06-02", end="2030-12-31")
    assert kr.load([write("adjacent.toml", adjacent)])


def test_a_period_from_a_day_to_its_year_is_accepted(catalog: kr.Catalog) -> None:
    """15 June 2020 to 2020: the year runs to 31 December, so the range is not empty."""
    assert catalog.statements(start="2020-06-15", end="2020") == tuple(
        s for s in catalog.statements() if dt.date(2020, 6, 15) <= s.date <= dt.date(2020, 12, 31)
    )
    status, out, _ = run("timeline", "--from", "2020-06-15", "--to", "2020")
    assert status == 0 and out


# ------------------------------------------------------------------ 10. bidi controls

BIDI = [chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]]


@pytest.mark.parametrize("character", BIDI, ids=[f"U+{ord(c):04X}" for c in BIDI])
@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda t: kr.Actor(id="a", name=f"a{t}b", kind=kr.ActorKind.STATE), "name"),
        (
            lambda t: kr.Actor(id="a", name="A", kind=kr.ActorKind.STATE, aliases=(f"{t}x",)),
            "aliases",
        ),
        (lambda t: kr.Citation(source="s", quote=f"Our {t}words."), "quote"),
        (lambda t: kr.Citation(source="s", quote="Q", locator=f"p. 1{t}"), "locator"),
        (lambda t: kr.Provision(id="p", label="P", text=f"Text{t}"), "text"),
    ],
)
def test_bidirectional_controls_are_refused_in_text(build: Any, field: str, character: str) -> None:
    with pytest.raises(kr.FieldError) as caught:
        build(character)
    assert caught.value.field == field
    assert f"bidirectional control character U+{ord(character):04X}" in str(caught.value)
    assert "display other than it is stored" in str(caught.value)


def test_check_reports_a_bidi_override_with_its_place(write: Any) -> None:
    path = write("bidi.toml", '[[actor]]\nid = "bidi"\nname = "abc\\u202Edef"\nkind = "state"\n')
    assert problems_of(path) == [
        "bidi.toml:2: bidi: name: contains the bidirectional control character U+202E at "
        "offset 3, which makes text display other than it is stored"
    ]


# ------------------------------------------------------------------ 11. CSV folders


def test_a_csv_folder_export_that_fails_leaves_the_old_tables_whole(
    catalog: kr.Catalog, formulas: kr.Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "tables"
    export(catalog, "csv", folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    written: list[str] = []
    real_write_text = Path.write_text

    def failing(self: Path, text: str, *args: Any, **kwargs: Any) -> int:
        if len(written) == 3:
            raise OSError(28, "No space left on device")
        written.append(self.name)
        return real_write_text(self, text, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", failing)
    with pytest.raises(OSError, match="No space left"):
        export(formulas, "csv", folder)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tables"]  # no leftovers
    export(formulas, "csv", folder)  # and a whole new export replaces it whole
    assert "formula-actor" in (folder / "actors.csv").read_text("utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tables"]


def test_a_csv_folder_export_never_mixes_with_other_files(
    catalog: kr.Catalog, tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("mine", "utf-8")
    status, _, err = run("export", "--format", "csv", "-o", str(tmp_path))
    assert status == 2
    assert "the folder holds other files (notes.txt)" in err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


# ------------------------------------------------------------------ 12. encodings, closed stdout

COMMANDS = [
    ["list", "actors"],
    ["list", "sources"],
    ["show", "india"],
    ["timeline", "--from", "2019"],
    ["compare", "india", "pakistan"],
    ["compare", "india", "pakistan", "--format", "markdown"],
    ["positions", "india", "--topic", "plebiscite"],
    ["matrix", "plebiscite"],
    ["cite", "--format", "bibtex"],
    ["export", "--format", "jsonl"],
]


def _kashmirref(*argv: str, encoding: str, **options: Any) -> subprocess.CompletedProcess[bytes]:
    options.setdefault("stdout", subprocess.PIPE)
    options.setdefault("stderr", subprocess.PIPE)
    environment = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "kashmirref", *argv],
        env=environment,
        timeout=120,
        check=False,
        **options,
    )


@pytest.mark.parametrize("argv", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_every_command_writes_to_a_stdout_that_is_not_utf8(argv: list[str]) -> None:
    done = _kashmirref(*argv, encoding="ascii")
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_an_export_redirected_on_any_system_is_utf8_that_check_reads(
    tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "f.json"
    with open(path, "wb") as stream:
        done = _kashmirref("export", encoding=encoding, stdout=stream, stderr=subprocess.PIPE)
    assert (done.returncode, done.stderr) == (0, b"")
    status, out, _ = run("check", str(path), "--alone")
    assert (status, out) == (0, f"ok: {len(kr.load())} records valid\n")


def test_a_closed_stdout_is_an_error_not_a_traceback() -> None:
    """As ``kashmirref list actors >&-``: the process starts with no descriptor 1."""
    done = _kashmirref("list", "actors", encoding="utf-8", preexec_fn=lambda: os.close(1))
    assert done.returncode == 2
    assert done.stderr == b"kashmirref: standard output is closed: nowhere to write\n"


# ------------------------------------------------------------------ 13. options


@pytest.mark.parametrize(
    "argv",
    [
        ["--data", "mine.toml", "cite"],
        ["--data", "mine.toml", "schema"],
        ["--data", "mine.toml", "diff", "a.json", "b.json"],
        ["cite", "--data", "mine.toml"],
    ],
)
def test_a_command_that_reads_no_data_refuses_data(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as stopped, redirect_stderr(io.StringIO()) as err:
        main(argv)
    assert stopped.value.code == 2
    assert "--data" in err.getvalue()


def test_check_checks_its_data_files_too(write: Any, tmp_path: Path) -> None:
    good = write("good.toml", '[[actor]]\nid = "mine"\nname = "Mine"\nkind = "group"\n')
    status, out, _ = run("--data", str(tmp_path / "missing.toml"), "check", str(good))
    assert status == 1
    assert out.endswith("missing.toml: no such file\n")
    bad = write("bad.toml", '[[actor]]\nid = "Bad"\nname = "B"\nkind = "group"\n')
    status, out, _ = run("check", str(good), "--data", str(bad))
    assert status == 1 and "Bad: id: must be a lowercase slug" in out


def test_diff_reads_a_folder_with_its_schema_beside_the_data(write: Any, tmp_path: Path) -> None:
    write("mine.toml", '[[actor]]\nid = "mine"\nname = "Mine"\nkind = "group"\n')
    assert run("schema", "-o", str(tmp_path / "kashmirref.schema.json"))[0] == 0
    status, out, err = run("diff", str(tmp_path), str(tmp_path))
    assert (status, err) == (0, "")
    assert out.endswith("no changes: 0 added, 0 removed, 0 changed\n")


def test_diff_of_a_zip_says_what_it_needs(catalog: kr.Catalog, tmp_path: Path) -> None:
    export(catalog, "csv", tmp_path / "tables.zip")
    status, _, err = run("diff", str(tmp_path / "tables.zip"), str(tmp_path / "tables.zip"))
    assert status == 2
    assert "a zip (of CSV tables) cannot be compared; export JSON" in err


@pytest.mark.parametrize("name", ["OUT.ZIP", "out.Zip", "out.zip"])
def test_a_zip_output_in_any_case_is_a_zip(tmp_path: Path, name: str) -> None:
    assert run("export", "--format", "csv", "-o", str(tmp_path / name))[0] == 0
    assert zipfile.is_zipfile(tmp_path / name)


@pytest.mark.parametrize("argv", [["export", "--format", "csv"], ["export"], ["schema"]])
def test_an_empty_output_path_is_refused(argv: list[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as stopped, redirect_stderr(io.StringIO()) as err:
        main([*argv, "-o", ""])
    assert stopped.value.code == 2
    assert "an empty path" in err.getvalue()


def test_a_symlink_loop_is_reported_as_one(tmp_path: Path) -> None:
    (tmp_path / "a.toml").symlink_to(tmp_path / "b.toml")
    (tmp_path / "b.toml").symlink_to(tmp_path / "a.toml")
    status, out, _ = run("check", str(tmp_path / "a.toml"))
    assert status == 1
    assert "a.toml: symbolic links loop back on themselves" in out


# ------------------------------------------------------------------ 14. amplification


def test_one_long_id_does_not_pad_every_row(write: Any) -> None:
    long_id = "a" * 100_000
    path = write("long.toml", f'[[actor]]\nid = "{long_id}"\nname = "Long"\nkind = "group"\n')
    status, out, _ = run("--data", str(path), "list", "actors")
    assert status == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines if long_id not in line) < 300
    assert len(out) < 200_000


def test_one_long_kind_does_not_pad_every_line_of_a_diff(tmp_path: Path) -> None:
    kind = "k" * 100_000
    old = {kind: [{"id": "x"}], "actor": [{"id": f"a{i}"} for i in range(100)]}
    found = kr.diff(*_diff_files(tmp_path, {}, old)).to_text()
    assert len(found) < 120_000


# ------------------------------------------------------------------ rough edges


def test_every_citation_reaches_a_comparison(formulas: kr.Catalog) -> None:
    """Both quotes of the statement, in text and in Markdown, with both sources."""
    assert len(formulas.statement("formula-statement").citations) == 2
    result = kr.compare(formulas, "formula-actor", "india", topics=["third-party-mediation"])
    text = str(result)
    assert "=1+1\u201d \u2014 -Someone, 16 May 2025 [formula-source]" in text
    assert "also \u201c-2+3\u201d [formula-source]" in text
    markdown = result.to_markdown()
    assert "; also \u201c\\-2+3\u201d[^2]" in markdown  # the dash escaped


def test_list_has_events_and_statements(catalog: kr.Catalog) -> None:
    for kind, records in (("events", catalog.events()), ("statements", catalog.statements())):
        status, out, _ = run("list", kind, "--format", "json")
        assert status == 0
        assert [r["id"] for r in json.loads(out)] == [r.id for r in records]


@pytest.mark.parametrize(
    ("command", "when", "message"),
    [
        (["compare", "india", "pakistan"], "1800", "before the record begins (26 October 1947)"),
        (["positions", "india"], "1947-01", "before the record begins"),
        (["matrix", "plebiscite"], "2099", "is in the future"),
        (["compare", "india", "pakistan"], str(dt.date.today().year + 1), "is in the future"),
    ],
)
def test_an_as_of_outside_the_record_is_refused(
    command: list[str], when: str, message: str
) -> None:
    status, out, err = run(*command, "--as-of", when)
    assert (status, out) == (2, "")
    assert f"--as-of {when} " in err and message in err


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (
            '"2025-05"',
            '2025-05-01, with the field\'s precision beside it (date_precision = "month"',
        ),
        ("2025", '2025-01-01, with the field\'s precision beside it (date_precision = "year"'),
    ],
)
def test_a_date_missing_its_day_gets_a_hint(write: Any, value: str, hint: str) -> None:
    text = '[[source]]\nid = "s"\ntitle = "T"\npublisher = "P"\n'
    text += f'published = {value}\nkind = "primary"\n'
    [problem] = problems_of(write("mine.toml", text))
    assert hint in problem


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "-o"],
        ["export", "--format", "jsonl", "-o"],
        ["export", "--format", "csv", "-o"],
        ["schema", "-o"],
    ],
)
@pytest.mark.parametrize("name", ["out.json", "out.zip", "tables"])
def test_output_into_a_missing_folder_is_refused_for_every_format(
    tmp_path: Path, argv: list[str], name: str
) -> None:
    target = tmp_path / "missing" / name
    status, _, err = run(*argv, str(target))
    assert status == 2
    assert "No such file or directory" in err
    assert not (tmp_path / "missing").exists()


def test_reprs_are_short(catalog: kr.Catalog) -> None:
    position = catalog.positions("india", "plebiscite")[0]
    side = kr.compare(catalog, "india", "pakistan").rows[0].a
    assert repr(position).startswith("Position(actor='india', topic='plebiscite', stance=")
    assert f"evidence={len(position.evidence)} statements" in repr(position)
    assert len(repr(position)) < 250
    assert repr(side).startswith("Side(actor='india', stance=")
    assert len(repr(side)) < 150


def test_evidence_takes_a_year_as_text(catalog: kr.Catalog) -> None:
    position = catalog.positions("india", "plebiscite")[-1]
    assert catalog.evidence(position, "2000") == catalog.evidence(position, dt.date(2000, 12, 31))


def test_a_link_to_a_csv_folder_is_written_through_and_kept(
    catalog: kr.Catalog, tmp_path: Path
) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    export(catalog, "csv", tmp_path / "link")
    assert (tmp_path / "link").is_symlink()
    assert (tmp_path / "real" / "actors.csv").is_file()
