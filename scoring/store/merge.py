"""Writing one import: its member, record, snapshot and the history merge rule.

History rule: the reconstructed history holds one row per member and calendar week
(weeks ending on Sunday, whatever weekday an export was made on; the row keeps the
date its value was computed for). An import writes its rows for weeks not present
yet and replaces rows that a poorer export wrote; rows of a better export stay.
"Better": a Complete archive beats a Basic one, which beats a partial upload, for
every week both cover; between exports of the same kind the newer export wins, and
between equals the later import. So a newer Basic export fills the weeks after an
older Complete one without overwriting its weeks, and any import order gives the
same history.

Every function here runs inside the caller's write transaction and computes no
score: the score and history arrive ready-made from ``scoring.model``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from scoring import timeline as tl
from scoring.errors import StoreError
from scoring.export import ExportData
from scoring.results import PILLARS, Score
from scoring.store.engine import session_frame
from scoring.store.records import ImportResult
from scoring.store.schema import HistoryRow, ImportRecord, Member, Snapshot

SCORE_COLUMNS = tl.SCORE_COLUMNS
MAX_NAME = 200


def normalize_name(name: str | None) -> str:
    """A member name with outer spaces trimmed and inner runs of spaces collapsed."""
    return " ".join((name or "").split())


def export_hash(data: ExportData) -> str:
    """The export's content hash, or, for data built without one, a hash of its frames."""
    if data.content_hash:
        return data.content_hash
    digest = hashlib.sha256()
    digest.update(data.export_date.isoformat().encode())
    digest.update(data.profile.model_dump_json().encode())
    for kind in sorted(data.frames):
        digest.update(kind.encode())
        frame = data.frames[kind]
        digest.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
    return digest.hexdigest()


def history_rows(history: pd.DataFrame) -> pd.DataFrame:
    """The dates, totals and pillars of a ``score_history`` frame, one row per date.

    Raises ``ValueError`` when a column of the contract is missing: that is a bug in the
    caller, not bad user input.
    """
    missing = [c for c in ("as_of", *SCORE_COLUMNS) if c not in history.columns]
    if missing:
        raise ValueError(f"score history lacks columns {missing}")
    rows = history[["as_of", *SCORE_COLUMNS]].dropna(subset=["as_of", *SCORE_COLUMNS])
    rows = rows.assign(as_of=tl.as_timestamps(rows["as_of"]))
    rows[list(SCORE_COLUMNS)] = rows[list(SCORE_COLUMNS)].astype("float64")
    return rows.drop_duplicates("as_of", keep="last").reset_index(drop=True)


def find_member(session: Session, name: str) -> Member | None:
    """The member called ``name``, matched ignoring case and extra spaces."""
    key = func.lower(normalize_name(name))
    return session.scalars(select(Member).where(func.lower(Member.name) == key)).first()


def member_or_create(session: Session, name: str, now: datetime) -> Member:
    """The member called ``name``, created (at ``now``) when there is none."""
    member = find_member(session, name)
    if member is None:
        member = Member(name=name, industry=None, created_at=now)
        session.add(member)
        session.flush()
    return member


def existing_member(session: Session, name: str, where: str) -> Member:
    """The member called ``name``; raises :class:`StoreError` when there is none."""
    member = find_member(session, name)
    if member is None:
        raise StoreError("error.store.unknown_member", member=name, where=where)
    return member


def stored_import(session: Session, content_hash: str) -> ImportResult | None:
    """The import stored with ``content_hash`` as an ``already_imported`` result, if any."""
    found = session.execute(
        select(ImportRecord, Snapshot.total, Member.name)
        .join(Snapshot, Snapshot.import_id == ImportRecord.id)
        .join(Member, Member.id == ImportRecord.member_id)
        .where(ImportRecord.content_hash == content_hash)
    ).first()
    if found is None:
        return None
    record, total, name = found
    return ImportResult(
        status="already_imported",
        member=name,
        import_id=record.id,
        content_hash=content_hash,
        export_date=record.export_date,
        archive_kind=record.archive_kind,
        total=total,
        model_version=record.model_version,
    )


def insert_import(
    session: Session,
    name: str,
    data: ExportData,
    content_hash: str,
    score: Score,
    rows: pd.DataFrame,
    now: Callable[[], datetime],
) -> ImportResult:
    """Write one export's member, import record, snapshot and history rows."""
    # Checked again inside the write lock: another process may have won the race.
    known = stored_import(session, content_hash)
    if known is not None:
        return known
    member = member_or_create(session, name, now())
    update_industry(session, member, data)
    record = ImportRecord(
        member_id=member.id,
        content_hash=content_hash,
        export_date=data.export_date,
        archive_kind=data.archive_kind,
        archive_name=Path(data.archive_name).name if data.archive_name else None,
        files=[report.model_dump(mode="json") for report in data.sources],
        missing=list(data.missing),
        imported_at=now(),
        model_version=score.model_version,
    )
    session.add(record)
    session.flush()
    insert_snapshot(session, member.id, record.id, score)
    added, replaced, kept = merge_history(session, member.id, record, rows)
    return ImportResult(
        status="imported",
        member=member.name,
        import_id=record.id,
        content_hash=content_hash,
        export_date=data.export_date,
        archive_kind=data.archive_kind,
        total=score.total,
        model_version=score.model_version,
        history_added=added,
        history_replaced=replaced,
        history_kept=kept,
    )


def update_industry(session: Session, member: Member, data: ExportData) -> None:
    """Take the export's industry when it is the member's newest export (or the first)."""
    industry = normalize_name(data.profile.industry)[:MAX_NAME]
    if not industry:
        return
    newest = session.scalar(
        select(func.max(ImportRecord.export_date)).where(ImportRecord.member_id == member.id)
    )
    if member.industry is None or newest is None or data.export_date >= newest:
        member.industry = industry


def insert_snapshot(session: Session, member_id: int, import_id: int, score: Score) -> None:
    """Write the score of one import with every sub-metric."""
    pillars = {p: score.pillars[p].score for p in PILLARS}
    session.add(
        Snapshot(
            member_id=member_id,
            import_id=import_id,
            as_of=score.as_of,
            window_days=score.window_days,
            total=score.total,
            metrics=[m.model_dump(mode="json") for m in score.metrics()],
            model_version=score.model_version,
            source="import",
            manual_inputs=dict(score.manual_inputs),
            **pillars,
        )
    )
    session.flush()


def merge_history(
    session: Session, member_id: int, record: ImportRecord, rows: pd.DataFrame
) -> tuple[int, int, int]:
    """Write ``rows`` under the module's history rule; returns (added, replaced, kept) weeks."""
    existing = session_frame(
        session,
        select(HistoryRow.as_of, ImportRecord.export_date, ImportRecord.archive_kind)
        .join(ImportRecord, ImportRecord.id == HistoryRow.import_id)
        .where(HistoryRow.member_id == member_id),
    )
    existing = existing.assign(
        week=tl.week_ends(existing["as_of"]),
        rank=tl.import_rank(existing["export_date"], existing["archive_kind"]),
    )
    # A week a database of an older version holds twice is judged by its better row.
    weeks = existing.groupby("week", as_index=False)["rank"].max()
    own_rank = tl.import_rank(
        pd.Series([record.export_date]), pd.Series([record.archive_kind])
    ).iloc[0]
    incoming = rows.assign(week=tl.week_ends(rows["as_of"]))
    incoming = incoming.sort_values("as_of").drop_duplicates("week", keep="last")
    merged = incoming.merge(weeks, on="week", how="left")
    new = merged["rank"].isna()
    replace = ~new & (merged["rank"] <= own_rank)
    replaced_weeks = set(merged.loc[replace, "week"])
    gone = existing.loc[existing["week"].isin(replaced_weeks), "as_of"].tolist()
    for chunk in _chunks(gone, 500):
        session.execute(
            delete(HistoryRow).where(HistoryRow.member_id == member_id, HistoryRow.as_of.in_(chunk))
        )
    write = merged.loc[new | replace, ["as_of", *SCORE_COLUMNS]]
    if not write.empty:
        write = write.assign(
            as_of=write["as_of"].dt.date,
            member_id=member_id,
            import_id=record.id,
            model_version=record.model_version,
        )
        session.execute(insert(HistoryRow), write.to_dict("records"))
    return int(new.sum()), int(replace.sum()), int((~new & ~replace).sum())


def _chunks(values: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]
