"""Notebook display: records, catalogues and comparisons as escaped HTML; figures as SVG."""

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest

import kashmirref as kr
from kashmirref.model import RECORD_TYPES

HOSTILE = "<script>alert(1)</script> & <b>"

HOSTILE_DATA = f"""
[[actor]]
id = "aaa"
name = "{HOSTILE} (actor)"
kind = "state"

[[actor]]
id = "bbb"
name = "B"
kind = "state"

[[source]]
id = "src"
title = "{HOSTILE}"
publisher = "P"
published = 2020-06-01
kind = "primary"

[[instrument]]
id = "ins"
kind = "agreement"
title = "{HOSTILE} (instrument)"
date = 2000-01-01
citations = [{{ source = "src", quote = "{HOSTILE}" }}]

[[topic]]
id = "tpc"
title = "{HOSTILE}"
question = "Q?"
scale = [
  {{ value = 0, label = "no", meaning = "{HOSTILE}", rules = "{HOSTILE}" }},
  {{ value = 1, label = "yes", meaning = "Yes.", rules = "Says yes." }},
]

[[statement]]
id = "st"
date = 2020-05-01
date_precision = "month"
speaker = "aaa"
on_behalf_of = "aaa"
form = "direct"
codes = [{{ topic = "tpc", stance = "yes" }}]
invokes = [{{ instrument = "ins", reading = "{HOSTILE}" }}]
citations = [{{ source = "src", quote = "{HOSTILE}" }}]
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> kr.Catalog:
    path = tmp_path_factory.mktemp("nb") / "hostile.toml"
    path.write_text(HOSTILE_DATA, encoding="utf-8")
    return kr.load(path, include_shipped=False)


def _parses(html: str) -> None:
    ET.fromstring(f"<root>{html.replace('&nbsp;', ' ')}</root>")


def test_every_record_class_displays_as_escaped_html(hostile: kr.Catalog) -> None:
    assert {type(r) for _, records in hostile.tables() for r in records} >= {
        kr.Actor,
        kr.Source,
        kr.Topic,
        kr.Statement,
        kr.Instrument,
    }
    for cls in RECORD_TYPES.values():
        assert callable(getattr(cls, "_repr_html_", None)), cls
    derived = hostile.positions()
    assert derived
    for record in [r for _, records in hostile.tables() for r in records] + list(derived):
        for html in (record._repr_html_(),):
            assert "<script>" not in html and "<b>" not in html
            _parses(html)
    statement = hostile.statement("st")._repr_html_()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;" in statement
    assert "May 2020" in statement and "2020-05-01" not in statement  # date at its precision


def test_nested_records_display_too(catalog: kr.Catalog) -> None:
    for value in (
        catalog.instrument("simla-1972").provisions[0],
        catalog.statements()[0].citation,
        catalog.topics()[0].scale[0],
    ):
        assert attrs.has(type(value))
        _parses(value._repr_html_())


def test_catalog_and_comparison_display(catalog: kr.Catalog, hostile: kr.Catalog) -> None:
    summary = catalog._repr_html_()
    assert f"{len(catalog)} records" in summary
    assert f">{len(catalog.statements())}</td>" in summary
    _parses(summary)
    html = kr.compare(catalog, "pakistan", "india")._repr_html_()
    assert "Pakistan and India compared (positions on record on 2026-01-04;" in html
    assert html.count("<tr>") == len(catalog.topics()) + 1
    _parses(html)
    for html in (hostile._repr_html_(), kr.compare(hostile, "aaa", "bbb")._repr_html_()):
        assert "<script>" not in html
        _parses(html)
    dated = kr.compare(catalog, "pakistan", "india", as_of=dt.date(2000, 1, 1))._repr_html_()
    assert "positions on record on 2000-01-01" in dated


def test_figures_display_inline_and_save(catalog: kr.Catalog, tmp_path: Path) -> None:
    figures = [
        kr.figures.stance_grid(catalog),
        kr.figures.timeline(catalog),
        kr.figures.topic_history(catalog, "plebiscite"),
        kr.figures.instrument_history(catalog, "47"),
    ]
    for figure in figures:
        assert figure._repr_svg_() == figure.svg
        ET.fromstring(figure.svg)
        path = figure.save(tmp_path / "figure.svg")
        assert path.read_text(encoding="utf-8") == figure.svg + "\n"
    assert figures[2].title == "Plebiscite: stances over time"
    first = catalog.statements(actor="india", topic="plebiscite")[0]
    assert f'href="#{first.id}"' in figures[2].svg  # each mark links to its statement
    linked = kr.figures.topic_history(catalog, "Plebiscite", site="https://example.org/kr/")
    assert f'href="https://example.org/kr/timeline.html#{first.id}"' in linked.svg


def test_figures_are_the_sites(catalog: kr.Catalog) -> None:
    from kashmirref.site import figures as site_figures
    from kashmirref.site.history import horizon, timeline

    expected = site_figures(catalog)["figures/stance-grid.svg"]
    grid = kr.figures.stance_grid(catalog).svg
    assert grid.count("<a ") == expected.count("<a ")
    assert grid.split("<a ")[0] == expected.split("<a ")[0]
    line = timeline(catalog, ("india", "pakistan"), lambda r: f"#{r.id}", horizon(catalog))
    assert kr.figures.timeline(catalog).svg == line


def test_figures_escape_data_and_refuse_unknown_ids(hostile: kr.Catalog) -> None:
    figure = kr.figures.topic_history(hostile, "tpc", ("aaa", "bbb"))
    assert "<script>" not in figure.svg
    ET.fromstring(figure.svg)
    assert figure.title == f"{HOSTILE}: stances over time"
    with pytest.raises(kr.UnknownIdError):
        kr.figures.topic_history(hostile, "nope", ("aaa", "bbb"))
    grid = kr.figures.stance_grid(hostile, ("aaa", "bbb"))
    ET.fromstring(grid.svg)
