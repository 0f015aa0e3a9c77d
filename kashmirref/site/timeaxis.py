"""The figures' time axis: proportional to time, with year ticks.

Every figure of a record over time draws time left to right in proportion: each year
takes the same width, so nine days in November 1947 are a sliver and 2010-2025 is
fifteen years wide. Dense early periods stay dense (every mark is still there, with
its ``<title>`` and link, and the table under the figure lists each one); no stretch of
time is ever widened to make room. Ticks fall on the first day of a year, every 1, 2,
5, 10 or 20 years, whichever keeps their labels apart.
"""

from __future__ import annotations

import datetime as dt

import attrs

from kashmirref.site.drawing import MUTED, RULE, text, text_width

__all__ = ["TICK_SIZE", "TimeAxis"]

TICK_SIZE = 11.0
"""The font size of the year labels under an axis."""

_STEPS = (1, 2, 5, 10, 20, 25, 50)
_LABEL_GAP = 10.0


@attrs.frozen
class TimeAxis:
    """Dates to x positions, in proportion, from ``start`` at ``left`` to ``end`` at ``right``."""

    start: dt.date
    end: dt.date
    left: float
    right: float

    @classmethod
    def spanning(cls, first: dt.date | None, until: dt.date, left: float, right: float) -> TimeAxis:
        """From the first day of ``first``'s year (or a year before ``until``) to ``until``."""
        begin = dt.date((first or until - dt.timedelta(days=365)).year, 1, 1)
        if begin >= until:
            begin = dt.date(until.year - 1, 1, 1)
        return cls(begin, until, left, right)

    def x(self, when: dt.date) -> float:
        """Where ``when`` falls (dates outside the axis are held at its ends)."""
        days = (self.end - self.start).days
        share = (when - self.start).days / days
        return self.left + min(1.0, max(0.0, share)) * (self.right - self.left)

    def step(self) -> int:
        """Years between labelled ticks: the smallest that keeps the labels apart."""
        years = max((self.end - self.start).days / 365.25, 1.0)
        per_year = (self.right - self.left) / years
        room = text_width("0000", TICK_SIZE) + _LABEL_GAP
        return next((s for s in _STEPS if s * per_year >= room), _STEPS[-1])

    def years(self) -> list[int]:
        """The years that get a labelled tick: multiples of :meth:`step` on the axis."""
        step = self.step()
        first = -(-self.start.year // step) * step
        if dt.date(first, 1, 1) < self.start:
            first += step
        return [y for y in range(first, self.end.year + 1, step) if dt.date(y, 1, 1) <= self.end]

    def draw(self, top: float, bottom: float, width: float, *, labelled: bool = True) -> list[str]:
        """Light year rules from ``top`` to ``bottom``, the axis line, and year labels.

        Without ``labelled``, only the rules. A label that would reach past either
        edge of a figure ``width`` wide is left out (the rule stays).
        """
        parts = (
            [
                f'<line x1="{self.left:g}" y1="{bottom:g}" x2="{self.right:g}" '
                f'y2="{bottom:g}" stroke="{MUTED}"/>'
            ]
            if labelled
            else []
        )
        half = text_width("0000", TICK_SIZE) / 2
        for year in self.years():
            x = self.x(dt.date(year, 1, 1))
            parts.append(
                f'<line x1="{x:g}" y1="{top:g}" x2="{x:g}" y2="{bottom + 4:g}" stroke="{RULE}"/>'
            )
            if labelled and x - half >= 0 and x + half <= width:
                parts.append(
                    text(
                        x,
                        bottom + 17,
                        str(year),
                        font_size=TICK_SIZE,
                        text_anchor="middle",
                        fill=MUTED,
                    )
                )
        return parts
