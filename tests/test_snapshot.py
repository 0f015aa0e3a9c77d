"""The snapshot of the shipped catalogue is current, equal to the TOML, and never stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import kashmirref as kr
from kashmirref import snapshot
from kashmirref.io import parse_shipped, shipped_files


def test_committed_snapshot_is_current() -> None:
    found = snapshot.read(shipped_files())
    assert found is not None, "the snapshot is stale: run `python -m kashmirref.snapshot`"
    assert found == parse_shipped()


def test_load_serves_the_snapshot_with_working_indexes() -> None:
    cat = kr.load()
    assert cat == parse_shipped()
    history = cat.positions(actor="india", topic="third-party-mediation")
    assert [p.stance for p in history] == [
        p.stance for p in parse_shipped().positions(actor="india", topic="third-party-mediation")
    ]
    assert history[-1].stance == "declines" and history[-1].valid_to is None
    assert cat.resolution(47).id == "unsc-47"


def test_an_edited_file_is_never_shadowed(tmp_path: Path) -> None:
    copies = []
    for path in shipped_files():
        copies.append(Path(shutil.copy(path, tmp_path / path.name)))
    target = tmp_path / "catalog.pickle"
    snapshot.write(parse_shipped(), copies, target)
    assert snapshot.read(copies, target) == parse_shipped()
    copies[0].write_text(copies[0].read_text(encoding="utf-8") + "\n# edited\n", "utf-8")
    assert snapshot.read(copies, target) is None


def test_a_broken_snapshot_is_ignored(tmp_path: Path) -> None:
    target = tmp_path / "catalog.pickle"
    assert snapshot.read(shipped_files(), target) is None  # missing
    target.write_bytes(b"not a pickle")
    assert snapshot.read(shipped_files(), target) is None
