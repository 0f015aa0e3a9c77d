"""kashmirref: who said what, when, on which question in the Jammu and Kashmir question.

A typed reference of actors, their stated positions and the instruments they invoke,
as immutable, sourced records, with helpers that compare two actors topic by topic.

>>> import kashmirref as kr
>>> cat = kr.load()
>>> cat.instrument("simla-1972").date
datetime.date(1972, 7, 2)

Importing the package reads no data and imports nothing heavy: every name below is
resolved on first use, and the catalogue is parsed on the first :func:`load`. Type
checkers see the imports under ``TYPE_CHECKING`` as the package's whole surface, so a
misspelt name (``kr.lod()``) is an error in ``mypy --strict``, not ``Any``.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kashmirref import figures
    from kashmirref.catalog import (
        Catalog,
        Invoked,
        TimelineEntry,
    )
    from kashmirref.changes import (
        Change,
        Diff,
        diff,
    )
    from kashmirref.citing import (
        DATA_VERSION,
        DataVersion,
        cite,
        data_version,
    )
    from kashmirref.comparison import (
        Comparison,
        Matrix,
        Relation,
        Row,
        SharedGround,
        Side,
        Span,
        compare,
        compare_over_time,
        evolution,
        holders,
        matrix,
        relation_between,
        side,
    )
    from kashmirref.data_schema import schema
    from kashmirref.dates import (
        DateLike,
        as_date,
        parse_date,
    )
    from kashmirref.errors import (
        DataError,
        FieldError,
        InputError,
        KashmirRefError,
        MissingExtraError,
        Problem,
        UnknownIdError,
    )
    from kashmirref.frames import to_frames
    from kashmirref.io import (
        dumps,
        load,
    )
    from kashmirref.model import (
        Actor,
        ActorKind,
        Citation,
        Code,
        Event,
        EventKind,
        Ground,
        Instrument,
        InstrumentKind,
        InstrumentStatus,
        Invocation,
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
        last_day,
    )

__version__ = "0.1.0"
"""The version of the code."""

_LAZY: dict[str, str] = {
    "figures": "kashmirref.figures",
    "schema": "kashmirref.data_schema",
    "to_frames": "kashmirref.frames",
    **dict.fromkeys(["Change", "Diff", "diff"], "kashmirref.changes"),
    **dict.fromkeys(["DATA_VERSION", "DataVersion", "cite", "data_version"], "kashmirref.citing"),
    **dict.fromkeys(
        [
            "Catalog",
            "Invoked",
            "TimelineEntry",
        ],
        "kashmirref.catalog",
    ),
    **dict.fromkeys(
        [
            "Comparison",
            "Matrix",
            "Relation",
            "Row",
            "SharedGround",
            "Side",
            "Span",
            "compare",
            "compare_over_time",
            "evolution",
            "holders",
            "matrix",
            "relation_between",
            "side",
        ],
        "kashmirref.comparison",
    ),
    **dict.fromkeys(
        [
            "DateLike",
            "as_date",
            "parse_date",
        ],
        "kashmirref.dates",
    ),
    **dict.fromkeys(
        [
            "DataError",
            "FieldError",
            "InputError",
            "KashmirRefError",
            "MissingExtraError",
            "Problem",
            "UnknownIdError",
        ],
        "kashmirref.errors",
    ),
    **dict.fromkeys(
        [
            "dumps",
            "load",
        ],
        "kashmirref.io",
    ),
    **dict.fromkeys(
        [
            "Actor",
            "ActorKind",
            "Citation",
            "Code",
            "Event",
            "EventKind",
            "Ground",
            "Instrument",
            "InstrumentKind",
            "InstrumentStatus",
            "Invocation",
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
            "last_day",
        ],
        "kashmirref.model",
    ),
}

__all__ = [
    "DATA_VERSION",
    "Actor",
    "ActorKind",
    "Catalog",
    "Change",
    "Citation",
    "Code",
    "Comparison",
    "DataError",
    "DataVersion",
    "DateLike",
    "Diff",
    "Event",
    "EventKind",
    "FieldError",
    "Ground",
    "InputError",
    "Instrument",
    "InstrumentKind",
    "InstrumentStatus",
    "Invocation",
    "Invoked",
    "KashmirRefError",
    "Matrix",
    "MissingExtraError",
    "NoPositionFound",
    "Position",
    "Precision",
    "Problem",
    "Provision",
    "Record",
    "Relation",
    "Row",
    "SharedGround",
    "Side",
    "Source",
    "SourceKind",
    "Span",
    "Stance",
    "Statement",
    "StatementForm",
    "StatusChange",
    "Term",
    "TermName",
    "TimelineEntry",
    "Topic",
    "UnknownIdError",
    "__version__",
    "as_date",
    "cite",
    "compare",
    "compare_over_time",
    "data_version",
    "diff",
    "dumps",
    "evolution",
    "figures",
    "format_date",
    "holders",
    "last_day",
    "load",
    "matrix",
    "parse_date",
    "relation_between",
    "schema",
    "side",
    "to_frames",
]

if not TYPE_CHECKING:
    # Hidden from type checkers: with it visible, every attribute of the package would
    # type as ``Any`` and a misspelt name would pass ``mypy --strict``.

    def __getattr__(name: str) -> object:
        """Import the module that defines ``name`` on first use."""
        module = _LAZY.get(name)
        if module is None:
            raise AttributeError(f"module 'kashmirref' has no attribute {name!r}")
        found = importlib.import_module(module)
        value = found if module == f"{__name__}.{name}" else getattr(found, name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    """List the public names, which are resolved lazily."""
    return sorted([*globals(), *_LAZY])
