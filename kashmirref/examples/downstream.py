"""A downstream project's tests: only the public API, st.from_type and catalogs().

Copy this module into your own test suite as a starting point, or run it as it is:
``python -m pytest --pyargs kashmirref.examples.downstream``. Its functions are named
``test_*`` and pytest collects them from this module; kashmirref's own suite runs them.
"""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

import kashmirref as kr
from kashmirref import strategies as krst


def share_of_divergent_topics(catalog: kr.Catalog, a: str, b: str) -> float:
    """The kind of helper a dashboard might compute from a comparison."""
    comparison = kr.compare(catalog, a, b)
    if not comparison.rows:
        return 0.0
    return len(comparison.divergences) / len(comparison.rows)


@given(st.from_type(kr.Catalog))
def test_share_is_a_fraction(catalog: kr.Catalog) -> None:
    """Whatever the catalogue, the share lies between 0 and 1."""
    first, second = (a.id for a in catalog.actors()[:2])
    assert 0.0 <= share_of_divergent_topics(catalog, first, second) <= 1.0


@given(krst.catalogs(max_positions=3))
def test_share_is_symmetric(catalog: kr.Catalog) -> None:
    """Comparing a with b or b with a gives the same share."""
    first, second = (a.id for a in catalog.actors()[:2])
    assert share_of_divergent_topics(catalog, first, second) == share_of_divergent_topics(
        catalog, second, first
    )


@given(st.from_type(kr.Position), st.from_type(kr.Statement), st.from_type(kr.Instrument))
def test_from_type_gives_consistent_records(
    position: kr.Position, statement: kr.Statement, instrument: kr.Instrument
) -> None:
    """Records drawn with st.from_type hold together across their fields, as loaded ones do."""
    # a position runs from its first statement to its last (which, known only to its
    # month or year, may carry an earlier date); held as of a date, or closed
    assert position.evidence
    assert position.valid_from <= kr.last_day(position.last_stated, position.last_stated_precision)
    if position.valid_to is None:
        assert position.as_of is not None
        assert position.last_stated <= position.as_of
    else:
        assert position.as_of is None
        assert position.last_stated <= position.valid_to
    # a statement is on record by the last day it could have been made, never before it
    assert statement.date <= statement.last_possible
    assert statement.on_record_by(statement.last_possible)
    assert not statement.on_record_by(statement.date - dt.timedelta(days=1))
    # every clause of an instrument is found by its id
    for provision in instrument.provisions:
        assert instrument.provision(provision.id) is provision
