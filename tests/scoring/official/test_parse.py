"""Official readings: the pasted SSI page (English and German) and manual entry."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring.official import OfficialInputError, manual_reading, parse_official
from scoring.results import PILLARS

SAMPLES = Path(__file__).resolve().parents[3] / "sample_data"

# The real reading quoted in ssi-background.md (a management consultant, May 2026).
REAL = {
    "total": 53.0,
    "brand": 20.998,
    "people": 6.4,
    "insights": 10.25,
    "relationships": 15.0,
    "industry_top_pct": 9.0,
    "industry_average": 34.0,
    "industry_pillars": {"brand": 11.78, "people": 5.38, "insights": 2.09, "relationships": 15.16},
    "network_top_pct": 11.0,
    "network_average": 36.0,
    "network_pillars": {"brand": 13.22, "people": 4.36, "insights": 2.38, "relationships": 16.31},
}


# --- parsing -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "industry_name"),
    [("official_en.txt", "Management consulting"), ("official_de.txt", "Unternehmensberatung")],
)
def test_the_sample_pages_give_the_real_reading(file: str, industry_name: str) -> None:
    reading = parse_official((SAMPLES / file).read_text(encoding="utf-8"), as_of=date(2026, 5, 4))
    assert reading.model_dump(include=set(REAL)) == REAL
    assert reading.industry_name == industry_name
    assert reading.as_of == date(2026, 5, 4)
    assert reading.source == "pasted"
    # The page rounds the total; the pillars keep their decimals: 20.998+6.4+10.25+15.
    assert reading.pillar_sum == pytest.approx(52.648)


def test_one_line_paste_in_another_order_is_read() -> None:
    text = (
        "Network SSI rank: Top 11%  Industry SSI rank: Top 9%  Your Social Selling Index "
        "53 out of 100  Build relationships 15  Engage with insights 10.25  "
        "Find the right people 6.4  Establish your professional brand 20.998"
    )
    reading = parse_official(text)
    assert reading.pillars == {
        "brand": 20.998,
        "people": 6.4,
        "insights": 10.25,
        "relationships": 15.0,
    }
    assert (reading.total, reading.industry_top_pct, reading.network_top_pct) == (53.0, 9.0, 11.0)
    assert reading.industry_average is None and reading.network_pillars is None


def test_top_printed_before_its_label_and_german_spacing() -> None:
    text = "Top 4 %\nBranchen-SSI-Rang\nTop 12 %\nNetzwerk-SSI-Rang\n61 von 100"
    reading = parse_official(text)
    assert (reading.industry_top_pct, reading.network_top_pct, reading.total) == (4.0, 12.0, 61.0)


def test_older_german_pillar_names_and_colons() -> None:
    text = (
        "Professionelle Marke etablieren: 12,5\nDie richtigen Personen finden: 7,25\n"
        "Mit Insights interagieren: 3\nBeziehungen pflegen: 11,75\n"
        "Personen in Ihrem Netzwerk haben einen durchschnittlichen SSI von 29."
    )
    reading = parse_official(text)
    assert reading.pillars == {
        "brand": 12.5,
        "people": 7.25,
        "insights": 3.0,
        "relationships": 11.75,
    }
    assert reading.network_average == 29.0 and reading.total is None


def test_description_sentence_without_numbers_is_not_a_pillar() -> None:
    text = (
        "It measures how effective you are at establishing your professional brand, finding "
        "the right people, engaging with insights, and building relationships.\n"
        "Find the right people 6.4"
    )
    assert parse_official(text).pillars == {"people": 6.4}


@given(
    st.tuples(*[st.integers(0, 25_000) for _ in PILLARS]),
    st.integers(1, 100),
    st.sampled_from(["en", "de"]),
)
def test_any_rendered_page_parses_back(millis: tuple[int, ...], top: int, lang: str) -> None:
    values = {p: m / 1000 for p, m in zip(PILLARS, millis, strict=True)}
    total = round(sum(values.values()))
    names = {
        "en": ["Establish your professional brand", "Find the right people",
               "Engage with insights", "Build relationships"],
        "de": ["Ihre professionelle Marke aufbauen", "Gezielt die richtigen Personen finden",
               "Durch Einblicke Interesse wecken", "Beziehungen aufbauen"],
    }[lang]  # fmt: skip
    sep = "." if lang == "en" else ","
    lines = [f"{total} {'out of' if lang == 'en' else 'von'} 100"]
    lines += [
        f"{n}\n{str(values[p]).replace('.', sep)}" for n, p in zip(names, PILLARS, strict=True)
    ]
    lines.append(f"{'Industry SSI rank' if lang == 'en' else 'Branchen-SSI-Rang'}: Top {top}%")
    reading = parse_official("\n".join(lines))
    assert reading.pillars == values
    assert reading.total == total and reading.industry_top_pct == top


def test_text_without_any_ssi_value_is_a_clear_error() -> None:
    with pytest.raises(OfficialInputError) as caught:
        parse_official("Hello, this is my LinkedIn feed.")
    assert caught.value.code == "error.official.nothing"
    assert "linkedin.com/sales/ssi" in caught.value.message("de")


def test_total_contradicting_its_pillars_is_rejected() -> None:
    text = "80 out of 100\nEstablish your professional brand 5\nFind the right people 5\n" \
        "Engage with insights 5\nBuild relationships 5"  # fmt: skip
    with pytest.raises(OfficialInputError) as caught:
        parse_official(text)
    assert caught.value.code == "error.official.inconsistent"
    assert caught.value.params["pillar_sum"] == 20.0


# --- manual entry --------------------------------------------------------------------


def test_manual_entry_accepts_decimal_commas_and_percent_signs() -> None:
    reading = manual_reading(
        {
            "total": "53",
            "brand": "20,998",
            "people": 6.4,
            "insights": "",
            "network_top_pct": "11 %",
        },
        as_of=date(2026, 5, 4),
    )
    assert reading.pillars == {"brand": 20.998, "people": 6.4}
    assert (reading.total, reading.network_top_pct, reading.source) == (53.0, 11.0, "manual")


@pytest.mark.parametrize(
    ("values", "code", "field"),
    [
        ({"brand": "abc"}, "error.official.field", "brand"),
        ({"brand": "25,5"}, "error.official.field", "brand"),
        ({"industry_top_pct": 0}, "error.official.field", "industry_top_pct"),
        ({"sales": 3}, "error.official.field", "sales"),
        ({"total": ""}, "error.official.empty", None),
    ],
)
def test_manual_entry_names_the_wrong_field(values: dict, code: str, field: str | None) -> None:
    with pytest.raises(OfficialInputError) as caught:
        manual_reading(values)
    assert caught.value.code == code
    if field:
        assert caught.value.params["field"] == field
