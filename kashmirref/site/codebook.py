"""The codebook page: every flat table and column of the export, from its one definition.

The page is written from :data:`kashmirref.export.TABLES` (the same specification the
CSV and JSON Lines exports are written from), with an example value of each column
taken from the catalogue it is given, so the codebook cannot drift from the code or the
data. Every value shown is escaped (:func:`kashmirref.markup.escape`).

>>> import kashmirref as kr
>>> from kashmirref.site.codebook import codebook_page
>>> "| `date_precision` | category |" in codebook_page(kr.load())
True
"""

from __future__ import annotations

import json

from kashmirref.catalog import Catalog
from kashmirref.export import FORMULA_STARTS, TABLES, Column, Table, rows
from kashmirref.site.markdown import escape, table

__all__ = ["EXAMPLE_LENGTH", "TYPES", "codebook_page", "example"]

TYPES: dict[str, str] = {
    "string": "text (UTF-8); in CSV files a cell that starts with "
    + ", ".join(f"`{c}`" for c in FORMULA_STARTS if c.isprintable())
    + ", a tab, a carriage return or `'` has a `'` added in front, so that no spreadsheet "
    "runs it as a formula: remove one leading `'` from every cell that has one to read "
    "the text back exactly (JSON Lines has the text as it is)",
    "integer": "a whole number",
    "boolean": "`true` or `false` (JSON Lines); `True` or `False` (CSV)",
    "date": "an ISO date, `YYYY-MM-DD`; a date known only to the month or year is its "
    "first day, and the column named `..._precision` beside it says so",
    "category": "one of the values listed for the column",
    "list": 'several ids or names: a JSON array of text in a CSV cell (`["india", '
    '"pakistan"]`), an array in JSON Lines',
}
"""What each column type of the codebook means."""

EXAMPLE_LENGTH = 60
"""Longer example values are cut at a word and end in an ellipsis."""


def example(catalog: Catalog, spec: Table, column: Column) -> object | None:
    """The first value of ``column`` in ``catalog`` that is not empty (``None`` if none)."""
    for row in rows(catalog, spec.name):
        value = row[column.name]
        if value not in (None, ""):
            return value
    return None


def _shown(value: object | None) -> str:
    if value is None:
        return "*(empty in this catalogue)*"
    if isinstance(value, list):
        text = json.dumps(value, ensure_ascii=False)
    else:
        text = str(value).lower() if isinstance(value, bool) else str(value)
    if len(text) > EXAMPLE_LENGTH:
        text = text[:EXAMPLE_LENGTH].rsplit(" ", 1)[0] + "\u2026"
    return escape(text)


def _values(column: Column) -> str:
    return ", ".join(f"`{escape(v)}`" for v in column.values) if column.values else ""


def _anchor(spec: Table) -> str:
    return spec.name.replace("_", "-")


def codebook_page(catalog: Catalog) -> str:
    """The codebook as a Markdown page: each table, what a row is, each column."""
    total = {spec.name: sum(1 for _ in spec.records(catalog)) for spec in TABLES}
    lines = [
        "# Codebook",
        "",
        "Every table that `kashmirref export` writes (`--format csv`: one `<table>.csv` "
        "per table; `--format jsonl`: one JSON object per row, with a `table` key), and "
        "every column, in the order the files have them. This page is generated from the "
        "same definition the export is written from (`kashmirref.export.TABLES`), with an "
        "example value of each column from the shipped catalogue, so it always matches "
        "the files. Columns are only ever added at the end of a table.",
        "",
        "An empty cell (CSV) or `null` (JSON Lines) means the record gives no value. "
        "Files are UTF-8 with a header row; ids are the catalogue's own, the same in "
        "every table, so tables join on them (`statements.speaker` = `actors.id`, "
        "`positions.topic` = `topics.id`, ...).",
        "",
        "## Column types",
        "",
        *table(["type", "what a cell holds"], [[f"`{k}`", v] for k, v in TYPES.items()]),
        "",
        "## Tables",
        "",
        *table(
            ["table", "one row is", "rows"],
            [
                [f"[`{spec.name}`](#{_anchor(spec)})", escape(spec.row), str(total[spec.name])]
                for spec in TABLES
            ],
        ),
    ]
    for spec in TABLES:
        lines += [
            "",
            f"## {spec.name} {{#{_anchor(spec)}}}",
            "",
            f"One row is {escape(spec.row)}. File: `{spec.name}.csv`; "
            f"{total[spec.name]} rows in the shipped catalogue.",
            "",
            *table(
                ["column", "type", "meaning", "allowed values", "example"],
                [
                    [
                        f"`{column.name}`",
                        column.type,
                        escape(column.meaning),
                        _values(column),
                        _shown(example(catalog, spec, column)),
                    ]
                    for column in spec.columns
                ],
            ),
        ]
    return "\n".join(lines) + "\n"
