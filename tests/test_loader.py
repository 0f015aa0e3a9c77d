"""Loading TOML/JSON: round trips, referential integrity, and exact error messages."""

import contextlib
import gc
import json
from pathlib import Path

import pytest

import kashmirref as kr

STATEMENT = """
[[statement]]
id = "my-statement"
date = 2025-05-12
speaker = "pakistan"
on_behalf_of = "pakistan"
form = "direct"
codes = [{ topic = "third-party-mediation", stance = "seeks" }]
invokes = [{ instrument = "simla-1972", provision = "para-1-i", reading = "Pakistan reads it so." }]
citations = [{ source = "my-source", quote = "Our words." }]

[[source]]
id = "my-source"
title = "My notes"
publisher = "Me"
published = 2025-05-13
kind = "secondary"
"""


def problems(paths: list[Path], *, include_shipped: bool = True) -> list[str]:
    with pytest.raises(kr.DataError) as caught:
        kr.load(paths, include_shipped=include_shipped)
    return [str(p) for p in caught.value.problems]


def test_load_is_cached() -> None:
    assert kr.load() is kr.load()


def test_user_file_adds_records(write) -> None:  # type: ignore[no-untyped-def]
    catalog = kr.load([write("mine.toml", STATEMENT)])
    assert catalog.statement("my-statement").text == "Our words."
    assert len(catalog) == len(kr.load()) + 2


def test_user_file_alone(write) -> None:  # type: ignore[no-untyped-def]
    text = STATEMENT.replace('"pakistan"', '"me"').split("codes =")[0]
    text += 'citations = [{ source = "my-source", quote = "Our words." }]\n'
    text += STATEMENT.split("[[source]]")[1].join(["[[source]]", ""])
    text += '\n[[actor]]\nid = "me"\nname = "Me"\nkind = "person"\n'
    catalog = kr.load([write("mine.toml", text)], include_shipped=False)
    assert [a.id for a in catalog.actors()] == ["me"]


def test_shipped_dump_load_equal(catalog: kr.Catalog, write) -> None:  # type: ignore[no-untyped-def]
    text = catalog.to_json()
    again = kr.load([write("dump.json", text)], include_shipped=False)
    assert again == catalog
    assert again.to_json() == text  # dump -> load -> dump is byte-identical


def test_unknown_field_is_reported_not_dropped(write) -> None:  # type: ignore[no-untyped-def]
    path = write("mine.toml", STATEMENT.replace('form = "direct"', 'form = "direct"\nvenu = "x"'))
    assert problems([path]) == [f"{path}:3: my-statement: venu: unknown field (check its spelling)"]


def test_missing_field(write) -> None:  # type: ignore[no-untyped-def]
    path = write("mine.toml", STATEMENT.replace('form = "direct"\n', ""))
    assert problems([path]) == [f"{path}:3: my-statement: form: required field is missing"]


def test_wrong_type_is_not_coerced(write) -> None:  # type: ignore[no-untyped-def]
    path = write("mine.toml", STATEMENT.replace('publisher = "Me"', "publisher = 5"))
    [message] = problems([path])
    assert message == f"{path}:13: my-source: publisher: expected str, got int 5"


def test_string_where_list_belongs(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "mine.toml",
        STATEMENT.replace(
            'codes = [{ topic = "third-party-mediation", stance = "seeks" }]',
            'codes = "third-party-mediation"',
        ),
    )
    [message] = problems([path])
    assert "my-statement: codes: expected a list" in message


def test_a_file_of_the_old_format_is_told_how_to_convert(write) -> None:  # type: ignore[no-untyped-def]
    old = STATEMENT.replace(
        'codes = [{ topic = "third-party-mediation", stance = "seeks" }]',
        'topics = ["third-party-mediation"]',
    )
    old += '\n[[position]]\nid = "p"\nactor = "pakistan"\n'
    path = write("old.toml", old)
    found = problems([path])
    assert any(
        "my-statement: topics: no longer used (data version 2)" in m and "codes = [" in m
        for m in found
    ), found
    assert any("position: positions are no longer written (data version 2)" in m for m in found)
    assert all("docs/your-data.md" in m for m in found)


def test_bad_date(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "mine.json",
        json.dumps(
            {
                "source": [
                    {
                        "id": "s",
                        "title": "T",
                        "publisher": "P",
                        "published": "2025-02-30",
                        "kind": "primary",
                    }
                ]
            }
        ),
    )
    [message] = problems([path])
    assert message.startswith(f"{path}:1: s: published:")
    assert "day is out of range" in message


def test_enum_lists_choices(write) -> None:  # type: ignore[no-untyped-def]
    path = write("mine.toml", STATEMENT.replace('form = "direct"', 'form = "quoted"'))
    [message] = problems([path])
    assert message.endswith("form: 'quoted' is not one of 'direct', 'reported', 'document'")


def test_every_problem_is_reported(write) -> None:  # type: ignore[no-untyped-def]
    text = STATEMENT.replace('form = "direct"', 'form = "quoted"').replace(
        'publisher = "Me"', "publisher = 5"
    )
    assert len(problems([write("mine.toml", text)])) == 2


def test_nothing_is_half_loaded(write) -> None:  # type: ignore[no-untyped-def]
    """A load that fails leaves no record behind: the next load of the good file alone
    has exactly its own records, and the bad file's valid ones appear nowhere."""
    good = write("good.toml", '[[actor]]\nid = "good-group"\nname = "Good"\nkind = "group"\n')
    bad = write(
        "bad.toml",
        '[[actor]]\nid = "fine-group"\nname = "Fine"\nkind = "group"\n'
        '\n[[actor]]\nid = "broken-group"\nname = ""\nkind = "group"\n',
    )
    assert problems([good, bad], include_shipped=False) == [
        f"{bad}:7: broken-group: name: must not be empty"
    ]
    alone = kr.load([good], include_shipped=False)
    assert [a.id for a in alone.actors()] == ["good-group"]
    with_shipped = kr.load([good])
    assert len(with_shipped) == len(kr.load()) + 1
    assert "fine-group" not in {a.id for a in with_shipped.actors()}
    assert problems([bad, good], include_shipped=False) == [
        f"{bad}:7: broken-group: name: must not be empty"
    ]


def test_toml_syntax_error_has_line_and_column(write) -> None:  # type: ignore[no-untyped-def]
    path = write("mine.toml", '[[actor]]\nid = "x\n')
    [message] = problems([path])
    assert message.startswith(f"{path}:2:")


def test_json_syntax_error_has_line_and_column(write) -> None:  # type: ignore[no-untyped-def]
    path = write("mine.json", '{"actor": [\n  {"id": }\n]}')
    assert problems([path]) == [f"{path}:2:10: Expecting value"]


def test_unknown_kind(write) -> None:  # type: ignore[no-untyped-def]
    path = write("mine.toml", '[[actors]]\nid = "x"\n')
    [message] = problems([path])
    assert message.startswith(f"{path}: actors: unknown kind; use one of actor, source")


def test_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_bytes(b'[[actor]]\nname = "\xff"\n')
    assert problems([path]) == [f"{path}:2: file is not valid UTF-8"]


def test_not_a_regular_file(tmp_path: Path) -> None:
    assert problems([tmp_path]) == [f"{tmp_path}: not a regular file"]
    assert problems([tmp_path / "absent.toml"]) == [f"{tmp_path / 'absent.toml'}: no such file"]


def test_oversize_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kashmirref import io

    path = tmp_path / "big.toml"
    path.write_text("# " + "x" * 100, encoding="utf-8")
    monkeypatch.setattr(io, "MAX_FILE_BYTES", 50)
    assert problems([path]) == [f"{path}: file is 102 bytes; the limit is 50"]


def test_wrong_suffix(write) -> None:  # type: ignore[no-untyped-def]
    path = write("mine.yaml", "actor: []")
    assert problems([path]) == [f"{path}: data files must end in .toml or .json"]


# -------------------------------------------------------------- referential integrity


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ('speaker = "pakistan"', 'speaker = "pakistn"'),
            "my-statement: speaker: refers to unknown actor 'pakistn'",
        ),
        (
            ('on_behalf_of = "pakistan"', 'on_behalf_of = "nobody"'),
            "my-statement: on_behalf_of: refers to unknown actor 'nobody'",
        ),
        (
            ('topic = "third-party-mediation"', 'topic = "mediation"'),
            "my-statement: codes[0].topic: refers to unknown topic 'mediation'",
        ),
        (
            ('stance = "seeks"', 'stance = "loves"'),
            "my-statement: codes[0].stance: 'loves' is not on the scale of topic "
            "'third-party-mediation' (declines, with-consent-of-both, seeks)",
        ),
        (
            ('instrument = "simla-1972"', 'instrument = "simla-1973"'),
            "my-statement: invokes[0].instrument: refers to unknown instrument 'simla-1973'; "
            "did you mean 'simla-1972'?",
        ),
        (
            ('provision = "para-1-i"', 'provision = "para-9"'),
            "my-statement: invokes[0].provision: 'simla-1972' has no provision 'para-9'",
        ),
        (
            ('instrument = "simla-1972"', 'instrument = "indus-waters-1960"'),
            "my-statement: invokes[0].provision: 'indus-waters-1960' has no provision 'para-1-i'",
        ),
        (
            ('source = "my-source"', 'source = "their-source"'),
            "my-statement: citations[0].source: refers to unknown source 'their-source'",
        ),
        (
            ("published = 2025-05-13", "published = 2025-05-11"),
            "my-statement: date: 2025-05-12 is after its source 'my-source' was published",
        ),
    ],
)
def test_dangling_references(write, change: tuple[str, str], expected: str) -> None:  # type: ignore[no-untyped-def]
    path = write("mine.toml", STATEMENT.replace(*change))
    [message] = problems([path])
    assert message.startswith(f"{path}:3: {expected}")


def test_an_instrument_is_never_invoked_before_it_exists(write) -> None:  # type: ignore[no-untyped-def]
    early = STATEMENT.replace("date = 2025-05-12", "date = 1972-07-01").replace(
        "published = 2025-05-13", "published = 1972-07-01"
    )
    [message] = problems([write("mine.toml", early)])
    assert message.endswith(
        "my-statement: invokes[0].instrument: 'simla-1972' dates from 1972-07-02, "
        "after the statement (1972-07-01)"
    )
    # a statement dated to the month may have been made after the instrument: accepted
    month = early.replace("on_behalf_of", 'date_precision = "month"\non_behalf_of')
    assert kr.load([write("month.toml", month)]).statement("my-statement").invokes


def test_a_stance_before_its_topic_opens_is_refused(write) -> None:  # type: ignore[no-untyped-def]
    early = (
        STATEMENT.replace(
            'codes = [{ topic = "third-party-mediation", stance = "seeks" }]',
            'codes = [{ topic = "article-370", stance = "rejects-changes" }]',
        )
        .replace("invokes = [", "invokes_ = [")
        .replace("date = 2025-05-12", "date = 2019-08-04")
    )
    early = early.replace("\ninvokes_ = [", "\n#")
    [message] = problems([write("mine.toml", early)])
    assert message.endswith(
        "my-statement: codes[0].stance: topic 'article-370' opens on 2019-08-05; a statement "
        "of 2019-08-04 can only mention it"
    )


def test_duplicate_ids_within_and_across_files(write) -> None:  # type: ignore[no-untyped-def]
    first = write("a.toml", STATEMENT)
    second = write("b.toml", STATEMENT)
    found = problems([first, second])
    assert (
        f"{second}:3: my-statement: id: duplicate statement id; first defined at {first}:3" in found
    )
    clash = write("c.toml", '[[actor]]\nid = "india"\nname = "India"\nkind = "state"\n')
    [message] = problems([clash])
    assert message.startswith(f"{clash}:2: india: id: duplicate actor id; first defined at")
    assert "kashmirref/data/actors.toml" in message


def test_a_recorded_gap_contradicted_by_a_statement(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "mine.toml",
        STATEMENT
        + """
[[no_position]]
id = "nothing-found"
actor = "pakistan"
topic = "third-party-mediation"
start = 2025-01-01
end = 2025-12-31
searched = "Foreign Office briefings"
checked = 2026-01-01
""",
    )
    [message] = problems([path])
    assert message.startswith(f"{path}:20: nothing-found: start: a statement of 'pakistan' on ")
    assert message.endswith("falls in this period; remove this record or narrow its period")


def test_loading_pauses_the_garbage_collector_and_restores_it(write) -> None:  # type: ignore[no-untyped-def]
    good = write("good.toml", STATEMENT)
    bad = write("bad.toml", STATEMENT.replace("2025-05-12", "2025-13-12"))
    assert gc.isenabled()
    for path in (good, bad):
        with contextlib.suppress(kr.DataError):
            kr.load([path])
        assert gc.isenabled()
    gc.disable()
    try:
        kr.load([good])
        assert not gc.isenabled()  # a program that turned it off keeps it off
    finally:
        gc.enable()
