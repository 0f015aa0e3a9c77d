"""Record validators: each rejects what it should, and records are immutable values."""

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kashmirref as kr
from kashmirref import strategies as krst

CITE = kr.Citation(source="src", quote="Words.")


def statement(**changes: Any) -> kr.Statement:
    fields: dict[str, Any] = {
        "id": "s-1",
        "date": dt.date(2025, 5, 10),
        "speaker": "someone",
        "on_behalf_of": "pakistan",
        "form": kr.StatementForm.DIRECT,
        "citations": (CITE,),
    }
    return kr.Statement(**(fields | changes))


@pytest.mark.parametrize("bad", ["", "India", "simla 1972", "simla--1972", "-a", "a-", "é"])
def test_ids_must_be_lowercase_slugs(bad: str) -> None:
    with pytest.raises(ValueError, match="must be a lowercase slug"):
        statement(id=bad)


def test_quote_must_not_be_empty() -> None:
    with pytest.raises(ValueError, match="quote: must not be empty"):
        kr.Citation(source="src", quote="   ")


def test_statement_needs_a_citation() -> None:
    with pytest.raises(ValueError, match="citations: needs at least one entry"):
        statement(citations=())


def test_a_statement_codes_a_topic_once() -> None:
    twice = (kr.Code(topic="plebiscite", stance="calls-for"), kr.Code(topic="plebiscite"))
    with pytest.raises(ValueError, match="codes: codes a topic twice"):
        statement(codes=twice)


def test_a_code_without_a_stance_is_a_mention() -> None:
    said = statement(codes=(kr.Code(topic="plebiscite"), kr.Code(topic="t", stance="a")))
    assert said.topics == ("plebiscite", "t")
    assert said.stance_on("plebiscite") is None
    assert said.code("plebiscite") == kr.Code(topic="plebiscite")
    mention = said.code("plebiscite")
    assert mention is not None and mention.is_mention
    assert said.stance_on("t") == "a"
    assert said.code("other") is None


def test_an_invocation_names_its_clause() -> None:
    assert kr.Invocation(instrument="simla-1972", provision="para-1").clause == "simla-1972 para-1"
    assert kr.Invocation(instrument="unsc-47").clause == "unsc-47"


def test_every_stance_carries_rules() -> None:
    with pytest.raises(TypeError, match="rules"):
        kr.Stance(value=0, label="a", meaning="A")  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="rules: must not be empty"):
        kr.Stance(value=0, label="a", meaning="A", rules=" ")


def test_a_recorded_gap_ends_on_or_after_it_starts() -> None:
    with pytest.raises(ValueError, match="end: 1959-12-31 is before start 1960-01-01"):
        kr.NoPositionFound(
            id="g",
            actor="india",
            topic="t",
            start=dt.date(1960, 1, 1),
            end=dt.date(1959, 12, 31),
            searched="The records of the decade.",
            checked=dt.date(2026, 12, 2),
        )


@pytest.mark.parametrize(
    ("precision", "day", "message"),
    [
        (kr.Precision.MONTH, dt.date(2025, 5, 10), "1st of the month"),
        (kr.Precision.YEAR, dt.date(2025, 5, 1), "1 January"),
    ],
)
def test_precision_forbids_invented_days(
    precision: kr.Precision, day: dt.date, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        statement(date=day, date_precision=precision)


def test_scale_values_must_run_in_order() -> None:
    with pytest.raises(ValueError, match="values must run 0, 1, 2"):
        kr.Topic(
            id="t",
            title="T",
            question="Q?",
            scale=(
                kr.Stance(value=0, label="a", meaning="A", rules="R"),
                kr.Stance(value=2, label="b", meaning="B", rules="R"),
            ),
        )


def test_scale_needs_two_stances() -> None:
    with pytest.raises(ValueError, match="at least two stances"):
        kr.Topic(
            id="t",
            title="T",
            question="Q?",
            scale=(kr.Stance(value=0, label="a", meaning="A", rules="R"),),
        )


def test_unsc_resolution_needs_a_number() -> None:
    with pytest.raises(ValueError, match="number: is required"):
        kr.Instrument(
            id="unsc-1",
            kind=kr.InstrumentKind.UNSC_RESOLUTION,
            title="R",
            date=dt.date(1948, 1, 1),
            citations=(CITE,),
        )


def test_status_history_in_date_order() -> None:
    change = kr.StatusChange(
        date=dt.date(1973, 1, 1), status=kr.InstrumentStatus.IN_FORCE, citation=CITE
    )
    earlier = attrs.evolve(change, date=dt.date(1972, 8, 1))
    with pytest.raises(ValueError, match="date order"):
        kr.Instrument(
            id="i",
            kind=kr.InstrumentKind.AGREEMENT,
            title="I",
            date=dt.date(1972, 7, 2),
            citations=(CITE,),
            status_history=(change, earlier),
        )


def test_event_end_not_before_start() -> None:
    with pytest.raises(ValueError, match="end_date"):
        kr.Event(
            id="e",
            date=dt.date(2025, 5, 10),
            end_date=dt.date(2025, 5, 9),
            kind=kr.EventKind.CEASEFIRE,
            title="E",
            summary="S",
            citations=(CITE,),
        )


def test_format_date_never_shows_more_than_known() -> None:
    day = dt.date(2025, 5, 1)
    assert kr.format_date(day) == "1 May 2025"
    assert kr.format_date(day, kr.Precision.MONTH) == "May 2025"
    assert kr.format_date(dt.date(2025, 1, 1), kr.Precision.YEAR) == "2025"


RECORDS = st.one_of(
    krst.actors(),
    krst.sources(),
    krst.citations(),
    krst.topics(),
    krst.statements(),
    krst.positions(),
    krst.instruments(),
    krst.events(),
    krst.terms(),
    krst.no_positions(),
)


@given(RECORDS)
def test_records_are_immutable_and_hashable(record: Any) -> None:
    assert hash(record) == hash(attrs.evolve(record))
    assert record == attrs.evolve(record)
    first = attrs.fields(type(record))[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, first.name, getattr(record, first.name))
    assert not hasattr(record, "__dict__")  # slotted


@given(RECORDS)
def test_collections_are_tuples(record: Any) -> None:
    for field in attrs.fields(type(record)):
        assert not isinstance(getattr(record, field.name), list | set | dict)


def test_lineage_walks_up_and_notices_a_loop() -> None:
    parents = {"minister": "ministry", "ministry": "india", "india": None, "a": "b", "b": "a"}
    assert kr.model.lineage("minister", parents) == (("minister", "ministry", "india"), False)
    assert kr.model.lineage("stranger", parents) == (("stranger",), False)
    assert kr.model.lineage("a", parents) == (("a", "b"), True)
