"""`kashmirref diff`: records added, removed and changed between two versions, field by field."""

import contextlib
import io
import json
import re
import shutil
from pathlib import Path

import pytest

import kashmirref as kr
from kashmirref.cli import main
from kashmirref.io import SHIPPED_DATA

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_the_changelog_page_example_prints_what_the_page_shows() -> None:
    page = (DOCS / "data-changelog.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", page, re.S)
    (shown,) = re.findall(r"```text\n(.*?)```", page, re.S)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "<data-changelog>", "exec"), {"__name__": "docs_example"})
    assert printed.getvalue() == shown


def test_a_version_equals_itself_in_every_form(catalog: kr.Catalog, tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    export.write_text(catalog.to_json(), encoding="utf-8")
    assert not kr.diff(SHIPPED_DATA, export)
    assert not kr.diff(catalog, export)
    assert kr.diff(catalog, catalog).summary == "no changes: 0 added, 0 removed, 0 changed"


def _edited_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, copy, ignore=shutil.ignore_patterns("*.pickle"))
    instruments = copy / "instruments.toml"
    text = instruments.read_text(encoding="utf-8")
    text = text.replace('id = "simla-1972"', 'id = "simla-1972"\nvote = "An edit."', 1)
    instruments.write_text(text, encoding="utf-8")
    terms = copy / "terms.toml"
    terms.write_text(
        terms.read_text(encoding="utf-8")
        + '\n[[term]]\nid = "new-term"\nneutral_name = "New"\n'
        'names = [{ actor = "india", name = "New" }]\n',
        encoding="utf-8",
    )
    return copy


def test_a_folder_against_an_edited_copy(catalog: kr.Catalog, tmp_path: Path) -> None:
    copy = _edited_copy(tmp_path)
    found = kr.diff(catalog, copy)
    assert [(c.kind, c.id) for c in found.added] == [("term", "new-term")]
    assert found.removed == ()
    (changed,) = found.changed
    assert (changed.kind, changed.id) == ("instrument", "simla-1972")
    assert [(f.field, f.old, f.new) for f in changed.fields] == [("vote", None, "An edit.")]
    back = kr.diff(copy, catalog)
    assert [(c.kind, c.id) for c in back.removed] == [("term", "new-term")]


def test_lists_of_records_with_ids_are_matched_by_id(tmp_path: Path) -> None:
    def instrument(provisions: list[dict[str, str]]) -> dict[str, object]:
        return {
            "instrument": [
                {
                    "id": "pact",
                    "kind": "agreement",
                    "title": "Pact",
                    "date": "2000-01-01",
                    "citations": [{"source": "s", "quote": "q"}],
                    "provisions": provisions,
                }
            ]
        }

    one = {"id": "para-1", "label": "1", "text": "One."}
    two = {"id": "para-2", "label": "2", "text": "Two."}
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps(instrument([two])), encoding="utf-8")
    new.write_text(json.dumps(instrument([one, {**two, "text": "Two!"}])), encoding="utf-8")
    (changed,) = kr.diff(old, new).changed
    assert [f.field for f in changed.fields] == [
        "provisions[para-2].text",
        "provisions[para-1].id",
        "provisions[para-1].label",
        "provisions[para-1].text",
    ]


def test_text_and_json_output(catalog: kr.Catalog, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    copy = _edited_copy(tmp_path)
    assert main(["diff", str(SHIPPED_DATA), str(copy)]) == 0
    text = capsys.readouterr().out
    assert "1 added, 0 removed, 1 changed" in text.splitlines()[0]
    assert '    vote: (absent) -> "An edit."' in text
    assert main(["diff", str(SHIPPED_DATA), str(copy), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["summary"] == {"added": 1, "removed": 0, "changed": 1}
    assert data["added"][0]["record"]["neutral_name"] == "New"
    assert data["changed"][0]["fields"][0]["new"] == "An edit."


def test_unreadable_input_is_a_clear_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["diff", str(tmp_path / "nope.json"), str(SHIPPED_DATA)]) == 2
    assert "no such file" in capsys.readouterr().err
    (tmp_path / "bad.json").write_text("[1, 2]", encoding="utf-8")
    assert main(["diff", str(tmp_path / "bad.json"), str(SHIPPED_DATA)]) == 2
    assert "table of kinds" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    with pytest.raises(kr.InputError):
        kr.diff(tmp_path / "empty", SHIPPED_DATA)


def test_a_record_the_model_refuses_is_still_compared(tmp_path: Path) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps({"actor": [{"id": "x", "colour": "red"}]}), encoding="utf-8")
    new.write_text(
        json.dumps({"$schema": "s.json", "actor": [{"id": "x", "colour": "blue"}]}),
        encoding="utf-8",
    )
    (changed,) = kr.diff(old, new).changed
    assert [(f.field, f.old, f.new) for f in changed.fields] == [("colour", "red", "blue")]
