"""The one strict cattrs converter every record goes through, in and out.

The converter is strict: an unknown field, a wrong type, a string where a list belongs
or an impossible date is an error, never silently coerced or dropped. This module knows
the record classes only; it imports neither the catalogue nor the loader, so that both
can use it (the loader's modules import in one direction: ``model`` → ``convert`` →
``integrity`` → ``catalog`` → ``io`` → ``snapshot``).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import json
import re
import types
import typing
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Protocol, get_args, get_origin

import attrs

from kashmirref.errors import brief

if TYPE_CHECKING:
    import cattrs

# cattrs is imported where it is first needed, not here: loading the shipped catalogue
# from its snapshot (see kashmirref.snapshot) never structures a record.

__all__ = ["Tables", "converter", "dumps", "structurer", "unstructure"]


class Tables(Protocol):
    """Anything that yields its records table by table, as a catalogue does."""

    def tables(self) -> Iterator[tuple[str, tuple[Any, ...]]]:
        """Yield ``(table name, records)`` for every kind, in load order."""
        ...


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PART_DATE = re.compile(r"\d{4}(?:-\d{2})?")


def _structure_date(value: object, _: type) -> dt.date:
    if isinstance(value, dt.datetime):
        raise ValueError(f"expected a date without a time, got {brief(value.isoformat())}")
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return dt.date.fromisoformat(value)
    if isinstance(value, str | int) and _PART_DATE.fullmatch(str(value)):
        part = str(value)
        precision, first = ("month", f"{part}-01") if "-" in part else ("year", f"{part}-01-01")
        raise ValueError(
            f"expected a date as YYYY-MM-DD, got {brief(value)}; a date known only to the "
            f'{precision} is written as its first day, {first}, with the field\'s precision '
            f'beside it (date_precision = "{precision}", or published_precision, ...)'
        )
    raise ValueError(f"expected a date as YYYY-MM-DD, got {brief(value)}")


def _strict(kind: type) -> Callable[[object, type], Any]:
    """A hook that accepts only values that already are ``kind`` (no ``str(5)``)."""

    def hook(value: object, target: type) -> Any:
        if target is kind and value.__class__ is kind:
            return value  # the common case, decided without further checks
        if isinstance(target, type) and issubclass(target, enum.Enum):
            return _structure_enum(value, target)  # a StrEnum dispatches here as a str
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        raise TypeError(f"expected {kind.__name__}, got {type(value).__name__} {brief(value)}")

    return hook


def _structure_enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    try:
        return kind(value)
    except (ValueError, TypeError):
        choices = ", ".join(repr(member.value) for member in kind)
        raise ValueError(f"{brief(value)} is not one of {choices}") from None


def _as_list(value: object) -> list[Any] | tuple[Any, ...]:
    """``value`` if it is a list (or tuple); a string or table is refused, not iterated."""
    if not isinstance(value, list | tuple):
        raise TypeError(f"expected a list, got {type(value).__name__} {brief(value)}")
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


_ABSENT = object()
"""A field the row does not give (the record's default applies)."""


def _direct_conversion(hint: Any) -> Callable[[Any], Any] | None:
    """A function turning a row value into a value of type ``hint``.

    ``None`` when the value is passed on as it is: the record's own checks refuse a
    value of the wrong type (see :mod:`kashmirref.model`).
    """
    if typing.get_origin(hint) is tuple:
        each = _direct_conversion(typing.get_args(hint)[0])
        if each is None:
            return lambda value: tuple(_as_list(value))
        return lambda value: tuple([each(item) for item in _as_list(value)])
    if hint is dt.date:
        return lambda value: _structure_date(value, dt.date)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    if isinstance(hint, type) and attrs.has(hint):
        return structurer(hint)
    return None


_STRUCTURERS: dict[type, Callable[[object], Any]] = {}


def structurer(kind: type) -> Callable[[object], Any]:
    """A fast, strict function that builds a ``kind`` record from a row read from a file.

    It converts only what JSON and TOML cannot hold as such (dates written as text,
    enumerations, lists of values, nested records) and leaves every other check to the
    record's own validators, which refuse a value of the wrong type as the converter
    does. It raises on any problem, with no detail: the loader then structures the row
    with :func:`converter`, which accepts and refuses the same rows and says what is
    wrong, field by field (a property test holds the two to the same answers).
    """
    found = _STRUCTURERS.get(kind)
    if found is not None:
        return found
    hints = typing.get_type_hints(kind)
    fields = attrs.fields(kind)
    names: dict[str, Any] = {"KIND": kind, "ABSENT": _ABSENT}
    body = [
        "def structure(row):",
        "    if row.__class__ is not dict:",
        "        raise TypeError('a record must be a table')",
        "    values = dict(row)",  # an unknown field is refused by the class itself
    ]
    for i, field in enumerate(fields):
        hint, optional = hints[field.name], False
        if typing.get_origin(hint) in (types.UnionType, typing.Union):
            options = [a for a in typing.get_args(hint) if a is not type(None)]
            if len(options) != 1:
                raise TypeError(f"{kind.__name__}.{field.name}: a union of {options}")
            hint, optional = options[0], True
        conversion = _direct_conversion(hint)
        if conversion is None:
            continue
        names[f"C{i}"] = conversion
        given = "v is not ABSENT and v is not None" if optional else "v is not ABSENT"
        body += [
            f"    v = row.get({field.name!r}, ABSENT)",
            f"    if {given}:",
            f"        values[{field.name!r}] = C{i}(v)",
        ]
    body.append("    return KIND(**values)")
    exec(compile("\n".join(body), f"<kashmirref structure {kind.__name__}>", "exec"), names)
    structure: Callable[[object], Any] = names["structure"]
    _STRUCTURERS[kind] = structure
    return structure


def unstructure(value: object) -> Any:
    """Turn a record (or a tuple of them) into plain JSON-ready data."""
    return converter().unstructure(value)


def dumps(catalog: Tables, *, indent: int | None = 2) -> str:
    """Serialise ``catalog`` to JSON text that :func:`load` reads back to an equal one."""
    document = {table: unstructure(records) for table, records in catalog.tables() if records}
    return json.dumps(document, indent=indent, ensure_ascii=False) + "\n"
