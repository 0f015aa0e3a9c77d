"""Look-ups and queries on the shipped catalogue: real facts, suggestions, indexes."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kashmirref as kr
from kashmirref import strategies as krst


def test_simla_agreement_facts(catalog: kr.Catalog) -> None:
    simla = catalog.instrument("simla-1972")
    assert simla.date == dt.date(1972, 7, 2)
    assert simla.parties == ("india", "pakistan")
    assert "Zulfikar Ali Bhutto, President of Pakistan" in simla.signatories
    assert simla.provision("para-1-ii").text.startswith(
        "That the two countries are resolved to settle their differences by peaceful means "
        "through bilateral negotiations or by any other peaceful means mutually agreed upon"
    )


def test_article_25_in_full(catalog: kr.Catalog) -> None:
    article = catalog.instrument("un-charter-art-25").provision("art-25")
    assert article.text == (
        "The Members of the United Nations agree to accept and carry out the decisions of the "
        "Security Council in accordance with the present Charter."
    )


def test_resolution_47_by_number(catalog: kr.Catalog) -> None:
    resolution = catalog.resolution(47)
    assert resolution.id == "unsc-47"
    assert resolution.date == dt.date(1948, 4, 21)
    assert "paragraph by paragraph" in (resolution.vote or "")


def test_unknown_ids_suggest_the_nearest(catalog: kr.Catalog) -> None:
    with pytest.raises(kr.UnknownIdError) as caught:
        catalog.actor("indai")
    assert str(caught.value) == (
        "unknown actor 'indai'; did you mean 'india' or 'india-pm' or 'china'?"
    )
    assert caught.value.suggestions[0] == "india"
    assert isinstance(caught.value, KeyError)
    with pytest.raises(kr.UnknownIdError, match="did you mean 'simla-1972'"):
        catalog.instrument("simla-1927")
    with pytest.raises(kr.UnknownIdError, match="unknown UNSC resolution '48'"):
        catalog.resolution(48)
    with pytest.raises(kr.UnknownIdError, match="did you mean 'para-1-vi'"):
        catalog.instrument("simla-1972").provision("para-1-vii")


def test_positions_as_of(catalog: kr.Catalog) -> None:
    india = catalog.positions(
        actor="india", topic="third-party-mediation", as_of=dt.date(2025, 6, 1)
    )
    assert [p.stance for p in india] == ["declines"]
    assert catalog.positions(actor="pakistan", as_of=dt.date(1947, 11, 1)) == ()
    in_1960 = catalog.positions(actor="pakistan", as_of=dt.date(1960, 1, 1))
    assert {p.topic: p.stance for p in in_1960} == {
        "accession-validity": "not-valid",
        "dialogue-agenda": "central-item",
        "human-rights": "seeks-scrutiny",
        "kashmiri-participation": "consulted",  # Zafrulla Khan to the Commission, July 1948
        "loc-as-border": "rejects",
        "loc-ceasefire": "committed",
        "plebiscite": "calls-for",
        "talks-preconditions": "step-first",
        "self-determination": "outstanding",
        "territorial-status": "to-be-settled",
        # Pakistan accepted Graham's proposed meeting in 1958 (good offices to talks)
        "third-party-mediation": "with-consent-of-both",
        "unsc-resolutions": "apply",
    }
    # nothing in an answer as of 1960 comes from after it
    assert all(p.as_of == dt.date(1960, 1, 1) and p.valid_to is None for p in in_1960)
    for p in in_1960:
        assert all(catalog.statement(s).on_record_by(dt.date(1960, 1, 1)) for s in p.evidence)
        assert {g.statement for g in p.grounds} <= set(p.evidence)


def test_india_loc_ceasefire_changed_and_came_back_in_november_2003(catalog: kr.Catalog) -> None:
    def stance(on: dt.date) -> list[str]:
        return [p.stance for p in catalog.positions("india", "loc-ceasefire", as_of=on)]

    assert stance(dt.date(1999, 9, 10)) == ["committed"]
    assert stance(dt.date(2003, 11, 23)) == ["committed"]  # holds until another is stated
    assert stance(dt.date(2003, 11, 24)) == ["on-conditions"]
    assert stance(dt.date(2003, 11, 25)) == ["committed"]
    history = catalog.positions("india", "loc-ceasefire")
    assert [(p.stance, p.period) for p in history] == [
        ("committed", "27 July 1949 \u2013 24 November 2003"),
        ("on-conditions", "24 November 2003 \u2013 25 November 2003"),
        ("committed", "since 25 November 2003"),
    ]


def test_every_current_position_on_mediation(catalog: kr.Catalog) -> None:
    found = {
        (p.actor, p.stance)
        for p in catalog.positions(topic="third-party-mediation", as_of=catalog.latest)
    }
    assert ("india", "declines") in found
    assert ("pakistan", "seeks") in found
    assert {a for a, _ in found} >= {"india", "pakistan", "united-states"}


def test_stances_the_record_cannot_order_are_both_current(catalog: kr.Catalog) -> None:
    # The State Department's words are dated only to July 2019, so they cannot be put
    # before or after the President's of 22 July: both stances are current, neither dropped.
    united_states = catalog.positions("united-states", "third-party-mediation", as_of="2019-07")
    assert {p.stance for p in united_states} == {"with-consent-of-both", "seeks"}
    assert all(p.mixed for p in united_states)
    # Two statements of one day are in no order either; each keeps only its own run.
    india = catalog.positions("india", "talks-preconditions", as_of="2009-07-16")
    since = {p.stance: p.valid_from for p in india}
    assert since == {"step-first": dt.date(2003, 9, 25), "no-prior-step": dt.date(2009, 7, 16)}


def test_the_latest_date_is_the_last_day_a_statement_is_on_record(catalog: kr.Catalog) -> None:
    assert catalog.latest == max(s.last_possible for s in catalog.statements())


def test_timeline_is_in_date_order_and_bounded(catalog: kr.Catalog) -> None:
    everything = catalog.timeline()
    assert [e.date for e in everything] == sorted(e.date for e in everything)
    window = catalog.timeline(start=dt.date(2019, 7, 1), end=dt.date(2019, 8, 5))
    assert all(dt.date(2019, 7, 1) <= e.date <= dt.date(2019, 8, 5) for e in window)
    assert [(e.date, e.id) for e in window] == sorted((e.date, e.id) for e in window)
    ids = [e.id for e in window]
    assert {
        "us-state-department-2019-07-ready-to-assist",
        "donald-trump-2019-07-22-would-love-to-mediate",
        "trump-khan-meeting-2019-07-22",
        "jaishankar-2019-07-23-simla-lahore-bilateral",
        "amit-shah-2019-08-05-accession-not-article-370",
        "article-370-2019",
    } <= set(ids)
    # an event and a statement of one day are ordered by id, never by kind
    assert ids.index("amit-shah-2019-08-05-rajya-sabha-reply") < ids.index("article-370-2019")


def test_statements_filters(catalog: kr.Catalog) -> None:
    by_india = catalog.statements(actor="india")
    assert by_india and all(s.on_behalf_of == "india" for s in by_india)
    by_speaker = catalog.statements(actor="shafqat-ali-khan")
    assert by_speaker and {s.speaker for s in by_speaker} == {"shafqat-ali-khan"}


def test_record_finds_any_kind(catalog: kr.Catalog) -> None:
    assert isinstance(catalog.record("simla-1972"), kr.Instrument)
    assert isinstance(catalog.record("india"), kr.Actor)
    with pytest.raises(kr.UnknownIdError, match="unknown record"):
        catalog.record("nothing-at-all")


def test_catalog_repr_counts(catalog: kr.Catalog) -> None:
    assert repr(catalog).startswith("Catalog(actors=")


@given(krst.catalogs(), st.dates())
def test_as_of_never_returns_a_position_out_of_period(catalog: kr.Catalog, day: dt.date) -> None:
    for position in catalog.positions(as_of=day):
        assert position.valid_from <= day
        assert position.valid_to is None or day <= position.valid_to


@given(krst.catalogs())
def test_index_agrees_with_a_scan(catalog: kr.Catalog) -> None:
    every = catalog.positions()
    for actor in catalog.actors():
        for topic in catalog.topics():
            expected = [p for p in every if p.actor == actor.id and p.topic == topic.id]
            assert list(catalog.positions(actor=actor.id, topic=topic.id)) == expected


@given(krst.catalogs(), krst.catalogs())
def test_merge_keeps_every_record_or_raises(a: kr.Catalog, b: kr.Catalog) -> None:
    try:
        merged = a.merge(b)
    except kr.DataError:
        return
    assert len(merged) == len(a) + len(b)
    for (_, records_a), (_, records_b), (_, both) in zip(
        a.tables(), b.tables(), merged.tables(), strict=True
    ):
        assert both == records_a + records_b


@given(krst.catalogs(max_actors=2), krst.catalogs(max_actors=2), krst.catalogs(max_actors=2))
def test_merge_is_associative(a: kr.Catalog, b: kr.Catalog, c: kr.Catalog) -> None:
    try:
        left = a.merge(b).merge(c)
    except kr.DataError:
        with pytest.raises(kr.DataError):
            a.merge(b.merge(c))
        return
    assert left == a.merge(b.merge(c))


def test_merge_raises_on_clash(catalog: kr.Catalog) -> None:
    with pytest.raises(kr.DataError, match="actor id is used 2 times"):
        catalog.merge(catalog)
