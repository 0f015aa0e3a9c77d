"""The site's figures from Python: objects that display inline in Jupyter and save to files.

Each function draws the same figure the documentation site shows (the same code, in
:mod:`kashmirref.site.charts`, :mod:`kashmirref.site.history` and
:mod:`kashmirref.site.svg`) for any catalogue,
yours included, and returns a :class:`Figure`: a notebook displays it inline
(``_repr_svg_``), :meth:`Figure.save` writes it as an ``.svg`` file, and
:attr:`Figure.svg` is the markup itself. Every data value in it is escaped.

>>> import kashmirref as kr
>>> figure = kr.figures.topic_history(kr.load(), "plebiscite")
>>> figure.title
'Plebiscite: stances over time'
>>> figure.svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
True

Marks in a figure link to the site's page for their record when ``site`` gives the
address of a built site (``site="https://example.org/kashmirref"``); otherwise they
link to a fragment named after the record's id, which goes nowhere.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from kashmirref.catalog import Catalog
from kashmirref.model import Record

if TYPE_CHECKING:
    from kashmirref.site.svg import Href

__all__ = [
    "Figure",
    "actor_history",
    "instrument_history",
    "stance_grid",
    "timeline",
    "topic_history",
]

PARTIES = ("india", "pakistan")
"""The parties a figure sets side by side unless told otherwise (as the site does)."""


@attrs.frozen(kw_only=True)
class Figure:
    """One drawn figure: its title and its SVG markup (self-contained, no external file)."""

    title: str
    svg: str = attrs.field(repr=False)

    def _repr_svg_(self) -> str:
        """The SVG markup, which Jupyter displays inline."""
        return self.svg

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the figure as an SVG file (UTF-8, atomically) and return its path."""
        from kashmirref.export import write_atomically

        target = Path(path)
        write_atomically(target, self.svg + "\n")
        return target


def _href(site: str | None) -> Href:
    from kashmirref.site.links import html_href

    def href(record: Record) -> str:
        if site is None:
            return f"#{record.id}"
        return f"{site.rstrip('/')}/{html_href('index.md', record)}"

    return href


def _title(markup: str) -> str:
    from html import unescape

    start = markup.index(">", markup.index("<title")) + 1
    return unescape(markup[start : markup.index("</title>", start)])


def _figure(markup: str) -> Figure:
    return Figure(title=_title(markup), svg=markup)


def stance_grid(
    catalog: Catalog,
    parties: Sequence[str] = PARTIES,
    others: Sequence[str] | None = None,
    *,
    site: str | None = None,
    narrow: bool = False,
) -> Figure:
    """Topics down, actors across: each actor's stance on each topic as of the latest date.

    ``others`` are the actors shown after the two ``parties`` (by default every other
    actor with a position, by name, as on the site's "Stances at a glance" page).
    ``narrow`` gives the layout for phones: a block per topic, each actor on a line.
    """
    from kashmirref.site import overviews, svg

    chosen = [catalog.lookup(p, "actor").id for p in parties]
    rest = (
        overviews.grid_actors(catalog, chosen)[len(chosen) :]
        if others is None
        else [catalog.lookup(o, "actor").id for o in others]
    )
    return _figure(svg.stance_grid(catalog, chosen, _href(site), rest, narrow=narrow))


def timeline(
    catalog: Catalog,
    parties: Sequence[str] = PARTIES,
    *,
    until: dt.date | None = None,
    site: str | None = None,
) -> Figure:
    """Events and statements at their dates, in one lane per party (the site's timeline)."""
    from kashmirref.site import history

    chosen = [catalog.lookup(p, "actor").id for p in parties]
    edge = history.horizon(catalog) if until is None else until
    return _figure(history.timeline(catalog, chosen, _href(site), edge))


def topic_history(
    catalog: Catalog,
    topic: str,
    parties: Sequence[str] = PARTIES,
    *,
    until: dt.date | None = None,
    site: str | None = None,
) -> Figure:
    """The ``parties``' stances on ``topic`` over time, one line each, the relation shaded.

    ``topic`` is an id, title or alias; ``until`` is the right edge of the time axis
    (by default the day after the latest date in the catalogue, as on the site).
    """
    from kashmirref.site import charts, history

    found = catalog.topic(catalog.lookup(topic, "topic").id)
    chosen = [catalog.lookup(p, "actor").id for p in parties]
    edge = history.horizon(catalog) if until is None else until
    return _figure(charts.topic_chart(catalog, found, chosen, _href(site), edge))


def actor_history(
    catalog: Catalog, actor: str, *, until: dt.date | None = None, site: str | None = None
) -> Figure:
    """An actor's stances over time, one strip per topic it has taken a stance on."""
    from kashmirref.site import charts, history

    found = catalog.actor(catalog.lookup(actor, "actor").id)
    edge = history.horizon(catalog) if until is None else until
    return _figure(charts.actor_chart(catalog, found, _href(site), edge))


def instrument_history(
    catalog: Catalog,
    instrument: str,
    *,
    until: dt.date | None = None,
    site: str | None = None,
) -> Figure:
    """An instrument's life and use: its status, one party's declarations, who invokes it."""
    from kashmirref.site import history

    found = catalog.instrument(catalog.lookup(instrument, "instrument").id)
    edge = history.horizon(catalog) if until is None else until
    markup = history.instrument_figure(catalog, found, _href(site), edge)
    return _figure(markup)
