"""The catalogue, plural forms, and numbers and dates written by Babel."""

from __future__ import annotations

import re
import string
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import scoring
from scoring import i18n
from scoring.i18n import catalogue, fmt_date, fmt_number, fmt_signed, plural_form, t, tn

SCORING = Path(scoring.__file__).parent


# -- numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (1234.5, "en", 1, "1,234.5"),
        (1234.5, "de", 1, "1.234,5"),
        (54.4, "de", 1, "54,4"),
        (1234567, "de", 0, "1.234.567"),
        (-1234.5, "en", 2, "-1,234.50"),
        (0.125, "en", 2, "0.12"),  # half to even, as Python rounds
        (2.675, "en", 2, "2.67"),  # the float is 2.67499…: Babel must not round its text
        (None, "en", 1, "–"),
        (float("nan"), "de", 1, "–"),
    ],
)
def test_numbers_in_each_language(value, lang, decimals, expected):
    assert fmt_number(value, lang, decimals) == expected


@given(
    st.floats(min_value=-1e12, max_value=1e12, allow_nan=False) | st.integers(-(10**12), 10**12),
    st.integers(0, 3),
)
def test_numbers_round_as_python_formats_them(value, decimals):
    english = f"{value:,.{decimals}f}"
    german = english.translate(str.maketrans({",": ".", ".": ","}))

    assert fmt_number(value, "en", decimals) == english
    assert fmt_number(value, "de", decimals) == german


def test_signed_numbers_use_a_real_minus_sign():
    assert fmt_signed(2.3, "en") == "+2.3"
    assert fmt_signed(-1, "de") == "−1,0"
    assert fmt_signed(0.0, "en", 2) == "±0.00"


def test_a_german_per_cent_keeps_its_space():
    assert t("unit.percent", "de", value=fmt_number(54.4, "de", 1)) == "54,4 %"


# -- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "lang", "long", "expected"),
    [
        (date(2026, 11, 21), "en", False, "2026-11-21"),
        (date(2026, 11, 21), "de", False, "21.11.2026"),
        (date(2026, 11, 1), "en", True, "1 November 2026"),
        (date(2026, 3, 1), "de", True, "1. März 2026"),
        (datetime(2026, 12, 5, 23, 59), "de", False, "05.12.2026"),
        (date(1, 1, 1), "en", False, "0001-01-01"),
        (None, "en", False, "–"),
    ],
)
def test_dates_in_each_language(value, lang, long, expected):
    assert fmt_date(value, lang, long=long) == expected


def test_no_hand_typed_month_names_or_platform_date_codes_in_the_package():
    sources = {p: p.read_text(encoding="utf-8") for p in SCORING.rglob("*.py")}

    assert [p.name for p, s in sources.items() if "%-d" in s or "%-m" in s] == []
    assert [p.name for p, s in sources.items() if "Dezember" in s] == []
    assert 'replace(","' not in sources[SCORING / "i18n.py"]


# -- plural forms ----------------------------------------------------------------------------


def test_plural_categories_of_english_and_german():
    assert [plural_form(n, "en") for n in (0, 1, 2, 1.5)] == ["other", "one", "other", "other"]
    assert [plural_form(n, "de") for n in (0, 1, 2)] == ["other", "one", "other"]


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [
        (1, "en", "1 more tip"),
        (2, "en", "2 more tips"),
        (1, "de", "1 weiterer Tipp"),
        (4, "de", "4 weitere Tipps"),
    ],
)
def test_the_number_picks_the_form(n, lang, expected):
    assert tn("dashboard.tips.more", n, lang, n=n) == expected


def test_an_integer_count_is_written_with_the_languages_separators():
    assert t("inspect.loose_files", "de", count=1) == "1 Datei"
    assert t("inspect.loose_files", "de", count=1234) == "1.234 Dateien"
    assert t("inspect.loose_files", "en", count=1234) == "1,234 files"


def test_without_a_count_the_general_form_is_used():
    assert t("inspect.loose_files", "en") == "{count} files"


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_plural_text_has_one_and_other_in_both_languages_with_the_same_placeholders():
    plural = {k: v for k, v in catalogue().items() if any(isinstance(x, dict) for x in v.values())}

    assert len(plural) >= 40  # the tip goals, units and the counted sentences
    for key, entry in plural.items():
        forms = [entry[lang][form] for lang in ("en", "de") for form in ("one", "other")]
        assert len({frozenset(_placeholders(f)) for f in forms}) == 1, key


def test_no_text_writes_a_plural_with_brackets():
    texts = [
        text
        for entry in catalogue().values()
        for value in entry.values()
        for text in (value.values() if isinstance(value, dict) else [value])
    ]

    assert [x for x in texts if re.search(r"\w\((s|e|en|n)\)", x)] == []


def test_a_plural_leaf_without_other_is_refused(tmp_path, monkeypatch):
    (tmp_path / "bad.toml").write_text('[x]\nen = { one = "1 file" }\nde = "Dateien"\n')
    monkeypatch.setattr(i18n, "TEXT_DIR", tmp_path)
    i18n.catalogue.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"'x' in bad\.toml needs both 'en' and 'de'"):
            i18n.catalogue()
    finally:
        i18n.catalogue.cache_clear()


@pytest.mark.parametrize(
    ("lang", "days", "expected"),
    [
        ("en", 1, "Stale (newest export more than 1 day before 2026-12-01): Ann."),
        ("en", 30, "Stale (newest export more than 30 days before 2026-12-01): Ann."),
        ("de", 1, "Veraltet (neuester Export mehr als 1 Tag vor dem 2026-12-01): Ann."),
        ("de", 30, "Veraltet (neuester Export mehr als 30 Tage vor dem 2026-12-01): Ann."),
    ],
)
def test_the_stale_threshold_has_its_plural(lang, days, expected):
    line = t("store.team.stale", lang, days=days, count=days, today="2026-12-01", members="Ann")
    assert line == expected
