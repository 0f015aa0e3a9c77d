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
from kashmirref.comparison import Comparison, Matrix, Row, Side
from kashmirref.markup import escape, url
from kashmirref.model import (
    Actor,
    Citation,
    Position,
    Source,
    Statement,
    StatementForm,
    Topic,
    format_date,
)

__all__ = [
    "STRADDLING",
    "comparison_markdown",
    "comparison_text",
    "matrix_text",
    "position_lines",
]

WIDTH = 100

STRADDLING = (
    "dated only to a month or year that includes this date, so it may have been made "
    "after it:"
)
"""The words that set apart evidence straddling a comparison's date (see ``Side``)."""


def _stance(side: Side) -> str:
    return side.stance.label if side.stance else "no stated position"


def _gap(row: Row) -> str:
    return "-" if row.gap is None else f"{row.gap} of {len(row.topic.scale) - 1}"


def _since(side: Side) -> str:
    return "" if side.position is None else side.position.period


def _attribution(statement: Statement, name: Callable[[str], str]) -> str:
    when = format_date(statement.date, statement.date_precision)
    reported = ", as reported" if statement.form is StatementForm.REPORTED else ""
    return f"{name(statement.speaker)}, {when}{reported}"


def _grounds(side: Side) -> str:
    if side.position is None:
        return ""
    return "; ".join(
        g.instrument + (f" {g.provision}" if g.provision else "") for g in side.position.grounds
    )


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
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
    head = f"  {name(side.actor)}: {_stance(side)}"
    if side.position is None:
        yield head
        if side.no_position is not None:
            yield from _wrap(f"Searched: {side.no_position.searched}", "    ")
        return
    yield f"{head} ({_since(side)})"
    yield from _wrap(side.position.summary, "    ")
    if side.position.grounds:
        yield from _wrap(f"Grounds: {_grounds(side)}", "    ")

    def quoted(statement: Statement, bullet: str) -> list[str]:
        quote = f"\u201c{statement.text}\u201d \u2014 {_attribution(statement, name)}"
        return _wrap(f"{bullet} {quote} [{statement.citation.source}]", "    ")

    for statement in side.evidence:
        yield from quoted(statement, "-")
    if side.straddling:
        yield from _wrap(f"Not counted: {STRADDLING}", "    ")
    for statement in side.straddling:
        yield from quoted(statement, "?")


def comparison_text(comparison: Comparison) -> str:
    """Render a comparison as a fixed-width table followed by each row's reasons."""
    name = _namer(comparison.actors)
    left, right = name(comparison.a), name(comparison.b)
    when = (
        "most recent positions" if comparison.as_of is None else f"in force on {comparison.as_of}"
    )
    lines = [f"{left} vs {right}: stated positions ({when})", ""]
    ordered = comparison.ordered()
    lines += _table(
        ["TOPIC", left.upper(), right.upper(), "RELATION", "GAP"],
        [[r.topic.title, _stance(r.a), _stance(r.b), r.relation.value, _gap(r)] for r in ordered],
    )
    for row in ordered:
        lines += ["", f"{row.topic.title}: {row.relation.value} (gap {_gap(row)})"]
        lines += _wrap(row.topic.question, "  ")
        lines += _side_text(row.a, name)
        lines += _side_text(row.b, name)
        for ground in row.shared_grounds:
            lines.append(f"  Both invoke {ground.instrument}, read differently:")
            lines += _wrap(f"{left}: {ground.reading_a}", "    ")
            lines += _wrap(f"{right}: {ground.reading_b}", "    ")
    return "\n".join(lines) + "\n"


def _link(address: str) -> str:
    target = url(address)
    return f"<{target}>" if target is not None else escape(address)


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
        return f"- {quote}{cite(said.citation)}"

    when = (
        "most recent positions" if comparison.as_of is None else f"in force on {comparison.as_of}"
    )
    lines = [f"## {left} vs {right}", "", f"Stated positions ({when}).", ""]
    lines += [
        f"| Topic | {left} | {right} | Relation | Gap |",
        "|---|---|---|---|---|",
    ]
    ordered = comparison.ordered()
    for row in ordered:
        lines.append(
            f"| {_cell(row.topic.title)} | {_stance(row.a)} | {_stance(row.b)} "
            f"| {row.relation.value} | {_gap(row)} |"
        )
    for row in ordered:
        lines += ["", f"### {escape(row.topic.title)}", "", f"> {escape(row.topic.question)}", ""]
        for side in (row.a, row.b):
            lines.append(
                f"**{name(side.actor)}: {_stance(side)}**"
                + (f" ({_since(side)}). {escape(side.position.summary)}" if side.position else "")
            )
            if side.no_position is not None:
                lines.append(f"Searched: {escape(side.no_position.searched)}")
            lines.append("")
            if side.position and side.position.grounds:
                lines.append(f"- Grounds: {_grounds(side)}")
            lines += [bullet(s) for s in side.evidence]
            if side.straddling:
                lines += ["", f"Not counted, {STRADDLING}", ""]
            lines += [bullet(s) for s in side.straddling]
            lines.append("")
        for ground in row.shared_grounds:
            lines += [
                f"Both invoke `{ground.instrument}`, read differently:",
                "",
                f"- {left}: {escape(ground.reading_a)}",
                f"- {right}: {escape(ground.reading_b)}",
                "",
            ]
    for number, citation in notes.values():
        source = comparison.source(citation.source)
        lines.append(f"[^{number}]: {_footnote(source, citation)}")
    return "\n".join(lines).rstrip() + "\n"


def matrix_text(matrix: Matrix) -> str:
    """Render a matrix as one line per actor: stance, period and grounds."""
    name = _namer(matrix.actors)
    topic: Topic = matrix.topic
    lines = [f"{topic.title}: {topic.question}", ""]
    lines += _table(
        ["ACTOR", "STANCE", "PERIOD", "GROUNDS"],
        [[name(s.actor), _stance(s), _since(s), _grounds(s)] for s in matrix.sides],
    )
    return "\n".join(lines) + "\n"


def position_lines(
    catalog: Catalog, position: Position, as_of: dt.date | None = None
) -> list[str]:
    """One position as text lines: topic, stance, period, summary, grounds, evidence.

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
    return [f"{topic.title} [{position.id}]", *_side_text(side, name), ""]
