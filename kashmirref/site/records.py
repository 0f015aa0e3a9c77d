"""One page per topic, per instrument and per actor.

Topic pages put the parties side by side (in alphabetical order of their names, so no
side is first by the library's choice), then every other actor, the scale, how
positions changed and every statement on the topic. All text that is not a label is
the records' own: summaries and readings attributed to their actor, quotes verbatim.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from kashmirref.catalog import Catalog
from kashmirref.comparison import Side, compare, compare_over_time, matrix
from kashmirref.model import Actor, Instrument, InstrumentKind, Position, Topic, format_date
from kashmirref.site.links import page_path
from kashmirref.site.markdown import Writer, escape, table

__all__ = ["actor_page", "instrument_page", "short_title", "topic_page"]


def _stance(topic: Topic, position: Position) -> str:
    stance = topic.stance(position.stance)
    return f"**{stance.label}**: {escape(stance.meaning)}"


def _missing(side: Side) -> str:
    searched = side.no_position
    if searched is None:
        return "*No position recorded.*"
    return (
        f"*No stated position found* (checked {format_date(searched.checked)}). "
        f"Searched: {escape(searched.searched)}"
    )


def _column(w: Writer, topic: Topic, side: Side) -> list[str]:
    """One party's cells: stance, period, summary, grounds, evidence."""
    position = side.position
    if position is None:
        return [_missing(side), "", "", "", ""]
    return [
        _stance(topic, position),
        position.period,
        escape(position.summary),
        "<br>".join(w.grounds(position)) or "none recorded",
        w.evidence(position),
    ]


def _side_by_side(w: Writer, topic: Topic, parties: Sequence[str]) -> list[str]:
    columns = [_column(w, topic, side) for side in matrix(w.catalog, parties, topic.id).sides]
    labels = ["Stance", "In force", "Position", "Grounds", "Evidence"]
    lines = table(
        ["", *(w.actor(a) for a in parties)],
        ([f"**{label}**", *cells] for label, *cells in zip(labels, *columns, strict=True)),
    )
    if len(parties) == 2:
        row = compare(w.catalog, *parties, topics=[topic.id]).rows[0]
        gap = "" if row.gap is None else f" (gap {row.gap} of {len(topic.scale) - 1} possible)"
        lines += [
            "",
            f"Relation between their most recent positions: **{row.relation.value}**{gap}.",
        ]
    return lines


def _others(w: Writer, topic: Topic, parties: Sequence[str]) -> list[str]:
    latest: dict[str, Position] = {}
    for position in w.catalog.positions(topic=topic.id):
        if position.actor not in parties:
            latest[position.actor] = position
    if not latest:
        return ["No other actor's position is recorded on this topic."]
    rows = (
        [
            w.actor(p.actor),
            _stance(topic, p),
            p.period,
            escape(p.summary),
            w.evidence(p),
        ]
        for p in latest.values()
    )
    return table(["Actor", "Stance", "In force", "Position", "Evidence"], rows)


def _history(w: Writer, topic: Topic, parties: Sequence[str]) -> list[str]:
    positions = w.catalog.positions(topic=topic.id)
    lines = table(
        ["Actor", "Stance", "In force", "Record"],
        ([w.actor(p.actor), f"**{p.stance}**", p.period, f"`{p.id}`"] for p in positions),
    )
    if len(parties) == 2:
        spans = compare_over_time(w.catalog, parties[0], parties[1], topic.id)
        names = " and ".join(escape(w.catalog.actor(p).name) for p in parties)
        if spans:
            lines += ["", f"Relation between {names} over time:", ""]
            for span in spans:
                gap = "" if span.gap is None else f" (gap {span.gap})"
                lines.append(f"- {span.period}: {span.relation.value}{gap}")
    return lines


def topic_page(catalog: Catalog, topic: Topic, parties: Sequence[str]) -> str:
    """The page of one topic: question, the parties side by side, others, scale, history."""
    w = Writer(catalog, page_path(topic))
    statements = catalog.statements(topic=topic.id)
    lines = [f"# {escape(topic.title)}", "", f"> {escape(topic.question)}", ""]
    if topic.note:
        lines += [escape(topic.note), ""]
    lines += ["## Where the parties stand", "", *_side_by_side(w, topic, parties), ""]
    lines += ["## Other actors", "", *_others(w, topic, parties), ""]
    lines += ["## The scale", "", "Stances in order, as the comparison ranks them:", ""]
    lines += table(
        ["Rank", "Stance", "Meaning"],
        ([str(s.value), f"**{s.label}**", escape(s.meaning)] for s in topic.scale),
    )
    lines += ["", "## Positions over time", "", *_history(w, topic, parties), ""]
    lines += [f"## Statements on this topic ({len(statements)})", ""]
    lines += [f"- {w.statement(s)}" for s in statements]
    return "\n".join(lines) + "\n"


def short_title(instrument: Instrument) -> str:
    """A title short enough for navigation: "Resolution 47 (1948)", "Simla Agreement"."""
    if instrument.kind is InstrumentKind.UNSC_RESOLUTION:
        return f"Resolution {instrument.number} ({instrument.date.year})"
    if instrument.kind is InstrumentKind.UNCIP_RESOLUTION:
        return f"UNCIP resolution of {format_date(instrument.date)}"
    if instrument.kind is InstrumentKind.CHARTER_ARTICLE:
        return "UN Charter, " + instrument.title.rpartition(", ")[2]
    return instrument.title.split(":")[0].split(" (")[0]


def _facts(w: Writer, instrument: Instrument) -> Iterator[str]:
    yield f"**Kind**: {instrument.kind.value.replace('-', ' ')}"
    if instrument.number is not None:
        yield f"**Number**: {instrument.number}"
    yield f"**Date**: {format_date(instrument.date)}"
    if instrument.parties:
        yield "**Parties**: " + ", ".join(w.actor(a) for a in instrument.parties)
    if instrument.signatories:
        yield "**Signatories**: " + escape("; ".join(instrument.signatories))
    if instrument.vote:
        yield f"**Vote**: {escape(instrument.vote)}"
    if instrument.status is not None:
        yield f"**Latest recorded status**: {instrument.status.value}"
    for change in instrument.declarations:
        who = w.actor(change.declared_by) if change.declared_by else ""
        yield (
            f"**Declared by one party**: {who}, {format_date(change.date)}: "
            f"{change.status.value}"
            + (f", on a condition: {escape(change.condition)}" if change.condition else "")
        )


def instrument_page(catalog: Catalog, instrument: Instrument) -> str:
    """The page of one instrument: facts, provisions, status history, who invokes it."""
    w = Writer(catalog, page_path(instrument))
    lines = [
        f"# {escape(instrument.title)}",
        "",
        *(f"- {fact}" for fact in _facts(w, instrument)),
        "",
    ]
    if instrument.summary:
        lines += [escape(instrument.summary), ""]
    if instrument.provisions:
        lines += ["## Provisions", ""]
        for provision in instrument.provisions:
            lines += [f"### {escape(provision.label)} {{#{provision.id}}}", ""]
            lines += [f"> {escape(provision.text)}", ""]
            if provision.summary:
                lines += [escape(provision.summary), ""]
    if instrument.status_history:
        lines += ["## Status history", ""]
        lines += table(
            ["Date", "Status", "Declared by", "Standing", "Source"],
            (
                [
                    format_date(c.date),
                    c.status.value,
                    w.actor(c.declared_by) if c.declared_by else "",
                    escape(c.standing),
                    w.quote(c.citation),
                ]
                for c in instrument.status_history
            ),
        )
        lines.append("")
    citing = catalog.citing(instrument.id)
    lines += [f"## Invoked as a ground ({len(citing)})", ""]
    rows = []
    for position in citing:
        for ground in position.grounds:
            if ground.instrument == instrument.id:
                clause = ""
                if ground.provision:
                    label = escape(instrument.provision(ground.provision).label)
                    clause = f"[{label}](#{ground.provision})"
                topic = catalog.topic(position.topic)
                rows.append(
                    [
                        w.actor(position.actor),
                        w.link(topic),
                        clause,
                        escape(ground.reading),
                    ]
                )
    lines += (
        table(["Actor", "Topic", "Provision", "Reading (the actor's)"], rows)
        if rows
        else ["No recorded position invokes it."]
    )
    lines += ["", "## Text cited from", ""]
    lines += [f"- {w.quote(c)}" for c in instrument.citations]
    return "\n".join(lines) + "\n"


def actor_page(catalog: Catalog, actor: Actor) -> str:
    """The page of one actor: who it is, its positions by topic, its statements by date."""
    w = Writer(catalog, page_path(actor))
    lines = [f"# {escape(actor.name)}", ""]
    facts = [f"**Kind**: {actor.kind.value}"]
    if actor.parent:
        facts.append(f"**Part of**: {w.actor(actor.parent)}")
    if actor.aliases:
        facts.append("**Also called**: " + escape(", ".join(actor.aliases)))
    members = [a for a in catalog.actors() if a.parent == actor.id]
    if members:
        facts.append("**Offices and people**: " + ", ".join(w.link(a) for a in members))
    lines += [*(f"- {fact}" for fact in facts), ""]
    if actor.note:
        lines += [escape(actor.note), ""]
    positions = catalog.positions(actor=actor.id)
    searched = [n for n in catalog.no_positions() if n.actor == actor.id]
    if positions or searched:
        lines += ["## Positions by topic", ""]
        rows = [
            [w.link(catalog.topic(p.topic)), f"**{p.stance}**", p.period, escape(p.summary)]
            for topic in catalog.topics()
            for p in positions
            if p.topic == topic.id
        ]
        rows += [
            [
                w.link(catalog.topic(n.topic)),
                "*no stated position found*",
                f"checked {format_date(n.checked)}",
                escape(n.searched),
            ]
            for n in searched
        ]
        lines += [*table(["Topic", "Stance", "In force", "Position"], rows), ""]
    statements = catalog.statements(actor=actor.id)
    if statements:
        lines += [f"## Statements ({len(statements)})", ""]
        lines += [f"- {w.statement(s)}" for s in statements]
        lines.append("")
    events = [e for e in catalog.events() if actor.id in e.actors]
    if events:
        lines += ["## Events", ""]
        lines += [f"- {format_date(e.date, e.date_precision)}: {w.link(e)}" for e in events]
    return "\n".join(lines).rstrip() + "\n"
