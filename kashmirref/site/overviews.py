"""Pages that survey the whole catalogue.

The timeline, the stance grid, the comparison of the parties, the terms, the sources,
and the index page of each section.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby

from kashmirref.catalog import Catalog
from kashmirref.comparison import compare, matrix, relation_of_sides
from kashmirref.model import (
    Actor,
    Event,
    InstrumentKind,
    Record,
    SourceKind,
    Statement,
    Term,
    TermName,
    citations_of,
    format_date,
)
from kashmirref.render import STALE_NOTE, comparison_markdown, last_stated, stance_words
from kashmirref.site import svg
from kashmirref.site.links import html_href
from kashmirref.site.markdown import Writer, escape, table, web_link

__all__ = [
    "actors_index",
    "comparison_page",
    "instruments_index",
    "sources_page",
    "stances_page",
    "terms_page",
    "timeline_page",
    "topics_index",
]


_WIDE = ["---", "hide:", "  - toc", "---", ""]
"""Front matter that gives a page with a wide figure the table of contents' width."""


def _figure(svg_markup: str) -> list[str]:
    """Raw SVG as a Markdown block: surrounded by blank lines, with none inside."""
    return ["", f'<figure class="kr-figure">\n{svg_markup}\n</figure>', ""]


def grid_actors(catalog: Catalog, parties: Sequence[str]) -> list[str]:
    """The parties, then every other actor with a recorded position, by name."""
    others = {p.actor for p in catalog.positions()} - set(parties)
    return [*parties, *sorted(others, key=lambda a: catalog.actor(a).name)]


def stances_page(catalog: Catalog, parties: Sequence[str]) -> str:
    """The stance grid as a figure, and the same facts as a table for reading aloud."""
    path = "stances.md"
    actors = grid_actors(catalog, parties)
    others = actors[len(parties) :]
    w = Writer(catalog, path)
    lines = [
        *_WIDE,
        "# Stances at a glance",
        "",
        "Each actor's stance on each topic as of the record's latest date "
        f"({_latest(catalog)}), from the statements on record by then, with when it was",
        "last stated. Select a row to see the topic's page, which quotes the evidence and",
        "explains the topic's scale.",
        "",
        escape(STALE_NOTE),
        "",
    ]
    paired = len(parties) == 2
    if paired:
        intro, *entries, outro = svg.grid_legend(catalog, parties)
        lines += [escape(intro), ""]
        lines += [f"- {escape(entry)}" for entry in entries]
        lines += ["", escape(outro)]
    href = lambda r: html_href(path, r)  # noqa: E731
    lines += _figure(svg.stance_grid(catalog, parties, href, others))
    rows = []
    for topic in catalog.topics():
        sides = matrix(catalog, actors, topic.id).sides
        cells = []
        for side in sides:
            if side.position is not None:
                cells.append(f"{escape(stance_words(side))} (last stated {last_stated(side)})")
            else:
                cells.append("none found" if side.no_position else "")
        if paired:
            relation = relation_of_sides(topic, sides[0], sides[1])[0]
            cells.insert(2, svg.RELATION_WORDS[relation][0])
        rows.append([w.link(topic), *cells])
    relation_head = [escape(svg.pair_name(catalog, parties))] if paired else []
    header = [
        "Topic",
        *(w.actor(a) for a in parties),
        *relation_head,
        *(w.actor(a) for a in others),
    ]
    lines += table(header, rows)
    return "\n".join(lines) + "\n"


def _latest(catalog: Catalog) -> str:
    return "no statements yet" if catalog.latest is None else format_date(catalog.latest)


def timeline_page(catalog: Catalog, parties: Sequence[str]) -> str:
    """Every event and statement by year, after a figure of all of them in lanes."""
    path = "timeline.md"
    w = Writer(catalog, path)
    lines = [
        *_WIDE,
        "# Timeline",
        "",
        "Events (diamonds) and statements (dots) in date order. A statement sits in the lane",
        "of the party it was made for; space between rows grows with the time between them.",
        *_figure(svg.timeline(catalog, parties, lambda r: html_href(path, r))),
    ]
    for year, entries in groupby(catalog.timeline(), key=lambda e: e.date.year):
        lines += [f"## {year}", ""]
        for entry in entries:
            if isinstance(entry, Event):
                when = format_date(entry.date, entry.date_precision)
                if entry.end_date is not None:
                    when += f" \u2013 {format_date(entry.end_date)}"
                sources = ", ".join(w.source(c) for c in entry.citations)
                lines.append(
                    f'- <a id="{entry.id}"></a>**{when}: {escape(entry.title)}.** '
                    f"{escape(entry.summary)} ({sources})"
                )
            else:
                lines.append(f'- <a id="{entry.id}"></a>{w.statement(entry)}')
        lines.append("")
    return "\n".join(lines)


def comparison_page(catalog: Catalog, parties: Sequence[str]) -> str:
    """The two parties' positions as of the record's latest date, compared topic by topic."""
    names = " and ".join(escape(catalog.actor(p).name) for p in parties)
    body = comparison_markdown(compare(catalog, *parties))
    intro = (
        "The comparison `kashmirref compare` prints, for every topic: each side's position "
        "as of the record's latest date and when it was last stated, the relation between "
        "them, and the quoted evidence."
    )
    return f"# {names} compared\n\n{intro}\n\n{body}"


def _names(w: Writer, entries: Sequence[TermName], *, with_actor: bool) -> str:
    shown = []
    for entry in entries:
        text = f"**{escape(entry.name)}**"
        if with_actor:
            text = f"{w.actor(entry.actor)}: {text}"
        cited = w.quote(entry.citation) if entry.citation else "*(not yet attested)*"
        shown.append(f"{text} {cited}")
    return "<br>".join(shown)


def terms_page(catalog: Catalog, parties: Sequence[str]) -> str:
    """What each actor calls each place or thing, beside the library's neutral name."""
    w = Writer(catalog, "terms.md")
    lines = [
        "# Terminology",
        "",
        "The library's own text uses the neutral name. Each actor's names are given as",
        "attested in the cited source; a name without a source is marked *not yet attested*.",
        "",
    ]
    others = any(n.actor not in parties for t in catalog.terms() for n in t.names)
    rows = []
    for term in catalog.terms():
        cells = [
            _names(w, [n for n in term.names if n.actor == p], with_actor=False) for p in parties
        ]
        if others:
            rest = [n for n in term.names if n.actor not in parties]
            cells.append(_names(w, rest, with_actor=True))
        note = f"<br>*{escape(term.note)}*" if term.note else ""
        name = f'<a id="{term.id}"></a>**{escape(term.neutral_name)}**{note}'
        rows.append([name, *cells])
    header = ["Neutral name", *(w.actor(p) for p in parties), *(["Others"] if others else [])]
    lines += table(header, rows)
    return "\n".join(lines) + "\n"


def cited_by(catalog: Catalog) -> dict[str, list[Record]]:
    """Source id → the records that cite it, each once, in catalogue order."""
    found: dict[str, list[Record]] = {s.id: [] for s in catalog.sources()}
    for _, records in catalog.tables():
        for record in records:
            for source in dict.fromkeys(c.source for c in citations_of(record)):
                found[source].append(record)
    return found


def _citer(w: Writer, record: Record) -> str:
    if isinstance(record, Statement):
        speaker = w.catalog.actor(record.speaker).name
        return w.link(
            record, f"statement by {speaker}, {format_date(record.date, record.date_precision)}"
        )
    if isinstance(record, Term):
        return w.link(record, f"names for {record.neutral_name}")
    return w.link(record)


def sources_page(catalog: Catalog) -> str:
    """Every source with publisher, date and kind, and every record that cites it."""
    w = Writer(catalog, "sources.md")
    sources = catalog.sources()
    primary = sum(s.kind is SourceKind.PRIMARY for s in sources)
    lines = [
        "# Sources",
        "",
        f"{len(sources)} sources: {primary} primary (the document itself: a treaty text, a UN",
        f"record, an official release or transcript) and {len(sources) - primary} secondary",
        "(a report about it). Quotes are verbatim from the source named.",
        "",
    ]
    citing = cited_by(catalog)
    for source in sorted(sources, key=lambda s: (s.published, s.id)):
        lines += [f"### {escape(source.title)} {{#{source.id}}}", ""]
        when = format_date(source.published, source.published_precision)
        facts = f"{escape(source.publisher)} · {when} · {source.kind.value}"
        if source.url:
            facts += " · " + web_link(source.url, source.url)
        lines += [facts, ""]
        if source.note:
            lines += [f"*{escape(source.note)}*", ""]
        lines += ["Cited by: " + "; ".join(_citer(w, r) for r in citing[source.id]) + ".", ""]
    return "\n".join(lines)


def topics_index(catalog: Catalog) -> str:
    """The topics, each with its neutral question."""
    w = Writer(catalog, "topics/index.md")
    lines = ["# Topics", "", "Each topic is a question the actors answer differently.", ""]
    lines += table(
        ["Topic", "Question", "Positions"],
        (
            [w.link(t), escape(t.question), str(len(catalog.positions(topic=t.id)))]
            for t in catalog.topics()
        ),
    )
    return "\n".join(lines) + "\n"


def instruments_index(catalog: Catalog) -> str:
    """The instruments by kind, each with its date."""
    w = Writer(catalog, "instruments/index.md")
    lines = [
        "# Instruments",
        "",
        "Agreements, declarations, treaties, Charter articles and",
        "UN resolutions that the actors invoke, by kind and date.",
        "",
    ]
    for kind in InstrumentKind:
        found = catalog.instruments(kind)
        if found:
            lines += [f"## {kind.value.replace('-', ' ').capitalize()}s", ""]
            lines += table(
                ["Instrument", "Date", "Invoked by"],
                ([w.link(i), format_date(i.date), str(len(catalog.citing(i.id)))] for i in found),
            )
            lines.append("")
    return "\n".join(lines)


def _actor_tree(
    w: Writer, actors: Sequence[Actor], parent: str | None, depth: int
) -> Iterator[str]:
    for actor in actors:
        if actor.parent == parent:
            yield f"{'    ' * depth}- {w.link(actor)} ({actor.kind.value})"
            yield from _actor_tree(w, actors, actor.id, depth + 1)


def actors_index(catalog: Catalog) -> str:
    """Every actor, with its offices and people nested beneath it."""
    w = Writer(catalog, "actors/index.md")
    lines = [
        "# Actors",
        "",
        "States, organisations, UN organs, offices and people, each",
        "under the body it speaks for.",
        "",
    ]
    lines += _actor_tree(w, catalog.actors(), None, 0)
    return "\n".join(lines) + "\n"
