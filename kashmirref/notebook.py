"""HTML for notebooks: how records, catalogues and comparisons display in Jupyter.

Every record class, :class:`~kashmirref.catalog.Catalog` and
:class:`~kashmirref.comparison.Comparison` has a ``_repr_html_`` method that calls the
functions here, so a notebook shows them as readable tables rather than as their
``repr``. Every piece of data is escaped (:func:`html.escape`): a record's text is
shown as text, never as markup.

>>> import kashmirref as kr
>>> cat = kr.load()
>>> html = cat.instrument("simla-1972")._repr_html_()
>>> "<caption>Instrument <code>simla-1972</code></caption>" in html
True
"""

from __future__ import annotations

import datetime as dt
import enum
from html import escape
from typing import TYPE_CHECKING, Any

import attrs

from kashmirref.render import STALE_NOTE, last_stated, stance_words

if TYPE_CHECKING:
    from kashmirref.catalog import Catalog
    from kashmirref.comparison import Comparison, Side

__all__ = ["STYLE", "catalog_html", "comparison_html", "record_html"]

STYLE = "text-align:left;vertical-align:top"
"""The inline style of every cell (notebooks centre table cells by default)."""


def _cell(text: str, *, header: bool = False) -> str:
    tag = "th" if header else "td"
    return f'<{tag} style="{STYLE}">{text}</{tag}>'


def _value(record: Any, name: str, value: Any) -> str:
    """One field's value as HTML (escaped); dates as precisely as they are known."""
    from kashmirref.model import Precision, format_date

    if isinstance(value, dt.date):
        precision = getattr(record, f"{name}_precision", Precision.DAY)
        return escape(format_date(value, precision))
    if isinstance(value, enum.Enum):
        return escape(str(value.value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple):
        if all(attrs.has(type(v)) for v in value):
            items = "".join(f"<li>{record_html(v, caption=False)}</li>" for v in value)
            return f"<ol>{items}</ol>"
        return ", ".join(escape(str(v)) for v in value)
    if attrs.has(type(value)):
        return record_html(value, caption=False)
    return escape(str(value))


def record_html(record: Any, *, caption: bool = True) -> str:
    """Any record as an HTML table of its fields (empty ones left out), nested records inside.

    Dates are shown at their precision (``May 2025``), never more precisely.
    """
    rows = []
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if value is None or value == () or field.name.endswith("_precision"):
            continue
        rows.append(
            "<tr>"
            + _cell(escape(field.name), header=True)
            + _cell(_value(record, field.name, value))
            + "</tr>"
        )
    title = ""
    if caption:
        name = escape(type(record).__name__)
        record_id = getattr(record, "id", None)
        shown = f" <code>{escape(record_id)}</code>" if isinstance(record_id, str) else ""
        title = f"<caption>{name}{shown}</caption>"
    return f'<table class="kashmirref">{title}{"".join(rows)}</table>'


def catalog_html(catalog: Catalog) -> str:
    """A catalogue's summary: how many records of each kind, and the dates they span."""
    from kashmirref.model import format_date

    counts = "".join(
        "<tr>" + _cell(escape(table), header=True) + _cell(str(len(records))) + "</tr>"
        for table, records in catalog.tables()
    )
    statements = catalog.statements()
    span = ""
    if statements:
        first = min(statements, key=lambda s: s.date)
        last = max(statements, key=lambda s: s.last_possible)
        span = (
            f"<p>Statements from {escape(format_date(first.date, first.date_precision))} "
            f"to {escape(format_date(last.date, last.date_precision))}; topics: "
            f"{escape(', '.join(t.title for t in catalog.topics()))}.</p>"
        )
    return (
        f"<div><strong>kashmirref catalogue</strong>: {len(catalog)} records"
        f'<table class="kashmirref">'
        f"<tr>{_cell('kind', header=True)}{_cell('records', header=True)}</tr>{counts}"
        f"</table>{span}</div>"
    )


def _side(comparison: Comparison, side: Side) -> str:
    if side.position is None or side.stance is None:
        return f"<em>{escape(stance_words(side))}</em>"
    return f"<strong>{escape(stance_words(side))}</strong><br/>{escape(last_stated(side))}"


def comparison_html(comparison: Comparison) -> str:
    """A comparison as a table: each topic, both sides' stances and periods, the relation."""
    a, b = comparison.actor(comparison.a).name, comparison.actor(comparison.b).name
    when = (
        "no statements on record"
        if comparison.as_of is None
        else f"positions on record on {comparison.as_of.isoformat()}; {STALE_NOTE}"
    )
    header = "".join(_cell(escape(h), header=True) for h in ("topic", a, b, "relation", "gap"))
    rows = "".join(
        "<tr>"
        + _cell(escape(row.topic.title))
        + _cell(_side(comparison, row.a))
        + _cell(_side(comparison, row.b))
        + _cell(escape(row.relation.value))
        + _cell("" if row.gap is None else f"{row.gap} of {len(row.topic.scale) - 1}")
        + "</tr>"
        for row in comparison.rows
    )
    return (
        f'<table class="kashmirref"><caption>{escape(a)} and {escape(b)} compared '
        f"({escape(when)})</caption><tr>{header}</tr>{rows}</table>"
    )
