"""Where each record lives on the site, and relative links between pages.

Pages are addressed by their Markdown path (``topics/article-370.md``); MkDocs turns
those into HTML and checks every such link when it builds strictly. Raw HTML (the
inline SVG figures) is not rewritten by MkDocs, so :func:`html_href` gives the built
``.html`` address for it (the site builds with ``use_directory_urls: false``).
"""

from __future__ import annotations

import posixpath

from kashmirref.model import Actor, Instrument, Record, Source, Term, Topic

__all__ = ["SECTIONS", "anchor", "href", "html_href", "page_path"]

SECTIONS: dict[type[object], str] = {Topic: "topics", Instrument: "instruments", Actor: "actors"}
"""Record classes with one page each, and the folder those pages live in."""

SHARED_PAGES: dict[type[object], str] = {Source: "sources.md", Term: "terms.md"}
"""Record classes shown together on one page, each under an anchor of its id."""


def page_path(record: Record) -> str:
    """The Markdown path of the page that shows ``record``.

    Topics, instruments and actors have a page each; sources and terms share a page
    each; events and statements are shown on the timeline.
    """
    section = SECTIONS.get(type(record))
    if section is not None:
        return f"{section}/{record.id}.md"
    return SHARED_PAGES.get(type(record), "timeline.md")


def anchor(record: Record) -> str:
    """The fragment that marks ``record`` on a shared page, empty for a page of its own."""
    return "" if type(record) in SECTIONS else record.id


def href(from_page: str, record: Record) -> str:
    """A relative Markdown link from ``from_page`` to where ``record`` is shown."""
    target = posixpath.relpath(page_path(record), posixpath.dirname(from_page) or ".")
    fragment = anchor(record)
    return f"{target}#{fragment}" if fragment else target


def html_href(from_page: str, record: Record) -> str:
    """Like :func:`href`, but to the built ``.html`` page, for links inside raw HTML."""
    target, _, fragment = href(from_page, record).partition("#")
    built = target.removesuffix(".md") + ".html"
    return f"{built}#{fragment}" if fragment else built
