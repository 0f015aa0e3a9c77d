"""The figure of an instrument over time: its status, one party's declarations, its use.

Time runs left to right in proportion (:class:`~kashmirref.site.timeaxis.TimeAxis`,
year ticks) from the instrument's date to the record's latest date. The first lane
shows each recorded status from the date it took; one lane per party that declared
something about the instrument on its own (striped: one party's declaration, not a
status the others accept); then one lane per actor whose statements invoke it, a mark
at each statement's date (a bar across the month or year when that is all the date
says). Every bar and mark has a ``<title>``; a mark links to its statement; the page
prints the same facts as a table. Bars are one neutral tint for every actor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from html import escape

import attrs

from kashmirref.catalog import Catalog
from kashmirref.model import (
    Event,
    Instrument,
    InstrumentKind,
    Precision,
    Statement,
    format_date,
    last_day,
)
from kashmirref.site.drawing import (
    INK,
    MUTED,
    RULE,
    day_after,
    hatch,
    line_height,
    short_date,
    svg,
    text,
    text_lines,
    text_width,
    wrap,
)
from kashmirref.site.svg import Href, short_name
from kashmirref.site.timeaxis import TimeAxis

__all__ = ["WIDTH", "horizon", "instrument_figure", "lane_of", "timeline"]

WIDTH = 680.0
"""Width of an instrument figure or the timeline, in user units."""

_BAR = "#dde3ea"
"""The one neutral tint of every status or declaration bar."""

_TICK = "#4d5661"
"""The one neutral shade of every dated mark (an invocation, a statement, an event)."""

_LANE, _GAP, _PAD = 28.0, 8.0, 12.0
_LABEL_ROOM = 170.0


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
    tick: bool = False
    """A mark for one dated entry: a thin tick, or a faint bar across its month or year."""


@attrs.frozen(kw_only=True)
class _Lane:
    label: str
    bars: tuple[_Bar, ...] = ()
    note: str | None = None
    dashed: bool = False
    bold: bool = True


def instrument_figure(
    catalog: Catalog, instrument: Instrument, href: Href, until: dt.date, *, width: float = WIDTH
) -> str:
    """An instrument's life and use: status, one party's declarations, who invokes it when.

    The first lane shows each recorded status from the date it took; then one lane per
    party that declared something about the instrument on its own (striped: one party's
    declaration, not a status the others accept); then one lane per actor whose
    statements invoke it, a mark at each statement's date. ``until`` is the right edge.
    """
    lanes: list[_Lane] = []
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
    for by, items in declared.items():
        closed = [
            attrs.evolve(bar, end=items[i + 1].start - dt.timedelta(days=1))
            if i + 1 < len(items)
            else bar
            for i, bar in enumerate(items)
        ]
        name = short_name(catalog, by) if by else "one party"
        lanes.append(_Lane(label=f"Declared by {name}", bars=tuple(closed)))
    invocations = catalog.invocations(instrument.id)
    by_actor: dict[str, list[_Bar]] = {}
    for found in invocations:
        said, invocation = found.statement, found.invocation
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
                fill=_TICK,
                href=href(said),
                tick=True,
            )
        )
    for actor, bars in by_actor.items():
        lanes.append(
            _Lane(label=f"Invoked by {short_name(catalog, actor)}", bars=tuple(bars), bold=False)
        )
    if not invocations:
        lanes.append(_Lane(label="Invoked by", note="no recorded statement invokes it"))
    description = (
        f"The life of {instrument.title}: its recorded status from {dated}"
        + (f"; {len(instrument.declarations)} declaration(s) by one party" if declared else "")
        + f"; {len(invocations)} recorded invocation(s), each at the date of the statement "
        "that makes it. Striped: one party's own declaration, or a date known only to the month "
        "or year."
    )
    kind = "resolution" if instrument.kind is InstrumentKind.UNSC_RESOLUTION else "instrument"
    title = f"{instrument.title}: the {kind}'s life and who invokes it"
    return _draw("kr-instrument", (title, description), lanes, (instrument.date, until), width)


def lane_of(catalog: Catalog, actor_id: str, parties: Sequence[str]) -> str | None:
    """The party ``actor_id`` speaks for (following ``parent`` links), if any."""
    return next((step for step in catalog.lineage(actor_id) if step in parties), None)


def timeline(
    catalog: Catalog, parties: Sequence[str], href: Href, until: dt.date, *, width: float = WIDTH
) -> str:
    """Every event and statement at its date, in lanes, over a proportional time axis.

    The first lane holds events (a bar from start to end for one that lasted); then one
    lane per party (statements made for it, by it or by its offices); the last lane every
    other actor. Each entry is a mark in one neutral tint with its title and a link; the
    page lists every entry by year, in words.
    """
    entries = catalog.timeline()
    lanes: list[list[_Bar]] = [[] for _ in range(len(parties) + 2)]
    for entry in entries:
        lane, tip = _timeline_entry(catalog, entry, parties)
        end = entry.end_date if isinstance(entry, Event) and entry.end_date else entry.date
        lanes[lane].append(
            _Bar(
                start=entry.date,
                start_precision=entry.date_precision,
                end=end,
                end_precision=entry.date_precision if end == entry.date else Precision.DAY,
                label="",
                tip=tip,
                fill=_TICK,
                href=href(entry),
                tick=True,
            )
        )
    names = ["Events", *(short_name(catalog, p) for p in parties), "Other actors"]
    drawn = [
        _Lane(label=name, bars=tuple(bars), note=None if bars else "none on record")
        for name, bars in zip(names, lanes, strict=True)
    ]
    title = "Timeline of events and statements"
    description = (
        f"{len(entries)} entries at their dates, time left to right in proportion with year "
        f"ticks: events in the first lane, statements in the lane of the party they were "
        f"made for ({', '.join(names[1:-1])}), and every other actor's in the last lane. "
        "A statement dated only to a month or year is a bar across it."
    )
    first = min((e.date for e in entries), default=None) or until
    return _draw("kr-timeline", (title, description), drawn, (first, until), width)


def _timeline_entry(
    catalog: Catalog, entry: Event | Statement, parties: Sequence[str]
) -> tuple[int, str]:
    """Lane index and tooltip of one timeline entry (its words are in the list below)."""
    when = format_date(entry.date, entry.date_precision)
    if isinstance(entry, Event):
        return 0, f"{when}: {entry.title}"
    party = lane_of(catalog, entry.on_behalf_of, parties)
    lane = 1 + (parties.index(party) if party is not None else len(parties))
    speaker = catalog.actor(entry.speaker).name
    topics = ", ".join(catalog.topic(t).title for t in entry.topics)
    about = f" ({topics})" if topics else ""
    return lane, f"{when}, {speaker}{about}"


def _draw(
    key: str,
    named: tuple[str, str],
    lanes: Sequence[_Lane],
    span: tuple[dt.date, dt.date],
    width: float,
) -> str:
    """Labelled lanes of bars over a proportional time axis, in a figure ``width`` wide.

    ``named`` is the figure's title and description, ``span`` its first and last date.
    A lane's name is wrapped over as many lines as it needs and the lane grows to hold
    them.
    """
    title, description = named
    first, until = span
    if width != WIDTH:
        key += "-narrow"
    room = min(_LABEL_ROOM, width * 0.3)
    names = [wrap(lane.label, room, bold=lane.bold, hyphens=True) for lane in lanes]
    label_width = max(
        (
            text_width(line, bold=lane.bold)
            for lane, lines in zip(lanes, names, strict=True)
            for line in lines
        ),
        default=0.0,
    )
    axis = TimeAxis.spanning(first, until, _PAD + label_width + 12, width - _PAD - 6)
    body: list[str] = []
    patterns: dict[str, str] = {}

    def striped(colour: str) -> str:
        pattern, url = hatch(key, colour)
        patterns[colour] = pattern
        return url

    y = _PAD
    rows = []
    for lane, lines in zip(lanes, names, strict=True):
        height = max(_LANE, line_height() * len(lines) + 8)
        first_line = y + height / 2 + 4.5 - line_height() * (len(lines) - 1) / 2
        weight = "600" if lane.bold else "400"
        body += text_lines(_PAD, first_line, lines, font_weight=weight)
        middle = y + height / 2
        body.append(
            f'<line x1="{axis.left:g}" y1="{middle:g}" x2="{axis.right:g}" '
            f'y2="{middle:g}" stroke="{RULE}" stroke-dasharray="2 4"/>'
        )
        rows.append((lane, middle))
        y += height + _GAP
    base = y + 2
    body = [*axis.draw(_PAD, base, width), *body]
    for lane, middle in rows:
        top = middle - _LANE / 2
        if lane.dashed:
            body.append(
                f'<rect x="{axis.left:g}" y="{top + 2:g}" width="{axis.right - axis.left:g}" '
                f'height="{_LANE - 4:g}" rx="4" fill="#ffffff" stroke="{MUTED}" '
                f'stroke-dasharray="4 3"/>'
            )
        extents = [_extent(axis, bar, until) for bar in lane.bars]
        labelled = axis.left
        for i, (bar, extent) in enumerate(zip(lane.bars, extents, strict=True)):
            free_from = max([labelled, *(e[3] for e in extents[:i])])
            free_to = min([axis.right, *(e[0] for e in extents[i + 1 :])])
            drawn, label_end = _bar(bar, extent, (free_from, free_to), top, striped)
            body.append(drawn)
            labelled = max(labelled, label_end)
        if lane.note and text_width(lane.note) <= axis.right - axis.left - 16:
            body.append(
                text(axis.left + 8, middle + 4.5, lane.note, fill=MUTED, font_style="italic")
            )
    defs = ["<defs>", *patterns.values(), "</defs>"] if patterns else []
    return svg(key, width, base + 28, title, description, [*defs, *body])


def _extent(axis: TimeAxis, bar: _Bar, until: dt.date) -> tuple[float, float, float, float]:
    """Where a bar starts, where its solid part starts and ends, and where it ends."""
    x0 = axis.x(bar.start)
    solid_from = axis.x(day_after(bar.start, bar.start_precision))
    if bar.start_precision is Precision.DAY:
        solid_from = x0
    if bar.end is None:
        solid_to = x_end = axis.x(until)
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
) -> tuple[str, float]:
    """One bar, striped where its dates leave time open, and where its label ends.

    Its label goes inside when it fits, else beside it in the ``free`` stretch of the
    lane, else it is left out (the bar's ``<title>`` and the page's table have it).
    ``stripes`` gives the ``url()`` of a striped pattern over a colour.
    """
    x0, solid_from, solid_to, x_end = extent
    top, height = y + 3, _LANE - 6
    if bar.tick:
        exact = bar.start_precision is Precision.DAY and bar.end == bar.start
        width = max(1.5, x_end - x0) if not exact else 1.5
        opacity = 0.6 if exact else 0.3
        inner = (
            f"<title>{escape(bar.tip)}</title>"
            f'<rect x="{x0:g}" y="{top:g}" width="{width:g}" height="{height:g}" '
            f'fill="{bar.fill}" fill-opacity="{opacity:g}"/>'
        )
        return (f'<a href="{escape(bar.href)}">{inner}</a>' if bar.href else inner), x_end
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
    label_end = x_end
    if bar.label:
        labelled, label_end = _bar_label(bar, x0, x_end, free, y)
        parts += labelled
    inner = f"<title>{escape(bar.tip)}</title>" + "".join(parts)
    if bar.href is not None:
        return f'<a href="{escape(bar.href)}">{inner}</a>', label_end
    return f"<g>{inner}</g>", label_end


def _bar_label(
    bar: _Bar, x0: float, x_end: float, free: tuple[float, float], y: float
) -> tuple[list[str], float]:
    """A bar's label inside it, or beside it where the lane is free; where it ends.

    A label that fits nowhere whole is left out.
    """
    baseline = y + _LANE / 2 + 4
    need = text_width(bar.label, size=12)
    places = [
        (x_end - x0 - 10, (x0 + x_end) / 2, "middle", x_end),
        (x0 - free[0] - 8, x0 - 4, "end", x_end),
        (free[1] - x_end - 8, x_end + 4, "start", x_end + 4 + need),
    ]
    found = next((p for p in places if p[0] >= need), None)
    if found is None:
        return [], x_end
    _, x, anchor, end = found
    parts = []
    if bar.striped and anchor == "middle":
        parts.append(_rect(x - need / 2 - 3, y + 7, need + 6, _LANE - 14, "#ffffff"))
    parts.append(text(x, baseline, bar.label, font_size=12, text_anchor=anchor, fill=INK))
    return parts, end


def _rect(x: float, y: float, w: float, h: float, fill: str) -> str:
    return f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" fill="{fill}"/>'
