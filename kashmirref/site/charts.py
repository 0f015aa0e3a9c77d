"""Stances over time: one line per actor on a topic's own ordered scale.

Time runs left to right in proportion (:class:`~kashmirref.site.timeaxis.TimeAxis`);
the topic's stances run top to bottom in the scale's order, each named in full on the
left. Each actor is one line in a neutral tint, told apart by shade, dash pattern and
marker shape assigned by order (never a colour of its own). A line is solid while the
stance is being stated, dotted where it holds on record without being restated, and
absent where the record has no stance (a gap stays a gap). Every statement is a mark
at its date, linked to the statement, with a ``<title>``; a statement dated only to a
month or year is a bar across that month or year. Between two parties' lines the
relation of their stances is shaded in the stance grid's relation colours.

:func:`topic_chart` draws the parties on one topic; :func:`strips` draws small
multiples (one actor on one topic per strip) for the other actors of a topic and for
an actor's page. Every label is measured before it is placed and never shortened.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Sequence
from html import escape

import attrs

from kashmirref.catalog import Catalog
from kashmirref.comparison import Relation, Span, compare_over_time
from kashmirref.model import Actor, Position, Precision, Topic, format_date, last_day
from kashmirref.site.drawing import (
    INK,
    MUTED,
    RELATION_COLOURS,
    RELATION_WORDS,
    day_after,
    line_height,
    svg,
    text_lines,
    text_width,
    wrap,
)
from kashmirref.site.svg import Href, pair_name
from kashmirref.site.timeaxis import TimeAxis

__all__ = [
    "NARROW",
    "STYLES",
    "WIDTH",
    "Strip",
    "Style",
    "actor_chart",
    "first_date",
    "others_chart",
    "strips",
    "style_of",
    "topic_chart",
]

WIDTH = 680.0
"""Width of a chart, in user units: the text column of a page."""

NARROW = 340.0
"""Width of a chart drawn for a phone."""

_PAD = 12.0
_SHOWN = (Relation.AGREE, Relation.PARTIAL, Relation.DIVERGE, Relation.MIXED)


@attrs.frozen
class Style:
    """How one actor's line is drawn: a neutral shade, a dash pattern and a marker."""

    ink: str
    dash: str
    marker: str

    def line(self, x0: float, y0: float, x1: float, y1: float, *, dotted: bool = False) -> str:
        """A stretch of the line (``dotted``: held on record, not restated)."""
        pattern = "1.5 3" if dotted else self.dash
        dash = f' stroke-dasharray="{pattern}"' if pattern else ""
        width = 1.5 if dotted else 2.25
        return (
            f'<line x1="{x0:g}" y1="{y0:g}" x2="{x1:g}" y2="{y1:g}" stroke="{self.ink}" '
            f'stroke-width="{width:g}"{dash}/>'
        )

    def mark(self, x: float, y: float, *, hollow: bool = False) -> str:
        """The marker centred on (``x``, ``y``); ``hollow`` for an imprecise date."""
        fill = "#ffffff" if hollow else self.ink
        paint = f'fill="{fill}" stroke="{self.ink}" stroke-width="1.25"'
        if self.marker == "square":
            return f'<rect x="{x - 3.5:g}" y="{y - 3.5:g}" width="7" height="7" {paint}/>'
        if self.marker == "triangle":
            points = f"{x:g},{y - 4.5:g} {x + 4.5:g},{y + 3.5:g} {x - 4.5:g},{y + 3.5:g}"
            return f'<polygon points="{points}" {paint}/>'
        if self.marker == "diamond":
            points = f"{x:g},{y - 4.5:g} {x + 4.5:g},{y:g} {x:g},{y + 4.5:g} {x - 4.5:g},{y:g}"
            return f'<polygon points="{points}" {paint}/>'
        return f'<circle cx="{x:g}" cy="{y:g}" r="3.75" {paint}/>'


STYLES = (
    Style("#262626", "", "circle"),
    Style("#68717d", "7 3", "square"),
    Style("#3d4a57", "2 2", "triangle"),
    Style("#8a8f96", "9 3 2 3", "diamond"),
)
"""The lines' styles, assigned by order: shades of grey, never a side's colour."""


def style_of(order: int) -> Style:
    """The style of the ``order``-th line of a chart (the styles repeat after four)."""
    return STYLES[order % len(STYLES)]


@attrs.frozen(kw_only=True)
class Strip:
    """One small multiple: ``actor``'s stances on ``topic``, under a ``heading``."""

    heading: str
    topic: Topic
    actor: str


@attrs.frozen(kw_only=True)
class _Plot:
    """What every panel of a chart shares: the catalogue, the axis, links, the end."""

    catalog: Catalog
    axis: TimeAxis
    href: Href
    until: dt.date
    label_room: float
    size: float
    width: float


def _slug_lines(label: str, width: float, size: float) -> list[str]:
    """A stance label broken after its hyphens (or anywhere, if a piece is too wide)."""
    pieces = [piece + "-" for piece in label.split("-")]
    pieces[-1] = pieces[-1][:-1]
    lines: list[str] = []
    for piece in pieces:
        if lines and text_width(lines[-1] + piece, size) <= width:
            lines[-1] += piece
        elif text_width(piece, size) <= width:
            lines.append(piece)
        else:
            lines += wrap(piece, width, size)
    return lines or [""]


def _label_room(topics: Sequence[Topic], size: float, width: float) -> float:
    """The width of the stance labels' column: the widest label, at most a third."""
    widest = max((text_width(s.label, size) for t in topics for s in t.scale), default=0.0)
    return min(widest, width / 3)


def _spacing(topic: Topic, plot: _Plot, least: float) -> float:
    lines = max(len(_slug_lines(s.label, plot.label_room, plot.size)) for s in topic.scale)
    return max(least, lines * line_height(plot.size) + 4)


def _panel(
    plot: _Plot,
    topic: Topic,
    actors: Sequence[str],
    top: float,
    least: float,
) -> tuple[list[str], float]:
    """The stance labels, one line per actor and the shading between two; its bottom."""
    spacing = _spacing(topic, plot, least)
    levels = {s.label: top + spacing * (i + 0.5) for i, s in enumerate(topic.scale)}
    bottom = top + spacing * len(topic.scale)
    axis = plot.axis
    parts = [
        f'<rect x="{axis.left:g}" y="{top:g}" width="{axis.right - axis.left:g}" '
        f'height="{bottom - top:g}" fill="#fafafa"/>'
    ]
    for stance in topic.scale:
        y = levels[stance.label]
        parts.append(
            f'<line x1="{axis.left:g}" y1="{y:g}" x2="{axis.right:g}" y2="{y:g}" stroke="#e3e6ea"/>'
        )
        lines = _slug_lines(stance.label, plot.label_room, plot.size)
        first = y + plot.size * 0.35 - line_height(plot.size) * (len(lines) - 1) / 2
        parts += text_lines(axis.left - 8, first, lines, plot.size, text_anchor="end", fill=INK)
    offsets = [(i - (len(actors) - 1) / 2) * 5 for i in range(len(actors))]
    histories = [plot.catalog.positions(actor=a, topic=topic.id) for a in actors]
    if len(actors) == 2:
        spans = compare_over_time(plot.catalog, actors[0], actors[1], topic.id)
        pair = pair_name(plot.catalog, actors)
        parts += _shading(plot, histories, spans, levels, offsets, pair)
    for i, (actor, history) in enumerate(zip(actors, histories, strict=True)):
        shifted = {label: y + offsets[i] for label, y in levels.items()}
        parts += _line(plot, topic, actor, history, style_of(i), shifted)
    return parts, bottom


def _end(position: Position, until: dt.date) -> dt.date:
    """The first day after a position in a history (``until`` while it is open)."""
    if position.valid_to is None:
        return until
    return min(until, day_after(position.valid_to, position.valid_to_precision))


def _line(
    plot: _Plot,
    topic: Topic,
    actor: str,
    history: Sequence[Position],
    style: Style,
    levels: dict[str, float],
) -> list[str]:
    """One actor's line: a stretch per position, joined only where one follows another."""
    axis, catalog = plot.axis, plot.catalog
    name = catalog.actor(actor).name
    parts: list[str] = []
    before: Position | None = None
    for position in history:
        y = levels[position.stance]
        start = axis.x(position.valid_from)
        firm = axis.x(day_after(position.valid_from, position.valid_from_precision))
        if position.valid_from_precision is Precision.DAY:
            firm = start
        end = axis.x(_end(position, plot.until))
        said = axis.x(day_after(position.last_stated, position.last_stated_precision))
        said = min(end, max(firm, said))
        label = topic.stance(position.stance).label
        tip = f"{name} on {topic.title}: {label} ({position.period}, {position.last_stated_text})"
        drawn = [f"<title>{escape(tip)}</title>"]
        if before is not None and _follows(before, position):
            drawn.append(style.line(start, levels[before.stance], start, y))
        if firm > start:
            drawn.append(style.line(start, y, firm, y, dotted=True))
        drawn.append(style.line(firm, y, max(said, firm + 1), y))
        if end > said + 0.5:
            drawn.append(style.line(said, y, end, y, dotted=True))
        parts.append(f"<g>{''.join(drawn)}</g>")
        before = position
    for position in history:
        for statement_id in position.evidence:
            label = topic.stance(position.stance).label
            y = levels[position.stance]
            parts.append(_mark(plot, (name, label), statement_id, style, y))
    return parts


def _follows(before: Position, after: Position) -> bool:
    """Whether ``after`` takes over from ``before`` with no silent time between them."""
    if before.valid_to is None:
        return False
    ended = last_day(before.valid_to, before.valid_to_precision)
    return ended + dt.timedelta(days=1) >= after.valid_from and before.valid_from < after.valid_from


def _mark(plot: _Plot, named: tuple[str, str], statement_id: str, style: Style, y: float) -> str:
    """One statement: a marker at its day, or a bar across its month or year.

    ``named`` is the actor's name and the stance's label, for the tooltip.
    """
    name, stance = named
    statement = plot.catalog.statement(statement_id)
    x0 = plot.axis.x(statement.date)
    when = format_date(statement.date, statement.date_precision)
    speaker = plot.catalog.actor(statement.speaker).name
    words = statement.text if len(statement.text) <= 160 else statement.text[:157] + "\u2026"
    tip = f"{speaker} for {name}, {when}: {stance}. \u201c{words}\u201d"
    if statement.date_precision is Precision.DAY:
        drawn = style.mark(x0, y)
    else:
        x1 = max(x0 + 2, plot.axis.x(day_after(statement.date, statement.date_precision)))
        drawn = (
            f'<rect x="{x0:g}" y="{y - 2.5:g}" width="{x1 - x0:g}" height="5" '
            f'fill="{style.ink}" fill-opacity="0.45"/>' + style.mark((x0 + x1) / 2, y, hollow=True)
        )
    return f'<a href="{escape(plot.href(statement))}"><title>{escape(tip)}</title>{drawn}</a>'


def _shading(
    plot: _Plot,
    histories: Sequence[Sequence[Position]],
    spans: Sequence[Span],
    levels: dict[str, float],
    offsets: Sequence[float],
    pair: str,
) -> list[str]:
    """The relation between two lines, shaded between them stretch by stretch."""
    cuts = {plot.until}
    for history in histories:
        for position in history:
            cuts |= {position.valid_from, _end(position, plot.until)}
    for span in spans:
        cuts.add(span.start)
    ordered = sorted(c for c in cuts if c <= plot.until)
    bands: list[tuple[dt.date, dt.date, float, float, Span]] = []
    for a, b in itertools.pairwise(ordered):
        middle = a + (b - a) / 2
        found = next((s for s in reversed(spans) if s.start <= middle), None)
        if found is None or found.relation not in _SHOWN:
            continue
        span = found
        if span.end is not None and day_after(span.end, span.end_precision) <= middle:
            continue
        ys = [
            levels[p.stance] + offset
            for history, offset in zip(histories, offsets, strict=True)
            for p in history
            if p.valid_from <= middle < _end(p, plot.until)
        ]
        if len(ys) < 2:
            continue
        low, high = min(ys), max(ys)
        last = bands[-1] if bands else None
        if last is not None and last[1] == a and last[2:] == (low, high, span):
            bands[-1] = (last[0], b, low, high, span)
        else:
            bands.append((a, b, low, high, span))
    parts = []
    for a, b, low, high, span in bands:
        word, meaning = RELATION_WORDS[span.relation]
        x0, x1 = plot.axis.x(a), plot.axis.x(b)
        tip = f"{pair}, {span.period}: {word} ({meaning})"
        parts.append(
            f'<rect x="{x0:g}" y="{low - 3:g}" width="{max(x1 - x0, 0.5):g}" '
            f'height="{high - low + 6:g}" fill="{RELATION_COLOURS[span.relation]}">'
            f"<title>{escape(tip)}</title></rect>"
        )
    return parts


_Sample = Callable[[float, float], str]


def _legend(
    items: Sequence[tuple[_Sample, str]], top: float, figure: float, size: float = 12.0
) -> tuple[list[str], float]:
    """Legend entries, each a 26-unit sample and its words, flowing over lines; the height."""
    parts: list[str] = []
    x, y, row, step = _PAD, top, 0.0, line_height(size)
    for sample, words in items:
        room = figure - 2 * _PAD - 32
        lines = wrap(words, room, size)
        width = 32 + max(text_width(line, size) for line in lines)
        if x > _PAD and x + width > figure - _PAD:
            x, y, row = _PAD, y + row + 6, 0.0
        parts.append(sample(x, y + step / 2))
        parts += text_lines(x + 32, y + size, lines, size, fill=INK)
        row = max(row, step * len(lines))
        x += width + 16
    return parts, y + row - top


def _style_sample(style: Style) -> _Sample:
    return lambda x, y: style.line(x, y, x + 26, y) + style.mark(x + 13, y)


def _legend_items(
    plot: _Plot, actors: Sequence[str], relations: set[Relation]
) -> list[tuple[_Sample, str]]:
    """The legend: each actor's line, what dotted lines and bars mean, the shading."""
    ink = STYLES[0]
    items: list[tuple[_Sample, str]] = [
        (_style_sample(style_of(i)), plot.catalog.actor(actor).name)
        for i, actor in enumerate(actors)
    ]
    items.append((lambda x, y: ink.line(x, y, x + 26, y, dotted=True), "held, not restated"))
    items.append(
        (
            lambda x, y: (
                f'<rect x="{x + 4:g}" y="{y - 2.5:g}" width="18" height="5" '
                f'fill="{ink.ink}" fill-opacity="0.45"/>' + ink.mark(x + 13, y, hollow=True)
            ),
            "a statement dated only to a month or year",
        )
    )
    items += [
        (_swatch(RELATION_COLOURS[relation]), f"shaded: {RELATION_WORDS[relation][0]}")
        for relation in _SHOWN
        if relation in relations
    ]
    return items


def _swatch(colour: str) -> _Sample:
    """A legend sample: a small box of ``colour``."""
    return lambda x, y: (
        f'<rect x="{x:g}" y="{y - 6:g}" width="26" height="12" fill="{colour}" '
        f'stroke="{MUTED}" stroke-width="0.5"/>'
    )


def _frame(
    catalog: Catalog,
    topics: Sequence[Topic],
    href: Href,
    span: tuple[dt.date | None, dt.date],
    width: float,
) -> _Plot:
    """What the panels of a chart ``width`` wide share; ``span``: its first and last date."""
    first, until = span
    size = 12.0
    room = _label_room(topics, size, width)
    axis = TimeAxis.spanning(first, until, _PAD + room + 8, width - _PAD - 6)
    return _Plot(
        catalog=catalog,
        axis=axis,
        href=href,
        until=until,
        label_room=room,
        size=size,
        width=width,
    )


def _key(key: str, width: float) -> str:
    """Ids unique on a page that carries a chart in both widths."""
    return key if width == WIDTH else f"{key}-narrow"


def first_date(catalog: Catalog, positions: Sequence[Position]) -> dt.date | None:
    """The earliest date of any statement that evidences ``positions``."""
    dates = [catalog.statement(s).date for p in positions for s in p.evidence]
    return min(dates, default=None)


def topic_chart(
    catalog: Catalog,
    topic: Topic,
    actors: Sequence[str],
    href: Href,
    until: dt.date,
    *,
    width: float = WIDTH,
) -> str:
    """``actors``' stances on ``topic`` over time in one panel, the relation shaded for two.

    ``width`` is the figure's width (:data:`NARROW` for phones).
    """
    positions = [p for a in actors for p in catalog.positions(actor=a, topic=topic.id)]
    first = first_date(catalog, positions)
    plot = _frame(catalog, [topic], href, (first, until), width)
    spans = compare_over_time(catalog, actors[0], actors[1], topic.id) if len(actors) == 2 else ()
    relations = {s.relation for s in spans}
    legend, height = _legend(_legend_items(plot, actors, relations), _PAD, width)
    top = _PAD + height + 12
    panel, bottom = _panel(plot, topic, actors, top, 40.0)
    axis = plot.axis.draw(top, bottom, width)
    names = pair_name(catalog, actors) if len(actors) == 2 else ", ".join(actors)
    described = "; ".join(f"{s.period}, {RELATION_WORDS[s.relation][0]}" for s in spans)
    description = (
        f"The stances of {names} on {topic.title} over time: time left to right in "
        f"proportion, with year ticks; the topic's stances top to bottom in the scale's "
        f"order ({', '.join(s.label for s in topic.scale)}); one line per actor in shades of "
        "grey, solid while stated, dotted while held without being restated, absent where "
        "nothing is on record; a mark at each statement, a bar for one dated only to a "
        "month or year"
        + (f"; the relation between them shaded: {described}" if described else "")
        + "."
    )
    title = f"{topic.title}: stances over time"
    body = [*legend, *panel, *axis]
    return svg(_key("kr-topic", width), width, bottom + 28, title, description, body)


def strips(
    catalog: Catalog,
    key: str,
    title: str,
    chosen: Sequence[Strip],
    href: Href,
    until: dt.date,
    width: float = WIDTH,
) -> str:
    """Small multiples on one time axis: each strip one actor's stances on one topic."""
    topics = [s.topic for s in chosen]
    positions = [p for s in chosen for p in catalog.positions(actor=s.actor, topic=s.topic.id)]
    plot = _frame(catalog, topics, href, (first_date(catalog, positions), until), width)
    legend, height = _legend(_legend_items(plot, [], set()), _PAD, width)
    y = _PAD + height + 10
    body: list[str] = [*legend]
    for strip in chosen:
        lines = wrap(strip.heading, width - 2 * _PAD, 12.0, bold=True)
        body += text_lines(_PAD, y + 12, lines, 12.0, font_weight="600")
        y += line_height(12.0) * len(lines) + 4
        panel, bottom = _panel(plot, strip.topic, [strip.actor], y, 18.0)
        body += panel
        body += plot.axis.draw(y, bottom, width, labelled=strip is chosen[-1])
        y = bottom + (30 if strip is chosen[-1] else 14)
    description = (
        f"{title}: one strip each, on one time axis in proportion with year ticks; in each "
        "strip the topic's stances top to bottom in the scale's order, a line solid while "
        "stated and dotted while held without being restated, a mark at each statement."
    )
    return svg(_key(key, width), width, y, title, description, body)


def actor_chart(
    catalog: Catalog, actor: Actor, href: Href, until: dt.date, *, width: float = WIDTH
) -> str:
    """``actor``'s stances over time: a strip for each topic it has taken a stance on."""
    held = {p.topic for p in catalog.positions(actor=actor.id)}
    chosen = [
        Strip(heading=t.title, topic=t, actor=actor.id) for t in catalog.topics() if t.id in held
    ]
    title = f"{actor.name}: stances over time"
    return strips(catalog, "kr-actor", title, chosen, href, until, width)


def others_chart(
    catalog: Catalog,
    topic: Topic,
    parties: Sequence[str],
    href: Href,
    until: dt.date,
    *,
    width: float = WIDTH,
) -> str | None:
    """Every other actor's stances on ``topic`` over time, a strip each (``None``: none)."""
    actors = {p.actor for p in catalog.positions(topic=topic.id)} - set(parties)
    chosen = [
        Strip(heading=catalog.actor(a).name, topic=topic, actor=a)
        for a in sorted(actors, key=lambda a: catalog.actor(a).name)
    ]
    if not chosen:
        return None
    title = f"{topic.title}: other actors' stances over time"
    return strips(catalog, "kr-others", title, chosen, href, until, width)
