"""The documentation site's data pages, generated from a catalogue.

:func:`pages` turns a :class:`~kashmirref.catalog.Catalog` into Markdown pages (one per
topic, instrument and actor; a timeline; a stance grid; the comparison of the parties;
terms; sources; the coding rules; the codebook of the flat tables; an index per
section) with figures as inline SVG. It needs nothing beyond the library itself, so the
site is built from whatever catalogue you load, yours included; ``docs/gen_pages.py``
writes these pages during ``mkdocs build``.

>>> import kashmirref as kr
>>> from kashmirref.site import pages
>>> site = {page.path: page for page in pages(kr.load())}
>>> site["topics/article-370.md"].title
'The changes of August 2019 (Article 370)'
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from kashmirref.catalog import Catalog
from kashmirref.site import codebook, coding, history, overviews, records, svg
from kashmirref.site.links import html_href, page_path

__all__ = ["PARTIES", "Page", "figures", "pages"]

PARTIES = ("india", "pakistan")
"""The two states whose positions are set side by side (alphabetical by name)."""


@attrs.frozen(kw_only=True)
class Page:
    """One generated page: where it goes, its title (for navigation) and its Markdown."""

    path: str
    title: str
    text: str
    section: str | None = None


def pages(catalog: Catalog, parties: Sequence[str] = PARTIES) -> tuple[Page, ...]:
    """Every generated page of the site for ``catalog``, overview pages first.

    ``parties`` are the actors set side by side on topic pages and given their own
    lanes and columns in the figures.
    """
    until = history.horizon(catalog)
    overview = (
        Page(
            path="stances.md",
            title="Stances at a glance",
            text=overviews.stances_page(catalog, parties),
        ),
        Page(
            path="compare.md",
            title=" and ".join(catalog.actor(p).name for p in parties) + " compared",
            text=overviews.comparison_page(catalog, parties),
        ),
        Page(path="timeline.md", title="Timeline", text=overviews.timeline_page(catalog, parties)),
        Page(path="terms.md", title="Terminology", text=overviews.terms_page(catalog, parties)),
        Page(path="sources.md", title="Sources", text=overviews.sources_page(catalog)),
        Page(path="coding.md", title="Coding rules", text=coding.coding_page(catalog)),
        Page(path="codebook.md", title="Codebook", text=codebook.codebook_page(catalog)),
    )
    topics = [
        Page(
            path=page_path(t),
            title=t.title,
            text=records.topic_page(catalog, t, parties, until),
            section="topics",
        )
        for t in catalog.topics()
    ]
    instruments = [
        Page(
            path=page_path(i),
            title=records.short_title(i),
            text=records.instrument_page(catalog, i, until),
            section="instruments",
        )
        for i in catalog.instruments()
    ]
    actors = [
        Page(
            path=page_path(a),
            title=a.name,
            text=records.actor_page(catalog, a, until),
            section="actors",
        )
        for a in catalog.actors()
    ]
    indexes = (
        Page(
            path="topics/index.md",
            title="Topics",
            text=overviews.topics_index(catalog),
            section="topics",
        ),
        Page(
            path="instruments/index.md",
            title="Instruments",
            text=overviews.instruments_index(catalog),
            section="instruments",
        ),
        Page(
            path="actors/index.md",
            title="Actors",
            text=overviews.actors_index(catalog),
            section="actors",
        ),
    )
    return (*overview, indexes[0], *topics, indexes[1], *instruments, indexes[2], *actors)


def figures(catalog: Catalog, parties: Sequence[str] = PARTIES) -> dict[str, str]:
    """The figures as standalone SVG files, by path: for ``<img>`` tags and downloads.

    The pages carry the same figures inline; a standalone file's links point from its
    own folder to the pages of the records it shows.
    """
    grid, narrow = "figures/stance-grid.svg", "figures/stance-grid-narrow.svg"
    line = "figures/timeline.svg"
    others = overviews.grid_actors(catalog, parties)[len(parties) :]
    until = history.horizon(catalog)
    return {
        grid: svg.stance_grid(catalog, parties, lambda r: html_href(grid, r), others),
        narrow: svg.stance_grid(
            catalog, parties, lambda r: html_href(narrow, r), others, narrow=True
        ),
        line: history.timeline(catalog, parties, lambda r: html_href(line, r), until),
    }
