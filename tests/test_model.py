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


def position(**changes: Any) -> kr.Position:
    fields: dict[str, Any] = {
        "id": "p-1",
        "actor": "india",
        "topic": "t",
        "stance": "rejects",
        "summary": "India says so.",
        "valid_from": dt.date(2019, 1, 1),
        "evidence": ("s-1",),
    }
    return kr.Position(**(fields | changes))


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


def test_position_needs_evidence() -> None:
    with pytest.raises(ValueError, match="evidence: needs at least one entry"):
        position(evidence=())


def test_valid_to_not_before_valid_from() -> None:
    with pytest.raises(ValueError, match="valid_to: 2018-12-31 is before valid_from"):
        position(valid_to=dt.date(2018, 12, 31))


def test_a_one_day_period_is_valid() -> None:
    assert position(valid_to=dt.date(2019, 1, 1)).in_force(dt.date(2019, 1, 1))


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
                kr.Stance(value=0, label="a", meaning="A"),
                kr.Stance(value=2, label="b", meaning="B"),
            ),
        )


def test_scale_needs_two_stances() -> None:
    with pytest.raises(ValueError, match="at least two stances"):
        kr.Topic(
            id="t", title="T", question="Q?", scale=(kr.Stance(value=0, label="a", meaning="A"),)
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
