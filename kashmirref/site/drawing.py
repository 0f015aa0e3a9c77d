"""Building blocks for the figures: text measured before it is placed, and the SVG frame.

A figure never lets a label run past its edge. SVG cannot wrap text and a build has no
font to measure with, so :func:`text_width` *estimates* how wide a label will be from
per-character widths a little larger than those of DejaVu Sans (the widest common
sans-serif, and Chromium's fallback on Linux); every label is then placed or wrapped
over several lines (:func:`wrap`) so that its estimated extent lies inside the figure
and clear of every other label. No label is ever shortened: a long name takes more
lines, and the figure grows to hold them.

:func:`text_extent` gives the box a ``<text>`` element of a figure covers; the tests
check every one of them against the figure's ``viewBox`` and against each other.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from html import escape

from kashmirref.comparison import Relation
from kashmirref.model import Precision, last_day

__all__ = [
    "FONT",
    "FONT_SIZE",
    "INK",
    "MUTED",
    "RELATION_COLOURS",
    "RELATION_WORDS",
    "RULE",
    "STRIPE",
    "day_after",
    "hatch",
    "line_height",
    "short_date",
    "svg",
    "text",
    "text_extent",
    "text_lines",
    "text_width",
    "wrap",
]

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
"""The reader's own sans-serif: nothing is fetched."""

FONT_SIZE = 13.0
"""The figures' base font size, in user units (pixels at 100 %)."""

INK, MUTED, RULE = "#1a1a1a", "#5f6368", "#c4c9d0"
"""Text, secondary text and rule colours."""

STRIPE = "#8c96a1"
"""The colour of the stripes that mark an imprecise stretch of time."""

_NARROW = frozenset("fijlrtI!|.,:;'`()[]{} ")
_WIDE = frozenset("mwMW@%&")


def _char_width(char: str) -> float:
    """An upper estimate of one character's advance, in ems."""
    if char in _NARROW:
        return 0.42
    if char in _WIDE:
        return 1.02
    if char.isascii():
        return 0.8 if char.isupper() else 0.66
    if unicodedata.combining(char) or unicodedata.category(char) in {"Mn", "Me", "Cf"}:
        return 0.0
    return 1.05 if unicodedata.east_asian_width(char) in {"W", "F"} else 0.85


def text_width(label: str, size: float = FONT_SIZE, *, bold: bool = False) -> float:
    """The estimated width of ``label`` set at ``size`` (never less than it will take)."""
    width = sum(_char_width(c) for c in label) * size
    return width * 1.08 if bold else width


def wrap(
    label: str, width: float, size: float = FONT_SIZE, *, bold: bool = False, hyphens: bool = False
) -> list[str]:
    """``label`` broken at spaces into lines no wider than ``width``; nothing is left out.

    With ``hyphens``, a line may also end after a hyphen (``apply-in-part-`` /
    ``or-on-conditions``). A piece wider than a line on its own is broken between
    characters: a long name is shown whole, over several lines, never shortened.
    """
    lines: list[str] = []
    for word in label.split():
        pieces = re.findall(r"[^-]*-|[^-]+", word) if hyphens else [word]
        for i, piece in enumerate(pieces):
            joined = lines[-1] + ("" if i else " ") + piece if lines else piece
            if lines and text_width(joined, size, bold=bold) <= width:
                lines[-1] = joined
                continue
            part = ""
            for char in piece:
                if part and text_width(part + char, size, bold=bold) > width:
                    lines.append(part)
                    part = ""
                part += char
            lines.append(part)
    return lines or [""]


def line_height(size: float = FONT_SIZE) -> float:
    """The distance between the baselines of two lines of text set at ``size``."""
    return round(size * 1.3, 1)


def text_lines(
    x: float, y: float, lines: Sequence[str], size: float = FONT_SIZE, **attributes: str | float
) -> list[str]:
    """One ``<text>`` per line, the first baseline at ``y``, each :func:`line_height` apart."""
    if size != FONT_SIZE:
        attributes = {"font_size": size, **attributes}
    step = line_height(size)
    return [text(x, y + step * i, line, **attributes) for i, line in enumerate(lines)]


def text(x: float, y: float, label: str, **attributes: str | float) -> str:
    """A ``<text>`` element at (``x``, ``y``) with ``label`` escaped.

    Keyword names become attributes with ``_`` read as ``-`` (``text_anchor="end"``).
    """
    extra = "".join(f' {k.replace("_", "-")}="{escape(str(v))}"' for k, v in attributes.items())
    return f'<text x="{x:g}" y="{y:g}"{extra}>{escape(label)}</text>'


def text_extent(
    x: float,
    y: float,
    label: str,
    *,
    anchor: str = "start",
    size: float = FONT_SIZE,
    bold: bool = False,
) -> tuple[float, float, float, float]:
    """The box (left, top, right, bottom) that a ``<text>`` element is estimated to cover."""
    width = text_width(label, size, bold=bold)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return left, y - size * 0.95, left + width, y + size * 0.3


def svg(
    key: str, width: float, height: float, title: str, description: str, body: Sequence[str]
) -> str:
    """A complete figure: a ``viewBox``, a ``<title>`` and a ``<desc>`` that name it.

    ``key`` makes the ids of the title, description and patterns unique on a page.
    """
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
        f'width="{width:g}" height="{height:g}" role="img" '
        f'aria-labelledby="{key}-title {key}-desc" '
        f'font-family="{escape(FONT)}" font-size="{FONT_SIZE:g}" fill="{INK}">'
    )
    return "\n".join(
        [
            head,
            f'<title id="{key}-title">{escape(title)}</title>',
            f'<desc id="{key}-desc">{escape(description)}</desc>',
            *body,
            "</svg>",
        ]
    )


def hatch(key: str, colour: str) -> tuple[str, str]:
    """Grey diagonal stripes over ``colour``: the pattern's ``<defs>`` entry and its ``url()``.

    Stripes mark a stretch of time a date's precision leaves open (a date known only to
    the month or year) and, on instrument figures, one party's own declarations.
    """
    ident = f"{key}-hatch-{colour.lstrip('#')}"
    pattern = (
        f'<pattern id="{ident}" width="7" height="7" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="7" height="7" fill="{colour}"/>'
        f'<rect width="2" height="7" fill="{STRIPE}"/></pattern>'
    )
    return pattern, f"url(#{ident})"


_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def short_date(when: dt.date, precision: Precision = Precision.DAY) -> str:
    """A date for an axis, no more precise than it is known: ``24 Nov 2003``, ``2020``."""
    if precision is Precision.YEAR:
        return str(when.year)
    month = f"{_MONTHS[when.month - 1]} {when.year}"
    return month if precision is Precision.MONTH else f"{when.day} {month}"


def day_after(when: dt.date, precision: Precision = Precision.DAY) -> dt.date:
    """The first day after the period ``when`` stands for at ``precision``."""
    return last_day(when, precision) + dt.timedelta(days=1)


RELATION_COLOURS: dict[Relation, str] = {
    Relation.AGREE: "#cfe7e1",
    Relation.PARTIAL: "#e0d9f0",
    Relation.DIVERGE: "#f3debb",
    Relation.MIXED: "#f0e6f0",
    Relation.ONE_SILENT: "#e4e6e9",
    Relation.BOTH_SILENT: "#ffffff",
}
"""One light tint per relation between two sides, in hues with no order among them.

A colour describes the *pair*: both sides' cells on a row share it, so no side is ever
drawn lighter or darker than the other.
"""

RELATION_WORDS: dict[Relation, tuple[str, str]] = {
    Relation.AGREE: ("agree", "both hold the same stance"),
    Relation.PARTIAL: (
        "partially agree",
        "their stances differ, by no more than half the topic's scale",
    ),
    Relation.DIVERGE: ("diverge", "their stances differ by more than half the topic's scale"),
    Relation.MIXED: (
        "mixed",
        "one side's latest stances cannot be put in order and relate differently",
    ),
    Relation.ONE_SILENT: ("one side silent", "only one of the two has a stated position"),
    Relation.BOTH_SILENT: ("both silent", "neither has a stated position"),
}
"""Each relation's short name and what it means, in plain words."""
