"""Pure pandas over stored scores: one timeline per member, weekly change, team averages.

The store reads rows from the database and hands frames to these functions, so
that the rules (which value wins on a date, what "last week" means) can be read
and tested without a database. Dates inside are ``datetime64``; frames returned
to callers carry ``as_of`` as :class:`datetime.date`, as ``score_history`` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from scoring.i18n import fmt_date, fmt_signed, t
from scoring.results import SCORE_FIELDS
from scoring.store.settings import TimelineSettings

SCORE_COLUMNS: tuple[str, ...] = SCORE_FIELDS
#: In this order within a date: the model's weekly reconstruction, the score of an
#: import as of its export date, then what LinkedIn itself showed.
SOURCES: tuple[str, ...] = ("reconstructed", "snapshot", "official")
TIMELINE_COLUMNS: tuple[str, ...] = ("as_of", *SCORE_COLUMNS, "source")
#: Same date, same source (two exports of one day): the higher rank wins.
ARCHIVE_RANK = {"partial": 0, "basic": 1, "complete": 2}


def as_timestamps(values: pd.Series) -> pd.Series:
    """Dates (``date`` objects, strings ``YYYY-MM-DD`` or timestamps) as naive ``datetime64``."""
    return pd.to_datetime(values, format="ISO8601").dt.tz_localize(None).astype("datetime64[ns]")


def as_dates(values: pd.Series) -> pd.Series:
    """``datetime64`` values as :class:`datetime.date` objects (the contract's date type)."""
    return pd.Series(values.dt.date, index=values.index, dtype=object)


def import_rank(export_date: pd.Series, archive_kind: pd.Series) -> pd.Series:
    """How authoritative each import is: a later export wins; on the same day, the richer kind.

    Returned as one integer per import (days since 1970 × 10 + kind rank) so that whole
    columns compare at once.
    """
    days = (as_timestamps(export_date) - pd.Timestamp("1970-01-01")).dt.days
    return days * 10 + archive_kind.map(ARCHIVE_RANK).fillna(0).astype("int64")


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
    newest = newest[["member", "as_of", *cols]].assign(
        target=lambda f: f["as_of"] - pd.Timedelta(days=settings.week_days)
    )
    earlier = est[["member", "as_of", *cols]].rename(
        columns={"as_of": "previous_as_of", **{c: f"previous_{c}" for c in cols}}
    )
    paired = pd.merge_asof(
        newest.sort_values("target"),
        earlier.sort_values("previous_as_of"),
        left_on="target",
        right_on="previous_as_of",
        by="member",
        direction="backward",
        tolerance=pd.Timedelta(days=settings.previous_tolerance_days),
    )
    for c in cols:
        paired[f"delta_{c}"] = (paired[c] - paired[f"previous_{c}"]).round(2)
    keep = ["member", "as_of", "previous_as_of", *cols, *(f"delta_{c}" for c in cols)]
    return paired[keep].sort_values("member").reset_index(drop=True)


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
