"""Reading and writing records: one strict cattrs converter, TOML and JSON files.

A data file (TOML or JSON) is a table whose keys are record kinds (``actor``,
``source``, ``topic``, ``instrument``, ``event``, ``statement``, ``position``,
``no_position``, ``term``), each holding a list of records. The converter is strict:
an unknown field, a wrong type, a string where a list belongs or an impossible date
is a :class:`~kashmirref.errors.Problem`, never silently coerced or dropped.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args, get_origin

import attrs

from kashmirref.catalog import Catalog, Located, build
from kashmirref.errors import DataError, FieldError, Problem
from kashmirref.model import RECORD_TYPES

if TYPE_CHECKING:
    import cattrs

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

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# ------------------------------------------------------------------ the converter


def _structure_date(value: object, _: type) -> dt.date:
    if isinstance(value, dt.datetime):
        raise ValueError(f"expected a date without a time, got {value.isoformat()!r}")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return dt.date.fromisoformat(value)
    raise ValueError(f"expected a date as YYYY-MM-DD, got {value!r}")


def _strict(kind: type) -> Callable[[object, type], Any]:
    """A hook that accepts only values that already are ``kind`` (no ``str(5)``)."""

    def hook(value: object, target: type) -> Any:
        if target is kind and value.__class__ is kind:
            return value  # the common case, decided without further checks
        if isinstance(target, type) and issubclass(target, enum.Enum):
            return _structure_enum(value, target)  # a StrEnum dispatches here as a str
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        raise TypeError(f"expected {kind.__name__}, got {type(value).__name__} {value!r}")

    return hook


def _structure_enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(repr(member.value) for member in kind)
        raise ValueError(f"{value!r} is not one of {choices}") from None


def _as_list(value: object) -> list[Any] | tuple[Any, ...]:
    """``value`` if it is a list (or tuple); a string or table is refused, not iterated."""
    if not isinstance(value, list | tuple):
        raise TypeError(f"expected a list, got {type(value).__name__} {value!r}")
    return value


def _tuple_hook(converter: cattrs.Converter) -> Callable[[Any], Callable[[object, type], Any]]:
    """Build hooks for ``tuple[X, ...]`` that refuse strings (and keep item paths)."""
    from cattrs.errors import IterableValidationError, IterableValidationNote

    def factory(kind: Any) -> Callable[[object, type], Any]:
        (item_type, _ellipsis) = get_args(kind)
        item_hook = converter.get_structure_hook(item_type)

        def fast_hook(value: object, _: type) -> tuple[Any, ...]:
            return tuple([item_hook(item, item_type) for item in _as_list(value)])

        def hook(value: object, _: type) -> tuple[Any, ...]:
            items, errors = [], []
            for i, item in enumerate(_as_list(value)):
                try:
                    items.append(item_hook(item, item_type))
                except Exception as error:
                    error.__notes__ = [
                        *getattr(error, "__notes__", []),
                        IterableValidationNote(f"Structuring item {i}", i, item_type),
                    ]
                    errors.append(error)
            if errors:
                raise IterableValidationError(f"While structuring {kind!r}", errors, kind)
            return tuple(items)

        return hook if converter.detailed_validation else fast_hook

    return factory


def _is_homogeneous_tuple(kind: Any) -> bool:
    args = get_args(kind)
    return get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


@functools.cache
def converter(*, detailed: bool = True) -> cattrs.Converter:
    """The converter every record goes through, in and out (built once per flavour).

    The loader structures with ``detailed=False`` first, which is faster, and only when
    a record fails does it structure that record again with the detailed converter, to
    report every problem with its field path. Both apply the same rules.
    """
    import cattrs

    conv = cattrs.Converter(
        forbid_extra_keys=True, omit_if_default=True, detailed_validation=detailed
    )
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    for kind in (str, int, bool):
        conv.register_structure_hook(kind, _strict(kind))
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum
    )
    conv.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook(conv))
    return conv


def unstructure(value: object) -> Any:
    """Turn a record (or a tuple of them) into plain JSON-ready data."""
    return converter().unstructure(value)


# ------------------------------------------------------------------ locating


_ID_LINE = re.compile(r'\bid\W{1,4}("(?:[^"\\\n]|\\.)*")')


class _LineIndex:
    """The line of each ``id = "..."`` (TOML) or ``"id": "..."`` (JSON) of one file.

    Built in one pass over the text, and only the first time a line is asked for: on
    the happy path (no problem to report) no line is ever looked up.
    """

    __slots__ = ("_lines", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: dict[str, int] | None = None

    def line_of(self, record_id: object) -> int | None:
        if self._lines is None:
            self._lines = {}
            line, position = 1, 0
            for match in _ID_LINE.finditer(self._text):
                line += self._text.count("\n", position, match.start())
                position = match.start()
                try:
                    found = json.loads(match[1])
                except ValueError:
                    continue
                self._lines.setdefault(found, line)
        return self._lines.get(record_id) if isinstance(record_id, str) else None


class _Origin:
    """Where a record was read from; its line is looked up only when needed."""

    __slots__ = ("_id", "_index", "file")

    def __init__(self, file: str, index: _LineIndex, record_id: str) -> None:
        self.file = file
        self._index = index
        self._id = record_id

    @property
    def line(self) -> int | None:
        return self._index.line_of(self._id)


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
            pairs.append((where, "unknown field (check its spelling)"))
    return pairs


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
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        where = f"{path}{field.name}"
        if field.validator is not None:
            try:
                field.validator(record, field, value)
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
    built once more with validators off (only on this error path) and each validator is
    run on its own, so that all the field problems are reported together.
    """
    first = _problems_of(error)
    if not isinstance(error, FieldError) and not any(
        isinstance(e, FieldError) for e in _leaves(error)
    ):
        return first
    try:
        with attrs.validators.disabled():
            unchecked: Any = converter().structure(row, kind)
    except Exception:
        return first
    return [(field, message) for field, message in _field_errors(unchecked)]


def _detailed_error(row: object, kind: type) -> Exception:
    """The error the detailed converter raises for a row the fast one refused."""
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


def _decode(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    if not path.exists():
        return None, [Problem(file=shown, message="no such file")]
    if not path.is_file():
        return None, [Problem(file=shown, message="not a regular file")]
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [
            Problem(file=shown, message=f"file is {size} bytes; the limit is {MAX_FILE_BYTES}")
        ]
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return None, [Problem(file=shown, line=line, message="file is not valid UTF-8")]


_TOML_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


def _parse(text: str, shown: str) -> tuple[object, list[Problem]]:
    if shown.endswith(".json"):
        try:
            return json.loads(text), []
        except json.JSONDecodeError as error:
            return None, [
                Problem(file=shown, line=error.lineno, column=error.colno, message=error.msg)
            ]
    if not shown.endswith(".toml"):
        return None, [Problem(file=shown, message="data files must end in .toml or .json")]
    try:
        return tomllib.loads(text), []
    except tomllib.TOMLDecodeError as error:
        at = _TOML_AT.search(str(error))
        line, column = (int(at[1]), int(at[2])) if at else (None, None)
        message = _TOML_AT.sub("", str(error)).strip()
        return None, [Problem(file=shown, line=line, column=column, message=message)]


def _read_one(
    path: Path, shown: str
) -> tuple[dict[str, list[Any]], dict[tuple[str, str], Located], list[Problem]]:
    tables: dict[str, list[Any]] = {}
    where: dict[tuple[str, str], Located] = {}
    text, problems = _decode(path, shown)
    if text is None:
        return tables, where, problems
    document, problems = _parse(text, shown)
    if problems:
        return tables, where, problems
    if not isinstance(document, dict):
        return tables, where, [Problem(file=shown, message="top level must be a table of kinds")]
    fast = converter(detailed=False)
    lines = _LineIndex(text)
    for table, rows in document.items():
        if table not in RECORD_TYPES:
            kinds = ", ".join(RECORD_TYPES)
            problems.append(
                Problem(file=shown, field=table, message=f"unknown kind; use one of {kinds}")
            )
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
                        file=shown, kind=table, record=label, message="a record must be a table"
                    )
                )
                continue
            try:
                record = fast.structure(row, kind)
            except Exception:
                error = _detailed_error(row, kind)
                line = lines.line_of(record_id)
                problems.extend(
                    Problem(
                        file=shown,
                        line=line,
                        kind=table,
                        record=label,
                        field=field,
                        message=message,
                    )
                    for field, message in _every_problem(row, kind, error)
                )
                continue
            tables.setdefault(table, []).append(record)
            where.setdefault((table, label), _Origin(shown, lines, label))
    return tables, where, problems


def read_records(
    paths: Iterable[str | os.PathLike[str]],
    *,
    shown_as: Callable[[Path], str] = str,
    base: _Parsed | None = None,
) -> _Parsed:
    """Read records from TOML/JSON files; raise one :class:`DataError` with every problem.

    Records are checked field by field here, and for duplicate ids across all files
    (and against ``base``, records read before); references between records are
    checked when the catalogue is built.
    """
    tables: dict[str, list[Any]] = {t: list(r) for t, r in (base.tables if base else {}).items()}
    where: dict[tuple[str, str], Located] = dict(base.where) if base else {}
    problems: list[Problem] = []
    for entry in paths:
        path = Path(entry)
        shown = shown_as(path)
        file_tables, file_where, file_problems = _read_one(path, shown)
        problems.extend(file_problems)
        for key, stub in file_where.items():
            first = where.get(key)
            if first is None:
                where[key] = stub
                continue
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
            tables.setdefault(table, []).extend(records)
    if problems:
        raise DataError(problems)
    return _Parsed({t: tuple(r) for t, r in tables.items()}, where)


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
    parsed = _shipped()
    return build(parsed.tables, parsed.where)


@functools.cache
def _shipped_catalog() -> Catalog:
    from kashmirref import snapshot

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


def load(
    paths: PathLike | Iterable[PathLike] = (), *, include_shipped: bool = True
) -> Catalog:
    """Load a catalogue: the shipped records, plus (or only) the records in ``paths``.

    ``paths`` is one file (``"mine.toml"`` or a :class:`~pathlib.Path`) or an iterable
    of them; anything else raises ``TypeError``. ``load()`` parses the shipped data once
    and returns the same cached catalogue on every later call. With ``paths`` (TOML or
    JSON files), their records are added to the shipped ones and the whole is validated
    together: an id that clashes with a shipped record, a dangling reference, a missing
    file or a bad field raises :class:`~kashmirref.errors.DataError` listing every
    problem, and nothing is loaded.
    """
    found = _paths(paths)
    if include_shipped and not found:
        return _shipped_catalog()
    if not found:
        return Catalog()
    parsed = read_records(found, base=_shipped() if include_shipped else None)
    return build(parsed.tables, parsed.where)


def dumps(catalog: Catalog, *, indent: int | None = 2) -> str:
    """Serialise ``catalog`` to JSON text that :func:`load` reads back to an equal one."""
    document = {table: unstructure(records) for table, records in catalog.tables() if records}
    return json.dumps(document, indent=indent, ensure_ascii=False) + "\n"
