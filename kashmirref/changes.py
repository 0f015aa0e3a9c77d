"""What changed between two versions of a catalogue: records added, removed and changed.

Either side may be a JSON export (as ``kashmirref export --format json`` writes it), a
TOML or JSON data file, a folder of data files (every ``*.toml`` and ``*.json`` in it,
as ``kashmirref/data/`` is), or a loaded :class:`~kashmirref.catalog.Catalog`. Records
are matched by kind and id; a changed record lists each field that differs, by its path
(``citations[0].quote``; a list of records with ids, such as an instrument's
provisions, is matched by id: ``provisions[para-6].text``).

The files are read as data, not loaded as a catalogue: two versions are compared even
when one of them would no longer pass the current model's checks (an old export, say).
A record that does pass them is compared in its canonical form (defaults left out,
dates as ``YYYY-MM-DD``), so a TOML file and its JSON export compare equal. Values
compare with their types: ``47`` and ``47.0``, ``false`` and ``0`` differ.

Whatever the files hold, the text output shows every id, field and value on one line
with control characters escaped (so no record can print a line of its own), the JSON
output is valid JSON, and values nested deeper than :data:`DEEPEST` are refused with a
problem, as ``kashmirref check`` refuses them.

>>> import kashmirref as kr
>>> kr.diff(kr.load(), kr.load()).summary
'no changes: 0 added, 0 removed, 0 changed'
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from kashmirref.catalog import Catalog
from kashmirref.errors import DataError, InputError, Problem
from kashmirref.terminal import COLUMN_MOST, visible, visible_json

__all__ = ["DEEPEST", "DIFF_FORMATS", "Change", "Diff", "FieldChange", "diff", "read_data"]

DIFF_FORMATS = ("text", "json")
"""The formats the ``diff`` command writes."""

_Data = dict[str, dict[str, dict[str, Any]]]
"""Kind → id → the record as plain data."""

DEEPEST = 64
"""The deepest nesting of lists and tables a compared file may hold (records need 5)."""


@attrs.frozen(kw_only=True)
class FieldChange:
    """One field of a record that differs: its path, and the old and new values.

    A value is ``None`` where the field is absent on that side.
    """

    field: str
    old: Any
    new: Any


@attrs.frozen(kw_only=True)
class Change:
    """One record added, removed or changed (``status``), with the fields that differ.

    ``fields`` is empty for an added or removed record; ``record`` is the record as
    plain data (the new one, or for a removed record the old one).
    """

    kind: str
    id: str
    status: str
    record: Mapping[str, Any] = attrs.field(eq=False, repr=False)
    fields: tuple[FieldChange, ...] = ()


def _shown(value: Any) -> str:
    return "(absent)" if value is None else visible(json.dumps(value, ensure_ascii=False))


@attrs.frozen(kw_only=True)
class Diff:
    """The differences between two catalogues, in kind order, then in file order."""

    old: str
    new: str
    added: tuple[Change, ...]
    removed: tuple[Change, ...]
    changed: tuple[Change, ...]

    def __bool__(self) -> bool:
        """Whether anything differs."""
        return bool(self.added or self.removed or self.changed)

    @property
    def summary(self) -> str:
        """Counts in words: ``2 added, 1 removed, 3 changed``."""
        counts = (
            f"{len(self.added)} added, {len(self.removed)} removed, {len(self.changed)} changed"
        )
        return counts if self else f"no changes: {counts}"

    def to_text(self) -> str:
        """The differences for people: one line per record, one more per changed field."""
        lines = [f"{visible(self.old)} -> {visible(self.new)}: {self.summary}"]
        changes = [*self.added, *self.removed, *self.changed]
        width = min(max((len(visible(c.kind)) for c in changes), default=0), COLUMN_MOST)
        for change in changes:
            kind, record_id = visible(change.kind), visible(change.id)
            lines.append(f"{change.status:<8} {kind:<{width}}  {record_id}")
            for entry in change.fields:
                old, new = _shown(entry.old), _shown(entry.new)
                lines.append(f"    {visible(entry.field)}: {old} -> {new}")
        return "\n".join(lines) + "\n"

    def __str__(self) -> str:
        """Same as :meth:`to_text`."""
        return self.to_text()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data: the counts and every change with its fields."""

        def entry(change: Change) -> dict[str, Any]:
            found: dict[str, Any] = {"kind": change.kind, "id": change.id}
            if change.status == "changed":
                found["fields"] = [attrs.asdict(f) for f in change.fields]
            else:
                found["record"] = dict(change.record)
            return found

        return {
            "old": self.old,
            "new": self.new,
            "summary": {
                "added": len(self.added),
                "removed": len(self.removed),
                "changed": len(self.changed),
            },
            "added": [entry(c) for c in self.added],
            "removed": [entry(c) for c in self.removed],
            "changed": [entry(c) for c in self.changed],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """:meth:`to_dict` as JSON text, with control characters escaped (still valid JSON)."""
        return visible_json(json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)) + "\n"


# ------------------------------------------------------------------ reading


def _plain(value: Any) -> Any:
    """TOML values as JSON data: dates as ISO text, tuples as lists."""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _canonical(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    """The record as the current model writes it, or as it is if the model refuses it."""
    from kashmirref.convert import converter, unstructure
    from kashmirref.model import RECORD_TYPES

    record_type = RECORD_TYPES.get(kind)
    if record_type is None:
        return row
    try:
        record = converter(detailed=False).structure(row, record_type)
        canonical: dict[str, Any] = unstructure(record)
    except Exception:
        return row
    return canonical


def _depth(document: object) -> int:
    """How deeply lists and tables nest in ``document`` (found without recursion)."""
    deepest = 0
    stack: list[tuple[object, int]] = [(document, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            deepest = max(deepest, depth)
            stack.extend((item, depth + 1) for item in value)
    return deepest


_ZIP = b"PK\x03\x04"
"""How a zip file starts."""


def _is_schema(file: Path) -> bool:
    """Whether ``file`` is a JSON Schema (``kashmirref schema`` writes one beside data)."""
    with open(file, "rb") as stream:
        start = stream.read(200)
    return b'"$schema": "https://json-schema.org/' in start


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        found = sorted([*path.glob("*.toml"), *path.glob("*.json")])
        found = [f for f in found if not (f.suffix == ".json" and _is_schema(f))]
        if not found:
            raise InputError(f"{path}: the folder holds no .toml or .json data file")
        return found
    if path.is_file():
        with open(path, "rb") as stream:
            if stream.read(4) == _ZIP:
                raise InputError(
                    f"{path}: a zip (of CSV tables) cannot be compared; export JSON "
                    "(kashmirref export -o FILE.json) or give a folder of data files"
                )
    return [path]


def read_data(path: str | os.PathLike[str]) -> _Data:
    """The records of a data file, an export or a folder of them, as plain data by kind and id.

    Problems reading or parsing a file raise :class:`~kashmirref.errors.DataError`; a
    file that is not a table of kinds, two records of one kind with one id, or a zip,
    raise :class:`~kashmirref.errors.InputError`. A ``$schema`` key (see ``kashmirref
    schema``) is ignored, and in a folder so is the JSON Schema file itself.
    """
    from kashmirref.io import _decode, _parse

    found: _Data = {}
    for file in _files(Path(path)):
        shown = os.fspath(file)
        text, problems = _decode(file, shown)
        document: object = None
        if text is not None:
            document, problems = _parse(text, shown)
        if problems:
            raise DataError(problems)
        if _depth(document) > DEEPEST:
            message = f"values are nested more than {DEEPEST} deep, too deeply to compare"
            raise DataError([Problem(file=shown, message=message)])
        if not isinstance(document, dict):
            raise InputError(f"{shown}: the top level must be a table of kinds")
        for kind, rows in document.items():
            if kind == "$schema":
                continue
            if not isinstance(rows, list):
                raise InputError(f"{shown}: {kind} must be a list of records")
            records = found.setdefault(kind, {})
            for i, row in enumerate(rows):
                row = _plain(row)
                record_id = row.get("id") if isinstance(row, dict) else None
                key = record_id if isinstance(record_id, str) else f"{kind}[{i}]"
                if key in records:
                    raise InputError(f"{shown}: {kind} {key!r} appears twice")
                records[key] = _canonical(kind, row) if isinstance(row, dict) else {"": row}
    return found


def _from_catalog(catalog: Catalog) -> _Data:
    from kashmirref.convert import unstructure

    return {
        kind: {record.id: unstructure(record) for record in records}
        for kind, records in catalog.tables()
        if records
    }


# ------------------------------------------------------------------ comparing


def _flat(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every leaf of plain data with its path; lists of records with ids keyed by id."""
    if isinstance(value, dict) and value:
        for key, item in value.items():
            yield from _flat(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list) and value:
        ids = [i.get("id") if isinstance(i, dict) else None for i in value]
        keyed = all(isinstance(i, str) for i in ids) and len(set(ids)) == len(ids)
        for i, item in enumerate(value):
            yield from _flat(item, f"{path}[{ids[i] if keyed else i}]")
    else:
        yield path, value


def _json_type(value: Any) -> type:
    """The JSON type of a value: text (an enum's value is text), a number's own type, ..."""
    return str if isinstance(value, str) else type(value)


def _same(old: Any, new: Any) -> bool:
    """Equal values of the same JSON type: ``47`` is not ``47.0``, nor ``false`` ``0``."""
    return _json_type(old) is _json_type(new) and old == new


def _fields(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[FieldChange, ...]:
    before, after = dict(_flat(dict(old))), dict(_flat(dict(new)))
    paths = list(dict.fromkeys([*before, *after]))
    return tuple(
        FieldChange(field=p, old=before.get(p), new=after.get(p))
        for p in paths
        if not _same(before.get(p), after.get(p))
    )


def _kinds(old: _Data, new: _Data) -> list[str]:
    from kashmirref.model import RECORD_TYPES

    known = [k for k in RECORD_TYPES if k in old or k in new]
    return known + sorted((old.keys() | new.keys()) - set(known))


def _label(side: str | os.PathLike[str] | Catalog) -> str:
    return "catalogue" if isinstance(side, Catalog) else os.fspath(side)


def diff(old: str | os.PathLike[str] | Catalog, new: str | os.PathLike[str] | Catalog) -> Diff:
    """Compare two catalogues: each a path (export, data file or folder) or a Catalog.

    See the module's description for what is read and how records are matched.
    """
    before = _from_catalog(old) if isinstance(old, Catalog) else read_data(old)
    after = _from_catalog(new) if isinstance(new, Catalog) else read_data(new)
    added: list[Change] = []
    removed: list[Change] = []
    changed: list[Change] = []
    for kind in _kinds(before, after):
        was, now = before.get(kind, {}), after.get(kind, {})
        for record_id, record in now.items():
            if record_id not in was:
                added.append(Change(kind=kind, id=record_id, status="added", record=record))
        for record_id, record in was.items():
            if record_id not in now:
                removed.append(Change(kind=kind, id=record_id, status="removed", record=record))
            else:
                fields = _fields(record, now[record_id])
                if fields:
                    changed.append(
                        Change(
                            kind=kind,
                            id=record_id,
                            status="changed",
                            record=now[record_id],
                            fields=fields,
                        )
                    )
    return Diff(
        old=_label(old),
        new=_label(new),
        added=tuple(added),
        removed=tuple(removed),
        changed=tuple(changed),
    )
