"""The comparison engine: symmetry, relations from the scale, evidence, renderings."""

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kashmirref as kr
from kashmirref import strategies as krst
from kashmirref.comparison import Relation, compare_over_time, relation_between
from kashmirref.render import stance_words


def test_pakistan_and_india_diverge_on_mediation(catalog: kr.Catalog) -> None:
    result = kr.compare(catalog, "pakistan", "india")
    [row] = [r for r in result.rows if r.topic.id == "third-party-mediation"]
    assert (row.a.stance.label, row.b.stance.label) == ("seeks", "declines")  # type: ignore[union-attr]
    assert row.relation is Relation.DIVERGE
    assert row.gap == 2
    assert row in result.divergences
    assert {s.id for s in row.b.evidence} >= {"jaswant-singh-1999-07-19-mediation-not-answer"}
    # "now" is a date: the catalogue's latest, and each side says when it last spoke
    assert result.as_of == catalog.latest
    assert row.a.position is not None and row.b.position is not None
    assert row.a.position.last_stated == dt.date(2025, 8, 8)
    assert not row.a.stale and not row.b.stale


def test_as_of_before_any_position(catalog: kr.Catalog) -> None:
    result = kr.compare(
        catalog, "pakistan", "india", topics=["third-party-mediation"], as_of=dt.date(1947, 11, 20)
    )
    [row] = result.rows
    assert row.relation is Relation.ONE_SILENT
    assert row.b.silent and not row.a.silent
    assert result.silences == (row,)


def test_the_headline_agreement_is_honest_in_time(catalog: kr.Catalog) -> None:
    """Both sides' stances on the line as a border are current and dated; none has ended."""
    result = kr.compare(catalog, "pakistan", "india")
    for row in result.agreements:
        for side in (row.a, row.b):
            assert side.position is not None and side.position.valid_to is None
            assert side.position.as_of == result.as_of
    rows = {row.topic.id: row for row in result.rows}
    old = rows["loc-as-border"].a
    assert old.stale and old.position is not None
    assert old.position.last_stated < dt.date(2015, 1, 1)
    assert "*" in stance_words(old)


def test_over_time(catalog: kr.Catalog) -> None:
    spans = compare_over_time(catalog, "pakistan", "india", "third-party-mediation")
    relations = [(s.period, s.relation) for s in spans]
    assert relations[0] == ("16 November 1947 \u2013 11 December 1947", Relation.ONE_SILENT)
    # Nehru's telegram of 12 December 1947 accepts UN observers invited by both governments
    assert relations[1][0].startswith("12 December 1947") and relations[1][1] is Relation.PARTIAL
    # in 1949 India's words both declined arbitration and accepted joint meetings under
    # the Commission; the record cannot order them, so the relation is mixed
    assert relations[2] == ("1949 \u2013 22 January 1957", Relation.MIXED)
    assert relations[-1] == ("since 24 October 2010", Relation.DIVERGE)
    assert [s.start for s in spans] == sorted(s.start for s in spans)


def test_matrix(catalog: kr.Catalog) -> None:
    table = kr.matrix(catalog, ["india", "pakistan", "united-states"], "third-party-mediation")
    assert [s.stance.label if s.stance else None for s in table.sides] == [
        "declines",
        "seeks",
        "seeks",  # the United States, from the President's words of 10-11 May 2025
    ]
    assert table.as_of == catalog.latest
    assert "United States" in str(table)


def test_matrix_of_every_holder_by_kind(catalog: kr.Catalog) -> None:
    states = kr.holders(catalog, "third-party-mediation", kinds=["state"])
    assert {"india", "pakistan", "united-states", "ussr"} <= set(states)
    assert all(catalog.actor(a).kind is kr.ActorKind.STATE for a in states)
    parties = kr.holders(catalog, "plebiscite", kinds=[kr.ActorKind.PARTY])
    assert "all-parties-hurriyat-conference" in parties
    # an actor whose first stance on the topic came later does not hold one earlier
    assert "all-parties-hurriyat-conference" not in kr.holders(
        catalog, "plebiscite", as_of="1960"
    )
    table = kr.matrix(catalog, None, "plebiscite")
    assert [s.actor for s in table.sides] == list(kr.holders(catalog, "plebiscite"))
    assert all(s.stance is not None for s in table.sides)
    assert kr.Matrix.from_dict(json.loads(table.to_json())) == table


def test_unknown_actor(catalog: kr.Catalog) -> None:
    with pytest.raises(kr.UnknownIdError, match="did you mean 'pakistan'"):
        kr.compare(catalog, "pakstan", "india")


def test_text_rendering_names_speakers_and_sources(catalog: kr.Catalog) -> None:
    text = str(kr.compare(catalog, "pakistan", "india"))
    assert "Pakistan vs India" in text
    assert "Khalil Hashmi, May 2025" in text
    assert ", as reported" in text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_markdown_has_footnotes_for_every_citation(catalog: kr.Catalog) -> None:
    markdown = kr.compare(catalog, "pakistan", "india").to_markdown()
    marks = {m.split("]")[0] for m in markdown.split("[^")[1:]}
    defined = {line[2:].split("]")[0] for line in markdown.splitlines() if line.startswith("[^")}
    assert marks == defined
    assert (
        "| Third-party mediation | seeks | 8 August 2025 | declines | 18 June 2025 | diverge "
        "| 2 of 2 |" in markdown
    )


SCALE = st.integers(2, 6).flatmap(
    lambda n: st.tuples(st.just(n), st.integers(0, n - 1), st.integers(0, n - 1))
)


@given(SCALE)
def test_relations_follow_the_scale(case: tuple[int, int, int]) -> None:
    n, a, b = case
    topic = kr.Topic(
        id="t",
        title="T",
        question="Q?",
        scale=tuple(kr.Stance(value=i, label=f"s{i}", meaning="M", rules="R") for i in range(n)),
    )
    relation, gap = relation_between(topic, topic.scale[a], topic.scale[b])
    assert gap == abs(a - b)
    if a == b:
        assert relation is Relation.AGREE
    elif 2 * abs(a - b) <= n - 1:
        assert relation is Relation.PARTIAL
    else:
        assert relation is Relation.DIVERGE
    assert relation_between(topic, topic.scale[b], topic.scale[a]) == (relation, gap)
    assert relation_between(topic, None, topic.scale[a]) == (Relation.ONE_SILENT, None)
    assert relation_between(topic, None, None) == (Relation.BOTH_SILENT, None)


def _pair(catalog: kr.Catalog) -> tuple[str, str]:
    actors = [a.id for a in catalog.actors()]
    return actors[0], actors[1]


@given(krst.catalogs(), st.none() | st.dates())
def test_compare_is_symmetric(catalog: kr.Catalog, as_of: dt.date | None) -> None:
    a, b = _pair(catalog)
    forward = kr.compare(catalog, a, b, as_of=as_of)
    backward = kr.compare(catalog, b, a, as_of=as_of)
    assert forward.mirror() == backward
    assert [(r.relation, r.gap) for r in forward.rows] == [
        (r.relation, r.gap) for r in backward.rows
    ]


@given(krst.catalogs(), st.none() | st.dates())
def test_every_divergence_carries_evidence_for_both_sides(
    catalog: kr.Catalog, as_of: dt.date | None
) -> None:
    a, b = _pair(catalog)
    for row in kr.compare(catalog, a, b, as_of=as_of).divergences:
        for side in (row.a, row.b):
            assert side.position is not None
            assert side.evidence
            assert all(s.text.strip() for s in side.evidence)
            for position in side.positions:
                assert position.as_of == (as_of if as_of is not None else catalog.latest)
                assert position.valid_to is None


@given(krst.catalogs(), st.dates())
def test_evidence_as_of_a_date_was_on_record_by_then(catalog: kr.Catalog, as_of: dt.date) -> None:
    a, b = _pair(catalog)
    for row in kr.compare(catalog, a, b, as_of=as_of).rows:
        for side in (row.a, row.b):
            assert all(s.date <= as_of for s in side.evidence)
            assert side.silent or side.evidence


def test_historic_comparison_quotes_only_what_was_said_by_then(catalog: kr.Catalog) -> None:
    then = kr.compare(
        catalog, "pakistan", "india", topics=["unsc-resolutions"], as_of=dt.date(1960, 1, 1)
    )
    [row] = then.rows
    said = [s.id for s in row.a.evidence]
    assert said[0] == "gurmani-1949-06-11-violation-of-commitments"
    assert "aly-khan-1959-12-03-ladakh-resolutions-stand" in said
    assert all(s.last_possible <= dt.date(1960, 1, 1) for s in row.a.evidence)
    now = kr.compare(catalog, "pakistan", "india", topics=["unsc-resolutions"])
    assert len(now.rows[0].a.evidence) > len(said)


@given(krst.catalogs(), st.none() | st.dates())
def test_comparison_json_round_trip(catalog: kr.Catalog, as_of: dt.date | None) -> None:
    a, b = _pair(catalog)
    result = kr.compare(catalog, a, b, as_of=as_of)
    data = json.loads(result.to_json())
    assert kr.Comparison.from_dict(data) == result


@given(krst.catalogs())
def test_renderings_never_fail(catalog: kr.Catalog) -> None:
    a, b = _pair(catalog)
    result = kr.compare(catalog, a, b)
    assert str(result).startswith(f"{catalog.actor(a).name} vs")
    assert result.to_markdown().startswith("## ")


def test_a_clause_both_sides_name_is_a_shared_ground_of_its_own(catalog: kr.Catalog) -> None:
    rows = {r.topic.id: r for r in kr.compare(catalog, "pakistan", "india", as_of="1999").rows}
    clauses = [g.clause for g in rows["loc-ceasefire"].shared_grounds]
    assert "simla-1972 para-4-ii" in clauses  # the same words, each side's reading
    assert "unsc-211 para-1" in clauses


def test_an_instrument_shared_without_a_common_clause_gives_each_sides_clause(
    catalog: kr.Catalog,
) -> None:
    rows = {r.topic.id: r for r in kr.compare(catalog, "pakistan", "india").rows}
    (ground,) = [g for g in rows["unsc-resolutions"].shared_grounds if g.instrument == "unsc-47"]
    assert ground.clause == "unsc-47"
    assert (ground.provision_a, ground.provision_b) == ("preamble-plebiscite", "a-1-a")


def test_invocations_of_one_clause(catalog: kr.Catalog) -> None:
    found = catalog.invocations("unsc-47", "a-1-a")
    assert [(i.actor, i.statement.date.year) for i in found] == [
        ("jk-national-conference", 2015),
        ("india", 2025),
    ]
    assert all(i.provision == "a-1-a" for i in found)
    whole = catalog.invocations("unsc-47")
    assert len(whole) == len(catalog.citing("unsc-47")) and found[0] in whole
    with pytest.raises(kr.UnknownIdError, match=r"provision of unsc-47 'a-9'; did you mean"):
        catalog.invocations("unsc-47", "a-9")
