"""How the relation between two actors changed over time, span by span, on a record
made to cross every rule: finer changes inside a coarser one, month and year
precision, mentions, a third actor."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from toml_records import actor, notes

import kashmirref as kr
from kashmirref.comparison import compare_over_time

Write = Callable[[str, str], Path]

HEAD = (
    actor("side-a", "Side A")
    + actor("side-b", "Side B")
    + actor("side-c", "Side C")
    + notes("2020-01-01")
)

STATEMENT = """
[[statement]]
id = "{actor}-{n}"
date = {date}{precision}
speaker = "{actor}"
on_behalf_of = "{actor}"
form = "direct"
codes = [{{ topic = "third-party-mediation"{stance} }}]
citations = [{{ source = "my-notes", quote = "Words {n}." }}]
"""

SAID = [  # actor, date, precision, stance (None: a mention)
    ("side-a", "2010-03-15", None, "seeks"),
    ("side-b", "2010-06-01", None, "declines"),
    ("side-b", "2011-05-10", None, "seeks"),
    ("side-a", "2011-01-01", "year", "declines"),
    ("side-a", "2011-12-31", None, None),  # a mention: never a change
    ("side-c", "2012-06-30", None, "declines"),  # a third actor: never a change
    ("side-b", "2012-03-01", "month", "declines"),
    ("side-a", "2013-01-01", "year", "seeks"),
    ("side-b", "2016-01-01", "year", "seeks"),
]


def _catalog(write: Write, said: list[tuple[str, str, str | None, str | None]]) -> kr.Catalog:
    text = HEAD + "".join(
        STATEMENT.format(
            actor=actor,
            n=n,
            date=date,
            precision="" if precision is None else f'\ndate_precision = "{precision}"',
            stance="" if stance is None else f', stance = "{stance}"',
        )
        for n, (actor, date, precision, stance) in enumerate(said)
    )
    return kr.load([write("said.toml", text)])


def test_spans(write: Write) -> None:
    catalog = _catalog(write, SAID)
    spans = compare_over_time(catalog, "side-a", "side-b", "third-party-mediation")
    assert [(s.period, s.relation.value, s.gap) for s in spans] == [
        ("15 March 2010 \u2013 31 May 2010", "one-side-silent", None),
        # B's "seeks" of 10 May 2011 agreed with A until A's "declines" of "2011", which
        # may be older: the agreement falls within its uncertainty and gives way to it
        ("1 June 2010 \u2013 February 2012", "diverge", 2),
        # the span before a month-precise change ends with the month before it
        ("March 2012 \u2013 2012", "agree", 0),
        ("2013 \u2013 2015", "diverge", 2),  # the year before a year-precise change
        ("since 2016", "agree", 0),
    ]
    agree = spans[2]
    assert (agree.start, agree.start_precision) == (dt.date(2012, 3, 1), "month")
    assert (agree.end, agree.end_precision) == (dt.date(2012, 3, 1), "year")
    assert (spans[1].end, spans[1].end_precision) == (dt.date(2012, 2, 1), "month")
    assert (spans[-1].end, spans[-1].start_precision) == (None, "year")


def test_the_last_span_is_open_again_when_the_change_after_it_gives_way(write: Write) -> None:
    said: list[tuple[str, str, str | None, str | None]] = [
        ("side-a", "2010-03-15", None, "seeks"),
        ("side-b", "2010-06-01", None, "declines"),
        ("side-b", "2011-01-01", None, "seeks"),  # on the first day of A's "2011"
        ("side-a", "2011-01-01", "year", "declines"),
    ]
    spans = compare_over_time(_catalog(write, said), "side-a", "side-b", "third-party-mediation")
    assert [(s.period, s.relation.value) for s in spans] == [
        ("15 March 2010 \u2013 31 May 2010", "one-side-silent"),
        ("since 1 June 2010", "diverge"),
    ]
    assert (spans[-1].end, spans[-1].end_precision) == (None, "day")
