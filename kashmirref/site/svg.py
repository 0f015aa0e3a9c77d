"""The stance grid, drawn as inline SVG, and the names the figures use.

No script, stylesheet or font is fetched: text uses the reader's system sans-serif
and every colour is written into the markup, so the figures work offline and in
print. Each mark links to the page that documents it and carries a ``<title>``
(a tooltip, and the accessible name read by screen readers); each figure has a
``<title>`` and a ``<desc>``, and its page prints the same facts as a table.

Colour never stands for approval or disapproval, nor for a side. In the stance grid a
colour describes the *relation* between the two parties on a row (agree, partially
agree, diverge, one side silent): both parties' cells on a row share it, and it carries
no judgement of either stance. Every label is measured before it is placed
(:mod:`kashmirref.site.drawing`) and wrapped, never shortened, so none runs past a
figure's edge or over another.

The grid has two layouts: a wide one (topics down; the parties, their relation and
every other actor that holds a stance across) and a narrow one for phones (one block
per topic, each actor's stance on a line of its own).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

import attrs

from kashmirref.catalog import Catalog
from kashmirref.comparison import Relation, Side, matrix, relation_of_sides
from kashmirref.model import Record, Topic
from kashmirref.render import STALE_NOTE, last_stated, stance_words
from kashmirref.site.drawing import (
    INK,
    MUTED,
    RELATION_COLOURS,
    RELATION_WORDS,
    RULE,
    line_height,
    short_date,
    svg,
    text_lines,
    text_width,
    wrap,
)

__all__ = [
    "RELATION_WORDS",
    "Href",
    "grid_legend",
    "pair_name",
    "short_name",
    "stance_grid",
]

Href = Callable[[Record], str]
"""Gives the address a figure links a record to (see :func:`~kashmirref.site.links.html_href`)."""

_PAD = 8.0
_SMALL = 11.0


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
        "other actors' stances are not coloured. A dashed cell: a search found no stated "
        f"position. {STALE_NOTE}"
    )
    return lines


@attrs.frozen(kw_only=True)
class _Row:
    """One topic of the grid: every chosen actor's side and the parties' relation."""

    topic: Topic
    sides: tuple[Side, ...]
    relation: Relation | None


def _rows(catalog: Catalog, parties: Sequence[str], others: Sequence[str]) -> list[_Row]:
    rows = []
    for topic in catalog.topics():
        sides = matrix(catalog, [*parties, *others], topic.id).sides
        relation = relation_of_sides(topic, sides[0], sides[1])[0] if len(parties) == 2 else None
        rows.append(_Row(topic=topic, sides=sides, relation=relation))
    return rows


def _tip(catalog: Catalog, topic: Topic, side: Side) -> str:
    """A side's stance in full words, for its ``<title>``."""
    name = catalog.actor(side.actor).name
    position, stance = side.position, side.stance
    if position is None or stance is None:
        searched = side.no_position
        return f"{name} on {topic.title}: " + (
            f"no stated position found. Searched: {searched.searched}"
            if searched
            else "no position recorded"
        )
    stale = f" {STALE_NOTE}" if side.stale else ""
    return (
        f"{name} on {topic.title}: {stance_words(side)} ({position.period}, last stated "
        f"{last_stated(side)}). {stance.meaning}{stale}"
    )


def _when(side: Side) -> str:
    """When a side's stance was last stated, short: ``18 Jun 2025``, ``2020``."""
    position = side.position
    if position is None:
        return ""
    return short_date(position.last_stated, position.last_stated_precision)


def _cell(
    catalog: Catalog, row: _Row, side: Side, box: tuple[float, float, float], href: Href
) -> str:
    """A party's cell: its stance and when it was last stated, in the row's colour."""
    x, y, w = box
    lines = _cell_lines(side, w)
    height = _cell_height(side, w)
    fill = RELATION_COLOURS[row.relation] if row.relation is not None else "#ffffff"
    if side.position is None:
        fill = "#ffffff"
    dashed = ' stroke-dasharray="4 3"' if side.no_position is not None else ""
    parts = [
        f'<rect x="{x + 2:g}" y="{y + 2:g}" width="{w - 4:g}" height="{height - 4:g}" '
        f'rx="4" fill="{fill}" stroke="{MUTED if dashed else RULE}"{dashed}/>'
    ]
    stance, when = lines
    baseline = y + 6 + 12
    style = {"fill": INK} if side.position is not None else {"fill": MUTED, "font_style": "italic"}
    parts += text_lines(x + w / 2, baseline, stance, 12.0, text_anchor="middle", **style)
    baseline += line_height(12.0) * len(stance)
    parts += text_lines(x + w / 2, baseline, when, _SMALL, text_anchor="middle", fill=MUTED)
    tip = escape(_tip(catalog, row.topic, side))
    return f'<a href="{escape(href(row.topic))}"><title>{tip}</title>{"".join(parts)}</a>'


def _cell_lines(side: Side, width: float) -> tuple[list[str], list[str]]:
    stance = wrap(stance_words(side), width - 12, 12.0, hyphens=True)
    when = wrap(f"last stated {_when(side)}", width - 12, _SMALL) if side.position else []
    return stance, when


def _cell_height(side: Side, width: float) -> float:
    stance, when = _cell_lines(side, width)
    return 12 + line_height(12.0) * len(stance) + line_height(_SMALL) * len(when)


def _others_entries(catalog: Catalog, row: _Row, count: int) -> list[tuple[str, Side]]:
    """Each other actor that holds a stance on the row's topic: its words and its side."""
    found = []
    for side in row.sides[count:]:
        if side.position is not None:
            words = f"{short_name(catalog, side.actor)}: {stance_words(side)} ({_when(side)})"
            found.append((words, side))
    return found


def _flow(
    catalog: Catalog,
    row: _Row,
    entries: Sequence[tuple[str, Side]],
    box: tuple[float, float, float],
    href: Href,
) -> tuple[list[str], float]:
    """Entries set one after another, wrapped at the box's width; the height they take."""
    x0, y0, width = box
    step = line_height(_SMALL)
    parts: list[str] = []
    x, line = x0, 0
    for words, side in entries:
        lines = wrap(words, width, _SMALL)
        wide = text_width(lines[0], _SMALL)
        if x > x0 and (len(lines) > 1 or x + wide > x0 + width):
            x, line = x0, line + 1
        drawn = text_lines(x, y0 + _SMALL + step * line, lines, _SMALL, fill=INK)
        tip = escape(_tip(catalog, row.topic, side))
        parts.append(
            f'<a href="{escape(href(row.topic))}"><title>{tip}</title>{"".join(drawn)}</a>'
        )
        if len(lines) > 1:
            x, line = x0, line + len(lines)
        else:
            x += wide + text_width(" \u00b7 ", _SMALL)
    used = line + (1 if x > x0 else 0)
    return parts, step * used


def _relation_chip(row: _Row, x: float, y: float, width: float, pair: str, href: Href) -> str:
    """The parties' relation on a row, as a word on its colour."""
    assert row.relation is not None
    word, meaning = RELATION_WORDS[row.relation]
    lines = wrap(word, width - 16, 12.0)
    height = 8 + line_height(12.0) * len(lines)
    tip = f"{pair} on {row.topic.title}: {word} ({meaning})"
    drawn = text_lines(x + width / 2, y + 4 + 12, lines, 12.0, text_anchor="middle")
    return (
        f'<a href="{escape(href(row.topic))}"><title>{escape(tip)}</title>'
        f'<rect x="{x + 4:g}" y="{y:g}" width="{width - 8:g}" height="{height:g}" rx="10" '
        f'fill="{RELATION_COLOURS[row.relation]}" stroke="{MUTED}" stroke-width="0.75"/>'
        + "".join(drawn)
        + "</a>"
    )


def _topic_link(row: _Row, lines: Sequence[str], x: float, y: float, href: Href) -> str:
    drawn = text_lines(x, y, lines, font_weight="600")
    title = escape(row.topic.title)
    return f'<a href="{escape(href(row.topic))}"><title>{title}</title>{"".join(drawn)}</a>'


def _legend(
    catalog: Catalog, parties: Sequence[str], top: float, width: float
) -> tuple[list[str], float]:
    """The legend in words under the grid, and where it ends."""
    intro, *entries, outro = grid_legend(catalog, parties)
    parts: list[str] = []
    y = top
    step = line_height()
    lines = wrap(intro, width)
    parts += text_lines(_PAD, y + 13, lines)
    y += step * len(lines) + 4
    for relation, entry in zip(RELATION_COLOURS, entries, strict=True):
        lines = wrap(entry, width - 36)
        parts.append(
            f'<rect x="{_PAD:g}" y="{y + 2:g}" width="28" height="14" rx="3" '
            f'fill="{RELATION_COLOURS[relation]}" stroke="{MUTED}" stroke-width="0.75"/>'
        )
        parts += text_lines(_PAD + 36, y + 13, lines)
        y += step * len(lines) + 2
    lines = wrap(outro, width)
    parts += text_lines(_PAD, y + 17, lines, fill=MUTED)
    return parts, y + 4 + step * len(lines) + 8


def stance_grid(
    catalog: Catalog,
    parties: Sequence[str],
    href: Href,
    others: Sequence[str] = (),
    *,
    narrow: bool = False,
) -> str:
    """Each actor's stance on each topic as of the latest date, and when it was last stated.

    With two ``parties``, their cells take the colour of the relation between their
    stances, which a column after theirs names. ``others`` (the other actors with a
    stance) follow, uncoloured. Every stance says when it was last stated and a stale
    one carries ``*``; a party with no stance says whether a search found none (dashed
    cell) or nothing is recorded. ``narrow`` draws the layout for phones: a block per
    topic, an actor a line.
    """
    rows = _rows(catalog, parties, others)
    draw = _narrow if narrow else _wide
    width, body, bottom = draw(catalog, parties, rows, href)
    legend: list[str] = []
    if len(parties) == 2:
        legend, bottom = _legend(catalog, parties, bottom + 12, width - 2 * _PAD)
    title = "Stance grid: each actor's stance on each topic as of the record's latest date"
    description = " ".join(grid_legend(catalog, parties)) if len(parties) == 2 else title
    key = "kr-grid-narrow" if narrow else "kr-grid"
    return svg(key, width, bottom + 4, title, description, [*body, *legend])


_Layout = tuple[float, list[str], float]


def _wide(catalog: Catalog, parties: Sequence[str], rows: Sequence[_Row], href: Href) -> _Layout:
    """Topics down; parties, relation and the other actors across."""
    paired = len(parties) == 2
    topic_w, party_w, relation_w, others_w = 190.0, 150.0, 110.0 if paired else 0.0, 290.0
    xs = [_PAD + topic_w + party_w * i for i in range(len(parties))]
    relation_x = _PAD + topic_w + party_w * len(parties)
    others_x = relation_x + relation_w + 6
    width = others_x + others_w + _PAD
    heads = [
        (x + party_w / 2, short_name(catalog, p), party_w) for x, p in zip(xs, parties, strict=True)
    ]
    if paired:
        heads.append((relation_x + relation_w / 2, pair_name(catalog, parties), relation_w))
    body: list[str] = []
    head_lines = [wrap(name, w - 8, bold=True) for _, name, w in heads]
    others_head = wrap("Other actors that hold a stance (last stated)", others_w, bold=True)
    depth = max(len(lines) for lines in [*head_lines, others_head])
    for (x, _, _), lines in zip(heads, head_lines, strict=True):
        first = _PAD + 13 + line_height() * (depth - len(lines))
        body += text_lines(x, first, lines, text_anchor="middle", font_weight="600")
    first = _PAD + 13 + line_height() * (depth - len(others_head))
    body += text_lines(others_x, first, others_head, font_weight="600")
    y = _PAD + line_height() * depth + 8
    for row in rows:
        title = wrap(row.topic.title, topic_w - 10, bold=True)
        heights = [line_height() * len(title) + 12]
        heights += [_cell_height(side, party_w) for side in row.sides[: len(parties)]]
        entries = _others_entries(catalog, row, len(parties))
        flowed, used = _flow(catalog, row, entries, (others_x, y + 6, others_w), href)
        heights.append(used + 12)
        height = max(40.0, *heights)
        body.append(
            f'<line x1="{_PAD:g}" y1="{y:g}" x2="{width - _PAD:g}" y2="{y:g}" stroke="{RULE}"/>'
        )
        body.append(_topic_link(row, title, _PAD, y + 6 + 13, href))
        for x, side in zip(xs, row.sides, strict=False):
            body.append(_cell(catalog, row, side, (x, y, party_w), href))
        if row.relation is not None:
            pair = pair_name(catalog, parties)
            body.append(_relation_chip(row, relation_x, y + 6, relation_w, pair, href))
        body += flowed
        y += height
    return width, body, y


def _narrow(catalog: Catalog, parties: Sequence[str], rows: Sequence[_Row], href: Href) -> _Layout:
    """A block per topic: its title and relation, then each actor's stance on a line."""
    width = 340.0
    inner = width - 2 * _PAD
    name_w = 124.0
    body: list[str] = []
    y = _PAD
    pair = pair_name(catalog, parties)
    for row in rows:
        body.append(
            f'<line x1="{_PAD:g}" y1="{y:g}" x2="{width - _PAD:g}" y2="{y:g}" stroke="{RULE}"/>'
        )
        title = wrap(row.topic.title, inner, bold=True)
        body.append(_topic_link(row, title, _PAD, y + 8 + 13, href))
        y += 8 + line_height() * len(title) + 4
        if row.relation is not None:
            words = wrap(f"{pair}:", inner - 130, _SMALL)
            body += text_lines(_PAD, y + 4 + 12, words, _SMALL, fill=MUTED)
            body.append(_relation_chip(row, width - _PAD - 130, y, 130, pair, href))
            y += max(line_height(_SMALL) * len(words), 8 + line_height(12.0)) + 6
        for i, side in enumerate(row.sides):
            if i >= len(parties) and side.position is None:
                continue
            names = wrap(short_name(catalog, side.actor), name_w - 8, 12.0, bold=True, hyphens=True)
            body += text_lines(_PAD, y + 6 + 12, names, 12.0, font_weight="600")
            if i < len(parties):
                body.append(_cell(catalog, row, side, (_PAD + name_w, y, inner - name_w), href))
                height = _cell_height(side, inner - name_w)
            else:
                stance, when = _cell_lines(side, inner - name_w)
                drawn = text_lines(_PAD + name_w + 6, y + 6 + 12, stance, 12.0, fill=INK)
                below = y + 6 + 12 + line_height(12.0) * len(stance)
                drawn += text_lines(_PAD + name_w + 6, below, when, _SMALL, fill=MUTED)
                tip = escape(_tip(catalog, row.topic, side))
                body.append(
                    f'<a href="{escape(href(row.topic))}"><title>{tip}</title>'
                    + "".join(drawn)
                    + "</a>"
                )
                height = _cell_height(side, inner - name_w)
            y += max(height, line_height(12.0) * len(names) + 12)
        y += 8
    return width, body, y
