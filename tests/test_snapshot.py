"""The snapshot of the shipped catalogue is current, equal to the TOML, and never stale."""

from __future__ import annotations

import functools
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


def _modules_of(value: object, seen: set[int], found: set[str]) -> None:
    """The modules of every object's class reachable from ``value``, as pickle walks it."""
    if id(value) in seen or isinstance(value, str | bytes | int | float | bool | type(None)):
        return
    seen.add(id(value))
    found.add(type(value).__module__)
    if isinstance(value, dict):
        items: list[object] = [*value.keys(), *value.values()]
    elif isinstance(value, list | tuple | set | frozenset):
        items = list(value)
    else:
        slots = [s for cls in type(value).__mro__ for s in getattr(cls, "__slots__", ())]
        items = [getattr(value, s) for s in slots if hasattr(value, s)]
        items += list(getattr(value, "__dict__", {}).values())
    for item in items:
        _modules_of(item, seen, found)


def test_the_snapshot_is_keyed_to_the_code_of_everything_it_pickles() -> None:
    found: set[str] = set()
    catalog = parse_shipped()
    catalog.complete_indexes()  # as the snapshot pickles it
    _modules_of(catalog, set(), found)
    ours = {m for m in found if m.startswith("kashmirref")}
    assert "kashmirref.derive" in ours  # the indexes hold derived structures
    assert ours <= set(snapshot.code_modules())


def test_the_snapshot_holds_every_index_table_built() -> None:
    found = snapshot.read(shipped_files())
    assert found is not None
    built = vars(found._index)
    lazy = [
        n for n, v in vars(type(found._index)).items() if isinstance(v, functools.cached_property)
    ]
    assert lazy and all(name in built for name in lazy), sorted(set(lazy) - set(built))
