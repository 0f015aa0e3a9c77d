"""The record classes: immutable, typed, validated on construction.

Every class is an attrs class with ``frozen=True, slots=True, kw_only=True``;
collections are tuples, dates are :class:`datetime.date`, closed vocabularies are
enums. Validators here check what one record can check on its own (slugs, non-empty
quotes, ordered periods, date precision); what needs the whole catalogue (references
between records, unique ids, stances on a topic's scale) is checked by
:mod:`kashmirref.integrity`.
"""

from __future__ import annotations

import calendar
import contextlib
import contextvars
import datetime as dt
import enum
import re
import types
import typing
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeAlias

import attrs

from kashmirref.errors import FieldError, UnknownIdError, brief

__all__ = [
    "RECORD_TYPES",
    "STALE_AFTER_YEARS",
    "Actor",
    "ActorKind",
    "Citation",
    "Code",
    "Event",
    "EventKind",
    "Ground",
    "Instrument",
    "InstrumentKind",
    "InstrumentStatus",
    "Invocation",
    "NoPositionFound",
    "Position",
    "Precision",
    "Provision",
    "Record",
    "Source",
    "SourceKind",
    "Stance",
    "Statement",
    "StatementForm",
    "StatusChange",
    "Term",
    "TermName",
    "Topic",
    "citations_of",
    "format_date",
    "is_stale",
    "last_day",
    "lineage",
]

EARLIEST = dt.date(1800, 1, 1)
"""The earliest date a record may carry (see ``docs/your-data.md``)."""
LATEST = dt.date(2200, 12, 31)
"""The latest date a record may carry: queries may step a day, a month or a year past any
date they hold, which stays far inside what :class:`datetime.date` can represent."""
LARGEST_INT = 10**9
"""The largest whole number (in absolute value) a record field accepts."""

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


# --------------------------------------------------------------------------- vocab


class Precision(enum.StrEnum):
    """How much of a date its source gives: a day, a month, or only a year.

    A date known to the month is stored as the first of that month and one known to
    the year as 1 January, with the precision saying so; no day is ever invented.
    """

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class ActorKind(enum.StrEnum):
    """What sort of actor a record is.

    A Kashmiri party is a ``party`` and a government of a part of Jammu and Kashmir a
    ``territorial-government``: actors of their own, never merged into a state.
    """

    STATE = "state"
    """A sovereign state."""
    ORGANISATION = "organisation"
    """An international organisation of states (the United Nations, the OIC)."""
    ORGAN = "organ"
    """A body of a state, organisation or government: a UN organ, a parliament, a court."""
    TERRITORIAL_GOVERNMENT = "territorial-government"
    """The government of a territory that is not a state, and its bodies."""
    PARTY = "party"
    """A political party or an alliance of parties."""
    THINK_TANK = "think-tank"
    """A research institute, or a meeting it held."""
    OFFICE = "office"
    """An office held by one person at a time (a prime minister, a spokesman)."""
    PERSON = "person"
    """A named person."""
    GROUP = "group"
    """Any other body of people."""


class SourceKind(enum.StrEnum):
    """Primary (the document itself) or secondary (a report about it)."""

    PRIMARY = "primary"
    SECONDARY = "secondary"


class InstrumentKind(enum.StrEnum):
    """The legal or political form of an instrument."""

    AGREEMENT = "agreement"
    DECLARATION = "declaration"
    TREATY = "treaty"
    CHARTER_ARTICLE = "charter-article"
    UNSC_RESOLUTION = "unsc-resolution"
    UNCIP_RESOLUTION = "uncip-resolution"
    STATUTE = "statute"
    """An act of a legislature (the Jammu and Kashmir Reorganisation Act, 2019)."""
    ORDER = "order"
    """An executive order or declaration (the Presidential Orders C.O. 272 and 273)."""


class InstrumentStatus(enum.StrEnum):
    """A status an instrument was given at some date, by whoever declared it."""

    ADOPTED = "adopted"
    SIGNED = "signed"
    RATIFIED = "ratified"
    IN_FORCE = "in-force"
    IN_ABEYANCE = "in-abeyance"
    TERMINATED = "terminated"


class EventKind(enum.StrEnum):
    """What sort of happening an event is."""

    ACCESSION = "accession"
    WAR = "war"
    ATTACK = "attack"
    MILITARY_OPERATION = "military-operation"
    CEASEFIRE = "ceasefire"
    AGREEMENT = "agreement"
    CONSTITUTIONAL_CHANGE = "constitutional-change"
    MEETING = "meeting"
    DECISION = "decision"


class StatementForm(enum.StrEnum):
    """How the cited source carries the statement.

    ``direct``: the source quotes the speaker's own words. ``reported``: the source
    paraphrases the speaker; the quote is the reporter's wording. ``document``: the
    quote is the actor's own text (a resolution, a treaty, an official release).
    """

    DIRECT = "direct"
    REPORTED = "reported"
    DOCUMENT = "document"


# ------------------------------------------------------------------ type checks

_VALIDATING: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "kashmirref_validating", default=True
)


@contextlib.contextmanager
def _validators_off() -> Iterator[None]:
    """Build records without running their validators, in this thread (or task) only.

    The loader uses it on its error path, to build a record that failed once more and
    then run each validator on its own, so that every problem of the record is reported.
    A context variable, unlike ``attrs.validators.set_disabled``, is private to the
    thread that sets it: records built at the same time in other threads are checked.
    """
    token = _VALIDATING.set(False)
    try:
        yield
    finally:
        _VALIDATING.reset(token)


_Check: TypeAlias = Callable[[object], str | None]


def _type_name(kind: Any) -> str:
    return getattr(kind, "__name__", str(kind))


def _checker(hint: Any) -> _Check | None:
    """A function that says what is wrong with a value of type ``hint`` (None if nothing)."""
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        inner = _checker(options[0]) if len(options) == 1 else None
        if inner is None:
            return None
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        args = typing.get_args(hint)
        item = _checker(args[0]) if len(args) == 2 and args[1] is Ellipsis else None

        def check_tuple(value: object) -> str | None:
            if not isinstance(value, tuple):
                return f"expected a tuple, got {type(value).__name__} {brief(value)}"
            if item is not None:
                for i, entry in enumerate(value):
                    wrong = item(entry)
                    if wrong is not None:
                        return f"item {i}: {wrong}"
            return None

        return check_tuple
    if not isinstance(hint, type):
        return None
    if issubclass(hint, enum.Enum):
        choices = ", ".join(repr(member.value) for member in hint)

        def check_enum(value: object) -> str | None:
            if isinstance(value, hint):
                return None
            try:
                member = hint(value)
            except (ValueError, TypeError):
                return f"{brief(value)} is not one of {choices}"
            got = f"{type(value).__name__} {brief(value)}"
            return f"expected {hint.__name__}.{member.name}, got {got}"

        return check_enum
    if hint is dt.date:

        def check_date(value: object) -> str | None:
            if type(value) is not dt.date:
                return f"expected a date, got {type(value).__name__} {brief(value)}"
            if not EARLIEST <= value <= LATEST:
                return f"{value} is outside the supported range {EARLIEST} to {LATEST}"
            return None

        return check_date
    if hint is int:

        def check_int(value: object) -> str | None:
            if not isinstance(value, int) or isinstance(value, bool):
                return f"expected int, got {type(value).__name__} {brief(value)}"
            if abs(value) > LARGEST_INT:
                return f"{brief(value)} is out of range (at most {LARGEST_INT:,} either way)"
            return None

        return check_int
    if hint is str:

        def check_str(value: object) -> str | None:
            if not isinstance(value, str):
                return f"expected str, got {type(value).__name__} {brief(value)}"
            return None

        return check_str

    def check_instance(value: object) -> str | None:
        if isinstance(value, hint):
            return None
        return f"expected {_type_name(hint)}, got {type(value).__name__} {brief(value)}"

    return check_instance


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    found = _HINTS.get(cls)
    if found is None:
        found = _HINTS[cls] = typing.get_type_hints(cls)
    return found


class _Guard:
    """One field's checks: its type first (as the loader checks it), then its own rules.

    Used on its own where every problem of a record is wanted (:func:`field_checks`);
    a record's construction runs all of its fields at once (:class:`_RecordGuard`).
    """

    __slots__ = ("_inner", "_name")

    def __init__(self, name: str, inner: Any) -> None:
        self._name = name
        self._inner = inner

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        _slow_check(_hints(type(instance))[self._name], attribute.name, value)
        if self._inner is not None:
            self._inner(instance, attribute, value)


_CHECKERS: dict[Any, _Check | None] = {}


def _slow_check(hint: Any, name: str, value: object) -> None:
    """Raise the :class:`FieldError` the type ``hint`` gives ``value``, if any."""
    if hint not in _CHECKERS:
        _CHECKERS[hint] = _checker(hint)
    check = _CHECKERS[hint]
    wrong = None if check is None else check(value)
    if wrong is not None:
        raise FieldError(name, wrong)


def _needs_slow_check(hint: Any, names: dict[str, Any]) -> str:
    """A Python expression in ``v``, true when ``v`` may not be of type ``hint``.

    It decides the common case by the value's class alone; when it is true,
    :func:`_slow_check` decides (a subclass passes, a wrong type raises). Objects the
    expression refers to are added to ``names``.
    """

    def named(kind: type) -> str:
        key = f"T{len(names)}"
        names[key] = kind
        return key

    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(options) == 1:
            return f"v is not None and ({_needs_slow_check(options[0], names)})"
        return "True"
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis and _checked_by_class(args[0]):
            item = named(args[0])
            return f"v.__class__ is not tuple or (v and set(map(type, v)) != {{{item}}})"
        return "True"
    if not isinstance(hint, type):
        return "True"
    key = named(hint)
    if hint is dt.date:
        names.update(EARLIEST=EARLIEST, LATEST=LATEST)
        return f"v.__class__ is not {key} or not EARLIEST <= v <= LATEST"
    if hint is int:
        names.update(LARGEST_INT=LARGEST_INT)
        return f"v.__class__ is not {key} or not -LARGEST_INT <= v <= LARGEST_INT"
    return f"v.__class__ is not {key}"


def _checked_by_class(hint: Any) -> bool:
    """Whether a value's class alone shows it is of type ``hint`` (no range to check)."""
    return isinstance(hint, type) and hint not in (dt.date, int)


def _compiled(cls: type, rules: Mapping[str, Any]) -> Callable[[object], None]:
    """One function that checks every field of a ``cls`` record, in field order.

    Per field: the type (:func:`_needs_slow_check`, then :func:`_slow_check`), then the
    field's own validator from ``rules``; the first failure raises, as attrs does.
    """
    hints = _hints(cls)
    names: dict[str, Any] = {"_slow_check": _slow_check}
    body = []
    for i, field in enumerate(attrs.fields(cls)):
        names[f"H{i}"] = hints[field.name]
        body += [
            f"    v = self.{field.name}",
            f"    if {_needs_slow_check(hints[field.name], names)}:",
            f"        _slow_check(H{i}, {field.name!r}, v)",
        ]
        if rules.get(field.name) is not None:
            names[f"R{i}"], names[f"A{i}"] = rules[field.name], field
            body.append(f"    R{i}(self, A{i}, v)")
    source = "\n".join(["def check(self):", *body, "    return None"])
    exec(compile(source, f"<kashmirref checks of {cls.__name__}>", "exec"), names)
    check: Callable[[object], None] = names["check"]
    return check


class _RecordGuard:
    """The one attrs validator of a record class, on its first field: it checks them all.

    attrs runs validators once every field is set, so one validator can check the whole
    record: each field's type, then the field's own rules (``rules``: field name →
    validator), compiled once per class by :func:`_compiled`, so that building a record
    costs one call, not one per field. Skipped while :func:`_validators_off` is in effect
    in the calling thread.
    """

    __slots__ = ("_checks", "rules")

    def __init__(self, rules: Mapping[str, Any]) -> None:
        self.rules = dict(rules)
        self._checks: dict[type, Callable[[object], None]] = {}

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not _VALIDATING.get():
            return
        kind = type(instance)
        check = self._checks.get(kind)
        if check is None:
            check = self._checks[kind] = _compiled(kind, self.rules)
        check(instance)


def _guarded(_: type, fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """Give a record class one :class:`_RecordGuard` for all its fields (a field transformer)."""
    if not fields:
        return fields
    guard = _RecordGuard({field.name: field.validator for field in fields})
    return [fields[0].evolve(validator=guard), *(f.evolve(validator=None) for f in fields[1:])]


def field_rule(cls: type, name: str) -> Any:
    """The validator field ``name`` of record class ``cls`` was declared with (or ``None``)."""
    guard = attrs.fields(cls)[0].validator
    return guard.rules.get(name) if isinstance(guard, _RecordGuard) else None


def field_checks(cls: type) -> tuple[tuple[attrs.Attribute[Any], _Guard], ...]:
    """Each field of record class ``cls`` with its own checks (type, then rules).

    For reporting every problem of a record at once; building a record stops at the
    first.
    """
    return tuple(
        (field, _Guard(field.name, field_rule(cls, field.name))) for field in attrs.fields(cls)
    )


# ---------------------------------------------------------------------- validators


_GOOD_SLUGS: set[str] = set()
"""Slugs already found valid: ids recur across records (speakers, topics, sources)."""


def _slug(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if value.__class__ is str and value in _GOOD_SLUGS:
        return
    if not _SLUG.fullmatch(value):
        raise FieldError(
            attribute.name, f"must be a lowercase slug such as 'simla-1972', got {brief(value)}"
        )
    if value.__class__ is str:
        if len(_GOOD_SLUGS) >= 100_000:
            _GOOD_SLUGS.clear()  # bounded: a long-lived process loading ever new ids
        _GOOD_SLUGS.add(value)


def _optional_slug(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        _slug(instance, attribute, value)


def _slugs(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for item in value:
        _slug(instance, attribute, item)
    if len(set(value)) != len(value):
        raise FieldError(attribute.name, f"lists an id twice: {brief(value)}")


_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
"""Embeddings, overrides and isolates: they make text display other than it is stored."""
_CONTROL_IN_PROSE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI_CONTROLS}\ud800-\udfff]")
_CONTROL_IN_LINE = re.compile(
    f"[\x00-\x1f\x7f-\x9f\u2028\u2029{_BIDI_CONTROLS}\ud800-\udfff]"
)
_INVISIBLE_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


_VISIBLE_ASCII = re.compile("[!-~]")


def _shows_something(value: str) -> bool:
    """Whether ``value`` has a character that shows: not only spaces, marks or formats."""
    if _VISIBLE_ASCII.search(value):
        return True  # the common case, decided in one search
    for char in value:
        if char.isspace() or char in _INVISIBLE_LETTERS:
            continue
        if unicodedata.category(char)[0] not in "CZM":
            return True
    return False


def _control(pattern: re.Pattern[str], attribute: attrs.Attribute[Any], value: str) -> None:
    found = pattern.search(value)
    if found is not None:
        bidi = "\u202a" <= found[0] <= "\u202e" or "\u2066" <= found[0] <= "\u2069"
        raise FieldError(
            attribute.name,
            f"contains the {'bidirectional ' if bidi else ''}control character "
            f"U+{ord(found[0]):04X} at offset {found.start()}"
            + (", which makes text display other than it is stored" if bidi else ""),
        )


def _text(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """Prose: something visible; newline and tab allowed, no other control character."""
    _control(_CONTROL_IN_PROSE, attribute, value)
    if not _shows_something(value):
        raise FieldError(attribute.name, "must not be empty")


def _line(_: object, attribute: attrs.Attribute[Any], value: str) -> None:
    """A name, title or label: something visible, on one line, no control character."""
    _control(_CONTROL_IN_LINE, attribute, value)
    if not _shows_something(value):
        raise FieldError(attribute.name, "must not be empty")


def _optional_text(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        _text(instance, attribute, value)


def _optional_line(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None:
        _line(instance, attribute, value)


def _lines(instance: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    for item in value:
        _line(instance, attribute, item)


def _optional_web_address(_: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is None:
        return
    _line(_, attribute, value)
    if not value.startswith(("https://", "http://")) or len(value) <= len("https://"):
        raise FieldError(attribute.name, f"must be an http(s) address, got {brief(value)}")
    if any(char.isspace() or char in '<>"' for char in value):
        raise FieldError(attribute.name, "must not contain spaces, quotes or angle brackets")


def _non_empty(_: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
    if not value:
        raise FieldError(attribute.name, "needs at least one entry")


def _precision_fits(date_field: str) -> Any:
    """Check that the date in ``date_field`` carries no more than its precision."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Precision) -> None:
        when: dt.date | None = getattr(instance, date_field)
        if when is None:
            return
        if value is Precision.MONTH and when.day != 1:
            raise FieldError(
                date_field, f"{when} has month precision, so must be the 1st of the month"
            )
        if value is Precision.YEAR and (when.month, when.day) != (1, 1):
            raise FieldError(date_field, f"{when} has year precision, so must be 1 January")

    return check


def last_day(when: dt.date, precision: Precision) -> dt.date:
    """The last day a date of the given precision may stand for (``2025`` → 31 Dec 2025).

    This is the one rule every query follows: a statement dated ``2025`` is on record
    by a date only from 31 December 2025, since it may have been made on that day.
    """
    if precision is Precision.YEAR:
        return dt.date(when.year, 12, 31)
    if precision is Precision.MONTH:
        return dt.date(when.year, when.month, calendar.monthrange(when.year, when.month)[1])
    return when


def lineage(actor: str, parents: Mapping[str, str | None]) -> tuple[tuple[str, ...], bool]:
    """``actor`` and every actor above it by ``parent`` links, and whether the chain loops.

    ``parents`` maps each actor id to its parent's id. The walk stops at an actor with no
    parent, at an id ``parents`` does not know, or where it meets an actor already
    passed (then the second value is ``True``). Every walk up the actor tree uses it:
    integrity, drawing each statement in its party's lane, and the strategies.
    """
    chain: list[str] = []
    step: str | None = actor
    while step is not None:
        if step in chain:
            return tuple(chain), True
        chain.append(step)
        step = parents.get(step)
    return tuple(chain), False


def format_date(when: dt.date, precision: Precision = Precision.DAY) -> str:
    """Render a date no more precisely than it is known: ``2 July 1972``, ``May 2025``."""
    if precision is Precision.YEAR:
        return str(when.year)
    if precision is Precision.MONTH:
        return f"{when:%B} {when.year}"
    return f"{when.day} {when:%B} {when.year}"


# ------------------------------------------------------------------------- records


class _Displayed:
    """What every record class shares: how it displays in a notebook."""

    __slots__ = ()

    def _repr_html_(self) -> str:
        """The record as an HTML table, every value escaped (for Jupyter)."""
        from kashmirref.notebook import record_html

        return record_html(self)


@attrs.frozen(kw_only=True, field_transformer=_guarded)
class Actor(_Displayed):
    """A state, organisation, UN organ, office, person or group that takes positions.

    ``parent`` links an office to its state or a person to the office they speak for,
    so that a statement by a spokesperson can be traced to the state it speaks for.
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_line)
    kind: ActorKind
    parent: str | None = attrs.field(default=None, validator=_optional_slug)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_lines)
    note: str | None = attrs.field(default=None, validator=_optional_text)


@attrs.frozen(kw_only=True, field_transformer=_guarded)
class Source(_Displayed):
    """A document cited by the catalogue: a treaty text, UN record, transcript or report.

    ``published`` is given no more precisely than the document itself supports (see
    ``published_precision``). ``press_of`` is the state (an actor id) whose government,
    press or partisan site published this copy, where that is India or Pakistan, the two
    states whose statements are compared: a statement that only the other state's copies
    carry is marked (:meth:`~kashmirref.catalog.Catalog.only_in_press_of_others`).
    ``None`` for the UN's, a third country's or an international publisher's copy.
    """

    id: str = attrs.field(validator=_slug)
    title: str = attrs.field(validator=_line)
    publisher: str = attrs.field(validator=_line)
    published: dt.date
    published_precision: Precision = attrs.field(
        default=Precision.DAY, validator=_precision_fits("published")
    )
    kind: SourceKind
    url: str | None = attrs.field(default=None, validator=_optional_web_address)
    note: str | None = attrs.field(default=None, validator=_optional_text)
    press_of: str | None = attrs.field(default=None, validator=_optional_slug)


@attrs.frozen(kw_only=True, field_transformer=_guarded)
class Citation(_Displayed):
    """A pointer into a source, with the verbatim words found there.

    ``checked`` is the day the quote was last compared, word for word, with the copy
    that was read; ``read_at`` is the address of that copy when it is not the source's
    own (a mirror or reproduction of a UN record, say). A citation of a source with a
    web address must say when it was checked (see :mod:`kashmirref.integrity`).
    """

    source: str = attrs.field(validator=_slug)
    quote: str = attrs.field(validator=_text)
    locator: str | None = attrs.field(default=None, validator=_optional_line)
    checked: dt.date | None = None
    read_at: str | None = attrs.field(default=None, validator=_optional_web_address)

    @property
    def check_note(self) -> str | None:
        """When the quote was last checked, in words (``checked 29 November 2026``)."""
        return None if self.checked is None else f"checked {format_date(self.checked)}"


@attrs.frozen(kw_only=True, field_transformer=_guarded)
class Stance(_Displayed):
    """One point on a topic's ordered scale, with the codebook's rules for it.

    ``value`` is its rank, ``label`` a short name in neutral words, ``meaning`` what a
    statement coded with it says. ``rules`` tell a coder what counts, what does not and
    how to tell it from its neighbours; ``anchors`` name statements coded with this
    stance as clear examples (the tests check that each carries this code). Stances
    compare by ``value``; the difference between two values is the gap a comparison
    reports.
    """

    value: int = attrs.field(validator=attrs.validators.ge(0))
    label: str = attrs.field(validator=_slug)
    meaning: str = attrs.field(validator=_text)
    rules: str = attrs.field(validator=_text)
    anchors: tuple[str, ...] = attrs.field(default=(), validator=_slugs)


def _scale(_: object, attribute: attrs.Attribute[Any], value: tuple[Stance, ...]) -> None:
    if len(value) < 2:
        raise FieldError(attribute.name, "needs at least two stances")
    values = [s.value for s in value]
    if values != list(range(len(value))):
        raise FieldError(
            attribute.name, f"values must run 0, 1, 2, ... in order, got {brief(values)}"
        )
    labels = [s.label for s in value]
    if len(set(labels)) != len(labels):
        raise FieldError(attribute.name, f"repeats a label: {brief(labels)}")


@attrs.frozen(kw_only=True, field_transformer=_guarded)
class Topic(_Displayed):
    """A question the actors answer differently, with its ordered scale of answers.

    ``question`` is neutral editorial text: either side should accept it as a fair
    statement of what is asked. ``core`` topics must have, for India and for Pakistan in
    every decade from ``opens``, a coded statement or an explicit
    :class:`NoPositionFound` saying what was searched. ``note`` is neutral editorial
    context shown with the question. ``opens`` is the day the question can first be put
    (the changes of August 2019, say): no statement is coded with a stance before it.
    """

    id: str = attrs.field(validator=_slug)
    title: str = attrs.field(validator=_line)
    question: str = attrs.field(validator=_text)
    scale: tuple[Stance, ...] = attrs.field(validator=_scale)
    core: bool = True
    note: str | None = attrs.field(default=None, validator=_optional_text)
    opens: dt.date | None = None

    def stance(self, label: str) -> Stance:
        """Return the stance called ``label``; ``ValueError`` if the scale has none."""
        for point in self.scale:
            if point.label == label:
                return point
        labels = ", ".join(s.label for s in self.scale)
        raise ValueError(f"stance {label!r} is not on the scale of {self.id!r} ({labels})")


@attrs.frozen(kw_only=True, field_transformer=_guarded)
class Code(_Displayed):
    """The stance one statement's own words express on one topic, or a bare mention.

    ``stance`` is a label of the topic's scale, chosen by the codebook's rules (see
    :class:`Stance`); ``None`` records that the words touch the topic without meeting
    any stance's rules.
    """

    topic: str = attrs.field(validator=_slug)
    stance: str | None = attrs.field(default=None, validator=_optional_slug)

    @property
    def is_mention(self) -> bool:
        """True when the words only mention the topic."""
        return self.stance is None


@attrs.frozen(kw_only=True, field_transformer=_guarded)
class Invocation(_Displayed):
    """An instrument a statement's words invoke, the clause they name, and how they read it.

    ``provision`` is given only where the words name a clause; ``reading`` says, in
    wording attributed to the speaker, how the statement reads the instrument.
    """

    instrument: str = attrs.field(validator=_slug)
    provision: str | None = attrs.field(default=None, validator=_optional_slug)
    reading: str | None = attrs.field(default=None, validator=_optional_text)

    @property
    def clause(self) -> str:
        """The instrument id, with the provision when one is named (``simla-1972 para-1``)."""
        return self.instrument + (f" {self.provision}" if self.provision else "")


def _codes(_: object, attribute: attrs.Attribute[Any], value: tuple[Code, ...]) -> None:
    topics = [code.topic for code in value]
    if len(set(topics)) != len(topics):
        raise FieldError(attribute.name, f"codes a topic twice: {brief(topics)}")


@attrs.frozen(kw_only=True, field_transformer=_guarded)
class Statement(_Displayed):
    """A dated utterance by a speaker on behalf of an actor, with its citations and codes.

    The first citation is where the quoted words were found; further citations
    corroborate it (for example the primary transcript behind a press report).
    ``codes`` give, for each topic the words speak to, the stance they express or a
    mention; ``invokes`` the instruments the words invoke. Positions are derived from
    these codes (:meth:`kashmirref.Catalog.positions`).
    """

    id: str = attrs.field(validator=_slug)
    date: dt.date
    date_precision: Precision = attrs.field(
        default=Precision.DAY, validator=_precision_fits("date")
    )
    speaker: str = attrs.field(validator=_slug)
    on_behalf_of: str = attrs.field(validator=_slug)
    form: StatementForm
    citations: tuple[Citation, ...] = attrs.field(validator=_non_empty)
    codes: tuple[Code, ...] = attrs.field(default=(), validator=_codes)
    invokes: tuple[Invocation, ...] = ()
    venue: str | None = attrs.field(default=None, validator=_optional_line)
    note: str | None = attrs.field(default=None, validator=_optional_text)

    @property
    def topics(self) -> tuple[str, ...]:
        """The topics the words speak to, coded with a stance or as a mention."""
        return tuple(code.topic for code in self.codes)

    def code(self, topic: str) -> Code | None:
        """The code for ``topic``, or ``None`` when the words do not speak to it."""
        for code in self.codes:
            if code.topic == topic:
                return code
        return None

    def stance_on(self, topic: str) -> str | None:
        """The stance the words express on ``topic`` (``None``: a mention, or not coded)."""
        found = self.code(topic)
        return None if found is None else found.stance

    @property
    def citation(self) -> Citation:
        """The citation where the quoted words were found."""
        return self.citations[0]

    @property
    def text(self) -> str:
        """The verbatim words of the statement as the first citation gives them."""
        return self.citations[0].quote

    @property
    def last_possible(self) -> dt.date:
        """The last day the statement could have been made, given its date's precision."""
        return last_day(self.date, self.date_precision)

    def on_record_by(self, when: dt.date) -> bool:
        """Whether the statement was certainly made by ``when``.

        That is, its last possible day is on or before ``when``: a statement dated
        ``May 2025`` is on record by 31 May 2025, not before.
        """
        return self.last_possible <= when

    def straddles(self, when: dt.date) -> bool:
        """Whether it may or may not have been made by ``when``.

        That is, ``when`` falls inside the month or year the statement is dated to,
        before that period's last day.
        """
        return self.date <= when < self.last_possible


@attrs.frozen(kw_only=True)
class Ground(_Displayed):
    """An instrument a position rests on: one statement's invocation of it.

    Derived, never written: :meth:`kashmirref.Catalog.positions` collects the
    invocations of the statements that evidence a position. ``statement`` names the
    statement whose words invoke it.
    """

    instrument: str
    statement: str
    provision: str | None = None
    reading: str | None = None

    @property
    def clause(self) -> str:
        """The instrument id, with the provision when one is named."""
        return self.instrument + (f" {self.provision}" if self.provision else "")


STALE_AFTER_YEARS = 10
"""A stance last stated more than this many years before the date asked is marked stale."""


def is_stale(last_stated: dt.date, precision: Precision, as_of: dt.date) -> bool:
    """Whether a stance last stated then is, as of ``as_of``, over the stale threshold."""
    return (as_of - last_day(last_stated, precision)).days > STALE_AFTER_YEARS * 365.25


@attrs.frozen(kw_only=True)
class Position(_Displayed):
    """Derived: an actor's stance on a topic, from its coded statements on record.

    Never written by hand. As of a date ``D`` (:attr:`as_of`), a stance holds from
    the statement that first expressed it (``valid_from``) until a later statement
    expresses another; statements the record cannot put in order (one dated only to a
    year or month that contains the other's date) are taken together, so two stances
    stated then are both current (:attr:`mixed`). ``last_stated`` is the latest
    statement expressing it; ``stale`` marks one not restated for more than
    :data:`STALE_AFTER_YEARS` years before ``as_of`` (see :func:`is_stale`).
    ``valid_to`` is set only in a history (``as_of`` ``None``): the date of the
    statement that expressed another stance. ``evidence`` and ``grounds`` hold only
    statements on record by ``as_of``.
    """

    actor: str
    topic: str
    stance: str
    valid_from: dt.date
    valid_from_precision: Precision = Precision.DAY
    last_stated: dt.date
    last_stated_precision: Precision = Precision.DAY
    valid_to: dt.date | None = None
    valid_to_precision: Precision = Precision.DAY
    evidence: tuple[str, ...]
    grounds: tuple[Ground, ...] = ()
    as_of: dt.date | None = None
    mixed: bool = False
    stale: bool = False

    @property
    def id(self) -> str:
        """A stable name: actor, topic, stance and the day the stance was first stated."""
        return f"{self.actor}-{self.topic}-{self.stance}-{self.valid_from.isoformat()}"

    def __repr__(self) -> str:
        """One short line: who, on what, which stance, when; the evidence counted."""
        as_of = "" if self.as_of is None else f", as_of={self.as_of.isoformat()!r}"
        return (
            f"Position(actor={self.actor!r}, topic={self.topic!r}, stance={self.stance!r}, "
            f"period={self.period!r}{as_of}, evidence={len(self.evidence)} statements, "
            f"grounds={len(self.grounds)})"
        )

    @property
    def last_stated_text(self) -> str:
        """When the stance was last stated, in words (``last stated March 2025``)."""
        return f"last stated {format_date(self.last_stated, self.last_stated_precision)}"

    @property
    def period(self) -> str:
        """The period in words, as precise as its dates.

        ``since 5 August 2019`` while it holds; ``2014 \u2013 9 May 2016`` once another
        stance was stated (history only); one date when a single statement is all.
        """
        start = format_date(self.valid_from, self.valid_from_precision)
        if self.valid_to is None:
            return f"since {start}"
        end = format_date(self.valid_to, self.valid_to_precision)
        return start if end == start else f"{start} \u2013 {end}"


@attrs.frozen(kw_only=True, field_transformer=_guarded)
class NoPositionFound(_Displayed):
    """A recorded gap: no coded statement of an actor on a topic found in a period.

    It keeps coverage symmetric: a gap on one side is a finding, with what was searched
    and where (``searched``) and when (``checked``), never a silent absence. ``start``
    and ``end`` bound the period searched (inclusive), usually a decade.
    """

    id: str = attrs.field(validator=_slug)
    actor: str = attrs.field(validator=_slug)
    topic: str = attrs.field(validator=_slug)
    start: dt.date
    end: dt.date = attrs.field()
    searched: str = attrs.field(validator=_text)
    checked: dt.date

    @end.validator
    def _after_start(self, _: attrs.Attribute[Any], value: dt.date) -> None:
        if value < self.start:
            raise FieldError("end", f"{value} is before start {self.start}")

    def covers(self, when: dt.date) -> bool:
        """Whether ``when`` falls in the period searched."""
        return self.start <= when <= self.end

    @property
    def period(self) -> str:
        """The period searched, in words."""
        return f"{format_date(self.start)} \u2013 {format_date(self.end)}"


def _of_a_named_copy(instance: Provision, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and instance.source is None:
        raise FieldError(attribute.name, "describes a copy, but no source names it")


@attrs.frozen(kw_only=True, field_transformer=_guarded)
class Provision(_Displayed):
    """One clause of an instrument, with its verbatim text and the copy it was read in.

    ``source`` names the copy the text was read in where it is not the instrument's
    first citation (copies of one instrument differ, and a clause may be reachable in one
    copy only); ``checked`` is the day the text was compared with that copy and
    ``read_at`` the address of the copy when it is not the source's own, as for a
    :class:`Citation`. ``summary`` says what the copy is and how copies differ.
    """

    id: str = attrs.field(validator=_slug)
    label: str = attrs.field(validator=_line)
    text: str = attrs.field(validator=_text)
    summary: str | None = attrs.field(default=None, validator=_optional_text)
    source: str | None = attrs.field(default=None, validator=_optional_slug)
    checked: dt.date | None = attrs.field(default=None, validator=_of_a_named_copy)
    read_at: str | None = attrs.field(
        default=None, validator=[_optional_web_address, _of_a_named_copy]
    )

    @property
    def copy(self) -> Citation | None:
        """The copy the text was read in, as a citation quoting the text (if one is named)."""
        if self.source is None:
            return None
        return Citation(
            source=self.source, quote=self.text, checked=self.checked, read_at=self.read_at
        )


def _declaration(instance: StatusChange, attribute: attrs.Attribute[Any], value: object) -> None:
    if value and instance.declared_by is None:
        raise FieldError(attribute.name, "needs declared_by: whose declaration is it?")


@attrs.frozen(kw_only=True, field_transformer=_guarded)
class StatusChange(_Displayed):
    """A status an instrument took on a date, as declared by an actor, with a citation.

    ``unilateral`` marks a declaration by one party about its own performance (India's
    of April 2025 that it holds the Indus Waters Treaty in abeyance, say): it records
    what that party declared, not a status the other parties accept. ``condition``
    gives, in the declaration's own words, what a conditional declaration depends on
    (Pakistan's National Security Committee said it "shall exercise the right" to hold
    the Simla Agreement in abeyance "till" a condition is met); a conditional
    declaration is unilateral by nature. Neither kind changes :attr:`Instrument.status`.
    """

    date: dt.date
    status: InstrumentStatus
    citation: Citation
    declared_by: str | None = attrs.field(default=None, validator=_optional_slug)
    unilateral: bool = attrs.field(default=False, validator=_declaration)
    condition: str | None = attrs.field(default=None, validator=[_optional_text, _declaration])

    @property
    def is_declaration(self) -> bool:
        """True for one party's declaration, conditional or not."""
        return self.unilateral or self.condition is not None

    @property
    def standing(self) -> str:
        """What kind of change this is, in words: agreed, one party's, or conditional."""
        if self.condition is not None:
            return f"declared by one party, on a condition: {self.condition}"
        return "declared by one party" if self.unilateral else "recorded"


def _provision_ids(
    _: object, attribute: attrs.Attribute[Any], value: tuple[Provision, ...]
) -> None:
    ids = [p.id for p in value]
    if len(set(ids)) != len(ids):
        raise FieldError(attribute.name, f"repeats an id: {brief(ids)}")


def _history(
    instance: Instrument, attribute: attrs.Attribute[Any], value: tuple[StatusChange, ...]
) -> None:
    dates = [change.date for change in value]
    if dates != sorted(dates):
        raise FieldError(attribute.name, "must be in date order")
    if dates and dates[0] < instance.date:
        raise FieldError(attribute.name, f"starts before the instrument's date {instance.date}")


def _number(instance: Instrument, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if instance.kind is InstrumentKind.UNSC_RESOLUTION and (value is None or value < 1):
        raise FieldError(attribute.name, "is required for a UNSC resolution")


def _missing_parts(
    instance: Instrument, attribute: attrs.Attribute[Any], value: str | None
) -> None:
    _optional_text(instance, attribute, value)
    if value is not None and instance.complete:
        raise FieldError(attribute.name, "names missing parts of a text marked complete")


@attrs.frozen(kw_only=True, field_transformer=_guarded)
class Instrument(_Displayed):
    """An agreement, declaration, treaty, Charter article or UN resolution.

    ``date`` is the date of adoption or signature. ``provisions`` are its clauses, each
    quoted from a copy that was read; ``complete`` says that they hold its whole
    operative text, and ``missing``, when they do not, which parts are not recorded and
    why. ``status_history`` lists, in date order, each status the instrument took and
    who declared it, and each party's own declarations about it; :attr:`status` is the
    latest status that is not one party's declaration, and :attr:`declarations` are
    those declarations.
    """

    id: str = attrs.field(validator=_slug)
    kind: InstrumentKind
    title: str = attrs.field(validator=_line)
    date: dt.date
    citations: tuple[Citation, ...] = attrs.field(validator=_non_empty)
    number: int | None = attrs.field(default=None, validator=_number)
    parties: tuple[str, ...] = attrs.field(default=(), validator=_slugs)
    signatories: tuple[str, ...] = attrs.field(default=(), validator=_lines)
    vote: str | None = attrs.field(default=None, validator=_optional_line)
    summary: str | None = attrs.field(default=None, validator=_optional_text)
    provisions: tuple[Provision, ...] = attrs.field(default=(), validator=_provision_ids)
    complete: bool = False
    missing: str | None = attrs.field(default=None, validator=_missing_parts)
    status_history: tuple[StatusChange, ...] = attrs.field(default=(), validator=_history)

    @property
    def short_title(self) -> str:
        """What people call it: the title up to a parenthesis or colon, no "The" or year.

        ``"The Indus Waters Treaty 1960"`` → ``"Indus Waters Treaty"``; ``"Simla
        Agreement (Agreement on ...)"`` → ``"Simla Agreement"``.
        """
        short = re.split(r" \(|: ", self.title, maxsplit=1)[0].strip()
        short = re.sub(r",? \d{4}$", "", re.sub(r"^the ", "", short, flags=re.IGNORECASE))
        return short or self.title

    @property
    def status(self) -> InstrumentStatus | None:
        """The latest status that is not one party's declaration (``None``: none recorded)."""
        agreed = [c for c in self.status_history if not c.is_declaration]
        return agreed[-1].status if agreed else None

    @property
    def declarations(self) -> tuple[StatusChange, ...]:
        """One party's declarations about the instrument, conditional or not, in date order."""
        return tuple(c for c in self.status_history if c.is_declaration)

    def provision(self, provision_id: str) -> Provision:
        """Return the provision ``provision_id``; ``KeyError`` names the known ones."""
        for provision in self.provisions:
            if provision.id == provision_id:
                return provision
        raise UnknownIdError(
            f"provision of {self.id}", provision_id, (p.id for p in self.provisions)
        )


def _end(instance: Event, _: attrs.Attribute[Any], value: dt.date | None) -> None:
    if value is not None and value < instance.date:
        raise FieldError("end_date", f"{value} is before date {instance.date}")


@attrs.frozen(kw_only=True, field_transformer=_guarded)
class Event(_Displayed):
    """A dated happening the positions refer to: an attack, a war, a ceasefire, ..."""

    id: str = attrs.field(validator=_slug)
    date: dt.date
    date_precision: Precision = attrs.field(
        default=Precision.DAY, validator=_precision_fits("date")
    )
    end_date: dt.date | None = attrs.field(default=None, validator=_end)
    kind: EventKind
    title: str = attrs.field(validator=_line)
    summary: str = attrs.field(validator=_text)
    actors: tuple[str, ...] = attrs.field(default=(), validator=_slugs)
    citations: tuple[Citation, ...] = attrs.field(validator=_non_empty)


@attrs.frozen(kw_only=True, field_transformer=_guarded)
class TermName(_Displayed):
    """One name an actor uses for a place or thing, with where it is attested."""

    actor: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_line)
    citation: Citation | None = None


@attrs.frozen(kw_only=True, field_transformer=_guarded)
class Term(_Displayed):
    """A place or thing the sides name differently: the library's neutral name, and theirs."""

    id: str = attrs.field(validator=_slug)
    neutral_name: str = attrs.field(validator=_line)
    names: tuple[TermName, ...] = attrs.field(validator=_non_empty)
    note: str | None = attrs.field(default=None, validator=_optional_text)

    @property
    def names_by_actor(self) -> Mapping[str, tuple[str, ...]]:
        """Each actor's names for the term, in recorded order."""
        grouped: dict[str, tuple[str, ...]] = {}
        for entry in self.names:
            grouped[entry.actor] = (*grouped.get(entry.actor, ()), entry.name)
        return grouped


Record: TypeAlias = Actor | Source | Topic | Statement | NoPositionFound | Instrument | Event | Term
"""Any top-level record of the catalogue."""

RECORD_TYPES: Mapping[str, type[Any]] = {
    "actor": Actor,
    "source": Source,
    "topic": Topic,
    "instrument": Instrument,
    "event": Event,
    "statement": Statement,
    "no_position": NoPositionFound,
    "term": Term,
}
"""Top-level record kinds by the table name they have in data files, in load order."""


def _register_with_hypothesis() -> None:
    from kashmirref import _hypothesis_hook

    _hypothesis_hook.register(__name__)


_register_with_hypothesis()


def citations_of(record: object) -> Iterator[Citation]:
    """Every citation inside ``record``, however deeply nested, and each provision's copy.

    The records that cite a source are those for which this yields a citation of it.
    """
    if isinstance(record, Citation):
        yield record
    elif isinstance(record, Provision):
        if record.copy is not None:
            yield record.copy
    elif isinstance(record, tuple):
        for item in record:
            yield from citations_of(item)
    elif attrs.has(type(record)):
        for field in attrs.fields(typing.cast(Any, type(record))):
            yield from citations_of(getattr(record, field.name))
