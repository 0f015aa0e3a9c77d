"""Figures drawn at build time as self-contained inline SVG.

No script, stylesheet or font is fetched: text uses the reader's system sans-serif
and every colour is written into the markup, so the figures work offline and in
print. Each mark links to the page that documents it and carries a ``<title>``
(a tooltip, and the accessible name read by screen readers).

Shades never stand for approval or disapproval: in the stance grid a shade only says
where a stance sits on *that topic's* ordered scale, from its first stance (lightest)
to its last (darkest), so shades are comparable along a row, not down a column.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from html import escape

from kashmirref.catalog import Catalog
from kashmirref.comparison import Side, matrix
from kashmirref.model import Event, Record, Statement, Topic, format_date

__all__ = ["SHADES", "stance_grid", "timeline"]

SHADES = ("#e8eef8", "#bccfea", "#86a9d8", "#4a78b8", "#1f4a88")
"""Light-to-dark steps of one hue, for a stance's rank on its topic's scale."""

_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
_INK, _MUTED, _RULE = "#1a1a1a", "#5f6368", "#d0d4da"
_LANE_COLOURS = ("#8a5a00", "#00658f", "#6b3fa0", "#4d4d4d")

Href = Callable[[Record], str]
"""Gives the address a figure links a record to (see :func:`~kashmirref.site.links.html_href`)."""


def _text(x: float, y: float, text: str, **attributes: str | float) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attributes.items())
    return f'<text x="{x:g}" y="{y:g}"{extra}>{escape(text)}</text>'


def _svg(width: float, height: float, label: str, body: list[str]) -> str:
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
        f'width="{width:g}" height="{height:g}" role="img" aria-label="{escape(label)}" '
        f'font-family="{escape(_FONT)}" font-size="13" fill="{_INK}" '
        f'style="max-width:100%;height:auto">'
    )
    return "\n".join([head, f"<title>{escape(label)}</title>", *body, "</svg>"])


def _fit(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def shade(topic: Topic, value: int) -> str:
    """The shade for stance ``value`` on ``topic``'s scale."""
    step = value * (len(SHADES) - 1) / (len(topic.scale) - 1)
    return SHADES[round(step)]


def _short_name(catalog: Catalog, actor_id: str) -> str:
    actor = catalog.actor(actor_id)
    return min((actor.name, *actor.aliases), key=len) if len(actor.name) > 14 else actor.name


def stance_grid(catalog: Catalog, actors: Sequence[str], href: Href) -> str:
    """Topics down, ``actors`` across: each actor's most recent stance on each topic.

    A cell names the stance and links to the topic's page; a blank cell says whether
    a search found no stated position (dashed border) or nothing is recorded.
    """
    topics = catalog.topics()
    left = 16 + 7.2 * max(len(t.title) for t in topics)
    column, row, top = 142.0, 34.0, 40.0
    width = left + column * len(actors) + 8
    height = top + row * len(topics) + 64
    body = [
        _text(
            left + column * (i + 0.5),
            top - 14,
            _short_name(catalog, a),
            text_anchor="middle",
            font_weight="600",
        )
        for i, a in enumerate(actors)
    ]
    for r, topic in enumerate(topics):
        y = top + row * r
        body.append(f'<a href="{escape(href(topic))}">')
        body.append(_text(8, y + row / 2 + 4.5, topic.title, font_weight="600"))
        body.append("</a>")
        for c, side in enumerate(matrix(catalog, actors, topic.id).sides):
            name = catalog.actor(side.actor).name
            body.append(_cell(topic, side, name, left + column * c, y, column, row, href))
    body += _legend(8, top + row * len(topics) + 22)
    label = "Stance grid: each actor's most recent stated stance on each topic"
    return _svg(width, height, label, body)


def _cell(
    topic: Topic, side: Side, name: str, x: float, y: float, w: float, h: float, href: Href
) -> str:
    box = f'x="{x + 2:g}" y="{y + 2:g}" width="{w - 4:g}" height="{h - 4:g}" rx="4"'
    middle = (x + w / 2, y + h / 2 + 4.5)
    position, stance = side.position, side.stance
    if position is not None and stance is not None:
        fill = shade(topic, stance.value)
        ink = "#ffffff" if SHADES.index(fill) >= 3 else _INK
        tip = f"{name} on {topic.title}: {stance.label} ({position.period}). {stance.meaning}"
        mark = f'<rect {box} fill="{fill}"/>' + _text(
            *middle, stance.label, fill=ink, text_anchor="middle"
        )
    else:
        searched = side.no_position
        word = "none found" if searched else "not recorded"
        dash = ' stroke-dasharray="4 3"' if searched else ""
        tip = f"{name} on {topic.title}: " + (
            f"no stated position found. Searched: {searched.searched}"
            if searched
            else "no position recorded"
        )
        mark = f'<rect {box} fill="#ffffff" stroke="{_RULE}"{dash}/>' + _text(
            *middle, word, fill=_MUTED, text_anchor="middle", font_style="italic"
        )
    return f'<a href="{escape(href(topic))}"><title>{escape(tip)}</title>{mark}</a>'


def _legend(x: float, y: float) -> list[str]:
    parts = [_text(x, y + 12, "Shade: place on the topic's own scale, first stance", fill=_MUTED)]
    start = x + 352
    for i, colour in enumerate(SHADES):
        parts.append(
            f'<rect x="{start + 22 * i:g}" y="{y:g}" width="20" height="16" fill="{colour}"/>'
        )
    parts.append(_text(start + 22 * len(SHADES) + 6, y + 12, "last stance", fill=_MUTED))
    return parts


def lane_of(catalog: Catalog, actor_id: str, parties: Sequence[str]) -> str | None:
    """The party ``actor_id`` speaks for (following ``parent`` links), if any."""
    current: str | None = actor_id
    while current is not None:
        if current in parties:
            return current
        current = catalog.actor(current).parent
    return None


def _gap(before: dt.date | None, after: dt.date) -> float:
    """Extra space before an entry: grows with the time since the one before, capped."""
    if before is None:
        return 0.0
    return min(40.0, 5.0 * math.log2(1 + (after - before).days / 30))


def timeline(catalog: Catalog, parties: Sequence[str], href: Href) -> str:
    """Events and statements top to bottom in date order, in lanes.

    The first lane holds events; then one lane per party (statements made for it,
    by it or by its offices); the last lane every other actor. Space between rows
    grows with the time between entries, so long quiet periods show as gaps.
    """
    lanes = ["Events", *(catalog.actor(p).name for p in parties), "Others"]
    date_width, lane_width, row = 128.0, 64.0, 22.0
    label_x = date_width + lane_width * len(lanes) + 12
    width = label_x + 480
    body: list[str] = []
    y, previous = 44.0, None
    for entry in catalog.timeline():
        y += _gap(previous, entry.date)
        previous = entry.date
        lane, label, tip = _timeline_entry(catalog, entry, parties)
        cx, cy = date_width + lane_width * (lane + 0.5), y + row / 2
        colour = _LANE_COLOURS[min(lane, len(_LANE_COLOURS) - 1)]
        if isinstance(entry, Event):
            mark = (
                f'<rect x="{cx - 6:g}" y="{cy - 6:g}" width="12" height="12" '
                f'fill="{colour}" transform="rotate(45 {cx:g} {cy:g})"/>'
            )
        else:
            mark = f'<circle cx="{cx:g}" cy="{cy:g}" r="6" fill="{colour}"/>'
        when = format_date(entry.date, entry.date_precision)
        body.append(
            f'<a href="{escape(href(entry))}"><title>{escape(tip)}</title>'
            + _text(date_width - 10, cy + 4.5, when, text_anchor="end", fill=_MUTED)
            + mark
            + _text(
                label_x,
                cy + 4.5,
                _fit(label, 68),
                font_weight="600" if isinstance(entry, Event) else "400",
            )
            + "</a>"
        )
        y += row
    height = y + 16
    rules = [
        f'<line x1="{date_width + lane_width * (i + 0.5):g}" y1="36" '
        f'x2="{date_width + lane_width * (i + 0.5):g}" y2="{height - 8:g}" stroke="{_RULE}"/>'
        for i in range(len(lanes))
    ]
    heads = [
        _text(
            date_width + lane_width * (i + 0.5),
            24,
            _fit(name, 10),
            text_anchor="middle",
            font_weight="600",
            fill=_LANE_COLOURS[min(i, len(_LANE_COLOURS) - 1)],
        )
        for i, name in enumerate(lanes)
    ]
    label = "Timeline of events and statements, in date order"
    return _svg(width, height, label, [*rules, *heads, *body])


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
