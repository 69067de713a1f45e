"""The industries of the modelled reference and the population's parameters.

Both live in ``industries.toml`` next to this module: one ``[[industry]]`` table
per industry (its name as Profile.csv writes it, the name LinkedIn's German pages
use, older and German aliases, its share and three multipliers) and a
``[population]`` table with the generator's calibrated parameters and base rates.
Validated by pydantic on load; a bad file raises :class:`~scoring.errors.ConfigError`
naming the key.
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from scoring.errors import ConfigError
from scoring.i18n import normalize_lang

INDUSTRIES_PATH = Path(__file__).with_name("industries.toml")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Industry(_Strict):
    """One industry: names, weight in "All industries", and modelling multipliers."""

    name: str = Field(min_length=1)
    de: str = Field(min_length=1)  # the name on LinkedIn's German pages
    aliases: tuple[str, ...] = ()
    share: float = Field(gt=0)
    activity: float = Field(gt=0)
    network: float = Field(gt=0)
    seniority: float = Field(gt=0)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the industry is matched by: LinkedIn's English and German, aliases."""
        return (self.name, self.de, *self.aliases)


class Rates(_Strict):
    """Weekly rates of a member whose activity level is 1 (see docs/compare.md)."""

    posts: float = Field(ge=0)
    media_posts: float = Field(ge=0)
    reposts: float = Field(ge=0)
    group_posts: float = Field(ge=0)
    comments: float = Field(ge=0)
    group_comments: float = Field(ge=0)
    reactions: float = Field(ge=0)
    votes: float = Field(ge=0)
    searches: float = Field(ge=0)
    member_follows: float = Field(ge=0)
    company_follows: float = Field(ge=0)
    invitations: float = Field(ge=0)
    messages: float = Field(ge=0)
    incoming: float = Field(ge=0)
    new_connections: float = Field(ge=0)


class PopulationParams(_Strict):
    """The generator's parameters; the first five are calibrated to the 2015 anchors."""

    seed: int
    as_of: date
    size: int = Field(gt=0)
    min_per_industry: int = Field(gt=0)
    activity_median: float = Field(gt=0)  # activity level of the median non-dormant member
    activity_sigma: float = Field(gt=0)  # spread of log activity
    dormant_share: float = Field(ge=0, lt=1)  # members who barely use LinkedIn
    dormant_activity: float = Field(ge=0)  # their activity level
    dormant_network: float = Field(gt=0)  # multiplier on their number of connections
    profile_shift: float  # added to every profile item's log-odds
    profile_slope: float = Field(ge=0)  # how strongly profile care follows engagement
    network_median: float = Field(gt=0)  # connections of the median member
    network_sigma: float = Field(gt=0)
    network_engagement: float = Field(ge=0, le=1)  # correlation of network size and activity
    network_weight_exponent: float = Field(ge=0, le=1)  # network basis: weight = connections^x
    old_follows_per_connection: float = Field(ge=0)
    endorsements_per_connection: float = Field(ge=0)
    recommendations: float = Field(ge=0)
    articles: float = Field(ge=0)
    decision_maker_share: float = Field(gt=0, lt=1)
    coworker_share: float = Field(ge=0, lt=1)
    company_repeat: float = Field(ge=0, lt=1)  # chance a connection's company was seen before
    reply_median_hours: float = Field(gt=0)
    profile_items: dict[str, float]  # base log-odds of each profile item
    rates: Rates


class IndustriesConfig(_Strict):
    """The whole ``industries.toml``."""

    version: str = Field(min_length=1)
    population: PopulationParams
    industry: tuple[Industry, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_names(self) -> IndustriesConfig:
        seen: dict[str, str] = {}
        for item in self.industry:
            for name in item.names:
                key = name.strip().casefold()
                if key in seen:
                    raise ValueError(f"industry name {name!r} is used twice")
                seen[key] = item.name
        return self

    def resolve(self, name: str | None) -> str | None:
        """The reference industry for a Profile.csv industry name or alias, or None."""
        if not name or not name.strip():
            return None
        key = " ".join(name.split()).casefold()
        for item in self.industry:
            if key in {" ".join(n.split()).casefold() for n in item.names}:
                return item.name
        return None

    def label(self, name: str, lang: str | None = "en") -> str:
        """How the reference industry ``name`` is called on LinkedIn's pages in ``lang``.

        German pages use LinkedIn's German industry names; any other name (not a
        reference industry) is returned as given.
        """
        for item in self.industry:
            if item.name == name:
                return item.de if normalize_lang(lang) == "de" else item.name
        return name

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(item.name for item in self.industry)


def validated_industries(raw: dict, file: str = "industries.toml") -> IndustriesConfig:
    """``raw`` (a parsed TOML document) as :class:`IndustriesConfig`, or a ConfigError."""
    try:
        return IndustriesConfig.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        key = ".".join(str(p) for p in first["loc"]) or "(file)"
        raise ConfigError(
            "error.compare.industries", file=file, key=key, detail=first["msg"]
        ) from None


@cache
def load_industries(path: Path = INDUSTRIES_PATH) -> IndustriesConfig:
    """The validated industries and population parameters (read once)."""
    try:
        with path.open("rb") as fh:
            raw = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(
            "error.compare.industries", file=path.name, key="(file)", detail=type(exc).__name__
        ) from None
    return validated_industries(raw, path.name)


def industry_label(name: str, lang: str | None = "en") -> str:
    """Reference industry ``name`` as LinkedIn's pages in ``lang`` call it (see ``label``)."""
    return load_industries().label(name, lang)
