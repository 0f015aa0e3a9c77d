"""Reading and writing records: one strict cattrs converter, TOML and JSON files.

A data file (TOML or JSON) is a table whose keys are record kinds (``actor``,
``source``, ``topic``, ``instrument``, ``event``, ``statement``,
``no_position``, ``term``), each holding a list of records; a JSON file may also name
its JSON Schema in a ``$schema`` key (see :mod:`kashmirref.data_schema`). The converter is strict:
an unknown field, a wrong type, a string where a list belongs or an impossible date
is a :class:`~kashmirref.errors.Problem`, never silently coerced or dropped.
"""

from __future__ import annotations

import codecs
import errno
import functools
import json
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from kashmirref import collector, locate, snapshot
from kashmirref.catalog import Catalog, Located, build
from kashmirref.convert import converter, dumps, structurer, unstructure
from kashmirref.errors import DataError, FieldError, Problem, brief
from kashmirref.model import RECORD_TYPES, _validators_off, field_checks

# cattrs is imported where it is first needed, not here: loading the shipped catalogue
# from its snapshot (see kashmirref.snapshot) never structures a record.

__all__ = [
    "MAX_FILE_BYTES",
    "PathLike",
    "converter",
    "dumps",
    "load",
    "read_records",
    "unstructure",
]

MAX_FILE_BYTES = 16 * 1024 * 1024
"""Largest data file the loader reads (16 MiB); a larger one is a problem, not a hang."""

# ------------------------------------------------------------------ locating


class _LineIndex:
    """The line of each record of one file, by kind and position (see :mod:`.locate`).

    Found in one pass over the text, and only the first time a line is asked for: on
    the happy path (no problem to report) no line is ever looked up.
    """

    __slots__ = ("_counts", "_json", "_lines", "_text")

    def __init__(self, text: str, *, is_json: bool, counts: Mapping[str, int]) -> None:
        self._text = text
        self._json = is_json
        self._counts = counts
        self._lines: locate.Lines | None = None

    def line_of(self, kind: str, position: int) -> int | None:
        if self._lines is None:
            find = locate.json_records if self._json else locate.toml_records
            try:
                lines = find(self._text, RECORD_TYPES.keys())
            except (ValueError, RecursionError):  # pragma: no cover - parsed text is valid
                lines = {}
            # a count that differs from the parser's means the walk was misled: no line
            self._lines = {k: v for k, v in lines.items() if len(v) == self._counts.get(k)}
        rows = self._lines.get(kind)
        return rows[position] if rows is not None and 0 <= position < len(rows) else None


class _Origin:
    """Where a record was read from; its line is looked up only when needed."""

    __slots__ = ("_index", "_kind", "_position", "file")

    def __init__(self, file: str, index: _LineIndex, kind: str, position: int) -> None:
        self.file = file
        self._index = index
        self._kind = kind
        self._position = position

    @property
    def line(self) -> int | None:
        return self._index.line_of(self._kind, self._position)


def _problems_of(error: Exception) -> list[tuple[str | None, str]]:
    """Split a cattrs error into ``(field path, message)`` pairs."""
    import cattrs

    pairs: list[tuple[str | None, str]] = []
    for line in cattrs.transform_error(error, path="$", format_exception=_format):
        message, _, path = line.rpartition(" @ ")
        field = path.removeprefix("$").removeprefix(".")
        if _FIELD_MARK in message:
            name, message = message.split(_FIELD_MARK)
            field = f"{field}.{name}" if field else name
        extra = _EXTRA.fullmatch(message)
        if extra is None:
            pairs.append((field or None, _tidy(message)))
            continue
        for name in extra[1].split(", "):
            where = f"{field}.{name}" if field else name
            pairs.append((where, _RETIRED.get(name, "unknown field (check its spelling)")))
    return pairs


_CONVERTING = "see 'Converting a file of the old format' in docs/your-data.md"
_RETIRED = {
    "topics": (
        "no longer used (data version 2): code each topic the words speak to, "
        'codes = [{ topic = "plebiscite", stance = "calls-for" }] or, for a mere mention, '
        f'codes = [{{ topic = "plebiscite" }}]; {_CONVERTING}'
    ),
}
"""Fields of the old format, with what replaces them (shown instead of 'unknown field')."""

_RETIRED_KINDS = {
    "position": (
        "positions are no longer written (data version 2): they are derived from the codes of "
        "each statement. Put the position's stance on its evidence statements as codes, and "
        f"its grounds on the statements whose words invoke them as invokes; {_CONVERTING}"
    ),
}
"""Tables of the old format, with what replaces them."""


_FIELD_MARK = "\x1f"


def _format(error: BaseException, kind: type | None) -> str:
    """Our own messages as they are; cattrs' defaults for its own errors."""
    import cattrs

    if isinstance(error, FieldError):
        return f"{error.field}{_FIELD_MARK}{error.message}"
    if isinstance(error, ValueError | TypeError) and not isinstance(
        error, cattrs.errors.BaseValidationError
    ):
        return str(error)
    return cattrs.v.format_exception(error, kind)


def _field_errors(record: Any, path: str = "") -> list[tuple[str, str]]:
    """Run every validator of ``record`` and of the records inside it; collect failures."""
    found: list[tuple[str, str]] = []
    for field, check in field_checks(type(record)):
        value = getattr(record, field.name)
        where = f"{path}{field.name}"
        try:
            check(record, field, value)
        except FieldError as error:
            found.append((f"{path}{error.field}", error.message))
        items = value if isinstance(value, tuple) else (value,)
        for i, item in enumerate(items):
            if attrs.has(type(item)):
                inner = f"{where}[{i}]." if isinstance(value, tuple) else f"{where}."
                found += _field_errors(item, inner)
    return found


def _every_problem(row: object, kind: type, error: Exception) -> list[tuple[str | None, str]]:
    """Every problem of a record, not only the first validator that failed.

    attrs stops at the first failing validator; when that is what failed, the record is
    built once more with validators off (only on this error path, and only in this
    thread: see :func:`kashmirref.model._validators_off`) and each validator is run on
    its own, so that all the field problems are reported together.
    """
    first = _problems_of(error)
    if not isinstance(error, FieldError) and not any(
        isinstance(e, FieldError) for e in _leaves(error)
    ):
        return first
    try:
        with _validators_off():
            unchecked: Any = converter().structure(row, kind)
    except Exception:
        return first
    return [(field, message) for field, message in _field_errors(unchecked)]


def _detailed_error(row: object, kind: type) -> Exception:
    """The error the detailed converter raises for a row :func:`structurer` refused."""
    try:
        converter().structure(row, kind)
    except Exception as error:
        return error
    raise AssertionError(f"the two converters disagree on {row!r}")  # pragma: no cover


def _leaves(error: BaseException) -> list[BaseException]:
    if isinstance(error, BaseExceptionGroup):
        return [leaf for inner in error.exceptions for leaf in _leaves(inner)]
    return [error]


_EXTRA = re.compile(r"extra fields found \((.*)\)")


def _tidy(message: str) -> str:
    """Make cattrs' wording read as ours."""
    message = message.removeprefix("invalid value for type, ")
    if message == "required field missing":
        return "required field is missing"
    return message


# ------------------------------------------------------------------ reading


@attrs.frozen
class _Parsed:
    """The records of one or more files, with where each came from."""

    tables: Mapping[str, tuple[Any, ...]]
    where: Mapping[tuple[str, str], Located]


_BOMS = {
    codecs.BOM_UTF32_LE: "UTF-32",
    codecs.BOM_UTF32_BE: "UTF-32",
    codecs.BOM_UTF16_LE: "UTF-16",
    codecs.BOM_UTF16_BE: "UTF-16",
}


def _decode(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    try:
        try:
            path.stat()
        except FileNotFoundError:
            return None, [Problem(file=shown, message="no such file")]
        except OSError as error:
            if error.errno == errno.ELOOP:
                message = "symbolic links loop back on themselves: no file at the end"
                return None, [Problem(file=shown, message=message)]
            raise
        if not path.is_file():
            return None, [Problem(file=shown, message="not a regular file")]
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            message = f"file is {size} bytes; the limit is {MAX_FILE_BYTES}"
            return None, [Problem(file=shown, message=message)]
        raw = path.read_bytes()
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return None, [Problem(file=shown, message=f"cannot read the file: {reason}")]
    for bom, encoding in _BOMS.items():
        if raw.startswith(bom):
            message = f"file is {encoding} (it starts with a byte-order mark); save it as UTF-8"
            return None, [Problem(file=shown, line=1, message=message)]
    try:
        return raw.decode("utf-8-sig"), []  # a UTF-8 byte-order mark is read and dropped
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, [Problem(file=shown, line=line, message="file is not valid UTF-8")]


_TOML_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


class _DuplicateKey(ValueError):
    """A JSON object names one key twice (found by ``object_pairs_hook``)."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise _DuplicateKey
    return found


def _parse_error(error: Exception, shown: str) -> Problem:
    """A parser's failure other than a syntax error, as a problem (never a traceback)."""
    if isinstance(error, RecursionError):
        return Problem(file=shown, message="values are nested too deeply to read")
    text = str(error)
    if "integer string conversion" in text or "digits" in text:
        return Problem(file=shown, message="a number has too many digits to read")
    return Problem(file=shown, message=f"cannot be read: {text}")


def _parse(text: str, shown: str) -> tuple[object, list[Problem]]:
    if shown.endswith(".json"):
        try:
            return json.loads(text, object_pairs_hook=_unique_keys), []
        except _DuplicateKey:
            found = locate.json_duplicate_key(text)
            key, line = found if found is not None else ("?", None)
            message = f"key {brief(key)} appears twice in one object; keep one"
            return None, [Problem(file=shown, line=line, message=message)]
        except json.JSONDecodeError as error:
            return None, [
                Problem(file=shown, line=error.lineno, column=error.colno, message=error.msg)
            ]
        except (ValueError, RecursionError) as error:
            return None, [_parse_error(error, shown)]
    if not shown.endswith(".toml"):
        return None, [Problem(file=shown, message="data files must end in .toml or .json")]
    try:
        return tomllib.loads(text), []
    except tomllib.TOMLDecodeError as error:
        at = _TOML_AT.search(str(error))
        line, column = (int(at[1]), int(at[2])) if at else (None, None)
        message = _TOML_AT.sub("", str(error)).strip()
        return None, [Problem(file=shown, line=line, column=column, message=message)]
    except (ValueError, RecursionError) as error:
        return None, [_parse_error(error, shown)]


_Failed = dict[str, set[str]]
"""Kind → ids of the records of that kind that were read but failed their checks."""


def _read_one(
    path: Path, shown: str
) -> tuple[dict[str, list[Any]], dict[tuple[str, str], Located], list[Problem], _Failed]:
    tables: dict[str, list[Any]] = {}
    where: dict[tuple[str, str], Located] = {}
    failed: _Failed = {}
    text, problems = _decode(path, shown)
    if text is None:
        return tables, where, problems, failed
    document, problems = _parse(text, shown)
    if problems:
        return tables, where, problems, failed
    if not isinstance(document, dict):
        problem = Problem(file=shown, message="top level must be a table of kinds")
        return tables, where, [problem], failed
    counts = {t: len(rows) for t, rows in document.items() if isinstance(rows, list)}
    lines = _LineIndex(text, is_json=shown.endswith(".json"), counts=counts)
    for table, rows in document.items():
        if table == "$schema" and isinstance(rows, str):
            continue  # names the JSON Schema editors check the file with (kashmirref schema)
        if table not in RECORD_TYPES:
            kinds = ", ".join(RECORD_TYPES)
            message = _RETIRED_KINDS.get(table, f"unknown kind; use one of {kinds}")
            problems.append(Problem(file=shown, field=table, message=message))
            continue
        if not isinstance(rows, list):
            problems.append(Problem(file=shown, field=table, message="must be a list of records"))
            continue
        kind = RECORD_TYPES[table]
        for i, row in enumerate(rows):
            record_id = row.get("id") if isinstance(row, dict) else None
            label = record_id if isinstance(record_id, str) else f"{table}[{i}]"
            if not isinstance(row, dict):
                problems.append(
                    Problem(
                        file=shown,
                        line=lines.line_of(table, i),
                        kind=table,
                        record=label,
                        message="a record must be a table",
                    )
                )
                continue
            try:
                record = structurer(kind)(row)
            except Exception:
                try:
                    found = _every_problem(row, kind, _detailed_error(row, kind))
                except RecursionError:
                    found = [(None, "values are nested too deeply to read")]
                line = lines.line_of(table, i)
                problems.extend(
                    Problem(
                        file=shown,
                        line=line,
                        kind=table,
                        record=label,
                        field=field,
                        message=message,
                    )
                    for field, message in found
                )
                failed.setdefault(table, set()).add(label)
                continue
            tables.setdefault(table, []).append(record)
            where.setdefault((table, label), _Origin(shown, lines, table, i))
    return tables, where, problems, failed


def _read_all(
    paths: Iterable[str | os.PathLike[str]],
    shown_as: Callable[[Path], str],
    base: _Parsed | None,
) -> tuple[_Parsed, list[Problem], _Failed]:
    """Every record that could be read, every problem found, and the ids that failed."""
    tables: dict[str, list[Any]] = {t: list(r) for t, r in (base.tables if base else {}).items()}
    where: dict[tuple[str, str], Located] = dict(base.where) if base else {}
    problems: list[Problem] = []
    failed: _Failed = {}
    for entry in paths:
        path = Path(entry)
        shown = shown_as(path)
        file_tables, file_where, file_problems, file_failed = _read_one(path, shown)
        problems.extend(file_problems)
        for table, ids in file_failed.items():
            failed.setdefault(table, set()).update(ids)
        clashes: set[tuple[str, str]] = set()
        for key, stub in file_where.items():
            first = where.get(key)
            if first is None:
                where[key] = stub
                continue
            clashes.add(key)
            problems.append(
                Problem(
                    file=stub.file,
                    line=stub.line,
                    kind=key[0],
                    record=key[1],
                    field="id",
                    message=f"duplicate {key[0]} id; first defined at {first.file}:{first.line}",
                )
            )
        for table, records in file_tables.items():
            # a record whose id an earlier file already used is reported above, once
            kept = [r for r in records if (table, r.id) not in clashes]
            tables.setdefault(table, []).extend(kept)
    parsed = _Parsed({t: tuple(r) for t, r in tables.items()}, where)
    return parsed, problems, failed


def read_records(
    paths: Iterable[str | os.PathLike[str]],
    *,
    shown_as: Callable[[Path], str] = str,
    base: _Parsed | None = None,
) -> _Parsed:
    """Read records from TOML/JSON files; raise one :class:`DataError` with every problem.

    Records are checked field by field here, and for duplicate ids across all files
    (and against ``base``, records read before); references between records are
    checked when the catalogue is built (:func:`load` reports both kinds together).
    """
    parsed, problems, _ = _read_all(paths, shown_as, base)
    if problems:
        raise DataError(problems)
    return parsed


SHIPPED_DATA = Path(__file__).with_name("data")
"""The folder of the shipped TOML files (found beside this module, with no import of
``importlib.resources``, which alone costs about 10 ms)."""


def shipped_files() -> list[Path]:
    """The shipped TOML files, in load order."""
    return sorted(SHIPPED_DATA.glob("*.toml"))


def _shown_shipped(path: Path) -> str:
    return f"kashmirref/data/{path.name}"


@functools.cache
def _shipped() -> _Parsed:
    return read_records(shipped_files(), shown_as=_shown_shipped)


def parse_shipped() -> Catalog:
    """Build the shipped catalogue from its TOML files, bypassing the snapshot."""
    with collector.paused():
        parsed = _shipped()
        return build(parsed.tables, parsed.where)


@functools.cache
def _shipped_catalog() -> Catalog:
    return snapshot.read(shipped_files()) or parse_shipped()


PathLike = str | os.PathLike[str]
"""A path as people pass it: text or a :class:`pathlib.Path` (any ``os.PathLike``)."""


def _paths(paths: PathLike | Iterable[PathLike]) -> tuple[PathLike, ...]:
    """``paths`` as a tuple of paths: one path stays one path (never iterated by letter)."""
    if isinstance(paths, str | os.PathLike):
        return (paths,)
    if isinstance(paths, bytes | bytearray) or not isinstance(paths, Iterable):
        raise TypeError(
            "paths must be a path (str or pathlib.Path) or an iterable of them, "
            f"not {type(paths).__name__}"
        )
    found = tuple(paths)
    for item in found:
        if not isinstance(item, str | os.PathLike):
            raise TypeError(f"each path must be a str or pathlib.Path, not {type(item).__name__}")
    return found


def load(paths: PathLike | Iterable[PathLike] = (), *, include_shipped: bool = True) -> Catalog:
    """Load a catalogue: the shipped records, plus (or only) the records in ``paths``.

    ``paths`` is one file (``"mine.toml"`` or a :class:`~pathlib.Path`) or an iterable
    of them; anything else raises ``TypeError``. ``load()`` parses the shipped data once
    and returns the same cached catalogue on every later call. With ``paths`` (TOML or
    JSON files), their records are added to the shipped ones and the whole is validated
    together: an id that clashes with a shipped record, a dangling reference, a missing
    file or a bad field raises :class:`~kashmirref.errors.DataError` listing every
    problem, and nothing is loaded.

    Every problem of every file is reported in one run: field problems, duplicate ids,
    and problems between records (references, scales, periods). One exception: the
    references *from* a record that itself failed its field checks are not checked,
    and a reference *to* such a record is not reported as unknown.
    """
    found = _paths(paths)
    if include_shipped and not found:
        return _shipped_catalog()
    if not found:
        return Catalog()
    with collector.paused():
        parsed, problems, failed = _read_all(found, str, _shipped() if include_shipped else None)
        return build(parsed.tables, parsed.where, problems=problems, unresolved=failed)
