"""The figures: no side has a colour of its own, every topic and instrument page has its
figure, dates are drawn no more precisely than known, and no label runs past an edge."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kashmirref as kr
from kashmirref import strategies as krst
from kashmirref.comparison import relation_between
from kashmirref.site import PARTIES, Page, figures, history, pages, svg
from kashmirref.site.drawing import (
    FONT_SIZE,
    RELATION_COLOURS,
    fit,
    text_extent,
    text_width,
    wrap,
)
from kashmirref.site.links import html_href, page_path

SVG = "{http://www.w3.org/2000/svg}"
FIGURE = re.compile(r"<svg .*?</svg>", re.S)


def _outside(markup: str) -> list[str]:
    """Every text element whose estimated extent is not inside the figure's viewBox."""
    root = ET.fromstring(markup)
    _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
    base = float(root.get("font-size", FONT_SIZE))
    found = []
    for element in root.iter(f"{SVG}text"):
        label = element.text or ""
        left, top, right, bottom = text_extent(
            float(element.get("x", 0)),
            float(element.get("y", 0)),
            label,
            anchor=element.get("text-anchor", "start"),
            size=float(element.get("font-size", base)),
            bold=element.get("font-weight") == "600",
        )
        if left < 0 or top < 0 or right > width + 0.01 or bottom > height + 0.01:
            found.append(f"{label!r} at ({left:.0f}, {top:.0f})-({right:.0f}, {bottom:.0f})")
    return found


def _page_figures(site: dict[str, Page]) -> dict[str, list[str]]:
    return {path: FIGURE.findall(page.text) for path, page in site.items()}


@pytest.fixture(scope="module")
def site(catalog: kr.Catalog) -> dict[str, Page]:
    return {page.path: page for page in pages(catalog)}


def test_grid_colours_the_pair_never_a_side(catalog: kr.Catalog) -> None:
    others = ["united-states"]
    grid = ET.fromstring(svg.stance_grid(catalog, PARTIES, lambda r: "#", others))
    cells = [r for r in grid.iter(f"{SVG}rect") if r.get("rx") == "4"]
    width = len(PARTIES) + len(others)
    rows = [cells[i : i + width] for i in range(0, len(cells), width)]
    assert len(rows) == len(catalog.topics())
    for topic, row in zip(catalog.topics(), rows, strict=True):
        sides = kr.compare(catalog, *PARTIES, topics=[topic.id]).rows[0]
        relation = relation_between(topic, sides.a.stance, sides.b.stance)[0]
        fills = [cell.get("fill") for cell in row]
        stated = [
            fill for fill, side in zip(fills, (sides.a, sides.b), strict=False) if side.stance
        ]
        # both parties' cells carry the colour of their relation, whatever their stances
        assert set(stated) <= {RELATION_COLOURS[relation]}
        assert all(fill == "#ffffff" for fill in fills[2:])  # other actors: no colour
    # the same picture with the sides swapped: colours do not follow a side
    swapped = ET.fromstring(svg.stance_grid(catalog, PARTIES[::-1], lambda r: "#", others))
    again = [r.get("fill") for r in swapped.iter(f"{SVG}rect") if r.get("rx") == "4"]
    assert sorted(map(str, again)) == sorted(str(c.get("fill")) for c in cells)


def test_stances_page_says_what_the_colours_mean(site: dict[str, Page]) -> None:
    text = site["stances.md"].text
    assert "Colour carries no judgement of either stance" in text
    for word in ("agree", "partially agree", "diverge", "one side silent"):
        assert f"- {word}: " in text
    desc = ET.fromstring(FIGURE.findall(text)[0]).find(f"{SVG}desc")
    assert desc is not None and "no judgement" in (desc.text or "")


def test_every_topic_and_instrument_page_has_a_described_figure(
    catalog: kr.Catalog, site: dict[str, Page]
) -> None:
    found = _page_figures(site)
    paths = [page_path(t) for t in catalog.topics()]
    paths += [page_path(i) for i in catalog.instruments()]
    for path in paths:
        [markup] = found[path]
        root = ET.fromstring(markup)
        assert root.get("role") == "img"
        title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
        assert title is not None and title.text and desc is not None and desc.text
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert "\n| " in site[path].text  # the same facts as a table


def test_imprecise_dates_are_drawn_as_such(catalog: kr.Catalog, site: dict[str, Page]) -> None:
    # India's call for a plebiscite is first evidenced by words known only to the year
    # 1949: the axis says 1949, the bar starts with a striped year, and no invented day
    # or month appears
    [position] = [
        p for p in catalog.positions("india", "plebiscite") if p.valid_from.year == 1949
    ]
    assert position.valid_from_precision is kr.Precision.YEAR
    [markup] = _page_figures(site)["topics/plebiscite.md"]
    labels = [t.text for t in ET.fromstring(markup).iter(f"{SVG}text")]
    assert "1949" in labels
    assert not any(label and "Jan 1949" in label for label in labels)
    assert "-hatch-" in markup
    assert "India on Plebiscite: calls-for (1949 \u2013 16 August 1950)" in markup


def test_one_day_spans_stay_visible(catalog: kr.Catalog) -> None:
    topic = catalog.topic("loc-ceasefire")
    until = history.horizon(catalog)
    root = ET.fromstring(history.topic_figure(catalog, topic, PARTIES, lambda r: "#", until))
    partial = RELATION_COLOURS[kr.Relation.PARTIAL]
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("fill") == partial]
    assert bars  # 20 September - 25 October 1965 and 24 November 2003
    assert all(float(bar.get("width", 0)) >= 10 for bar in bars)


def test_instrument_figure_shows_declarations_apart_and_who_invokes_what(
    catalog: kr.Catalog,
) -> None:
    simla = catalog.instrument("simla-1972")
    declared = attrs.evolve(
        simla.status_history[0],
        date=dt.date(2025, 4, 24),
        status=kr.model.InstrumentStatus.IN_ABEYANCE,
        declared_by="pakistan",
        condition="till India desists from its evident behaviour",
    )
    changed = attrs.evolve(simla, status_history=(*simla.status_history, declared))
    until = history.horizon(catalog)
    markup = history.instrument_figure(catalog, changed, lambda r: "#", until)
    root = ET.fromstring(markup)
    labels = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert "Declared by Pakistan" in labels
    assert "in abeyance, on a condition" in labels
    tips = " ".join(t.text or "" for t in root.iter(f"{SVG}title") if t.get("id") is None)
    assert "signed from 2 Jul 1972" in tips  # the recorded status is unchanged
    assert "on a condition: till India desists" in tips
    assert tips.count(" invokes ") == sum(
        i.instrument == "simla-1972" for s in catalog.citing("simla-1972") for i in s.invokes
    )
    assert _outside(markup) == []


def test_shipped_figures_keep_every_label_inside(
    catalog: kr.Catalog, site: dict[str, Page]
) -> None:
    drawn = [m for found in _page_figures(site).values() for m in found]
    drawn += list(figures(catalog).values())
    assert len(drawn) >= len(catalog.topics()) + len(catalog.instruments()) + 2
    assert {i: o for i, m in enumerate(drawn) if (o := _outside(m))} == {}


_LONG = st.text(
    # wide Latin letters, accents, CJK, Arabic, dashes, quotes and markup characters
    alphabet=st.sampled_from(
        "WMmw@ KkéŠ\u6f22\u5b57\u0627\u0631\u062f\u0648 \u03a9"
        "\u2013\u2014\u201c\u201d'<>&\"abcdefghijklmnop"
    ),
    min_size=40,
    max_size=140,
).map(lambda tail: "W" + tail)


@st.composite
def long_named_catalogs(draw: st.DrawFn) -> kr.Catalog:
    """Generated catalogues whose names and titles are long and wide."""
    catalog = draw(
        krst.catalogs(max_actors=4, max_topics=2, max_instruments=2, max_positions=5, max_events=2)
    )
    long = draw(_LONG)

    def longer(value: str) -> str:
        return f"{value} {long}"[: draw(st.integers(20, 180))]

    return kr.Catalog(
        actors=tuple(attrs.evolve(a, name=longer(a.name)) for a in catalog.actors()),
        sources=catalog.sources(),
        topics=tuple(attrs.evolve(t, title=longer(t.title)) for t in catalog.topics()),
        instruments=tuple(attrs.evolve(i, title=longer(i.title)) for i in catalog.instruments()),
        events=tuple(attrs.evolve(e, title=longer(e.title)) for e in catalog.events()),
        statements=catalog.statements(),
        no_positions=catalog.no_positions(),
        terms=catalog.terms(),
    )


@settings(max_examples=40)
@given(long_named_catalogs())
def test_no_label_runs_past_a_figure_edge(catalog: kr.Catalog) -> None:
    parties = tuple(actor.id for actor in catalog.actors()[:2])
    until = history.horizon(catalog)
    drawn = list(figures(catalog, parties).values())
    for topic in catalog.topics():
        path = page_path(topic)
        href = lambda r, path=path: html_href(path, r)  # noqa: E731
        drawn.append(history.topic_figure(catalog, topic, parties, href, until))
    for instrument in catalog.instruments():
        drawn.append(history.instrument_figure(catalog, instrument, lambda r: "#", until))
    for markup in drawn:
        assert _outside(markup) == []


@given(_LONG, st.floats(0, 400), st.sampled_from([11.0, 12.0, 13.0]), st.booleans())
def test_fit_and_wrap_stay_within_their_width(
    label: str, width: float, size: float, bold: bool
) -> None:
    assert text_width(fit(label, width, size, bold=bold), size, bold=bold) <= width
    for line in wrap(label, width, size, bold=bold, lines=3):
        assert text_width(line, size, bold=bold) <= width
    assert len(wrap(label, width, size, bold=bold, lines=3)) <= 3


@given(st.lists(krst.dates(), min_size=1, max_size=30), st.floats(0, 300))
def test_axis_keeps_dates_in_order_and_inside(dates: list[dt.date], left: float) -> None:
    axis = history.Axis.build(dates, left, left + 500)
    xs = [axis.x(d) for d in sorted(dates)]
    assert xs == sorted(xs)
    assert all(left - 1e-6 <= x <= left + 500 + 1e-6 for x in xs)
    assert axis.right == pytest.approx(left + 500)


def test_the_check_itself_sees_a_clipped_label() -> None:
    clipped = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20">'
    clipped += '<text x="95" y="15">a date</text><text x="4" y="15">ok</text></svg>'
    assert _outside(clipped) == ["'a date' at (95, 3)-(140, 19)"]
