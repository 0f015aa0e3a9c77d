"""The date rule, stated strictly, for any generated catalogue and any date.

A statement is on record by a date D only when the last day it could have been made is
on or before D. These properties hold for every catalogue ``krst.catalogs()`` draws
(month- and year-precision statements and periods, closed periods, stance changes, ...)
and every D, including the days inside a statement's month or year.

They use only the public API and compute the last possible day themselves, so that
they can be run against older versions of the library.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import kashmirref as kr
from kashmirref import strategies as krst
from kashmirref.comparison import compare_over_time


def last_possible(when: dt.date, precision: Any) -> dt.date:
    """The last day a date at ``precision`` (``"day"``, ``"month"``, ``"year"``) stands for."""
    if precision == "year":
        return dt.date(when.year, 12, 31)
    if precision == "month":
        return dt.date(when.year, when.month, calendar.monthrange(when.year, when.month)[1])
    return when


def said_by(statement: kr.Statement) -> dt.date:
    return last_possible(statement.date, statement.date_precision)


def interesting_dates(catalog: kr.Catalog) -> list[dt.date]:
    """Dates where the rule bites: each statement's first and last possible day, and
    the days just before and after, and each period's bounds."""
    found: set[dt.date] = set()
    for s in catalog.statements():
        for day in (s.date, said_by(s)):
            found.update({day, day - dt.timedelta(days=1), day + dt.timedelta(days=1)})
    for p in catalog.positions():
        found.update({p.valid_from, last_possible(p.valid_from, p.valid_from_precision)})
        if p.valid_to is not None:
            found.add(last_possible(p.valid_to, p.valid_to_precision.value))
    return sorted(d for d in found if dt.date(1900, 1, 1) < d < dt.date(2100, 1, 1))


@st.composite
def catalog_and_date(draw: st.DrawFn) -> tuple[kr.Catalog, dt.date]:
    catalog = draw(krst.catalogs())
    special = interesting_dates(catalog)
    when = draw(st.sampled_from(special) | st.dates()) if special else draw(st.dates())
    return catalog, when


def pairs(catalog: kr.Catalog) -> list[tuple[str, str]]:
    ids = [a.id for a in catalog.actors()]
    return [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]]


@given(catalog_and_date())
def test_compare_quotes_only_evidence_on_record(case: tuple[kr.Catalog, dt.date]) -> None:
    catalog, when = case
    for a, b in pairs(catalog):
        for row in kr.compare(catalog, a, b, as_of=when).rows:
            for side in (row.a, row.b):
                for statement in side.evidence:
                    assert said_by(statement) <= when, (statement.id, when)
                for statement in side.straddling:
                    assert statement.date <= when < said_by(statement)
                if side.position is not None:
                    assert side.evidence, "a position is shown only with evidence on record"


@given(catalog_and_date())
def test_positions_and_compare_agree(case: tuple[kr.Catalog, dt.date]) -> None:
    catalog, when = case
    for a, b in pairs(catalog):
        for row in kr.compare(catalog, a, b, as_of=when).rows:
            for side in (row.a, row.b):
                found = catalog.positions(actor=side.actor, topic=row.topic.id, as_of=when)
                assert set(side.positions) == set(found)
                if found:  # the one shown first is the one stated last
                    assert side.position is not None
                    assert side.position.last_stated == max(p.last_stated for p in found)


@given(catalog_and_date())
def test_positions_as_of_are_certainly_in_force_and_on_record(
    case: tuple[kr.Catalog, dt.date],
) -> None:
    catalog, when = case
    for position in catalog.positions(as_of=when):
        assert position.valid_from <= when
        if position.valid_to is not None:
            end = last_possible(position.valid_to, position.valid_to_precision.value)
            assert when <= end
        evidence = [catalog.statement(s) for s in position.evidence]
        assert any(said_by(s) <= when for s in evidence)


def source_dates(catalog: kr.Catalog, a: str, b: str, topic: str) -> set[tuple[dt.date, str]]:
    """Every date a span may start on, each at the precision its record gives it."""
    found: set[tuple[dt.date, str]] = set()
    for position in catalog.positions(topic=topic):
        if position.actor not in (a, b):
            continue
        found.add((position.valid_from, position.valid_from_precision.value))
        for statement_id in position.evidence:
            statement = catalog.statement(statement_id)
            found.add((statement.date, statement.date_precision.value))
        if position.valid_to is not None:
            precision = position.valid_to_precision.value
            after = last_possible(position.valid_to, precision) + dt.timedelta(days=1)
            found.add((after, precision))
    return found


@given(krst.catalogs())
def test_spans_claim_no_more_precision_than_their_sources(catalog: kr.Catalog) -> None:
    for a, b in pairs(catalog):
        for topic in catalog.topics():
            spans = compare_over_time(catalog, a, b, topic.id)
            sources = source_dates(catalog, a, b, topic.id)
            for i, span in enumerate(spans):
                following = spans[i + 1] if i + 1 < len(spans) else None
                start_precision = span.start_precision
                assert (span.start, start_precision.value) in sources, span
                # the relation a span reports is compare's on the span's first sure day
                on = last_possible(span.start, start_precision)
                row = kr.compare(catalog, a, b, topics=[topic.id], as_of=on).rows[0]
                assert (row.relation, row.gap) == (span.relation, span.gap)
                if following is not None:
                    assert span.end is not None
                    end_precision = span.end_precision
                    assert end_precision == following.start_precision
                    assert span.end < following.start
                    assert last_possible(span.end, end_precision) < following.start or (
                        span.end == span.start
                    )
