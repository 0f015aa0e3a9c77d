"""A history, read exactly: statements on record on the same day close a stance together,
and the positions of a history are as of no date and never stale."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

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

HEAD = """
[[actor]]
id = "my-group"
name = "My group"
kind = "group"

[[source]]
id = "my-notes"
title = "My notes"
publisher = "Me"
published = 2020-01-01
kind = "primary"
"""


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
