"""The :class:`Catalog`: the whole immutable collection, validated and indexed once.

A catalogue is built from tuples of records; construction checks every cross-record
rule (:mod:`kashmirref.integrity`) and raises :class:`~kashmirref.errors.DataError`
with all problems, or builds the indexes that make every look-up a dictionary hit.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import operator
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import Any, Protocol, TypeAlias, TypeVar

import attrs

from kashmirref import collector, integrity
from kashmirref.dates import DateLike, as_date
from kashmirref.derive import Coded, current, history
from kashmirref.errors import DataError, InputError, Problem, UnknownIdError
from kashmirref.model import (
    RECORD_TYPES,
    Actor,
    ActorKind,
    Event,
    Instrument,
    InstrumentKind,
    Invocation,
    NoPositionFound,
    Position,
    Record,
    Source,
    Statement,
    Term,
    Topic,
    lineage,
)

__all__ = ["TABLES", "Catalog", "Invoked", "Located", "TimelineEntry"]


class Located(Protocol):
    """Where a record was read from: a file and, when known, a 1-based line."""

    @property
    def file(self) -> str | None:
        """The file, as shown in messages."""

    @property
    def line(self) -> int | None:
        """The 1-based line of the record's id, if found."""


TABLES: Mapping[str, str] = {kind: f"{kind}s" for kind in RECORD_TYPES}
"""Table name in data files → :class:`Catalog` attribute, in load order."""

_R = TypeVar("_R", bound=Record)

TimelineEntry: TypeAlias = Event | Statement


@attrs.frozen(kw_only=True)
class Invoked:
    """One invocation of an instrument: the statement whose words make it, and what they invoke.

    :attr:`invocation` gives the clause, where the words name one, and the speaker's reading.
    """

    statement: Statement
    invocation: Invocation

    @property
    def provision(self) -> str | None:
        """The clause the words name, or ``None`` for the instrument as a whole."""
        return self.invocation.provision

    @property
    def actor(self) -> str:
        """Whose behalf the statement was made on."""
        return self.statement.on_behalf_of
"""An entry of :meth:`Catalog.timeline`: an event or a statement."""


_Built = TypeVar("_Built")


def _table(build: Callable[[Any], _Built]) -> functools.cached_property[_Built]:
    """A look-up table built on first use, with the garbage collector paused meanwhile.

    Building one allocates an object or two per statement and frees none: with the
    collector running, a table over 100,000 statements took three times as long (see
    :mod:`kashmirref.collector`).
    """

    @functools.wraps(build)
    def paused(index: Any) -> _Built:
        with collector.paused():
            return build(index)

    return functools.cached_property(paused)


_BY_DATE_AND_ID = operator.attrgetter("date", "id")
"""Sort key of statements and events: by date, then id (evaluated in C, not Python)."""


class _Index:
    """A catalogue's look-up tables: the id tables at once, the others when first used.

    Loading builds only what every look-up by id needs; the groupings and derived
    stance runs are computed on first use and kept (each once per catalogue; two threads
    racing compute equal tables and one is kept). :meth:`complete` computes them all,
    as the snapshot does before it pickles a catalogue.
    """

    def __init__(self, catalog: Catalog) -> None:
        self._catalog = catalog
        self.by_id: Mapping[str, Mapping[str, Record]] = {
            kind: {r.id: r for r in records} for kind, records in catalog.tables()
        }
        self.resolutions: Mapping[int, Instrument] = {
            i.number: i
            for i in catalog._instruments
            if i.kind is InstrumentKind.UNSC_RESOLUTION and i.number is not None
        }
        self.parents: Mapping[str, str | None] = {a.id: a.parent for a in catalog._actors}
        self.names: dict[tuple[str | None, bool], Mapping[str, str]] = {}
        self.named: dict[str, tuple[tuple[str, Record], ...]] = {}
        self.histories: dict[tuple[str, str], tuple[Position, ...]] = {}

    def complete(self) -> None:
        """Compute every table now rather than on first use."""
        for name, value in vars(type(self)).items():
            if isinstance(value, functools.cached_property):
                getattr(self, name)
        self.coded.complete()

    @_table
    def statements(self) -> tuple[Statement, ...]:
        """Every statement, by date and id."""
        return tuple(sorted(self._catalog._statements, key=_BY_DATE_AND_ID))

    @_table
    def coded(self) -> _CodedPairs:
        """(actor, topic) → the statements coded with a stance, in record order."""
        return _CodedPairs(
            _group(
                self.statements,
                lambda s: [(s.on_behalf_of, c.topic) for c in s.codes if c.stance is not None],
            )
        )

    @_table
    def no_positions_by_pair(self) -> Mapping[tuple[str, str], tuple[NoPositionFound, ...]]:
        """(actor, topic) → the recorded searches that found no position, by start."""
        return _group(
            sorted(self._catalog._no_positions, key=lambda n: (n.start, n.id)),
            lambda n: [(n.actor, n.topic)],
        )

    @_table
    def statements_by_actor(self) -> Mapping[str, tuple[Statement, ...]]:
        """Actor id → the statements it made or that were made on its behalf."""
        return _group(self.statements, lambda s: [s.on_behalf_of, s.speaker])

    @_table
    def statements_by_topic(self) -> Mapping[str, tuple[Statement, ...]]:
        """Topic id → the statements whose words speak to it."""
        return _group(self.statements, lambda s: s.topics)

    @_table
    def statements_by_instrument(self) -> Mapping[str, tuple[Statement, ...]]:
        """Instrument id → the statements that invoke it."""
        return _group(self.statements, lambda s: [i.instrument for i in s.invokes])

    @_table
    def timeline(self) -> tuple[TimelineEntry, ...]:
        """Events and statements, by date and id."""
        entries: list[TimelineEntry] = [*self._catalog._events, *self.statements]
        entries.sort(key=_BY_DATE_AND_ID)
        return tuple(entries)

    @_table
    def timeline_dates(self) -> tuple[dt.date, ...]:
        """The date of each timeline entry, for bisection."""
        return tuple(e.date for e in self.timeline)

    @_table
    def latest(self) -> dt.date | None:
        """The last day any statement may have been made."""
        return max((s.last_possible for s in self._catalog._statements), default=None)


class _CodedPairs(Mapping[tuple[str, str], Coded]):
    """The stance-coded statements of each (actor, topic) pair, ordered when first asked.

    Grouping the statements by pair is one pass; ordering each pair's statements by
    when they came on record (:meth:`Coded.of`) is done for a pair when a query first
    needs it, so the first question about one actor and topic does not pay for all.
    """

    def __init__(self, groups: Mapping[tuple[str, str], tuple[Statement, ...]]) -> None:
        self._groups = groups
        self._ordered: dict[tuple[str, str], Coded] = {}

    def __getitem__(self, pair: tuple[str, str]) -> Coded:
        found = self._ordered.get(pair)
        if found is None:
            found = self._ordered[pair] = Coded.of(*pair, self._groups[pair])
        return found

    def __contains__(self, pair: object) -> bool:
        return pair in self._groups

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._groups)

    def __len__(self) -> int:
        return len(self._groups)

    def complete(self) -> None:
        """Order every pair's statements now."""
        for pair in self._groups:
            self[pair]


_K = TypeVar("_K")


def _group(records: Iterable[_R], keys: Any) -> Mapping[_K, tuple[_R, ...]]:
    grouped: defaultdict[Any, list[_R]] = defaultdict(list)
    for r in records:
        for key in dict.fromkeys(keys(r)):
            grouped[key].append(r)
    return {key: tuple(value) for key, value in grouped.items()}


@attrs.frozen(kw_only=True)
class Catalog:
    """The whole immutable, indexed collection of records.

    Build one with :func:`kashmirref.load` (the shipped data, optionally with your own
    files) or directly from tuples of records; either way every reference is checked
    and a :class:`~kashmirref.errors.DataError` lists every problem found.

    Two catalogues are equal when they hold equal records in the same order.
    """

    _actors: tuple[Actor, ...] = attrs.field(default=(), repr=False)
    _sources: tuple[Source, ...] = attrs.field(default=(), repr=False)
    _topics: tuple[Topic, ...] = attrs.field(default=(), repr=False)
    _instruments: tuple[Instrument, ...] = attrs.field(default=(), repr=False)
    _events: tuple[Event, ...] = attrs.field(default=(), repr=False)
    _statements: tuple[Statement, ...] = attrs.field(default=(), repr=False)
    _no_positions: tuple[NoPositionFound, ...] = attrs.field(default=(), repr=False)
    _terms: tuple[Term, ...] = attrs.field(default=(), repr=False)
    _index: _Index = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        problems = integrity.check(self)
        if problems:
            raise DataError(problems)
        object.__setattr__(self, "_index", _Index(self))

    # ------------------------------------------------------------------ building

    def complete_indexes(self) -> None:
        """Build now the look-up tables a catalogue otherwise builds on first use.

        Queries give the same answers either way; this moves their one-time cost to
        now (the shipped snapshot is pickled with every table built).
        """
        self._index.complete()

    def tables(self) -> Iterator[tuple[str, tuple[Record, ...]]]:
        """Yield ``(table name, records)`` for every kind, in load order."""
        for table, attribute in TABLES.items():
            yield table, getattr(self, f"_{attribute}")

    def __repr__(self) -> str:
        """Counts of each kind, not the records themselves."""
        counts = ", ".join(
            f"{attribute}={len(getattr(self, '_' + attribute))}" for attribute in TABLES.values()
        )
        return f"Catalog({counts})"

    def _repr_html_(self) -> str:
        """A summary for notebooks: records of each kind and the dates they span."""
        from kashmirref.notebook import catalog_html

        return catalog_html(self)

    def __len__(self) -> int:
        """The number of top-level records of every kind."""
        return sum(len(records) for _, records in self.tables())

    def merge(self, *others: Catalog) -> Catalog:
        """Return a catalogue with the records of ``self`` and then of each of ``others``.

        Raises :class:`~kashmirref.errors.DataError` when an id is used twice for the
        same kind; no record is dropped or replaced.
        """
        merged: dict[str, list[Record]] = defaultdict(list)
        for catalog in (self, *others):
            for table, records in catalog.tables():
                merged[table].extend(records)
        return build(merged, {})

    def to_json(self, *, indent: int | None = 2) -> str:
        """Serialise to JSON that :func:`kashmirref.load` reads back to an equal catalogue."""
        from kashmirref.convert import dumps

        return dumps(self, indent=indent)

    # ------------------------------------------------------------------ every record

    def actors(self, kind: ActorKind | str | None = None) -> tuple[Actor, ...]:
        """Every actor (of ``kind``, if given: ``"state"``, ``"organ"``, ...), in load order.

        An unknown kind raises :class:`~kashmirref.errors.InputError` naming the kinds.
        """
        if kind is None:
            return self._actors
        try:
            wanted = ActorKind(kind)
        except ValueError:
            kinds = ", ".join(k.value for k in ActorKind)
            raise InputError(f"unknown actor kind {kind!r}; use one of {kinds}") from None
        return tuple(a for a in self._actors if a.kind is wanted)

    def sources(self) -> tuple[Source, ...]:
        """Every source, in load order."""
        return self._sources

    def topics(self) -> tuple[Topic, ...]:
        """Every topic, in load order."""
        return self._topics

    def instruments(self, kind: InstrumentKind | None = None) -> tuple[Instrument, ...]:
        """Every instrument (of ``kind``, if given), in date order."""
        found = sorted(self._instruments, key=lambda i: (i.date, i.number or 0, i.id))
        return tuple(i for i in found if kind is None or i.kind is kind)

    def events(self) -> tuple[Event, ...]:
        """Every event, in date order."""
        return tuple(e for e in self._index.timeline if isinstance(e, Event))

    def no_positions(self) -> tuple[NoPositionFound, ...]:
        """Every explicit "no stated position found" record, in load order."""
        return self._no_positions

    def terms(self) -> tuple[Term, ...]:
        """Every term, in load order."""
        return self._terms

    # ------------------------------------------------------------------ look-ups

    def _names(self, table: str | None, initials: bool = True) -> Mapping[str, str]:
        """Other spellings of the records of ``table`` (every table: ``None``) → their ids.

        Lower-cased names, aliases and titles, and with ``initials`` the initials of the
        names of states and organisations (``"us"``), which only ever suggest an id;
        built on first use, for suggestions and :meth:`lookup`.
        """
        cache = self._index.names
        key = (table, initials)
        if key not in cache:
            found: dict[str, str] = {}
            tables = [table] if table is not None else list(TABLES)
            for kind in tables:
                for record in self._index.by_id[kind].values():
                    for name in _spellings(record, initials):
                        found.setdefault(name, record.id)
            cache[key] = found
        return cache[key]

    def _unknown(self, table: str, key: object) -> UnknownIdError:
        return UnknownIdError(
            table.replace("_", " "), key, self._index.by_id[table], self._names(table)
        )

    def _get(self, table: str, record_id: str) -> Any:
        _check_id(record_id, table.replace("_", " ") + " id")
        records = self._index.by_id[table]
        try:
            return records[record_id]
        except KeyError:
            raise self._unknown(table, record_id) from None

    def actor(self, actor_id: str) -> Actor:
        """The actor ``actor_id``; :class:`~kashmirref.errors.UnknownIdError` if none."""
        result: Actor = self._get("actor", actor_id)
        return result

    def lineage(self, actor_id: str) -> tuple[str, ...]:
        """``actor_id`` and every actor above it by ``parent`` links, nearest first."""
        return lineage(actor_id, self._index.parents)[0]

    def only_in_press_of_others(self, statement: Statement) -> bool:
        """Whether every copy cited for ``statement`` was published by another state.

        True when each cited source's ``press_of`` names a state that is not the actor
        the statement speaks for nor one it belongs to: the words are heard only through
        another state's government, press or partisan sites (India's words only in
        Pakistan's press, say).
        """
        own = set(self.lineage(statement.on_behalf_of))
        publishers = {self.source(c.source).press_of for c in statement.citations}
        return None not in publishers and not publishers & own

    def source(self, source_id: str) -> Source:
        """The source ``source_id``."""
        result: Source = self._get("source", source_id)
        return result

    def topic(self, topic_id: str) -> Topic:
        """The topic ``topic_id``."""
        result: Topic = self._get("topic", topic_id)
        return result

    def instrument(self, instrument_id: str) -> Instrument:
        """The instrument ``instrument_id`` (e.g. ``"simla-1972"``)."""
        result: Instrument = self._get("instrument", instrument_id)
        return result

    def resolution(self, number: int | str) -> Instrument:
        """The UN Security Council resolution numbered ``number`` (``47`` or ``"47"``).

        Anything but an int or a string of digits raises ``TypeError`` or
        :class:`~kashmirref.errors.UnknownIdError`.
        """
        if isinstance(number, bool) or not isinstance(number, int | str):
            raise TypeError(
                f"a resolution number must be an int or a string, not {type(number).__name__}"
            )
        text = str(number).strip()
        found = self._index.resolutions.get(int(text)) if text.isdigit() else None
        if found is None:
            known = [str(n) for n in self._index.resolutions]
            raise UnknownIdError("UNSC resolution", text, known)
        return found

    def event(self, event_id: str) -> Event:
        """The event ``event_id``."""
        result: Event = self._get("event", event_id)
        return result

    def statement(self, statement_id: str) -> Statement:
        """The statement ``statement_id``."""
        result: Statement = self._get("statement", statement_id)
        return result

    def term(self, term_id: str) -> Term:
        """The term ``term_id``."""
        result: Term = self._get("term", term_id)
        return result

    def record(self, record_id: str) -> Record:
        """The record of any kind with id ``record_id`` (kinds tried in load order)."""
        _check_id(record_id, "record id")
        for table in TABLES:
            found = self._index.by_id[table].get(record_id)
            if found is not None:
                return found
        every = (i for records in self._index.by_id.values() for i in records)
        raise UnknownIdError("record", record_id, every, self._names(None))

    def lookup(self, text: str, kind: str | None = None) -> Record:
        """The record ``text`` names, as a person would write it.

        Accepted: the id itself; the id in any case (``"India"``); a name, alias
        or title in any case (``"Government of India"``, ``"OIC"``, ``"Pakistan"``); an
        instrument's short title (``"Simla Agreement"``, ``"Indus Waters Treaty"``: its
        title without what follows a parenthesis or colon, a leading "The" or a
        closing year); for a UNSC resolution its number (``"47"``, ``"Resolution 47"``).
        Initials made from a name (``"unsc"``) are only ever suggested, never taken as
        meaning a record; initials a record lists as an alias (``"US"``, ``"OIC"``) are
        names like any other. ``kind`` (``"actor"``, ``"topic"``, ...: a table name of
        the data files) limits the search to one kind.

        When ``text`` names several records, the first of :meth:`matches` is returned
        (an actor before an instrument before a topic); :meth:`matches` lists them all.
        Nothing found raises :class:`~kashmirref.errors.UnknownIdError` with the
        nearest ids.
        """
        found = self.matches(text, kind)
        if found:
            return found[0]
        if kind is not None:
            raise self._unknown(kind, text)
        every = (i for records in self._index.by_id.values() for i in records)
        raise UnknownIdError("record", text, every, self._names(None))

    def matches(self, text: str, kind: str | None = None) -> tuple[Record, ...]:
        """Every record ``text`` names, as :meth:`lookup` reads it, the one it returns first.

        An id matches first (ids are unique across kinds), then a resolution number,
        then names, aliases and titles (by kind: actors, instruments, topics, events,
        terms, sources; each kind in load order), then an id in another case. Empty
        when nothing matches.
        """
        _check_id(text, "name or id")
        if kind is not None and kind not in TABLES:
            raise InputError(f"unknown kind {kind!r}; use one of {', '.join(TABLES)}")
        tables = [kind] if kind is not None else list(TABLES)
        wanted = text.strip()
        found = [self._index.by_id[t][wanted] for t in tables if wanted in self._index.by_id[t]]
        if found:
            return tuple(found)
        lowered = " ".join(wanted.lower().split())
        number = _RESOLUTION.fullmatch(lowered)
        if kind in (None, "instrument") and number is not None:
            resolution = self._index.resolutions.get(int(number[1]))
            if resolution is not None:
                return (resolution,)
        found = [r for t, r in self._named().get(lowered, ()) if kind in (None, t)]
        if found:
            return tuple(found)
        return tuple(
            record
            for table in tables
            for known, record in self._index.by_id[table].items()
            if known.lower() == lowered
        )

    def _named(self) -> Mapping[str, tuple[tuple[str, Record], ...]]:
        """Lower-cased names, aliases and titles → ``(kind, record)``, preferred first."""
        cache = self._index.named
        if not cache:
            found: defaultdict[str, list[tuple[str, Record]]] = defaultdict(list)
            for table in sorted(TABLES, key=_LOOKUP_ORDER.index):
                for record in self._index.by_id[table].values():
                    for name in dict.fromkeys(_spellings(record, initials=False)):
                        found[name].append((table, record))
            cache.update((name, tuple(records)) for name, records in found.items())
        return cache

    # ------------------------------------------------------------------ queries

    @property
    def latest(self) -> dt.date | None:
        """The last day any statement is certainly on record: the date "now" means.

        A comparison or a query with no date is answered as of this day (``None`` for a
        catalogue with no statement).
        """
        return self._index.latest

    def positions(
        self,
        actor: str | None = None,
        topic: str | None = None,
        as_of: DateLike | None = None,
    ) -> tuple[Position, ...]:
        """Positions derived from the coded statements (see :mod:`kashmirref.derive`).

        With ``as_of`` (a date, or ``"YYYY"``, ``"YYYY-MM"``, ``"YYYY-MM-DD"``, read as
        the last day of that period) the positions in force then, from statements on
        record by then only; without it, every position each actor has held (its
        history), ordered by when it began. Unknown actor or topic ids raise
        :class:`~kashmirref.errors.UnknownIdError`.
        """
        if actor is not None:
            self.actor(actor)
        if topic is not None:
            self.topic(topic)
        when = None if as_of is None else as_date(as_of, "as_of")
        coded_pairs = self._index.coded
        if actor is not None and topic is not None:  # the common query: one dictionary hit
            pairs = [(actor, topic)] if (actor, topic) in coded_pairs else []
        else:
            pairs = [
                (who, what)
                for who, what in coded_pairs
                if (actor is None or who == actor) and (topic is None or what == topic)
            ]
        found: list[Position] = []
        for who, what in pairs:
            coded = coded_pairs[(who, what)]
            found += current(coded, when) if when is not None else self._history(who, what)
        found.sort(key=lambda p: (p.valid_from, p.actor, p.topic, p.stance))
        return tuple(found)

    def _history(self, actor: str, topic: str) -> tuple[Position, ...]:
        cache = self._index.histories
        if (actor, topic) not in cache:
            cache[(actor, topic)] = history(self._index.coded[(actor, topic)])
        return cache[(actor, topic)]

    def evidence(
        self, position: Position, as_of: DateLike | None = None
    ) -> tuple[tuple[Statement, ...], tuple[Statement, ...]]:
        """A position's statements in date order: on record by ``as_of``, and straddling it.

        Straddling statements are the actor's statements coded with a stance on the
        topic whose month or year contains ``as_of``: they may or may not have been made
        by then, so they are never evidence. ``as_of`` (a date, or ISO text at any
        precision, read as its last day) defaults to the position's own.
        """
        when = position.as_of if as_of is None else as_date(as_of, "as_of")
        statements = sorted(
            (self.statement(s) for s in position.evidence), key=lambda s: (s.date, s.id)
        )
        if when is None:
            return tuple(statements), ()
        return (
            tuple(s for s in statements if s.on_record_by(when)),
            self.straddling(position.actor, position.topic, when),
        )

    def straddling(self, actor: str, topic: str, when: dt.date) -> tuple[Statement, ...]:
        """``actor``'s stance-coded statements on ``topic`` that may or may not precede ``when``."""
        coded = self._index.coded.get((actor, topic))
        if coded is None:
            return ()
        found = [s for s in coded.statements if s.straddles(when)]
        return tuple(sorted(found, key=lambda s: (s.date, s.id)))

    def no_position(
        self, actor: str, topic: str, as_of: DateLike | None = None
    ) -> NoPositionFound | None:
        """The recorded gap for a pair: the one covering ``as_of``, else the latest before it.

        Without ``as_of``, the latest gap recorded for the pair. ``None`` when no search
        was recorded.
        """
        found = self._index.no_positions_by_pair.get((actor, topic), ())
        if as_of is not None:
            when = as_date(as_of, "as_of")
            found = tuple(n for n in found if n.start <= when)
            covering = [n for n in found if n.covers(when)]
            if covering:
                return covering[-1]
        return found[-1] if found else None

    def statements(
        self,
        actor: str | None = None,
        topic: str | None = None,
        start: DateLike | None = None,
        end: DateLike | None = None,
    ) -> tuple[Statement, ...]:
        """Statements by or on behalf of ``actor``, on ``topic``, dated within bounds.

        Ordered by date; ``start`` and ``end`` are inclusive and, like every date the
        library takes, may be ISO text at any precision: ``start="2019"`` is 1 January
        2019, ``end="2019"`` 31 December 2019. A statement is placed by its recorded date
        (the first day of its month or year when only that is known). ``start`` after
        ``end`` raises :class:`~kashmirref.errors.InputError`.
        """
        first, last = _bounds(start, end)
        if actor is not None:
            self.actor(actor)
            found = self._index.statements_by_actor.get(actor, ())
        elif topic is not None:
            found = self._index.statements_by_topic.get(topic, ())
        else:
            found = self._index.statements
        if topic is not None:
            self.topic(topic)
            found = tuple(s for s in found if topic in s.topics)
        return tuple(
            s
            for s in found
            if (first is None or s.date >= first) and (last is None or s.date <= last)
        )

    def timeline(
        self, start: DateLike | None = None, end: DateLike | None = None
    ) -> tuple[TimelineEntry, ...]:
        """Events and statements in date order, within inclusive bounds.

        ``start`` and ``end`` are read as in :meth:`statements`.
        """
        first, last = _bounds(start, end)
        dates = self._index.timeline_dates
        low = 0 if first is None else bisect.bisect_left(dates, first)
        high = len(dates) if last is None else bisect.bisect_right(dates, last)
        return self._index.timeline[low:high]

    def citing(self, record_id: str, as_of: DateLike | None = None) -> tuple[Statement, ...]:
        """Statements whose words invoke instrument ``record_id``, in date order.

        With ``as_of``, only those on record by then. Each statement's
        :attr:`~kashmirref.model.Statement.invokes` says which clause and how it is read.
        """
        self.instrument(record_id)
        found = self._index.statements_by_instrument.get(record_id, ())
        if as_of is not None:
            when = as_date(as_of, "as_of")
            found = tuple(s for s in found if s.on_record_by(when))
        return found


    def invocations(
        self,
        instrument_id: str,
        provision: str | None = None,
        as_of: DateLike | None = None,
    ) -> tuple[Invoked, ...]:
        """Every invocation of instrument ``instrument_id``, in date order.

        With ``provision``, only those whose words name that clause (an unknown clause
        raises :class:`~kashmirref.errors.UnknownIdError` naming the known ones); with
        ``as_of``, only statements on record by then.
        """
        instrument = self.instrument(instrument_id)
        if provision is not None:
            instrument.provision(provision)
        return tuple(
            Invoked(statement=said, invocation=invocation)
            for said in self.citing(instrument_id, as_of)
            for invocation in said.invokes
            if invocation.instrument == instrument_id
            and (provision is None or invocation.provision == provision)
        )


def _check_id(value: object, what: str) -> None:
    """Refuse anything but a string where an id is expected, at the boundary."""
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a string, not {type(value).__name__} {value!r:.40}")


def _bounds(start: DateLike | None, end: DateLike | None) -> tuple[dt.date | None, dt.date | None]:
    """Inclusive date bounds from what a caller passed: a year's start and a year's end."""
    first = None if start is None else as_date(start, "start", end=False)
    last = None if end is None else as_date(end, "end")
    if first is not None and last is not None and first > last:
        raise InputError(f"start {first} is after end {last}")
    return first, last


_RESOLUTION = re.compile(r"(?:(?:un |unsc |un security council )?resolution |unsc )?(\d+)")
"""A UNSC resolution as people write it: ``47``, ``resolution 47``, ``unsc 47``."""

_LOOKUP_ORDER = (
    "actor",
    "instrument",
    "topic",
    "event",
    "term",
    "source",
    "statement",
    "no_position",
)
"""Which kind a name means first when records of several kinds share it."""


def _initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    skip = {"of", "the", "and", "for", "on", "in"}
    return "".join(w[0] for w in words if w.lower() not in skip).lower()


_COLLECTIVE = frozenset(ActorKind) - {ActorKind.OFFICE, ActorKind.PERSON}
"""Actors known by their initials (``US``, ``OIC``); people and offices are not."""


def _spellings(record: Record, initials: bool) -> Iterator[str]:
    """The lower-cased names a person might use for ``record``."""
    names: list[str] = []
    for attribute in ("name", "title", "neutral_name"):
        value = getattr(record, attribute, None)
        if isinstance(value, str):
            names.append(value)
    names += getattr(record, "aliases", ())
    if isinstance(record, Instrument) and record.short_title != record.title:
        names.append(record.short_title)
    for name in names:
        yield " ".join(name.lower().split())
    collective = getattr(record, "kind", None) in _COLLECTIVE
    for name in names[:1] if collective and initials else ():
        short = _initials(name)
        if len(short) >= 2:
            yield short


def _located(
    problems: Iterable[Problem], where: Mapping[tuple[str, str], Located]
) -> list[Problem]:
    """Fill in file and line of each problem from ``where`` ((kind, id) → a located stub)."""
    located = []
    for problem in problems:
        stub = where.get((problem.kind or "", problem.record or ""))
        if stub is not None:
            problem = attrs.evolve(problem, file=stub.file, line=stub.line)
        located.append(problem)
    return located


class _TableView:
    """Records by table name, shaped like a catalogue for :func:`integrity.check`."""

    def __init__(self, tables: Mapping[str, tuple[Any, ...]]) -> None:
        self._tables = tables

    def tables(self) -> Iterator[tuple[str, tuple[Any, ...]]]:
        for table in TABLES:
            yield table, self._tables.get(table, ())


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    """Problems grouped by file (in order of first mention), then by line; stable."""
    rank: dict[str | None, int] = {}
    for problem in problems:
        rank.setdefault(problem.file, len(rank))
    return sorted(problems, key=lambda p: (rank[p.file], p.line or 0))


def build(
    tables: Mapping[str, Iterable[Any]],
    where: Mapping[tuple[str, str], Located],
    *,
    problems: Iterable[Problem] = (),
    unresolved: Mapping[str, Collection[str]] | None = None,
) -> Catalog:
    """Build a catalogue from records by table name; locate any problem with ``where``.

    ``problems`` are those found while reading the records; with any, the records are
    still checked against each other (references to the ids in ``unresolved``, records
    that failed their own checks, are not reported) and one
    :class:`~kashmirref.errors.DataError` lists every problem of both sorts.
    """
    arguments: dict[str, Any] = {TABLES[t]: tuple(records) for t, records in tables.items()}
    earlier = list(problems)
    if not earlier:
        try:
            return Catalog(**arguments)
        except DataError as error:
            raise DataError(_in_file_order(_located(error.problems, where))) from None
    view = _TableView({t: tuple(records) for t, records in tables.items()})
    found = _located(integrity.check(view, unresolved=unresolved), where)
    raise DataError(_in_file_order([*earlier, *found]))


def _register_with_hypothesis() -> None:
    from kashmirref import _hypothesis_hook

    _hypothesis_hook.register(__name__)


_register_with_hypothesis()
