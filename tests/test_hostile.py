"""Hostile input (issue 18): never a traceback, never silent loss, never a race, never an
injection. One section per failure class of the issue."""

from __future__ import annotations

import ast
import datetime as dt
import io
import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import attrs
import markdown  # type: ignore[import-untyped]
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kashmirref as kr
from kashmirref import io as krio
from kashmirref import markup, snapshot
from kashmirref.cli import main
from kashmirref.render import comparison_markdown
from kashmirref.site import pages
from kashmirref.site.markdown import web_link
from kashmirref.terminal import visible

PACKAGE = Path(kr.__file__).parent

SOURCE = """
[[source]]
id = "my-source"
title = "My notes"
publisher = "Me"
published = 2025-05-16
kind = "secondary"
"""

STATEMENT = """
[[statement]]
id = "my-statement"
date = 2025-05-16
speaker = "pakistan"
on_behalf_of = "pakistan"
form = "direct"
codes = [{ topic = "third-party-mediation" }]
citations = [{ source = "my-source", quote = "Our words." }]
"""


def problems_of(path: Path, *, include_shipped: bool = True) -> list[str]:
    with pytest.raises(kr.DataError) as caught:
        kr.load([path], include_shipped=include_shipped)
    return [str(p).replace(str(path), path.name) for p in caught.value.problems]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(list(argv))
    return status, out.getvalue(), err.getvalue()


def one_line(problem: str) -> None:
    assert "\n" not in problem and "\r" not in problem and "\x1b" not in problem
    assert len(problem) < 600, problem[:200]


# ------------------------------------------------------------------ 1. concurrency


ROUNDS = 500
"""Loads per thread in the concurrency test (a fixed amount of work, not a duration)."""


def test_concurrent_loads_never_switch_validation_off_elsewhere(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[actor]]\nid = "Bad Id"\nname = " "\nkind = "person"\n', "utf-8")
    good = tmp_path / "good.toml"
    good.write_text(SOURCE, "utf-8")
    accepted: list[str] = []
    wrong: list[str] = []

    def build_bad_records() -> None:
        for _ in range(ROUNDS * 20):
            try:
                kr.Actor(id="NOT A SLUG", name="X", kind=kr.ActorKind.STATE)
            except kr.FieldError:
                continue
            accepted.append("NOT A SLUG")

    def load_bad_file() -> None:
        for _ in range(ROUNDS):
            try:
                kr.load([bad], include_shipped=False)
            except kr.DataError as error:
                if len(error.problems) != 2:
                    wrong.append(str(error))
            else:
                wrong.append("loaded")

    def load_good_file() -> None:
        for _ in range(ROUNDS):
            if len(kr.load([good], include_shipped=False)) != 1:
                wrong.append("good file")

    threads = [threading.Thread(target=f) for f in [load_bad_file] * 3 + [build_bad_records] * 3]
    threads.append(threading.Thread(target=load_good_file))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert accepted == []
    assert wrong == []


# ------------------------------------------------------------------ 2. snapshot


def _corruptions(data: bytes) -> Iterator[tuple[str, bytes]]:
    middle = len(data) // 2
    yield "changed byte", data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :]
    yield "bad header", b"kashmirref-snapshot-2\nnot-a-digest\n" + data
    yield "truncated", data[: len(data) - 100]
    yield "header only", data.split(b"\n", 1)[0]
    yield "empty", b""
    yield "garbage", b"\x80\x04not a pickle at all"


@pytest.fixture
def shipped_cache() -> Iterator[None]:
    krio._shipped_catalog.cache_clear()
    yield
    krio._shipped_catalog.cache_clear()


@pytest.mark.usefixtures("shipped_cache")
def test_a_corrupt_snapshot_falls_back_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = snapshot.SNAPSHOT.read_bytes()
    expected = krio.parse_shipped()
    copy = tmp_path / "catalog.pickle"
    monkeypatch.setattr(snapshot, "SNAPSHOT", copy)
    out_file = tmp_path / "export.json"
    for name, data in _corruptions(original):
        copy.write_bytes(data)
        assert snapshot.read(krio.shipped_files()) is None, name
        krio._shipped_catalog.cache_clear()
        assert kr.load() == expected, name
        for argv in (
            ["compare", "pakistan", "india"],
            ["show", "simla-1972"],
            ["timeline"],
            ["positions", "india"],
            ["check", str(PACKAGE / "data" / "actors.toml"), "--alone"],
            ["export", "-o", str(out_file)],
        ):
            krio._shipped_catalog.cache_clear()
            status, out, err = run(*argv)
            assert (status, err) == (0, ""), (name, argv)
            assert out or argv[0] == "export"


# ------------------------------------------------------------------ 3. every problem, bounded


def test_field_and_reference_problems_reported_in_one_run(write: Any) -> None:
    text = STATEMENT.replace('speaker = "pakistan"', 'speaker = "pakistn"')
    text += SOURCE.replace('publisher = "Me"', "publisher = 5")
    text += '\n[[actor]]\nid = "broken"\nname = ""\nkind = "person"\n'
    text += '\n[[actor]]\nid = "child"\nname = "Child"\nkind = "person"\nparent = "broken"\n'
    path = write("mine.toml", text)
    found = problems_of(path)
    assert found == [
        "mine.toml:3: my-statement: speaker: refers to unknown actor 'pakistn'; "
        "did you mean 'pakistan'?",
        "mine.toml:12: my-source: publisher: expected str, got int 5",
        "mine.toml:19: broken: name: must not be empty",
    ]  # no "unknown source 'my-source'", no "unknown actor 'broken'": those records failed


def _dangling(tmp_path: Path, count: int) -> tuple[float, list[kr.Problem]]:
    """Load ``count`` statements that each refer to an unknown actor and source."""
    statements = [
        {
            "id": f"s-{i}",
            "date": "2025-05-16",
            "speaker": f"nobody-{i}",
            "on_behalf_of": "pakistan",
            "form": "direct",
            "citations": [{"source": f"missing-source-{i % 50}", "quote": "Q" * 200}],
        }
        for i in range(count)
    ]
    path = tmp_path / f"many-{count}.json"
    path.write_text(json.dumps({"statement": statements}), "utf-8")
    started = time.perf_counter()
    with pytest.raises(kr.DataError) as caught:
        kr.load([path])
    return time.perf_counter() - started, list(caught.value.problems)


def test_dangling_references_cost_grows_linearly(tmp_path: Path) -> None:
    """Ten times the references cost about ten times as much, not a hundred (no timing
    budget: the two sizes are compared, with a generous factor)."""
    small, few = _dangling(tmp_path, 400)
    large, many = _dangling(tmp_path, 4_000)
    assert (len(few), len(many)) == (800, 8_000)
    assert large < 40 * max(small, 0.01), (small, large)  # quadratic suggestions: about 100x
    for problem in many[:50]:
        one_line(str(problem))


def test_messages_never_repeat_a_huge_value(write: Any) -> None:
    huge = json.dumps(
        {"actor": [{"id": "a", "name": "A", "kind": "state", "aliases": "x" * 10**6}]}
    )
    path = write("huge.json", huge)
    for problem in problems_of(path, include_shipped=False):
        one_line(problem)
    long_list = json.dumps({"actor": [{"id": ["x"] * 100_000, "name": "A", "kind": "state"}]})
    for problem in problems_of(write("list.json", long_list), include_shipped=False):
        one_line(problem)


def test_suggestions_for_an_unknown_look_up_are_indexed() -> None:
    known = [f"actor-{i}" for i in range(20_000)]
    error = kr.UnknownIdError("actor", "actor-1234x", known)
    assert "actor-1234" in error.suggestions


# ------------------------------------------------------------------ 4. injection

HOSTILE = (
    "<script>alert(1)</script> a | b *c* [x](javascript:alert(1)) {: onclick=alert(1)} &lt;i&gt;"
)


def _hostile_catalog() -> kr.Catalog:
    base = kr.load()
    tables: dict[str, Any] = {}
    for table, records in base.tables():
        changed = []
        for record in records:
            if isinstance(record, kr.Actor) and record.id in {"india", "pakistan"}:
                record = attrs.evolve(record, name=f"{record.name} {HOSTILE}")
            elif isinstance(record, kr.Topic):
                title = f"# {record.id} {HOSTILE}"  # titles stay distinct
                record = attrs.evolve(record, title=title, question=f"- {HOSTILE}")
            elif isinstance(record, kr.Statement):
                citations = tuple(
                    attrs.evolve(c, quote=f"{c.quote}\n{HOSTILE}\n| x |", locator=HOSTILE)
                    for c in record.citations
                )
                invokes = tuple(attrs.evolve(i, reading=HOSTILE) for i in record.invokes)
                record = attrs.evolve(record, citations=citations, invokes=invokes)
            elif isinstance(record, kr.Instrument):
                record = attrs.evolve(record, title=f"{record.title} {HOSTILE}")
            elif isinstance(record, kr.Source):
                record = attrs.evolve(record, title=HOSTILE, publisher=HOSTILE)
            changed.append(record)
        tables[f"_{table}s" if table != "no_position" else "_no_positions"] = tuple(changed)
    return kr.Catalog(**{k.lstrip("_"): v for k, v in tables.items()})


def _html(text: str) -> str:
    html: str = markdown.markdown(
        text, extensions=["tables", "footnotes", "attr_list", "admonition"]
    )
    return html


TAG = re.compile(r"<[^>]*>")


def _assert_inert(html: str) -> None:
    """No element, attribute or link target was made from the hostile text."""
    assert "<script" not in html.lower()
    for tag in TAG.findall(html):
        assert "javascript:" not in tag.lower(), tag
        assert not re.search(r"\son\w+\s*=", tag), tag


def test_comparison_markdown_is_inert_and_keeps_its_table() -> None:
    catalog = _hostile_catalog()
    text = comparison_markdown(kr.compare(catalog, "pakistan", "india"))
    html = _html(text)
    _assert_inert(html)
    table = html.split("<table>")[1].split("</table>")[0]
    rows = table.count("<tr>")
    assert rows == len(catalog.topics()) + 1
    assert all(row.count("<td>") == 7 for row in table.split("<tr>")[2:])
    assert "&lt;script&gt;" in html


def test_site_pages_are_inert() -> None:
    catalog = _hostile_catalog()
    for page in pages(catalog):
        _assert_inert(_html(page.text))


def test_web_links_are_http_only() -> None:
    assert web_link("javascript:alert(1)", "x") == "x"
    assert web_link("data:text/html,<script>", "x") == "x"
    assert markup.url("https://example.org/a b)<x>") == "https://example.org/a%20b%29%3Cx%3E"
    html = _html(web_link('https://example.org/"onmouseover="x', "y"))
    assert "onmouseover=" not in html.replace("%22onmouseover=%22", "")


def test_source_url_must_be_http() -> None:
    with pytest.raises(kr.FieldError, match="http"):
        kr.Source(
            id="s",
            title="T",
            publisher="P",
            published=dt.date(2020, 1, 1),
            kind=kr.SourceKind.PRIMARY,
            url="javascript:alert(1)",
        )


def test_check_shows_control_characters_escaped(write: Any) -> None:
    forged = "x\nok: 999 records valid\x1b[2J\r\x00"
    path = write(
        "forge.json", json.dumps({"actor": [{"id": forged, "name": "A", "kind": "state"}]})
    )
    status, out, _ = run("check", str(path), "--alone")
    assert status == 1
    assert "\x1b" not in out and "\r" not in out and "\x00" not in out
    assert all(line.startswith(str(path)) for line in out.splitlines())
    assert "\\nok: 999 records valid\\x1b[2J\\r\\x00" in out


def test_show_and_timeline_escape_line_breaks_in_quotes(write: Any) -> None:
    quote = "Our words.\\nok: forged line\\tend"
    path = write("mine.toml", STATEMENT.replace('"Our words."', f'"{quote}"') + SOURCE)
    status, out, _ = run("--data", str(path), "show", "my-statement")
    assert status == 0
    assert "Our words.\\nok: forged line\\tend" in out
    assert not any(line.startswith("ok:") for line in out.splitlines())
    status, out, _ = run(
        "--data", str(path), "timeline", "--from", "2025-05-16", "--to", "2025-05-16"
    )
    assert status == 0 and "Our words.\\nok: forged line" in out


def test_visible() -> None:
    assert visible("a\x1b[31mb\x00\r\n\u202e\ud800") == "a\\x1b[31mb\\x00\\r\\n\\u202e\\ud800"
    assert visible("Kashmir \u0915\u0936\u094d\u092e\u0940\u0930") == "Kashmir कश्मीर"


# ------------------------------------------------------------------ 5. no traceback

VALID = json.loads(kr.load().to_json())


def _json_with(**changes: Any) -> str:
    document = {"source": [dict(VALID["source"][0])]}
    document["source"][0].update(changes)
    return json.dumps(document)


CASES: dict[str, tuple[str, str | bytes, str]] = {
    "deep json": ("x.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    "deep json object": ("x.json", '{"a":' * 50_000 + "1" + "}" * 50_000, "nested too deeply"),
    "deep toml": ("x.toml", "a = " + "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    "huge int json": ("x.json", '{"actor": [{"id": ' + "9" * 5000 + "}]}", "too many digits"),
    "huge int toml": ("x.toml", "[[actor]]\nid = " + "9" * 5000 + "\n", "too many digits"),
    "big int field": ("x.json", _json_with(published=10**300), "expected a date"),
    "lone surrogate": (
        "x.json",
        '{"actor": [{"id": "a", "name": "\\ud800", "kind": "state"}]}',
        "U+D800",
    ),
    "surrogate key": ("x.json", '{"actor": [{"id": "a", "\\udc00": 1}]}', "unknown field"),
    "duplicate kind": ("x.json", '{"actor": [],\n "actor": []}', "key 'actor' appears twice"),
    "duplicate field": (
        "x.json",
        '{"actor": [{"id": "a",\n"name": "A",\n"name": "B", "kind": "state"}]}',
        "x.json:3: key 'name' appears twice",
    ),
    "utf16": ("x.toml", "\ufeff[[actor]]".encode("utf-16"), "UTF-16"),
    "not utf8": ("x.toml", b"a = '\xff'", "not valid UTF-8"),
    "control in name": ("x.json", _json_with(title="A\x1b[2JB"), "control character U+001B"),
    "newline in title": ("x.json", _json_with(title="A\nB"), "control character U+000A"),
    "nul in note": ("x.json", _json_with(note="A\x00B"), "U+0000"),
    "zero-width only": ("x.json", _json_with(title="\u200b"), "must not be empty"),
    "hangul filler": ("x.json", _json_with(publisher="\u3164 \u200d"), "must not be empty"),
    "date too late": ("x.json", _json_with(published="9999-12-31"), "outside the supported range"),
    "date too early": ("x.json", _json_with(published="1500-01-01"), "outside the supported range"),
    "nan": ("x.json", '{"actor": [{"id": NaN}]}', "expected str"),
    "top level list": ("x.json", "[]", "top level must be a table"),
    "not a record": ("x.toml", "actor = [1, 2]", "a record must be a table"),
}


@pytest.mark.parametrize("name", CASES)
def test_no_traceback(name: str, tmp_path: Path) -> None:
    filename, content, expected = CASES[name]
    path = tmp_path / filename
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8", errors="surrogatepass")
    found = problems_of(path, include_shipped=False)
    assert found
    for problem in found:
        one_line(problem)
    assert expected and any(expected in p for p in found), found
    status, out, err = run("check", str(path), "--alone")
    assert status == 1 and "Traceback" not in err
    assert len(out.splitlines()) == len(found)


def test_utf8_bom_and_prose_breaks_are_accepted(write: Any) -> None:
    text = "\ufeff" + STATEMENT.replace('"Our words."', '"Our\\n\\twords."') + SOURCE
    catalog = kr.load([write("bom.toml", text)])
    assert catalog.statement("my-statement").text == "Our\n\twords."


def test_a_date_at_the_end_of_time_is_refused_at_check_time() -> None:
    with pytest.raises(kr.FieldError, match="supported range"):
        attrs.evolve(kr.load().statements()[0], date=dt.date(9999, 12, 31))


def test_unwritable_output_gives_a_message_and_leaves_no_file(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    for target in (tmp_path / "missing" / "out.json", folder):
        status, _, err = run("export", "-o", str(target))
        assert status == 2 and err.startswith("kashmirref: cannot write"), err
    assert list(folder.iterdir()) == []
    assert not (tmp_path / "missing").exists()


# ------------------------------------------------------------------ 6. line numbers


def test_lines_come_from_each_records_own_table(write: Any) -> None:
    text = (
        "# the actor 'dup' below is also a source id; id = \"dup\"\n"
        "[[source]]\n"
        "note = 'id = \"dup\" is mentioned here'\n"
        "id = 'dup'\n"
        'title = "T"\npublisher = "P"\npublished = 2020-01-01\nkind = "primary"\n'
        "\n[[actor]]\n"
        'note = """\n[[actor]]\nid = "dup"\n"""\n'
        "id = 'dup'\n"
        'name = "A"\nkind = "state"\n'
        'parent = "nobody"\n'
    )
    path = write("lines.toml", text)
    found = problems_of(path, include_shipped=False)
    unique = "ids must be unique across kinds"
    assert found == [  # the two records' own lines, though each names the other's id
        f"lines.toml:4: dup: id: 'dup' is also the id of actor 'dup': {unique}",
        f"lines.toml:15: dup: id: 'dup' is also the id of source 'dup': {unique}",
        "lines.toml:15: dup: parent: refers to unknown actor 'nobody'",
    ]


def test_json_lines_come_from_each_records_own_object(write: Any) -> None:
    text = (
        '{"source": [{"note": "\\"id\\": \\"dup\\"", "id": "dup", "title": "T",\n'
        '  "publisher": "P", "published": "2020-01-01", "kind": "primary"}],\n'
        ' "actor": [\n  {"name": "A",\n   "id": "dup", "kind": "state", "parent": "nobody"}]}'
    )
    found = problems_of(write("lines.json", text), include_shipped=False)
    unique = "ids must be unique across kinds"
    assert found == [
        f"lines.json:1: dup: id: 'dup' is also the id of actor 'dup': {unique}",
        f"lines.json:5: dup: id: 'dup' is also the id of source 'dup': {unique}",
        "lines.json:5: dup: parent: refers to unknown actor 'nobody'",
    ]


# ------------------------------------------------------------------ 7. records built in Python


def test_records_built_in_python_are_checked_like_loaded_ones() -> None:
    with pytest.raises(kr.FieldError, match="'bogus' is not one of"):
        kr.Actor(id="a", name="A", kind="bogus")  # type: ignore[arg-type]
    with pytest.raises(kr.FieldError, match=r"ActorKind\.STATE"):
        kr.Actor(id="a", name="A", kind="state")  # type: ignore[arg-type]
    with pytest.raises(kr.FieldError, match="expected a tuple"):
        kr.Actor(id="a", name="A", kind=kr.ActorKind.STATE, aliases=["x"])  # type: ignore[arg-type]
    with pytest.raises(kr.FieldError, match="item 1: expected str"):
        kr.Actor(id="a", name="A", kind=kr.ActorKind.STATE, aliases=("x", 1))  # type: ignore[arg-type]
    with pytest.raises(kr.FieldError, match="expected str"):
        kr.Actor(id=5, name="A", kind=kr.ActorKind.STATE)  # type: ignore[arg-type]
    with pytest.raises(kr.FieldError, match="expected a date"):
        kr.NoPositionFound(
            id="n",
            actor="a",
            topic="t",
            start=dt.date(2010, 1, 1),
            end=dt.date(2019, 12, 31),
            searched="s",
            checked="2020-01-01",  # type: ignore[arg-type]
        )
    with pytest.raises(kr.FieldError, match="expected Citation"):
        kr.Statement(
            id="s",
            date=dt.date(2020, 1, 1),
            speaker="a",
            on_behalf_of="a",
            form=kr.StatementForm.DIRECT,
            citations=({"source": "x", "quote": "q"},),  # type: ignore[arg-type]
        )


# ------------------------------------------------------------------ 8. import direction

LOADER = ["errors", "nearest", "terminal", "model", "convert", "integrity", "catalog", "io"]


def _imports(module: Path) -> set[str]:
    """Every kashmirref module ``module`` imports, at any level (lazy ones included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text("utf-8"))):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.module.startswith("kashmirref")
        ):
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            found.update(n.removeprefix("kashmirref.") for n in names)
        elif isinstance(node, ast.Import):
            found.update(a.name.removeprefix("kashmirref.") for a in node.names)
    return found


def test_loader_modules_import_in_one_direction() -> None:
    modules = {name: PACKAGE / f"{name}.py" for name in LOADER}
    modules["snapshot"] = PACKAGE / "snapshot" / "__init__.py"
    graph = {name: _imports(path) & set(modules) for name, path in modules.items()}
    order: list[str] = []
    visiting: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        assert name not in visiting, f"import cycle: {' -> '.join((*path, name))}"
        if name in order:
            return
        visiting.add(name)
        for target in sorted(graph[name]):
            visit(target, (*path, name))
        visiting.discard(name)
        order.append(name)

    for name in modules:
        visit(name, ())
    assert order.index("catalog") < order.index("io") and order.index("snapshot") < order.index(
        "io"
    )


# ------------------------------------------------------------------ 9. corpus

VALID_TOML = (PACKAGE / "data" / "actors.toml").read_text("utf-8")[:3000] + SOURCE + STATEMENT


def _loads_cleanly_or_reports(path: Path) -> list[str]:
    try:
        kr.load([path], include_shipped=False)
    except kr.DataError as error:
        found = [str(p) for p in error.problems]
    else:
        found = []
    for problem in found:
        one_line(problem)
    return found


@st.composite
def mutations(draw: st.DrawFn) -> bytes:
    data = bytearray(VALID_TOML.encode())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace", "duplicate"]))
        chunk = draw(
            st.binary(min_size=1, max_size=6)
            | st.sampled_from(
                [b"\x1b[2J", b"\x00", b"\r", b"'", b'"""', b"[[", b"#", b"\xe2\x80\x8b"]
            )
        )
        if action == "insert":
            data[at:at] = chunk
        elif action == "delete":
            del data[at : at + len(chunk)]
        elif action == "replace":
            data[at : at + len(chunk)] = chunk
        else:
            end = data.find(b"\n", at)
            data[at:at] = data[at : end if end > 0 else at + 10]
    return bytes(data)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutations())
def test_mutated_files_give_problems_not_tracebacks(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "mutated.toml"
    path.write_bytes(raw)
    _loads_cleanly_or_reports(path)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=6)
    | st.sampled_from(["\x1b", "\u200b", "9999-12-31", "2020-01-01", "a", "state"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=10,
)
FIELDS = st.sampled_from(["id", "name", "kind", "parent", "aliases", "title", "date", "citations"])


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.dictionaries(
        st.sampled_from(list(kr.model.RECORD_TYPES)),
        st.lists(st.dictionaries(FIELDS, JSON_VALUES, max_size=5), max_size=3),
        max_size=3,
    )
)
def test_random_structures_give_problems_not_tracebacks(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    path = tmp_path / "random.json"
    path.write_text(json.dumps(document), "utf-8")
    _loads_cleanly_or_reports(path)


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300), st.sampled_from([".toml", ".json"]))
def test_random_bytes_through_check_exit_1_one_line_each(
    tmp_path: Path, raw: bytes, suffix: str
) -> None:
    path = tmp_path / f"bytes{suffix}"
    path.write_bytes(raw)
    found = _loads_cleanly_or_reports(path)
    status, out, err = run("check", str(path), "--alone")
    assert status == (1 if found else 0)
    assert "Traceback" not in err
    if found:
        assert out.splitlines() == [visible(p) for p in found]
