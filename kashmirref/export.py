"""The catalogue as flat tables: CSV (a folder or a zip), JSON Lines, and the codebook.

Researchers work in pandas, R, spreadsheets and DuckDB. :data:`TABLES` defines, once,
every flat table and every column (its type, meaning and allowed values); the CSV and
JSON Lines exports and the codebook page (``docs/codebook.md``) are all generated from
it, so they cannot drift apart. Column order is stable: new columns are only ever
added at the end of a table.

A ``list`` cell is a JSON array of text in a CSV file (``["india", "pakistan"]``) and
a real array in JSON Lines, so an item that contains a comma or a semicolon reads back
as one item. In CSV files only, a text cell that a spreadsheet would run as a formula
(one starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written
with a single quote before it, as is a cell that starts with a single quote, so that
removing one leading quote from every cell that has one gives the text back exactly
(see :func:`inert`). JSON Lines, JSON and :func:`kashmirref.frames.to_frames` keep
the text as it is.

>>> import kashmirref as kr
>>> from kashmirref.export import rows
>>> first = next(rows(kr.load(), "statements"))
>>> ", ".join(list(first)[:4])
'id, date, date_precision, date_last_possible'
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import errno
import io
import json
import os
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

from kashmirref.catalog import Catalog
from kashmirref.errors import InputError
from kashmirref.model import (
    ActorKind,
    EventKind,
    InstrumentKind,
    InstrumentStatus,
    Precision,
    SourceKind,
    StatementForm,
    format_date,
)

__all__ = [
    "FORMATS",
    "TABLES",
    "Column",
    "Table",
    "export",
    "inert",
    "rows",
    "to_csv",
    "to_jsonl",
    "typed_rows",
    "write_atomically",
]

FORMATS = ("json", "jsonl", "csv")
"""The formats :func:`export` writes."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a CSV cell as a formula (OWASP)."""


@attrs.frozen(kw_only=True)
class Column:
    """One column of a flat table, as the codebook documents it.

    Attributes:
        name: The column's header.
        type: ``string``, ``integer``, ``boolean``, ``date`` (ISO ``YYYY-MM-DD``),
            ``category`` (one of ``values``) or ``list`` (a JSON array of text in CSV).
        meaning: What a cell says, in one sentence.
        values: The allowed values of a ``category`` column.
        get: How a cell is read from a row's record (a tuple of text for a ``list``
            column, a :class:`datetime.date` for a ``date`` column).

    """

    name: str
    type: str
    meaning: str
    values: tuple[str, ...] = ()
    get: Callable[[Any, Catalog], object] = attrs.field(eq=False, repr=False)


@attrs.frozen(kw_only=True)
class Table:
    """One flat table: a name, what one row is, its columns and where its rows come from."""

    name: str
    row: str
    columns: tuple[Column, ...]
    records: Callable[[Catalog], Iterator[Any]] = attrs.field(eq=False, repr=False)


def _values(kind: type[enum.Enum]) -> tuple[str, ...]:
    return tuple(str(member.value) for member in kind)


def _items(items: Any) -> tuple[str, ...]:
    return tuple(str(i) for i in items)


def _col(
    name: str,
    type_: str,
    meaning: str,
    get: Callable[[Any, Catalog], object],
    values: tuple[str, ...] = (),
) -> Column:
    return Column(name=name, type=type_, meaning=meaning, values=values, get=get)


def _attr(name: str, type_: str, meaning: str, values: tuple[str, ...] = ()) -> Column:
    return _col(name, type_, meaning, lambda r, _: getattr(r, name), values)


_PRECISION = _values(Precision)


def _name(catalog: Catalog, actor_id: str | None) -> str | None:
    return None if actor_id is None else catalog.actor(actor_id).name


def _pairs(kind: str) -> Callable[[Catalog], Iterator[Any]]:
    """Rows of (parent record, child) for tables of nested records."""

    def records(catalog: Catalog) -> Iterator[Any]:
        if kind == "stances":
            return ((t, s) for t in catalog.topics() for s in t.scale)
        if kind == "provisions":
            return ((i, p) for i in catalog.instruments() for p in i.provisions)
        if kind == "status_changes":
            return ((i, c) for i in catalog.instruments() for c in i.status_history)
        if kind == "codes":
            return ((s, c) for s in catalog.statements() for c in s.codes)
        if kind == "invocations":
            return ((s, i) for s in catalog.statements() for i in s.invokes)
        return ((t, n) for t in catalog.terms() for n in t.names)

    return records


def _citations(catalog: Catalog) -> Iterator[tuple[str, Any, int, Any]]:
    """Rows of (kind, record, place, citation) for every citation of every record."""
    cited: tuple[tuple[str, tuple[Any, ...]], ...] = (
        ("statement", catalog.statements()),
        ("event", catalog.events()),
        ("instrument", catalog.instruments()),
    )
    for kind, records in cited:
        for record in records:
            for place, citation in enumerate(record.citations):
                yield kind, record, place, citation


def _citation_columns(citation: Callable[[Any], Any]) -> tuple[Column, ...]:
    """The locator, checked and read_at columns of the citation ``citation`` finds in a row."""
    return (
        _col(
            "locator",
            "string",
            "Where in the source (page, paragraph), if given.",
            lambda r, _: citation(r).locator,
        ),
        _col(
            "checked",
            "date",
            "The day the quote was last checked against the copy read.",
            lambda r, _: citation(r).checked,
        ),
        _col(
            "read_at",
            "string",
            "The address of the copy read, when not the source's own.",
            lambda r, _: citation(r).read_at,
        ),
    )


_OF_STATEMENT = (
    _col("statement", "string", "The statement's id.", lambda r, _: r[0].id),
    _col("actor", "string", "The actor it speaks for.", lambda r, _: r[0].on_behalf_of),
    _col("date", "date", "The statement's date.", lambda r, _: r[0].date),
)
"""The columns that name the statement a row of a per-statement table belongs to."""

TABLES: tuple[Table, ...] = (
    Table(
        name="statements",
        row="one dated statement, with its first citation (where the words were found)",
        records=lambda c: iter(c.statements()),
        columns=(
            _attr("id", "string", "The statement's id."),
            _attr("date", "date", "The date, as its first day when only a month or year is known."),
            _attr("date_precision", "category", "How much of the date is known.", _PRECISION),
            _col(
                "date_last_possible",
                "date",
                "The last day the statement could have been made; it is on record from then.",
                lambda s, _: s.last_possible,
            ),
            _col(
                "date_text",
                "string",
                "The date in words, no more precise than known.",
                lambda s, _: format_date(s.date, s.date_precision),
            ),
            _attr("speaker", "string", "The id of the actor who spoke."),
            _col("speaker_name", "string", "The speaker's name.", lambda s, c: _name(c, s.speaker)),
            _attr("on_behalf_of", "string", "The id of the actor the speaker spoke for."),
            _col(
                "on_behalf_of_name",
                "string",
                "The name of the actor spoken for.",
                lambda s, c: _name(c, s.on_behalf_of),
            ),
            _attr("form", "category", "How the source carries the words.", _values(StatementForm)),
            _col(
                "topics",
                "list",
                "The topic ids the words speak to (see the codes table for each stance).",
                lambda s, _: _items(s.topics),
            ),
            _col(
                "quote",
                "string",
                "The verbatim words, as the first citation gives them.",
                lambda s, _: s.text,
            ),
            _col(
                "source",
                "string",
                "The id of the source the words were found in.",
                lambda s, _: s.citation.source,
            ),
            _col(
                "source_title",
                "string",
                "That source's title.",
                lambda s, c: c.source(s.citation.source).title,
            ),
            _col(
                "source_kind",
                "category",
                "Primary (the document) or secondary (a report).",
                lambda s, c: c.source(s.citation.source).kind,
                _values(SourceKind),
            ),
            _col(
                "source_url",
                "string",
                "That source's web address, if any.",
                lambda s, c: c.source(s.citation.source).url,
            ),
            *_citation_columns(lambda s: s.citation),
            _attr("venue", "string", "Where the statement was made, if recorded."),
        ),
    ),
    Table(
        name="positions",
        row="one actor's stance on one topic over one period",
        records=lambda c: iter(c.positions()),
        columns=(
            _attr("id", "string", "The position's id."),
            _attr("actor", "string", "The id of the actor whose position it is."),
            _col("actor_name", "string", "The actor's name.", lambda p, c: _name(c, p.actor)),
            _attr("topic", "string", "The topic id."),
            _col(
                "topic_title", "string", "The topic's title.", lambda p, c: c.topic(p.topic).title
            ),
            _attr("stance", "string", "The stance's label on the topic's scale."),
            _col(
                "stance_rank",
                "integer",
                "The stance's place on the scale, from 0.",
                lambda p, c: c.topic(p.topic).stance(p.stance).value,
            ),
            _col(
                "scale_size",
                "integer",
                "How many stances the topic's scale has.",
                lambda p, c: len(c.topic(p.topic).scale),
            ),
            _attr("valid_from", "date", "The first (possible) day of the period."),
            _attr(
                "valid_from_precision", "category", "How much of valid_from is known.", _PRECISION
            ),
            _attr("last_stated", "date", "The date of the latest statement expressing it."),
            _attr(
                "last_stated_precision",
                "category",
                "How much of last_stated is known.",
                _PRECISION,
            ),
            _attr(
                "valid_to",
                "date",
                "The date of the statement that expressed another stance; empty while it holds.",
            ),
            _col(
                "valid_to_precision",
                "category",
                "How much of valid_to is known.",
                lambda p, _: None if p.valid_to is None else p.valid_to_precision,
                _PRECISION,
            ),
            _col(
                "period",
                "string",
                "The period in words, as precise as its dates.",
                lambda p, _: p.period,
            ),
            _col(
                "grounds",
                "list",
                "The instruments (and provisions) its statements invoke.",
                lambda p, _: _items(dict.fromkeys(g.clause for g in p.grounds)),
            ),
            _col(
                "evidence",
                "list",
                "The ids of the statements that evidence it.",
                lambda p, _: _items(p.evidence),
            ),
        ),
    ),
    Table(
        name="codes",
        row="the stance one statement's words express on one topic, or a mention",
        records=_pairs("codes"),
        columns=(
            *_OF_STATEMENT,
            _col("topic", "string", "The topic's id.", lambda r, _: r[1].topic),
            _col(
                "stance",
                "string",
                "The stance the words express; empty for a mention.",
                lambda r, _: r[1].stance,
            ),
        ),
    ),
    Table(
        name="invocations",
        row="one instrument a statement's words invoke, and how the speaker reads it",
        records=_pairs("invocations"),
        columns=(
            *_OF_STATEMENT,
            _col("instrument", "string", "The instrument invoked.", lambda r, _: r[1].instrument),
            _col(
                "provision", "string", "The provision invoked, if one.", lambda r, _: r[1].provision
            ),
            _col("reading", "string", "How the speaker reads it.", lambda r, _: r[1].reading),
        ),
    ),
    Table(
        name="no_positions",
        row="an explicit finding that no stated position was found",
        records=lambda c: iter(c.no_positions()),
        columns=(
            _attr("id", "string", "The record's id."),
            _attr("actor", "string", "The actor searched for."),
            _attr("topic", "string", "The topic searched on."),
            _attr("start", "date", "The first day of the period searched."),
            _attr("end", "date", "The last day of the period searched."),
            _attr("searched", "string", "What was searched, and where."),
            _attr("checked", "date", "When the search was made."),
        ),
    ),
    Table(
        name="actors",
        row="a state, organisation, organ, office, person or group",
        records=lambda c: iter(c.actors()),
        columns=(
            _attr("id", "string", "The actor's id."),
            _attr("name", "string", "The actor's name."),
            _attr("kind", "category", "What sort of actor.", _values(ActorKind)),
            _attr("parent", "string", "The actor it belongs to or speaks for, if any."),
            _col("aliases", "list", "Other names.", lambda a, _: _items(a.aliases)),
        ),
    ),
    Table(
        name="topics",
        row="a question the actors answer differently",
        records=lambda c: iter(c.topics()),
        columns=(
            _attr("id", "string", "The topic's id."),
            _attr("title", "string", "Its short title."),
            _attr("question", "string", "The question, in neutral words."),
            _attr("core", "boolean", "Whether India and Pakistan must both be covered."),
            _attr("opens", "date", "The day the question can first be put, if it has one."),
            _col(
                "scale",
                "list",
                "The stance labels, in rank order.",
                lambda t, _: _items(s.label for s in t.scale),
            ),
        ),
    ),
    Table(
        name="stances",
        row="one point of a topic's ordered scale",
        records=_pairs("stances"),
        columns=(
            _col("topic", "string", "The topic's id.", lambda r, _: r[0].id),
            _col(
                "rank",
                "integer",
                "The stance's place on the scale, from 0.",
                lambda r, _: r[1].value,
            ),
            _col("label", "string", "The stance's label.", lambda r, _: r[1].label),
            _col("meaning", "string", "What the stance means.", lambda r, _: r[1].meaning),
            _col(
                "rules",
                "string",
                "The codebook's rules: what counts, what does not, the neighbours.",
                lambda r, _: r[1].rules,
            ),
            _col(
                "anchors",
                "list",
                "Statements coded with this stance, as clear examples.",
                lambda r, _: _items(r[1].anchors),
            ),
        ),
    ),
    Table(
        name="instruments",
        row="an agreement, declaration, treaty, Charter article or UN resolution",
        records=lambda c: iter(c.instruments()),
        columns=(
            _attr("id", "string", "The instrument's id."),
            _attr("kind", "category", "Its form.", _values(InstrumentKind)),
            _attr("number", "integer", "The UNSC resolution number, if one."),
            _attr("title", "string", "Its title."),
            _attr("date", "date", "The date of adoption or signature."),
            _col("parties", "list", "The ids of its parties.", lambda i, _: _items(i.parties)),
            _col(
                "status",
                "category",
                "The latest status not declared by one party alone.",
                lambda i, _: i.status,
                _values(InstrumentStatus),
            ),
            _attr("vote", "string", "The vote, for a resolution."),
            _col(
                "source",
                "string",
                "The id of its first cited source.",
                lambda i, _: i.citations[0].source,
            ),
            _attr("summary", "string", "A neutral summary, if any."),
        ),
    ),
    Table(
        name="provisions",
        row="one clause of an instrument",
        records=_pairs("provisions"),
        columns=(
            _col("instrument", "string", "The instrument's id.", lambda r, _: r[0].id),
            _col("id", "string", "The provision's id within it.", lambda r, _: r[1].id),
            _col("label", "string", "Its label in the text.", lambda r, _: r[1].label),
            _col("text", "string", "Its verbatim text.", lambda r, _: r[1].text),
        ),
    ),
    Table(
        name="status_changes",
        row="a status an instrument took, or one party's declaration about it",
        records=_pairs("status_changes"),
        columns=(
            _col("instrument", "string", "The instrument's id.", lambda r, _: r[0].id),
            _col("date", "date", "The date.", lambda r, _: r[1].date),
            _col(
                "status",
                "category",
                "The status.",
                lambda r, _: r[1].status,
                _values(InstrumentStatus),
            ),
            _col(
                "declared_by",
                "string",
                "Who declared it, if recorded.",
                lambda r, _: r[1].declared_by,
            ),
            _col(
                "unilateral",
                "boolean",
                "One party's declaration about its own performance.",
                lambda r, _: r[1].unilateral,
            ),
            _col(
                "condition",
                "string",
                "What a conditional declaration depends on.",
                lambda r, _: r[1].condition,
            ),
            _col(
                "source", "string", "The id of the source cited.", lambda r, _: r[1].citation.source
            ),
        ),
    ),
    Table(
        name="events",
        row="a dated happening the positions refer to",
        records=lambda c: iter(c.events()),
        columns=(
            _attr("id", "string", "The event's id."),
            _attr("date", "date", "The date (its first day when only a month or year is known)."),
            _attr("date_precision", "category", "How much of the date is known.", _PRECISION),
            _attr("end_date", "date", "The last day, for an event that lasted."),
            _attr("kind", "category", "What sort of event.", _values(EventKind)),
            _attr("title", "string", "Its title."),
            _col(
                "actors", "list", "The ids of the actors involved.", lambda e, _: _items(e.actors)
            ),
            _col(
                "source",
                "string",
                "The id of its first cited source.",
                lambda e, _: e.citations[0].source,
            ),
            _attr("summary", "string", "A neutral summary."),
        ),
    ),
    Table(
        name="terms",
        row="one name an actor uses for a place or thing",
        records=_pairs("terms"),
        columns=(
            _col("term", "string", "The term's id.", lambda r, _: r[0].id),
            _col(
                "neutral_name",
                "string",
                "The name the library uses.",
                lambda r, _: r[0].neutral_name,
            ),
            _col("actor", "string", "The id of the actor using the name.", lambda r, _: r[1].actor),
            _col("name", "string", "The name that actor uses.", lambda r, _: r[1].name),
            _col(
                "source",
                "string",
                "The id of the source attesting it, if cited.",
                lambda r, _: None if r[1].citation is None else r[1].citation.source,
            ),
        ),
    ),
    Table(
        name="sources",
        row="a document the catalogue cites",
        records=lambda c: iter(c.sources()),
        columns=(
            _attr("id", "string", "The source's id."),
            _attr("title", "string", "Its title."),
            _attr("publisher", "string", "Who published it."),
            _attr("published", "date", "When (its first day when only a month or year is known)."),
            _attr("published_precision", "category", "How much of the date is known.", _PRECISION),
            _attr(
                "kind",
                "category",
                "Primary (the document) or secondary (a report).",
                _values(SourceKind),
            ),
            _attr("url", "string", "Its web address, if any."),
        ),
    ),
    Table(
        name="citations",
        row="one citation of a statement, event or instrument: every one, not only the first",
        records=_citations,
        columns=(
            _col(
                "kind",
                "category",
                "The kind of record cited for.",
                lambda r, _: r[0],
                ("statement", "event", "instrument"),
            ),
            _col("record", "string", "That record's id.", lambda r, _: r[1].id),
            _col(
                "place",
                "integer",
                "Its place among the record's citations, from 0 (for a statement, 0 is where "
                "the words were found).",
                lambda r, _: r[2],
            ),
            _col("source", "string", "The id of the source cited.", lambda r, _: r[3].source),
            _col("quote", "string", "The verbatim words in that source.", lambda r, _: r[3].quote),
            *_citation_columns(lambda r: r[3]),
        ),
    ),
)
"""Every flat table, in export order."""


def _umask() -> int:
    """The current umask (read by setting it and setting it back, under a lock)."""
    with _UMASK_LOCK:
        umask = os.umask(0o022)
        os.umask(umask)
    return umask


def _new_file_mode() -> int:
    """The mode a plain ``open()`` would give a new file under the current umask."""
    return 0o666 & ~_umask()


_UMASK_LOCK = threading.Lock()


def write_atomically(path: str | os.PathLike[str], data: str | bytes) -> None:
    """Write ``data`` to ``path`` so that it is never seen half-written.

    The bytes go to a temporary file in the same folder, which then replaces ``path``
    in one step (:func:`os.replace`); on any error the temporary file is removed and
    ``path`` is left as it was. A symbolic link is written through (the file it points
    to is replaced, the link kept); a path that is not a regular file (a FIFO, a device
    such as ``/dev/stdout``) is written to directly, never replaced. A new file gets the
    mode the umask allows, an existing one keeps its own.
    """
    given = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if given.exists() and not given.is_file():  # links followed: a FIFO, a device, a pipe
        with open(given, "wb") as stream:
            stream.write(raw)
        return
    target = Path(os.path.realpath(given))  # through a link, to the file it names
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as error:
        raise OSError(error.errno, error.strerror, os.fspath(target)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(raw)
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        mode = target.stat().st_mode & 0o777 if target.exists() else _new_file_mode()
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


_BY_NAME = {table.name: table for table in TABLES}


def _value(value: object) -> object:
    """A cell as a plain Python value: enums as their value, the rest as it is."""
    return value.value if isinstance(value, enum.Enum) else value


def _cell(value: object) -> object:
    """A cell as plain JSON data: dates as ISO text, lists as lists."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def inert(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet runs: a quote before a formula's first character.

    A cell starting with one of :data:`FORMULA_STARTS`, or with a single quote, gets a
    single quote in front (``=1+1`` is written ``'=1+1``, ``'x`` as ``''x``); any other
    cell is unchanged. Removing the first character of every cell that starts with a
    single quote gives the original text back.
    """
    return "'" + text if text.startswith((*FORMULA_STARTS, "'")) else text


def _csv_cell(value: object) -> object:
    """A cell of a CSV file: empty for none, a JSON array for a list, text made inert."""
    if value is None:
        return ""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str):
        return inert(value)
    return value


def _spec(name: str) -> Table:
    spec = _BY_NAME.get(name)
    if spec is None:
        raise InputError(f"unknown table {name!r}; use one of {', '.join(_BY_NAME)}")
    return spec


def typed_rows(catalog: Catalog, table: str) -> Iterator[dict[str, object]]:
    """The rows of one flat table as dicts of Python values, columns in their stable order.

    Missing values are ``None``; dates are :class:`datetime.date`; a ``category`` cell
    is its text (an enum's value); a ``list`` cell is a tuple of text (empty when the
    record lists nothing). :func:`rows` and :func:`kashmirref.frames.to_frames` are
    both made from these rows. An unknown table name raises
    :class:`~kashmirref.errors.InputError`.
    """
    spec = _spec(table)
    for record in spec.records(catalog):
        yield {column.name: _value(column.get(record, catalog)) for column in spec.columns}


def rows(catalog: Catalog, table: str) -> Iterator[dict[str, object]]:
    """The rows of one flat table as dicts, columns in their stable order.

    Missing values are ``None``; dates are ISO text; a ``list`` cell is a list of text.
    An unknown table name raises :class:`~kashmirref.errors.InputError`.
    """
    for row in typed_rows(catalog, table):
        yield {name: _cell(value) for name, value in row.items()}


def _csv_text(catalog: Catalog, table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([column.name for column in table.columns])
    for row in rows(catalog, table.name):
        writer.writerow([_csv_cell(value) for value in row.values()])
    return buffer.getvalue()


def to_csv(catalog: Catalog) -> dict[str, str]:
    """Every flat table as CSV text (UTF-8, a header row, Unix line ends), by file name.

    Lists are JSON arrays and formula-like text is made :func:`inert`.
    """
    return {f"{table.name}.csv": _csv_text(catalog, table) for table in TABLES}


def to_jsonl(catalog: Catalog) -> str:
    """Every row of every flat table as one JSON object per line, with a ``table`` key."""
    lines = [
        json.dumps({"table": table.name, **row}, ensure_ascii=False)
        for table in TABLES
        for row in rows(catalog, table.name)
    ]
    return "\n".join(lines) + "\n"


def export(catalog: Catalog, format: str, output: str | os.PathLike[str] | None = None) -> str:
    """Write ``catalog`` as ``json``, ``jsonl`` or ``csv``; return the text (or the path).

    Without ``output`` the JSON or JSON Lines text is returned. With it, the file is
    written atomically (never seen half-written). CSV needs ``output``: a path ending
    in ``.zip`` (in any case) gets one zip of every table; any other path is a folder
    holding one ``<table>.csv`` per table, written whole in a new folder beside it that
    then takes its place, so that old and new tables are never mixed (a folder holding
    anything else is refused). Whatever the format, the folder the output goes in must
    exist.
    """
    if format not in FORMATS:
        raise InputError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    if format == "csv":
        if output is None:
            raise InputError("CSV is written as a folder or a .zip: give an output path")
        return _write_csv(catalog, Path(output))
    text = catalog.to_json() if format == "json" else to_jsonl(catalog)
    if output is not None:
        write_atomically(output, text)
        return os.fspath(output)
    return text


def _write_csv(catalog: Catalog, output: Path) -> str:
    tables = to_csv(catalog)
    if output.suffix.lower() == ".zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in tables.items():
                info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, text.encode("utf-8"))
        write_atomically(output, buffer.getvalue())
        return os.fspath(output)
    _write_folder(output, tables)
    return os.fspath(output)


def _write_folder(output: Path, tables: dict[str, str]) -> None:
    """Write ``tables`` as the files of folder ``output``, replacing it whole.

    The tables go to a new folder beside ``output``; only when every one is written
    does it take the old folder's place (two renames), and the old one is removed. A
    failure on the way leaves the old folder as it was, and no new folder. A symbolic
    link to a folder is written through: the folder it names is replaced, the link kept.
    """
    output = Path(os.path.realpath(output))
    if output.exists() and not output.is_dir():
        raise OSError(errno.ENOTDIR, "exists and is not a folder", os.fspath(output))
    if output.is_dir():
        others = sorted(p.name for p in output.iterdir() if p.name not in tables)
        if others:
            raise OSError(
                errno.EEXIST,
                f"the folder holds other files ({', '.join(others[:3])}): "
                "choose a new or empty folder, or one an earlier export wrote",
                os.fspath(output),
            )
    parent = output.parent
    try:
        fresh = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=parent))
    except OSError as error:
        raise OSError(error.errno, error.strerror, os.fspath(output)) from None
    old = parent / f"{fresh.name}.old"
    try:
        for name, text in tables.items():
            (fresh / name).write_text(text, encoding="utf-8")
        mode = output.stat().st_mode & 0o777 if output.is_dir() else 0o777 & ~_umask()
        os.chmod(fresh, mode)
        if output.is_dir():
            os.rename(output, old)
        os.rename(fresh, output)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        if old.exists() and not output.exists():
            os.rename(old, output)  # put the old tables back
        raise
    shutil.rmtree(old, ignore_errors=True)
