"""A history, read exactly: statements on record on the same day close a stance together,
and the positions of a history are as of no date and never stale."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from toml_records import actor, notes

import kashmirref as kr

Write = Callable[[str, str], Path]

STATEMENT = """
[[statement]]
id = "{id}"
date = {date}{precision}
speaker = "my-group"
on_behalf_of = "my-group"
form = "direct"
codes = [{{ topic = "third-party-mediation", stance = "{stance}" }}]
citations = [{{ source = "my-notes", quote = "Words." }}]
"""

HEAD = actor("my-group", "My group") + notes("2020-01-01")


def test_statements_on_record_the_same_day_close_a_stance_at_the_last(write: Write) -> None:
    text = HEAD + "".join(
        STATEMENT.format(id=i, date=d, precision=p, stance=s)
        for i, d, p, s in [
            ("seeks-1990", "1990-06-01", "", "seeks"),
            ("declines-in-2019", "2019-01-01", '\ndate_precision = "year"', "declines"),
            ("declines-2019-12-31", "2019-12-31", "", "declines"),
        ]
    )
    catalog = kr.load([write("mine.toml", text)])
    seeks, declines = catalog.positions(actor="my-group", topic="third-party-mediation")
    assert (seeks.stance, seeks.valid_from, seeks.evidence) == (
        "seeks",
        dt.date(1990, 6, 1),
        ("seeks-1990",),
    )
    # both statements of "declines" are on record from 31 December 2019 (one was made
    # some day in 2019): the run of "seeks" is closed at the last of them
    assert (seeks.valid_to, seeks.valid_to_precision) == (dt.date(2019, 12, 31), "day")
    assert declines.valid_to is None
    assert declines.evidence == ("declines-in-2019", "declines-2019-12-31")
    for position in (seeks, declines):
        assert position.as_of is None and position.stale is False
    # as of 2019, long after 1990, the stance then held was stale; in a history it is not
    (then,) = catalog.positions(actor="my-group", topic="third-party-mediation", as_of="2019-06-30")
    assert then.stance == "seeks" and then.stale is True


def test_statements_the_record_cannot_order_hold_together(write: Write) -> None:
    text = HEAD + "".join(
        STATEMENT.format(id=i, date=d, precision=p, stance=s)
        for i, d, p, s in [
            ("seeks-in-2000", "2000-01-01", '\ndate_precision = "year"', "seeks"),
            ("declines-2000-06-10", "2000-06-10", "", "declines"),
        ]
    )
    catalog = kr.load([write("mine.toml", text)])
    found = catalog.positions(actor="my-group", topic="third-party-mediation", as_of="2001")
    assert [(p.stance, p.mixed) for p in found] == [("seeks", True), ("declines", True)]
    seeks = found[0]
    assert (seeks.last_stated, seeks.last_stated_precision) == (dt.date(2000, 1, 1), "year")
    # last stated "2000": stale only ten years after its last possible day, 31 December 2000
    (held,) = [
        p
        for p in catalog.positions(
            actor="my-group", topic="third-party-mediation", as_of="2010-12-30"
        )
        if p.stance == "seeks"
    ]
    assert held.stale is False
    (later,) = [
        p
        for p in catalog.positions(
            actor="my-group", topic="third-party-mediation", as_of="2011-01-02"
        )
        if p.stance == "seeks"
    ]
    assert later.stale is True


def test_one_stance_is_not_mixed(write: Write) -> None:
    text = HEAD + STATEMENT.format(id="only", date="2000-06-10", precision="", stance="seeks")
    catalog = kr.load([write("mine.toml", text)])
    (only,) = catalog.positions(actor="my-group", topic="third-party-mediation", as_of="2001")
    assert (only.mixed, only.stale, only.evidence) == (False, False, ("only",))
