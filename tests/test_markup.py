"""Markdown escaping and web addresses, value by value."""

import pytest

from kashmirref.markup import escape, url

ESCAPED = {
    "# Title": "\\# Title",
    "##x": "\\##x",  # only the first marker: the rest can no longer start a block
    "  12. item": "  12\\. item",
    "- x": "\\- x",
    "+ y": "\\+ y",
    "1) z": "1\\) z",
    ".": "\\.",
    "no start #": "no start #",
    "a <b> & c": "a &lt;b&gt; &amp; c",
    "x|y": "x\\|y",
    "a\\b": "a\\\\b",
    "*e* _u_ `c` {a} [l]": "\\*e\\* \\_u\\_ \\`c\\` \\{a\\} \\[l\\]",
    "line\nbreak\r\tand\u2028more\x85end": "line break and more end",
    "\x00\x1f\x7f\x9f\u2029": " ",
}


@pytest.mark.parametrize("text", ESCAPED)
def test_escape(text: str) -> None:
    assert escape(text) == ESCAPED[text]


ADDRESSES = {
    "https://example.org/page": "https://example.org/page",
    "http://example.org/a b\x85": "http://example.org/a%20b%C2%85",
    "HTTP://EXAMPLE.ORG/(p)": "HTTP://EXAMPLE.ORG/%28p%29",
    'https://x/"q"<>`|{}^[]\\': "https://x/%22q%22%3C%3E%60%7C%7B%7D%5E%5B%5D%5C",
    "javascript:alert(1)": None,
    "data:text/html,x": None,
    "ftp://example.org": None,
    "/relative/path": None,
}


@pytest.mark.parametrize("address", ADDRESSES)
def test_url(address: str) -> None:
    assert url(address) == ADDRESSES[address]
