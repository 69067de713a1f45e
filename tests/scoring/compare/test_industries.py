"""industries.toml: LinkedIn's industry names, aliases, and a validated population."""

from __future__ import annotations

import tomllib

import pytest

from scoring.compare.industries import INDUSTRIES_PATH, load_industries, validated_industries
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
