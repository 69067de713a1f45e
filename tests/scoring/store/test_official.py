"""Official readings of LinkedIn's SSI page: stored without the pasted text, on the timeline."""

from __future__ import annotations

from datetime import date

import pytest

from scoring.errors import InputError
from scoring.official import manual_reading, parse_official
from scoring.store import OfficialEntry

OCT15 = date(2026, 10, 15)
PAGE = (
    "Your Social Selling Index 53 out of 100 Establish your professional brand 20.998 "
    "Find the right people 6.4 Engage with insights 10.25 Build relationships 15 "
    "Industry SSI rank: Top 9% Network SSI rank: Top 11%"
)


def test_reading_is_stored_and_replaced_on_the_same_day(store):
    first = OfficialEntry(as_of=OCT15, total=53, industry_top_pct=9, network_average=36)

    assert store.add_official("Anna Example", first) == "added"
    assert store.add_official("anna example", first.model_copy(update={"total": 54})) == "replaced"

    readings = store.official_readings("Anna Example")
    assert len(readings) == 1
    assert readings.loc[0, ["as_of", "total", "industry_top_pct", "network_average"]].tolist() == [
        OCT15, 54.0, 9.0, 36.0,
    ]  # fmt: skip
    assert store.members()["member"].tolist() == ["Anna Example"]


def test_parsed_page_is_stored_without_its_text(store, raw_bytes):
    reading = parse_official(PAGE, as_of=OCT15)

    store.add_official("Anna Example", reading)

    stored = store.official_readings("Anna Example").iloc[0]
    assert stored[["total", "brand", "people", "insights", "relationships"]].tolist() == [
        53.0, 20.998, 6.4, 10.25, 15.0,
    ]  # fmt: skip
    assert (stored["industry_top_pct"], stored["network_top_pct"]) == (9.0, 11.0)
    assert b"Social Selling Index" not in raw_bytes()
    assert b"out of 100" not in raw_bytes()


def test_reading_without_total_gets_the_pillar_sum():
    reading = manual_reading(
        {"brand": "20,998", "people": "6.4", "insights": "10.25", "relationships": "15"}
    )

    entry = OfficialEntry.of(reading, OCT15)

    # 20.998 + 6.4 + 10.25 + 15 = 52.648 → 52.65
    assert (entry.total, entry.as_of) == (52.65, OCT15)


def test_reading_needs_a_date_and_a_total():
    with pytest.raises(InputError) as no_date:
        OfficialEntry.of(manual_reading({"total": "53"}))
    assert no_date.value.code == "error.store.official_date"

    with pytest.raises(InputError) as no_total:
        OfficialEntry.of(manual_reading({"brand": "20"}), OCT15)
    assert no_total.value.code == "error.store.official_total"


def test_out_of_range_value_names_the_field():
    class Typed:
        as_of = OCT15
        total = 53.0
        brand = 31.0

    with pytest.raises(InputError) as caught:
        OfficialEntry.of(Typed())

    assert str(caught.value) == (
        "The official reading's brand must be a number from 0 to 25.0; you gave 31.0."
    )


def test_timeline_shows_official_readings_next_to_estimates(
    store, make_data, make_score, make_history
):
    store.import_export(
        make_data("Anna Example", OCT15, "h1"),
        score=make_score(OCT15, (11, 11, 11, 11)),
        history=make_history({date(2026, 10, 4): 42.0}),
    )
    store.add_official("Anna Example", OfficialEntry(as_of=date(2026, 10, 12), total=53))

    timeline = store.timeline("Anna Example")

    assert list(zip(timeline["as_of"], timeline["total"], timeline["source"], strict=True)) == [
        (date(2026, 10, 4), 42.0, "reconstructed"),
        (date(2026, 10, 12), 53.0, "official"),
        (date(2026, 10, 15), 44.0, "snapshot"),
    ]
    # The change compares estimates only, with the value standing on Oct 8 (from Oct 4):
    # 44 - 42, not 44 - 53.
    assert store.change("Anna Example").delta["total"] == 2.0
