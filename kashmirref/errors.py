"""The one exception family of kashmirref.

Every error the library raises on purpose derives from :class:`KashmirRefError`:

- :class:`DataError` (a ``ValueError``): records that cannot be loaded. It carries
  every :class:`Problem` found, each naming the file, line, record id and field path,
  so that a user can fix all of them in one pass.
- :class:`UnknownIdError` (a ``KeyError``): a look-up of an id the catalogue does not
  hold, with the nearest ids as suggestions.
- :class:`InputError` (a ``ValueError``): an argument that cannot be understood, such
  as a date written ``"5/8/2019"``.
- :class:`MissingExtraError` (an :class:`InputError` and an ``ImportError``): a
  function needs an optional package that is not installed; the message names the
  extra to install (``pip install 'kashmirref[frames]'``).
"""

from __future__ import annotations

import reprlib
from collections.abc import Iterable, Mapping

import attrs

from kashmirref.nearest import nearest
from kashmirref.terminal import visible

__all__ = [
    "DataError",
    "FieldError",
    "InputError",
    "KashmirRefError",
    "MissingExtraError",
    "Problem",
    "UnknownIdError",
    "brief",
    "suggest",
]

_BRIEF = reprlib.Repr()
_BRIEF.maxstring = 80
_BRIEF.maxother = 80
_BRIEF.maxlist = _BRIEF.maxtuple = _BRIEF.maxdict = _BRIEF.maxset = 4
_BRIEF.maxlevel = 3

LIMITS = {"file": 200, "record": 80, "field": 120, "message": 300}
"""The most characters each part of a :class:`Problem` shows; longer parts are cut."""


def brief(value: object) -> str:
    """A ``repr`` of ``value`` short enough for a one-line message (never a whole list).

    Long strings and collections are cut with ``...``; deeply nested values are not
    walked; a value whose ``repr`` fails is named by its type.
    """
    try:
        return _BRIEF.repr(value)
    except Exception:  # a huge int, a broken __repr__: never let a message fail
        return f"<{type(value).__name__}>"


def _cut(text: str, limit: int) -> str:
    text = visible(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with the input, located as precisely as the input allows.

    Attributes:
        message: What is wrong, in one sentence.
        file: The file the record came from, or ``None`` for records built in Python.
        line: The 1-based line in ``file`` where the record (or the error) starts.
        column: The 1-based column, where the parser reports one.
        record: The id of the record at fault (``"kind:id"`` where the id is unknown).
        field: The dotted path of the field at fault inside the record, e.g.
            ``"citations[0].quote"``.
        kind: The table the record belongs to (``"statement"``, ...), if known.

    """

    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    record: str | None = None
    field: str | None = None
    kind: str | None = None

    def __str__(self) -> str:
        """Render as ``file:line: record: field: message``, leaving out unknown parts.

        Always one line of at most a few hundred characters: control characters in any
        part are shown escaped (see :func:`kashmirref.terminal.visible`) and overlong
        parts are cut (see ``LIMITS``).
        """
        where = ""
        if self.file is not None:
            where = _cut(self.file, LIMITS["file"])
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
        record = _cut(self.record, LIMITS["record"]) if self.record else None
        field = _cut(self.field, LIMITS["field"]) if self.field else None
        parts = [p for p in (where, record, field) if p]
        return ": ".join([*parts, _cut(self.message, LIMITS["message"])])


class KashmirRefError(Exception):
    """Base class of every error kashmirref raises on purpose."""


class DataError(KashmirRefError, ValueError):
    """Input records are invalid; nothing was loaded.

    ``problems`` holds every problem found (not only the first), in input order.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        if not self.problems:
            raise ValueError("DataError needs at least one problem")
        super().__init__(self._summary())

    def _summary(self) -> str:
        lines = [str(p) for p in self.problems]
        if len(lines) == 1:
            return lines[0]
        return f"{len(lines)} problems:\n" + "\n".join(f"  {line}" for line in lines)


class InputError(KashmirRefError, ValueError):
    """An argument passed to the library or the command line cannot be understood."""


class MissingExtraError(InputError, ImportError):
    """A function needs an optional package that is not installed.

    Attributes:
        extra: The extra that installs it (``"frames"``).
        package: The package that could not be imported (``"pandas"``).

    """

    def __init__(self, package: str, extra: str, needed_for: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f"{needed_for} needs {package}, which is not installed; "
            f"install the {extra!r} extra: pip install 'kashmirref[{extra}]'"
        )
        self.name = package


class FieldError(KashmirRefError, ValueError):
    """One field of a record is invalid (raised by the record classes' validators).

    Attributes:
        field: The name of the field at fault.
        message: What is wrong with it.

    """

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(field, message)

    def __str__(self) -> str:
        """``field: message``."""
        return f"{self.field}: {self.message}"


class UnknownIdError(KashmirRefError, KeyError):
    """A look-up named an id the catalogue does not hold.

    Attributes:
        kind: The kind of record looked up (``"actor"``, ``"topic"``, ...).
        key: The id that was asked for.
        suggestions: The nearest known ids, best first (possibly empty): ids spelt
            alike (in any case), and the ids of records whose name, alias, title or
            initials are spelt alike (``"Pakistan"`` suggests ``pakistan``, ``"us"``
            suggests ``united-states``).

    """

    def __init__(
        self,
        kind: str,
        key: object,
        known: Iterable[str],
        names: Mapping[str, str] | None = None,
    ) -> None:
        self.kind = kind
        self.key = key
        self.suggestions: tuple[str, ...] = suggest(key, known, names or {})
        super().__init__(kind, key)

    def __str__(self) -> str:
        """One line: what was not found and what was probably meant."""
        text = f"unknown {self.kind} {brief(self.key)}"
        if self.suggestions:
            text += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        return text


def suggest(key: object, known: Iterable[str], names: Mapping[str, str]) -> tuple[str, ...]:
    """Up to three ids nearest to ``key``, best first (none for a key that is not text).

    ``known`` are the ids; ``names`` maps other spellings of a record (lower-cased names,
    aliases, initials) to its id. Ids spelt like ``key`` (ignoring case) come first, then
    the ids of records whose other spellings are like it. The comparison is the indexed,
    bounded one of :mod:`kashmirref.nearest`.
    """
    if not isinstance(key, str):
        return ()
    by_lower: dict[str, str] = {}
    for record_id in known:
        by_lower.setdefault(record_id.lower(), record_id)
    wanted = key.strip().lower()
    found: list[str] = []
    if wanted in names:
        found.append(names[wanted])
    found += (by_lower[m] for m in nearest(wanted, by_lower, n=3))
    found += (names[m] for m in nearest(wanted, names, n=3))
    return tuple(dict.fromkeys(f for f in found if f != key))[:3]
