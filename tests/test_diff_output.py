"""The diff's text and JSON, read exactly: every key, the alignment, non-ASCII as is."""

import json
from pathlib import Path

import kashmirref as kr

OLD = {
    "actor": [
        {"id": "alpha", "name": "Ålpha", "kind": "state"},
        {"id": "beta", "name": "Beta", "kind": "state"},
    ]
}
NEW = {
    "actor": [
        {"id": "alpha", "name": "Ålpha Länd", "kind": "state"},
        {"id": "gamma", "name": "Gamma", "kind": "organisation"},
    ],
    "topic": [],
}


def _diff(tmp_path: Path) -> kr.Diff:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps(OLD), encoding="utf-8")
    new.write_text(json.dumps(NEW), encoding="utf-8")
    return kr.diff(old, new)


def test_text(tmp_path: Path) -> None:
    found = _diff(tmp_path)
    assert found.to_text() == (
        f"{tmp_path / 'old.json'} -> {tmp_path / 'new.json'}: 1 added, 1 removed, 1 changed\n"
        "added    actor  gamma\n"
        "removed  actor  beta\n"
        "changed  actor  alpha\n"
        '    name: "Ålpha" -> "Ålpha Länd"\n'
    )
    assert str(found) == found.to_text()


def test_nothing_changed_is_one_line(tmp_path: Path) -> None:
    same = tmp_path / "same.json"
    same.write_text(json.dumps(OLD), encoding="utf-8")
    assert kr.diff(same, same).to_text() == (
        f"{same} -> {same}: no changes: 0 added, 0 removed, 0 changed\n"
    )


def test_json(tmp_path: Path) -> None:
    found = _diff(tmp_path)
    text = found.to_json()
    assert text.endswith("}\n") and '\n  "old": ' in text and "Ålpha Länd" in text
    assert found.to_json(indent=None) == json.dumps(found.to_dict(), ensure_ascii=False) + "\n"
    assert json.loads(text) == {
        "old": str(tmp_path / "old.json"),
        "new": str(tmp_path / "new.json"),
        "summary": {"added": 1, "removed": 1, "changed": 1},
        "added": [
            {
                "kind": "actor",
                "id": "gamma",
                "record": {"id": "gamma", "name": "Gamma", "kind": "organisation"},
            }
        ],
        "removed": [
            {
                "kind": "actor",
                "id": "beta",
                "record": {"id": "beta", "name": "Beta", "kind": "state"},
            }
        ],
        "changed": [
            {
                "kind": "actor",
                "id": "alpha",
                "fields": [{"field": "name", "old": "Ålpha", "new": "Ålpha Länd"}],
            }
        ],
    }


def test_a_kind_absent_from_the_new_side_is_removed_whole(tmp_path: Path) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(json.dumps({**OLD, "topic": []}), encoding="utf-8")
    new.write_text(json.dumps({"topic": []}), encoding="utf-8")  # no "actor" at all
    found = kr.diff(old, new)
    assert [(c.kind, c.id, c.status) for c in found.removed] == [
        ("actor", "alpha", "removed"),
        ("actor", "beta", "removed"),
    ]
    assert kr.diff(new, old).summary == "2 added, 0 removed, 0 changed"
