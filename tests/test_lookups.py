"""Look-ups by id, name, alias, title, initials and number, on a small catalogue of known
spellings: what is found, what is only suggested, and what each failure says."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

import kashmirref as kr

DATA = """
[[actor]]
id = "alpha"
name = "Alpha Land"
kind = "state"
aliases = ["The  Alphans"]

[[actor]]
id = "alpha-office"
name = "Foreign Office of Alpha"
kind = "office"
parent = "alpha"

[[actor]]
id = "jk-front"
name = "Jammu-Kashmir Liberation Front"
kind = "party"

[[actor]]
id = "summit"
name = "Organisation of the 2nd Islamic Summit"
kind = "organisation"

[[actor]]
id = "ann-lee"
name = "Ann Lee Jones"
kind = "person"

[[actor]]
id = "zed"
name = "Zed"
kind = "state"

[[source]]
id = "notes"
title = "Field Notes"
publisher = "Me"
published = 2020-06-01
kind = "primary"

[[topic]]
id = "water"
title = "Water Rights"
question = "Who gets the water?"
scale = [
  { value = 0, label = "shares", meaning = "Shares it.", rules = "Says it shares." },
  { value = 1, label = "keeps", meaning = "Keeps it.", rules = "Says it keeps." },
]

[[instrument]]
id = "res-47"
kind = "unsc-resolution"
number = 47
title = "Resolution Forty-Seven"
date = 1948-04-21
citations = [{ source = "notes", quote = "Resolves." }]

[[event]]
id = "meeting"
date = 2020-05-01
kind = "meeting"
title = "The Spring Meeting"
summary = "They met."
actors = ["alpha", "zed"]
citations = [{ source = "notes", quote = "They met." }]

[[statement]]
id = "said"
date = 2020-05-02
speaker = "alpha-office"
on_behalf_of = "alpha"
form = "direct"
codes = [{ topic = "water", stance = "keeps" }]
citations = [{ source = "notes", quote = "We keep the water." }]

[[no_position]]
id = "zed-silent"
actor = "zed"
topic = "water"
start = 2010-01-01
end = 2019-12-31
searched = "Zed's records"
checked = 2021-01-01

[[term]]
id = "the-river"
neutral_name = "The Long River"
names = [{ actor = "alpha", name = "Our river" }]
"""


@pytest.fixture
def cat(write: Callable[[str, str], Path]) -> kr.Catalog:
    return kr.load([write("small.toml", DATA)], include_shipped=False)


def unknown(call: Callable[[], object]) -> kr.UnknownIdError:
    """The error ``call`` raises."""
    with pytest.raises(kr.UnknownIdError) as caught:
        call()
    return caught.value


def test_every_kind_by_its_id(cat: kr.Catalog) -> None:
    assert cat.actor("alpha").name == "Alpha Land"
    assert cat.source("notes").title == "Field Notes"
    assert cat.topic("water").title == "Water Rights"
    assert cat.instrument("res-47").number == 47
    assert cat.event("meeting").title == "The Spring Meeting"
    assert cat.statement("said").date == dt.date(2020, 5, 2)
    assert cat.term("the-river").neutral_name == "The Long River"
    for record_id, kind in [("alpha", kr.Actor), ("meeting", kr.Event), ("zed-silent", None)]:
        found = cat.record(record_id)
        assert found.id == record_id
        assert kind is None or isinstance(found, kind)
    assert repr(cat) == (
        "Catalog(actors=6, sources=1, topics=1, instruments=1, events=1, statements=1, "
        "no_positions=1, terms=1)"
    )


def test_an_unknown_id_of_each_kind_names_its_kind_and_the_nearest(cat: kr.Catalog) -> None:
    assert str(unknown(lambda: cat.event("meetng"))) == (
        "unknown event 'meetng'; did you mean 'meeting'?"
    )
    assert str(unknown(lambda: cat.term("the-rivr"))) == (
        "unknown term 'the-rivr'; did you mean 'the-river'?"
    )
    assert str(unknown(lambda: cat.record("alphx"))) == (
        "unknown record 'alphx'; did you mean 'alpha'?"
    )
    missing = unknown(lambda: cat.lookup("zed-silnt", "no_position"))
    assert str(missing) == "unknown no position 'zed-silnt'; did you mean 'zed-silent'?"
    with pytest.raises(TypeError, match=r"^record id must be a string, not int 5$"):
        cat.record(5)  # type: ignore[arg-type]


def test_names_aliases_and_titles_in_any_case_and_spacing(cat: kr.Catalog) -> None:
    assert cat.lookup("alpha land").id == "alpha"
    assert cat.lookup("  ALPHA   LAND ").id == "alpha"
    assert cat.lookup("the alphans").id == "alpha"  # an alias, its spaces collapsed
    assert cat.lookup("Water rights").id == "water"  # a title
    assert cat.lookup("the long river").id == "the-river"  # a neutral name
    assert cat.lookup("ALPHA-OFFICE").id == "alpha-office"  # an id in another case
    assert cat.lookup("Alpha Land", "actor").id == "alpha"
    assert str(unknown(lambda: cat.lookup("Alpha Land", "topic"))).startswith(
        "unknown topic 'Alpha Land'"
    )


def test_a_resolution_by_its_number(cat: kr.Catalog) -> None:
    assert cat.resolution(47).id == "res-47"
    assert cat.resolution(" 47 ").id == "res-47"
    assert cat.lookup("47").id == "res-47"
    assert cat.lookup("47", "instrument").id == "res-47"
    assert str(unknown(lambda: cat.resolution("470"))) == (
        "unknown UNSC resolution '470'; did you mean '47'?"
    )
    assert str(unknown(lambda: cat.resolution(48))) == "unknown UNSC resolution '48'"
    assert str(unknown(lambda: cat.resolution("forty"))) == "unknown UNSC resolution 'forty'"
    with pytest.raises(TypeError) as caught:
        cat.resolution(True)
    assert str(caught.value) == "a resolution number must be an int or a string, not bool"
    with pytest.raises(TypeError, match=r"not float$"):
        cat.resolution(47.0)  # type: ignore[arg-type]


def test_initials_are_suggested_for_states_and_organisations_only(cat: kr.Catalog) -> None:
    # a hyphen splits words; "of", "the" and words that do not start with a letter are
    # left out; one letter is too few
    assert unknown(lambda: cat.lookup("jklf")).suggestions[0] == "jk-front"
    assert unknown(lambda: cat.actor("JKLF")).suggestions[0] == "jk-front"
    assert unknown(lambda: cat.actor("ois")).suggestions[0] == "summit"
    assert "ann-lee" not in unknown(lambda: cat.actor("alj")).suggestions  # a person
    assert "alpha-office" not in unknown(lambda: cat.actor("foa")).suggestions  # an office
    assert "zed" not in unknown(lambda: cat.actor("z")).suggestions
    assert unknown(lambda: cat.actor("al")).suggestions[0] == "alpha"  # Alpha Land


def test_actors_of_a_kind(cat: kr.Catalog) -> None:
    assert [a.id for a in cat.actors("state")] == ["alpha", "zed"]
    with pytest.raises(kr.InputError) as caught:
        cat.actors("nation")
    kinds = ", ".join(kind.value for kind in kr.ActorKind)
    assert str(caught.value) == f"unknown actor kind 'nation'; use one of {kinds}"
    assert "state, " in kinds


def test_only_a_security_council_resolution_is_found_by_number(
    write: Callable[[str, str], Path],
) -> None:
    numbered = DATA + (
        '\n[[instrument]]\nid = "pact-5"\nkind = "treaty"\nnumber = 5\ntitle = "Pact Five"\n'
        'date = 1950-01-01\ncitations = [{ source = "notes", quote = "Agreed." }]\n'
    )
    cat = kr.load([write("numbered.toml", numbered)], include_shipped=False)
    assert cat.instrument("pact-5").number == 5
    assert str(unknown(lambda: cat.resolution(5))) == "unknown UNSC resolution '5'"
