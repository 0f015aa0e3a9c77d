"""Markdown building blocks shared by every generated page.

A :class:`Writer` knows the catalogue and the page being written, so that every link it
makes is relative to that page and every quote carries its attribution and source.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from kashmirref import markup
from kashmirref.catalog import Catalog
from kashmirref.model import (
    Citation,
    Position,
    Record,
    Source,
    Statement,
    StatementForm,
    format_date,
)
from kashmirref.render import press_note
from kashmirref.site.links import href

__all__ = ["Writer", "escape", "figure", "table", "web_link"]


def figure(wide: str, narrow: str | None = None) -> list[str]:
    """Raw SVG as Markdown blocks, each surrounded by blank lines, with none inside.

    With ``narrow`` (the same figure drawn for a phone), the page carries both and the
    stylesheet shows the one that fits the screen (``kr-wide`` / ``kr-narrow``); a wide
    figure fits the text column on wide screens (``kr-fit``).
    """
    if narrow is None:
        return ["", f'<figure class="kr-figure kr-fit">\n{wide}\n</figure>', ""]
    return [
        "",
        f'<figure class="kr-figure kr-fit kr-wide">\n{wide}\n</figure>',
        "",
        f'<figure class="kr-figure kr-narrow">\n{narrow}\n</figure>',
        "",
    ]


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A Markdown table of cells already in Markdown (data text passed through :func:`escape`)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


@attrs.frozen
class Writer:
    """Links and attributed quotes for the page at ``path`` (a Markdown path)."""

    catalog: Catalog
    path: str

    def link(self, record: Record, text: str | None = None) -> str:
        """A Markdown link to where ``record`` is shown, labelled with its name."""
        label = text if text is not None else _label(record)
        return f"[{escape(label)}]({href(self.path, record)})"

    def actor(self, actor_id: str) -> str:
        """A link to an actor's page."""
        return self.link(self.catalog.actor(actor_id))

    def source(self, citation: Citation) -> str:
        """A link to the cited source, with the locator, the copy read and the check date."""
        source = self.catalog.source(citation.source)
        where = f", {citation.locator}" if citation.locator else ""
        text = self.link(source, f"{source.publisher}, {_when(source)}{where}")
        if citation.read_at:
            text += f"; read at {web_link(citation.read_at, 'a copy')}"
        if citation.check_note:
            text += f"; {citation.check_note}"
        return text

    def quote(self, citation: Citation) -> str:
        """The cited words in quotation marks, followed by a link to their source."""
        return f"\u201c{escape(citation.quote)}\u201d ({self.source(citation)})"

    def statement(self, statement: Statement, *, with_speaker: bool = True) -> str:
        """A statement as one line: date, who (for whom), the quote and its source."""
        when = format_date(statement.date, statement.date_precision)
        who = ""
        if with_speaker:
            who = ", " + self.actor(statement.speaker)
            if statement.on_behalf_of != statement.speaker:
                who += f" (for {self.actor(statement.on_behalf_of)})"
        reported = ", as reported" if statement.form is StatementForm.REPORTED else ""
        venue = f", {escape(statement.venue)}" if statement.venue else ""
        note = press_note(self.catalog, statement)
        known = f" *({escape(note)})*" if note else ""
        return f"**{when}**{who}{venue}{reported}: {self.quote(statement.citation)}{known}"

    def evidence(self, position: Position) -> str:
        """A position's evidence, one statement per paragraph, oldest first."""
        statements, _ = self.catalog.evidence(position)
        return "<br><br>".join(self.statement(s) for s in statements)

    def grounds(self, position: Position) -> list[str]:
        """Each ground of a position: the instrument (and provision) and the reading."""
        lines = []
        for ground in position.grounds:
            instrument = self.catalog.instrument(ground.instrument)
            target = self.link(instrument, instrument.title)
            if ground.provision:
                label = instrument.provision(ground.provision).label
                target += f" ({escape(label)})"
            said = self.catalog.statement(ground.statement)
            reading = escape(ground.reading) if ground.reading else "invoked"
            when = format_date(said.date, said.date_precision)
            lines.append(f"{target}: {reading} ({self.link(said, when)})")
        return lines


def _label(record: Record) -> str:
    for field in ("name", "title", "neutral_name"):
        value = getattr(record, field, None)
        if isinstance(value, str):
            return value
    return record.id


def _when(source: Source) -> str:
    return format_date(source.published, source.published_precision)


def web_link(url: str, text: str) -> str:
    """A Markdown link to an http(s) address; any other address is shown as text only."""
    target = markup.url(url)
    if target is None:
        return escape(text)
    return f"[{escape(text)}]({target})"


def escape(text: str) -> str:
    """Keep data text literal in Markdown: no stray emphasis, links, HTML or table breaks.

    See :func:`kashmirref.markup.escape`.
    """
    return markup.escape(text)
