"""Every message of kashmirref/integrity.py, each from a minimal bad data file.

Each test edits one valid, self-contained catalogue (``BASE``, loaded without the
shipped data) in one place and checks the exact problem the loader reports:
``file:line: record-id: field.path: message``.
"""

from collections.abc import Callable
from pathlib import Path

import pytest

import kashmirref as kr

Write = Callable[[str, str], Path]

BASE = """\
[[actor]]
id = "alpha"
name = "Alpha"
kind = "state"

[[actor]]
id = "alpha-office"
name = "Alpha's foreign office"
kind = "office"
parent = "alpha"

[[actor]]
id = "beta"
name = "Beta"
kind = "state"

[[actor]]
id = "gamma"
name = "Gamma"
kind = "organisation"

[[source]]
id = "notes"
title = "Notes"
publisher = "Me"
published = 2020-06-01
kind = "primary"

[[source]]
id = "web-page"
title = "A web page"
publisher = "Them"
published = 2020-06-01
kind = "secondary"
url = "https://example.org/page"

[[topic]]
id = "water"
title = "Water"
question = "Who gets the water?"
scale = [
  { value = 0, label = "shares", meaning = "Shares it.", rules = "Says it shares." },
  { value = 1, label = "keeps", meaning = "Keeps it.", rules = "Keeps.", anchors = ["said"] },
]

[[instrument]]
id = "pact"
kind = "treaty"
title = "The Pact"
date = 2010-01-01
parties = ["alpha", "beta"]
citations = [{ source = "notes", quote = "The parties agree." }]
provisions = [{ id = "art-1", label = "Article 1", text = "The parties agree." }]
status_history = [
  { date = 2010-01-01, status = "signed", citation = { source = "notes", quote = "Signed." } },
]

[[event]]
id = "meeting"
date = 2020-05-01
kind = "meeting"
title = "A meeting"
summary = "They met."
actors = ["alpha", "beta"]
citations = [{ source = "notes", quote = "They met." }]

[[statement]]
id = "said"
date = 2020-05-02
speaker = "alpha-office"
on_behalf_of = "alpha"
form = "direct"
codes = [{ topic = "water", stance = "keeps" }]
invokes = [{ instrument = "pact", provision = "art-1", reading = "Alpha reads it so." }]
citations = [{ source = "notes", quote = "We keep the water." }]

[[no_position]]
id = "beta-silent"
actor = "beta"
topic = "water"
start = 2010-01-01
end = 2019-12-31
searched = "Beta's official records"
checked = 2021-01-01

[[term]]
id = "the-river"
neutral_name = "The river"
names = [{ actor = "alpha", name = "Our river", citation = { source = "notes", quote = "Ours." } }]
"""

STATUS_LINE = (
    '  { date = 2010-01-01, status = "signed", '
    'citation = { source = "notes", quote = "Signed." } },\n'
)


def edit(text: str, old: str, new: str) -> str:
    """``text`` with its one occurrence of ``old`` replaced by ``new``."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line of ``text`` containing ``needle``."""
    found = [i for i, line in enumerate(text.splitlines(), start=1) if needle in line]
    return found[occurrence - 1]


def problems(write: Write, text: str) -> tuple[Path, list[str]]:
    """Write ``text`` as a data file; load it alone; return its path and every problem."""
    path = write("mine.toml", text)
    with pytest.raises(kr.DataError) as caught:
        kr.load([path], include_shipped=False)
    return path, [str(p) for p in caught.value.problems]


def at(path: Path, text: str, record: str) -> str:
    """``file:line: record`` for the record with id ``record`` in ``text``."""
    needle = 'id = "' + record + '"'
    return f"{path}:{line_of(text, needle)}: {record}"


def only_problem(write: Write, text: str, record: str, rest: str) -> None:
    """Assert that ``text`` has exactly one problem, at ``record``'s id line."""
    path, found = problems(write, text)
    assert found == [f"{at(path, text, record)}: {rest}"]


def reported(write: Write, text: str, ending: str) -> None:
    """Assert that loading ``text`` reports, among its problems, one ending in ``ending``."""
    _, found = problems(write, text)
    assert any(problem.endswith(ending) for problem in found), found


def test_the_base_catalogue_is_valid(write: Write) -> None:
    catalog = kr.load([write("mine.toml", BASE)], include_shipped=False)
    assert len(catalog) == 12
    # a declaration by an office under a party speaks for that party: accepted
    declared = edit(
        BASE,
        STATUS_LINE,
        STATUS_LINE + '  { date = 2025-01-01, status = "in-abeyance", declared_by = '
        '"alpha-office", unilateral = true, citation = { source = "notes", quote = "Held." } },\n',
    )
    assert kr.load([write("declared.toml", declared)], include_shipped=False)


# ------------------------------------------------------------------ unique ids and numbers


def test_an_id_used_twice_in_one_file(write: Write) -> None:
    text = BASE + '\n[[actor]]\nid = "gamma"\nname = "Gamma again"\nkind = "group"\n'
    path, found = problems(write, text)
    assert found == [f"{at(path, text, 'gamma')}: id: actor id is used 2 times"]


def test_an_id_used_again_in_another_file(write: Write) -> None:
    BETA = 'id = "beta"'
    first = write("first.toml", BASE)
    second = write("second.toml", '[[actor]]\nid = "beta"\nname = "Beta"\nkind = "state"\n')
    with pytest.raises(kr.DataError) as caught:
        kr.load([first, second], include_shipped=False)
    assert [str(p) for p in caught.value.problems] == [
        f"{second}:2: beta: id: duplicate actor id; first defined at {first}:{line_of(BASE, BETA)}"
    ]


def test_a_resolution_number_used_twice(write: Write) -> None:
    resolution = """
[[instrument]]
id = "{id}"
kind = "unsc-resolution"
number = 47
title = "Resolution 47"
date = 2011-01-01
citations = [{{ source = "notes", quote = "Resolves." }}]
"""
    text = BASE + resolution.format(id="res-a") + resolution.format(id="res-b")
    path, found = problems(write, text)
    message = "number: resolution number 47 is used more than once"
    assert found == [
        f"{at(path, text, 'res-a')}: {message}",
        f"{at(path, text, 'res-b')}: {message}",
    ]


# ------------------------------------------------------------------ actors


def test_an_unknown_parent(write: Write) -> None:
    text = edit(BASE, 'parent = "alpha"', 'parent = "alpah"')
    only_problem(
        write,
        text,
        "alpha-office",
        "parent: refers to unknown actor 'alpah'; did you mean 'alpha'?",
    )


def test_a_parent_chain_that_loops(write: Write) -> None:
    text = edit(BASE, 'name = "Alpha"\n', 'name = "Alpha"\nparent = "alpha-office"\n')
    path, found = problems(write, text)
    message = "parent: parent chain loops back on itself"
    assert found == [
        f"{at(path, text, 'alpha')}: {message}",
        f"{at(path, text, 'alpha-office')}: {message}",
    ]


# ------------------------------------------------------------------ statements


@pytest.mark.parametrize(
    ("old", "new", "rest"),
    [
        (
            'speaker = "alpha-office"',
            'speaker = "nobody"',
            "speaker: refers to unknown actor 'nobody'",
        ),
        (
            'speaker = "alpha-office"',
            'speaker = "alpha-ofice"',
            "speaker: refers to unknown actor 'alpha-ofice'; did you mean 'alpha-office'?",
        ),
        (
            'on_behalf_of = "alpha"',
            'on_behalf_of = "nobody"',
            "on_behalf_of: refers to unknown actor 'nobody'",
        ),
        (
            'codes = [{ topic = "water", stance = "keeps" }]',
            'codes = [{ topic = "water", stance = "keeps" }, { topic = "wind" }]',
            "codes[1].topic: refers to unknown topic 'wind'",
        ),
        (
            'invokes = [{ instrument = "pact", provision = "art-1", '
            'reading = "Alpha reads it so." }]',
            'invokes = [{ instrument = "pact" }, { instrument = "pacts" }]',
            "invokes[1].instrument: refers to unknown instrument 'pacts'; did you mean 'pact'?",
        ),
        (
            'citations = [{ source = "notes", quote = "We keep the water." }]',
            'citations = [{ source = "notes", quote = "We keep it." }, '
            '{ source = "diary", quote = "They keep it." }]',
            "citations[1].source: refers to unknown source 'diary'",
        ),
    ],
)
def test_a_statement_refers_to_an_unknown_record(
    write: Write, old: str, new: str, rest: str
) -> None:
    only_problem(write, edit(BASE, old, new), "said", rest)


def test_a_web_source_cited_without_checked(write: Write) -> None:
    text = edit(
        BASE,
        '{ source = "notes", quote = "We keep the water." }',
        '{ source = "web-page", quote = "We keep the water." }',
    )
    message = "a quote from a copy on the web needs the date it was last checked"
    only_problem(write, text, "said", f"citations[0].checked: {message}")
    # a copy read on the web (read_at) needs it too, even of a source with no address
    text = edit(
        BASE,
        '{ source = "notes", quote = "We keep the water." }',
        '{ source = "notes", quote = "We keep the water.", read_at = "https://mirror.example/x" }',
    )
    only_problem(write, text, "said", f"citations[0].checked: {message}")
    # checked: accepted
    text = edit(
        BASE,
        '{ source = "notes", quote = "We keep the water." }',
        '{ source = "web-page", quote = "We keep the water.", checked = 2026-01-01 }',
    )
    assert kr.load([write("checked.toml", text)], include_shipped=False)


def test_checked_before_its_source_was_published(write: Write) -> None:
    text = edit(
        BASE,
        '{ source = "notes", quote = "We keep the water." }',
        '{ source = "notes", quote = "We keep the water.", checked = 2020-05-31 }',
    )
    only_problem(
        write,
        text,
        "said",
        "citations[0].checked: 2020-05-31 is before its source 'notes' was published (2020-06-01)",
    )


def test_a_statement_dated_after_its_source(write: Write) -> None:
    text = edit(BASE, "date = 2020-05-02", "date = 2020-06-02")
    only_problem(
        write,
        text,
        "said",
        "date: 2020-06-02 is after its source 'notes' was published (1 June 2020), "
        "cited at citations[0]",
    )
    # a source known only to its month may have been published on its last day
    month = edit(text, 'publisher = "Me"', 'publisher = "Me"\npublished_precision = "month"')
    assert kr.load([write("month.toml", month)], include_shipped=False)


def test_a_stance_not_on_the_topic_scale(write: Write) -> None:
    text = edit(BASE, 'stance = "keeps" }]', 'stance = "sells" }]')
    path, found = problems(write, text)
    assert found == [
        # the anchor of "keeps" no longer carries its stance either
        f"{at(path, text, 'water')}: scale[1].anchors[0]: statement "
        "'said' is coded 'sells' on this topic, not 'keeps'",
        f"{at(path, text, 'said')}: codes[0].stance: 'sells' is not on the scale of topic "
        "'water' (shares, keeps)",
    ]


def test_a_stance_before_its_topic_opens(write: Write) -> None:
    text = edit(BASE, 'question = "Who gets the water?"', 'question = "Who?"\nopens = 2020-05-03')
    only_problem(
        write,
        text,
        "said",
        "codes[0].stance: topic 'water' opens on 2020-05-03; a statement of 2020-05-02 "
        "can only mention it",
    )
    # a mention before it opens is fine
    mention = edit(text, ', stance = "keeps" }]', " }]").replace(', anchors = ["said"]', "")
    assert kr.load([write("mention.toml", mention)], include_shipped=False)


def test_an_instrument_invoked_before_its_date(write: Write) -> None:
    text = edit(BASE, "date = 2010-01-01\nparties", "date = 2020-05-03\nparties")
    text = edit(text, "{ date = 2010-01-01, status", "{ date = 2020-05-03, status")
    only_problem(
        write,
        text,
        "said",
        "invokes[0].instrument: 'pact' dates from 2020-05-03, after the statement (2020-05-02)",
    )
    # a statement known only to its month may have been made after it: accepted
    month = edit(
        text, 'speaker = "alpha-office"', 'date_precision = "month"\nspeaker = "alpha-office"'
    )
    month = edit(month, "date = 2020-05-02", "date = 2020-05-01")
    assert kr.load([write("month.toml", month)], include_shipped=False)


def test_a_provision_the_instrument_lacks(write: Write) -> None:
    text = edit(BASE, 'provision = "art-1"', 'provision = "art-2"')
    only_problem(write, text, "said", "invokes[0].provision: 'pact' has no provision 'art-2'")


# ------------------------------------------------------------------ anchors


def test_an_anchor_that_is_not_a_statement(write: Write) -> None:
    text = edit(BASE, 'anchors = ["said"]', 'anchors = ["said", "sad"]')
    only_problem(
        write,
        text,
        "water",
        "scale[1].anchors[1]: refers to unknown statement 'sad'; did you mean 'said'?",
    )


def test_an_anchor_that_does_not_carry_its_stance(write: Write) -> None:
    text = edit(
        BASE, 'rules = "Says it shares." }', 'rules = "Says it shares.", anchors = ["said"] }'
    )
    only_problem(
        write,
        text,
        "water",
        "scale[0].anchors[0]: statement 'said' is coded 'keeps' on this topic, not 'shares'",
    )
    mention = edit(BASE, ', stance = "keeps" }]', " }]")
    only_problem(
        write,
        mention,
        "water",
        "scale[1].anchors[0]: statement 'said' is coded 'a mention' on this topic, not 'keeps'",
    )


# ------------------------------------------------------------------ recorded gaps


@pytest.mark.parametrize(
    ("old", "new", "rest"),
    [
        (
            'actor = "beta"',
            'actor = "bet"',
            "actor: refers to unknown actor 'bet'; did you mean 'beta'?",
        ),
        (
            'topic = "water"\nstart',
            'topic = "fire"\nstart',
            "topic: refers to unknown topic 'fire'",
        ),
    ],
)
def test_a_recorded_gap_refers_to_an_unknown_record(
    write: Write, old: str, new: str, rest: str
) -> None:
    only_problem(write, edit(BASE, old, new), "beta-silent", rest)


def test_a_recorded_gap_contradicted_by_a_statement(write: Write) -> None:
    text = edit(BASE, 'actor = "beta"', 'actor = "alpha"')
    text = edit(text, "end = 2019-12-31", "end = 2020-12-31")
    only_problem(
        write,
        text,
        "beta-silent",
        "start: a statement of 'alpha' on 'water' dated 2020-05-02 falls in this period; "
        "remove this record or narrow its period",
    )
    # the statement must speak for the actor: words of another actor do not fill the gap
    other = edit(text, 'on_behalf_of = "alpha"', 'on_behalf_of = "gamma"')
    assert kr.load([write("other.toml", other)], include_shipped=False)


# ------------------------------------------------------------------ instruments


def test_an_instrument_party_that_is_unknown(write: Write) -> None:
    text = edit(BASE, 'parties = ["alpha", "beta"]', 'parties = ["alpha", "nobody"]')
    only_problem(write, text, "pact", "parties[1]: refers to unknown actor 'nobody'")


def test_a_status_declared_by_an_unknown_actor(write: Write) -> None:
    text = edit(BASE, 'status = "signed",', 'status = "signed", declared_by = "nobody",')
    only_problem(
        write, text, "pact", "status_history[0].declared_by: refers to unknown actor 'nobody'"
    )


def test_one_partys_declaration_by_an_actor_that_speaks_for_no_party(write: Write) -> None:
    text = edit(
        BASE,
        STATUS_LINE,
        STATUS_LINE + '  { date = 2025-01-01, status = "in-abeyance", declared_by = "gamma", '
        'condition = "until peace", citation = { source = "notes", quote = "Held." } },\n',
    )
    only_problem(
        write,
        text,
        "pact",
        "status_history[1].declared_by: 'gamma' declares for one party, but speaks for none "
        "of alpha, beta",
    )


# ------------------------------------------------------------------ citations of every kind


@pytest.mark.parametrize(
    ("old", "new", "record", "field"),
    [
        (
            'citations = [{ source = "notes", quote = "The parties agree." }]',
            'citations = [{ source = "noted", quote = "The parties agree." }]',
            "pact",
            "citations[0].source",
        ),
        (
            'citation = { source = "notes", quote = "Signed." }',
            'citation = { source = "noted", quote = "Signed." }',
            "pact",
            "status_history[0].citation.source",
        ),
        (
            'citations = [{ source = "notes", quote = "They met." }]',
            'citations = [{ source = "noted", quote = "They met." }]',
            "meeting",
            "citations[0].source",
        ),
        (
            'citation = { source = "notes", quote = "Ours." }',
            'citation = { source = "noted", quote = "Ours." }',
            "the-river",
            "names[0].citation.source",
        ),
    ],
)
def test_a_citation_of_an_unknown_source(
    write: Write, old: str, new: str, record: str, field: str
) -> None:
    only_problem(
        write,
        edit(BASE, old, new),
        record,
        f"{field}: refers to unknown source 'noted'; did you mean 'notes'?",
    )


def test_a_web_citation_without_checked_in_an_instrument(write: Write) -> None:
    text = edit(
        BASE,
        'citation = { source = "notes", quote = "Signed." }',
        'citation = { source = "web-page", quote = "Signed." }',
    )
    only_problem(
        write,
        text,
        "pact",
        "status_history[0].citation.checked: a quote from a copy on the web needs the date it "
        "was last checked",
    )


# ------------------------------------------------------------------ events and terms


def test_an_event_actor_that_is_unknown(write: Write) -> None:
    text = edit(BASE, 'actors = ["alpha", "beta"]', 'actors = ["alpha", "nobody"]')
    only_problem(write, text, "meeting", "actors[1]: refers to unknown actor 'nobody'")


def test_a_term_name_by_an_unknown_actor(write: Write) -> None:
    text = edit(
        BASE,
        'names = [{ actor = "alpha", name = "Our river"',
        'names = [{ actor = "alpha", name = "Our river", citation = { source = "notes", '
        'quote = "Ours." } }, { actor = "omega", name = "Their river"',
    )
    only_problem(write, text, "the-river", "names[1].actor: refers to unknown actor 'omega'")


# ------------------------------------------------------------------ records that failed


def test_a_reference_to_a_record_that_failed_its_own_checks_is_not_reported(
    write: Write,
) -> None:
    text = edit(BASE, 'name = "Gamma"', 'name = " "')
    text = edit(text, 'actors = ["alpha", "beta"]', 'actors = ["alpha", "gamma"]')
    path, found = problems(write, text)
    assert len(found) == 1
    assert found[0].startswith(f"{at(path, text, 'gamma')}: name: ")


# ------------------------------------------------------------------ the records' own checks

RECORD_CHECKS = {
    "an actor listed twice": (
        'actors = ["alpha", "beta"]',
        'actors = ["alpha", "alpha"]',
        "meeting",
        "actors: lists an id twice: ('alpha', 'alpha')",
    ),
    "a control character in a line": (
        'title = "A meeting"',
        'title = "A\\u0007meeting"',
        "meeting",
        "title: contains the control character U+0007 at offset 1",
    ),
    "an address that is not http(s)": (
        'url = "https://example.org/page"',
        'url = "ftp://example.org/page"',
        "web-page",
        "url: must be an http(s) address, got 'ftp://example.org/page'",
    ),
    "an address with a space": (
        'url = "https://example.org/page"',
        'url = "https://example.org/a page"',
        "web-page",
        "url: must not contain spaces, quotes or angle brackets",
    ),
    "a scale of one stance": (
        '  { value = 0, label = "shares", meaning = "Shares it.", rules = "Says it shares." },\n',
        "",
        "water",
        "scale: needs at least two stances",
    ),
    "a scale out of order": (
        "{ value = 1, label = ",
        "{ value = 2, label = ",
        "water",
        "scale: values must run 0, 1, 2, ... in order, got [0, 2]",
    ),
    "a scale repeating a label": (
        'label = "shares"',
        'label = "keeps"',
        "water",
        "scale: repeats a label: ['keeps', 'keeps']",
    ),
    "a topic coded twice": (
        'codes = [{ topic = "water", stance = "keeps" }]',
        'codes = [{ topic = "water", stance = "keeps" }, { topic = "water" }]',
        "said",
        "codes: codes a topic twice: ['water', 'water']",
    ),
    "a one-party declaration by nobody": (
        'status = "signed",',
        'status = "signed", unilateral = true,',
        "pact",
        "status_history[0].unilateral: needs declared_by: whose declaration is it?",
    ),
    "a provision id twice": (
        '{ id = "art-1", label = "Article 1", text = "The parties agree." }',
        '{ id = "art-1", label = "Article 1", text = "The parties agree." }, '
        '{ id = "art-1", label = "Article 1 again", text = "Again." }',
        "pact",
        "provisions: repeats an id: ['art-1', 'art-1']",
    ),
    "a status history out of order": (
        STATUS_LINE,
        STATUS_LINE + STATUS_LINE.replace("2010-01-01", "2009-06-01"),
        "pact",
        "status_history: must be in date order",
    ),
    "a status before the instrument": (
        "{ date = 2010-01-01, status",
        "{ date = 2009-01-01, status",
        "pact",
        "status_history: starts before the instrument's date 2010-01-01",
    ),
    "a resolution without a number": (
        'kind = "treaty"',
        'kind = "unsc-resolution"',
        "pact",
        "number: is required for a UNSC resolution",
    ),
    "an event ending before it begins": (
        "date = 2020-05-01\n",
        "date = 2020-05-01\nend_date = 2020-04-30\n",
        "meeting",
        "end_date: 2020-04-30 is before date 2020-05-01",
    ),
    "a month-precise date on a day": (
        "date = 2020-05-02\n",
        'date = 2020-05-02\ndate_precision = "month"\n',
        "said",
        "date: 2020-05-02 has month precision, so must be the 1st of the month",
    ),
    "a year-precise date in May": (
        "date = 2020-05-01\n",
        'date = 2020-05-01\ndate_precision = "year"\n',
        "meeting",
        "date: 2020-05-01 has year precision, so must be 1 January",
    ),
}


@pytest.mark.parametrize("case", RECORD_CHECKS)
def test_a_record_that_fails_its_own_check(write: Write, case: str) -> None:
    old, new, record, rest = RECORD_CHECKS[case]
    only_problem(write, edit(BASE, old, new), record, rest)


def test_a_stance_asked_of_a_topic_by_a_label_off_its_scale(write: Write) -> None:
    topic = kr.load([write("mine.toml", BASE)], include_shipped=False).topic("water")
    assert topic.stance("keeps").value == 1
    with pytest.raises(ValueError, match="not on the scale") as caught:
        topic.stance("gives")
    assert str(caught.value) == "stance 'gives' is not on the scale of 'water' (shares, keeps)"


@pytest.mark.parametrize(
    ("start", "end"), [("2020-05-02", "2020-12-31"), ("2019-01-01", "2020-05-02")]
)
def test_a_statement_on_the_first_or_last_day_of_a_recorded_gap(
    write: Write, start: str, end: str
) -> None:
    text = edit(BASE, 'actor = "beta"', 'actor = "alpha"')
    text = edit(text, "start = 2010-01-01\nend = 2019-12-31", f"start = {start}\nend = {end}")
    only_problem(
        write,
        text,
        "beta-silent",
        "start: a statement of 'alpha' on 'water' dated 2020-05-02 falls in this period; "
        "remove this record or narrow its period",
    )


def test_a_source_published_by_an_unknown_actor(write: Write) -> None:
    text = edit(BASE, 'kind = "secondary"\nurl', 'kind = "secondary"\npress_of = "alpah"\nurl')
    only_problem(
        write, text, "web-page", "press_of: refers to unknown actor 'alpah'; did you mean 'alpha'?"
    )


def test_every_anchor_is_checked_after_an_unknown_one(write: Write) -> None:
    text = edit(
        BASE,
        'rules = "Says it shares." }',
        'rules = "Says it shares.", anchors = ["ghost-statement", "said"] }',
    )
    path, found = problems(write, text)
    where = at(path, text, "water")
    assert found == [
        f"{where}: scale[0].anchors[0]: refers to unknown statement 'ghost-statement'",
        f"{where}: scale[0].anchors[1]: statement 'said' is coded 'keeps' on this topic, "
        "not 'shares'",
    ]


# ------------------------------------------------------------------ look-ups across kinds


def test_an_id_used_by_two_kinds(write: Write) -> None:
    text = BASE + '\n[[source]]\nid = "gamma"\ntitle = "G"\npublisher = "Me"\n'
    text += 'published = 2020-06-01\nkind = "primary"\n'
    ending = (
        ": gamma: id: 'gamma' is also the id of source 'gamma': "
        "ids must be unique across kinds"
    )
    reported(write, text, ending)


def test_an_id_that_is_a_resolution_number(write: Write) -> None:
    text = edit(
        BASE, 'id = "pact"\nkind = "treaty"', 'id = "pact"\nkind = "unsc-resolution"\nnumber = 7'
    )
    text += '\n[[actor]]\nid = "7"\nname = "Seven"\nkind = "group"\n'
    ending = ": 7: id: '7' is the number of resolution 'pact': a look-up of it would be ambiguous"
    reported(write, text, ending)


def test_an_id_that_is_another_records_name(write: Write) -> None:
    text = edit(BASE, 'name = "Gamma"\n', 'name = "Gamma"\naliases = ["Delta"]\n')
    text += '\n[[source]]\nid = "delta"\ntitle = "D"\npublisher = "Me"\n'
    text += 'published = 2020-06-01\nkind = "primary"\n'
    ending = (
        ": delta: id: 'delta' is also a name of actor 'gamma': "
        "a look-up of it would be ambiguous"
    )
    reported(write, text, ending)


# ------------------------------------------------------------------ provisions and coverage


def test_a_provision_that_describes_a_copy_no_source_names(write: Write) -> None:
    text = edit(
        BASE,
        'text = "The parties agree." }]',
        'text = "The parties agree.", checked = 2021-01-01 }]',
    )
    reported(write, text, ": pact: provisions[0].checked: describes a copy, but no source names it")


def test_a_text_marked_complete_that_names_missing_parts(write: Write) -> None:
    text = edit(
        BASE, 'title = "The Pact"\n', 'title = "The Pact"\ncomplete = true\nmissing = "Art. 2."\n'
    )
    reported(write, text, ": pact: missing: names missing parts of a text marked complete")
