"""Text and Markdown renderings of comparisons and matrices.

Every line of evidence names its speaker, the date as precisely as it is known, and
the source; reported speech is marked as such. Nothing here adds words of its own to
what the records say beyond labels.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable, Iterator

from kashmirref.catalog import Catalog
from kashmirref.comparison import Comparison, Matrix, Relation, Row, Side
from kashmirref.markup import escape, url
from kashmirref.model import (
    STALE_AFTER_YEARS,
    Actor,
    Citation,
    Position,
    Source,
    Statement,
    StatementForm,
    Topic,
    format_date,
)
from kashmirref.terminal import COLUMN_MOST

__all__ = [
    "STRADDLING",
    "comparison_markdown",
    "comparison_text",
    "matrix_text",
    "position_lines",
]

WIDTH = 100

STRADDLING = (
    "dated only to a month or year that includes this date, so it may have been made after it:"
)
"""The words that set apart evidence straddling a comparison's date (see ``Side``)."""


STALE_MARK = "*"
"""Marks a stance last stated over :data:`~kashmirref.model.STALE_AFTER_YEARS` years ago."""

STALE_NOTE = (
    f"{STALE_MARK} last stated more than {STALE_AFTER_YEARS} years before the date of the "
    "comparison: not restated since, as far as this record goes."
)
"""The words that explain :data:`STALE_MARK`, printed under every table that uses it."""


def stance_words(side: Side) -> str:
    """A side's stance in a table cell: its label(s), or why there is none.

    Two stances the record cannot put in order are joined with `` + ``; a stale one
    carries :data:`STALE_MARK`; a silent side says whether a search was recorded.
    """
    if side.position is None:
        return "not found (searched)" if side.no_position is not None else "none on record"
    mark = STALE_MARK if side.stale else ""
    return " + ".join(p.stance for p in side.positions) + mark


def last_stated(side: Side) -> str:
    """When a side's stance was last stated, as precisely as known (empty when silent)."""
    if side.position is None:
        return ""
    return format_date(side.position.last_stated, side.position.last_stated_precision)


def press_note(catalog: Catalog, statement: Statement) -> str | None:
    """Say so when a statement is known only from another state's copies (else ``None``)."""
    if not catalog.only_in_press_of_others(statement):
        return None
    states = sorted({catalog.source(c.source).press_of or "" for c in statement.citations})
    names = " and ".join(catalog.actor(s).name for s in states)
    return f"known only from copies published in {names} (government, press or other sites)"


def silence_words(side: Side) -> str:
    """Why a silent side has no stance: the recorded search, or that none was recorded."""
    gap = side.no_position
    if gap is None:
        return (
            "No statement coded with a stance on this topic is on record by this date; "
            "no search for one is recorded."
        )
    checked = format_date(gap.checked)
    return f"Not found in the sources searched ({gap.period}, checked {checked}): {gap.searched}"


def _gap(row: Row) -> str:
    return "-" if row.gap is None else f"{row.gap} of {len(row.topic.scale) - 1}"


def _since(side: Side) -> str:
    if side.position is None:
        return ""
    named = len(side.positions) > 1
    return "; ".join(
        (f"{p.stance} " if named else "") + f"{p.period}, {p.last_stated_text}"
        for p in side.positions
    )


def _attribution(statement: Statement, name: Callable[[str], str]) -> str:
    when = format_date(statement.date, statement.date_precision)
    reported = ", as reported" if statement.form is StatementForm.REPORTED else ""
    return f"{name(statement.speaker)}, {when}{reported}"


def _grounds(side: Side) -> str:
    return "; ".join(dict.fromkeys(g.clause for g in side.grounds))


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [
        min(max(len(r[i]) for r in [header, *rows]), COLUMN_MOST) for i in range(len(header))
    ]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(r, widths, strict=True)).rstrip()
        for r in [header, *rows]
    ]


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(
        text, WIDTH, initial_indent=indent, subsequent_indent=indent, break_on_hyphens=False
    )


def _namer(actors: tuple[Actor, ...]) -> Callable[[str], str]:
    names = {a.id: a.name for a in actors}
    return lambda actor_id: names.get(actor_id, actor_id)


def _side_text(side: Side, name: Callable[[str], str]) -> Iterator[str]:
    head = f"  {name(side.actor)}: {stance_words(side)}"
    if side.position is None:
        yield head
        yield from _wrap(silence_words(side), "    ")
    else:
        yield from _wrap(f"{head} ({_since(side)})", "")
        if side.position.mixed:
            yield from _wrap(
                "Stances the record cannot put in order (dates known only to the month or "
                "year), shown together.",
                "    ",
            )
        if side.stale:
            yield from _wrap(STALE_NOTE, "    ")
        if side.grounds:
            yield from _wrap(f"Grounds: {_grounds(side)}", "    ")

    def quoted(statement: Statement, bullet: str) -> list[str]:
        quote = f"\u201c{statement.text}\u201d \u2014 {_attribution(statement, name)}"
        lines = []
        for i, (words, sources) in enumerate(_quotes(statement)):
            shown = quote if i == 0 else f"also \u201c{words}\u201d"
            lines += _wrap(f"{bullet if i == 0 else ' '} {shown} [{'; '.join(sources)}]", "    ")
        return lines

    for statement in side.evidence:
        yield from quoted(statement, "-")
    if side.straddling:
        yield from _wrap(f"Not counted: {STRADDLING}", "    ")
    for statement in side.straddling:
        yield from quoted(statement, "?")


def comparison_text(comparison: Comparison, *, detail: bool = True) -> str:
    """Render a comparison: per topic, the relation and each side's stance and last word.

    With ``detail`` (the default), each row's reasons follow: the question, each side's
    period, grounds and quoted evidence, and the grounds both sides read differently.
    """
    name = _namer(comparison.actors)
    left, right = name(comparison.a), name(comparison.b)
    lines = [f"{left} vs {right}: stated positions ({_when(comparison)})", ""]
    ordered = comparison.ordered()
    lines += _summary(ordered, left, right)
    lines += ["", *_wrap(STALE_NOTE, "")]
    if not detail:
        lines += ["", "Each side's evidence: add --detail, or ask for one topic with --topic."]
        return "\n".join(lines) + "\n"
    for row in ordered:
        lines += ["", f"{row.topic.title}: {row.relation.value} (gap {_gap(row)})"]
        lines += _wrap(row.topic.question, "  ")
        lines += _side_text(row.a, name)
        lines += _side_text(row.b, name)
        for ground in row.shared_grounds:
            lines.append(f"  Both invoke {ground.clause}, read differently:")
            lines += _wrap(f"{left}: {ground.reading_a}", "    ")
            lines += _wrap(f"{right}: {ground.reading_b}", "    ")
    return "\n".join(lines) + "\n"


def _link(address: str) -> str:
    target = url(address)
    return f"<{target}>" if target is not None else escape(address)


def _quotes(statement: Statement) -> list[tuple[str, list[str]]]:
    """Each distinct quote of a statement's citations, with the sources that give it.

    The statement's own words come first; sources are in citation order.
    """
    found: dict[str, list[str]] = {}
    for citation in statement.citations:
        found.setdefault(citation.quote, []).append(citation.source)
    return list(found.items())


def _footnote(source: Source, citation: Citation) -> str:
    parts = [f"*{escape(source.title)}*", escape(source.publisher)]
    parts.append(format_date(source.published, source.published_precision))
    parts.append(f"{source.kind.value} source")
    if citation.locator:
        parts.append(escape(citation.locator))
    if source.url:
        parts.append(_link(source.url))
    if citation.read_at:
        parts.append(f"read at {_link(citation.read_at)}")
    if citation.check_note:
        parts.append(citation.check_note)
    return ", ".join(parts) + "."


def _cell(text: str) -> str:
    return escape(text)


def comparison_markdown(comparison: Comparison) -> str:
    """Render a comparison as Markdown: a summary table, reasons, and footnotes.

    Every piece of data text (names, titles, questions, summaries, quotes, readings,
    locators) is escaped with :func:`kashmirref.markup.escape` and every address with
    :func:`kashmirref.markup.url`, so data can neither inject HTML nor break the table.
    """
    plain = _namer(comparison.actors)

    def name(actor_id: str) -> str:
        return escape(plain(actor_id))

    left, right = name(comparison.a), name(comparison.b)
    notes: dict[tuple[object, ...], tuple[int, Citation]] = {}

    def cite(citation: Citation) -> str:
        key = (citation.source, citation.locator, citation.read_at, citation.checked)
        number, _ = notes.setdefault(key, (len(notes) + 1, citation))
        return f"[^{number}]"

    def bullet(said: Statement) -> str:
        quote = f"\u201c{_cell(said.text)}\u201d \u2014 {_attribution(said, name)}"
        notes = "".join(cite(c) for c in said.citations if c.quote == said.text)
        more = "".join(
            f"; also \u201c{_cell(c.quote)}\u201d{cite(c)}"
            for c in said.citations
            if c.quote != said.text
        )
        return f"- {quote}{notes}{more}"

    lines = [f"## {left} vs {right}", "", f"Stated positions ({_when(comparison)}).", ""]
    lines += [
        f"| Topic | {left} | last stated | {right} | last stated | Relation | Gap |",
        "|---|---|---|---|---|---|---|",
    ]
    ordered = comparison.ordered()
    for row in ordered:
        lines.append(
            f"| {_cell(row.topic.title)} | {stance_words(row.a)} | {last_stated(row.a)} "
            f"| {stance_words(row.b)} | {last_stated(row.b)} | {row.relation.value} | {_gap(row)} |"
        )
    lines += ["", escape(STALE_NOTE), ""]
    for row in ordered:
        lines += ["", f"### {escape(row.topic.title)}", "", f"> {escape(row.topic.question)}", ""]
        for side in (row.a, row.b):
            lines.append(
                f"**{name(side.actor)}: {escape(stance_words(side))}**"
                + (f" ({escape(_since(side))})." if side.position else "")
            )
            if side.position is None:
                lines.append(escape(silence_words(side)))
            lines.append("")
            if side.grounds:
                lines.append(f"- Grounds: {escape(_grounds(side))}")
            lines += [bullet(s) for s in side.evidence]
            if side.straddling:
                lines += ["", f"Not counted, {STRADDLING}", ""]
            lines += [bullet(s) for s in side.straddling]
            lines.append("")
        for ground in row.shared_grounds:
            lines += [
                f"Both invoke `{ground.clause}`, read differently:",
                "",
                f"- {left}: {escape(ground.reading_a or 'invoked; no reading recorded')}",
                f"- {right}: {escape(ground.reading_b or 'invoked; no reading recorded')}",
                "",
            ]
    for number, citation in notes.values():
        source = comparison.source(citation.source)
        lines.append(f"[^{number}]: {_footnote(source, citation)}")
    return "\n".join(lines).rstrip() + "\n"


def _summary(rows: tuple[Row, ...], left: str, right: str) -> list[str]:
    """The short table: per topic, its relation, then each side's stance and last word.

    Two lines a topic: the topic and relation, then both sides' stances with the date
    each was last stated. Topics on which neither side has a statement are named
    together on one line.
    """
    lines = ["Per topic: how the stances relate; each side's stance (when last stated).", ""]
    silent = [row.topic.title for row in rows if row.relation is Relation.BOTH_SILENT]
    for row in rows:
        if row.relation is Relation.BOTH_SILENT:
            continue
        lines.append(f"{row.topic.title}: {row.relation.value}")
        sides = []
        for name, side in ((left, row.a), (right, row.b)):
            stated = last_stated(side)
            sides.append(f"{name} {stance_words(side)}" + (f" ({stated})" if stated else ""))
        lines += textwrap.wrap(
            "  |  ".join(sides),
            WIDTH,
            initial_indent="  ",
            subsequent_indent="    ",
            break_on_hyphens=False,
        )
    if silent:
        lines += _wrap(f"No statement on record from either side: {'; '.join(silent)}.", "")
    return lines


def _when(comparison: Comparison) -> str:
    if comparison.as_of is None:
        return "no statements on record"
    return f"in force on {format_date(comparison.as_of)}, from statements on record by then"


def matrix_text(matrix: Matrix) -> str:
    """Render a matrix as one line per actor: stance, period and grounds."""
    name = _namer(matrix.actors)
    topic: Topic = matrix.topic
    lines = [f"{topic.title}: {topic.question}", ""]
    lines += _table(
        ["ACTOR", "STANCE", "LAST STATED", "GROUNDS"],
        [[name(s.actor), stance_words(s), last_stated(s), _grounds(s)] for s in matrix.sides],
    )
    return "\n".join([*lines, "", *_wrap(STALE_NOTE, "")]) + "\n"


def position_lines(catalog: Catalog, position: Position, as_of: dt.date | None = None) -> list[str]:
    """One position as text lines: topic, stance, period, grounds, evidence.

    The evidence is what is on record by ``as_of`` (all of it when ``None``), shown as
    :func:`~kashmirref.compare` shows it.
    """
    topic = catalog.topic(position.topic)
    evidence, straddling = catalog.evidence(position, as_of)
    side = Side(
        actor=position.actor,
        position=position,
        stance=topic.stance(position.stance),
        evidence=evidence,
        straddling=straddling,
    )
    name = _namer(catalog.actors())
    return [f"{topic.title}", *_side_text(side, name), ""]
