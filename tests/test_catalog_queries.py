"""Evidence as of a date, problems in file order, the JSON form and look-up refusals."""

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from toml_records import actor, notes

import kashmirref as kr

Write = Callable[[str, str], Path]

SAID = (
    actor("my-group", "My group")
    + notes("2019-12-31")
    + """
[[statement]]
id = "said-in-2018"
date = 2018-03-01
speaker = "my-group"
on_behalf_of = "my-group"
form = "direct"
codes = [{ topic = "third-party-mediation", stance = "seeks" }]
citations = [{ source = "my-notes", quote = "Words of 1 March 2018." }]

[[statement]]
id = "said-in-2019"
date = 2019-01-01
date_precision = "year"
speaker = "my-group"
on_behalf_of = "my-group"
form = "reported"
codes = [{ topic = "third-party-mediation", stance = "seeks" }]
citations = [{ source = "my-notes", quote = "Words of some day in 2019." }]
"""
)


def test_evidence_as_of_another_date(write: Write) -> None:
    catalog = kr.load([write("said.toml", SAID)])
    (held,) = catalog.positions("my-group", "third-party-mediation", as_of="2020")
    both = [s.id for s in catalog.evidence(held)[0]]
    assert both == ["said-in-2018", "said-in-2019"] and catalog.evidence(held)[1] == ()
    on_record, straddling = catalog.evidence(held, as_of=dt.date(2019, 6, 30))
    assert [s.id for s in on_record] == ["said-in-2018"]
    assert [s.id for s in straddling] == ["said-in-2019"]  # made in 2019: maybe not yet
    on_record, straddling = catalog.evidence(held, as_of=dt.date(2019, 12, 31))
    assert ([s.id for s in on_record], straddling) == (both, ())
    with pytest.raises(TypeError, match=r"^as_of must be a date"):
        catalog.evidence(held, as_of=2019)  # type: ignore[arg-type]


def test_problems_come_file_by_file_then_line_by_line(write: Write) -> None:
    first = write(
        "first.toml",
        '[[actor]]\nid = "a"\nname = "A"\nkind = "state"\n\n'
        '[[actor]]\nid = "b"\nname = "B"\nkind = "state"\nparent = "nobody"\n',
    )
    second = write("second.toml", '[[actor]]\nid = "c"\nname = "C"\nkind = "state"\nparent = "x"\n')
    with pytest.raises(kr.DataError) as caught:
        kr.load([first, second], include_shipped=False)
    assert [str(p) for p in caught.value.problems] == [
        f"{first}:7: b: parent: refers to unknown actor 'nobody'",
        f"{second}:2: c: parent: refers to unknown actor 'x'",
    ]


def test_the_json_form_and_its_indent(catalog: kr.Catalog) -> None:
    text = catalog.to_json()
    assert text.startswith('{\n  "actor": [\n    {\n      "id": ')
    flat = catalog.to_json(indent=None)
    assert "\n" not in flat.rstrip("\n") and json.loads(flat) == json.loads(text)


def test_look_up_refusals(catalog: kr.Catalog) -> None:
    with pytest.raises(kr.InputError) as caught:
        catalog.lookup("india", "actors")
    assert str(caught.value) == (
        "unknown kind 'actors'; use one of actor, source, topic, instrument, event, "
        "statement, no_position, term"
    )
    with pytest.raises(TypeError) as raised:
        catalog.lookup(5)  # type: ignore[arg-type]
    assert str(raised.value) == "name or id must be a string, not int 5"
    with pytest.raises(kr.UnknownIdError) as unknown:
        catalog.lookup("no such thing at all")
    assert str(unknown.value).startswith("unknown record 'no such thing at all'")
    assert catalog.lookup("SIMLA-1972").id == "simla-1972"
    assert catalog.lookup("india", "actor").id == "india"


QUERIES: dict[str, Callable[[Any], object]] = {
    "positions as_of": lambda c: c.positions("india", as_of=2019),
    "no_position as_of": lambda c: c.no_position("india", "plebiscite", as_of=2019),
    "citing as_of": lambda c: c.citing("simla-1972", as_of=2019),
    "statements start": lambda c: c.statements(start=2019),
    "statements end": lambda c: c.statements(end=2019),
    "timeline start": lambda c: c.timeline(start=2019),
    "timeline end": lambda c: c.timeline(end=2019),
    "compare as_of": lambda c: kr.compare(c, "india", "pakistan", as_of=2019),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("query", QUERIES)
def test_a_date_of_the_wrong_type_is_named(catalog: kr.Catalog, query: str) -> None:
    with pytest.raises(TypeError) as caught:
        QUERIES[query](catalog)
    assert str(caught.value) == (
        f"{query.split()[1]} must be a date or ISO text (YYYY, YYYY-MM, YYYY-MM-DD), not int"
    )


GAPS = actor("my-group", "My group") + "".join(
    f"""
[[no_position]]
id = "{gap}"
actor = "my-group"
topic = "plebiscite"
start = {start}
end = {end}
searched = "Everything."
checked = 2021-01-01
"""
    for gap, start, end in [
        ("early", "2000-01-01", "2009-12-31"),
        ("late", "2010-01-01", "2012-12-31"),
    ]
)


def test_the_recorded_gap_as_of_a_date(write: Write) -> None:
    catalog = kr.load([write("gaps.toml", GAPS)])

    def gap(as_of: str | None) -> str | None:
        found = catalog.no_position("my-group", "plebiscite", as_of=as_of)
        return None if found is None else found.id

    assert gap(None) == "late"  # the latest recorded
    assert gap("2010-01-01") == "late"  # covering, from its first day
    assert gap("2005-06-01") == "early"  # the one covering the date, not the latest
    assert gap("2009-12-31") == "early"  # to its last day
    assert gap("2015-06-01") == "late"  # after every period: the latest before the date
    assert gap("1999") is None  # nothing recorded yet
    assert catalog.no_position("my-group", "bilateralism") is None


def test_instruments_of_a_day_by_number_then_id(write: Write) -> None:
    text = "".join(
        f"""
[[instrument]]
id = "{i}"
kind = "{kind}"
{number}title = "{i}"
date = 1946-01-01
citations = [{{ source = "my-notes", quote = "Q." }}]
"""
        for i, kind, number in [
            ("a-res-91", "unsc-resolution", "number = 91\n"),
            ("b-res-80", "unsc-resolution", "number = 80\n"),
            ("c-res-1", "unsc-resolution", "number = 1\n"),
            ("d-treaty", "treaty", ""),
        ]
    )
    text += '[[source]]\nid = "my-notes"\ntitle = "N"\npublisher = "Me"\n'
    text += 'published = 2020-01-01\nkind = "primary"\n'
    catalog = kr.load([write("instruments.toml", text)], include_shipped=False)
    same_day = [i.id for i in catalog.instruments() if i.date == dt.date(1946, 1, 1)]
    assert same_day == ["d-treaty", "c-res-1", "b-res-80", "a-res-91"]


def test_instruments_of_one_kind(catalog: kr.Catalog) -> None:
    resolutions = catalog.instruments(kr.InstrumentKind.UNSC_RESOLUTION)
    assert resolutions and {i.kind for i in resolutions} == {kr.InstrumentKind.UNSC_RESOLUTION}
    assert len(resolutions) < len(catalog.instruments())


QUIET = """
[[topic]]
id = "quiet-topic"
title = "Quiet"
question = "Is anyone speaking?"
scale = [
  { value = 0, label = "no", meaning = "No.", rules = "Says no." },
  { value = 1, label = "yes", meaning = "Yes.", rules = "Says yes." },
]
"""


def test_statements_between_dates_at_their_precision(catalog: kr.Catalog, write: Write) -> None:
    day = catalog.statements(start="2019-08-05", end="2019-08-05")
    assert day and {s.date for s in day} == {dt.date(2019, 8, 5)}
    year = catalog.statements(start="2019", end="2019")
    assert {s.date.year for s in year} == {2019}
    assert min(s.date for s in year) == min(
        s.date for s in catalog.statements() if s.date.year == 2019
    )
    assert max(s.date for s in year) == max(
        s.date for s in catalog.statements() if s.date.year == 2019
    )
    quiet = kr.load([write("quiet.toml", QUIET)])
    assert quiet.statements(topic="quiet-topic") == ()
    with pytest.raises(kr.InputError) as caught:
        catalog.statements(start="2020", end="2019")
    assert str(caught.value) == "start 2020-01-01 is after end 2019-12-31"


MONTH_AND_YEAR = (
    SAID
    + """
[[statement]]
id = "said-in-june-2019"
date = 2019-06-01
date_precision = "month"
speaker = "my-group"
on_behalf_of = "my-group"
form = "direct"
codes = [{ topic = "third-party-mediation", stance = "seeks" }]
citations = [{ source = "my-notes", quote = "Words of June 2019." }]
"""
)


def test_statements_that_straddle_a_date_in_date_order(write: Write) -> None:
    catalog = kr.load([write("said.toml", MONTH_AND_YEAR)])
    when = dt.date(2019, 6, 15)
    found = catalog.straddling("my-group", "third-party-mediation", when)
    assert [s.id for s in found] == ["said-in-2019", "said-in-june-2019"]
    first_day = catalog.straddling("my-group", "third-party-mediation", dt.date(2019, 1, 1))
    assert [s.id for s in first_day] == ["said-in-2019"]  # it may have been made later
    (row,) = kr.compare(
        catalog, "my-group", "india", topics="third-party-mediation", as_of=when
    ).rows
    assert row.a.straddling == found
    assert [s.id for s in row.a.evidence] == ["said-in-2018"]


def test_a_side_with_no_position_shows_the_recorded_gap(write: Write) -> None:
    catalog = kr.load([write("gaps.toml", GAPS)])
    (row,) = kr.compare(catalog, "my-group", "india", topics="plebiscite").rows
    assert row.a.position is None
    assert row.a.no_position is not None and row.a.no_position.id == "late"


def test_a_side_as_of_no_date_is_as_of_the_latest(catalog: kr.Catalog) -> None:
    from kashmirref.comparison import side

    topic = catalog.topic("third-party-mediation")
    assert side(catalog, "india", topic) == side(catalog, "india", topic, catalog.latest)
