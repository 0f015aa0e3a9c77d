"""Positions derived from coded statements: the one rule every answer follows.

An actor's position on a topic as of a date ``D`` comes only from the statements made on
its behalf that are certainly on record by ``D`` (:meth:`Statement.on_record_by`) and
whose words are coded with a stance on that topic (mentions never set a stance):

1. A stance holds from the statement that expresses it until a later statement
   expresses another.
2. Statements the record cannot put in order are taken together. The latest statement
   is the one whose last possible day is latest; every statement whose last possible day
   falls on or after the first possible day of that one may have been made as late, so
   its stance is current too. Two statements dated to the day, on different days, are
   always in order; one dated only to "2019" cannot be placed before another of June
   2019. When two or more stances are current, each is a position marked ``mixed``, and
   none is dropped.
3. A current stance's evidence is its statements among those latest ones and the
   unbroken run of statements expressing it just before them; ``valid_from`` is the
   first of them, ``last_stated`` the last.
4. Its grounds are the invocations in that evidence.
5. It is ``stale`` when last stated more than
   :data:`~kashmirref.model.STALE_AFTER_YEARS` years before ``D``.

Nothing after ``D`` enters a position as of ``D``: not a statement, a date, an id or an
instrument. A history (:func:`history`) lists the positions one after another, each
closed by the statement that expressed another stance.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence

import attrs

from kashmirref.model import Ground, Position, Statement, is_stale

__all__ = ["Coded", "current", "history"]


@attrs.frozen(slots=True)
class Coded:
    """The stance-coded statements of one actor on one topic, ordered by when on record."""

    actor: str
    topic: str
    statements: tuple[Statement, ...]
    on_record: tuple[dt.date, ...] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "on_record", tuple(s.last_possible for s in self.statements))

    @classmethod
    def of(cls, actor: str, topic: str, statements: Iterable[Statement]) -> Coded:
        """Keep the statements for ``actor`` coded with a stance on ``topic``, in order."""
        kept = [s for s in statements if s.on_behalf_of == actor and s.stance_on(topic)]
        kept.sort(key=lambda s: (s.last_possible, s.date, s.id))
        return cls(actor=actor, topic=topic, statements=tuple(kept))

    def by(self, when: dt.date) -> tuple[Statement, ...]:
        """The statements certainly on record by ``when``."""
        return self.statements[: bisect.bisect_right(self.on_record, when)]


def _stance(statement: Statement, topic: str) -> str:
    stance = statement.stance_on(topic)
    assert stance is not None  # Coded keeps stance-coded statements only
    return stance


def _grounds(statements: Sequence[Statement]) -> tuple[Ground, ...]:
    found: dict[tuple[str, str | None, str | None, str], Ground] = {}
    for s in statements:
        for invocation in s.invokes:
            ground = Ground(
                instrument=invocation.instrument,
                provision=invocation.provision,
                reading=invocation.reading,
                statement=s.id,
            )
            found.setdefault((ground.instrument, ground.provision, ground.reading, s.id), ground)
    return tuple(found.values())


def current(coded: Coded, as_of: dt.date) -> tuple[Position, ...]:
    """The positions in force ``as_of``: one per stance current then (see the module rules).

    Ordered by when each stance was last stated, the latest last.
    """
    on_record = coded.by(as_of)
    if not on_record:
        return ()
    latest = on_record[-1].date
    group = len(on_record)
    while group > 0 and on_record[group - 1].last_possible >= latest:
        group -= 1
    stances = {_stance(s, coded.topic) for s in on_record[group:]}
    positions = []
    for stance in stances:
        start = group
        while start > 0 and _stance(on_record[start - 1], coded.topic) == stance:
            start -= 1
        evidence = sorted(
            (s for s in on_record[start:] if _stance(s, coded.topic) == stance),
            key=lambda s: (s.date, s.id),
        )
        first = min(evidence, key=lambda s: (s.date, s.last_possible, s.id))
        last = max(evidence, key=lambda s: (s.last_possible, s.date, s.id))
        positions.append(
            Position(
                actor=coded.actor,
                topic=coded.topic,
                stance=stance,
                valid_from=first.date,
                valid_from_precision=first.date_precision,
                last_stated=last.date,
                last_stated_precision=last.date_precision,
                evidence=tuple(s.id for s in evidence),
                grounds=_grounds(evidence),
                as_of=as_of,
                mixed=len(stances) > 1,
                stale=is_stale(last.date, last.date_precision, as_of),
            )
        )
    positions.sort(key=lambda p: (p.last_stated, p.valid_from, p.stance))
    return tuple(positions)


def _continued(before: list[Position], now: Position, by_id: dict[str, Statement]) -> Position:
    """A stance that stayed current: its position now, over the whole run since it began.

    ``before`` are the positions of that stance that the answer ``now`` continues: the
    one still open, and any closed run whose statements ``now`` counts as its own. A
    stance that was one of several current ones (a mixed period) and is stated again
    never stopped being current, though another stance's statements stand between its
    statements in record order; and a statement whose date the record cannot order
    against the one that closed a run shows, once on record, that the run was not
    broken. Either way the history keeps one position from the run's first statement,
    with the evidence of all of it.
    """
    if not before:
        return now
    evidence = sorted(
        {by_id[i] for p in (*before, now) for i in p.evidence}, key=lambda s: (s.date, s.id)
    )
    first = min(evidence, key=lambda s: (s.date, s.last_possible, s.id))
    return attrs.evolve(
        now,
        valid_from=first.date,
        valid_from_precision=first.date_precision,
        evidence=tuple(s.id for s in evidence),
        grounds=_grounds(evidence),
    )


def history(coded: Coded) -> tuple[Position, ...]:
    """Every position the actor has held on the topic, in the order they began.

    Each is the position as last derived before another stance replaced it, closed on
    the date of the statement that did (``valid_to``); those still current are open and
    carry every statement of their run. A stance that stays current through a mixed
    period and is stated again is one position, not two (see :func:`_continued`), so
    every stance-coded statement is the evidence of exactly one position of the history.
    Positions in a history are as of no date.
    """
    closed: list[Position] = []
    open_: dict[str, Position] = {}
    by_id = {s.id: s for s in coded.statements}
    for index, when in enumerate(coded.on_record):
        if index + 1 < len(coded.on_record) and coded.on_record[index + 1] == when:
            continue
        statement = coded.statements[index]
        now = {p.stance: p for p in current(coded, when)}
        for stance, held in list(open_.items()):
            if stance not in now:
                closed.append(
                    attrs.evolve(
                        held,
                        valid_to=statement.date,
                        valid_to_precision=statement.date_precision,
                    )
                )
                del open_[stance]
        for stance, position in now.items():
            # a run closed earlier that this answer shows unbroken is this run (see _continued)
            reopened = [
                c for c in closed if c.stance == stance and set(c.evidence) & set(position.evidence)
            ]
            closed = [c for c in closed if c not in reopened]
            before = [*reopened, *([open_[stance]] if stance in open_ else [])]
            open_[stance] = _continued(before, position, by_id)
    result = closed + list(open_.values())
    result = [attrs.evolve(p, as_of=None, stale=False) for p in result]
    result.sort(key=lambda p: (p.valid_from, p.last_stated, p.stance))
    return tuple(result)
