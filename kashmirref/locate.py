"""Where each record of a data file starts, found from the file's own structure.

Parsers (``tomllib``, ``json``) give values, not positions. To name the line of a record
in a message, this module walks the text once more, aware of strings, comments and
nesting, and finds for each kind the tables (or objects) of its records in order: the
``n``-th record of ``[[statement]]`` is the ``n``-th ``[[statement]]`` header, and its
line is that of its own ``id`` key. So an id quoted in a comment, in another string,
written as a literal string or used by a record of another kind never misleads it.

It also finds the first key repeated within one JSON object, which ``json`` itself
silently resolves by keeping the last value.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import re
from collections.abc import Collection
from typing import Any

__all__ = ["Lines", "json_duplicate_key", "json_records", "toml_records"]

Lines = dict[str, list[int]]
"""Kind → the 1-based line of each record of that kind, in file order."""

_BARE_ID = re.compile(r"""[ \t]*(?:id|"id"|'id')[ \t]*=""")
_HEADER_KEY = re.compile(r"""[ \t]*(?:([A-Za-z0-9_-]+)|"([^"\\]*)"|'([^']*)')[ \t]*""")
_TOP_KEY = re.compile(r"""[ \t]*(?:([A-Za-z0-9_-]+)|"([^"\\]*)"|'([^']*)')[ \t]*=[ \t]*\[""")


def _header(line: str) -> tuple[bool, list[str]] | None:
    """``(is_array, keys)`` of a table header line such as ``[[statement]]``, else None."""
    text = line.lstrip()
    array = text.startswith("[[")
    position = 2 if array else 1
    keys: list[str] = []
    while True:
        match = _HEADER_KEY.match(text, position)
        if match is None:
            return None
        keys.append(next(group for group in match.groups() if group is not None))
        position = match.end()
        if text.startswith(".", position):
            position += 1
            continue
        closing = "]]" if array else "]"
        return (array, keys) if text.startswith(closing, position) else None


class _TomlScanner:
    """Track strings, comments and bracket depth line by line."""

    def __init__(self) -> None:
        self.depth = 0
        self.multiline: str | None = None

    def scan(self, line: str, start: int = 0) -> list[tuple[int, str]]:
        """Update the state over ``line``; return ``(offset, char)`` of each bracket."""
        found: list[tuple[int, str]] = []
        i, n = start, len(line)
        if self.multiline is not None:
            end = self._close(line, 0, self.multiline)
            if end < 0:
                return found
            self.multiline, i = None, end
        while i < n:
            char = line[i]
            if char == "#":
                break
            if char in "\"'":
                triple = char * 3
                if line.startswith(triple, i):
                    end = self._close(line, i + 3, triple)
                    if end < 0:
                        self.multiline = triple
                        return found
                    i = end
                    continue
                i = self._close(line, i + 1, char)
                if i < 0:
                    return found  # an unterminated string: tomllib reports it
                continue
            if char in "[{":
                self.depth += 1
                found.append((i, char))
            elif char in "]}":
                self.depth = max(0, self.depth - 1)
                found.append((i, char))
            i += 1
        return found

    @staticmethod
    def _close(line: str, i: int, quote: str) -> int:
        """The offset just past the closing ``quote`` from ``i``, or -1 if not on this line."""
        escapes = quote[0] == '"'
        n = len(line)
        while i < n:
            if escapes and line[i] == "\\":
                i += 2
                continue
            if line.startswith(quote, i):
                end = i + len(quote)
                while line.startswith(quote[0], end) and len(quote) == 3 and end - i < 5:
                    end += 1  # up to two quotes may close a multi-line string early
                return end
            i += 1
        return -1


def toml_records(text: str, kinds: Collection[str]) -> Lines:
    """The line of each record of each of ``kinds`` in a TOML document.

    A record written as an ``[[kind]]`` table is found at its ``id`` key (or, lacking
    one, at its header); one written as an inline table in ``kind = [...]`` at its
    ``id`` key (or its opening brace).
    """
    found: Lines = {}
    scanner = _TomlScanner()
    current: tuple[str, int] | None = None  # (kind, index) of the [[kind]] table we are in
    has_id: set[tuple[str, int]] = set()
    inline: str | None = None  # the kind of a ``kind = [`` array being read
    for number, line in enumerate(text.split("\n"), start=1):
        if scanner.multiline is None and scanner.depth == 0:
            header = _header(line) if line.lstrip().startswith("[") else None
            if header is not None:
                array, keys = header
                if array and len(keys) == 1 and keys[0] in kinds:
                    rows = found.setdefault(keys[0], [])
                    current = (keys[0], len(rows))
                    rows.append(number)
                elif current is None or keys[0] != current[0]:
                    current = None  # another table; a sub-table of a record keeps it
                continue
            if current is not None and current not in has_id and _BARE_ID.match(line):
                found[current[0]][current[1]] = number
                has_id.add(current)
            if current is None and inline is None:
                top = _TOP_KEY.match(line)
                if top is not None:
                    name = next(g for g in top.groups() if g is not None)
                    if name in kinds:
                        inline = name
                        found.setdefault(name, [])
        brackets = scanner.scan(line)
        if inline is not None:
            _inline_records(brackets, scanner.depth, number, found[inline])
            if scanner.depth == 0 and brackets:
                inline = None
    return found


def _inline_records(
    brackets: list[tuple[int, str]], depth_after: int, number: int, rows: list[int]
) -> None:
    """Note the line of each inline table opened at depth 1 of a ``kind = [`` array."""
    depth = depth_after - sum(1 if c in "[{" else -1 for _, c in brackets)
    for _, char in brackets:
        if char in "[{":
            depth += 1
            if char == "{" and depth == 2:
                rows.append(number)  # inline tables are one line long
        else:
            depth -= 1


_NEWLINES = re.compile("\n")


class _Offsets:
    """Offset → 1-based line, by bisecting the offsets of the newlines."""

    def __init__(self, text: str) -> None:
        self._newlines = [m.start() for m in _NEWLINES.finditer(text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_left(self._newlines, offset) + 1


def _json_tokens(text: str) -> list[tuple[int, str, str | None]]:
    """``(offset, token, key)`` for each bracket and each object key, in order.

    Iterative (never recursive), so any nesting depth that ``json`` accepted is walked.
    """
    tokens: list[tuple[int, str, str | None]] = []
    i, n = 0, len(text)
    scanstring: Any = getattr(json.decoder, "scanstring")  # noqa: B009 - untyped in typeshed
    while i < n:
        char = text[i]
        if char in "{}[]":
            tokens.append((i, char, None))
            i += 1
        elif char == '"':
            value, end = scanstring(text, i + 1)
            j = end
            while j < n and text[j] in " \t\r\n":
                j += 1
            if j < n and text[j] == ":":
                tokens.append((i, "key", value))
            i = end
        else:
            i += 1
    return tokens


def json_duplicate_key(text: str) -> tuple[str, int] | None:
    """The first key repeated within one object of a JSON text and its line, or None."""
    stack: list[set[str] | None] = []
    offsets = _Offsets(text)
    for offset, token, key in _json_tokens(text):
        if token in "{[":
            stack.append(set() if token == "{" else None)
        elif token in "}]":
            if stack:
                stack.pop()
        elif key is not None and stack and stack[-1] is not None:
            if key in stack[-1]:
                return key, offsets.line(offset)
            stack[-1].add(key)
    return None


def json_records(text: str, kinds: Collection[str]) -> Lines:
    """The line of each record of each of ``kinds`` in a JSON document.

    A record is an object directly inside the list under a top-level kind key; its line
    is that of its own ``"id"`` key, or of its opening brace.
    """
    found: Lines = {}
    offsets = _Offsets(text)
    depth = 0
    kind: str | None = None  # the top-level key whose value is being read
    record_has_id = False
    for offset, token, key in _json_tokens(text):
        if token in "{[":
            depth += 1
            if token == "{" and depth == 3 and kind in kinds and kind is not None:
                found.setdefault(kind, []).append(offsets.line(offset))
                record_has_id = False
        elif token in "}]":
            depth -= 1
        elif depth == 1:
            kind = key
        elif depth == 3 and key == "id" and kind in found and not record_has_id:
            found[kind][-1] = offsets.line(offset)
            record_has_id = True
    return found
