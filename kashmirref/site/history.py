"""Figures of one record over time: a topic's stances, an instrument's life and use.

Both figures share a horizontal time axis (:class:`Axis`) that is linear between the
dates that matter to the figure, except that no stretch between two such dates is
drawn narrower than a few pixels: a one-day span (a ceasefire accepted "on 24 November
2003") stays visible beside a sixty-year one. Every bar is drawn as precisely as its
dates: a position evidenced only "in 2020" starts with a striped stretch covering the
whole of 2020, never at an invented day; axis labels read ``2020`` or ``Aug 2014``.

Colour follows the stance grid's rule: stance bars of every actor are the same neutral
tint (a side never has a colour of its own), and only the band of the relation between
the two parties is coloured, by relation. Each page prints the same facts as a table.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Sequence
from html import escape

import attrs

from kashmirref.catalog import Catalog
from kashmirref.comparison import compare_over_time
from kashmirref.model import Instrument, InstrumentKind, Position, Precision, Topic, last_day
from kashmirref.site.drawing import (
    INK,
    MUTED,
    RELATION_COLOURS,
    RELATION_WORDS,
    RULE,
    day_after,
    fit,
    hatch,
    short_date,
    svg,
    text,
    text_width,
    wrap,
)
from kashmirref.site.svg import Href, pair_name, short_name

__all__ = ["Axis", "horizon", "instrument_figure", "topic_figure"]

WIDTH = 680.0
"""Width of a topic or instrument figure, in user units."""

_BAR = "#dde3ea"
"""The one neutral tint of every actor's stance or invocation bar."""

_LANE, _GAP, _PAD = 28.0, 8.0, 12.0
_LABEL_ROOM = 170.0


@attrs.frozen
class Axis:
    """Dates to x positions: linear between ``stops``, each stretch at least a few pixels."""

    stops: tuple[dt.date, ...]
    xs: tuple[float, ...]

    @classmethod
    def build(
        cls, dates: Iterable[dt.date], left: float, right: float, min_gap: float = 14.0
    ) -> Axis:
        """An axis from the earliest to the latest of ``dates`` over ``left`` … ``right``."""
        stops = sorted(set(dates))
        if len(stops) == 1:
            stops.append(stops[0] + dt.timedelta(days=1))
        days = [(b - a).days for a, b in itertools.pairwise(stops)]
        total = right - left
        if min_gap * len(days) >= total:
            widths = [total / len(days)] * len(days)
        else:
            fixed: set[int] = set()
            while True:
                free_days = sum(d for i, d in enumerate(days) if i not in fixed)
                free = total - min_gap * len(fixed)
                widths = [
                    min_gap if i in fixed else free * d / free_days for i, d in enumerate(days)
                ]
                narrow = {i for i, w in enumerate(widths) if w < min_gap} | fixed
                if narrow == fixed or len(narrow) == len(days):
                    break
                fixed = narrow
        xs = [left]
        for width in widths:
            xs.append(xs[-1] + width)
        return cls(tuple(stops), tuple(xs))

    @property
    def left(self) -> float:
        """The x of the earliest date."""
        return self.xs[0]

    @property
    def right(self) -> float:
        """The x of the latest date."""
        return self.xs[-1]

    def x(self, when: dt.date) -> float:
        """Where ``when`` falls (dates outside the axis are held at its ends)."""
        if when <= self.stops[0]:
            return self.xs[0]
        if when >= self.stops[-1]:
            return self.xs[-1]
        i = bisect.bisect_right(self.stops, when) - 1
        a, b = self.stops[i], self.stops[i + 1]
        share = (when - a).days / (b - a).days
        return self.xs[i] + share * (self.xs[i + 1] - self.xs[i])


def horizon(catalog: Catalog) -> dt.date:
    """The day after the latest date anything in ``catalog`` stands for: "to date" on axes."""
    days = [last_day(s.date, s.date_precision) for s in catalog.statements()]
    days += [e.end_date or last_day(e.date, e.date_precision) for e in catalog.events()]
    days += [i.date for i in catalog.instruments()]
    days += [c.date for i in catalog.instruments() for c in i.status_history]
    return max(days, default=dt.date(2000, 1, 1)) + dt.timedelta(days=1)


@attrs.frozen(kw_only=True)
class _Bar:
    """A stretch of time on one lane, with its precision at each end."""

    start: dt.date
    end: dt.date | None
    label: str
    tip: str
    fill: str
    start_precision: Precision = Precision.DAY
    end_precision: Precision = Precision.DAY
    href: str | None = None
    striped: bool = False

    def stops(self, until: dt.date) -> list[dt.date]:
        """The dates this bar needs on the axis."""
        found = [self.start, day_after(self.start, self.start_precision), until]
        if self.end is not None:
            found += [self.end, day_after(self.end, self.end_precision)]
        return found


@attrs.frozen(kw_only=True)
class _Lane:
    label: str
    bars: tuple[_Bar, ...] = ()
    note: str | None = None
    dashed: bool = False
    bold: bool = True


@attrs.frozen(kw_only=True)
class _Tick:
    when: dt.date
    precision: Precision


def _position_bar(
    catalog: Catalog, position: Position, topic: Topic, label: str, href: str | None
) -> _Bar:
    name = catalog.actor(position.actor).name
    stance = topic.stance(position.stance)
    return _Bar(
        start=position.valid_from,
        start_precision=position.valid_from_precision,
        end=position.valid_to,
        end_precision=position.valid_to_precision,
        label=label,
        tip=f"{name} on {topic.title}: {stance.label} ({position.period}). {stance.meaning}",
        fill=_BAR,
        href=href,
    )


def _evidence_marks(catalog: Catalog, position: Position) -> list[tuple[dt.date, Precision, str]]:
    marks = []
    for statement_id in position.evidence:
        statement = catalog.statement(statement_id)
        when = short_date(statement.date, statement.date_precision)
        marks.append((statement.date, statement.date_precision, f"Statement, {when}"))
    return marks


def topic_figure(
    catalog: Catalog, topic: Topic, parties: Sequence[str], href: Href, until: dt.date
) -> str:
    """Each actor's stance on ``topic`` over time, and the relation between the parties.

    One lane per party, then (with two parties) a band coloured by the relation between
    them span by span (:func:`~kashmirref.comparison.compare_over_time`), then one lane
    per other actor with a position on the topic. Small marks under a bar are the
    statements that evidence it. ``until`` is the right edge ("to date").
    """
    lanes: list[_Lane] = []
    marks: dict[int, list[tuple[dt.date, Precision, str]]] = {}
    others = sorted(
        {p.actor for p in catalog.positions(topic=topic.id)} - set(parties),
        key=lambda a: catalog.actor(a).name,
    )
    link = href(topic)
    ticks: list[_Tick] = []

    def actor_lane(actor: str) -> _Lane:
        positions = catalog.positions(actor=actor, topic=topic.id)
        bars = tuple(_position_bar(catalog, p, topic, p.stance, link) for p in positions)
        marks[len(lanes)] = [m for p in positions for m in _evidence_marks(catalog, p)]
        ticks.extend(_Tick(when=p.valid_from, precision=p.valid_from_precision) for p in positions)
        name = catalog.actor(actor).name
        if bars:
            return _Lane(label=name, bars=bars)
        searched = catalog.no_position(actor, topic.id)
        if searched is not None:
            return _Lane(label=name, note="no stated position found", dashed=True)
        return _Lane(label=name, note="no position recorded")

    for party in parties:
        lanes.append(actor_lane(party))
    spans = (
        compare_over_time(catalog, parties[0], parties[1], topic.id) if len(parties) == 2 else ()
    )
    if len(parties) == 2:
        pair = pair_name(catalog, parties)
        bars = tuple(
            _Bar(
                start=s.start,
                start_precision=s.start_precision,
                end=s.end,
                end_precision=s.end_precision,
                label=RELATION_WORDS[s.relation][0],
                tip=f"{pair}, {s.period}: {RELATION_WORDS[s.relation][0]} "
                f"({RELATION_WORDS[s.relation][1]})",
                fill=RELATION_COLOURS[s.relation],
            )
            for s in spans
        )
        ticks.extend(_Tick(when=s.start, precision=s.start_precision) for s in spans)
        lanes.append(
            _Lane(label="Relation", bars=bars, note=None if bars else "no position on either side")
        )
    for actor in others:
        lanes.append(actor_lane(actor))
    pair_text = pair_name(catalog, parties)
    described = "; ".join(f"{s.period}, {RELATION_WORDS[s.relation][0]}" for s in spans)
    description = (
        f"Each actor's stated stance on {topic.title} over time, one lane each, bars in one "
        f"neutral tint for every actor"
        + (
            f"; the relation between {pair_text}, coloured by relation: {described}"
            if spans
            else ""
        )
        + ". Striped stretches: a date known only to the month or year. Small marks under a "
        "bar: the statements that evidence it."
    )
    title = f"{topic.title}: stances over time"
    return _draw("kr-topic", title, description, lanes, ticks, until, marks)


def instrument_figure(catalog: Catalog, instrument: Instrument, href: Href, until: dt.date) -> str:
    """An instrument's life and use: status, one party's declarations, who invokes it when.

    The first lane shows each recorded status from the date it took; then one lane per
    party that declared something about the instrument on its own (striped: one party's
    declaration, not a status the others accept); then one lane per actor whose
    statements invoke it, a mark at each statement's date. ``until`` is the right edge.
    """
    lanes: list[_Lane] = []
    ticks = [_Tick(when=instrument.date, precision=Precision.DAY)]
    agreed = [c for c in instrument.status_history if not c.is_declaration]
    bars = []
    for i, change in enumerate(agreed):
        following = agreed[i + 1].date - dt.timedelta(days=1) if i + 1 < len(agreed) else None
        who = (
            f", recorded by {catalog.actor(change.declared_by).name}" if change.declared_by else ""
        )
        bars.append(
            _Bar(
                start=change.date,
                end=following,
                label=change.status.value.replace("-", " "),
                tip=f"{change.status.value} from {short_date(change.date)}{who}",
                fill=_BAR,
            )
        )
        ticks.append(_Tick(when=change.date, precision=Precision.DAY))
    dated = short_date(instrument.date)
    if bars:
        lanes.append(_Lane(label="Status", bars=tuple(bars)))
    else:
        lanes.append(
            _Lane(
                label="Status",
                bars=(
                    _Bar(
                        start=instrument.date,
                        end=instrument.date,
                        label="",
                        tip=f"dated {dated}; no status recorded",
                        fill=_BAR,
                    ),
                ),
                note=f"dated {dated}; no status recorded",
            )
        )
    declared: dict[str, list[_Bar]] = {}
    for change in instrument.declarations:
        by = change.declared_by or ""
        declared.setdefault(by, [])
        words = change.status.value.replace("-", " ")
        if change.condition is not None:
            words += ", on a condition"
        who = catalog.actor(by).name if by else "One party"
        tip = f"{who} declared, {short_date(change.date)}: {change.status.value}"
        if change.condition is not None:
            tip += f", on a condition: {change.condition}"
        declared[by].append(
            _Bar(start=change.date, end=None, label=words, tip=tip, fill="#ffffff", striped=True)
        )
        ticks.append(_Tick(when=change.date, precision=Precision.DAY))
    for by, items in declared.items():
        closed = [
            attrs.evolve(bar, end=items[i + 1].start - dt.timedelta(days=1))
            if i + 1 < len(items)
            else bar
            for i, bar in enumerate(items)
        ]
        name = short_name(catalog, by) if by else "one party"
        lanes.append(_Lane(label=f"Declared by {name}", bars=tuple(closed)))
    invoked = 0
    by_actor: dict[str, list[_Bar]] = {}
    for said in catalog.citing(instrument.id):
        for invocation in said.invokes:
            if invocation.instrument != instrument.id:
                continue
            invoked += 1
            clause = (
                instrument.provision(invocation.provision).label
                if invocation.provision
                else "the instrument as a whole"
            )
            name = catalog.actor(said.on_behalf_of).name
            when = short_date(said.date, said.date_precision)
            reading = f": {invocation.reading}" if invocation.reading else ""
            by_actor.setdefault(said.on_behalf_of, []).append(
                _Bar(
                    start=said.date,
                    start_precision=said.date_precision,
                    end=said.date,
                    end_precision=said.date_precision,
                    label="",
                    tip=f"{name} invokes {clause} ({when}){reading}",
                    fill=_BAR,
                    href=href(said),
                )
            )
    for actor, bars in by_actor.items():
        lanes.append(
            _Lane(label=f"Invoked by {short_name(catalog, actor)}", bars=tuple(bars), bold=False)
        )
    if not invoked:
        lanes.append(_Lane(label="Invoked by", note="no recorded statement invokes it"))
    description = (
        f"The life of {instrument.title}: its recorded status from {dated}"
        + (f"; {len(instrument.declarations)} declaration(s) by one party" if declared else "")
        + f"; {invoked} recorded invocation(s), each at the date of the statement that makes "
        "it. Striped: one party's own declaration, or a date known only to the month "
        "or year."
    )
    kind = "resolution" if instrument.kind is InstrumentKind.UNSC_RESOLUTION else "instrument"
    title = f"{instrument.title}: the {kind}'s life and who invokes it"
    return _draw("kr-instrument", title, description, lanes, ticks, until, {})


def _draw(
    key: str,
    title: str,
    description: str,
    lanes: Sequence[_Lane],
    ticks: Sequence[_Tick],
    until: dt.date,
    marks: dict[int, list[tuple[dt.date, Precision, str]]],
) -> str:
    """Lay out labelled lanes of bars over a shared time axis, with dated ticks below."""
    names = [wrap(lane.label, _LABEL_ROOM, bold=lane.bold) for lane in lanes]
    label_width = max(
        (
            text_width(line, bold=lane.bold)
            for lane, lines in zip(lanes, names, strict=True)
            for line in lines
        ),
        default=0.0,
    )
    left = _PAD + label_width + 12
    right = WIDTH - _PAD
    dates = [d for lane in lanes for bar in lane.bars for d in bar.stops(until)]
    dates += [t.when for t in ticks] + [day_after(t.when, t.precision) for t in ticks]
    if not dates:
        dates = [until - dt.timedelta(days=365), until]
    axis = Axis.build([d for d in dates if d <= until] or [until], left, right)
    body: list[str] = []
    patterns: dict[str, str] = {}

    def striped(colour: str) -> str:
        pattern, url = hatch(key, colour)
        patterns[colour] = pattern
        return url

    y = _PAD
    for index, (lane, lines) in enumerate(zip(lanes, names, strict=True)):
        first = y + _LANE / 2 + 4.5 - 8 * (len(lines) - 1)
        for i, line in enumerate(lines):
            body.append(text(_PAD, first + 16 * i, line, font_weight="600" if lane.bold else "400"))
        body.append(
            f'<line x1="{axis.left:g}" y1="{y + _LANE / 2:g}" x2="{axis.right:g}" '
            f'y2="{y + _LANE / 2:g}" stroke="{RULE}" stroke-dasharray="2 4"/>'
        )
        if lane.dashed:
            body.append(
                f'<rect x="{axis.left:g}" y="{y + 2:g}" width="{axis.right - axis.left:g}" '
                f'height="{_LANE - 4:g}" rx="4" fill="#ffffff" stroke="{MUTED}" '
                f'stroke-dasharray="4 3"/>'
            )
        extents = [_extent(axis, bar) for bar in lane.bars]
        for i, (bar, extent) in enumerate(zip(lane.bars, extents, strict=True)):
            free_from = max([axis.left, *(e[3] for e in extents[:i])])
            free_to = min([axis.right, *(e[0] for e in extents[i + 1 :])])
            body.append(_bar(bar, extent, (free_from, free_to), y, striped))
        for when, precision, tip in marks.get(index, []):
            x0 = axis.x(when)
            x1 = max(x0 + 2, axis.x(day_after(when, precision)))
            body.append(
                f'<rect x="{x0:g}" y="{y + _LANE - 6:g}" width="{x1 - x0:g}" height="4" '
                f'fill="{MUTED}"><title>{escape(tip)}</title></rect>'
            )
        if lane.note:
            note = fit(lane.note, axis.right - axis.left - 16)
            body.append(
                text(axis.left + 8, y + _LANE / 2 + 4.5, note, fill=MUTED, font_style="italic")
            )
        y += _LANE + _GAP
    base = y + 2
    body.append(
        f'<line x1="{axis.left:g}" y1="{base:g}" x2="{axis.right:g}" y2="{base:g}" '
        f'stroke="{MUTED}"/>'
    )
    body += _tick_labels(axis, ticks, base)
    height = base + 48
    defs = ["<defs>", *patterns.values(), "</defs>"] if patterns else []
    return svg(key, WIDTH, height, title, description, [*defs, *body])


def _extent(axis: Axis, bar: _Bar) -> tuple[float, float, float, float]:
    """Where a bar starts, where its solid part starts and ends, and where it ends."""
    x0 = axis.x(bar.start)
    solid_from = axis.x(day_after(bar.start, bar.start_precision))
    if bar.start_precision is Precision.DAY:
        solid_from = x0
    if bar.end is None:
        solid_to = x_end = axis.right
    else:
        x_end = axis.x(day_after(bar.end, bar.end_precision))
        solid_to = x_end if bar.end_precision is Precision.DAY else axis.x(bar.end)
    return x0, solid_from, solid_to, max(x_end, x0 + 3)


def _bar(
    bar: _Bar,
    extent: tuple[float, float, float, float],
    free: tuple[float, float],
    y: float,
    stripes: Callable[[str], str],
) -> str:
    """One bar: striped where its dates leave time open, solid where they do not.

    Its label goes inside when it fits, else beside it in the ``free`` stretch of the
    lane, else shortened into the largest of those places. ``stripes`` gives the
    ``url()`` of a striped pattern over a colour.
    """
    x0, solid_from, solid_to, x_end = extent
    top, height = y + 3, _LANE - 6
    parts = []
    fill = stripes(bar.fill) if bar.striped else bar.fill
    if solid_to > solid_from:
        parts.append(_rect(solid_from, top, solid_to - solid_from, height, fill))
    else:
        solid_from = solid_to = x0
    for a, b in ((x0, solid_from), (solid_to, x_end)):
        if b - a > 0.5:
            parts.append(_rect(a, top, b - a, height, stripes(bar.fill)))
    outline = f'stroke="{MUTED}" stroke-width="0.75"'
    parts.append(
        f'<rect x="{x0:g}" y="{top:g}" width="{x_end - x0:g}" height="{height:g}" rx="3" '
        f'fill="none" {outline}/>'
    )
    if bar.label:
        parts += _bar_label(bar, x0, x_end, free, y)
    inner = f"<title>{escape(bar.tip)}</title>" + "".join(parts)
    if bar.href is not None:
        return f'<a href="{escape(bar.href)}">{inner}</a>'
    return f"<g>{inner}</g>"


def _bar_label(
    bar: _Bar, x0: float, x_end: float, free: tuple[float, float], y: float
) -> list[str]:
    """A bar's label inside it, or beside it where the lane is free, never past an edge."""
    baseline = y + _LANE / 2 + 4
    places = [
        (x_end - x0 - 10, (x0 + x_end) / 2, "middle"),
        (x0 - free[0] - 8, x0 - 4, "end"),
        (free[1] - x_end - 8, x_end + 4, "start"),
    ]
    need = text_width(bar.label, size=12)
    room, x, anchor = next((p for p in places if p[0] >= need), max(places))
    label = fit(bar.label, room, size=12)
    if not label:
        return []
    parts = []
    if bar.striped and anchor == "middle":
        width = text_width(label, size=12)
        parts.append(_rect(x - width / 2 - 3, y + 7, width + 6, _LANE - 14, "#ffffff"))
    parts.append(text(x, baseline, label, font_size=12, text_anchor=anchor, fill=INK))
    return parts


def _rect(x: float, y: float, w: float, h: float, fill: str) -> str:
    return f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" fill="{fill}"/>'


def _tick_labels(axis: Axis, ticks: Sequence[_Tick], base: float) -> list[str]:
    """Dated ticks under the axis, their labels on two staggered rows.

    A label that would overlap another on both rows is left out (the table under the
    figure has every date).
    """
    parts: list[str] = []
    ends = [-1e9, -1e9]
    for when, precision in sorted({(t.when, t.precision) for t in ticks}):
        x0, x1 = axis.x(when), axis.x(day_after(when, precision))
        if precision is Precision.DAY:
            x1 = x0
        parts.append(
            f'<line x1="{x0:g}" y1="{base:g}" x2="{x0:g}" y2="{base + 5:g}" stroke="{MUTED}"/>'
        )
        if x1 - x0 > 1:
            parts.append(_rect(x0, base + 1, x1 - x0, 4, "#8c96a1"))
        label = short_date(when, precision)
        width = text_width(label, size=11)
        centre = min(max((x0 + x1) / 2, width / 2 + 2), WIDTH - width / 2 - 2)
        for row in (0, 1):
            if centre - width / 2 >= ends[row] + 6:
                ends[row] = centre + width / 2
                parts.append(
                    text(
                        centre,
                        base + 18 + 14 * row,
                        label,
                        font_size=11,
                        text_anchor="middle",
                        fill=MUTED,
                    )
                )
                break
    return parts
