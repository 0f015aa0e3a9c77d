"""The ``kashmirref`` command line (also ``python -m kashmirref``).

Exit status: 0 on success, 1 when ``check`` finds problems in data files, 2 on a
usage error, an unknown id, or data that cannot be loaded.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from kashmirref.catalog import Catalog
from kashmirref.errors import DataError, InputError, UnknownIdError
from kashmirref.terminal import visible, visible_lines, write_atomic

__all__ = ["main"]


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _catalog(args: argparse.Namespace) -> Catalog:
    from kashmirref.io import load

    return load(args.data)


def _emit(text: str) -> None:
    text = visible_lines(text)  # data never reaches the terminal with control characters
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _compare(args: argparse.Namespace) -> int:
    from kashmirref.comparison import compare

    result = compare(_catalog(args), args.a, args.b, topics=args.topic, as_of=args.as_of)
    render: dict[str, Callable[[], str]] = {
        "text": lambda: str(result),
        "markdown": result.to_markdown,
        "json": result.to_json,
    }
    _emit(render[args.format]())
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

    catalog = _catalog(args)
    record = catalog.record(args.id)
    data = unstructure(record)
    if args.format == "json":
        _emit(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    kind = type(record).__name__
    lines = [f"{kind} {args.id}", *_outline({k: v for k, v in data.items() if k != "id"}, "  ")]
    sources = [catalog.source(i) for i in sorted(_cited(data))]
    if sources:
        lines.append("  sources cited:")
        lines += [f"    {s.id}: {s.title} ({s.publisher})" for s in sources]
    _emit("\n".join(lines))
    return 0


def _timeline(args: argparse.Namespace) -> int:
    from kashmirref.model import Statement, format_date

    catalog = _catalog(args)
    if args.topic is not None:
        catalog.topic(args.topic)
    for entry in catalog.timeline(start=args.start, end=args.end):
        if isinstance(entry, Statement):
            if args.topic is not None and args.topic not in entry.topics:
                continue
            who = catalog.actor(entry.speaker).name
            text = f"statement  {who}: \u201c{visible(entry.text)}\u201d"
        else:
            if args.topic is not None:
                continue
            text = f"{entry.kind.value:<10} {entry.title}"
        _emit(f"{format_date(entry.date, entry.date_precision):>17}  {text}")
    return 0


def _positions(args: argparse.Namespace) -> int:
    from kashmirref.render import position_lines

    catalog = _catalog(args)
    found = catalog.positions(actor=args.actor, topic=args.topic, as_of=args.as_of)
    for position in found:
        _emit("\n".join(position_lines(catalog, position)))
    if not found:
        _emit(f"no positions of {args.actor!r} recorded for these filters")
    return 0


def _check(args: argparse.Namespace) -> int:
    from kashmirref.io import load

    try:
        catalog = load(args.paths, include_shipped=not args.alone)
    except DataError as error:
        for problem in error.problems:
            _emit(str(problem))
        sys.stderr.write(f"{len(error.problems)} problem(s) found\n")
        return 1
    _emit(f"ok: {len(catalog)} records valid")
    return 0


def _export(args: argparse.Namespace) -> int:
    text = _catalog(args).to_json()
    if args.output is None:
        _emit(text)
    else:
        try:
            write_atomic(args.output, text)
        except OSError as error:
            reason = error.strerror or str(error)
            raise InputError(f"cannot write {visible(args.output)}: {reason}") from None
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kashmirref",
        description="Who said what, when, on which question in the Jammu and Kashmir dispute.",
    )
    parser.add_argument(
        "--data",
        action="append",
        default=[],
        metavar="FILE",
        help="add a TOML or JSON data file of your own (repeatable)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = commands.add_parser("compare", help="compare two actors topic by topic")
    p.add_argument("a", help="first actor id, e.g. pakistan")
    p.add_argument("b", help="second actor id, e.g. india")
    p.add_argument("--topic", action="append", help="limit to this topic (repeatable)")
    p.add_argument("--as-of", type=_date, help="compare positions in force on YYYY-MM-DD")
    p.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    p.set_defaults(run=_compare)

    p = commands.add_parser("show", help="show any record by id, with its citations")
    p.add_argument("id", help="record id, e.g. simla-1972")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(run=_show)

    p = commands.add_parser("timeline", help="events and statements in date order")
    p.add_argument("--from", dest="start", type=_date, help="first date, YYYY-MM-DD")
    p.add_argument("--to", dest="end", type=_date, help="last date, YYYY-MM-DD")
    p.add_argument("--topic", help="only statements on this topic")
    p.set_defaults(run=_timeline)

    p = commands.add_parser("positions", help="an actor's positions")
    p.add_argument("actor", help="actor id, e.g. india")
    p.add_argument("--topic", help="only this topic")
    p.add_argument("--as-of", type=_date, help="only positions in force on YYYY-MM-DD")
    p.set_defaults(run=_positions)

    p = commands.add_parser("check", help="validate data files against the model")
    p.add_argument("paths", nargs="+", metavar="FILE", help="TOML or JSON data files")
    p.add_argument("--alone", action="store_true", help="check without the shipped data")
    p.set_defaults(run=_check)

    p = commands.add_parser("export", help="write the catalogue as JSON")
    p.add_argument("--output", "-o", metavar="FILE", help="write here instead of stdout")
    p.set_defaults(run=_export)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args)
        sys.stdout.flush()
    except UnknownIdError as error:
        sys.stderr.write(f"kashmirref: {error}\n")
        return 2
    except DataError as error:
        sys.stderr.write(f"kashmirref: cannot load data: {error}\n")
        return 2
    except InputError as error:
        sys.stderr.write(f"kashmirref: {visible(str(error))}\n")
        return 2
    except BrokenPipeError:
        # the reader went away (``| head``): stop quietly, and keep Python's final flush
        # of stdout from complaining about it
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return status
