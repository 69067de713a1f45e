"""The rows the what-if adds: the table in ``whatif.toml``, validated, and rows built from it.

``whatif.toml`` says, as data, what one occurrence of each weekly activity
appends to the export (a comment, an invitation and the connection it became …)
and how each profile item is added once. :func:`load_whatif_table` validates it
against the export's columns (:data:`scoring.export.COLUMNS`) when it is read, so
a typo in a column or a value of the wrong type fails at once with a
:class:`~scoring.errors.ConfigError` naming the key. :func:`template_rows` turns
one row template into a typed frame of any number of rows.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Literal, TypeVar

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from scoring.errors import ConfigError
from scoring.export import COLUMNS, ExportData, typed_frame
from scoring.model.metrics import COMPLETENESS_ITEMS

TABLE_PATH = Path(__file__).with_name("whatif.toml")
#: Names a template text may refer to (see whatif.toml).
PLACEHOLDERS = frozenset({"i", "n", "owner", "own_company", "top_skill", "industry"})
#: Marks where each row's own number goes while the rest of a text is filled once.
_ZERO_BASED, _ONE_BASED = "\x00", "\x01"
_VALUE_TYPES: dict[str, type] = {"str": str, "bool": bool, "int": int}

CellValue = str | bool | int
_M = TypeVar("_M", bound=BaseModel)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _checked_values(kind: str, values: Mapping[str, CellValue]) -> None:
    columns = COLUMNS.get(kind)
    if columns is None:
        raise ValueError(f"unknown kind {kind!r}")
    for col, value in values.items():
        typ = columns.get(col)
        if typ is None or typ == "ts":
            raise ValueError(f"{kind} has no text, flag or number column {col!r}")
        if type(value) is not _VALUE_TYPES[typ]:
            raise ValueError(f"{kind}.{col} takes a {typ}, not {value!r}")
        if isinstance(value, str) and not _placeholders(value) <= PLACEHOLDERS:
            raise ValueError(f"{kind}.{col}: unknown placeholder in {value!r}")


class RowTemplate(BaseModel):
    """One row an occurrence appends: its kind, fixed values and moment offset."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: str
    values: dict[str, CellValue] = Field(default_factory=dict)
    shift_hours: float = 0.0

    @model_validator(mode="after")
    def _known_columns(self) -> RowTemplate:
        _checked_values(self.kind, self.values)
        return self


class Control(BaseModel):
    """The what-if's control for one activity: up to ``most`` more a week, in steps of ``step``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    most: float = Field(gt=0)
    step: float = Field(gt=0)


class Activity(BaseModel):
    """One kind of weekly activity a user can add: the rows one occurrence appends.

    An accepted invitation appends an invitation and the connection it became; a
    manual activity (profile views) raises a manual input instead of adding rows.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    control: Control
    rows: tuple[RowTemplate, ...] = ()
    removable: bool = True  # a negative change drops matching rows
    manual: Literal["profile_views_90d", "saved_leads_90d"] | None = None

    @model_validator(mode="after")
    def _rows_or_manual(self) -> Activity:
        if bool(self.rows) == (self.manual is not None):
            raise ValueError("give either rows or manual")
        return self

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds of export file this activity appends rows to (none for manual ones)."""
        return tuple(dict.fromkeys(row.kind for row in self.rows))


class ProfileItem(BaseModel):
    """How one profile-completeness item is added once: profile fields or one row."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    profile: dict[Literal["headline", "summary", "industry", "location"], str] = Field(
        default_factory=dict
    )
    kind: str | None = None
    values: dict[str, CellValue] = Field(default_factory=dict)
    days: dict[str, int] = Field(default_factory=dict)  # date column → days from the day before
    repeat: Literal["once", "missing_skills"] = "once"

    @model_validator(mode="after")
    def _profile_or_row(self) -> ProfileItem:
        if bool(self.profile) == (self.kind is not None):
            raise ValueError("give either profile or kind")
        if self.kind is not None:
            _checked_values(self.kind, self.values)
            wrong = [c for c in self.days if COLUMNS[self.kind].get(c) != "ts"]
            if wrong:
                raise ValueError(f"{self.kind} has no date column {wrong[0]!r}")
        for text in self.profile.values():
            if not _placeholders(text) <= PLACEHOLDERS:
                raise ValueError(f"unknown placeholder in {text!r}")
        return self


class WhatIfTable(BaseModel):
    """``whatif.toml``: every activity and profile item the what-if can add."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    activity: dict[str, Activity]
    profile_item: dict[str, ProfileItem]

    @model_validator(mode="after")
    def _every_profile_item(self) -> WhatIfTable:
        if tuple(self.profile_item) != COMPLETENESS_ITEMS:
            raise ValueError(f"profile items must be the model's, in order: {COMPLETENESS_ITEMS}")
        return self


def validated_toml(path: Path, model: type[_M], code: str) -> _M:
    """``path`` read as TOML and validated by ``model``; ConfigError ``code`` names the bad key."""
    try:
        with path.open("rb") as fh:
            return model.model_validate(tomllib.load(fh))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(code, file=path.name, key="(file)", detail=str(exc)) from None
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        key = ".".join(str(p) for p in first["loc"])
        raise ConfigError(code, file=path.name, key=key, detail=first["msg"]) from None


@cache
def load_whatif_table(path: Path = TABLE_PATH) -> WhatIfTable:
    """The validated what-if table (read once); a bad file raises ConfigError naming the key."""
    return validated_toml(path, WhatIfTable, "error.advice.whatif_table")


def template_context(data: ExportData) -> dict[str, str]:
    """Values the templates refer to: the owner's sender key, company, top skill, industry."""
    messages = data.frame("messages")
    own = messages.loc[messages["from_owner"], "sender_key"].dropna()
    positions = data.frame("positions")
    current = positions[positions["finished_on"].isna()].sort_values("at", kind="stable")
    companies = current["company"].dropna()
    skills = data.frame("skills")["name"].dropna()
    return {
        "owner": str(own.iloc[0]) if len(own) else "sim-owner",
        "own_company": str(companies.iloc[-1]) if len(companies) else "Own Company",
        "top_skill": str(skills.iloc[0]) if len(skills) else "Sales",
        "industry": data.profile.industry or "Your industry",
    }


def filled_text(template: str, ctx: Mapping[str, str]) -> str:
    """A text template with the context in (for texts without a row number)."""
    return template.format_map({**ctx, "i": _ZERO_BASED, "n": _ONE_BASED})


def _filled(template: str, count: int, ctx: Mapping[str, str]) -> pd.Series | str:
    """The template with context values in and each row's number, or one text for all rows."""
    parts = re.split(f"([{_ZERO_BASED}{_ONE_BASED}])", filled_text(template, ctx))
    if len(parts) == 1:
        return parts[0]
    numbers = {
        _ZERO_BASED: pd.Series(np.arange(count)).astype(str),
        _ONE_BASED: pd.Series(np.arange(1, count + 1)).astype(str),
    }
    out = pd.Series(parts[0], index=range(count))
    for part in parts[1:]:
        out = out + numbers.get(part, part)
    return out


def template_rows(
    kind: str,
    values: Mapping[str, CellValue],
    count: int,
    ctx: Mapping[str, str],
    dates: Mapping[str, pd.Series] | None = None,
) -> pd.DataFrame:
    """``count`` typed rows of ``kind``: the template's ``values`` filled in, ``dates`` as given.

    Columns neither in ``values`` nor in ``dates`` take their empty value.
    """
    columns: dict[str, pd.Series | list[CellValue]] = {}
    for col, value in values.items():
        filled = _filled(value, count, ctx) if isinstance(value, str) else value
        columns[col] = filled if isinstance(filled, pd.Series) else [filled] * count
    return typed_frame(kind, {**columns, **(dates or {})})
