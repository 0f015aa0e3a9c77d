"""Data-quality rules that keep the shipped catalogue honest as it grows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import attrs

import kashmirref as kr
from kashmirref.model import citations_of, last_day

SIDES = ("india", "pakistan")


def _walk(value: object, name: str = "") -> Iterator[tuple[str, object]]:
    """Every (field name, value) pair inside a record, at any depth; the items of a
    tuple field are given under that field's name too."""
    if isinstance(value, tuple):
        for item in value:
            yield name, item
            yield from _walk(item, name)
    elif attrs.has(type(value)):
        kind: Any = type(value)
        for field in attrs.fields(kind):
            inner = getattr(value, field.name)
            yield field.name, inner
            yield from _walk(inner, field.name)


def _references(record: object, names: frozenset[str]) -> set[str]:
    """Every id that ``record`` (or a record inside it) names in a field of ``names``."""
    return {inner for name, inner in _walk(record) if name in names and isinstance(inner, str)}


def _all_records(catalog: kr.Catalog) -> list[object]:
    return [
        *catalog.actors(),
        *catalog.sources(),
        *catalog.topics(),
        *catalog.instruments(),
        *catalog.events(),
        *catalog.statements(),
        *catalog.positions(),
        *catalog.no_positions(),
        *catalog.terms(),
    ]


def _unrecorded(catalog: kr.Catalog, recorded: Callable[[str, str], object]) -> list[object]:
    """(topic, side) pairs of core topics where ``recorded`` finds nothing and no
    explicit "no stated position found" record stands in."""
    return [
        (topic.id, side)
        for topic in catalog.topics()
        if topic.core
        for side in SIDES
        if not recorded(side, topic.id) and catalog.no_position(side, topic.id) is None
    ]


def test_every_core_topic_has_both_sides_recorded(catalog: kr.Catalog) -> None:
    assert _unrecorded(catalog, lambda side, topic: catalog.positions(side, topic)) == []


def test_coverage_is_symmetric(catalog: kr.Catalog) -> None:
    """Where a core topic has a statement by one side, the other side is recorded too."""
    assert _unrecorded(catalog, lambda side, topic: catalog.statements(side, topic)) == []


def test_every_position_rests_on_quoted_evidence(catalog: kr.Catalog) -> None:
    for position in catalog.positions():
        quotes = [catalog.statement(s).text.strip() for s in position.evidence]
        assert quotes and all(quotes), position.id


def test_every_period_is_the_span_its_evidence_supports(catalog: kr.Catalog) -> None:
    """A period opens on the date of its earliest evidence, and no evidence falls outside it."""
    for position in catalog.positions():
        said = [catalog.statement(s) for s in position.evidence]
        assert position.valid_from in {s.date for s in said}, position.id
        for statement in said:
            assert last_day(statement.date, statement.date_precision) >= position.valid_from
            assert position.valid_to is None or statement.date <= position.valid_to, position.id


def test_no_statement_postdates_its_source(catalog: kr.Catalog) -> None:
    for statement in catalog.statements():
        source = catalog.source(statement.citation.source)
        assert statement.date <= last_day(source.published, source.published_precision)


def test_every_source_is_cited(catalog: kr.Catalog) -> None:
    cited = {c.source for record in _all_records(catalog) for c in citations_of(record)}
    assert sorted(s.id for s in catalog.sources() if s.id not in cited) == []


def test_every_actor_is_referred_to(catalog: kr.Catalog) -> None:
    names = frozenset(
        {"speaker", "on_behalf_of", "actor", "parent", "declared_by", "parties", "actors"}
    )
    used = set().union(*(_references(record, names) for record in _all_records(catalog)))
    assert sorted(a.id for a in catalog.actors() if a.id not in used) == []


def test_every_statement_is_tagged_with_a_topic(catalog: kr.Catalog) -> None:
    assert [s.id for s in catalog.statements() if not s.topics] == []


def test_every_quote_records_when_it_was_checked(catalog: kr.Catalog) -> None:
    """Every citation says when its quote was last compared with the copy read."""
    unchecked = [
        (getattr(record, "id", "?"), c.source)
        for record in _all_records(catalog)
        for c in citations_of(record)
        if c.checked is None
    ]
    assert unchecked == []


def test_no_quote_is_given_to_two_speakers(catalog: kr.Catalog) -> None:
    """The same words under two speakers are allowed only for a joint text both issued:
    then each statement is the actors' own document (or a report of that joint text), never
    a speaker's direct words, and all are quoted from the same source."""
    speakers: dict[str, set[tuple[str, str, str]]] = {}
    for statement in catalog.statements():
        for citation in statement.citations:
            words = " ".join(citation.quote.split()).casefold()
            entry = (statement.speaker, statement.form.value, citation.source)
            speakers.setdefault(words, set()).add(entry)
    for words, found in speakers.items():
        if len({speaker for speaker, _, _ in found}) > 1:
            assert "direct" not in {form for _, form, _ in found}, words[:80]
            assert len({source for _, _, source in found}) == 1, words[:80]


INTERNAL_WORDING = ("Not named in the received text", "/work/", "helper", "AUDIT", "TODO")


def test_no_internal_wording_reaches_readers(catalog: kr.Catalog) -> None:
    """Nothing meant for the editors (drafting notes, paths) is shown to readers."""
    from kashmirref.site import pages

    rendered = [kr.compare(catalog, "pakistan", "india").to_markdown()]
    rendered += [page.text for page in pages(catalog)]
    leaks = [word for word in INTERNAL_WORDING for text in rendered if word in text]
    assert leaks == []


def test_both_sides_speak_in_every_decade(catalog: kr.Catalog) -> None:
    """From the 1940s to the 2020s each decade holds at least five statements on behalf
    of India and five on behalf of Pakistan."""
    counts: dict[tuple[int, str], int] = {}
    for statement in catalog.statements():
        if statement.on_behalf_of in SIDES:
            key = (statement.date.year // 10 * 10, statement.on_behalf_of)
            counts[key] = counts.get(key, 0) + 1
    thin = [
        (decade, side, counts.get((decade, side), 0))
        for decade in range(1940, 2030, 10)
        for side in SIDES
        if counts.get((decade, side), 0) < 5
    ]
    assert thin == []


def test_statements_known_only_from_the_other_side_are_found_and_few(
    catalog: kr.Catalog,
) -> None:
    # a Security Council speech of Pakistan's, known only from an Indian reproduction site
    speech = catalog.statement("zafrulla-khan-1948-01-20-all-matters")
    assert catalog.only_in_press_of_others(speech)
    # once a Pakistani copy is cited beside the Indian one, the mark goes
    both = catalog.statement("lodhi-2019-09-09-strengthen-unmogip")
    assert {catalog.source(c.source).press_of for c in both.citations} >= {"pakistan"}
    assert not catalog.only_in_press_of_others(both)
    # a ratchet on the sourcing measured on 2 December 2026: India 17 of 279 (6%),
    # Pakistan 99 of 323 (31%; the aim is 10%); it may only improve
    for side, most in (("india", 0.10), ("pakistan", 0.31)):
        spoken = catalog.statements(actor=side)
        own = [s for s in spoken if s.on_behalf_of == side]
        share = sum(catalog.only_in_press_of_others(s) for s in own) / len(own)
        assert share <= most, (side, share)
