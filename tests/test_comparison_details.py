"""Comparison details read exactly: who holds a stance by a date (at the precision of the
words), mirrored grounds, the JSON form, look-ups and the order of rows."""

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from toml_records import actor, notes

import kashmirref as kr
from kashmirref.comparison import SharedGround

Write = Callable[[str, str], Path]

SAID = """
[[source]]
id = "year-notes"
title = "Notes of a year"
publisher = "Me"
published = 2019-12-31
kind = "primary"

[[statement]]
id = "china-2019-mediation"
date = 2019-01-01
date_precision = "year"
speaker = "china"
on_behalf_of = "china"
form = "reported"
codes = [{ topic = "third-party-mediation", stance = "seeks" }]
citations = [{ source = "year-notes", quote = "Words of some day in 2019." }]

[[actor]]
id = "my-group"
name = "My group"
kind = "group"

[[statement]]
id = "my-group-2019-06-10-mediation"
date = 2019-06-10
speaker = "my-group"
on_behalf_of = "my-group"
form = "direct"
codes = [{ topic = "third-party-mediation", stance = "seeks" }]
citations = [{ source = "year-notes", quote = "Words of 10 June 2019." }]
"""


def test_holders_by_a_date_follow_the_precision_of_the_words(write: Write) -> None:
    """A stance said "in 2019" is on record by 31 December 2019, not by a day within it;
    one said on 10 June 2019 is on record from that day."""
    catalog = kr.load([write("said.toml", SAID)])
    first = catalog.positions(actor="china", topic="third-party-mediation")[0]
    assert (first.valid_from, first.valid_from_precision) == (dt.date(2019, 1, 1), "year")

    def holds(actor: str, when: str) -> bool:
        return actor in kr.holders(catalog, "third-party-mediation", as_of=when)

    assert not holds("china", "2019-06-10") and holds("china", "2019-12-31")
    assert holds("china", "2019") and not holds("china", "2018")
    assert holds("my-group", "2019-06-10") and not holds("my-group", "2019-06-09")
    with pytest.raises(TypeError) as caught:
        kr.holders(catalog, "third-party-mediation", as_of=2019)  # type: ignore[arg-type]
    assert str(caught.value) == (
        "as_of must be a date or ISO text (YYYY, YYYY-MM, YYYY-MM-DD), not int"
    )


def test_a_shared_ground_mirrored_swaps_every_side() -> None:
    ground = SharedGround(
        instrument="simla-1972",
        provision_a="para-1-i",
        provision_b="para-1-ii",
        reading_a="A reads it so.",
        reading_b="B reads it otherwise.",
    )
    assert ground.mirror() == SharedGround(
        instrument="simla-1972",
        provision_a="para-1-ii",
        provision_b="para-1-i",
        reading_a="B reads it otherwise.",
        reading_b="A reads it so.",
    )
    assert ground.mirror().mirror() == ground


def test_the_json_form(catalog: kr.Catalog) -> None:
    comparison = kr.compare(catalog, "pakistan", "india")
    text = comparison.to_json()
    assert text.startswith('{\n  "a": "pakistan",\n  "b": "india",\n') and text.endswith("}\n")
    assert re.search(r"[^\x00-\x7f]", text) and "\\u" not in text  # written as is
    flat = comparison.to_json(indent=None)
    assert flat == json.dumps(comparison.to_dict(), ensure_ascii=False) + "\n"
    assert kr.Comparison.from_dict(json.loads(text)) == comparison


def test_a_comparison_looks_up_only_what_it_refers_to(catalog: kr.Catalog) -> None:
    comparison = kr.compare(catalog, "pakistan", "india", topics="third-party-mediation")
    assert comparison.actor("india").name == "India"
    with pytest.raises(kr.UnknownIdError) as caught:
        comparison.actor("oic")
    assert str(caught.value).startswith("unknown actor 'oic'")
    with pytest.raises(kr.UnknownIdError) as caught:
        comparison.source("nowhere")
    assert str(caught.value).startswith("unknown source 'nowhere'")


def test_divergences_come_largest_gap_first(catalog: kr.Catalog) -> None:
    rows = kr.compare(catalog, "pakistan", "india").divergences
    gaps = [row.gap for row in rows]
    assert None not in gaps and gaps == sorted(gaps, reverse=True)  # type: ignore[type-var]
    assert len(set(gaps)) > 1  # the order is tested, not given
    for gap in set(gaps):
        same = [row.topic.id for row in rows if row.gap == gap]
        assert same == sorted(same)


def test_evolution_is_one_actors_history_on_one_topic(catalog: kr.Catalog) -> None:
    found = kr.evolution(catalog, "india", "third-party-mediation")
    assert found == catalog.positions(actor="india", topic="third-party-mediation")
    assert len(found) > 1
    assert {(p.actor, p.topic) for p in found} == {("india", "third-party-mediation")}


def test_every_row_in_order_relation_then_largest_gap(catalog: kr.Catalog) -> None:
    rows = kr.compare(catalog, "pakistan", "india").ordered()
    diverging = [row.gap for row in rows if row.relation is kr.Relation.DIVERGE]
    assert len(set(diverging)) > 1 and diverging == sorted(diverging, reverse=True)  # type: ignore[type-var]


def test_a_matrix_as_of_a_date(catalog: kr.Catalog) -> None:
    table = kr.matrix(catalog, None, "third-party-mediation", as_of="2019")
    assert table.as_of == dt.date(2019, 12, 31)
    assert [s.actor for s in table.sides] == list(
        kr.holders(catalog, "third-party-mediation", as_of="2019")
    )
    assert set(kr.holders(catalog, "third-party-mediation")) - {s.actor for s in table.sides}
    for one in table.sides:
        assert all(s.on_record_by(dt.date(2019, 12, 31)) for s in one.evidence)
    cited = {c.source for one in table.sides for s in one.evidence for c in s.citations}
    assert cited and cited <= {source.id for source in table.sources}
    with pytest.raises(TypeError, match=r"^as_of must be a date"):
        kr.matrix(catalog, None, "third-party-mediation", as_of=2019)  # type: ignore[arg-type]


def test_a_topic_is_compared_from_the_day_it_opens(catalog: kr.Catalog) -> None:
    def topics(as_of: dt.date) -> set[str]:
        return {row.topic.id for row in kr.compare(catalog, "pakistan", "india", as_of=as_of).rows}

    assert "article-370" in topics(dt.date(2019, 8, 5))
    assert "article-370" not in topics(dt.date(2019, 8, 4))
    with pytest.raises(TypeError) as caught:
        kr.compare(catalog, "pakistan", "india", topics=5)  # type: ignore[arg-type]
    assert str(caught.value) == "topics must be a topic id or an iterable of them, not int"


GROUNDS = (
    actor("side-a", "Side A")
    + actor("side-b", "Side B")
    + notes("2020-06-01")
    + """
[[statement]]
id = "a-says"
date = 2020-01-01
speaker = "side-a"
on_behalf_of = "side-a"
form = "direct"
codes = [{ topic = "third-party-mediation", stance = "seeks" }]
invokes = [
  { instrument = "simla-1972", provision = "para-1" },
  { instrument = "simla-1972", provision = "para-1-ii", reading = "A reads ii." },
  { instrument = "simla-1972", provision = "para-1-i", reading = "A reads i." },
  { instrument = "unsc-47", reading = "A reads 47." },
]
citations = [{ source = "my-notes", quote = "A's words." }]

[[statement]]
id = "b-says"
date = 2020-02-01
speaker = "side-b"
on_behalf_of = "side-b"
form = "direct"
codes = [{ topic = "third-party-mediation", stance = "declines" }]
invokes = [{ instrument = "simla-1972", provision = "para-1", reading = "B reads it." }]
citations = [{ source = "my-notes", quote = "B's words." }]
"""
)


def test_a_clause_both_sides_name_is_the_shared_ground(write: Write) -> None:
    catalog = kr.load([write("grounds.toml", GROUNDS)])
    (row,) = kr.compare(catalog, "side-a", "side-b", topics="third-party-mediation").rows
    assert row.shared_grounds == (
        SharedGround(
            instrument="simla-1972",
            provision_a="para-1",  # the clause both name, with each side's reading of it
            provision_b="para-1",
            reading_a=None,
            reading_b="B reads it.",
        ),
    )  # A's other clauses and unsc-47 are A's alone
    assert row.shared_grounds[0].clause == "simla-1972 para-1"


def test_without_a_common_clause_the_instrument_is_shared_with_first_readings(
    write: Write,
) -> None:
    text = GROUNDS.replace(
        '{ instrument = "simla-1972", provision = "para-1", reading = "B reads it." }',
        '{ instrument = "simla-1972", provision = "para-1-iii", reading = "B reads iii." }',
    )
    catalog = kr.load([write("grounds.toml", text)])
    (row,) = kr.compare(catalog, "side-a", "side-b", topics="third-party-mediation").rows
    assert row.shared_grounds == (
        SharedGround(
            instrument="simla-1972",
            provision_a="para-1-ii",  # A's first ground with a reading
            provision_b="para-1-iii",
            reading_a="A reads ii.",
            reading_b="B reads iii.",
        ),
    )
    assert row.shared_grounds[0].clause == "simla-1972"


def test_a_mixed_relation_has_the_largest_gap(catalog: kr.Catalog) -> None:
    (row,) = kr.compare(catalog, "india", "united-states", topics="third-party-mediation").rows
    assert row.relation is kr.Relation.MIXED
    stances = {p.stance for p in row.b.positions}
    assert len(stances) > 1
    scale = {s.label: s.value for s in row.topic.scale}
    assert row.gap == max(abs(scale[row.a.stance.label] - scale[s]) for s in stances)  # type: ignore[union-attr]
