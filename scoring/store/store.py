"""The score database: what was computed from each export, kept over time, never the export.

:class:`Store` opens (and creates or migrates) the database at a SQLAlchemy URL
and offers one method per thing a user does: import an export's results, add an
official reading, look at a timeline or the team, forget a member. It computes no
score: callers pass what ``scoring.model`` computed, and :meth:`Store.has_import`
lets them skip that work for an export already stored. The connection plumbing
lives in :mod:`scoring.store.engine`, the import and history merge rule in
:mod:`scoring.store.merge`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Engine, Select, case, delete, func, select
from sqlalchemy.orm import Session

from scoring import timeline as tl
from scoring.errors import InputError, StoreError
from scoring.export import ExportData
from scoring.results import PILLARS, MetricScore, PillarScore, Score
from scoring.store import merge
from scoring.store.engine import Database
from scoring.store.merge import MAX_NAME, export_hash, history_rows, normalize_name
from scoring.store.paths import default_database_url
from scoring.store.records import ForgetResult, ImportResult, OfficialEntry
from scoring.store.schema import HistoryRow, ImportRecord, Member, OfficialRow, Snapshot
from scoring.store.settings import StoreSettings, load_settings

SCORE_COLUMNS = tl.SCORE_COLUMNS
COHORT_COLUMNS: tuple[str, ...] = ("member", "industry", *SCORE_COLUMNS)
#: Every table that holds rows of a member, children first.
FORGET_TABLES: tuple[str, ...] = tuple(
    t.__tablename__ for t in (HistoryRow, Snapshot, OfficialRow, ImportRecord, Member)
)

__all__ = ["COHORT_COLUMNS", "Store", "export_hash", "history_rows", "normalize_name"]


def _naive_utc(moment: datetime) -> datetime:
    """``moment`` in UTC without a time zone, as the database stores it (naive means UTC)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


class Store:
    """The score database at ``url`` (default: ``SSI_DATABASE_URL`` or the user's data folder).

    Opening creates the database if needed and migrates an older schema in place.
    Raises :class:`scoring.errors.StoreError` when the database cannot be opened or is
    newer than this program. ``now`` is the caller's clock, called for the time stamped
    on imports, readings and new members: ``scoring`` never reads the clock itself, so the
    CLI and the dashboard pass ``lambda: datetime.now(UTC)`` and tests a fixed time (an
    aware time is stored in UTC, a naive one is taken as UTC). Use as a context manager
    or call :meth:`close`.
    """

    def __init__(
        self,
        url: str | None = None,
        *,
        now: Callable[[], datetime],
        settings: StoreSettings | None = None,
    ) -> None:
        self.url = url or default_database_url()
        self.settings = settings or load_settings()
        self._clock = now
        self._db = Database(self.url, self.settings.sqlite)
        self.where = self._db.where

    def _now(self) -> datetime:
        return _naive_utc(self._clock())

    @property
    def read_only(self) -> bool:
        """True for a SQLite file opened read-only (a folder the user may not write to)."""
        return self._db.read_only

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (for tests and tools that inspect the schema)."""
        return self._db.engine

    def close(self) -> None:
        """Close every connection to the database."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def member_name(self, name: str) -> str:
        """How the store spells member ``name`` (matched ignoring case and extra spaces).

        Raises :class:`scoring.errors.StoreError` when no member has that name.
        """
        return self._db.read(lambda s: merge.existing_member(s, name, self.where).name)

    # -- imports ----------------------------------------------------------------------

    def stored_import(self, content_hash: str) -> ImportResult | None:
        """The import stored with ``content_hash`` (``status="already_imported"``), or None.

        ``content_hash`` is :func:`export_hash` of the export. Callers ask first and
        score only what is not stored yet.
        """
        return self._db.read(lambda s: merge.stored_import(s, content_hash))

    def has_import(self, content_hash: str) -> bool:
        """Whether an export with ``content_hash`` (see :func:`export_hash`) is stored."""
        return self.stored_import(content_hash) is not None

    def import_export(
        self,
        data: ExportData,
        member: str | None = None,
        *,
        score: Score,
        history: pd.DataFrame,
    ) -> ImportResult:
        """Store the score and reconstructed history of one export, once.

        ``score`` and ``history`` are what ``scoring.model.score_as_of(data)`` and
        ``scoring.model.score_history(data)`` computed (the caller may have passed manual
        inputs or another window). ``member`` defaults to the name in the export's
        profile. An export whose content hash is already stored adds nothing and returns
        ``status="already_imported"`` with the member it belongs to. See
        :mod:`scoring.store.merge` for how histories of several exports merge.
        Everything is written in one transaction. Raises :class:`StoreError` when no
        member name is given or found, or the database cannot be written.
        """
        name = normalize_name(member) or normalize_name(data.profile.display_name)
        if not name:
            file = Path(data.archive_name).name if data.archive_name else "-"
            raise StoreError("error.store.no_member", file=file)
        if len(name) > MAX_NAME:
            raise InputError("error.store.long_name", limit=MAX_NAME)
        content_hash = export_hash(data)
        known = self.stored_import(content_hash)
        if known is not None:
            return known
        rows = history_rows(history)
        return self._db.write(
            lambda session: merge.insert_import(
                session, name, data, content_hash, score, rows, self._now
            )
        )

    # -- official readings ------------------------------------------------------------

    def add_official(self, member: str, reading: object) -> str:
        """Store a reading of LinkedIn's SSI page for ``member`` (created if new).

        ``reading`` is an :class:`OfficialEntry` or any object with the same attribute
        names (such as ``scoring.official.OfficialReading``). A second reading for the same
        member and date replaces the first. Returns ``"added"`` or ``"replaced"``.
        """
        entry = OfficialEntry.of(reading)
        name = normalize_name(member)
        if not name:
            raise InputError("error.store.no_member_given")
        if len(name) > MAX_NAME:
            raise InputError("error.store.long_name", limit=MAX_NAME)

        def work(session: Session) -> str:
            found = merge.member_or_create(session, name, self._now())
            gone = session.execute(
                delete(OfficialRow).where(
                    OfficialRow.member_id == found.id, OfficialRow.as_of == entry.as_of
                )
            ).rowcount
            session.add(OfficialRow(member_id=found.id, added_at=self._now(), **entry.model_dump()))
            return "replaced" if gone else "added"

        return self._db.write(work)

    def official_readings(self, member: str) -> pd.DataFrame:
        """Every official reading of ``member``, oldest first, with ranks and group averages."""
        name = self.member_name(member)
        columns = [c for c in OfficialRow.__table__.columns if c.name not in ("id", "member_id")]
        return self._db.frame(
            select(*columns)
            .join(Member, Member.id == OfficialRow.member_id)
            .where(Member.name == name)
            .order_by(OfficialRow.as_of)
        )

    # -- reading ----------------------------------------------------------------------

    def members(self) -> pd.DataFrame:
        """Every member: ``member``, ``industry``, ``imports`` and ``last_export`` (a date)."""
        statement = (
            select(
                Member.name.label("member"),
                Member.industry,
                func.count(ImportRecord.id).label("imports"),
                func.max(ImportRecord.export_date).label("last_export"),
            )
            .outerjoin(ImportRecord, ImportRecord.member_id == Member.id)
            .group_by(Member.id)
            .order_by(Member.name)
        )
        return self._db.frame(statement)

    def imports(self, member: str | None = None) -> pd.DataFrame:
        """Imports (of one member or all), oldest export first, with the per-file report.

        ``imported_at`` is in UTC; ``files`` lists the reader's report per file (name,
        kind, rows kept and skipped, warnings) and ``missing`` the kinds the export lacked.
        """
        statement = (
            select(
                Member.name.label("member"),
                ImportRecord.id.label("import_id"),
                ImportRecord.export_date,
                ImportRecord.archive_kind,
                ImportRecord.archive_name,
                ImportRecord.imported_at,
                ImportRecord.model_version,
                ImportRecord.content_hash,
                ImportRecord.files,
                ImportRecord.missing,
            )
            .join(Member, Member.id == ImportRecord.member_id)
            .order_by(Member.name, ImportRecord.export_date, ImportRecord.id)
        )
        if member is not None:
            statement = statement.where(Member.name == self.member_name(member))
        return self._db.frame(statement)

    def snapshots(self, member: str | None = None) -> pd.DataFrame:
        """Score snapshots (of one member or all), oldest first.

        Columns: ``member``, ``as_of`` (date), ``total``, the pillars, ``model_version``,
        ``window_days``, ``import_id``, ``export_date``, ``archive_kind``, ``imported_at``.
        """
        statement = self._snapshot_select()
        if member is not None:
            statement = statement.where(Member.name == self.member_name(member))
        frame = self._db.frame(statement)
        return _with_score_floats(frame, frame.columns)

    @staticmethod
    def _snapshot_select() -> Select[Any]:
        return (
            select(
                Member.name.label("member"),
                Snapshot.as_of,
                *(getattr(Snapshot, c) for c in SCORE_COLUMNS),
                Snapshot.model_version,
                Snapshot.window_days,
                Snapshot.import_id,
                ImportRecord.export_date,
                ImportRecord.archive_kind,
                ImportRecord.imported_at,
            )
            .join(Member, Member.id == Snapshot.member_id)
            .join(ImportRecord, ImportRecord.id == Snapshot.import_id)
            .order_by(Member.name, Snapshot.as_of, Snapshot.import_id)
        )

    def snapshot_score(self, member: str, as_of: date | None = None) -> Score:
        """The stored :class:`Score` of ``member`` as of ``as_of`` (default: the newest).

        On a date with two imports, the better one (see the module's history rule) is
        returned. Raises :class:`StoreError` when there is no snapshot on that date.
        """
        name = self.member_name(member)
        statement = (
            select(Snapshot)
            .join(ImportRecord, ImportRecord.id == Snapshot.import_id)
            .join(Member, Member.id == Snapshot.member_id)
            .where(Member.name == name)
            .order_by(
                Snapshot.as_of.desc(),
                case(tl.ARCHIVE_RANK, value=ImportRecord.archive_kind, else_=0).desc(),
                ImportRecord.export_date.desc(),
                Snapshot.import_id.desc(),
            )
            .limit(1)
        )
        if as_of is not None:
            statement = statement.where(Snapshot.as_of == as_of)

        def work(session: Session) -> Snapshot | None:
            return session.scalars(statement).first()

        snapshot = self._db.read(work)
        if snapshot is None:
            raise StoreError("error.store.no_snapshot", member=name, date=str(as_of or "-"))
        return _score_of(snapshot)

    def _best_snapshots(self, member: str | None = None) -> pd.DataFrame:
        """Snapshots with one row per member and date: the best import of each date."""
        frame = self.snapshots(member)
        frame = frame.assign(rank=tl.import_rank(frame["export_date"], frame["archive_kind"]))
        frame = frame.sort_values(["member", "as_of", "rank", "import_id"], kind="stable")
        return frame.drop_duplicates(["member", "as_of"], keep="last").reset_index(drop=True)

    def _history(self, member: str | None = None) -> pd.DataFrame:
        statement = (
            select(
                Member.name.label("member"),
                HistoryRow.as_of,
                *(getattr(HistoryRow, c) for c in SCORE_COLUMNS),
            )
            .join(Member, Member.id == HistoryRow.member_id)
            .order_by(Member.name, HistoryRow.as_of)
        )
        if member is not None:
            statement = statement.where(Member.name == member)
        return self._db.frame(statement)

    def history(self, member: str) -> pd.DataFrame:
        """The stored weekly history of ``member``: ``as_of`` (date), total and pillars."""
        frame = self._history(self.member_name(member)).drop(columns="member")
        return _with_score_floats(frame, frame.columns)

    def timeline(self, member: str) -> pd.DataFrame:
        """Every stored value of ``member`` in one frame, oldest first.

        Columns: ``as_of`` (date), ``total``, ``brand``, ``people``, ``insights``,
        ``relationships``, ``source`` ∈ {``reconstructed``, ``snapshot``, ``official``}.
        Official readings may lack pillars (NaN). Raises :class:`StoreError` for an
        unknown member.
        """
        name = self.member_name(member)
        official = self.official_readings(name)
        return tl.merge_timeline(self._history(name), self._best_snapshots(name), official)

    def _estimates(self, member: str | None = None) -> pd.DataFrame:
        history = self._history(member).assign(source="reconstructed")
        snapshots = self._best_snapshots(member).assign(source="snapshot")
        columns = ["member", "as_of", *SCORE_COLUMNS, "source"]
        frame = pd.concat([history[columns], snapshots[columns]], ignore_index=True)
        frame[list(SCORE_COLUMNS)] = frame[list(SCORE_COLUMNS)].astype("float64")
        return tl.estimates(frame)

    def change(self, member: str, *, today: date | None = None) -> tl.Change:
        """The newest estimate of ``member``, its change since last week, and staleness.

        The change compares the newest estimate (snapshot or reconstructed week) with
        the value a week earlier (see ``settings.toml``). ``today`` is the caller's date;
        without it nothing is called stale.
        """
        name = self.member_name(member)
        last_export = self.members().set_index("member").loc[name, "last_export"]
        last_export = last_export if isinstance(last_export, date) else None
        return tl.change_of(name, self._estimates(name), last_export, today, self.settings.timeline)

    def cohort(self, exclude: str | None = None) -> pd.DataFrame:
        """Each member's newest snapshot as a peer table, optionally without one member.

        Columns: ``member``, ``industry``, ``total``, ``brand``, ``people``,
        ``insights``, ``relationships`` — the shape of a peer CSV, so the members of one
        database can serve as the network cohort for percentiles.
        """
        latest = self._best_snapshots().drop_duplicates("member", keep="last")
        members = self.members()[["member", "industry"]]
        frame = latest.merge(members, on="member", how="left")
        if exclude is not None:
            frame = frame[frame["member"].str.lower() != normalize_name(exclude).lower()]
        return _with_score_floats(
            frame[list(COHORT_COLUMNS)].reset_index(drop=True), COHORT_COLUMNS
        )

    def team(self) -> pd.DataFrame:
        """The leaderboard: members by newest estimate, highest first.

        Columns: ``rank`` (ties share the better rank), ``member``, ``industry``,
        ``as_of`` (date), ``total``, the pillars, and ``change`` (total points since
        last week, NaN when there is no value from a week earlier).
        """
        changes = tl.week_changes(self._estimates(), self.settings.timeline)
        board = changes.merge(self.members()[["member", "industry"]], on="member", how="left")
        board = board.rename(columns={"delta_total": "change"})
        board["as_of"] = tl.as_dates(board["as_of"]) if not board.empty else board["as_of"]
        board = board.sort_values(["total", "member"], ascending=[False, True], kind="stable")
        board.insert(0, "rank", board["total"].rank(method="min", ascending=False).astype("int64"))
        columns = ["rank", "member", "industry", "as_of", *SCORE_COLUMNS, "change"]
        return board[columns].reset_index(drop=True)

    def team_average(self, freq: str = "W") -> pd.DataFrame:
        """The team's average estimate per period (``freq`` as pandas spells it: W, M, …).

        Each period counts only the members with an estimate in it, each once, with
        their last estimate there. Columns: ``as_of`` (the period's last day), total and
        pillars, ``members`` (how many were counted).
        """
        return tl.period_averages(self._estimates(), freq)

    def team_latest_average(
        self, today: date | None = None, *, include_stale: bool = True
    ) -> tl.TeamAverage:
        """The mean of each member's latest estimate, with the count and the date span.

        Members whose newest export is more than ``settings.toml``'s
        ``team.stale_after_days`` before ``today`` are named in ``stale``; with
        ``include_stale=False`` they are left out of the mean. Without ``today`` nobody is
        stale.
        """
        members = self.members()
        last_exports = {
            name: exported if isinstance(exported, date) else None
            for name, exported in zip(members["member"], members["last_export"], strict=True)
        }
        return tl.latest_average(
            self._estimates(),
            last_exports,
            today,
            self.settings.team.stale_after_days,
            include_stale=include_stale,
        )

    # -- forgetting -------------------------------------------------------------------

    def forget(self, member: str) -> ForgetResult:
        """Delete ``member`` and everything derived from their exports, in one transaction.

        Afterwards the database's files are scrubbed of the deleted rows (SQLite: zeroed
        and the write-ahead log emptied; PostgreSQL: the tables rewritten), so the values
        do not linger on disk. Raises
        :class:`StoreError` for an unknown member.
        """

        def work(session: Session) -> ForgetResult:
            found = merge.existing_member(session, member, self.where)
            counts = {
                table.__tablename__: session.execute(
                    delete(table).where(table.member_id == found.id)
                ).rowcount
                for table in (HistoryRow, Snapshot, OfficialRow, ImportRecord)
            }
            session.execute(delete(Member).where(Member.id == found.id))
            return ForgetResult(
                member=found.name,
                imports=counts["imports"],
                snapshots=counts["snapshots"],
                history=counts["history"],
                official_readings=counts["official_readings"],
            )

        result = self._db.write(work)
        self._db.scrub(FORGET_TABLES)
        return result


def _with_score_floats(frame: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    scores = [c for c in SCORE_COLUMNS if c in set(columns) and c in frame.columns]
    frame[scores] = frame[scores].astype("float64")
    return frame


def _score_of(snapshot: Snapshot) -> Score:
    metrics = [MetricScore.model_validate(m) for m in snapshot.metrics]
    pillars = {
        p: PillarScore(
            key=p,
            score=getattr(snapshot, p),
            metrics=tuple(m for m in metrics if m.pillar == p),
        )
        for p in PILLARS
    }
    return Score(
        as_of=snapshot.as_of,
        window_days=snapshot.window_days,
        total=snapshot.total,
        pillars=pillars,
        model_version=snapshot.model_version,
        manual_inputs=snapshot.manual_inputs or {},
    )
