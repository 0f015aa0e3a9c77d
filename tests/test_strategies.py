"""The strategies themselves: valid by construction, and validators reject mutations."""

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path
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
    (krst.statements(), "codes", (kr.Code(topic="same"), kr.Code(topic="same"))),
    (krst.statements(), "speaker", "-x"),
    (krst.codes(), "stance", "UP"),
    (krst.codes(), "topic", ""),
    (krst.topics(), "scale", ()),
    (krst.events(), "end_date", dt.date(1900, 1, 1)),
    (krst.events(), "citations", ()),
    (krst.instruments(), "title", " "),
    (krst.terms(), "names", ()),
    (krst.no_positions(), "searched", ""),
    (krst.no_positions(), "end", dt.date(1800, 1, 1)),
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
    """Written to a data file and read back by the loader, with every check it runs."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.json"
        path.write_text(kr.dumps(catalog), encoding="utf-8")
        assert kr.load([path], include_shipped=False) == catalog


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


def _statements_of(catalog: kr.Catalog, position: kr.Position) -> list[kr.Statement]:
    return [catalog.statement(s) for s in position.evidence]


def _changes(catalog: kr.Catalog) -> bool:
    by_pair: dict[tuple[str, str], list[kr.Position]] = {}
    for p in catalog.positions():
        by_pair.setdefault((p.actor, p.topic), []).append(p)
    return any(len({p.stance for p in ps}) > 1 for ps in by_pair.values())


def _shared_grounds(catalog: kr.Catalog) -> bool:
    first, second = (a.id for a in catalog.actors()[:2])
    return any(row.shared_grounds for row in kr.compare(catalog, first, second).rows)


def _citations(catalog: kr.Catalog) -> list[kr.Citation]:
    return [c for s in catalog.statements() for c in s.citations]


def _changes_of_status(catalog: kr.Catalog) -> list[kr.StatusChange]:
    return [c for i in catalog.instruments() for c in i.status_history]


SHAPES: dict[str, Any] = {
    "several statements per position": lambda c: any(len(p.evidence) > 1 for p in c.positions()),
    "month-precision evidence": lambda c: any(
        s.date_precision is kr.Precision.MONTH for p in c.positions() for s in _statements_of(c, p)
    ),
    "year-precision evidence": lambda c: any(
        s.date_precision is kr.Precision.YEAR for p in c.positions() for s in _statements_of(c, p)
    ),
    "valid_from to the month": lambda c: any(
        p.valid_from_precision is kr.Precision.MONTH for p in c.positions()
    ),
    "valid_from to the year": lambda c: any(
        p.valid_from_precision is kr.Precision.YEAR for p in c.positions()
    ),
    "valid_to to the month": lambda c: any(
        p.valid_to is not None and p.valid_to_precision is kr.Precision.MONTH for p in c.positions()
    ),
    "valid_to to the year": lambda c: any(
        p.valid_to is not None and p.valid_to_precision is kr.Precision.YEAR for p in c.positions()
    ),
    "closed periods": lambda c: any(p.valid_to is not None for p in c.positions()),
    "stance changes over time": _changes,
    "stances the record cannot order (mixed)": lambda c: any(
        p.mixed for s in c.statements() for p in c.positions(as_of=s.last_possible)
    ),
    "mentions": lambda c: any(code.is_mention for s in c.statements() for code in s.codes),
    "invocations with a provision": lambda c: any(
        i.provision for s in c.statements() for i in s.invokes
    ),
    "topics that open at a date": lambda c: any(t.opens for t in c.topics()),
    "anchors": lambda c: any(p.anchors for t in c.topics() for p in t.scale),
    "no-position records": lambda c: bool(c.no_positions()),
    "shared grounds": _shared_grounds,
    "citations read in a copy elsewhere": lambda c: any(x.read_at for x in _citations(c)),
    "unilateral declarations": lambda c: any(
        x.unilateral and x.condition is None for x in _changes_of_status(c)
    ),
    "conditional declarations": lambda c: any(x.condition for x in _changes_of_status(c)),
    "agreed statuses": lambda c: any(not x.is_declaration for x in _changes_of_status(c)),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_catalogs_generate_every_shape_of_the_shipped_data(shape: str) -> None:
    from hypothesis import Phase, find, settings

    quick = settings(max_examples=1000, phases=[Phase.generate], database=None)
    found = find(krst.catalogs(), SHAPES[shape], settings=quick)
    assert SHAPES[shape](found)
