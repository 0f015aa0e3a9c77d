r"""Text that is safe to show on a terminal.

Data files are written by people and scripts this library does not control. Before any
of their text reaches a terminal, :func:`visible` replaces every character that could
move the cursor, recolour the screen, erase a line or hide what follows (ANSI escape
sequences, NUL, carriage returns, newlines inside a value, bidirectional overrides,
lone surrogates) with a printable escape such as ``\\x1b`` or ``\\n``;
:func:`visible_json` does the same to JSON text with JSON's own escapes (``\\u001b``),
so that it stays valid JSON with the same values.
"""

from __future__ import annotations

import re

__all__ = ["COLUMN_MOST", "visible", "visible_json", "visible_lines"]

COLUMN_MOST = 60
"""The widest a column of a text table is padded to: a longer cell overflows its own
line and never widens the others (one 100,000-character id must not pad every row)."""

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_BUT_NEWLINE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(match: re.Match[str]) -> str:
    char = match[0]
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    r"""``text`` as one line with every control character shown escaped (``\\x1b``, ``\\n``)."""
    return _UNSAFE.sub(_escaped, text)


def visible_lines(text: str) -> str:
    """``text`` with its line breaks kept and every other control character escaped."""
    return _UNSAFE_BUT_NEWLINE.sub(_escaped, text)


def visible_json(text: str) -> str:
    r"""JSON ``text`` with every control character inside its strings escaped as ``\u00XX``.

    JSON's own writer leaves DEL, the C1 controls, line and paragraph separators and
    bidirectional controls raw; each becomes a ``\uXXXX`` escape, which a JSON reader
    reads back as the same character. Line breaks between values are kept (a raw one
    can only be there: a string's own are already escaped).
    """
    return _UNSAFE_BUT_NEWLINE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)
