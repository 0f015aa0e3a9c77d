"""Facts of the record a reader would look up, 1947-2025: dates, speakers, words, status."""

from __future__ import annotations

import datetime as dt

import kashmirref as kr


def test_nehru_pledged_a_reference_to_the_people_in_november_1947(catalog: kr.Catalog) -> None:
    pledge = catalog.statement("nehru-1947-11-02-referendum-pledge")
    assert (pledge.date, pledge.speaker, pledge.on_behalf_of) == (
        dt.date(1947, 11, 2),
        "jawaharlal-nehru",
        "india",
    )
    assert "fair and just reference to the people" in pledge.text
    assert "plebiscite" in pledge.topics


def test_chagla_called_for_bilateral_talks_in_1964(catalog: kr.Catalog) -> None:
    said = catalog.statement("chagla-1964-05-12-only-bilateral-talks")
    assert said.date == dt.date(1964, 5, 12) and said.on_behalf_of == "india"
    assert "bilateralism" in said.topics


def test_parliament_resolution_of_22_february_1994(catalog: kr.Catalog) -> None:
    resolution = catalog.statement("india-parliament-1994-02-22-resolution")
    assert resolution.date == dt.date(1994, 2, 22)
    assert resolution.text.startswith("(a) The State of Jammu & Kashmir has been, is and shall be")


def test_tashkent_declaration_date(catalog: kr.Catalog) -> None:
    assert catalog.instrument("tashkent-1966").date == dt.date(1966, 1, 10)


def test_simla_status_and_pakistans_conditional_declaration(catalog: kr.Catalog) -> None:
    simla = catalog.instrument("simla-1972")
    assert simla.status is kr.InstrumentStatus.IN_FORCE
    [declaration] = simla.declarations
    assert declaration.declared_by == "pakistan-nsc"
    assert declaration.date == dt.date(2025, 4, 24)
    assert declaration.condition is not None and declaration.condition.startswith(
        "till India desists"
    )
    assert [p.id for p in simla.provisions][:3] == ["para-1", "para-1-i", "para-1-ii"]


def test_indus_waters_abeyance_is_indias_declaration_not_the_treatys_status(
    catalog: kr.Catalog,
) -> None:
    treaty = catalog.instrument("indus-waters-1960")
    assert treaty.status is not kr.InstrumentStatus.IN_ABEYANCE
    assert [(d.declared_by, d.status, d.unilateral) for d in treaty.declarations] == [
        ("india", kr.InstrumentStatus.IN_ABEYANCE, True)
    ]

