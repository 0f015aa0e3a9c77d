"""The overview figures: the stance grid and the timeline, drawn as inline SVG.

No script, stylesheet or font is fetched: text uses the reader's system sans-serif
and every colour is written into the markup, so the figures work offline and in
print. Each mark links to the page that documents it and carries a ``<title>``
(a tooltip, and the accessible name read by screen readers); each figure has a
``<title>`` and a ``<desc>``, and its page prints the same facts as a table.

Colour never stands for approval or disapproval, nor for a side. In the stance grid a
colour describes the *relation* between the two parties on a row (agree, partially
agree, diverge, one side silent): both parties' cells on a row share it, and it carries
no judgement of either stance. Every label is measured before it is placed
(:mod:`kashmirref.site.drawing`), so none runs past a figure's edge.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from html import escape

from kashmirref.catalog import Catalog
from kashmirref.comparison import Relation, Side, matrix, relation_of_sides
from kashmirref.model import Event, Record, Statement, Topic
from kashmirref.render import STALE_NOTE, last_stated, stance_words
from kashmirref.site.drawing import (
    INK,
    MUTED,
    RELATION_COLOURS,
    RELATION_WORDS,
    RULE,
    fit,
    short_date,
    svg,
    text,
    text_width,
    wrap,
)

__all__ = [
    "RELATION_WORDS",
    "Href",
    "grid_legend",
    "lane_of",
    "pair_name",
    "short_name",
    "stance_grid",
    "timeline",
]

_LANE_COLOURS = ("#8a5a00", "#00658f", "#6b3fa0", "#4d4d4d")

Href = Callable[[Record], str]
"""Gives the address a figure links a record to (see :func:`~kashmirref.site.links.html_href`)."""


def short_name(catalog: Catalog, actor_id: str) -> str:
    """An actor's name, or its shortest alias when the name is long (for headings)."""
    actor = catalog.actor(actor_id)
    return min((actor.name, *actor.aliases), key=len) if len(actor.name) > 14 else actor.name


def pair_name(catalog: Catalog, parties: Sequence[str]) -> str:
    """The two parties' names joined: ``India and Pakistan``."""
    return " and ".join(short_name(catalog, p) for p in parties)


def grid_legend(catalog: Catalog, parties: Sequence[str]) -> list[str]:
    """The grid's legend in sentences, for the page text (the figure draws the same)."""
    pair = pair_name(catalog, parties)
    lines = [
        f"Colour shows only how the current stances of {pair} relate on that row; "
        "both parties' cells on a row share it:"
    ]
    lines += [f"{word}: {meaning}." for word, meaning in RELATION_WORDS.values()]
    lines.append(
        "Colour carries no judgement of either stance and no side has a colour of its own; "
        "other actors' cells are not coloured. A dashed cell: a search found no stated "
        "position."
    )
    return lines


def stance_grid(
    catalog: Catalog, parties: Sequence[str], href: Href, others: Sequence[str] = ()
) -> str:
    """Topics down, actors across: each actor's stance on each topic as of the latest date.

    Each cell names the stance (two joined with ``+`` when the record cannot order
    them), says when it was last stated, and marks a stale one with ``*``.

    With two ``parties``, a column after theirs names the relation between their
    stances, and the row's colour (in both their cells and that column) says the same;
    ``others`` follow in uncoloured cells. A cell names the stance and links to the
    topic's page; a blank cell says whether a search found no stated position (dashed
    border) or nothing is recorded.
    """
    topics = catalog.topics()
    actors = [*parties, *others]
    paired = len(parties) == 2
    row, pad = 40.0, 8.0
    left = pad + min(260.0, max(text_width(t.title, bold=True) for t in topics) + 12)
    stance_labels = [s.label for t in topics for s in t.scale]
    column = min(220.0, max(124.0, max(text_width(s) for s in stance_labels) + 16))
    relation_column = max(text_width(w) for w, _ in RELATION_WORDS.values()) + 20
    xs: list[float] = []
    x = left
    for i in range(len(actors)):
        xs.append(x)
        x += column + (relation_column if paired and i == 1 else 0)
    right = x + pad
    top = 2 * 17 + 14.0
    body: list[str] = []
    for i, actor in enumerate(actors):
        lines = wrap(short_name(catalog, actor), column - 8, bold=True)
        body += _lines(
            xs[i] + column / 2,
            top - 10 - 17 * (len(lines) - 1),
            lines,
            17,
            text_anchor="middle",
            font_weight="600",
        )
    if paired:
        rx = xs[1] + column
        lines = wrap(pair_name(catalog, parties), relation_column - 8, size=11, lines=2)
        body += _lines(
            rx + relation_column / 2,
            top - 10 - 14 * (len(lines) - 1),
            lines,
            14,
            text_anchor="middle",
            font_size=11,
            fill=MUTED,
        )
    for r, topic in enumerate(topics):
        y = top + row * r
        lines = wrap(topic.title, left - pad - 8, bold=True)
        first = y + row / 2 + 4.5 - 8 * (len(lines) - 1)
        body.append(f'<a href="{escape(href(topic))}"><title>{escape(topic.title)}</title>')
        body += _lines(pad, first, lines, 16, font_weight="600")
        body.append("</a>")
        sides = matrix(catalog, actors, topic.id).sides
        relation = relation_of_sides(topic, sides[0], sides[1])[0] if paired else None
        for c, side in enumerate(sides):
            fill = RELATION_COLOURS[relation] if relation is not None and c < 2 else "#ffffff"
            name = catalog.actor(side.actor).name
            body.append(_cell(topic, side, name, (xs[c], y, column, row), fill, href))
        if relation is not None:
            body.append(
                _relation_cell(
                    topic,
                    relation,
                    xs[1] + column,
                    y,
                    relation_column,
                    row,
                    pair_name(catalog, parties),
                    href,
                )
            )
    width = max(right, 640.0)
    legend, legend_height = (
        _legend(catalog, parties, pad, top + row * len(topics) + 18, width - 2 * pad)
        if paired
        else ([], 0.0)
    )
    height = top + row * len(topics) + 18 + legend_height + 8
    title = "Stance grid: each actor's stance on each topic as of the record's latest date"
    description = " ".join(grid_legend(catalog, parties)) if paired else title
    return svg("kr-grid", width, height, title, description, [*body, *legend])


def _lines(
    x: float, y: float, lines: Sequence[str], step: float, **attributes: str | float
) -> list[str]:
    return [text(x, y + step * i, line, **attributes) for i, line in enumerate(lines)]


def _cell(
    topic: Topic,
    side: Side,
    name: str,
    box: tuple[float, float, float, float],
    fill: str,
    href: Href,
) -> str:
    x, y, w, h = box
    rect = f'x="{x + 2:g}" y="{y + 2:g}" width="{w - 4:g}" height="{h - 4:g}" rx="4"'
    middle = (x + w / 2, y + h / 2 + 4.5)
    position, stance = side.position, side.stance
    if position is not None and stance is not None:
        label = stance_words(side)
        when = last_stated(side)
        tip = (
            f"{name} on {topic.title}: {label} ({position.period}, last stated {when}). "
            f"{stance.meaning}" + (f" {STALE_NOTE}" if side.stale else "")
        )
        x_mid, y_mid = middle
        mark = (
            f'<rect {rect} fill="{fill}" stroke="{RULE}"/>'
            + text(x_mid, y_mid - 7, fit(label, w - 12), fill=INK, text_anchor="middle")
            + text(
                x_mid,
                y_mid + 8,
                fit(f"last stated {when}", w - 12, size=10),
                fill=MUTED,
                text_anchor="middle",
                font_size=10,
            )
        )
    else:
        searched = side.no_position
        word = "none found" if searched else "not recorded"
        stroke = f'stroke="{MUTED}" stroke-dasharray="4 3"' if searched else f'stroke="{RULE}"'
        tip = f"{name} on {topic.title}: " + (
            f"no stated position found. Searched: {searched.searched}"
            if searched
            else "no position recorded"
        )
        mark = f'<rect {rect} fill="#ffffff" {stroke}/>' + text(
            *middle, fit(word, w - 12), fill=MUTED, text_anchor="middle", font_style="italic"
        )
    return f'<a href="{escape(href(topic))}"><title>{escape(tip)}</title>{mark}</a>'


def _relation_cell(
    topic: Topic, relation: Relation, x: float, y: float, w: float, h: float, pair: str, href: Href
) -> str:
    word, meaning = RELATION_WORDS[relation]
    tip = f"{pair} on {topic.title}: {word} ({meaning})"
    return (
        f'<a href="{escape(href(topic))}"><title>{escape(tip)}</title>'
        f'<rect x="{x + 6:g}" y="{y + 8:g}" width="{w - 12:g}" height="{h - 16:g}" rx="12" '
        f'fill="{RELATION_COLOURS[relation]}" stroke="{MUTED}" stroke-width="0.75"/>'
        + text(x + w / 2, y + h / 2 + 4, fit(word, w - 20), font_size=12, text_anchor="middle")
        + "</a>"
    )


def _legend(
    catalog: Catalog, parties: Sequence[str], x: float, y: float, width: float
) -> tuple[list[str], float]:
    """The legend in words under the grid, and the height it takes."""
    intro, *entries, outro = grid_legend(catalog, parties)
    parts: list[str] = []
    line, start = 16.0, y
    for sentence in wrap(intro, width, lines=3):
        parts.append(text(x, y + 12, sentence, fill=INK))
        y += line
    y += 4
    for relation, entry in zip(RELATION_COLOURS, entries, strict=True):
        parts.append(
            f'<rect x="{x:g}" y="{y:g}" width="28" height="14" rx="3" '
            f'fill="{RELATION_COLOURS[relation]}" stroke="{MUTED}" stroke-width="0.75"/>'
        )
        parts.append(text(x + 36, y + 11.5, fit(entry, width - 36), fill=INK))
        y += line + 2
    y += 4
    for sentence in wrap(outro, width, lines=4):
        parts.append(text(x, y + 12, sentence, fill=MUTED))
        y += line
    return parts, y - start


def lane_of(catalog: Catalog, actor_id: str, parties: Sequence[str]) -> str | None:
    """The party ``actor_id`` speaks for (following ``parent`` links), if any."""
    return next((step for step in catalog.lineage(actor_id) if step in parties), None)


def _gap(before: dt.date | None, after: dt.date) -> float:
    """Extra space before an entry: grows with the time since the one before, capped."""
    if before is None:
        return 0.0
    return min(40.0, 5.0 * math.log2(1 + (after - before).days / 30))


_LABEL_ROOM = 560.0
"""The widest a timeline label may be; longer ones end in an ellipsis (full text in the tooltip)."""


def timeline(catalog: Catalog, parties: Sequence[str], href: Href) -> str:
    """Events and statements top to bottom in date order, in lanes.

    The first lane holds events; then one lane per party (statements made for it,
    by it or by its offices); the last lane every other actor. Space between rows
    grows with the time between entries, so long quiet periods show as gaps. Dates
    are shown as precisely as they are known; every label is measured so that none
    runs past the figure's edges.
    """
    entries = catalog.timeline()
    lanes = ["Events", *(short_name(catalog, p) for p in parties), "Others"]
    dates = [short_date(e.date, e.date_precision) for e in entries]
    date_width = 12 + max((text_width(d) for d in dates), default=0.0) + 12
    heading = max(text_width(name, bold=True) for name in lanes)
    lane_width, row = min(120.0, max(68.0, heading + 10)), 22.0
    label_x = date_width + lane_width * len(lanes) + 12
    labelled = [_timeline_entry(catalog, entry, parties) for entry in entries]
    widest = max(
        (
            text_width(label, bold=isinstance(e, Event))
            for e, (_, label, _) in zip(entries, labelled, strict=True)
        ),
        default=0.0,
    )
    room = min(_LABEL_ROOM, widest)
    width = label_x + max(room, 120.0) + 12
    body: list[str] = []
    y, previous = 44.0, None
    for entry, when, (lane, label, tip) in zip(entries, dates, labelled, strict=True):
        y += _gap(previous, entry.date)
        previous = entry.date
        cx, cy = date_width + lane_width * (lane + 0.5), y + row / 2
        colour = _LANE_COLOURS[min(lane, len(_LANE_COLOURS) - 1)]
        if isinstance(entry, Event):
            mark = (
                f'<rect x="{cx - 6:g}" y="{cy - 6:g}" width="12" height="12" '
                f'fill="{colour}" transform="rotate(45 {cx:g} {cy:g})"/>'
            )
        else:
            mark = f'<circle cx="{cx:g}" cy="{cy:g}" r="6" fill="{colour}"/>'
        bold = isinstance(entry, Event)
        body.append(
            f'<a href="{escape(href(entry))}"><title>{escape(tip)}</title>'
            + text(date_width - 12, cy + 4.5, when, text_anchor="end", fill=MUTED)
            + mark
            + text(
                label_x,
                cy + 4.5,
                fit(label, room, bold=bold),
                font_weight="600" if bold else "400",
            )
            + "</a>"
        )
        y += row
    height = y + 16
    rules = [
        f'<line x1="{date_width + lane_width * (i + 0.5):g}" y1="36" '
        f'x2="{date_width + lane_width * (i + 0.5):g}" y2="{height - 8:g}" stroke="{RULE}"/>'
        for i in range(len(lanes))
    ]
    heads = [
        text(
            date_width + lane_width * (i + 0.5),
            24,
            fit(name, lane_width - 6, bold=True),
            text_anchor="middle",
            font_weight="600",
            fill=_LANE_COLOURS[min(i, len(_LANE_COLOURS) - 1)],
        )
        for i, name in enumerate(lanes)
    ]
    title = "Timeline of events and statements, in date order"
    description = (
        f"{len(entries)} entries from top (earliest) to bottom (latest): events as diamonds "
        f"in the first lane, statements as dots in the lane of the party they were made "
        f"for ({', '.join(lanes[1:-1])}), and every other actor's in the last lane."
    )
    return svg("kr-timeline", width, height, title, description, [*rules, *heads, *body])


def _timeline_entry(
    catalog: Catalog, entry: Event | Statement, parties: Sequence[str]
) -> tuple[int, str, str]:
    """Lane index, short label and tooltip of one timeline entry."""
    if isinstance(entry, Event):
        return 0, entry.title, f"{entry.title}. {entry.summary}"
    party = lane_of(catalog, entry.on_behalf_of, parties)
    lane = 1 + (parties.index(party) if party is not None else len(parties))
    speaker = catalog.actor(entry.speaker).name
    topics = ", ".join(catalog.topic(t).title for t in entry.topics)
    label = f"{speaker}: {topics}" if topics else speaker
    return lane, label, f"{speaker}: \u201c{entry.text}\u201d"
