r"""Text that is safe to show on a terminal, and output files written whole.

Data files are written by people and scripts this library does not control. Before any
of their text reaches a terminal, :func:`visible` replaces every character that could
move the cursor, recolour the screen, erase a line or hide what follows (ANSI escape
sequences, NUL, carriage returns, newlines inside a value, bidirectional overrides,
lone surrogates) with a printable escape such as ``\\x1b`` or ``\\n``.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path

__all__ = ["visible", "visible_lines", "write_atomic"]

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


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` whole, or leave ``path`` as it was.

    The text goes to a temporary file in the same folder, which then replaces ``path``;
    on any failure the temporary file is removed and :class:`OSError` propagates, so a
    failed write never leaves an empty or partial file behind.
    """
    target = Path(path)
    handle, partial = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".partial"
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        try:
            mode = target.stat().st_mode & 0o777
        except OSError:
            mode = 0o644  # a new file: readable by all, as open() would make it
        os.chmod(partial, mode)
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(partial)
        raise
