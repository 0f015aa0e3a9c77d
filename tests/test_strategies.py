"""The strategies themselves: valid by construction, and validators reject mutations."""

import datetime as dt
import subprocess
import sys
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import kashmirref as kr
from kashmirref import strategies as krst

# (strategy, field, invalid value): each mutation must be refused, naming the field.
MUTATIONS: list[tuple[st.SearchStrategy[Any], str, object]] = [
    (krst.actors(), "id", "Not A Slug"),
    (krst.actors(), "name", " "),
    (krst.sources(), "title", ""),
    (krst.citations(), "quote", "\n"),
    (krst.citations(), "source", "two words"),
    (krst.statements(), "citations", ()),
    (krst.statements(), "topics", ("same", "same")),
    (krst.statements(), "speaker", "-x"),
    (krst.positions(), "evidence", ()),
    (krst.positions(), "valid_to", dt.date(1900, 1, 1)),
    (krst.positions(), "stance", "UP"),
    (krst.topics(), "scale", ()),
    (krst.events(), "end_date", dt.date(1900, 1, 1)),
    (krst.events(), "citations", ()),
    (krst.instruments(), "title", " "),
    (krst.terms(), "names", ()),
    (krst.no_positions(), "searched", ""),
]


@given(st.data(), st.sampled_from(range(len(MUTATIONS))))
def test_validators_reject_every_mutation(data: st.DataObject, which: int) -> None:
    strategy, field, bad = MUTATIONS[which]
    record = data.draw(strategy)
    with pytest.raises(kr.FieldError) as caught:
        attrs.evolve(record, **{field: bad})
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")


@given(krst.catalogs())
def test_catalogs_pass_the_loader_validation(catalog: kr.Catalog) -> None:
    assert kr.Catalog(**{name: records for name, records in _fields(catalog)}) == catalog


def _fields(catalog: kr.Catalog) -> list[tuple[str, Any]]:
    from kashmirref.catalog import TABLES

    return [(TABLES[table], records) for table, records in catalog.tables()]


@given(krst.catalogs(min_actors=3, max_actors=3, max_positions=0))
def test_size_bounds_are_respected(catalog: kr.Catalog) -> None:
    assert len(catalog.actors()) == 3
    assert catalog.positions() == ()


PINNED = (
    kr.Actor(id="india", name="India", kind=kr.ActorKind.STATE),
    kr.Actor(id="pakistan", name="Pakistan", kind=kr.ActorKind.STATE),
)


@given(krst.catalogs(actors=st.just(PINNED)))
def test_actors_can_be_pinned(catalog: kr.Catalog) -> None:
    assert catalog.actors() == PINNED
    assert {p.actor for p in catalog.positions()} <= {"india", "pakistan"}


@given(krst.topics().flatmap(lambda t: st.tuples(st.just(t), krst.stances(t))))
def test_stances_are_on_the_scale(case: tuple[kr.Topic, kr.Stance]) -> None:
    topic, stance = case
    assert topic.stance(stance.label) == stance


def test_import_without_hypothesis_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['hypothesis'] = None\n"
        "try:\n    import kashmirref.strategies\n"
        "except ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'kashmirref[hypothesis]'" in out.stdout
