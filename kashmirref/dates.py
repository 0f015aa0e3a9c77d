"""Dates as people pass them: ``date`` objects or ISO text at the precision they know.

Every entry point that takes a date (``as_of``, ``start``, ``end``, the command line's
``--as-of``, ``--from`` and ``--to``) goes through :func:`parse_date` or
:func:`as_date`, so ``"2019"``, ``"2019-08"`` and ``"2019-08-05"`` mean the same
everywhere: a year, a month or a day, and for ``as_of`` the last day of it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TypeAlias

from kashmirref.errors import InputError
from kashmirref.model import Precision, last_day

__all__ = ["DateLike", "as_date", "parse_date"]

DateLike: TypeAlias = dt.date | str
"""A :class:`datetime.date` (a ``datetime`` counts as its date) or ISO text
``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_date(text: str) -> tuple[dt.date, Precision]:
    """Read ISO text at its precision: ``"2019"`` → (1 January 2019, year).

    ``"2019-08"`` → (1 August 2019, month); a full ISO date → (that day, day). Anything
    else raises :class:`~kashmirref.errors.InputError`.
    """
    match = _ISO.fullmatch(text.strip())
    if match is None:
        raise InputError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {text[:40]!r}")
    year, month, day = match.groups()
    precision = Precision.DAY if day else Precision.MONTH if month else Precision.YEAR
    try:
        when = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as error:
        raise InputError(f"not a date: {text[:40]!r} ({error})") from None
    return when, precision


def as_date(value: DateLike, name: str = "date", *, end: bool = True) -> dt.date:
    """The day ``value`` stands for.

    With ``end`` (the default, as for ``as_of``) the last day of a year or month given
    as text, otherwise its first day.

    A ``datetime`` counts as its date. Any other type raises ``TypeError`` naming
    ``name``; malformed text raises :class:`~kashmirref.errors.InputError`.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        when, precision = parse_date(value)
        return last_day(when, precision) if end else when
    raise TypeError(
        f"{name} must be a date or ISO text (YYYY, YYYY-MM, YYYY-MM-DD), "
        f"not {type(value).__name__}"
    )
