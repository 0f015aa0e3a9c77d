"""kashmirref: who said what, when, on which question in the Jammu and Kashmir dispute.

A typed reference of actors, their stated positions and the instruments they invoke,
as immutable, sourced records, with helpers that compare two actors topic by topic.

>>> import kashmirref as kr
>>> cat = kr.load()
>>> cat.instrument("simla-1972").date
datetime.date(1972, 7, 2)

Importing the package reads no data and imports nothing heavy: every name below is
resolved on first use, and the catalogue is parsed on the first :func:`load`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kashmirref.catalog import Catalog, TimelineEntry
    from kashmirref.comparison import Comparison, Relation, Row, Side, compare, evolution, matrix
    from kashmirref.errors import (
        DataError,
        FieldError,
        KashmirRefError,
        Problem,
        UnknownIdError,
    )
    from kashmirref.io import dumps, load
    from kashmirref.model import (
        Actor,
        ActorKind,
        Citation,
        Event,
        EventKind,
        Ground,
        Instrument,
        InstrumentKind,
        InstrumentStatus,
        NoPositionFound,
        Position,
        Precision,
        Provision,
        Record,
        Source,
        SourceKind,
        Stance,
        Statement,
        StatementForm,
        StatusChange,
        Term,
        TermName,
        Topic,
        format_date,
    )

__version__ = "0.1.0"

_LAZY: dict[str, str] = {
    **dict.fromkeys(["Catalog", "TimelineEntry"], "kashmirref.catalog"),
    **dict.fromkeys(
        ["Comparison", "Relation", "Row", "Side", "compare", "evolution", "matrix"],
        "kashmirref.comparison",
    ),
    **dict.fromkeys(
        ["DataError", "FieldError", "KashmirRefError", "Problem", "UnknownIdError"],
        "kashmirref.errors",
    ),
    **dict.fromkeys(["dumps", "load"], "kashmirref.io"),
    **dict.fromkeys(
        [
            "Actor",
            "ActorKind",
            "Citation",
            "Event",
            "EventKind",
            "Ground",
            "Instrument",
            "InstrumentKind",
            "InstrumentStatus",
            "NoPositionFound",
            "Position",
            "Precision",
            "Provision",
            "Record",
            "Source",
            "SourceKind",
            "Stance",
            "Statement",
            "StatementForm",
            "StatusChange",
            "Term",
            "TermName",
            "Topic",
            "format_date",
        ],
        "kashmirref.model",
    ),
}

__all__ = [
    "Actor",
    "ActorKind",
    "Catalog",
    "Citation",
    "Comparison",
    "DataError",
    "Event",
    "EventKind",
    "FieldError",
    "Ground",
    "Instrument",
    "InstrumentKind",
    "InstrumentStatus",
    "KashmirRefError",
    "NoPositionFound",
    "Position",
    "Precision",
    "Problem",
    "Provision",
    "Record",
    "Relation",
    "Row",
    "Side",
    "Source",
    "SourceKind",
    "Stance",
    "Statement",
    "StatementForm",
    "StatusChange",
    "Term",
    "TermName",
    "TimelineEntry",
    "Topic",
    "UnknownIdError",
    "compare",
    "dumps",
    "evolution",
    "format_date",
    "load",
    "matrix",
]


def __getattr__(name: str) -> Any:
    """Import the module that defines ``name`` on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kashmirref' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """List the public names, which are resolved lazily."""
    return sorted([*globals(), *_LAZY])
