"""Checks that need the whole catalogue: unique ids, references, scales, periods.

:func:`check` returns every problem it finds (it never stops at the first), each
naming the record kind, the record id and the field path, so that the loader can add
the file and line it read the record from.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from typing import Any

from kashmirref.convert import Tables
from kashmirref.errors import Problem, brief
from kashmirref.model import Citation, format_date, last_day, lineage
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
        self.labels = {t.id: frozenset(p.label for p in t.scale) for t in self.topics.values()}
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

    def cite(self, kind: str, record: str, field: str, citation: Citation) -> bool:
        """Check one citation: its source exists and a web copy's check is dated.

        True when the source exists.
        """
        if not self.ref(kind, record, f"{field}.source", citation.source, "source"):
            return False
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
        return True

    def cite_all(self, kind: str, record: Any, *, every: bool) -> None:
        """Check every citation of a record's ``citations`` and each source's date.

        The record's ``date`` is its first possible day. With ``every`` (the words of a
        statement cannot be printed before they were said) no cited source may be
        published before it; without (an event or instrument, which a source may
        announce before it happens) at least one must be published on or after it.
        """
        early: list[tuple[str, Any]] = []
        for i, citation in enumerate(record.citations):
            field = f"citations[{i}]"
            if not self.cite(kind, record.id, field, citation):
                early.append((field, None))  # unknown: reported, and not early or late
                continue
            source = self.sources[citation.source]
            if record.date > last_day(source.published, source.published_precision):
                early.append((field, source))
        all_early = len(early) == len(record.citations)
        early = [(field, source) for field, source in early if source is not None]
        if early and (every or all_early):
            for field, source in early if every else early[:1]:
                when = format_date(source.published, source.published_precision)
                self.add(
                    kind,
                    record.id,
                    "date",
                    f"{record.date} is after its source {brief(source.id)} was published "
                    f"({when}), cited at {field}"
                    + ("" if every else "; cite a source of the day or later as well"),
                )

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

    def look_up_keys(self) -> None:
        """Refuse what would let one record take another's place in a look-up.

        Ids are unique across kinds; an id is no other record's name, alias or title,
        nor the number of a UNSC resolution (``show 47``); and the names records are
        displayed by (actor names and topic titles) and actor aliases are no other
        actor's or topic's display name.
        """
        kinds: defaultdict[str, list[str]] = defaultdict(list)
        for kind, records in self.tables.items():
            for record_id in dict.fromkeys(r.id for r in records):
                kinds[record_id].append(kind)
        numbers = {str(i.number): i.id for i in self.tables["instrument"] if i.number}
        names: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)
        for kind, records in self.tables.items():
            for record in records:
                for name in dict.fromkeys(_spelled(record)):
                    names[name].append((kind, record.id))
        for record_id, used in kinds.items():
            for kind in used:
                others = [k for k in used if k != kind]
                if others:
                    self.add(
                        kind,
                        record_id,
                        "id",
                        f"{brief(record_id)} is also the id of {' and '.join(others)} "
                        f"{brief(record_id)}: ids must be unique across kinds",
                    )
                number = numbers.get(record_id)
                if number is not None:
                    self.add(
                        kind,
                        record_id,
                        "id",
                        f"{brief(record_id)} is the number of resolution {brief(number)}: "
                        "a look-up of it would be ambiguous",
                    )
                named = [r for r in names.get(record_id, ()) if r[1] != record_id]
                if named and (kind, record_id) not in names[record_id]:  # not named so itself
                    self.add(
                        kind,
                        record_id,
                        "id",
                        f"{brief(record_id)} is also a name of {named[0][0]} "
                        f"{brief(named[0][1])}: a look-up of it would be ambiguous",
                    )
        self.display_names()

    def display_names(self) -> None:
        """Actor names, aliases and topic titles that are another's display name.

        An actor may not be called as an instrument is (its title or short title); a
        topic may share an instrument's name (the Indus Waters Treaty), which look-ups
        tell apart by saying which they found.
        """
        shown: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)
        for actor in self.tables["actor"]:
            shown[_normal(actor.name)].append(("actor", actor.id))
        for topic in self.tables["topic"]:
            shown[_normal(topic.title)].append(("topic", topic.id))
        for instrument in self.tables["instrument"]:
            # an actor named as an instrument is called would come first in a look-up
            for title in dict.fromkeys((instrument.title, instrument.short_title)):
                shown[_normal(title)].append(("instrument", instrument.id))
        given: list[tuple[str, str, str, str]] = [
            ("actor", a.id, "name", a.name) for a in self.tables["actor"]
        ]
        given += [("topic", t.id, "title", t.title) for t in self.tables["topic"]]
        given += [
            ("actor", a.id, f"aliases[{i}]", alias)
            for a in self.tables["actor"]
            for i, alias in enumerate(a.aliases)
        ]
        for kind, record_id, field, name in given:
            clash = shown.get(_normal(name), ())
            # two names of one kind: the later record is reported; an alias always is
            mine = clash.index((kind, record_id)) if (kind, record_id) in clash else len(clash)
            others = [
                r
                for i, r in enumerate(clash)
                if (i < mine or r[0] != kind) and {kind, r[0]} != {"topic", "instrument"}
            ]
            if others:
                other_kind, other = others[0]
                what = "name" if other_kind == "actor" else "title"
                what = "short title" if other_kind == "instrument" else what
                self.add(
                    kind,
                    record_id,
                    field,
                    f"{brief(name)} is the {what} of {other_kind} {brief(other)}: "
                    "two records would show alike",
                )

    def actor_parents(self) -> None:
        parents = self.parents
        for actor in self.tables["actor"]:
            if not self.ref("actor", actor.id, "parent", actor.parent, "actor"):
                continue
            if lineage(actor.id, parents)[1]:
                self.add("actor", actor.id, "parent", "parent chain loops back on itself")

    def source(self) -> None:
        for source in self.tables["source"]:
            self.ref("source", source.id, "press_of", source.press_of, "actor")

    def statement(self) -> None:
        for s in self.tables["statement"]:
            self.ref("statement", s.id, "speaker", s.speaker, "actor")
            self.ref("statement", s.id, "on_behalf_of", s.on_behalf_of, "actor")
            for i, code in enumerate(s.codes):
                self.code(s, f"codes[{i}]", code.topic, code.stance)
            for i, invocation in enumerate(s.invokes):
                self.invocation(s, f"invokes[{i}]", invocation.instrument, invocation.provision)
            self.cite_all("statement", s, every=True)

    def code(self, s: Any, field: str, topic_id: str, stance: str | None) -> None:
        """A statement's code: a known topic, a stance on its scale, not before it opens."""
        if not self.ref("statement", s.id, f"{field}.topic", topic_id, "topic"):
            return
        topic = self.topics[topic_id]
        if stance is None:
            return
        if stance not in self.labels[topic_id]:
            labels = ", ".join(point.label for point in topic.scale)
            self.add(
                "statement",
                s.id,
                f"{field}.stance",
                f"{brief(stance)} is not on the scale of topic {brief(topic_id)} ({labels})",
            )
        if topic.opens is not None and s.date < topic.opens:
            self.add(
                "statement",
                s.id,
                f"{field}.stance",
                f"topic {brief(topic_id)} opens on {topic.opens}; a statement of {s.date} "
                "can only mention it",
            )

    def invocation(self, s: Any, field: str, instrument_id: str, provision: str | None) -> None:
        """A statement's invocation: a known instrument and clause, not yet to come."""
        if not self.ref("statement", s.id, f"{field}.instrument", instrument_id, "instrument"):
            return
        instrument = self.instruments[instrument_id]
        if provision is not None and provision not in {p.id for p in instrument.provisions}:
            self.add(
                "statement",
                s.id,
                f"{field}.provision",
                f"{brief(instrument_id)} has no provision {brief(provision)}",
            )
        if s.last_possible < instrument.date:
            self.add(
                "statement",
                s.id,
                f"{field}.instrument",
                f"{brief(instrument_id)} dates from {instrument.date}, after the statement "
                f"({s.date})",
            )

    def anchors(self) -> None:
        """Each anchor of a stance is a statement coded with that stance on that topic."""
        for topic in self.tables["topic"]:
            for point in topic.scale:
                for i, statement_id in enumerate(point.anchors):
                    field = f"scale[{point.value}].anchors[{i}]"
                    if not self.ref("topic", topic.id, field, statement_id, "statement"):
                        continue
                    coded = self.statements[statement_id].stance_on(topic.id)
                    if coded != point.label:
                        self.add(
                            "topic",
                            topic.id,
                            field,
                            f"statement {brief(statement_id)} is coded "
                            f"{brief(coded or 'a mention')} on this topic, not "
                            f"{brief(point.label)}",
                        )

    def no_position(self) -> None:
        spoken: defaultdict[tuple[str, str], list[dt.date]] = defaultdict(list)
        for s in self.tables["statement"]:
            for topic in s.topics:
                spoken[(s.on_behalf_of, topic)].append(s.date)
        searched: defaultdict[tuple[str, str], list[Any]] = defaultdict(list)
        for n in sorted(self.tables["no_position"], key=lambda n: (n.start, n.end)):
            for other in searched[(n.actor, n.topic)]:
                if other.end >= n.start:
                    self.add(
                        "no_position",
                        n.id,
                        "start",
                        f"the period overlaps that of {brief(other.id)} ({other.period}), "
                        f"a search for the same actor and topic; merge the two records",
                    )
            searched[(n.actor, n.topic)].append(n)
        for n in self.tables["no_position"]:
            self.ref("no_position", n.id, "actor", n.actor, "actor")
            self.ref("no_position", n.id, "topic", n.topic, "topic")
            found = [d for d in spoken.get((n.actor, n.topic), ()) if n.start <= d <= n.end]
            if found:
                self.add(
                    "no_position",
                    n.id,
                    "start",
                    f"a statement of {brief(n.actor)} on {brief(n.topic)} dated {min(found)} "
                    "falls in this period; remove this record or narrow its period",
                )

    def instrument(self) -> None:
        for ins in self.tables["instrument"]:
            for i, party in enumerate(ins.parties):
                self.ref("instrument", ins.id, f"parties[{i}]", party, "actor")
            self.cite_all("instrument", ins, every=False)
            for i, provision in enumerate(ins.provisions):
                if provision.copy is not None:
                    self.cite("instrument", ins.id, f"provisions[{i}]", provision.copy)
            for i, change in enumerate(ins.status_history):
                field = f"status_history[{i}]"
                self.ref("instrument", ins.id, f"{field}.declared_by", change.declared_by, "actor")
                if change.is_declaration and change.declared_by is not None:
                    self.party(ins, f"{field}.declared_by", change.declared_by)
                self.cite("instrument", ins.id, f"{field}.citation", change.citation)

    def party(self, instrument: Any, field: str, actor: str) -> None:
        """Report a one-party declaration by an actor that speaks for no party."""
        chain, _ = lineage(actor, self.parents)
        if instrument.parties and not set(chain) & set(instrument.parties):
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
            self.cite_all("event", e, every=False)

    def term(self) -> None:
        for t in self.tables["term"]:
            for i, name in enumerate(t.names):
                self.ref("term", t.id, f"names[{i}].actor", name.actor, "actor")
                if name.citation is not None:
                    self.cite("term", t.id, f"names[{i}].citation", name.citation)


def _normal(name: str) -> str:
    """A name as look-ups compare it: lower case, runs of spaces as one."""
    return " ".join(name.lower().split())


def _spelled(record: Any) -> list[str]:
    """The names, aliases and titles of ``record``, as look-ups compare them."""
    names = [getattr(record, a, None) for a in ("name", "title", "neutral_name")]
    found = [n for n in names if isinstance(n, str)] + list(getattr(record, "aliases", ()))
    return [_normal(n) for n in found]


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
    checker.look_up_keys()
    checker.actor_parents()
    checker.source()
    checker.statement()
    checker.anchors()
    checker.no_position()
    checker.instrument()
    checker.event()
    checker.term()
    return checker.problems
