"""The coding rules page: every topic's scale with the rules a coder applies, and anchors.

Written from the catalogue's topics (the codebook is data, in ``topics.toml``), with each
anchor statement quoted and linked, and how many statements carry each code, so the page
cannot drift from the rules the tests check the data against. Every value shown is
escaped.

>>> import kashmirref as kr
>>> from kashmirref.site.coding import coding_page
>>> "## Plebiscite" in coding_page(kr.load())
True
"""

from __future__ import annotations

from collections import Counter

from kashmirref.catalog import Catalog
from kashmirref.model import STALE_AFTER_YEARS, Topic, format_date
from kashmirref.site.markdown import Writer, escape

__all__ = ["PROCEDURE", "coding_page"]

PROCEDURE = (
    "A statement is coded from its own quoted words (with its venue and date), never from "
    "what its speaker's side is known to believe. For each topic the words speak to, the "
    "coder gives the one stance whose rules the words meet; words that touch a topic but "
    "meet no stance's rules are coded as a mention, which never sets a position. The same "
    "rules apply to every actor: the same kind of words get the same code whoever says "
    "them. Each instrument the words invoke is recorded on the statement, with the clause "
    "where the words name one.",
    "Positions are then derived, never written: as of a date, an actor's stance on a topic "
    "is the one its latest stance-coded statement on record by then expresses, and it "
    "holds until a later statement expresses another. Statements the record cannot put in "
    "order (one dated only to a year or month that contains the other's date) are taken "
    "together, so both stances are shown. A stance last stated more than "
    f"{STALE_AFTER_YEARS} years before the date asked is marked as not restated since.",
)
"""The coding procedure in plain words (the Methodology page says the same at length)."""


def _counts(catalog: Catalog) -> Counter[tuple[str, str | None]]:
    return Counter((c.topic, c.stance) for s in catalog.statements() for c in s.codes)


def _topic(w: Writer, topic: Topic, counts: Counter[tuple[str, str | None]]) -> list[str]:
    lines = [f"## {escape(topic.title)} {{#{topic.id}}}", "", f"> {escape(topic.question)}", ""]
    if topic.note:
        lines += [escape(topic.note), ""]
    if topic.opens is not None:
        lines += [
            f"Opens on {format_date(topic.opens)}: a statement made before then can only "
            "mention this topic.",
            "",
        ]
    lines += [f"Topic page: {w.link(topic)}. Scale, from value 0:", ""]
    for stance in topic.scale:
        lines += [
            f"### {stance.value}. `{stance.label}` {{#{topic.id}-{stance.label}}}",
            "",
            f"**Meaning.** {escape(stance.meaning)}",
            "",
            f"**Rules.** {escape(stance.rules)}",
            "",
            f"Statements coded so: {counts[(topic.id, stance.label)]}.",
            "",
        ]
        if stance.anchors:
            lines += ["**Anchors:**", ""]
            lines += [f"- {w.statement(w.catalog.statement(a))}" for a in stance.anchors]
            lines.append("")
        else:
            lines += ["*No anchor: no statement in the record is coded so.*", ""]
    lines += [f"Mentions of this topic: {counts[(topic.id, None)]}.", ""]
    return lines


def coding_page(catalog: Catalog) -> str:
    """The coding rules as a Markdown page: the procedure, then every topic's scale."""
    w = Writer(catalog, "coding.md")
    counts = _counts(catalog)
    lines = ["# Coding rules", "", *(f"{escape(p)}\n" for p in PROCEDURE)]
    lines += [
        "Every stance below carries its rules (what counts, what does not, how to tell it "
        "from its neighbours) and anchor statements coded with it, from both sides where "
        "the record has them. The rules are the catalogue's own data (`topics.toml`); the "
        "tests check that every anchor carries its stance and that no statement is coded "
        "with a stance before its topic opens.",
        "",
    ]
    for topic in catalog.topics():
        lines += _topic(w, topic, counts)
    return "\n".join(lines) + "\n"
