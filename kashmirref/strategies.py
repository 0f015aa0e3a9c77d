"""Hypothesis strategies for kashmirref records and whole catalogues.

Install with the ``hypothesis`` extra (``pip install 'kashmirref[hypothesis]'``). Every
strategy builds valid objects by construction (no filtering), so they stay fast and
shrink to small, readable examples::

    from hypothesis import given
    from kashmirref import strategies as krst

    @given(krst.catalogs(min_positions=1, max_positions=4))
    def test_my_dashboard(catalog):
        ...

``catalogs()`` builds referentially consistent catalogues: every reference resolves,
ids are unique across kinds and are no record's name, names that records are shown by
are distinct, events and instruments cite a source of their day or later, every
statement is coded on topics of the catalogue (stances on their
scales, or mentions), invokes only instruments that exist by its date, and the result
passes the same validation as the shipped data; positions are then derived from the
codes, as for the shipped data. With Hypothesis installed,
``st.from_type(kashmirref.Position)`` (and every other record class, and ``Catalog``)
works with no set-up, through the ``hypothesis`` entry point this package declares.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import attrs

try:
    from hypothesis import strategies as st
except ImportError as error:  # pragma: no cover - exercised in a subprocess test
    raise ImportError(
        "kashmirref.strategies needs Hypothesis: pip install 'kashmirref[hypothesis]'"
    ) from error

from kashmirref.catalog import Catalog
from kashmirref.model import (
    Actor,
    ActorKind,
    Citation,
    Code,
    Event,
    EventKind,
    Ground,
    Instrument,
    InstrumentKind,
    InstrumentStatus,
    Invocation,
    NoPositionFound,
    Position,
    Precision,
    Provision,
    Source,
    SourceKind,
    Stance,
    Statement,
    StatementForm,
    StatusChange,
    Term,
    TermName,
    Topic,
    is_stale,
    last_day,
    lineage,
)

__all__ = [
    "actors",
    "catalogs",
    "citations",
    "codes",
    "dates",
    "events",
    "ids",
    "instruments",
    "no_positions",
    "positions",
    "sources",
    "stances",
    "statements",
    "terms",
    "texts",
    "topics",
]

_T = TypeVar("_T")
_R = TypeVar("_R", Actor, Source, Topic, Instrument, Statement, NoPositionFound, Event, Term)

EARLIEST = dt.date(1940, 1, 1)
LATEST = dt.date(2025, 12, 31)
"""Generated records fall in the record's era, 1940 to 2025."""
CHECKED_EARLIEST = dt.date(2026, 1, 1)
CHECKED_LATEST = dt.date(2026, 12, 2)
"""Citations are checked after every generated source is published and never in the
future: in 2026, up to the day of the shipped data's release."""
_SLUG_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"
_TEXT_CHARS = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.;:'()|*<>-"
    "\u2013\u2014\u201c\u201d\u00ef\u0915\u0936\u06a9\u0634"
)


@functools.cache
def ids() -> st.SearchStrategy[str]:
    """Lowercase slugs such as ``"a"``, ``"simla-1972"``."""
    part = st.text(_SLUG_CHARS, min_size=1, max_size=5)
    return st.lists(part, min_size=1, max_size=2).map("-".join)


@functools.cache
def texts(max_size: int = 12) -> st.SearchStrategy[str]:
    """Non-blank text (a letter first), with quotes, dashes, markup and non-Latin script."""
    return st.text(_TEXT_CHARS, max_size=max_size).map(lambda tail: "K" + tail)


@functools.lru_cache(maxsize=4096)
def dates(min_value: dt.date = EARLIEST, max_value: dt.date = LATEST) -> st.SearchStrategy[dt.date]:
    """Dates within the span the catalogue covers."""
    return st.dates(min_value=min_value, max_value=max_value)


def _truncate(when: dt.date, precision: Precision) -> dt.date:
    if precision is Precision.YEAR:
        return when.replace(month=1, day=1)
    if precision is Precision.MONTH:
        return when.replace(day=1)
    return when


def _draw_precise_dates(
    draw: st.DrawFn, min_value: dt.date = EARLIEST, max_value: dt.date = LATEST
) -> tuple[dt.date, Precision]:
    """A date and its precision, the date truncated to what the precision allows."""
    precision = draw(_one_of(Precision))
    return _truncate(draw(dates(min_value, max_value)), precision), precision


@functools.cache
@functools.lru_cache(maxsize=1024)
def _one_of(choices: Any) -> st.SearchStrategy[Any]:
    """A cached ``sampled_from`` over an enum or a tuple."""
    return st.sampled_from(choices)


@functools.cache
def _between(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


@functools.cache
def _optional(strategy: st.SearchStrategy[_T]) -> st.SearchStrategy[_T | None]:
    return st.none() | strategy


def _frozen(pool: Sequence[str] | None) -> tuple[str, ...] | None:
    return None if pool is None else tuple(pool)


def _pick(pool: Sequence[str] | None) -> st.SearchStrategy[str]:
    return _pick_cached(_frozen(pool))


@functools.lru_cache(maxsize=1024)
def _pick_cached(pool: tuple[str, ...] | None) -> st.SearchStrategy[str]:
    return ids() if pool is None else st.sampled_from(pool)


def _some(pool: Sequence[str] | None, max_size: int) -> st.SearchStrategy[tuple[str, ...]]:
    """Up to ``max_size`` distinct ids from ``pool`` (any slugs when ``pool`` is None)."""
    return _some_cached(_frozen(pool), max_size)


@functools.lru_cache(maxsize=1024)
def _some_cached(pool: tuple[str, ...] | None, max_size: int) -> st.SearchStrategy[tuple[str, ...]]:
    if pool is not None and not pool:
        return st.just(())
    return st.lists(_pick_cached(pool), max_size=max_size, unique=True).map(tuple)


def citations(sources: Sequence[str] | None = None) -> st.SearchStrategy[Citation]:
    """Citations, pointing into ``sources`` (source ids) when given."""
    return _citations(_frozen(sources))


@functools.lru_cache(maxsize=1024)
def _citations(sources: tuple[str, ...] | None) -> st.SearchStrategy[Citation]:
    return st.builds(
        Citation,
        source=_pick(sources),
        quote=texts(),
        locator=_optional(texts(4)),
        checked=dates(CHECKED_EARLIEST, CHECKED_LATEST),
        read_at=_optional(st.just("https://mirror.example.org/copy")),
    )


def actors(parents: Sequence[str] | None = None) -> st.SearchStrategy[Actor]:
    """Actors; ``parent`` is drawn from ``parents`` when given, else left empty."""
    return _actors(_frozen(parents))


@functools.lru_cache(maxsize=1024)
def _actors(parents: tuple[str, ...] | None) -> st.SearchStrategy[Actor]:
    parent = st.none() if not parents else _optional(st.sampled_from(parents))
    return st.builds(
        Actor,
        id=ids(),
        name=texts(6),
        kind=_one_of(ActorKind),
        parent=parent,
        aliases=st.lists(texts(4), max_size=2).map(tuple),
        note=_optional(texts()),
    )


def _draw_sources(draw: st.DrawFn, ids: st.SearchStrategy[str] | None = None) -> Source:
    """Sources, published between 1940 and 2025 with any precision."""
    published, precision = _draw_precise_dates(draw)
    return Source(
        id=draw(ids if ids is not None else globals()["ids"]()),
        title=draw(texts()),
        publisher=draw(texts(6)),
        published=published,
        published_precision=precision,
        kind=draw(_one_of(SourceKind)),
        url=draw(_optional(st.just("https://example.org/").map(lambda u: u + "doc"))),
    )


def _draw_topics(draw: st.DrawFn, max_scale: int = 5) -> Topic:
    """Topics with an ordered scale of 2 to ``max_scale`` stances."""
    labels = draw(st.lists(ids(), min_size=2, max_size=max_scale, unique=True))
    scale = tuple(
        Stance(value=i, label=label, meaning=draw(texts()), rules=draw(texts()))
        for i, label in enumerate(labels)
    )
    return Topic(
        id=draw(ids()),
        title=draw(texts(6)),
        question=draw(texts()),
        scale=scale,
        core=draw(st.booleans()),
        opens=draw(_optional(dates(EARLIEST, dt.date(1990, 12, 31)))),
    )


def stances(topic: Topic) -> st.SearchStrategy[Stance]:
    """A stance on ``topic``'s scale."""
    return st.sampled_from(topic.scale)


def codes(topic: Topic | None = None) -> st.SearchStrategy[Code]:
    """Codes: a stance on ``topic``'s scale or a mention (any slugs without a topic)."""
    if topic is None:
        return st.builds(Code, topic=ids(), stance=_optional(ids()))
    return _optional(st.sampled_from([s.label for s in topic.scale])).map(
        lambda stance: Code(topic=topic.id, stance=stance)
    )


def _draw_code(
    draw: st.DrawFn, topic: Topic, when: dt.date, stance: str | None, mention: bool = False
) -> Code:
    """A code for a statement of ``when``: only a mention before the topic opens."""
    if mention or (topic.opens is not None and when < topic.opens):
        return Code(topic=topic.id)
    if stance is not None:
        return Code(topic=topic.id, stance=stance)
    return draw(codes(topic))


def _draw_invocations(
    draw: st.DrawFn, instruments: Sequence[Instrument] | None, latest: dt.date
) -> tuple[Invocation, ...]:
    """Up to two invocations of instruments that exist by ``latest``."""
    if instruments is None:
        pool = st.builds(
            Invocation,
            instrument=ids(),
            provision=_optional(ids()),
            reading=_optional(texts()),
        )
        return tuple(draw(st.lists(pool, max_size=2)))
    existing = [i for i in instruments if i.date <= latest]
    if not existing:
        return ()
    made = []
    for instrument in draw(
        st.lists(st.sampled_from(existing), max_size=2, unique_by=lambda i: i.id)
    ):
        provisions = [p.id for p in instrument.provisions]
        provision = draw(_optional(st.sampled_from(provisions))) if provisions else None
        made.append(
            Invocation(
                instrument=instrument.id, provision=provision, reading=draw(_optional(texts()))
            )
        )
    return tuple(made)


def _draw_statements(
    draw: st.DrawFn,
    actors: Sequence[str] | None = None,
    topics: Sequence[Topic] | None = None,
    sources: Sequence[Source] | None = None,
    on_behalf_of: str | None = None,
    topic: Topic | None = None,
    stance: str | None = None,
    instruments: Sequence[Instrument] | None = None,
    when: tuple[dt.date, Precision] | None = None,
    mentions_only: bool = False,
) -> Statement:
    """Statements, coded; with pools, every reference resolves and no date follows its source.

    ``topic`` and ``stance`` pin one code (a stance on a topic that has opened by then,
    else a mention); other topics of ``topics`` are coded at random, or as mentions only
    with ``mentions_only``.
    """
    source_ids = None if sources is None else [s.id for s in sources]
    first = draw(citations(source_ids))
    latest = LATEST
    if sources is not None:
        source = next(s for s in sources if s.id == first.source)
        latest = source.published
    date, precision = when if when is not None else _draw_precise_dates(draw, max_value=latest)
    if topics is None and topic is None:
        coded = tuple(draw(st.lists(codes(), min_size=1, max_size=2, unique_by=lambda c: c.topic)))
    else:
        chosen = [topic] if topic is not None else []
        pool = [t for t in topics or () if topic is None or t.id != topic.id]
        if pool:
            low = 0 if chosen else 1
            chosen += draw(
                st.lists(st.sampled_from(pool), min_size=low, max_size=2, unique_by=lambda t: t.id)
            )
        if not chosen:
            chosen = [_draw_topics(draw)]
        coded = tuple(
            _draw_code(
                draw, t, date, stance if t is topic else None, mentions_only and t is not topic
            )
            for t in chosen
        )
    later = None  # further citations: of sources not published before the statement
    if sources is not None:
        later = [s.id for s in sources if last_day(s.published, s.published_precision) >= date]
    return Statement(
        id=draw(ids()),
        date=date,
        date_precision=precision,
        speaker=draw(_pick(actors)),
        on_behalf_of=on_behalf_of if on_behalf_of is not None else draw(_pick(actors)),
        form=draw(_one_of(StatementForm)),
        citations=(first, *draw(st.lists(citations(later), max_size=1))),
        codes=coded,
        invokes=_draw_invocations(draw, instruments, date),
        venue=draw(_optional(texts(6))),
    )


def _draw_positions(draw: st.DrawFn, topic: Topic | None = None) -> Position:
    """Derived positions as :meth:`Catalog.positions` gives them, as of a date or in a history.

    The dates keep their order: first stated, last stated, then (in a history) the
    statement that expressed another stance, or (as of a date) the date asked.
    """
    subject = topic if topic is not None else _draw_topics(draw)
    first, first_precision = _draw_precise_dates(draw)
    last, last_precision = _draw_precise_dates(draw, min_value=last_day(first, first_precision))
    evidence = tuple(draw(st.lists(ids(), min_size=1, max_size=3, unique=True)))
    grounds = tuple(
        Ground(instrument=draw(ids()), statement=draw(st.sampled_from(evidence)))
        for _ in range(draw(_between(0, 2)))
    )
    closed = draw(st.booleans())
    after = last_day(last, last_precision)
    as_of = None if closed else draw(dates(min_value=after))
    return Position(
        actor=draw(ids()),
        topic=subject.id,
        stance=draw(stances(subject)).label,
        valid_from=first,
        valid_from_precision=first_precision,
        last_stated=last,
        last_stated_precision=last_precision,
        valid_to=draw(dates(min_value=after)) if closed else None,
        evidence=evidence,
        grounds=grounds,
        as_of=as_of,
        mixed=draw(st.booleans()),
        stale=as_of is not None and is_stale(last, last_precision, as_of),
    )


def no_positions(
    actor: str | None = None, topic: str | None = None
) -> st.SearchStrategy[NoPositionFound]:
    """Recorded searches that found no coded statement of an actor on a topic in a period."""
    return st.tuples(dates(), dates()).flatmap(
        lambda pair: st.builds(
            NoPositionFound,
            id=ids(),
            actor=st.just(actor) if actor else ids(),
            topic=st.just(topic) if topic else ids(),
            start=st.just(min(pair)),
            end=st.just(max(pair)),
            searched=texts(),
            checked=dates(CHECKED_EARLIEST, CHECKED_LATEST),
        )
    )


def _draw_status_change(
    draw: st.DrawFn,
    when: dt.date,
    sources: Sequence[str] | None,
    declarers: Sequence[str] | None,
    anyone: Sequence[str] | None,
) -> StatusChange:
    """An agreed status, or one party's (possibly conditional) declaration.

    A declaration names its declarer, drawn from ``declarers`` (actors that are, or
    belong under, one of the instrument's parties) when given.
    """
    kind = draw(_one_of(("agreed", "unilateral", "conditional")))
    citation = draw(citations(sources))
    status = draw(_one_of(InstrumentStatus))
    if kind == "agreed" or declarers == []:
        declared_by = draw(_optional(_pick(anyone))) if anyone != [] else None
        return StatusChange(date=when, status=status, citation=citation, declared_by=declared_by)
    return StatusChange(
        date=when,
        status=status,
        citation=citation,
        declared_by=draw(_pick(declarers)),
        unilateral=kind == "unilateral" or draw(st.booleans()),
        condition=draw(texts()) if kind == "conditional" else None,
    )


def _draw_instruments(
    draw: st.DrawFn,
    actors: Sequence[str] | None = None,
    sources: Sequence[str] | None = None,
    number: int | None = None,
    parents: Mapping[str, str | None] | None = None,
) -> Instrument:
    """Instruments with unique provision ids and a date-ordered status history.

    The history mixes agreed statuses with one party's declarations, unilateral or on a
    condition. With ``actors`` and ``parents`` (each actor's parent), a declaration's
    declarer is a party or an actor under one, as the catalogue's validation requires.
    """
    kind = draw(_one_of(InstrumentKind))
    if kind is InstrumentKind.UNSC_RESOLUTION and number is None:
        number = draw(st.integers(min_value=1, max_value=3000))
    if kind is not InstrumentKind.UNSC_RESOLUTION:
        number = None
    when = draw(dates())
    provision_ids = draw(st.lists(ids(), max_size=3, unique=True))
    history_dates = sorted(draw(st.lists(dates(min_value=when), max_size=3)))
    parties = draw(_some(actors, 2))
    declarers: list[str] | None = None
    if actors is not None:
        family = parents or {}
        declarers = [a for a in actors if not parties or set(lineage(a, family)[0]) & set(parties)]
    return Instrument(
        id=draw(ids()),
        kind=kind,
        title=draw(texts(6)),
        date=when,
        number=number,
        parties=parties,
        citations=(draw(citations(sources)),),
        provisions=tuple(
            Provision(id=p, label=draw(texts(4)), text=draw(texts())) for p in provision_ids
        ),
        status_history=tuple(
            _draw_status_change(draw, d, sources, declarers, actors) for d in history_dates
        ),
    )


def _draw_events(
    draw: st.DrawFn, actors: Sequence[str] | None = None, sources: Sequence[str] | None = None
) -> Event:
    """Events, with an optional end date not before the start."""
    when, precision = _draw_precise_dates(draw)
    return Event(
        id=draw(ids()),
        date=when,
        date_precision=precision,
        end_date=draw(_optional(dates(min_value=when))),
        kind=draw(_one_of(EventKind)),
        title=draw(texts(6)),
        summary=draw(texts()),
        actors=draw(_some(actors, 2)),
        citations=(draw(citations(sources)),),
    )


def terms(
    actors: Sequence[str] | None = None, sources: Sequence[str] | None = None
) -> st.SearchStrategy[Term]:
    """Terms with one to three names, each attributed to an actor."""
    name = st.builds(
        TermName, actor=_pick(actors), name=texts(6), citation=_optional(citations(sources))
    )
    return st.builds(
        Term,
        id=ids(),
        neutral_name=texts(6),
        names=st.lists(name, min_size=1, max_size=3).map(tuple),
        note=_optional(texts()),
    )


class _Ids:
    """Hands out ids unique across one catalogue, keeping the drawn id where free."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def claim(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while candidate in self.used or candidate.isdigit():  # digits: a resolution number
            n += 1
            candidate = f"{wanted}-{n}"
        self.used.add(candidate)
        return candidate

    def renamed(self, records: Sequence[_R]) -> list[_R]:
        return [attrs.evolve(r, id=self.claim(r.id)) for r in records]


class _Names:
    """Renames what would make a look-up ambiguous (see ``integrity.look_up_keys``).

    A name, alias or title is never an id (ids have no spaces; a renamed name gets a
    numbered word); actor names and aliases, topic titles and instrument titles (and
    short titles) are distinct from each other's.
    """

    def __init__(self, ids: set[str]) -> None:
        self.ids = ids
        self.shown: set[str] = set()
        self.count = 0

    @staticmethod
    def _normal(name: str) -> str:
        return " ".join(name.lower().split())

    def _fresh(self, name: str, prefix: bool = False) -> str:
        self.count += 1
        return f"{self.count} {name}" if prefix else f"{name} {self.count}"

    def other(self, name: str) -> str:
        """A name only ids must avoid (a source's or event's title)."""
        return self._fresh(name) if self._normal(name) in self.ids else name

    def shown_as(self, name: str) -> str:
        """A name no other record is shown by."""
        while self._normal(name) in self.ids | self.shown:
            name = self._fresh(name)
        self.shown.add(self._normal(name))
        return name

    def instrument(self, instrument: Instrument) -> Instrument:
        """``instrument`` renamed so that neither its title nor its short title is taken."""
        while {self._normal(instrument.title), self._normal(instrument.short_title)} & (
            self.ids | self.shown
        ):
            instrument = attrs.evolve(instrument, title=self._fresh(instrument.title, True))
        self.shown |= {self._normal(instrument.title), self._normal(instrument.short_title)}
        return instrument


def _draw_actor_tree(draw: st.DrawFn, low: int, high: int) -> tuple[Actor, ...]:
    """Actors whose parents are earlier actors, so parent chains never loop."""
    names = draw(
        st.lists(ids().filter(lambda i: not i.isdigit()), min_size=low, max_size=high, unique=True)
    )
    made: list[Actor] = []
    for actor_id in names:
        actor = draw(actors(parents=[a.id for a in made]))
        made.append(attrs.evolve(actor, id=actor_id))
    return tuple(made)


def _draw_source_after(
    draw: st.DrawFn, fresh: _Ids, sources: list[Source], start: dt.date
) -> Source:
    """A source published on or after ``start``, drawn from ``sources`` or added to it.

    A position's first evidence is dated on its ``valid_from``, and no statement may
    postdate its source.
    """
    later = [s for s in sources if last_day(s.published, s.published_precision) >= start]
    if later:
        return draw(st.sampled_from(later))
    made = attrs.evolve(
        _draw_sources(draw),
        published=draw(dates(min_value=start)),
        published_precision=Precision.DAY,
    )
    [source] = fresh.renamed([made])
    sources.append(source)
    return source


def _draw_catalogs(
    draw: st.DrawFn,
    *,
    actors: st.SearchStrategy[tuple[Actor, ...]] | None = None,
    min_actors: int = 2,
    max_actors: int = 3,
    max_sources: int = 2,
    max_topics: int = 2,
    max_instruments: int = 2,
    min_positions: int = 0,
    max_positions: int = 4,
    max_evidence: int = 3,
    max_statements: int = 2,
    max_events: int = 2,
    max_terms: int = 1,
) -> Catalog:
    """Referentially consistent catalogues with every shape the shipped data has.

    Parameters bound the size: ``min_actors``/``max_actors``, ``max_sources`` (drawn up
    front; more are added where a statement needs a later one), ``max_topics``,
    ``max_instruments``, ``min_positions``/``max_positions`` (pairs of an actor and a
    topic with stance-coded statements, so with derived positions), ``max_evidence``
    (stance-coded statements per pair), ``max_statements`` (further statements that only
    mention topics), ``max_events`` and ``max_terms``. ``actors=st.just((...))``
    pins the actors (every parent must be among them).

    Shapes: dates at day, month and year precision; an actor changing stance, or
    stating two stances in one year; mentions; topics that open at a date; invocations
    with and without a provision or a reading; anchors; recorded searches (gaps) that no
    coded statement contradicts; citations with ``checked`` and ``read_at``; status
    histories with one party's unilateral and conditional declarations.
    """
    fresh = _Ids()

    def several(make: Callable[[], _R], low: int, high: int) -> list[_R]:
        return fresh.renamed([make() for _ in range(draw(_between(low, high)))])

    actor_records = list(
        draw(actors) if actors is not None else _draw_actor_tree(draw, min_actors, max_actors)
    )
    fresh.used.update(a.id for a in actor_records)
    actor_ids = [a.id for a in actor_records]
    parents = {a.id: a.parent for a in actor_records}
    source_records = several(lambda: _draw_sources(draw), 1, max_sources)
    source_ids = [s.id for s in source_records]
    topic_records = several(lambda: _draw_topics(draw), 1, max_topics)
    numbers = draw(st.lists(st.integers(1, 3000), max_size=max_instruments, unique=True))
    instrument_records = fresh.renamed(
        [_draw_instruments(draw, actor_ids, source_ids, n, parents) for n in numbers]
    )
    statement_records: list[Statement] = []
    pairs = [(a, t) for a in actor_ids for t in topic_records]
    low = min(min_positions, len(pairs), max_positions)
    chosen = draw(
        st.lists(st.sampled_from(pairs), min_size=low, max_size=max_positions, unique=True)
    )
    for actor_id, topic in chosen:
        first = max(EARLIEST, topic.opens or EARLIEST)
        for _ in range(draw(_between(1, max(1, max_evidence)))):
            when = _draw_precise_dates(draw, min_value=first)
            if when[0] < first:
                when = (first, Precision.DAY)
            source = _draw_source_after(draw, fresh, source_records, when[0])
            statement = _draw_statements(
                draw,
                actor_ids,
                topic_records,
                [source],
                on_behalf_of=actor_id,
                topic=topic,
                stance=draw(stances(topic)).label,
                instruments=instrument_records,
                when=when,
            )
            statement_records += fresh.renamed([statement])
    statement_records += several(
        lambda: _draw_statements(
            draw,
            actor_ids,
            topic_records,
            source_records,
            instruments=instrument_records,
            mentions_only=True,
        ),
        0,
        max_statements,
    )
    topic_records = [_with_anchors(draw, t, statement_records) for t in topic_records]
    no_position_records = fresh.renamed(_draw_gaps(draw, pairs, statement_records))
    event_records = several(lambda: _draw_events(draw, actor_ids, source_ids), 0, max_events)
    term_records = several(lambda: draw(terms(actor_ids, source_ids)), 0, max_terms)
    published = {s.id: s for s in source_records}
    event_records = [_not_before_source(e, published) for e in event_records]
    instrument_records = [_not_before_source(i, published) for i in instrument_records]
    names = _Names(set(fresh.used))
    if actors is None:
        actor_records = [
            attrs.evolve(
                a,
                name=names.shown_as(a.name),
                aliases=tuple(dict.fromkeys(names.shown_as(x) for x in a.aliases)),
            )
            for a in actor_records
        ]
    else:
        for a in actor_records:  # pinned as given: the others make way
            names.shown |= {names._normal(n) for n in (a.name, *a.aliases)}
    topic_records = [attrs.evolve(t, title=names.shown_as(t.title)) for t in topic_records]
    instrument_records = [names.instrument(i) for i in instrument_records]
    source_records = [attrs.evolve(s, title=names.other(s.title)) for s in source_records]
    event_records = [attrs.evolve(e, title=names.other(e.title)) for e in event_records]
    term_records = [attrs.evolve(t, neutral_name=names.other(t.neutral_name)) for t in term_records]
    return Catalog(
        actors=tuple(actor_records),
        sources=tuple(source_records),
        topics=tuple(topic_records),
        instruments=tuple(instrument_records),
        events=tuple(event_records),
        statements=tuple(statement_records),
        no_positions=tuple(no_position_records),
        terms=tuple(term_records),
    )


_Dated = TypeVar("_Dated", Event, Instrument)


def _not_before_source(record: _Dated, sources: Mapping[str, Source]) -> _Dated:
    """``record`` dated no later than its first source's publication, if it was later.

    Each event and instrument cites one source; a source may announce what is to come,
    but the record needs one published on or after its date.
    """
    source = sources[record.citations[0].source]
    if record.date <= last_day(source.published, source.published_precision):
        return record
    if isinstance(record, Event):
        return attrs.evolve(
            record, date=source.published, date_precision=source.published_precision
        )
    return attrs.evolve(record, date=source.published)


def _with_anchors(draw: st.DrawFn, topic: Topic, statements: Sequence[Statement]) -> Topic:
    """``topic`` with some statements coded on it named as anchors of their stances."""
    scale = []
    for point in topic.scale:
        coded = [s.id for s in statements if s.stance_on(topic.id) == point.label]
        anchors = draw(st.lists(st.sampled_from(coded), max_size=2, unique=True)) if coded else []
        scale.append(attrs.evolve(point, anchors=tuple(anchors)))
    return attrs.evolve(topic, scale=tuple(scale))


def _draw_gaps(
    draw: st.DrawFn, pairs: Sequence[tuple[str, Topic]], statements: Sequence[Statement]
) -> list[NoPositionFound]:
    """Up to two recorded searches, each over a period no statement of its pair falls in."""
    gaps = []
    for actor_id, topic in draw(st.lists(st.sampled_from(pairs), max_size=2, unique=True)):
        said = [s.date for s in statements if s.on_behalf_of == actor_id and topic.id in s.topics]
        end = min(said, default=LATEST + dt.timedelta(days=1)) - dt.timedelta(days=1)
        if end < EARLIEST:
            continue
        start = draw(dates(EARLIEST, end))
        gap = draw(no_positions(actor_id, topic.id))
        gaps.append(attrs.evolve(gap, start=start, end=draw(dates(start, end))))
    return gaps


sources = st.composite(_draw_sources)
topics = st.composite(_draw_topics)
statements = st.composite(_draw_statements)
positions = st.composite(_draw_positions)
instruments = st.composite(_draw_instruments)
events = st.composite(_draw_events)
catalogs = st.composite(_draw_catalogs)
