"""Data text made safe for Markdown (and the HTML it becomes).

Every renderer that writes Markdown passes each piece of data text through
:func:`escape` and each web address through :func:`url`, so that a record's words are
shown as words: no HTML element, emphasis, link, heading or table cell is ever made
from data, whatever it contains.
"""

from __future__ import annotations

import re

__all__ = ["escape", "url"]

_MARKDOWN = re.compile(r"([\\`*_{}\[\]|])")
_HTML = re.compile("[&<>]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
_BLOCK_START = re.compile(r"^(\s*\d*)([#+\-.)])")


def escape(text: str) -> str:
    """``text`` as literal Markdown, on one line.

    HTML is written as entities (``<script>`` shows as text and never runs); every
    character Markdown gives a meaning to is backslash-escaped (emphasis, links,
    headings, lists, tables' ``|``); line breaks and other control characters become a
    space, so that a value can never end a table row or start a block of its own.
    """
    text = _BREAKS.sub(" ", text)
    text = _MARKDOWN.sub(r"\\\1", text)
    text = _HTML.sub(lambda m: _ENTITIES[m[0]], text)
    # a heading, list item or rule marker at the start could begin a block of its own
    return _BLOCK_START.sub(r"\1\\\2", text, count=1)


_URL_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f\"'<>()\[\]\\`|{}^]")


def url(address: str) -> str | None:
    """``address`` ready for a Markdown link target, or None if it is not http(s).

    Only ``http://`` and ``https://`` addresses are linked (never ``javascript:``,
    ``data:`` or a relative path); characters that could end the link or the HTML
    attribute it becomes are percent-encoded.
    """
    if not address.lower().startswith(("https://", "http://")):
        return None
    return _URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m[0].encode()), address)
