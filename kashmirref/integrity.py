"""Checks that need the whole catalogue: unique ids, references, scales, periods.

:func:`check` returns every problem it finds (it never stops at the first), each
naming the record kind, the record id and the field path, so that the loader can add
the file and line it read the record from.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from kashmirref.convert import Tables
from kashmirref.errors import Problem, brief
from kashmirref.model import Citation, last_day
from kashmirref.nearest import Nearest

__all__ = ["check"]


class _Checker:
    """Collects the problems of one catalogue; one method per record kind."""

    def __init__(
        self, catalog: Tables, unresolved: Mapping[str, Collection[str]] | None = None
    ) -> None:
        self.tables: dict[str, tuple[Any, ...]] = dict(catalog.tables())
        self.problems: list[Problem] = []
        self.unresolved: Mapping[str, Collection[str]] = unresolved or {}
        self.nearest: dict[str, Nearest] = {}
        self.actors = {a.id for a in self.tables["actor"]}
        self.parents = {a.id: a.parent for a in self.tables["actor"]}
        self.topics = {t.id: t for t in self.tables["topic"]}
        self.sources = {s.id: s for s in self.tables["source"]}
        self.instruments = {i.id: i for i in self.tables["instrument"]}
        self.statements = {s.id: s for s in self.tables["statement"]}

    def add(self, kind: str, record: str, field: str, message: str) -> None:
        self.problems.append(Problem(kind=kind, record=record, field=field, message=message))

    def ref(self, kind: str, record: str, field: str, value: str | None, target: str) -> bool:
        """Report ``value`` if it is not a known id of ``target``; True when it resolves."""
        known: Collection[str] = {
            "actor": self.actors,
            "topic": self.topics,
            "source": self.sources,
            "instrument": self.instruments,
            "statement": self.statements,
        }[target]
        if value is None or value in known:
            return True
        if value in self.unresolved.get(target, ()):
            return False  # the record exists but failed its own checks: reported there
        message = f"refers to unknown {target} {brief(value)}"
        suggest = self.nearest.get(target)
        if suggest is None:
            suggest = self.nearest[target] = Nearest(known)
        nearest = suggest(value)
        if nearest:
            message += f"; did you mean {brief(nearest[0])}?"
        self.add(kind, record, field, message)
        return False

    def cite(self, kind: str, record: str, field: str, citation: Citation) -> None:
        """Check that one citation's source exists and that a web copy's check is dated."""
        if not self.ref(kind, record, f"{field}.source", citation.source, "source"):
            return
        source = self.sources[citation.source]
        if citation.checked is None:
            if source.url is not None or citation.read_at is not None:
                self.add(
                    kind,
                    record,
                    f"{field}.checked",
                    "a quote from a copy on the web needs the date it was last checked",
                )
        elif citation.checked < source.published:
            self.add(
                kind,
                record,
                f"{field}.checked",
                f"{citation.checked} is before its source {brief(source.id)} was published "
                f"({source.published})",
            )

    def cite_all(self, kind: str, record: str, field: str, citations: Iterable[Citation]) -> None:
        """Check every citation of a tuple field."""
        for i, citation in enumerate(citations):
            self.cite(kind, record, f"{field}[{i}]", citation)

    # ------------------------------------------------------------------ per kind

    def unique_ids(self) -> None:
        for kind, records in self.tables.items():
            counts = Counter(r.id for r in records)
            for record_id, count in counts.items():
                if count > 1:
                    self.add(kind, record_id, "id", f"{kind} id is used {count} times")
        numbers = Counter(i.number for i in self.tables["instrument"] if i.number is not None)
        for instrument in self.tables["instrument"]:
            if instrument.number is not None and numbers[instrument.number] > 1:
                self.add(
                    "instrument",
                    instrument.id,
                    "number",
                    f"resolution number {instrument.number} is used more than once",
                )

    def actor_parents(self) -> None:
        parents = self.parents
        for actor in self.tables["actor"]:
            if not self.ref("actor", actor.id, "parent", actor.parent, "actor"):
                continue
            seen = {actor.id}
            step = actor.parent
            while step is not None and step in parents:
                if step in seen:
                    self.add("actor", actor.id, "parent", "parent chain loops back on itself")
                    break
                seen.add(step)
                step = parents[step]

    def statement(self) -> None:
        for s in self.tables["statement"]:
            self.ref("statement", s.id, "speaker", s.speaker, "actor")
            self.ref("statement", s.id, "on_behalf_of", s.on_behalf_of, "actor")
            for i, topic in enumerate(s.topics):
                self.ref("statement", s.id, f"topics[{i}]", topic, "topic")
            self.cite_all("statement", s.id, "citations", s.citations)
            source = self.sources.get(s.citations[0].source)
            if source and s.date > last_day(source.published, source.published_precision):
                self.add(
                    "statement",
                    s.id,
                    "date",
                    f"{s.date} is after its source {brief(source.id)} was published "
                    f"({source.published})",
                )

    def position(self) -> None:
        periods: defaultdict[tuple[str, str], list[tuple[dt.date, dt.date | None, int]]]
        periods = defaultdict(list)
        positions = self.tables["position"]
        for order, p in enumerate(positions):
            self.ref("position", p.id, "actor", p.actor, "actor")
            if self.ref("position", p.id, "topic", p.topic, "topic"):
                topic = self.topics[p.topic]
                if p.stance not in {s.label for s in topic.scale}:
                    labels = ", ".join(s.label for s in topic.scale)
                    self.add(
                        "position",
                        p.id,
                        "stance",
                        f"{brief(p.stance)} is not on the scale of topic "
                        f"{brief(p.topic)} ({labels})",
                    )
            for i, ground in enumerate(p.grounds):
                field = f"grounds[{i}]"
                if ground.citation is not None:
                    self.cite("position", p.id, f"{field}.citation", ground.citation)
                if self.ref(
                    "position", p.id, f"{field}.instrument", ground.instrument, "instrument"
                ):
                    instrument = self.instruments[ground.instrument]
                    known = {prov.id for prov in instrument.provisions}
                    if ground.provision is not None and ground.provision not in known:
                        self.add(
                            "position",
                            p.id,
                            f"{field}.provision",
                            f"{brief(ground.instrument)} has no provision "
                            f"{brief(ground.provision)}",
                        )
            for i, statement_id in enumerate(p.evidence):
                if not self.ref("position", p.id, f"evidence[{i}]", statement_id, "statement"):
                    continue
                statement = self.statements[statement_id]
                if statement.on_behalf_of != p.actor:
                    self.add(
                        "position",
                        p.id,
                        f"evidence[{i}]",
                        f"statement {brief(statement_id)} speaks for "
                        f"{brief(statement.on_behalf_of)}, "
                        f"not {brief(p.actor)}",
                    )
                if p.topic not in statement.topics:
                    self.add(
                        "position",
                        p.id,
                        f"evidence[{i}]",
                        f"statement {brief(statement_id)} is not tagged with topic "
                        f"{brief(p.topic)}",
                    )
            dated = [self.statements[e] for e in p.evidence if e in self.statements]
            if dated and p.valid_from < (earliest := min(d.date for d in dated)):
                self.add(
                    "position",
                    p.id,
                    "valid_from",
                    f"{p.valid_from} is before the earliest date its evidence may have been "
                    f"made ({earliest})",
                )
            periods[(p.actor, p.topic)].append((p.valid_from, p.on_record_to, order))
        for (actor, topic), spans in periods.items():
            spans.sort(key=lambda span: span[0])
            for (_, end, first), (start, _, second) in itertools.pairwise(spans):
                if end is None or start <= end:
                    # reported once, on the position loaded later (the one just added)
                    earlier, later = sorted((first, second))
                    message = (
                        f"period overlaps position {brief(positions[earlier].id)} "
                        f"of {brief(actor)} on {brief(topic)}"
                    )
                    self.add("position", positions[later].id, "valid_from", message)

    def no_position(self) -> None:
        stated = {(p.actor, p.topic) for p in self.tables["position"]}
        for n in self.tables["no_position"]:
            self.ref("no_position", n.id, "actor", n.actor, "actor")
            self.ref("no_position", n.id, "topic", n.topic, "topic")
            if (n.actor, n.topic) in stated:
                self.add(
                    "no_position",
                    n.id,
                    "topic",
                    f"a position of {brief(n.actor)} on {brief(n.topic)} is recorded; "
                    "remove this record",
                )

    def instrument(self) -> None:
        for ins in self.tables["instrument"]:
            for i, party in enumerate(ins.parties):
                self.ref("instrument", ins.id, f"parties[{i}]", party, "actor")
            self.cite_all("instrument", ins.id, "citations", ins.citations)
            for i, change in enumerate(ins.status_history):
                field = f"status_history[{i}]"
                self.ref("instrument", ins.id, f"{field}.declared_by", change.declared_by, "actor")
                if change.is_declaration and change.declared_by is not None:
                    self.party(ins, f"{field}.declared_by", change.declared_by)
                self.cite("instrument", ins.id, f"{field}.citation", change.citation)

    def party(self, instrument: Any, field: str, actor: str) -> None:
        """Report a one-party declaration by an actor that speaks for no party."""
        parents = self.parents
        step: str | None = actor
        seen: set[str] = set()
        while step is not None and step not in seen:
            if step in instrument.parties:
                return
            seen.add(step)
            step = parents.get(step)
        if instrument.parties:
            self.add(
                "instrument",
                instrument.id,
                field,
                f"{brief(actor)} declares for one party, but speaks for none of "
                f"{', '.join(instrument.parties)}",
            )

    def event(self) -> None:
        for e in self.tables["event"]:
            for i, actor in enumerate(e.actors):
                self.ref("event", e.id, f"actors[{i}]", actor, "actor")
            self.cite_all("event", e.id, "citations", e.citations)

    def term(self) -> None:
        for t in self.tables["term"]:
            for i, name in enumerate(t.names):
                self.ref("term", t.id, f"names[{i}].actor", name.actor, "actor")
                if name.citation is not None:
                    self.cite("term", t.id, f"names[{i}].citation", name.citation)


def check(
    catalog: Tables, *, unresolved: Mapping[str, Collection[str]] | None = None
) -> list[Problem]:
    """Return every cross-record problem of ``catalog`` (empty when it is consistent).

    ``unresolved`` maps a kind (``"actor"``, ...) to the ids of records of that kind
    that were read but failed their own checks: a reference to one of them is not
    reported as unknown, since the record's own problems already are.
    """
    checker = _Checker(catalog, unresolved)
    checker.unique_ids()
    checker.actor_parents()
    checker.statement()
    checker.position()
    checker.no_position()
    checker.instrument()
    checker.event()
    checker.term()
    return checker.problems
