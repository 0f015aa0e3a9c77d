"""Where two actors' stated positions agree or diverge, topic by topic, and why.

How a relation follows from a topic's stance scale (``n`` stances, values ``0 … n-1``;
the gap is the absolute difference of the two stance values):

- ``agree``: gap 0 — the same stance;
- ``partially-agree``: gap at most half the scale (``2 * gap <= n - 1``);
- ``diverge``: gap more than half the scale;
- ``mixed``: an actor's latest statements express two or more stances that the record
  cannot put in order, and the pairs of stances relate differently (the largest gap is
  reported);
- ``one-side-silent``: only one actor has a position in force;
- ``both-silent``: neither has.

A comparison is always as of a date: with none given, the catalogue's latest
(:attr:`Catalog.latest`). Positions come from statements on record by then only
(:mod:`kashmirref.derive`), and each side says when its stance was last stated; a
stance not restated for more than :data:`~kashmirref.model.STALE_AFTER_YEARS` years is
marked stale.

Every renderer (``str()``, :meth:`Comparison.to_markdown`, :meth:`Comparison.to_dict`)
works from the same :class:`Comparison` object.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

import attrs

from kashmirref.catalog import Catalog
from kashmirref.dates import DateLike, as_date
from kashmirref.errors import UnknownIdError
from kashmirref.model import (
    Actor,
    ActorKind,
    Ground,
    NoPositionFound,
    Position,
    Precision,
    Source,
    Stance,
    Statement,
    Topic,
    format_date,
    last_day,
)

__all__ = [
    "Comparison",
    "Matrix",
    "Relation",
    "Row",
    "SharedGround",
    "Side",
    "Span",
    "compare",
    "compare_over_time",
    "evolution",
    "holders",
    "matrix",
    "relation_between",
    "relation_of_sets",
    "relation_of_sides",
    "side",
]


class Relation(enum.StrEnum):
    """How two actors' stances on one topic relate (see the module docstring)."""

    AGREE = "agree"
    PARTIAL = "partially-agree"
    DIVERGE = "diverge"
    MIXED = "mixed"
    ONE_SILENT = "one-side-silent"
    BOTH_SILENT = "both-silent"


def relation_between(
    topic: Topic, a: Stance | None, b: Stance | None
) -> tuple[Relation, int | None]:
    """The relation and gap between two stances on ``topic`` (``None``: no position)."""
    if a is None or b is None:
        return (Relation.BOTH_SILENT if a is b else Relation.ONE_SILENT), None
    gap = abs(a.value - b.value)
    if gap == 0:
        return Relation.AGREE, 0
    if 2 * gap <= len(topic.scale) - 1:
        return Relation.PARTIAL, gap
    return Relation.DIVERGE, gap


def relation_of_sets(
    topic: Topic, a: Sequence[Stance], b: Sequence[Stance]
) -> tuple[Relation, int | None]:
    """The relation between two sides that may each hold several current stances.

    One stance each is :func:`relation_between`; when the pairs relate differently the
    relation is ``mixed`` with the largest gap.
    """
    if not a or not b:
        return relation_between(topic, a[0] if a else None, b[0] if b else None)
    pairs = {relation_between(topic, x, y) for x in a for y in b}
    if len(pairs) == 1:
        return pairs.pop()
    return Relation.MIXED, max(gap or 0 for _, gap in pairs)


@attrs.frozen(kw_only=True)
class Side:
    """One actor's side of a row: its position in force (if any) and the evidence.

    ``position`` is the stance stated last; ``also`` holds any other stance the record
    cannot place before it (see :mod:`kashmirref.derive`), never dropped. ``evidence``
    holds the statements of every current stance in date order, all on record by the
    comparison's date. ``straddling`` holds, apart, stance-coded statements dated to a
    month or year that contains that date: they may or may not have been made by then,
    so they are never evidence and renderers mark them as such.

    When ``position`` is ``None``, ``no_position`` holds the recorded search for the
    pair, if one was made.
    """

    actor: str
    position: Position | None = None
    stance: Stance | None = None
    also: tuple[Position, ...] = ()
    evidence: tuple[Statement, ...] = ()
    straddling: tuple[Statement, ...] = ()
    no_position: NoPositionFound | None = None

    def __repr__(self) -> str:
        """One short line: the actor, its stance (or silence), the evidence counted."""
        stances = ", ".join(p.stance for p in self.positions) or "silent"
        return (
            f"Side(actor={self.actor!r}, stance={stances!r}, "
            f"evidence={len(self.evidence)} statements, straddling={len(self.straddling)})"
        )

    @property
    def silent(self) -> bool:
        """True when the actor has no position in force on the topic."""
        return self.position is None

    @property
    def positions(self) -> tuple[Position, ...]:
        """Every current position: ``position`` and then ``also``."""
        return () if self.position is None else (self.position, *self.also)

    @property
    def stale(self) -> bool:
        """True when every current stance was last stated over the threshold ago."""
        return bool(self.positions) and all(p.stale for p in self.positions)

    @property
    def grounds(self) -> tuple[Ground, ...]:
        """The grounds of every current position, in order."""
        return tuple(g for p in self.positions for g in p.grounds)


@attrs.frozen(kw_only=True)
class SharedGround:
    """An instrument, or one clause of it, that both sides invoke, with how each reads it.

    When both sides name the same clause, :attr:`clause` is it: the same words, read two
    ways. Otherwise the instrument is shared and each side's clause, if any, is given.
    """

    instrument: str
    provision_a: str | None
    provision_b: str | None
    reading_a: str | None
    reading_b: str | None

    @property
    def clause(self) -> str:
        """The shared clause (``simla-1972 para-1-ii``), or the instrument when none is."""
        same = self.provision_a is not None and self.provision_a == self.provision_b
        return f"{self.instrument} {self.provision_a}" if same else self.instrument

    def mirror(self) -> SharedGround:
        """The same ground seen from the other side."""
        return SharedGround(
            instrument=self.instrument,
            provision_a=self.provision_b,
            provision_b=self.provision_a,
            reading_a=self.reading_b,
            reading_b=self.reading_a,
        )


@attrs.frozen(kw_only=True)
class Row:
    """One topic of a comparison: both sides, their relation and gap, shared grounds."""

    topic: Topic
    a: Side
    b: Side
    relation: Relation
    gap: int | None
    shared_grounds: tuple[SharedGround, ...] = ()

    def mirror(self) -> Row:
        """The same row with the sides swapped."""
        return attrs.evolve(
            self,
            a=self.b,
            b=self.a,
            shared_grounds=tuple(g.mirror() for g in self.shared_grounds),
        )


_ORDER = {
    Relation.DIVERGE: 0,
    Relation.MIXED: 1,
    Relation.PARTIAL: 2,
    Relation.ONE_SILENT: 3,
    Relation.AGREE: 4,
    Relation.BOTH_SILENT: 5,
}


_Answer = TypeVar("_Answer", bound="_Serialised")


class _Serialised:
    """Plain-data round trips shared by the answers (:class:`Comparison`, :class:`Matrix`)."""

    __slots__ = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data; :meth:`from_dict` turns it back into an equal object."""
        from kashmirref.io import unstructure

        result: dict[str, Any] = unstructure(self)
        return result

    @classmethod
    def from_dict(cls: type[_Answer], data: dict[str, Any]) -> _Answer:
        """Rebuild the answer from :meth:`to_dict` output."""
        from kashmirref.io import converter

        return converter().structure(data, cls)

    def to_json(self, *, indent: int | None = 2) -> str:
        """:meth:`to_dict` as JSON text."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False) + "\n"


@attrs.frozen(kw_only=True)
class Comparison(_Serialised):
    """Two actors' stated positions compared topic by topic.

    ``rows`` are in the catalogue's topic order; :attr:`divergences`,
    :attr:`agreements` and :attr:`silences` pick rows out, largest gap first.
    ``as_of`` is the date the comparison answers for (the catalogue's latest when none
    was asked; ``None`` only for a catalogue without statements). ``actors`` and
    ``sources`` hold every actor and source the rows refer to, so that the comparison
    renders (and serialises) on its own.
    """

    a: str
    b: str
    as_of: dt.date | None
    rows: tuple[Row, ...]
    actors: tuple[Actor, ...] = ()
    sources: tuple[Source, ...] = ()

    def actor(self, actor_id: str) -> Actor:
        """An actor the comparison refers to; :class:`UnknownIdError` if it names none."""
        return _find("actor", self.actors, actor_id)

    def source(self, source_id: str) -> Source:
        """A source the comparison cites; :class:`UnknownIdError` if it cites none."""
        return _find("source", self.sources, source_id)

    def _select(self, *relations: Relation) -> tuple[Row, ...]:
        chosen = [row for row in self.rows if row.relation in relations]
        return tuple(sorted(chosen, key=lambda r: (-(r.gap or 0), r.topic.id)))

    @property
    def divergences(self) -> tuple[Row, ...]:
        """Rows whose stances diverge, partially agree or are mixed, largest gap first."""
        return self._select(Relation.DIVERGE, Relation.MIXED, Relation.PARTIAL)

    @property
    def agreements(self) -> tuple[Row, ...]:
        """Rows where both actors hold the same stance."""
        return self._select(Relation.AGREE)

    @property
    def silences(self) -> tuple[Row, ...]:
        """Rows where one or both actors have no position in force."""
        return self._select(Relation.ONE_SILENT, Relation.BOTH_SILENT)

    def ordered(self) -> tuple[Row, ...]:
        """Every row, divergences first, then silences, then agreements."""
        return tuple(
            sorted(self.rows, key=lambda r: (_ORDER[r.relation], -(r.gap or 0), r.topic.id))
        )

    def mirror(self) -> Comparison:
        """The comparison of ``b`` with ``a``: same rows, sides swapped."""
        return Comparison(
            a=self.b,
            b=self.a,
            as_of=self.as_of,
            rows=tuple(row.mirror() for row in self.rows),
            actors=self.actors,
            sources=self.sources,
        )

    def __str__(self) -> str:
        """A fixed-width text table with each side's grounds and quoted evidence."""
        from kashmirref.render import comparison_text

        return comparison_text(self)

    def _repr_html_(self) -> str:
        """An HTML table for notebooks, every value escaped."""
        from kashmirref.notebook import comparison_html

        return comparison_html(self)

    def to_markdown(self) -> str:
        """A side-by-side Markdown table, with citations as footnotes."""
        from kashmirref.render import comparison_markdown

        return comparison_markdown(self)



_Named = TypeVar("_Named", Actor, Source)


def _find(kind: str, records: tuple[_Named, ...], record_id: str) -> _Named:
    for record in records:
        if record.id == record_id:
            return record
    raise UnknownIdError(kind, record_id, (r.id for r in records))


def side(catalog: Catalog, actor: str, topic: Topic, as_of: dt.date | None = None) -> Side:
    """``actor``'s side on ``topic`` as of a date (``None``: the catalogue's latest).

    The positions in force then, their evidence on record by then and, apart, the
    statements that straddle the date.
    """
    when = catalog.latest if as_of is None else as_of
    if when is None:
        return Side(actor=actor, no_position=catalog.no_position(actor, topic.id))
    positions = catalog.positions(actor=actor, topic=topic.id, as_of=when)
    straddling = catalog.straddling(actor, topic.id, when)
    if not positions:
        return Side(
            actor=actor,
            straddling=straddling,
            no_position=catalog.no_position(actor, topic.id, when),
        )
    ordered = sorted(positions, key=lambda p: (p.last_stated, p.valid_from), reverse=True)
    evidence = {s: None for p in positions for s in p.evidence}
    statements = sorted((catalog.statement(s) for s in evidence), key=lambda s: (s.date, s.id))
    return Side(
        actor=actor,
        position=ordered[0],
        stance=topic.stance(ordered[0].stance),
        also=tuple(ordered[1:]),
        evidence=tuple(statements),
        straddling=straddling,
    )


def _first_grounds(grounds: Iterable[Ground]) -> dict[tuple[str, str | None], Ground]:
    """The first ground per (instrument, clause), the first with a reading where one has it.

    Each ground is filed under its clause and under ``(instrument, None)``, the
    instrument as a whole.
    """
    first: dict[tuple[str, str | None], Ground] = {}
    for ground in grounds:
        keys = {(ground.instrument, ground.provision), (ground.instrument, None)}
        for key in keys:
            held = first.get(key)
            if held is None or (held.reading is None and ground.reading is not None):
                first[key] = ground
    return first


def _shared(a: Side, b: Side) -> tuple[SharedGround, ...]:
    """The grounds both sides invoke: each clause both name, or else the instrument.

    Where the two sides name the same clause of an instrument, each such clause is one
    shared ground (the same words, two readings); where they invoke the same instrument
    but no common clause, the instrument is.
    """
    grounds_a, grounds_b = _first_grounds(a.grounds), _first_grounds(b.grounds)
    common = grounds_a.keys() & grounds_b.keys()
    clauses = {(i, p) for i, p in common if p is not None}
    named = {i for i, _ in clauses}
    keys = sorted(
        clauses | {(i, p) for i, p in common if p is None and i not in named},
        key=lambda key: (key[0], key[1] or ""),
    )
    return tuple(
        SharedGround(
            instrument=instrument,
            provision_a=grounds_a[(instrument, provision)].provision,
            provision_b=grounds_b[(instrument, provision)].provision,
            reading_a=grounds_a[(instrument, provision)].reading,
            reading_b=grounds_b[(instrument, provision)].reading,
        )
        for instrument, provision in keys
    )


def relation_of_sides(topic: Topic, a: Side, b: Side) -> tuple[Relation, int | None]:
    """The relation and gap between two sides, each with every current stance it holds."""
    return relation_of_sets(
        topic,
        [topic.stance(p.stance) for p in a.positions],
        [topic.stance(p.stance) for p in b.positions],
    )


def _row(catalog: Catalog, a: str, b: str, topic: Topic, as_of: dt.date | None) -> Row:
    side_a = side(catalog, a, topic, as_of)
    side_b = side(catalog, b, topic, as_of)
    relation, gap = relation_of_sides(topic, side_a, side_b)
    return Row(
        topic=topic,
        a=side_a,
        b=side_b,
        relation=relation,
        gap=gap,
        shared_grounds=_shared(side_a, side_b),
    )


def _topics(
    catalog: Catalog, topics: str | Iterable[str] | None, as_of: dt.date | None
) -> tuple[Topic, ...]:
    """The topics asked for, as an answer shows them (without the codebook's anchors).

    With none asked for, every topic already open on ``as_of``.
    """
    if topics is None:
        chosen = tuple(
            t for t in catalog.topics() if t.opens is None or as_of is None or t.opens <= as_of
        )
    elif isinstance(topics, str):
        chosen = (catalog.topic(topics),)
    elif not isinstance(topics, Iterable):
        raise TypeError(
            f"topics must be a topic id or an iterable of them, not {type(topics).__name__}"
        )
    else:
        chosen = tuple(catalog.topic(t) for t in topics)
    return tuple(
        attrs.evolve(t, scale=tuple(attrs.evolve(s, anchors=()) for s in t.scale)) for t in chosen
    )


def compare(
    catalog: Catalog,
    a: str,
    b: str,
    *,
    topics: str | Iterable[str] | None = None,
    as_of: DateLike | None = None,
) -> Comparison:
    """Compare actors ``a`` and ``b`` on ``topics`` (default: every topic open by ``as_of``).

    One topic id may be given as a string. A topic that opens later than ``as_of`` (the
    changes of August 2019, say) is left out unless asked for; each row's topic carries
    its question and scale, not the codebook's anchors, which name evidence of any date.

    ``as_of`` (a date, or ``"YYYY"``, ``"YYYY-MM"``, ``"YYYY-MM-DD"``, read as the last
    day of that period) compares the positions in force then, derived from statements
    on record by then: a statement counts only when the last day it could have been
    made is on or before ``as_of``. ``None`` means the catalogue's latest date
    (:attr:`Catalog.latest`), so that "now" is a date and each side says when its
    stance was last stated. Unknown ids raise
    :class:`~kashmirref.errors.UnknownIdError` with suggestions.
    """
    catalog.actor(a)
    catalog.actor(b)
    as_of = catalog.latest if as_of is None else as_date(as_of, "as_of")
    rows = tuple(_row(catalog, a, b, topic, as_of) for topic in _topics(catalog, topics, as_of))
    sides = [side for row in rows for side in (row.a, row.b)]
    actors, sources = _referenced(catalog, sides, {a, b})
    return Comparison(a=a, b=b, as_of=as_of, rows=rows, actors=actors, sources=sources)


def _referenced(
    catalog: Catalog, sides: Iterable[Side], actors: set[str]
) -> tuple[tuple[Actor, ...], tuple[Source, ...]]:
    """The actors and sources that ``sides`` mention, sorted by id."""
    actor_ids, source_ids = set(actors), set[str]()
    for side in sides:
        actor_ids.add(side.actor)
        for statement in side.evidence:
            actor_ids.add(statement.speaker)
            source_ids.update(c.source for c in statement.citations)
    return (
        tuple(catalog.actor(i) for i in sorted(actor_ids)),
        tuple(catalog.source(i) for i in sorted(source_ids)),
    )


def evolution(catalog: Catalog, actor: str, topic: str) -> tuple[Position, ...]:
    """An actor's positions on a topic in the order they took force (its history)."""
    return catalog.positions(actor=actor, topic=topic)


@attrs.frozen(kw_only=True)
class Span:
    """A period over which the relation between two actors on a topic held.

    ``start`` and ``end`` are inclusive and keep the precision of the dates they come
    from: a span that opens with a position known only "since 2020" starts in ``2020``
    (``start_precision`` year), and the span before it ends in ``2019``. ``end`` is
    ``None`` for a span still open.
    """

    start: dt.date
    end: dt.date | None
    relation: Relation
    gap: int | None
    start_precision: Precision = Precision.DAY
    end_precision: Precision = Precision.DAY

    @property
    def period(self) -> str:
        """The span in words: ``since 2020``, ``on 24 November 2003``, ``2014 \u2013 2019``."""
        start = format_date(self.start, self.start_precision)
        if self.end is None:
            return f"since {start}"
        end = format_date(self.end, self.end_precision)
        if end != start:
            return f"{start} \u2013 {end}"
        return f"on {start}" if self.start_precision is Precision.DAY else start


_RANK = {Precision.DAY: 0, Precision.MONTH: 1, Precision.YEAR: 2}


def _before(when: dt.date, precision: Precision) -> dt.date:
    """The start of the period (of the same precision) just before ``when``'s."""
    if precision is Precision.YEAR:
        return when.replace(year=when.year - 1)
    if precision is Precision.MONTH:
        return (when - dt.timedelta(days=1)).replace(day=1)
    return when - dt.timedelta(days=1)


def compare_over_time(catalog: Catalog, a: str, b: str, topic: str) -> tuple[Span, ...]:
    """When the relation between ``a`` and ``b`` on ``topic`` changed, span by span.

    A relation can change only where a stance-coded statement of either actor comes on
    record; each such date is taken at its own precision, and the relation of the span
    that opens there is the one a comparison ``as_of`` the last day of that period
    gives (the rule of :func:`compare`).
    """
    subject = catalog.topic(topic)
    catalog.actor(a)
    catalog.actor(b)
    changes: set[tuple[dt.date, Precision]] = set()
    for actor in (a, b):
        for statement in catalog.statements(actor=actor, topic=topic):
            if statement.on_behalf_of == actor and statement.stance_on(topic) is not None:
                changes.add((statement.date, statement.date_precision))
    # one label per effective day: the most precise date that takes effect on it
    labels: dict[dt.date, tuple[dt.date, Precision]] = {}
    for when, precision in sorted(changes, key=lambda c: (_RANK[c[1]], c[0])):
        labels.setdefault(last_day(when, precision), (when, precision))
    spans: list[Span] = []
    for effective in sorted(labels):
        start, precision = labels[effective]
        row = _row(catalog, a, b, subject, effective)
        if spans and (spans[-1].relation, spans[-1].gap) == (row.relation, row.gap):
            continue
        # A change known only to its month or year can come on record after finer
        # changes inside that month or year; those spans fall within its uncertainty and
        # give way to it, so that spans stay in order at their sources' precision.
        while spans and spans[-1].start >= start:
            spans.pop()
        if spans and spans[-1].end is not None:
            spans[-1] = attrs.evolve(spans[-1], end=None, end_precision=Precision.DAY)
        if spans and (spans[-1].relation, spans[-1].gap) == (row.relation, row.gap):
            continue
        if spans:
            previous = spans[-1]
            end = max(_before(start, precision), previous.start)
            spans[-1] = attrs.evolve(previous, end=end, end_precision=precision)
        spans.append(
            Span(
                start=start,
                end=None,
                relation=row.relation,
                gap=row.gap,
                start_precision=precision,
            )
        )
    if spans and spans[0].relation is Relation.BOTH_SILENT:
        spans.pop(0)
    return tuple(spans)


@attrs.frozen(kw_only=True)
class Matrix(_Serialised):
    """Several actors' stances on one topic, side by side."""

    topic: Topic
    as_of: dt.date | None
    sides: tuple[Side, ...]
    actors: tuple[Actor, ...] = ()
    sources: tuple[Source, ...] = ()

    def __str__(self) -> str:
        """A fixed-width text table: one line per actor."""
        from kashmirref.render import matrix_text

        return matrix_text(self)


def holders(
    catalog: Catalog,
    topic: str,
    *,
    kinds: Iterable[ActorKind | str] = (),
    as_of: DateLike | None = None,
) -> tuple[str, ...]:
    """The actors with a stance on ``topic`` on record by ``as_of`` (any date when ``None``).

    A stance is on record by ``as_of`` when the last day its first statement could have
    been made is on or before it (one said "in 2019" is not on record by June 2019).
    Sorted by name; ``kinds`` keeps only actors of those kinds (all kinds when empty).
    """
    subject = catalog.topic(topic)
    wanted = {ActorKind(kind) for kind in kinds}
    when = None if as_of is None else as_date(as_of, "as_of")
    found = {
        position.actor
        for position in catalog.positions(topic=subject.id)
        if when is None or last_day(position.valid_from, position.valid_from_precision) <= when
    }
    chosen = [catalog.actor(a) for a in found]
    return tuple(
        a.id for a in sorted(chosen, key=lambda a: a.name) if not wanted or a.kind in wanted
    )


def matrix(
    catalog: Catalog,
    actors: Sequence[str] | None,
    topic: str,
    *,
    as_of: DateLike | None = None,
) -> Matrix:
    """Every actor's stance on one topic (e.g. India, Pakistan, the US on mediation).

    ``actors=None`` takes every actor with a stance on the topic by then (:func:`holders`).
    """
    subject = catalog.topic(topic)
    as_of = catalog.latest if as_of is None else as_date(as_of, "as_of")
    if actors is None:
        actors = holders(catalog, subject.id, as_of=as_of)
    sides = tuple(side(catalog, catalog.actor(actor).id, subject, as_of) for actor in actors)
    referenced_actors, sources = _referenced(catalog, sides, set(actors))
    return Matrix(
        topic=subject, as_of=as_of, sides=sides, actors=referenced_actors, sources=sources
    )
