"""The figures: no side has a colour of its own, every topic and instrument page has its
figure, dates are drawn no more precisely than known, and no label runs past an edge."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import xml.etree.ElementTree as ET

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kashmirref as kr
from kashmirref import strategies as krst
from kashmirref.comparison import relation_between
from kashmirref.site import PARTIES, Page, charts, figures, history, pages, svg
from kashmirref.site.drawing import (
    FONT_SIZE,
    RELATION_COLOURS,
    text_extent,
    text_width,
    wrap,
)
from kashmirref.site.links import html_href, page_path
from kashmirref.site.timeaxis import TimeAxis

SVG = "{http://www.w3.org/2000/svg}"
FIGURE = re.compile(r"<svg .*?</svg>", re.S)


Box = tuple[float, float, float, float]


def _labels(markup: str) -> tuple[tuple[float, float], list[tuple[str, Box]]]:
    """The figure's size, and every text element with the box it is estimated to cover.

    The box comes from the layout code's own measure (:func:`text_extent`, per-character
    widths a little wider than DejaVu Sans), from the element's position, anchor, size
    and weight as written in the markup.
    """
    root = ET.fromstring(markup)
    _, _, width, height = (float(v) for v in root.get("viewBox", "").split())
    base = float(root.get("font-size", FONT_SIZE))
    found = []
    for element in root.iter(f"{SVG}text"):
        label = element.text or ""
        box = text_extent(
            float(element.get("x", 0)),
            float(element.get("y", 0)),
            label,
            anchor=element.get("text-anchor", "start"),
            size=float(element.get("font-size", base)),
            bold=element.get("font-weight") == "600",
        )
        found.append((label, box))
    return (width, height), found


def _outside(markup: str) -> list[str]:
    """Every text element whose estimated extent is not inside the figure's viewBox."""
    (width, height), labels = _labels(markup)
    return [
        f"{label!r} at ({left:.0f}, {top:.0f})-({right:.0f}, {bottom:.0f})"
        for label, (left, top, right, bottom) in labels
        if left < 0 or top < 0 or right > width + 0.01 or bottom > height + 0.01
    ]


def _overlapping(markup: str) -> list[str]:
    """Every pair of text elements whose estimated boxes overlap (by more than 0.01)."""
    _, labels = _labels(markup)
    ordered = sorted(labels, key=lambda item: item[1][0])
    found = []
    for i, (label, (left, top, right, bottom)) in enumerate(ordered):
        for other, (o_left, o_top, o_right, o_bottom) in ordered[i + 1 :]:
            if o_left >= right - 0.01:
                break
            if (
                min(bottom, o_bottom) - max(top, o_top) > 0.01
                and min(right, o_right) - max(left, o_left) > 0.01
            ):
                found.append(f"{label!r} over {other!r}")
    return found


def _shortened(markup: str) -> list[str]:
    """Every label cut short with an ellipsis, or empty."""
    _, labels = _labels(markup)
    return [label for label, _ in labels if "\u2026" in label or not label.strip()]


def _problems(markup: str) -> list[str]:
    """Labels cut by the figure's edge, laid over another label, or shortened."""
    return _outside(markup) + _overlapping(markup) + _shortened(markup)


def _page_figures(site: dict[str, Page]) -> dict[str, list[str]]:
    return {path: FIGURE.findall(page.text) for path, page in site.items()}


@pytest.fixture(scope="module")
def site(catalog: kr.Catalog) -> dict[str, Page]:
    return {page.path: page for page in pages(catalog)}


def test_grid_colours_the_pair_never_a_side(catalog: kr.Catalog) -> None:
    others = ["united-states"]
    grid = ET.fromstring(svg.stance_grid(catalog, PARTIES, lambda r: "#", others))
    cells = [r for r in grid.iter(f"{SVG}rect") if r.get("rx") == "4"]
    rows = [cells[i : i + 2] for i in range(0, len(cells), 2)]
    assert len(rows) == len(catalog.topics())
    for topic, row in zip(catalog.topics(), rows, strict=True):
        sides = kr.compare(catalog, *PARTIES, topics=[topic.id]).rows[0]
        relation = relation_between(topic, sides.a.stance, sides.b.stance)[0]
        fills = [cell.get("fill") for cell in row]
        stated = [fill for fill, side in zip(fills, (sides.a, sides.b), strict=True) if side.stance]
        # both parties' cells carry the colour of their relation, whatever their stances
        assert set(stated) <= {RELATION_COLOURS[relation]}
    # the same picture with the sides swapped: colours do not follow a side
    swapped = ET.fromstring(svg.stance_grid(catalog, PARTIES[::-1], lambda r: "#", others))
    again = [r.get("fill") for r in swapped.iter(f"{SVG}rect") if r.get("rx") == "4"]
    assert sorted(map(str, again)) == sorted(str(c.get("fill")) for c in cells)


def _first_line_colour(markup: str) -> str:
    return str(next(ET.fromstring(markup).iter(f"{SVG}line")).get("stroke"))


def test_lines_take_their_shade_from_their_order_not_their_side(catalog: kr.Catalog) -> None:
    topic, until = catalog.topic("plebiscite"), history.horizon(catalog)
    first = charts.topic_chart(catalog, topic, PARTIES, lambda r: "#", until)
    swapped = charts.topic_chart(catalog, topic, PARTIES[::-1], lambda r: "#", until)
    # the first legend entry (the first actor's line) has the same shade either way
    assert _first_line_colour(first) == _first_line_colour(swapped) == charts.STYLES[0].ink
    timeline = history.timeline(catalog, PARTIES, lambda r: "#", until)
    fills = {r.get("fill") for r in ET.fromstring(timeline).iter(f"{SVG}rect")}
    assert fills == {"#4d5661"}  # one neutral shade for every lane


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
        markup = found[path][0]
        root = ET.fromstring(markup)
        assert root.get("role") == "img"
        title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
        assert title is not None and title.text and desc is not None and desc.text
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert "\n| " in site[path].text  # the same facts as a table


def test_imprecise_dates_are_drawn_as_such(catalog: kr.Catalog) -> None:
    # India's call for a plebiscite is first evidenced by words known only to the year
    # 1949: the mark is a bar across the whole of 1949 and no invented day or month
    # appears
    [position] = [p for p in catalog.positions("india", "plebiscite") if p.valid_from.year == 1949]
    assert position.valid_from_precision is kr.Precision.YEAR
    first = min((catalog.statement(s) for s in position.evidence), key=lambda s: s.date)
    assert (first.date, first.date_precision) == (dt.date(1949, 1, 1), kr.Precision.YEAR)
    topic, until = catalog.topic("plebiscite"), history.horizon(catalog)
    markup = charts.topic_chart(catalog, topic, PARTIES, lambda r: f"#{r.id}", until)
    root = ET.fromstring(markup)
    [link] = [a for a in root.iter(f"{SVG}a") if a.get("href") == f"#{first.id}"]
    bar = next(link.iter(f"{SVG}rect"))
    left = float(bar.get("x", 0))
    right = left + float(bar.get("width", 0))
    ticks = {
        t.text: float(t.get("x", 0)) for t in root.iter(f"{SVG}text") if (t.text or "").isdigit()
    }
    year = (ticks["1960"] - ticks["1950"]) / 10
    assert right - left == pytest.approx(year, rel=0.01)  # the whole year
    assert left == pytest.approx(ticks["1950"] - year, abs=0.5)  # from 1 January 1949
    labels = [t.text or "" for t in root.iter(f"{SVG}text")]
    assert not any("Jan 1949" in label for label in labels)
    assert "India on Plebiscite: calls-for (1949 \u2013 16 August 1950" in markup


@pytest.mark.parametrize("topic", ["loc-ceasefire", "third-party-mediation", "article-370"])
def test_time_axis_is_proportional(catalog: kr.Catalog, topic: str) -> None:
    until = history.horizon(catalog)
    drawn = [charts.topic_chart(catalog, catalog.topic(topic), PARTIES, lambda r: "#", until)]
    drawn.append(history.timeline(catalog, PARTIES, lambda r: "#", until))
    for markup in drawn:
        ticks = [
            (int(t.text or ""), float(t.get("x", 0)))
            for t in ET.fromstring(markup).iter(f"{SVG}text")
            if (t.text or "").isdigit()
        ]
        assert len(ticks) >= 2
        per_year = [(x1 - x0) / (y1 - y0) for (y0, x0), (y1, x1) in itertools.pairwise(ticks)]
        # every year the same width (to a leap day)
        assert max(per_year) - min(per_year) <= max(per_year) * 0.003


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


def test_shipped_figures_have_every_label_whole_and_apart(
    catalog: kr.Catalog, site: dict[str, Page]
) -> None:
    drawn = [m for found in _page_figures(site).values() for m in found]
    drawn += list(figures(catalog).values())
    # every topic, instrument and actor with a position has a figure in both widths
    actors = len({p.actor for p in catalog.positions()})
    assert len(drawn) >= 2 * (len(catalog.topics()) * 2 + len(catalog.instruments()) + actors)
    assert {i: o for i, m in enumerate(drawn) if (o := _problems(m))} == {}


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


def _every_figure(catalog: kr.Catalog, parties: tuple[str, ...]) -> list[str]:
    """Every figure the site draws for ``catalog``, as its pages and files carry them."""
    until = history.horizon(catalog)
    drawn = list(figures(catalog, parties).values())
    for width in (charts.WIDTH, charts.NARROW):
        for topic in catalog.topics():
            path = page_path(topic)
            href = lambda r, path=path: html_href(path, r)  # noqa: E731
            drawn.append(charts.topic_chart(catalog, topic, parties, href, until, width=width))
            drawn.append(
                charts.others_chart(catalog, topic, parties, href, until, width=width) or ""
            )
        for instrument in catalog.instruments():
            drawn.append(
                history.instrument_figure(catalog, instrument, lambda r: "#", until, width=width)
            )
        for actor in catalog.actors():
            drawn.append(charts.actor_chart(catalog, actor, lambda r: "#", until, width=width))
        drawn.append(history.timeline(catalog, parties, lambda r: "#", until, width=width))
    return [m for m in drawn if m]


@settings(max_examples=40)
@given(long_named_catalogs())
def test_no_label_is_cut_shortened_or_overlapping_on_generated_catalogues(
    catalog: kr.Catalog,
) -> None:
    parties = tuple(actor.id for actor in catalog.actors()[:2])
    for markup in _every_figure(catalog, parties):
        assert _problems(markup) == []


@given(_LONG, st.floats(20, 400), st.sampled_from([11.0, 12.0, 13.0]), st.booleans())
def test_wrap_keeps_every_character_within_its_width(
    label: str, width: float, size: float, bold: bool
) -> None:
    for hyphens in (False, True):
        lines = wrap(label, width, size, bold=bold, hyphens=hyphens)
        for line in lines:
            assert text_width(line, size, bold=bold) <= width or len(line) == 1
        # nothing is left out: the lines hold every character of the label, in order
        assert "".join("".join(lines).split()) == "".join(label.split())


@given(krst.dates(), krst.dates(), st.floats(0, 300))
def test_time_axis_keeps_dates_in_order_and_in_proportion(
    a: dt.date, b: dt.date, left: float
) -> None:
    start, end = sorted((a, b))
    axis = TimeAxis.spanning(start, end + dt.timedelta(days=1), left, left + 500)
    assert axis.left - 1e-6 <= axis.x(start) <= axis.x(end) <= axis.right + 1e-6
    days = (axis.end - axis.start).days
    assert axis.x(start) - axis.left == pytest.approx((start - axis.start).days / days * 500)
    years = axis.years()
    assert years == sorted(years) and all(axis.start.year <= y <= axis.end.year for y in years)


def test_the_check_itself_sees_clipped_overlapping_and_shortened_labels() -> None:
    clipped = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20">'
    clipped += '<text x="95" y="15">a date</text><text x="4" y="15">ok</text></svg>'
    assert _outside(clipped) == ["'a date' at (95, 3)-(140, 19)"]
    crowded = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 60">'
    crowded += '<text x="10" y="20">qualified</text><text x="60" y="24">selective</text>'
    crowded += '<text x="10" y="50">apart</text><text x="200" y="50">o\u2026</text></svg>'
    assert _overlapping(crowded) == ["'qualified' over 'selective'"]
    assert _shortened(crowded) == ["o\u2026"]
