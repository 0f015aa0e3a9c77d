"""One page per topic, per instrument and per actor.

Topic pages put the parties side by side (in alphabetical order of their names, so no
side is first by the library's choice), then every other actor, the scale, how
positions changed and every statement on the topic. All text that is not a label is
the records' own: summaries and readings attributed to their actor, quotes verbatim.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence

from kashmirref.catalog import Catalog
from kashmirref.comparison import Side, compare, compare_over_time, matrix
from kashmirref.model import (
    Actor,
    Instrument,
    InstrumentKind,
    Position,
    Provision,
    Statement,
    Topic,
    format_date,
    last_day,
)
from kashmirref.render import STALE_MARK, STALE_NOTE, silence_words, stance_words
from kashmirref.site import charts, history
from kashmirref.site.drawing import RELATION_WORDS
from kashmirref.site.links import html_href, page_path
from kashmirref.site.markdown import Writer, escape, figure, table
from kashmirref.site.svg import Href

__all__ = ["WIDTHS", "actor_page", "instrument_page", "short_title", "topic_page"]


def _stance(topic: Topic, position: Position) -> str:
    stance = topic.stance(position.stance)
    return f"**{stance.label}**: {escape(stance.meaning)}"


def _latest_words(catalog: Catalog) -> str:
    return "no date" if catalog.latest is None else format_date(catalog.latest)


def _missing(side: Side) -> str:
    return f"*{escape(silence_words(side))}*"


def _held(position: Position) -> str:
    """The period a position holds and when it was last stated, stale ones marked."""
    mark = f" {STALE_MARK}" if position.stale else ""
    return f"{position.period}; {position.last_stated_text}{mark}"


def _column(w: Writer, topic: Topic, side: Side) -> list[str]:
    """One party's cells: stance(s), held, grounds, evidence (all on record by the date)."""
    if side.position is None:
        return [_missing(side), "", "", ""]
    return [
        "<br>".join(_stance(topic, p) for p in side.positions),
        "<br>".join(_held(p) for p in side.positions),
        "<br>".join(g for p in side.positions for g in w.grounds(p)) or "none recorded",
        "<br><br>".join(w.statement(s) for s in side.evidence),
    ]


def _side_by_side(w: Writer, topic: Topic, parties: Sequence[str]) -> list[str]:
    columns = [_column(w, topic, side) for side in matrix(w.catalog, parties, topic.id).sides]
    labels = ["Stance", "Held", "Grounds", "Evidence"]
    lines = table(
        ["", *(w.actor(a) for a in parties)],
        ([f"**{label}**", *cells] for label, *cells in zip(labels, *columns, strict=True)),
    )
    if len(parties) == 2:
        row = compare(w.catalog, *parties, topics=[topic.id]).rows[0]
        gap = "" if row.gap is None else f" (gap {row.gap} of {len(topic.scale) - 1} possible)"
        when = _latest_words(w.catalog)
        lines += [
            "",
            f"Relation as of {when}, the record's latest date: **{row.relation.value}**{gap}.",
            "",
            escape(STALE_NOTE),
        ]
    return lines


def _others(w: Writer, topic: Topic, parties: Sequence[str]) -> list[str]:
    current = [
        p
        for p in w.catalog.positions(topic=topic.id, as_of=w.catalog.latest)
        if p.actor not in parties
    ]
    if not current:
        return ["No other actor's statement is coded with a stance on this topic."]
    rows = ([w.actor(p.actor), _stance(topic, p), _held(p), w.evidence(p)] for p in current)
    return table(["Actor", "Stance", "Held", "Evidence"], rows)


def _history(w: Writer, topic: Topic, actors: Sequence[str], parties: Sequence[str]) -> list[str]:
    """``actors``' positions on ``topic`` over time, and (for two ``parties``) their relation."""
    positions = [p for p in w.catalog.positions(topic=topic.id) if p.actor in actors]
    lines = table(
        ["Actor", "Stance", "Held", "Statements"],
        ([w.actor(p.actor), f"**{p.stance}**", p.period, str(len(p.evidence))] for p in positions),
    )
    if len(parties) == 2:
        spans = compare_over_time(w.catalog, parties[0], parties[1], topic.id)
        names = " and ".join(escape(w.catalog.actor(p).name) for p in parties)
        if spans:
            lines += [
                "",
                f"Relation between {names} over time (the shading between their lines):",
                "",
            ]
            rows = []
            for span in spans:
                as_of = last_day(span.start, span.start_precision)
                row = compare(w.catalog, *parties, topics=[topic.id], as_of=as_of).rows[0]
                stances = [escape(stance_words(s)) for s in (row.a, row.b)]
                gap = "" if span.gap is None else f" (gap {span.gap})"
                word = RELATION_WORDS[span.relation][0]
                rows.append([span.period, *stances, f"{word}{gap}"])
            lines += table(["Period", *(w.actor(p) for p in parties), "Relation"], rows)
    return lines


WIDTHS = (charts.WIDTH, charts.NARROW)
"""Each figure is drawn for a wide screen and for a phone; the page shows the one that fits."""


def _both_widths(path: str, draw: Callable[[Href, float], str | None]) -> list[str]:
    """A figure drawn in both :data:`WIDTHS`, linking from ``path`` (none if it has none)."""
    drawn = [draw(lambda r: html_href(path, r), width) for width in WIDTHS]
    wide, narrow = drawn
    return [] if wide is None else figure(wide, narrow)


_AXIS_NOTE = (
    "Time runs left to right in proportion, each year the same width, so a few busy "
    "weeks (November 1947) are a thin, dense stretch; every mark is also in the table."
)
_CHART_NOTE = (
    "Each actor is one line in a shade of grey (never a colour of its own), on the "
    "topic's own scale, top to bottom in the scale's order. A line is solid while the "
    "stance is being stated, dotted while it holds on record without being restated, "
    "and absent where nothing is on record. Each statement is a mark at its date, "
    "linked to it; one dated only to a month or year is a bar across that month or year. "
    + _AXIS_NOTE
)
_LANES_NOTE = (
    "Striped stretches mark time a date leaves open (known only to the month or year). "
    "Every mark links to its record. " + _AXIS_NOTE
)


def topic_page(
    catalog: Catalog, topic: Topic, parties: Sequence[str], until: dt.date | None = None
) -> str:
    """The page of one topic: question, figure, the parties side by side, others, history.

    ``until`` is the right edge of the figure ("to date"; default: the day after the
    latest date in the catalogue).
    """
    path = page_path(topic)
    w = Writer(catalog, path)
    statements = catalog.statements(topic=topic.id)
    end = until or history.horizon(catalog)
    drawn = _both_widths(
        path, lambda href, w: charts.topic_chart(catalog, topic, parties, href, end, width=w)
    )
    others = _both_widths(
        path, lambda href, w: charts.others_chart(catalog, topic, parties, href, end, width=w)
    )
    lines = [f"# {escape(topic.title)}", "", f"> {escape(topic.question)}", ""]
    if topic.note:
        lines += [escape(topic.note), ""]
    shading = (
        "Between the two parties' lines, the shading says how their stances relate "
        "(agree, partially agree, diverge), never which side is which. "
        if len(parties) == 2
        else ""
    )
    lines += [
        "Each party's stated stance over time. " + shading + _CHART_NOTE,
        *drawn,
        "The figure as a table:",
        "",
        *_history(w, topic, parties, parties),
        "",
    ]
    lines += ["## Where the parties stand", "", *_side_by_side(w, topic, parties), ""]
    lines += ["## Other actors", "", *_others(w, topic, parties), ""]
    if others:
        rest = sorted({p.actor for p in catalog.positions(topic=topic.id)} - set(parties))
        lines += [
            "",
            "Each other actor's stances over time, a strip each on the same time axis.",
            *others,
            "The figure as a table:",
            "",
            *_history(w, topic, rest, ()),
            "",
        ]
    lines += ["## The scale", "", "Stances in order, as the comparison ranks them:", ""]
    lines += table(
        ["Rank", "Stance", "Meaning"],
        ([str(s.value), f"**{s.label}**", escape(s.meaning)] for s in topic.scale),
    )
    lines.append("")
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


def _life_table(w: Writer, instrument: Instrument) -> list[str]:
    """The figure's facts as a table: the instrument's date, statuses, declarations, uses."""
    rows = [[format_date(instrument.date), "date of the text", "", ""]]
    for change in instrument.status_history:
        who = w.actor(change.declared_by) if change.declared_by else ""
        rows.append([format_date(change.date), change.status.value, who, escape(change.standing)])
    for found in w.catalog.invocations(instrument.id):
        clause = (
            instrument.provision(found.provision).label
            if found.provision
            else "the instrument as a whole"
        )
        rows.append(
            [
                format_date(found.statement.date, found.statement.date_precision),
                f"invoked: {escape(clause)}",
                w.actor(found.actor),
                w.link(found.statement, "a statement's words"),
            ]
        )
    return table(["When", "What", "Who", "Standing"], rows)


def _dated_link(w: Writer, said: Statement) -> str:
    return w.link(said, format_date(said.date, said.date_precision))


def _coverage(instrument: Instrument) -> str:
    """Whether the provisions below are the whole operative text, and if not what is missing."""
    if instrument.complete:
        return "The provisions below hold its whole operative text, as read in the copies named."
    if instrument.missing:
        return f"Not recorded: {escape(instrument.missing)}"
    return "The provisions below are those read in a stored copy; the rest is not recorded."


def _provision(w: Writer, instrument: Instrument, provision: Provision) -> list[str]:
    """One clause: its text, the copy it was read in, and who invoked it and when."""
    lines = [f"### {escape(provision.label)} {{#{provision.id}}}", ""]
    lines += [f"> {escape(provision.text)}", ""]
    if provision.summary:
        lines += [escape(provision.summary), ""]
    if provision.copy is not None:
        lines += [f"Read in: {w.source(provision.copy)}.", ""]
    invoked = w.catalog.invocations(instrument.id, provision.id)
    if invoked:
        lines += [
            "Invoked by: "
            + "; ".join(f"{w.actor(i.actor)} ({_dated_link(w, i.statement)})" for i in invoked)
            + ".",
            "",
        ]
    return lines


def instrument_page(catalog: Catalog, instrument: Instrument, until: dt.date | None = None) -> str:
    """The page of one instrument: facts, its life and use, provisions, who invokes it.

    ``until`` is the right edge of the figure ("to date"; default: the day after the
    latest date in the catalogue).
    """
    path = page_path(instrument)
    w = Writer(catalog, path)
    lines = [
        f"# {escape(instrument.title)}",
        "",
        *(f"- {fact}" for fact in _facts(w, instrument)),
        "",
    ]
    if instrument.summary:
        lines += [escape(instrument.summary), ""]
    end = until or history.horizon(catalog)
    drawn = _both_widths(
        path, lambda href, w: history.instrument_figure(catalog, instrument, href, end, width=w)
    )
    lines += [
        "## Life and use",
        "",
        "Its recorded status, any party's own declarations about it (striped: one party's",
        "declaration, not a status the others accept) and, one lane per actor, a mark at",
        "each statement that invokes it, on the day it was made. " + _LANES_NOTE,
        *drawn,
        *_life_table(w, instrument),
        "",
    ]
    if instrument.provisions:
        lines += ["## Provisions", "", _coverage(instrument), ""]
        for provision in instrument.provisions:
            lines += _provision(w, instrument, provision)
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
    invocations = catalog.invocations(instrument.id)
    lines += [f"## Who invokes it, when ({len(invocations)})", ""]
    rows = []
    for found in invocations:
        said, invocation = found.statement, found.invocation
        clause = ""
        if invocation.provision:
            label = escape(instrument.provision(invocation.provision).label)
            clause = f"[{label}](#{invocation.provision})"
        rows.append(
            [
                _dated_link(w, said),
                w.actor(said.on_behalf_of),
                ", ".join(w.link(catalog.topic(t)) for t in said.topics),
                clause,
                escape(invocation.reading) if invocation.reading else "",
            ]
        )
    lines += (
        table(["Statement", "For", "Topics", "Provision", "Reading (the speaker's)"], rows)
        if rows
        else ["No recorded statement invokes it."]
    )
    lines += ["", "## Text cited from", ""]
    lines += [f"- {w.quote(c)}" for c in instrument.citations]
    return "\n".join(lines) + "\n"


def actor_page(catalog: Catalog, actor: Actor, until: dt.date | None = None) -> str:
    """The page of one actor: who it is, its positions by topic, its statements by date.

    With positions, a figure shows them over time, a strip per topic; ``until`` is its
    right edge ("to date"; default: the day after the latest date in the catalogue).
    """
    path = page_path(actor)
    w = Writer(catalog, path)
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
    if positions:
        end = until or history.horizon(catalog)
        drawn = _both_widths(
            path, lambda href, w: charts.actor_chart(catalog, actor, href, end, width=w)
        )
        lines += [
            "## Positions by topic",
            "",
            "Its stances over time, a strip per topic, each on the topic's own scale. "
            + _CHART_NOTE,
            *drawn,
            "The figure as a table:",
            "",
        ]
    elif searched:
        lines += ["## Positions by topic", ""]
    if positions or searched:
        rows = [
            [w.link(catalog.topic(p.topic)), f"**{p.stance}**", p.period, p.last_stated_text]
            for topic in catalog.topics()
            for p in positions
            if p.topic == topic.id
        ]
        rows += [
            [
                w.link(catalog.topic(n.topic)),
                "*not found in the sources searched*",
                n.period,
                f"checked {format_date(n.checked)}: {escape(n.searched)}",
            ]
            for n in searched
        ]
        lines += [*table(["Topic", "Stance", "Held", "Last stated or searched"], rows), ""]
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
