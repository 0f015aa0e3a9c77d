"""The ``kashmirref`` command line (also ``python -m kashmirref``).

Exit status: 0 on success, 1 when ``check`` finds problems in data files, 2 on a
usage error, an unknown id, a file that cannot be read or written, or data that cannot
be loaded. Ids may be given as people write them: in any case, or by name or alias
(``Pakistan``, ``"Government of India"``, ``OIC``); a resolution by its number
(``show 47``). Options such as ``--data`` go before or after the command.
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from kashmirref.catalog import Catalog
from kashmirref.errors import DataError, InputError, UnknownIdError
from kashmirref.model import RECORD_TYPES, ActorKind, Record
from kashmirref.terminal import COLUMN_MOST, visible, visible_json, visible_lines

__all__ = ["main"]


def _when(text: str) -> str:
    """An ISO date at any precision (``2019``, ``2019-08``, ``2019-08-05``), checked."""
    from kashmirref.dates import parse_date

    try:
        parse_date(text)
    except InputError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def _path(text: str) -> str:
    """An output path: anything but the empty string (which would mean the current folder)."""
    if not text:
        raise argparse.ArgumentTypeError("an empty path: give a file or folder name")
    return text


def _catalog(args: argparse.Namespace) -> Catalog:
    from kashmirref.io import load

    catalog = load([*args.data, *getattr(args, "data_after", [])])
    if getattr(args, "as_of", None) is not None:
        _in_the_record(catalog, args.as_of)
    return catalog


def _in_the_record(catalog: Catalog, text: str) -> None:
    """Refuse an ``--as-of`` before the record's first entry or after today."""
    from kashmirref.dates import as_date
    from kashmirref.model import format_date

    entries = catalog.timeline()
    if entries and as_date(text) < entries[0].date:
        first = format_date(entries[0].date, entries[0].date_precision)
        raise InputError(f"--as-of {text} is before the record begins ({first})")
    if as_date(text, end=False) > dt.date.today():
        raise InputError(f"--as-of {text} is in the future: nothing is on record then")


def _emit(text: str, *, data: bool = False, json_text: bool = False) -> None:
    """Write ``text`` and a line end to stdout, control characters escaped.

    Text for people goes through stdout's own encoding (unencodable characters are shown
    as escapes, see :func:`main`); ``data`` (JSON, JSON Lines, Markdown, BibTeX, the
    schema) is written as UTF-8 bytes whatever the terminal's encoding, so that
    ``kashmirref export > f.json`` gives a file ``check`` reads on any system.
    ``json_text`` escapes with JSON's own escapes, so that JSON stays valid.
    """
    text = visible_json(text) if json_text else visible_lines(text)
    text = text if text.endswith("\n") else text + "\n"
    raw = getattr(sys.stdout, "buffer", None) if data else None
    if raw is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    raw.write(text.encode("utf-8"))


def _find(catalog: Catalog, text: str, kind: str | None = None) -> Record:
    """The record ``text`` names; when it names several, say on stderr which was taken."""
    record = catalog.lookup(text, kind)
    others = catalog.matches(text, kind)[1:]
    if others:
        also = ", ".join(f"{_KINDS[type(r).__name__]} {r.id}" for r in others)
        sys.stderr.write(
            f"kashmirref: {visible(text)!r} also names {also}; "
            f"using {_KINDS[type(record).__name__]} {record.id} (give an id to choose)\n"
        )
    return record


_KINDS = {kind.__name__: table for table, kind in RECORD_TYPES.items()}


def _actor(catalog: Catalog, text: str) -> str:
    return _find(catalog, text, "actor").id


def _topic(catalog: Catalog, text: str) -> str:
    return _find(catalog, text, "topic").id


# Mutation testing (scripts/mutation.sh) covers the exit statuses: what the commands
# print is left to the tests of the modules that write it.
# pragma: no mutate start
# ------------------------------------------------------------------ commands


def _compare(args: argparse.Namespace) -> int:
    from kashmirref.comparison import compare
    from kashmirref.render import comparison_text

    catalog = _catalog(args)
    topics = None if args.topic is None else [_topic(catalog, t) for t in args.topic]
    result = compare(
        catalog,
        _actor(catalog, args.a),
        _actor(catalog, args.b),
        topics=topics,
        as_of=args.as_of,
    )
    detail = args.detail or args.topic is not None
    render: dict[str, Callable[[], str]] = {
        "text": lambda: comparison_text(result, detail=detail),
        "markdown": result.to_markdown,
        "json": result.to_json,
    }
    _emit(render[args.format](), data=args.format != "text", json_text=args.format == "json")
    return 0


def _matrix(args: argparse.Namespace) -> int:
    from kashmirref.comparison import holders, matrix

    catalog = _catalog(args)
    topic = _topic(catalog, args.topic)
    if args.actors:
        actors = [_actor(catalog, a) for a in args.actors]
    else:
        actors = list(holders(catalog, topic, kinds=args.actor_kind or (), as_of=args.as_of))
    result = matrix(catalog, actors, topic, as_of=args.as_of)
    as_json = args.format == "json"
    _emit(result.to_json() if as_json else str(result), data=as_json, json_text=as_json)
    return 0


def _outline(value: Any, indent: str = "") -> list[str]:
    """Plain data as indented ``key: value`` lines, for people."""
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list):
                lines.append(f"{indent}{key}:")
                lines += _outline(item, indent + "  ")
            else:
                lines.append(f"{indent}{key}: {visible(str(item))}")
    elif isinstance(value, list):
        for item in value:
            inner = _outline(item, indent + "  ")
            if inner:
                lines.append(f"{indent}- {inner[0].strip()}")
                lines += inner[1:]
    else:
        lines.append(f"{indent}{visible(str(value))}")
    return lines


def _cited(value: Any) -> set[str]:
    """Every source id under a ``source`` key anywhere in plain data."""
    if isinstance(value, list):
        return set().union(*(_cited(v) for v in value))
    if isinstance(value, dict):
        found = {value["source"]} if isinstance(value.get("source"), str) else set()
        return found.union(*(_cited(v) for v in value.values()))
    return set()


def _show(args: argparse.Namespace) -> int:
    from kashmirref.io import unstructure
    from kashmirref.model import Precision, Statement, format_date
    from kashmirref.render import press_note

    catalog = _catalog(args)
    record = _find(catalog, args.id)
    data = unstructure(record)
    if args.format == "json":
        _emit(json.dumps(data, indent=2, ensure_ascii=False), data=True, json_text=True)
        return 0
    kind = type(record).__name__
    shown = {k: v for k, v in data.items() if k != "id" and not k.endswith("_precision")}
    for key in shown:
        # dates in words, as precisely as they are known: never a day for a month
        when = getattr(record, key, None)
        if isinstance(when, dt.date):
            shown[key] = format_date(when, getattr(record, f"{key}_precision", Precision.DAY))
    lines = [f"{kind} {record.id}", *_outline(shown, "  ")]
    lines += _invoked_by(catalog, record.id) if kind == "Instrument" else []
    note = press_note(catalog, record) if isinstance(record, Statement) else None
    lines += [f"  copies: {note}"] if note else []
    sources = [catalog.source(i) for i in sorted(_cited(data))]
    if sources:
        lines.append("  sources cited:")
        lines += [f"    {s.id}: {s.title} ({s.publisher})" for s in sources]
    _emit("\n".join(lines))
    return 0


def _invoked_by(catalog: Catalog, instrument_id: str) -> list[str]:
    """Who invoked an instrument, clause by clause in the instrument's order, and when."""
    from kashmirref.model import format_date

    found = catalog.invocations(instrument_id)
    labels = {p.id: p.label for p in catalog.instrument(instrument_id).provisions}
    lines = [f"  invoked by ({len(found)}), clause by clause:"] if found else []
    for clause in [*labels, None]:
        here = [i for i in found if i.provision == clause]
        if here:
            heading = f"{labels[clause]} ({clause})" if clause else "the instrument as a whole"
            lines.append(f"    {heading}:")
            for i in here:
                when = format_date(i.statement.date, i.statement.date_precision)
                lines.append(f"      {when}: {catalog.actor(i.actor).name} [{i.statement.id}]")
                reading = i.invocation.reading
                lines += [f"        reading: {reading}"] if reading else []
    return lines


def _timeline(args: argparse.Namespace) -> int:
    from kashmirref.model import Statement, format_date

    catalog = _catalog(args)
    topic = None if args.topic is None else _topic(catalog, args.topic)
    for entry in catalog.timeline(start=args.start, end=args.end):
        if isinstance(entry, Statement):
            if topic is not None and topic not in entry.topics:
                continue
            who = catalog.actor(entry.speaker).name
            text = f"statement  {who}: \u201c{visible(entry.text)}\u201d"
        else:
            if topic is not None:
                continue
            text = f"{entry.kind.value:<10} {entry.title}"
        _emit(f"{format_date(entry.date, entry.date_precision):>17}  {text}")
    return 0


def _positions(args: argparse.Namespace) -> int:
    from kashmirref.dates import as_date
    from kashmirref.render import position_lines

    catalog = _catalog(args)
    actor = _actor(catalog, args.actor)
    topic = None if args.topic is None else _topic(catalog, args.topic)
    as_of = None if args.as_of is None else as_date(args.as_of, "--as-of")
    found = catalog.positions(actor=actor, topic=topic, as_of=as_of)
    for position in found:
        _emit("\n".join(position_lines(catalog, position, as_of)))
    if not found:
        _emit(f"no positions of {actor!r} recorded for these filters")
    return 0


def _rows(
    kind: str, catalog: Catalog, actor_kind: str | None = None
) -> Iterator[tuple[str, str, str]]:
    """``(id, name, detail)`` for each record of ``kind``, in the catalogue's order."""
    from kashmirref.model import format_date

    if kind == "actors":
        for actor in catalog.actors(actor_kind):
            yield actor.id, actor.name, ", ".join([actor.kind.value, *actor.aliases])
    elif kind == "topics":
        for topic in catalog.topics():
            yield topic.id, topic.title, "scale: " + ", ".join(s.label for s in topic.scale)
    elif kind == "instruments":
        for ins in catalog.instruments():
            yield ins.id, ins.title, f"{ins.kind.value}, {format_date(ins.date)}"
    elif kind == "sources":
        for source in catalog.sources():
            when = format_date(source.published, source.published_precision)
            yield source.id, source.title, f"{source.kind.value}, {source.publisher}, {when}"
    elif kind == "events":
        for event in catalog.events():
            when = format_date(event.date, event.date_precision)
            yield event.id, event.title, f"{event.kind.value}, {when}"
    else:
        for said in catalog.statements():
            when = format_date(said.date, said.date_precision)
            name = catalog.actor(said.speaker).name
            yield said.id, f"{name}, {when}", ", ".join(said.topics)


def _list(args: argparse.Namespace) -> int:
    rows = list(_rows(args.kind, _catalog(args), args.actor_kind))
    if args.format == "json":
        keys = ("id", "name", "detail")
        found = [dict(zip(keys, r, strict=True)) for r in rows]
        _emit(json.dumps(found, ensure_ascii=False), data=True, json_text=True)
        return 0
    width = min(max((len(r[0]) for r in rows), default=0), COLUMN_MOST)
    for record_id, name, detail in rows:
        _emit(f"{record_id:<{width}}  {name}" + (f"  ({detail})" if detail else ""))
    return 0


# pragma: no mutate end


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _check(args: argparse.Namespace) -> int:
    from kashmirref.io import load

    paths = [*args.paths, *args.data, *args.data_after]  # --data files are checked too
    try:
        catalog = load(paths, include_shipped=not args.alone)
    except DataError as error:
        for problem in error.problems:
            _emit(str(problem))
        sys.stderr.write(f"{_plural(len(error.problems), 'problem')} found\n")
        return 1
    _emit(f"ok: {_plural(len(catalog), 'record')} valid")
    return 0


def _export(args: argparse.Namespace) -> int:
    from kashmirref.export import export

    catalog = _catalog(args)
    _refuse_to_overwrite_an_input(args)
    if args.output is None:
        if args.format == "csv":
            raise InputError("CSV is written as a folder or a .zip: give -o PATH")
        _emit(export(catalog, args.format), data=True, json_text=True)
        return 0
    try:
        export(catalog, args.format, args.output)
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(f"cannot write {visible(args.output)}: {reason}") from None
    return 0


def _refuse_to_overwrite_an_input(args: argparse.Namespace) -> None:
    """Stop before writing over one of the data files the command reads."""
    if args.output is None:
        return
    output = os.path.realpath(args.output)
    for given in [*args.data, *getattr(args, "data_after", [])]:
        if os.path.realpath(given) == output:
            raise InputError(
                f"{visible(args.output)} is an input of this command: choose another -o"
            )


# pragma: no mutate start
def _cite(args: argparse.Namespace) -> int:
    from kashmirref.citing import cite

    _emit(cite(args.format), data=args.format == "bibtex")
    return 0


def _diff(args: argparse.Namespace) -> int:
    from kashmirref.changes import diff

    result = diff(args.old, args.new)
    as_json = args.format == "json"
    _emit(result.to_json() if as_json else result.to_text(), data=as_json, json_text=as_json)
    return 0


# pragma: no mutate end


def _schema(args: argparse.Namespace) -> int:
    from kashmirref.data_schema import schema_json
    from kashmirref.export import write_atomically

    text = schema_json()
    if args.output is None:
        _emit(text, data=True, json_text=True)
        return 0
    try:
        write_atomically(args.output, text)
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError(f"cannot write {visible(args.output)}: {reason}") from None
    return 0


# pragma: no mutate start
# ------------------------------------------------------------------ the parser


def _data_option(parser: argparse.ArgumentParser, dest: str) -> None:
    parser.add_argument(
        "--data",
        dest=dest,
        action="append",
        default=[],
        metavar="FILE",
        help="add a TOML or JSON data file of your own (repeatable; before or after the command)",
    )


def _parser() -> argparse.ArgumentParser:
    from kashmirref import __version__
    from kashmirref.citing import DATA_VERSION

    parser = argparse.ArgumentParser(
        prog="kashmirref",
        description="Who said what, when, on which question in the Jammu and Kashmir question.",
        epilog="Ids may be given in any case, or by name or alias: 'Pakistan', 'OIC'.",
    )
    parser.add_argument(
        "--version", action="version", version=f"kashmirref {__version__} (data {DATA_VERSION})"
    )
    _data_option(parser, "data")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(
        name: str, run: Callable[[argparse.Namespace], int], help: str, *, reads_data: bool = True
    ) -> Any:
        sub = commands.add_parser(name, help=help, description=help)
        if reads_data:
            _data_option(sub, "data_after")
        sub.set_defaults(run=run, reads_data=reads_data, data_after=[])
        return sub

    def kind_option(sub: Any, help: str, *, many: bool = False) -> None:
        kinds = [k.value for k in ActorKind]
        sub.add_argument(
            "--kind",
            dest="actor_kind",
            metavar="KIND",
            choices=kinds,
            action="append" if many else "store",
            help=f"{help} ({', '.join(kinds)})",
        )

    when = "YYYY, YYYY-MM or YYYY-MM-DD"
    p = command("compare", _compare, "compare two actors topic by topic")
    p.add_argument("a", help="first actor: id, name or alias, e.g. pakistan")
    p.add_argument("b", help="second actor, e.g. india")
    p.add_argument("--topic", action="append", help="limit to this topic (repeatable)")
    p.add_argument(
        "--as-of",
        type=_when,
        metavar="DATE",
        help=f"compare the positions on record on DATE ({when}; a year or month means its "
        "last day)",
    )
    p.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    p.add_argument(
        "--detail",
        action="store_true",
        help="with text: each side's grounds and quoted evidence under the summary "
        "(always shown with --topic)",
    )

    p = command("matrix", _matrix, "every actor's stance on one topic, side by side")
    p.add_argument("topic", help="topic: id or title, e.g. plebiscite")
    p.add_argument(
        "actors",
        nargs="*",
        metavar="ACTOR",
        help="actors to show (default: every actor with a stance on the topic)",
    )
    kind_option(p, "without ACTOR arguments: only actors of this kind (repeatable)", many=True)
    p.add_argument(
        "--as-of",
        type=_when,
        metavar="DATE",
        help=f"the stances on record on DATE ({when}; a year or month means its last day)",
    )
    p.add_argument("--format", choices=["text", "json"], default="text")

    p = command("show", _show, "show any record by id, name or resolution number")
    p.add_argument("id", help="record id, name or UNSC resolution number: simla-1972, 47")
    p.add_argument("--format", choices=["text", "json"], default="text")

    p = command("timeline", _timeline, "events and statements in date order")
    p.add_argument("--from", dest="start", type=_when, metavar="DATE", help=f"from DATE ({when})")
    p.add_argument("--to", dest="end", type=_when, metavar="DATE", help=f"to DATE ({when})")
    p.add_argument("--topic", help="only statements on this topic")

    p = command("positions", _positions, "an actor's positions, with their evidence")
    p.add_argument("actor", help="actor: id, name or alias, e.g. india")
    p.add_argument("--topic", help="only this topic")
    p.add_argument(
        "--as-of",
        type=_when,
        metavar="DATE",
        help=f"only positions on record on DATE ({when}), with the evidence compare shows",
    )

    p = command(
        "list", _list, "list the ids of actors, topics, instruments, sources, events or statements"
    )
    p.add_argument(
        "kind", choices=["actors", "topics", "instruments", "sources", "events", "statements"]
    )
    p.add_argument("--format", choices=["text", "json"], default="text")
    kind_option(p, "with 'actors': only actors of this kind")

    p = command("check", _check, "validate data files against the model")
    p.add_argument("paths", nargs="+", metavar="FILE", help="TOML or JSON data files")
    p.add_argument("--alone", action="store_true", help="check without the shipped data")

    p = command("export", _export, "write the catalogue as JSON, JSON Lines or CSV tables")
    p.add_argument(
        "--output",
        "-o",
        type=_path,
        metavar="PATH",
        help="write here instead of stdout (CSV: a folder, or a file ending in .zip)",
    )
    p.add_argument("--format", choices=["json", "jsonl", "csv"], default="json")

    p = command(
        "cite", _cite, "how to cite kashmirref, naming the code and data versions", reads_data=False
    )
    p.add_argument("--format", choices=["text", "bibtex"], default="text")

    p = command(
        "diff",
        _diff,
        "records added, removed and changed between two versions of the data",
        reads_data=False,
    )
    p.add_argument("old", help="the older version: a JSON export, a data file or a folder of them")
    p.add_argument("new", help="the newer version, likewise")
    p.add_argument("--format", choices=["text", "json"], default="text")

    p = command(
        "schema", _schema, "write the JSON Schema of data files (for editors)", reads_data=False
    )
    p.add_argument(
        "--output", "-o", type=_path, metavar="FILE", help="write here instead of stdout"
    )
    return parser


# pragma: no mutate end


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = _parser()
    args = parser.parse_args(argv)
    if not args.reads_data and args.data:
        parser.error(f"{args.command} reads no data file: --data is not accepted here")
    start, end = getattr(args, "start", None), getattr(args, "end", None)
    if start is not None and end is not None:
        from kashmirref.dates import as_date

        first, last = as_date(start, end=False), as_date(end)
        if first > last:
            parser.error(f"--from {start} is after --to {end}: the range is empty")
    return args


def _run(args: argparse.Namespace) -> int:
    try:
        status: int = args.run(args)
        sys.stdout.flush()
    except UnknownIdError as error:
        sys.stderr.write(f"kashmirref: {visible(str(error))}\n")
        return 2
    except DataError as error:
        sys.stderr.write(f"kashmirref: cannot load data: {visible_lines(str(error))}\n")
        return 2
    except InputError as error:
        sys.stderr.write(f"kashmirref: {visible(str(error))}\n")
        return 2
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            raise
        where = f": {visible(str(error.filename))}" if error.filename else ""
        sys.stderr.write(f"kashmirref: {error.strerror or visible(str(error))}{where}\n")
        return 2
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    A reader that stops early (``kashmirref timeline | head -1``) ends the output
    quietly: no traceback, status 0, as when the output fitted the pipe before the
    reader left. A closed stdout (``>&-``) is an error (status 2); a stdout that cannot
    encode every character (``PYTHONIOENCODING=ascii``, a Windows console) shows the
    others as escapes (``\u201c``), and data formats are written as UTF-8 bytes.
    """
    args = _parse(argv)
    try:
        if sys.stdout is None:
            raise OSError(errno.EBADF, "closed")
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    except OSError:
        if sys.stderr is not None:
            sys.stderr.write("kashmirref: standard output is closed: nowhere to write\n")
        return 2
    try:
        status = _run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away: send what is still buffered nowhere, and say nothing.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    return status
