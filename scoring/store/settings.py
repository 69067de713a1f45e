"""The store's thresholds, read from ``settings.toml`` and validated."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from scoring.errors import ConfigError
from scoring.timeline import TimelineSettings

SETTINGS_FILE = Path(__file__).with_name("settings.toml")


class SQLiteSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    busy_timeout_ms: int = Field(ge=0)
    retries: int = Field(ge=0)
    retry_delay_s: float = Field(ge=0)


class TeamSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    stale_after_days: int = Field(gt=0)


class StoreSettings(BaseModel):
    """Every threshold of the store: timeline comparisons, the team, SQLite locking."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    timeline: TimelineSettings
    team: TeamSettings
    sqlite: SQLiteSettings


@cache
def load_settings(path: Path = SETTINGS_FILE) -> StoreSettings:
    """The validated settings in ``path`` (the bundled ``settings.toml`` by default).

    Raises :class:`scoring.errors.ConfigError` naming the file when it is not valid TOML
    or a value is missing or out of range.
    """
    try:
        with path.open("rb") as fh:
            return StoreSettings.model_validate(tomllib.load(fh))
    except (OSError, tomllib.TOMLDecodeError, ValidationError) as exc:
        reason = str(exc).splitlines()[0]
        raise ConfigError("error.store.settings", file=path.name, reason=reason) from exc
