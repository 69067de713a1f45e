"""industries.toml: LinkedIn's industry names, aliases, and a validated population."""

from __future__ import annotations

import tomllib

import pytest

from scoring.compare.industries import (
    INDUSTRIES_PATH,
    industry_label,
    load_industries,
    validated_industries,
)
from scoring.errors import ConfigError


@pytest.mark.parametrize(
    ("name", "group"),
    [
        ("Software Development", "Software Development"),
        ("computer  software", "Software Development"),  # old name, any case and spacing
        ("Information Technology and Services", "IT Services and IT Consulting"),
        ("Unternehmensberatung", "Management Consulting"),
        ("Business Consulting and Services", "Management Consulting"),
        ("Staffing and Recruiting", "Staffing and Recruiting"),
        ("Financial Services", "Financial Services"),
        ("Basket Weaving", None),
        ("", None),
        (None, None),
    ],
)
def test_profile_industries_resolve_to_reference_groups(
    name: str | None, group: str | None
) -> None:
    assert load_industries().resolve(name) == group


def test_between_15_and_25_industries_and_shares_that_add_up() -> None:
    industries = load_industries()
    assert 15 <= len(industries.industry) <= 25
    assert sum(i.share for i in industries.industry) == pytest.approx(1.0)


def _raw() -> dict:
    with INDUSTRIES_PATH.open("rb") as fh:
        return tomllib.load(fh)


def test_a_name_used_twice_is_rejected() -> None:
    raw = _raw()
    raw["industry"][1]["aliases"] = [*raw["industry"][1]["aliases"], "Computer Software"]
    with pytest.raises(ConfigError) as caught:
        validated_industries(raw)
    assert caught.value.code == "error.compare.industries"


def test_a_bad_value_names_its_key() -> None:
    raw = _raw()
    raw["industry"][0]["share"] = -1
    with pytest.raises(ConfigError) as caught:
        validated_industries(raw)
    assert caught.value.params["key"] == "industry.0.share"


@pytest.mark.parametrize(
    ("name", "de"),
    [
        ("Software Development", "Softwareentwicklung"),
        ("IT Services and IT Consulting", "IT-Dienstleistungen und IT-Beratung"),
        ("Management Consulting", "Unternehmensberatung"),
        ("Staffing and Recruiting", "Personalbeschaffung"),
        ("Human Resources Services", "Personalwesen"),
        ("Hospitals and Health Care", "Krankenhäuser und Gesundheitswesen"),
        ("Law Practice", "Anwaltskanzleien"),
    ],
)
def test_german_pages_show_linkedins_german_industry_names(name: str, de: str) -> None:
    assert industry_label(name, "de") == de
    assert industry_label(name, "en") == name
    # The German name is also how a German account's Profile.csv names it.
    assert load_industries().resolve(de.upper()) == name


def test_every_industry_has_its_own_german_name_and_others_stay_as_given() -> None:
    industries = load_industries().industry
    assert all(i.de and i.de != i.name for i in industries)
    assert len({i.de for i in industries}) == len(industries)
    assert industry_label("Basket Weaving", "de") == "Basket Weaving"


def test_an_industry_without_a_german_name_is_rejected() -> None:
    raw = _raw()
    del raw["industry"][2]["de"]
    with pytest.raises(ConfigError) as caught:
        validated_industries(raw)
    assert caught.value.params["key"] == "industry.2.de"
