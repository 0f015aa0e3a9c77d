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


def test_a_stance_restated_after_a_mixed_period_opens_a_new_run() -> None:
    # Found by Hypothesis: y's 'a' of 1 January 1998 (to the day) and 'b' of January
    # 1998 (to the month) cannot be ordered, so both hold (mixed); 'a' restated in 1999
    # is a new run. The history keeps the first 'a', closed when the new run begins.
    day = dt.date
    source = kr.Source(
        id="s", title="K", publisher="K", published=day(2000, 1, 1), kind=kr.SourceKind.PRIMARY
    )
    cited = (kr.Citation(source="s", quote="K", checked=day(2026, 1, 1)),)
    scale = tuple(kr.Stance(value=i, label=x, meaning="K", rules="K") for i, x in enumerate("ab"))
    topic = kr.Topic(id="t", title="K", question="K", scale=scale)

    def said(sid: str, when: dt.date, stance: str, precision: str = "day") -> kr.Statement:
        return kr.Statement(
            id=sid,
            date=when,
            date_precision=kr.Precision(precision),
            speaker="y",
            on_behalf_of="y",
            form=kr.StatementForm.DIRECT,
            citations=cited,
            codes=(kr.Code(topic="t", stance=stance),),
        )

    catalog = kr.Catalog(
        actors=(kr.Actor(id="y", name="Y", kind=kr.ActorKind.STATE),),
        sources=(source,),
        topics=(topic,),
        statements=(
            said("s1", day(1998, 1, 1), "a"),
            said("s2", day(1998, 1, 1), "b", "month"),
            said("s3", day(1999, 1, 1), "a"),
        ),
    )
    history = [(p.stance, p.evidence, p.valid_to, p.mixed) for p in catalog.positions("y", "t")]
    assert history == [
        ("a", ("s1",), day(1999, 1, 1), True),
        ("b", ("s2",), day(1999, 1, 1), True),
        ("a", ("s3",), None, False),
    ]
