"""Pure pandas over stored scores: one timeline per member, weekly change, team averages.

The store reads rows from the database and hands frames to these functions, so
that the rules (which value wins on a date, what "last week" means) can be read
and tested without a database. The module sits beside the model and the store and
imports neither: the store may not import the model (docs/architecture.md, "Allowed
imports"), and both need one weekly calendar and one ranking of imports. Dates inside
are ``datetime64``; frames returned to callers carry ``as_of`` as :class:`datetime.date`,
as ``score_history`` does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from scoring.i18n import fmt_date, fmt_signed, t
from scoring.results import PILLARS, SCORE_FIELDS

SCORE_COLUMNS: tuple[str, ...] = SCORE_FIELDS
#: In this order within a date: the model's weekly reconstruction, the score of an
#: import as of its export date, then what LinkedIn itself showed.
SOURCES: tuple[str, ...] = ("reconstructed", "snapshot", "official")
TIMELINE_COLUMNS: tuple[str, ...] = ("as_of", *SCORE_COLUMNS, "source")
#: How rich each archive kind is: for a date or week two imports cover, the higher wins.
ARCHIVE_RANK = {"partial": 0, "basic": 1, "complete": 2}
#: Every member's weekly history lives on one calendar, weeks ending on Sunday, whatever
#: weekday each export was made on: so two exports' weeks meet and the merge rule decides.
WEEK_FREQ = "W-SUN"


class TimelineSettings(BaseModel):
    """What "since last week" and "stale" mean (values in ``scoring/store/settings.toml``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    week_days: int = Field(gt=0)
    previous_tolerance_days: int = Field(ge=0)
    stale_after_days: int = Field(gt=0)


def as_timestamps(values: pd.Series) -> pd.Series:
    """Dates (``date`` objects, strings ``YYYY-MM-DD`` or timestamps) as naive ``datetime64``."""
    return pd.to_datetime(values, format="ISO8601").dt.tz_localize(None).astype("datetime64[ns]")


def as_dates(values: pd.Series) -> pd.Series:
    """``datetime64`` values as :class:`datetime.date` objects (the contract's date type)."""
    return pd.Series(values.dt.date, index=values.index, dtype=object)


def week_ends(values: pd.Series) -> pd.Series:
    """The Sunday ending the calendar week of each date, as ``datetime64``."""
    return as_timestamps(values).dt.to_period(WEEK_FREQ).dt.end_time.dt.normalize()


def import_rank(export_date: pd.Series, archive_kind: pd.Series) -> pd.Series:
    """How authoritative each import is: the richer kind wins, between equal kinds the later.

    A Basic archive lacks whole kinds of activity (reactions, say), so for a week that a
    Complete archive also covers its value is the poorer one even when the Basic export
    is newer; the newer export still fills the weeks the older one does not reach.
    Returned as one integer per import (kind rank × 10⁶ + days since 1970) so that whole
    columns compare at once.
    """
    days = (as_timestamps(export_date) - pd.Timestamp("1970-01-01")).dt.days
    return archive_kind.map(ARCHIVE_RANK).fillna(0).astype("int64") * 1_000_000 + days


def merge_timeline(
    reconstructed: pd.DataFrame, snapshots: pd.DataFrame, official: pd.DataFrame
) -> pd.DataFrame:
    """One frame of every stored value of a member, oldest first, labelled by ``source``.

    Each input needs ``as_of`` and the score columns (official pillars may be missing,
    then NaN). ``snapshots`` may hold two imports with the same date; only the first row
    per date is kept, so the caller passes them best first. The result has exactly
    :data:`TIMELINE_COLUMNS`.
    """
    parts = []
    for source, frame in zip(SOURCES, (reconstructed, snapshots, official), strict=True):
        part = frame.reindex(columns=["as_of", *SCORE_COLUMNS]).assign(source=source)
        part["as_of"] = as_timestamps(part["as_of"])
        parts.append(part.drop_duplicates("as_of", keep="first"))
    merged = pd.concat([p for p in parts if not p.empty] or parts[:1], ignore_index=True)
    merged[list(SCORE_COLUMNS)] = merged[list(SCORE_COLUMNS)].astype("float64")
    order = merged["source"].map({s: i for i, s in enumerate(SOURCES)})
    merged = merged.assign(_order=order).sort_values(["as_of", "_order"], kind="stable")
    merged["as_of"] = as_dates(merged["as_of"])
    return merged.drop(columns="_order").reset_index(drop=True)[list(TIMELINE_COLUMNS)]


def estimates(frame: pd.DataFrame) -> pd.DataFrame:
    """The model's estimates per member and date, from a frame with ``member`` and ``source``.

    Official readings are left out: they are LinkedIn's numbers, not ours, and comparing
    an estimate with a reading would report the model's error as a change. Where a
    snapshot and a reconstruction share a date, the snapshot wins (it is the score of the
    export as of its own date). ``as_of`` comes back as ``datetime64``.
    """
    est = frame[frame["source"].isin(("reconstructed", "snapshot"))].copy()
    est["as_of"] = as_timestamps(est["as_of"])
    est = est.sort_values(["member", "as_of", "source"], kind="stable")
    # "snapshot" sorts after "reconstructed", so keeping the last row keeps the snapshot.
    return est.drop_duplicates(["member", "as_of"], keep="last").reset_index(drop=True)


def _paired_with_week_before(
    rows: pd.DataFrame, est: pd.DataFrame, settings: TimelineSettings
) -> pd.DataFrame:
    """``rows`` (``member``, ``as_of``, scores) next to the estimate standing a week earlier.

    The earlier value is the last estimate in ``est`` on or before ``as_of - week_days``,
    if it is at most ``previous_tolerance_days`` older than that day; otherwise NaN.
    Adds ``previous_as_of``, ``previous_<column>`` and ``delta_<column>`` (two decimals).
    """
    cols = list(SCORE_COLUMNS)
    rows = rows.assign(target=rows["as_of"] - pd.Timedelta(days=settings.week_days))
    earlier = est[["member", "as_of", *cols]].rename(
        columns={"as_of": "previous_as_of", **{c: f"previous_{c}" for c in cols}}
    )
    paired = pd.merge_asof(
        rows.sort_values("target"),
        earlier.sort_values("previous_as_of"),
        left_on="target",
        right_on="previous_as_of",
        by="member",
        direction="backward",
        tolerance=pd.Timedelta(days=settings.previous_tolerance_days),
    )
    for c in cols:
        paired[f"delta_{c}"] = (paired[c] - paired[f"previous_{c}"]).round(2)
    return paired


def week_changes(est: pd.DataFrame, settings: TimelineSettings) -> pd.DataFrame:
    """Per member: the newest estimate and its change against the value a week earlier.

    ``est`` is :func:`estimates` output. The earlier value is the last estimate on or
    before ``newest - week_days``, if it is at most ``previous_tolerance_days`` older than
    that day; otherwise the ``delta_*`` columns are NaN. Columns: ``member``, ``as_of``,
    ``previous_as_of`` (both ``datetime64``), the score columns, and ``delta_<column>``
    rounded to two decimals.
    """
    cols = list(SCORE_COLUMNS)
    newest = est.sort_values("as_of").drop_duplicates("member", keep="last")
    paired = _paired_with_week_before(newest[["member", "as_of", *cols]], est, settings)
    keep = ["member", "as_of", "previous_as_of", *cols, *(f"delta_{c}" for c in cols)]
    return paired[keep].sort_values("member").reset_index(drop=True)


def history_changes(history: pd.DataFrame, settings: TimelineSettings) -> pd.DataFrame:
    """Every date of one history with its change against the value a week earlier.

    ``history`` has ``as_of`` and the score columns (``score_history`` output, say); the
    rule is :func:`week_changes`'s, applied to each date. Returns ``history``'s rows, oldest
    first, with ``as_of`` as a date, plus ``previous_as_of`` (a date or ``None``) and
    ``delta_<column>`` (NaN where nothing stood a week earlier).
    """
    cols = list(SCORE_COLUMNS)
    rows = history[["as_of", *cols]].assign(member="", as_of=as_timestamps(history["as_of"]))
    rows[cols] = rows[cols].astype("float64")
    paired = _paired_with_week_before(rows, rows, settings).sort_values("as_of")
    out = paired[["as_of", *cols, "previous_as_of", *(f"delta_{c}" for c in cols)]]
    out = out.reset_index(drop=True)
    out["as_of"] = as_dates(out["as_of"])
    previous = pd.Series(out["previous_as_of"].dt.date, dtype=object)
    out["previous_as_of"] = previous.where(out["previous_as_of"].notna(), None)
    return out


def period_averages(est: pd.DataFrame, freq: str) -> pd.DataFrame:
    """The mean over members of each member's last estimate in every period of ``freq``.

    Taking one value per member and period first keeps a member with many imports in a
    week from counting more than once. Columns: ``as_of`` (the period's last day, a
    ``date``), the score columns (two decimals) and ``members`` (how many had a value).
    """
    cols = list(SCORE_COLUMNS)
    if est.empty:
        return pd.DataFrame(columns=["as_of", *cols, "members"])
    period_end = est["as_of"].dt.to_period(freq).dt.end_time.dt.normalize()
    per_member = (
        est.assign(period=period_end)
        .sort_values("as_of")
        .drop_duplicates(["member", "period"], keep="last")
    )
    grouped = per_member.groupby("period")
    out = grouped[cols].mean().round(2).assign(members=grouped["member"].nunique())
    out = out.reset_index().rename(columns={"period": "as_of"})
    out["as_of"] = as_dates(out["as_of"])
    return out[["as_of", *cols, "members"]]


@dataclass(frozen=True)
class Change:
    """A member's newest estimate, its change since last week, and how fresh the data is.

    ``delta`` maps ``total`` and each pillar to the change in points, or is ``None`` when
    no estimate from a week earlier exists. ``stale`` is true when the newest export is
    more than the configured number of days older than the ``today`` the caller gave.
    """

    member: str
    as_of: date | None
    total: float | None
    previous_as_of: date | None
    delta: dict[str, float] | None
    last_export: date | None
    days_since_export: int | None
    stale: bool

    def text(self, lang: str = "en") -> str:
        """``+2.3 since last week``, ``No change since last week`` or why there is none."""
        if self.delta is None:
            return t("store.change.unknown", lang)
        value = self.delta["total"]
        if round(value, 1) == 0:
            return t("store.change.none", lang)
        return t("store.change.since_last_week", lang, value=fmt_signed(value, lang))

    def stale_text(self, lang: str = "en") -> str | None:
        """The warning to show when the data is stale, naming the export date; else ``None``."""
        if not self.stale or self.last_export is None:
            return None
        return t(
            "store.stale",
            lang,
            date=fmt_date(self.last_export, lang),
            days=self.days_since_export,
            count=self.days_since_export,
        )


def change_of(
    member: str,
    est: pd.DataFrame,
    last_export: date | None,
    today: date | None,
    settings: TimelineSettings,
) -> Change:
    """The :class:`Change` of one member from their :func:`estimates` and newest export date."""
    days = (today - last_export).days if today is not None and last_export is not None else None
    stale = days is not None and days > settings.stale_after_days
    rows = week_changes(est, settings)
    if rows.empty:
        return Change(member, None, None, None, None, last_export, days, stale)
    row = rows.iloc[0]
    delta = None
    if pd.notna(row["previous_as_of"]):
        delta = {c: float(row[f"delta_{c}"]) for c in SCORE_COLUMNS}
    previous = row["previous_as_of"].date() if pd.notna(row["previous_as_of"]) else None
    return Change(
        member=member,
        as_of=row["as_of"].date(),
        total=float(row["total"]),
        previous_as_of=previous,
        delta=delta,
        last_export=last_export,
        days_since_export=days,
        stale=stale,
    )


@dataclass(frozen=True)
class TeamAverage:
    """The team's average of each member's latest estimate.

    ``total`` and ``pillars`` are means over the members counted (two decimals; ``None``
    and empty when nobody is); ``members`` how many were counted; ``first`` and ``last``
    the oldest and newest of their latest estimates' dates. ``stale`` names every member
    whose newest export is older than the limit, ``left_out`` those not counted.
    """

    total: float | None
    pillars: dict[str, float]
    members: int
    first: date | None
    last: date | None
    stale: tuple[str, ...]
    left_out: tuple[str, ...]


def stale_members(
    last_exports: Mapping[str, date | None], today: date | None, stale_after_days: int
) -> tuple[str, ...]:
    """The members whose newest export is more than ``stale_after_days`` before ``today``.

    Without ``today`` nobody is stale; a member without an export is never stale.
    """
    if today is None:
        return ()
    return tuple(
        sorted(
            name
            for name, exported in last_exports.items()
            if exported is not None and (today - exported).days > stale_after_days
        )
    )


def latest_average(
    est: pd.DataFrame,
    last_exports: Mapping[str, date | None],
    today: date | None,
    stale_after_days: int,
    *,
    include_stale: bool = True,
) -> TeamAverage:
    """The mean of each member's latest estimate (:func:`estimates` output in ``est``).

    Every member counts once, with their newest value, whatever week it falls in: the
    average of a team whose exports end on different days is not the value of one week.
    ``include_stale=False`` leaves out the members :func:`stale_members` names.
    """
    stale = stale_members(last_exports, today, stale_after_days)
    latest = est.sort_values("as_of").drop_duplicates("member", keep="last")
    left_out = tuple(sorted(set(stale) & set(latest["member"]))) if not include_stale else ()
    counted = latest[~latest["member"].isin(left_out)]
    if counted.empty:
        return TeamAverage(None, {}, 0, None, None, stale, left_out)
    means = counted[list(SCORE_COLUMNS)].astype("float64").mean().round(2)
    return TeamAverage(
        total=float(means["total"]),
        pillars={p: float(means[p]) for p in PILLARS},
        members=len(counted),
        first=counted["as_of"].min().date(),
        last=counted["as_of"].max().date(),
        stale=stale,
        left_out=left_out,
    )
