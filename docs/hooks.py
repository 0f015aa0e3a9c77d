"""MkDocs hooks for this site (``hooks:`` in ``mkdocs.yml``).

The navigation sources (``SUMMARY.md``, the root one and the one that
``docs/gen_pages.py`` writes for each section) are read by mkdocs-literate-nav to build
the navigation; they are not pages. This hook runs after literate-nav has read them
and excludes them, so that no ``SUMMARY.html`` is built or indexed by search.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files, InclusionLevel

NAV_SOURCE = "SUMMARY.md"


@event_priority(-200)  # after literate-nav (-100), which reads the files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Exclude every navigation source from the built site and its search index."""
    for file in files:
        if file.src_uri.rpartition("/")[2] == NAV_SOURCE:
            file.inclusion = InclusionLevel.EXCLUDED
    return files
