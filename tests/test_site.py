"""The generated site: every page's links resolve, tables hold together, figures are
self-contained SVG, and a record added to the data shows up with no page edited."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import xml.etree.ElementTree as ET

import attrs
import pytest
from hypothesis import given, settings

import kashmirref as kr
from kashmirref import strategies as krst
from kashmirref.catalog import build
from kashmirref.site import PARTIES, Page, figures, pages
from kashmirref.site.markdown import escape

LINK = re.compile(r"(?<!\\)\]\(([^)\s]+)\)")
HREF = re.compile(r'href="([^"]+)"')
ANCHOR = re.compile(r'\{#([^}\s]+)\}|id="([^"]+)"')
CELL_BREAK = re.compile(r"(?<!\\)\|")
SVG = "{http://www.w3.org/2000/svg}"


def _anchors(page: Page) -> set[str]:
    return {a or b for a, b in ANCHOR.findall(page.text)}


def _broken_links(site: dict[str, Page]) -> list[str]:
    """Every link on every page whose page or anchor does not exist."""
    broken = []
    anchors: dict[str, set[str]] = {}  # each page's anchors, read once
    for page in site.values():
        targets = LINK.findall(page.text)
        targets += [h.replace(".html", ".md") for h in HREF.findall(page.text)]
        for target in targets:
            if target.startswith(("https://", "http://")):
                continue  # another host: not part of the site
            path, _, fragment = target.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), path))
            found = site.get(resolved if path else page.path)
            if found is not None and fragment and found.path not in anchors:
                anchors[found.path] = _anchors(found)
            if found is None or (fragment and fragment not in anchors[found.path]):
                broken.append(f"{page.path}: {target}")
    return broken


def _ragged_tables(page: Page) -> list[str]:
    """Table rows whose number of cells differs from their table's header."""
    ragged, width = [], 0
    for line in page.text.splitlines():
        if not line.startswith("|"):
            width = 0
            continue
        cells = len(CELL_BREAK.split(line))
        width = width or cells
        if cells != width:
            ragged.append(line)
    return ragged


@pytest.fixture(scope="module")
def site(catalog: kr.Catalog) -> dict[str, Page]:
    return {page.path: page for page in pages(catalog)}


def test_a_page_for_every_topic_instrument_and_actor(
    catalog: kr.Catalog, site: dict[str, Page]
) -> None:
    expected = (
        {f"topics/{t.id}.md" for t in catalog.topics()}
        | {f"instruments/{i.id}.md" for i in catalog.instruments()}
        | {f"actors/{a.id}.md" for a in catalog.actors()}
    )
    assert expected <= site.keys()
    overviews = {"stances.md", "compare.md", "timeline.md", "terms.md", "sources.md"}
    overviews |= {"coding.md", "codebook.md"}
    assert overviews <= site.keys()
    assert len(site) == len(expected) + len(overviews) + 3  # section indexes


def test_shipped_site_has_no_broken_link_or_ragged_table(site: dict[str, Page]) -> None:
    assert _broken_links(site) == []
    assert [row for page in site.values() for row in _ragged_tables(page)] == []


def test_topic_page_sets_the_parties_side_by_side(site: dict[str, Page]) -> None:
    text = site["topics/third-party-mediation.md"].text
    side_by_side = text.split("## Where the parties stand")[1]
    header = next(line for line in side_by_side.splitlines() if line.startswith("| "))
    assert header == "|  | [India](../actors/india.md) | [Pakistan](../actors/pakistan.md) |"
    assert "**declines**" in text and "**seeks**" in text
    assert "**diverge** (gap 2 of 2 possible)" in text
    assert "Relation as of 4 January 2026, the record's latest date" in text
    assert "last stated 18 June 2025" in text
    # evidence is quoted and linked to its source
    assert "(../sources.md#mea-2019-07-23-eam-statement-mediation)" in text


def test_no_position_record_is_shown(catalog: kr.Catalog) -> None:
    tables: dict[str, tuple[object, ...]] = dict(catalog.tables())
    tables["statement"] = tuple(
        attrs.evolve(s, codes=tuple(c for c in s.codes if c.topic != "unmogip-role"))
        if s.on_behalf_of == "india"
        else s
        for s in catalog.statements()
    )
    tables["topic"] = tuple(
        attrs.evolve(t, scale=tuple(attrs.evolve(s, anchors=()) for s in t.scale))
        for t in catalog.topics()
    )
    tables["no_position"] = (
        kr.NoPositionFound(
            id="india-unmogip-role-not-found",
            actor="india",
            topic="unmogip-role",
            start=dt.date(1948, 8, 13),
            end=dt.date(2026, 1, 4),
            searched="Everything, for this test.",
            checked=dt.date(2026, 11, 29),
        ),
    )
    site = {page.path: page for page in pages(build(tables, {}))}
    text = " ".join(site["topics/unmogip-role.md"].text.split())
    assert "*Not found in the sources searched (13 August 1948 \u2013 4 January 2026" in text
    assert "Everything, for this test." in text
    assert "not found (searched)" in site["stances.md"].text


def test_instrument_page_has_verbatim_provisions_and_who_invokes_them(
    catalog: kr.Catalog, site: dict[str, Page]
) -> None:
    text = site["instruments/simla-1972.md"].text
    provision = catalog.instrument("simla-1972").provision("para-1-ii")
    assert f"> {escape(provision.text)}" in text
    invocations = [
        i for s in catalog.citing("simla-1972") for i in s.invokes if i.instrument == "simla-1972"
    ]
    assert len(invocations) >= 10
    assert f"## Who invokes it, when ({len(invocations)})" in text
    assert all(escape(i.reading) in text for i in invocations if i.reading)
    assert "[Paragraph 4(ii)" in text and "](#para-4-ii)" in text
    iwt = site["instruments/indus-waters-1960.md"].text
    assert "| 23 April 2025 | in-abeyance | [India](../actors/india.md) |" in iwt


def test_sources_page_lists_what_cites_each_source(
    catalog: kr.Catalog, site: dict[str, Page]
) -> None:
    text = site["sources.md"].text
    for source in catalog.sources():
        assert f"{{#{source.id}}}" in text
    assert "Cited by: ;" not in text and "Cited by: ." not in text


def test_figures_are_self_contained_svg(catalog: kr.Catalog) -> None:
    drawn = figures(catalog)
    grid = ET.fromstring(drawn["figures/stance-grid.svg"])
    cells = [r for r in grid.iter(f"{SVG}rect") if r.get("rx") == "4"]
    assert len(cells) == len(catalog.topics()) * len(PARTIES)
    # every other actor's current stance is there too, each linked with its own tooltip
    held = {(p.actor, p.topic) for p in catalog.positions(as_of=catalog.latest)}
    others = [pair for pair in held if pair[0] not in PARTIES]
    tips = [t.text or "" for t in grid.iter(f"{SVG}title")]
    for actor, topic in others:
        said = f"{catalog.actor(actor).name} on {catalog.topic(topic).title}: "
        assert any(tip.startswith(said) for tip in tips), said
    line = ET.fromstring(drawn["figures/timeline.svg"])
    marks = [a for a in line.iter(f"{SVG}a")]
    assert len(marks) == len(catalog.timeline())
    for markup in drawn.values():
        assert "<script" not in markup and "@import" not in markup
        assert all(not h.startswith(("http:", "https:", "//")) for h in HREF.findall(markup))


MORE_DATA = """
[[source]]
id = "my-notes"
title = "My notes"
publisher = "Me"
published = 2025-06-01
kind = "secondary"

[[statement]]
id = "china-mediation-2025"
date = 2025-06-01
speaker = "china"
on_behalf_of = "china"
form = "reported"
codes = [{ topic = "third-party-mediation", stance = "seeks" }]
invokes = [{ instrument = "un-charter-art-33", reading = "China reads it as a call to help." }]
citations = [{ source = "my-notes", quote = "A | quoted *offer* <b>here</b>." }]
"""


def test_adding_a_position_changes_the_site(catalog: kr.Catalog, write) -> None:  # type: ignore[no-untyped-def]
    grown_catalog = kr.load(paths=[write("more.toml", MORE_DATA)])
    before = {page.path: page.text for page in pages(catalog)}
    grown = {page.path: page for page in pages(grown_catalog)}
    topic = grown["topics/third-party-mediation.md"].text
    assert "[China](../actors/china.md) | **seeks**" in topic
    assert "A \\| quoted \\*offer\\* &lt;b&gt;here&lt;/b&gt;." in topic
    assert "| [Third-party mediation](../topics/third-party-mediation.md) | **seeks** |" in (
        grown["actors/china.md"].text
    )
    assert "China reads it as a call to help." in grown["instruments/un-charter-art-33.md"].text
    assert _broken_links(grown) == []
    assert [row for page in grown.values() for row in _ragged_tables(page)] == []
    unchanged = {p for p, text in before.items() if grown[p].text == text}
    assert "topics/third-party-mediation.md" not in unchanged
    assert "topics/article-370.md" in unchanged


@settings(max_examples=30)
@given(krst.catalogs(max_actors=4, max_positions=4, max_statements=3, max_events=2, max_terms=2))
def test_any_valid_catalogue_builds_a_site_with_working_links(catalog: kr.Catalog) -> None:
    parties = tuple(actor.id for actor in catalog.actors()[:2])
    site = {page.path: page for page in pages(catalog, parties)}
    assert _broken_links(site) == []
    assert [row for page in site.values() for row in _ragged_tables(page)] == []
    for position in catalog.positions():
        assert f"**{position.stance}**" in site[f"topics/{position.topic}.md"].text
        assert f"**{position.stance}**" in site[f"actors/{position.actor}.md"].text
    for markup in figures(catalog, parties).values():
        ET.fromstring(markup)


def test_an_instrument_page_gives_each_clause_its_copy_and_who_invoked_it(
    catalog: kr.Catalog, site: dict[str, Page]
) -> None:
    text = site["instruments/unsc-47.md"].text
    clause = text[text.index("### Part A, paragraph 1 (a) {#a-1-a}") :]
    clause = clause[: clause.index("\n### ")]
    assert "[India](../actors/india.md) ([24 March 2025](" in clause and "Invoked by: " in clause
    assert "[Jammu and Kashmir National Conference](" in clause and "October 2015" in clause
    assert "Not recorded: Part B paragraphs 4 to 9" in text
    uncip = site["instruments/uncip-1949-01-05.md"].text
    first = uncip[uncip.index("### Paragraph 1 {#para-1}") :]
    assert "Read in: [" in first[: first.index("\n### ")]
    whole = site["instruments/unsc-214.md"].text
    assert "The provisions below hold its whole operative text" in whole
