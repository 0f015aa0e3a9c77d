"""The checking machinery of the record classes, on a class built inside the test.

The shipped record classes are built (and their checks compiled) when kashmirref is
imported; building one here runs the same field transformer, compiled checks and type
checks again, so the test sees every step of them (and so does mutation testing).
"""

import datetime as dt
from typing import Any

import attrs
import pytest

import kashmirref as kr
from kashmirref import model


def probe_class() -> Any:
    """A record class with a field of every kind the model uses."""

    @attrs.frozen(kw_only=True, field_transformer=model._guarded)
    class Probe:
        id: str = attrs.field(validator=model._slug)
        when: dt.date
        precision: kr.Precision = attrs.field(
            default=kr.Precision.DAY, validator=model._precision_fits("when")
        )
        kind: kr.ActorKind = kr.ActorKind.STATE
        names: tuple[str, ...] = ()
        parts: tuple[kr.Citation, ...] = ()
        count: int = 0
        note: str | None = None
        ends: dt.date | None = None
        either: str | int | None = None

    return Probe


GOOD: dict[str, Any] = {"id": "probe", "when": dt.date(2020, 1, 1)}

CASES: dict[str, tuple[dict[str, Any], str]] = {
    "a bad slug": (
        {"id": "Not A Slug"},
        "id: must be a lowercase slug such as 'simla-1972', got 'Not A Slug'",
    ),
    "a date as text": ({"when": "2020-01-01"}, "when: expected a date, got str '2020-01-01'"),
    "a date and time": (
        {"when": dt.datetime(2020, 1, 1, 12)},
        "when: expected a date, got datetime datetime.datetime(2020, 1, 1, 12, 0)",
    ),
    "a date too early": (
        {"when": dt.date(1799, 12, 31)},
        "when: 1799-12-31 is outside the supported range 1800-01-01 to 2200-12-31",
    ),
    "a date too late": (
        {"when": dt.date(2201, 1, 1)},
        "when: 2201-01-01 is outside the supported range 1800-01-01 to 2200-12-31",
    ),
    "a day under month precision": (
        {"when": dt.date(2020, 1, 2), "precision": kr.Precision.MONTH},
        "when: 2020-01-02 has month precision, so must be the 1st of the month",
    ),
    "a month under year precision": (
        {"when": dt.date(2020, 2, 1), "precision": kr.Precision.YEAR},
        "when: 2020-02-01 has year precision, so must be 1 January",
    ),
    "an enum's value as text": (
        {"kind": "state"},
        "kind: expected ActorKind.STATE, got str 'state'",
    ),
    "a value no enum member has": (
        {"precision": "weekly"},
        "precision: 'weekly' is not one of 'day', 'month', 'year'",
    ),
    "a list for a tuple": ({"names": ["x"]}, "names: expected a tuple, got list ['x']"),
    "a wrong item": ({"names": ("x", 1)}, "names: item 1: expected str, got int 1"),
    "a wrong record item": (
        {"parts": (kr.Citation(source="s", quote="Q."), "s")},
        "parts: item 1: expected Citation, got str 's'",
    ),
    "a bool for an int": ({"count": True}, "count: expected int, got bool True"),
    "an int too large": (
        {"count": -(10**9) - 1},
        "count: -1000000001 is out of range (at most 1,000,000,000 either way)",
    ),
    "a number for optional text": ({"note": 5}, "note: expected str, got int 5"),
    "text for an optional date": ({"ends": "soon"}, "ends: expected a date, got str 'soon'"),
}


@pytest.mark.parametrize("case", CASES)
def test_each_field_is_checked_by_its_type_and_rules(case: str) -> None:
    probe = probe_class()
    changes, message = CASES[case]
    with pytest.raises(kr.FieldError) as caught:
        probe(**{**GOOD, **changes})
    assert str(caught.value) == message


def test_values_of_the_right_types_pass() -> None:
    probe = probe_class()
    record = probe(
        **GOOD,
        precision=kr.Precision.YEAR,
        names=("a", "b"),
        parts=(kr.Citation(source="s", quote="Q."),),
        count=10**9,
        note="A note.",
        ends=dt.date(2200, 12, 31),
        either=3,
    )
    assert (record.count, record.either, record.ends) == (10**9, 3, dt.date(2200, 12, 31))
    assert probe(**GOOD, either="text", count=-(10**9)).either == "text"
    assert probe(id="m", when=dt.date(2020, 3, 1), precision=kr.Precision.MONTH)
    assert probe(**GOOD, names=()).names == ()


def test_the_first_field_in_order_is_reported_and_a_valid_one_stays_quiet() -> None:
    probe = probe_class()
    with pytest.raises(kr.FieldError) as caught:
        probe(id="Bad", when="2020", count="x")
    assert caught.value.field == "id"
    with pytest.raises(kr.FieldError) as caught:
        probe(id="good", when="2020", count="x")
    assert caught.value.field == "when"


def test_every_field_keeps_its_own_rule_for_reporting_all_problems() -> None:
    probe = probe_class()
    assert model.field_rule(probe, "id") is model._slug
    assert model.field_rule(probe, "count") is None
    checks = dict((field.name, guard) for field, guard in model.field_checks(probe))
    assert list(checks) == [field.name for field in attrs.fields(probe)]
    record = probe(**GOOD)
    with pytest.raises(kr.FieldError, match=r"^id: must be a lowercase slug"):
        checks["id"](record, attrs.fields(probe).id, "Bad Slug")
    with pytest.raises(kr.FieldError, match=r"^count: expected int"):
        checks["count"](record, attrs.fields(probe).count, "x")
    checks["count"](record, attrs.fields(probe).count, 3)


def test_checks_can_be_switched_off_in_this_thread_only() -> None:
    probe = probe_class()
    with model._validators_off():
        unchecked = probe(id="Not A Slug", when="never")
    assert unchecked.id == "Not A Slug"
    with pytest.raises(kr.FieldError):
        probe(id="Not A Slug", when="never")


def test_a_class_without_the_guard_has_no_field_rules() -> None:
    assert model.field_rule(kr.Position, "actor") is None  # derived: never checked
    assert model.field_rule(kr.Actor, "id") is model._slug


def test_an_event_may_end_on_the_day_it_begins() -> None:
    day = dt.date(2020, 5, 1)
    citation = kr.Citation(source="s", quote="Q.")
    event = kr.Event(
        id="e",
        date=day,
        end_date=day,
        kind=kr.EventKind.MEETING,
        title="T",
        summary="S.",
        citations=(citation,),
    )
    assert event.end_date == day


def test_an_unknown_provision_names_its_instrument() -> None:
    pact = kr.Instrument(
        id="pact",
        kind=kr.InstrumentKind.TREATY,
        title="Pact",
        date=dt.date(2000, 1, 1),
        citations=(kr.Citation(source="s", quote="Q."),),
        provisions=(kr.Provision(id="art-1", label="Article 1", text="Agreed."),),
    )
    with pytest.raises(kr.UnknownIdError) as caught:
        pact.provision("art-2")
    assert str(caught.value) == "unknown provision of pact 'art-2'; did you mean 'art-1'?"


CITED = (kr.Citation(source="s", quote="Q."),)

FIELD_RULES: dict[str, tuple[Any, dict[str, Any], str]] = {
    "a bad slug in a list": (
        kr.Event,
        {"actors": ("Bad Slug",)},
        "actors: must be a lowercase slug such as 'simla-1972', got 'Bad Slug'",
    ),
    "a bad optional slug": (
        kr.Actor,
        {"parent": "Bad Slug"},
        "parent: must be a lowercase slug such as 'simla-1972', got 'Bad Slug'",
    ),
    "a control character in an optional line": (
        kr.Instrument,
        {"vote": "a\x01b"},
        "vote: contains the control character U+0001 at offset 1",
    ),
    "a control character in a list of lines": (
        kr.Instrument,
        {"signatories": ("A", "b\x02")},
        "signatories: contains the control character U+0002 at offset 1",
    ),
    "a control character in an address": (
        kr.Source,
        {"url": "https://x.org/\x03"},
        "url: contains the control character U+0003 at offset 14",
    ),
    "an address that is only its scheme": (
        kr.Source,
        {"url": "https://"},
        "url: must be an http(s) address, got 'https://'",
    ),
    "a control character in optional prose": (
        kr.Source,
        {"note": "a\x04"},
        "note: contains the control character U+0004 at offset 1",
    ),
    "nothing visible but spaces and a mark": (
        kr.Actor,
        {"name": " \u0301"},
        "name: must not be empty",
    ),
}

BASES: dict[Any, dict[str, Any]] = {
    kr.Event: {
        "id": "e",
        "date": dt.date(2020, 1, 1),
        "kind": kr.EventKind.MEETING,
        "title": "T",
        "summary": "S.",
        "citations": CITED,
    },
    kr.Actor: {"id": "a", "name": "A", "kind": kr.ActorKind.STATE},
    kr.Instrument: {
        "id": "i",
        "kind": kr.InstrumentKind.TREATY,
        "title": "T",
        "date": dt.date(2000, 1, 1),
        "citations": CITED,
    },
    kr.Source: {
        "id": "s",
        "title": "T",
        "publisher": "P",
        "published": dt.date(2000, 1, 1),
        "kind": kr.SourceKind.PRIMARY,
    },
}


@pytest.mark.parametrize("case", FIELD_RULES)
def test_each_rule_names_its_field(case: str) -> None:
    kind, changes, message = FIELD_RULES[case]
    with pytest.raises(kr.FieldError) as caught:
        kind(**{**BASES[kind], **changes})
    assert str(caught.value) == message


def test_a_name_with_a_letter_after_spaces_shows_something() -> None:
    assert kr.Actor(id="a", name=" \u00e9", kind=kr.ActorKind.STATE).name == " \u00e9"
    assert kr.Actor(id="a", name="\u3000\u0915", kind=kr.ActorKind.STATE)
