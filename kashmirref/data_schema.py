"""A JSON Schema for data files, generated from the record classes.

:func:`schema` walks the attrs classes of :mod:`kashmirref.model` (fields, types,
defaults and the validators that a schema can express: slugs, one-line text, web
addresses, non-empty lists, enum values, number ranges), so it always says what the
loader accepts field by field. Editors use it to complete and check data files as you
type (see "Your own data" in the documentation); ``kashmirref check`` remains the full
check, since a schema cannot see across records (references, unique ids, stances on a
topic's scale, dates against their sources).

>>> import kashmirref as kr
>>> ", ".join(sorted(kr.schema()["properties"])[:3])
'$schema, actor, event'
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import types
import typing
from typing import Any

import attrs

from kashmirref import model

__all__ = ["DIALECT", "schema", "schema_json"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect of :func:`schema`."""

_SLUG = {"type": "string", "pattern": r"^[a-z0-9]+(?:-[a-z0-9]+)*$"}
_LINE = {"type": "string", "minLength": 1, "pattern": r"^[^\n\r\t]*\S[^\n\r\t]*$"}
_TEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}
_URL = {"type": "string", "pattern": r"^https?://[^\s<>\"]+$"}

_RULES: dict[object, dict[str, Any]] = {
    model._slug: _SLUG,
    model._optional_slug: _SLUG,
    model._line: _LINE,
    model._optional_line: _LINE,
    model._text: _TEXT,
    model._optional_text: _TEXT,
    model._optional_web_address: _URL,
}
"""What each field validator of the model says, as schema keywords on a string."""

_ITEM_RULES: dict[object, dict[str, Any]] = {model._slugs: _SLUG, model._lines: _LINE}
"""Validators of a tuple that constrain each item."""


def _validators(cls: type, field: attrs.Attribute[Any]) -> list[object]:
    """The field's own validators (under the type check every field has)."""
    inner = model.field_rule(cls, field.name)
    if inner is None:
        return []
    return list(getattr(inner, "_validators", None) or [inner])


def _first_paragraph(cls: type) -> str:
    return " ".join((cls.__doc__ or "").strip().split("\n\n")[0].split())


def _type(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return {"anyOf": [_type(options[0], defs), {"type": "null"}]}
    if origin is tuple:
        return {"type": "array", "items": _type(typing.get_args(hint)[0], defs)}
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return {"type": "string", "enum": [member.value for member in hint]}
    if hint is dt.date:
        return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if hint is bool:
        return {"type": "boolean"}
    if hint is int:
        return {"type": "integer", "minimum": -model.LARGEST_INT, "maximum": model.LARGEST_INT}
    if hint is str:
        return {"type": "string"}
    if isinstance(hint, type) and attrs.has(hint):
        _define(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    raise TypeError(f"no schema for {hint!r}")  # pragma: no cover - the model uses none


def _field(
    cls: type, field: attrs.Attribute[Any], hint: Any, defs: dict[str, Any]
) -> dict[str, Any]:
    found = _type(hint, defs)
    target = found["anyOf"][0] if "anyOf" in found else found
    for check in _validators(cls, field):
        if check in _RULES:
            target.update(_RULES[check])
        elif check in _ITEM_RULES:
            target["items"].update(_ITEM_RULES[check])
            target["uniqueItems"] = True
        elif check is model._non_empty:
            target["minItems"] = 1
        elif getattr(check, "bound", None) is not None and getattr(check, "compare_op", "") == ">=":
            target["minimum"] = check.bound  # type: ignore[attr-defined]
    default = field.default
    if default is not attrs.NOTHING and not isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        found["default"] = list(default) if isinstance(default, tuple) else (
            default.value if isinstance(default, enum.Enum) else default
        )
    return found


def _define(cls: type, defs: dict[str, Any]) -> None:
    if cls.__name__ in defs:
        return
    defs[cls.__name__] = {}  # reserved first: a class may refer to itself
    hints = typing.get_type_hints(cls)
    fields = attrs.fields(cls)
    defs[cls.__name__] = {
        "type": "object",
        "description": _first_paragraph(cls),
        "properties": {f.name: _field(cls, f, hints[f.name], defs) for f in fields},
        "required": [f.name for f in fields if f.default is attrs.NOTHING],
        "additionalProperties": False,
    }


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a kashmirref data file, as plain data.

    A data file is a table of record kinds (``actor``, ``statement``, ...), each a
    list of records; a JSON file may name the schema in a ``$schema`` key.
    """
    defs: dict[str, Any] = {}
    kinds = {
        kind: {"type": "array", "items": _type(cls, defs), "description": _first_paragraph(cls)}
        for kind, cls in model.RECORD_TYPES.items()
    }
    return {
        "$schema": DIALECT,
        "title": "kashmirref data file",
        "description": "Records for kashmirref (TOML or JSON): a table of record kinds, each "
        "a list of records. Checked field by field here; `kashmirref check` also checks "
        "references between records.",
        "type": "object",
        "properties": {
            "$schema": {"type": "string", "description": "The schema this file follows."},
            **dict(sorted(kinds.items())),
        },
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def schema_json() -> str:
    """:func:`schema` as JSON text (two-space indent, a final newline)."""
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"
