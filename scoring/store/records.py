"""What the store's write methods take and return."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from scoring.errors import InputError
from scoring.i18n import fmt_date, fmt_number, t
from scoring.results import PILLAR_MAX, PILLARS

ImportStatus = Literal["imported", "already_imported"]


@dataclass(frozen=True)
class ImportResult:
    """The outcome of one import.

    ``history_added`` counts weeks the member had no value for; ``history_replaced``
    weeks whose value came from a poorer or older export and now comes from this one;
    ``history_kept`` weeks left as a better export had written them (see
    :mod:`scoring.store.merge`).
    """

    status: ImportStatus
    member: str
    import_id: int
    content_hash: str
    export_date: date
    archive_kind: str
    total: float
    model_version: str
    history_added: int = 0
    history_replaced: int = 0
    history_kept: int = 0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ``YYYY-MM-DD``)."""
        out = asdict(self)
        out["export_date"] = self.export_date.isoformat()
        return out

    def message(self, lang: str = "en") -> str:
        """One line saying what was stored, or that the export was stored before."""
        when = fmt_date(self.export_date, lang)
        if self.status == "already_imported":
            return t("store.import.already", lang, date=when, member=self.member)
        return t(
            "store.import.done",
            lang,
            date=when,
            member=self.member,
            total=fmt_number(self.total, lang),
            added=self.history_added,
            replaced=self.history_replaced,
            kept=self.history_kept,
        )


@dataclass(frozen=True)
class ForgetResult:
    """How many rows of each kind were deleted with the member."""

    member: str
    imports: int
    snapshots: int
    history: int
    official_readings: int

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return asdict(self)

    def message(self, lang: str = "en") -> str:
        """One line saying who was deleted and how many rows of each kind went."""
        return t(
            "store.forget.done",
            lang,
            member=self.member,
            imports=self.imports,
            snapshots=self.snapshots,
            history=self.history,
            official=self.official_readings,
        )


Points = float | None


class OfficialEntry(BaseModel):
    """One reading of LinkedIn's own SSI page as the store keeps it (never the pasted text).

    ``*_top_pct`` is the "Top X%" rank (9 means top 9 %); ``*_average`` the group's average
    SSI; ``*_pillars`` the group's pillar averages when the page shows them.
    """

    model_config = ConfigDict(frozen=True, extra="ignore")

    as_of: date
    total: float = Field(ge=0, le=100)
    brand: Points = Field(default=None, ge=0, le=PILLAR_MAX)
    people: Points = Field(default=None, ge=0, le=PILLAR_MAX)
    insights: Points = Field(default=None, ge=0, le=PILLAR_MAX)
    relationships: Points = Field(default=None, ge=0, le=PILLAR_MAX)
    industry_name: str | None = Field(default=None, max_length=200)
    industry_top_pct: Points = Field(default=None, gt=0, le=100)
    network_top_pct: Points = Field(default=None, gt=0, le=100)
    industry_average: Points = Field(default=None, ge=0, le=100)
    network_average: Points = Field(default=None, ge=0, le=100)
    industry_pillars: dict[str, float] | None = None
    network_pillars: dict[str, float] | None = None

    @classmethod
    def of(cls, reading: object, as_of: date | None = None) -> OfficialEntry:
        """The entry for a reading with these attribute names (``OfficialReading``, say).

        ``as_of`` fills in a reading without a date. A reading without a total but with
        all four pillars gets their sum (the page's total is that sum, rounded). Raises
        :class:`scoring.errors.InputError` when the date or total is missing or a value
        is out of range.
        """
        if isinstance(reading, cls):
            return reading
        values = {name: getattr(reading, name, None) for name in cls.model_fields}
        values["as_of"] = values["as_of"] or as_of
        pillars = [values[p] for p in PILLARS]
        if values["total"] is None and all(v is not None for v in pillars):
            values["total"] = round(sum(pillars), 2)
        if values["as_of"] is None:
            raise InputError("error.store.official_date")
        if values["total"] is None:
            raise InputError("error.store.official_total")
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            error = exc.errors()[0]
            field = ".".join(str(p) for p in error["loc"])
            low, high = (0, PILLAR_MAX) if field in PILLARS else (0, 100)
            raise InputError(
                "error.store.official_value",
                field=field,
                value=error.get("input"),
                low=low,
                high=high,
            ) from None
