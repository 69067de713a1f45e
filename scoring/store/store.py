"""The score database: what was computed from each export, kept over time, never the export.

:class:`Store` opens (and creates or migrates) the database at a SQLAlchemy URL
and offers one method per thing a user does: import an export, add an official
reading, look at a timeline or the team, forget a member. Every write is one
transaction; on SQLite writers take the lock up front (``BEGIN IMMEDIATE``) and a
write that still finds the file locked is retried as a whole.

History rule: the reconstructed weekly history holds one row per member and date.
An import writes its rows for dates not present yet, and replaces rows that an
older export wrote; rows written by a newer export stay. "Newer" compares export
dates; on the same export date a Complete archive beats a Basic or partial one,
and between equals the later import wins.
"""

from __future__ import annotations

import hashlib
import itertools
import time
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
from sqlalchemy import Engine, Select, case, create_engine, delete, event, func, insert, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from scoring.errors import InputError, StoreError
from scoring.export import ExportData
from scoring.model import change as tl
from scoring.results import PILLAR_MAX, PILLARS, MetricScore, PillarScore, Score
from scoring.store.migrate import HEAD, current_revision, known_revisions, upgrade
from scoring.store.paths import default_database_url, display_url, sqlite_file
from scoring.store.records import ForgetResult, ImportResult, OfficialEntry
from scoring.store.schema import (
    HistoryRow,
    ImportRecord,
    Member,
    OfficialRow,
    PeerRow,
    Snapshot,
)
from scoring.store.settings import SQLiteSettings, StoreSettings, load_settings

T = TypeVar("T")
SCORE_COLUMNS = tl.SCORE_COLUMNS
COHORT_COLUMNS: tuple[str, ...] = ("member", "industry", *SCORE_COLUMNS)
MAX_NAME = 200
# Messages SQLite gives when another process holds the write lock.
_BUSY_MARKERS = ("database is locked", "database is busy", "database table is locked")


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _is_busy(exc: OperationalError) -> bool:
    return any(marker in str(exc.orig).lower() for marker in _BUSY_MARKERS)


def _reason(exc: SQLAlchemyError) -> str:
    detail = getattr(exc, "orig", None) or exc
    return str(detail).splitlines()[0] if str(detail) else type(detail).__name__


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


def _create_engine(url: str, sqlite: SQLiteSettings) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed, pool_pre_ping=True)
    path = sqlite_file(parsed)
    if path is not None:
        # The file holds personal scores: a new folder is readable by its owner only.
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    engine = create_engine(parsed, connect_args={"timeout": sqlite.busy_timeout_ms / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver must not open transactions on its own: the "begin" hook below does.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(sqlite.busy_timeout_ms)}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        # Deleted rows are overwritten with zeros, so forgetting a member leaves no bytes.
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A writer takes the write lock at once; upgrading a read lock later can fail
        # with "database is locked" without waiting for the busy timeout.
        write = connection.get_execution_options().get("ssi_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


class Store:
    """The score database at ``url`` (default: ``SSI_DATABASE_URL`` or the user's data folder).

    Opening creates the database if needed and migrates an older schema in place.
    Raises :class:`scoring.errors.StoreError` when the database cannot be opened or is
    newer than this program. ``now`` gives the time stamped on imports (UTC); tests pass
    a fixed clock. Use as a context manager or call :meth:`close`.
    """

    def __init__(
        self,
        url: str | None = None,
        *,
        now: Callable[[], datetime] | None = None,
        settings: StoreSettings | None = None,
    ) -> None:
        self.url = url or default_database_url()
        self.where = display_url(self.url)
        self.settings = settings or load_settings()
        self._now = now or _utc_now
        try:
            self.engine = _create_engine(self.url, self.settings.sqlite)
        except ImportError as exc:
            # A team-server URL names a driver (psycopg, say) that is not installed.
            driver = exc.name or make_url(self.url).get_driver_name()
            raise StoreError("error.store.driver", where=self.where, driver=driver) from exc
        except (SQLAlchemyError, OSError, ValueError) as exc:
            reason = _reason(exc) if isinstance(exc, SQLAlchemyError) else str(exc)
            raise StoreError("error.store.open", where=self.where, reason=reason) from exc
        self._writer = self.engine.execution_options(ssi_write=True)
        try:
            self._migrate()
        except StoreError:
            self.engine.dispose()
            raise

    # -- plumbing ---------------------------------------------------------------------

    def close(self) -> None:
        """Close every connection to the database."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _retrying(self, attempt: Callable[[], T]) -> T:
        sqlite = self.settings.sqlite
        for n in itertools.count():
            try:
                return attempt()
            except (OperationalError, IntegrityError) as exc:
                # IntegrityError: another process created the same member or import first
                # (possible on PostgreSQL); the retry finds it.
                limit = 1 if isinstance(exc, IntegrityError) else sqlite.retries
                retryable = isinstance(exc, IntegrityError) or _is_busy(exc)
                if not retryable or n >= limit:
                    raise
                time.sleep(sqlite.retry_delay_s * 2**n)
        raise AssertionError("unreachable")

    def _guarded(self, attempt: Callable[[], T]) -> T:
        try:
            return self._retrying(attempt)
        except OperationalError as exc:
            if _is_busy(exc):
                raise StoreError("error.store.busy", where=self.where) from exc
            raise StoreError("error.store.failed", where=self.where, reason=_reason(exc)) from exc
        except SQLAlchemyError as exc:
            raise StoreError("error.store.failed", where=self.where, reason=_reason(exc)) from exc

    def _write(self, work: Callable[[Session], T]) -> T:
        def attempt() -> T:
            with Session(self._writer, expire_on_commit=False) as session, session.begin():
                return work(session)

        return self._guarded(attempt)

    def _frame(self, statement: Select[Any]) -> pd.DataFrame:
        def attempt() -> pd.DataFrame:
            with self.engine.connect() as connection:
                result = connection.execute(statement)
                return pd.DataFrame(result.all(), columns=list(result.keys()))

        return self._guarded(attempt)

    def _migrate(self) -> None:
        def current() -> str | None:
            with self.engine.connect() as connection:
                return current_revision(connection)

        try:
            revision = self._guarded(current)
        except StoreError as exc:
            raise StoreError("error.store.open", where=self.where, **_params(exc)) from exc
        if revision == HEAD:
            return
        if revision is not None and revision not in known_revisions():
            raise StoreError("error.store.newer_schema", where=self.where, revision=revision)

        def migrate() -> None:
            with self._writer.begin() as connection:
                upgrade(connection, HEAD)

        try:
            self._guarded(migrate)
        except StoreError as exc:
            raise StoreError("error.store.open", where=self.where, **_params(exc)) from exc

    def _member(self, session: Session, name: str) -> Member | None:
        key = func.lower(normalize_name(name))
        return session.scalars(select(Member).where(func.lower(Member.name) == key)).first()

    def _member_or_create(self, session: Session, name: str) -> Member:
        member = self._member(session, name)
        if member is None:
            member = Member(name=name, industry=None, created_at=self._now())
            session.add(member)
            session.flush()
        return member

    def _existing_member(self, session: Session, name: str) -> Member:
        member = self._member(session, name)
        if member is None:
            raise StoreError("error.store.unknown_member", member=name, where=self.where)
        return member

    def member_name(self, name: str) -> str:
        """How the store spells member ``name`` (matched ignoring case and extra spaces).

        Raises :class:`scoring.errors.StoreError` when no member has that name.
        """
        return self._read_session(lambda s: self._existing_member(s, name).name)

    def _read_session(self, work: Callable[[Session], T]) -> T:
        def attempt() -> T:
            with Session(self.engine, expire_on_commit=False) as session, session.begin():
                return work(session)

        return self._guarded(attempt)

    # -- imports ----------------------------------------------------------------------

    def import_export(
        self,
        data: ExportData,
        member: str | None = None,
        *,
        score: Score | None = None,
        history: pd.DataFrame | None = None,
    ) -> ImportResult:
        """Store the score and reconstructed history of one export, once.

        ``member`` defaults to the name in the export's profile. ``score`` and
        ``history`` default to ``scoring.model.score_as_of(data)`` and
        ``scoring.model.score_history(data)``. An export whose content hash is already
        stored adds nothing and returns ``status="already_imported"`` with the member it
        belongs to. See the module docstring for how histories of several exports merge.
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
        known = self._read_session(lambda s: self._already_imported(s, content_hash))
        if known is not None:
            return known
        if score is None or history is None:
            from scoring.model import score_as_of, score_history

            score = score if score is not None else score_as_of(data)
            history = history if history is not None else score_history(data)
        rows = history_rows(history)
        return self._write(
            lambda session: self._insert_import(session, name, data, content_hash, score, rows)
        )

    def _already_imported(self, session: Session, content_hash: str) -> ImportResult | None:
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

    def _insert_import(
        self,
        session: Session,
        name: str,
        data: ExportData,
        content_hash: str,
        score: Score,
        rows: pd.DataFrame,
    ) -> ImportResult:
        # Checked again inside the write lock: another process may have won the race.
        known = self._already_imported(session, content_hash)
        if known is not None:
            return known
        member = self._member_or_create(session, name)
        self._update_industry(session, member, data)
        record = ImportRecord(
            member_id=member.id,
            content_hash=content_hash,
            export_date=data.export_date,
            archive_kind=data.archive_kind,
            archive_name=Path(data.archive_name).name if data.archive_name else None,
            files=[report.model_dump(mode="json") for report in data.sources],
            missing=list(data.missing),
            imported_at=self._now(),
            model_version=score.model_version,
        )
        session.add(record)
        session.flush()
        self._insert_snapshot(session, member.id, record.id, score)
        added, replaced, kept = self._merge_history(session, member.id, record, rows)
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

    def _update_industry(self, session: Session, member: Member, data: ExportData) -> None:
        industry = normalize_name(data.profile.industry)[:MAX_NAME]
        if not industry:
            return
        newest = session.scalar(
            select(func.max(ImportRecord.export_date)).where(ImportRecord.member_id == member.id)
        )
        if member.industry is None or newest is None or data.export_date >= newest:
            member.industry = industry

    def _insert_snapshot(
        self, session: Session, member_id: int, import_id: int, score: Score
    ) -> None:
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

    def _merge_history(
        self, session: Session, member_id: int, record: ImportRecord, rows: pd.DataFrame
    ) -> tuple[int, int, int]:
        """Write ``rows`` under the module's history rule; returns (added, replaced, kept)."""
        existing = self._session_frame(
            session,
            select(HistoryRow.as_of, ImportRecord.export_date, ImportRecord.archive_kind)
            .join(ImportRecord, ImportRecord.id == HistoryRow.import_id)
            .where(HistoryRow.member_id == member_id),
        )
        existing = existing.assign(
            as_of=tl.as_timestamps(existing["as_of"]),
            rank=tl.import_rank(existing["export_date"], existing["archive_kind"]),
        )
        own_rank = tl.import_rank(
            pd.Series([record.export_date]), pd.Series([record.archive_kind])
        ).iloc[0]
        merged = rows.merge(existing[["as_of", "rank"]], on="as_of", how="left")
        new = merged["rank"].isna()
        replace = ~new & (merged["rank"] <= own_rank)
        replaced_dates = merged.loc[replace, "as_of"].dt.date.tolist()
        for chunk in _chunks(replaced_dates, 500):
            session.execute(
                delete(HistoryRow).where(
                    HistoryRow.member_id == member_id, HistoryRow.as_of.in_(chunk)
                )
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

    @staticmethod
    def _session_frame(session: Session, statement: Select[Any]) -> pd.DataFrame:
        result = session.execute(statement)
        return pd.DataFrame(result.all(), columns=list(result.keys()))

    # -- official readings and peers --------------------------------------------------

    def add_official(self, member: str, reading: OfficialEntry | Any) -> str:
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
            found = self._member_or_create(session, name)
            gone = session.execute(
                delete(OfficialRow).where(
                    OfficialRow.member_id == found.id, OfficialRow.as_of == entry.as_of
                )
            ).rowcount
            session.add(OfficialRow(member_id=found.id, added_at=self._now(), **entry.model_dump()))
            return "replaced" if gone else "added"

        return self._write(work)

    def official_readings(self, member: str) -> pd.DataFrame:
        """Every official reading of ``member``, oldest first, with ranks and group averages."""
        name = self.member_name(member)
        columns = [c for c in OfficialRow.__table__.columns if c.name not in ("id", "member_id")]
        return self._frame(
            select(*columns)
            .join(Member, Member.id == OfficialRow.member_id)
            .where(Member.name == name)
            .order_by(OfficialRow.as_of)
        )

    def add_peers(self, peers: pd.DataFrame, source: str) -> int:
        """Store a peer table under the name ``source``, replacing an earlier one of that name.

        ``peers`` has the shape of :meth:`cohort`: ``member`` (a label) and ``total`` are
        required, ``industry`` and the pillars optional. Raises :class:`InputError`
        naming ``source`` when a column is missing or a score is not a number in range.
        Returns the number of rows stored.
        """
        rows = _valid_peers(peers, source)

        def work(session: Session) -> int:
            session.execute(delete(PeerRow).where(PeerRow.source == source))
            if not rows.empty:
                records = rows.assign(source=source, added_at=self._now())
                session.execute(insert(PeerRow), records.to_dict("records"))
            return len(rows)

        return self._write(work)

    def peers(self, source: str | None = None) -> pd.DataFrame:
        """Stored peer rows (of one upload, or all) in the shape of :meth:`cohort`."""
        statement = select(
            PeerRow.label.label("member"),
            PeerRow.industry,
            *(getattr(PeerRow, c) for c in SCORE_COLUMNS),
        ).order_by(PeerRow.id)
        if source is not None:
            statement = statement.where(PeerRow.source == source)
        return _with_score_floats(self._frame(statement), COHORT_COLUMNS)

    def remove_peers(self, source: str) -> int:
        """Delete the peer table stored as ``source``; returns how many rows went."""
        return self._write(
            lambda s: s.execute(delete(PeerRow).where(PeerRow.source == source)).rowcount
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
        return self._frame(statement)

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
        return self._frame(statement)

    def snapshots(self, member: str | None = None) -> pd.DataFrame:
        """Score snapshots (of one member or all), oldest first.

        Columns: ``member``, ``as_of`` (date), ``total``, the pillars, ``model_version``,
        ``window_days``, ``import_id``, ``export_date``, ``archive_kind``, ``imported_at``.
        """
        statement = self._snapshot_select()
        if member is not None:
            statement = statement.where(Member.name == self.member_name(member))
        frame = self._frame(statement)
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
                ImportRecord.export_date.desc(),
                case(tl.ARCHIVE_RANK, value=ImportRecord.archive_kind, else_=0).desc(),
                Snapshot.import_id.desc(),
            )
            .limit(1)
        )
        if as_of is not None:
            statement = statement.where(Snapshot.as_of == as_of)

        def work(session: Session) -> Snapshot | None:
            return session.scalars(statement).first()

        snapshot = self._read_session(work)
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
        return self._frame(statement)

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

        Each member counts once per period with their last estimate in it. Columns:
        ``as_of`` (the period's last day), total and pillars, ``members``.
        """
        return tl.period_averages(self._estimates(), freq)

    # -- forgetting -------------------------------------------------------------------

    def forget(self, member: str) -> ForgetResult:
        """Delete ``member`` and everything derived from their exports, in one transaction.

        On SQLite deleted rows are overwritten with zeros and the write-ahead log is
        emptied afterwards, so the values do not linger in the file. Raises
        :class:`StoreError` for an unknown member.
        """

        def work(session: Session) -> ForgetResult:
            found = self._existing_member(session, member)
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

        result = self._write(work)
        if self.engine.dialect.name == "sqlite":
            self._guarded(self._checkpoint)
        return result

    def _checkpoint(self) -> None:
        with self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _params(exc: StoreError) -> dict[str, Any]:
    return {"reason": exc.params.get("reason", exc.message("en"))}


def _chunks(values: list[Any], size: int) -> Iterable[list[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _with_score_floats(frame: pd.DataFrame, columns: Iterable[str]) -> pd.DataFrame:
    scores = [c for c in SCORE_COLUMNS if c in set(columns) and c in frame.columns]
    frame[scores] = frame[scores].astype("float64")
    return frame


def _valid_peers(peers: pd.DataFrame, source: str) -> pd.DataFrame:
    missing = [c for c in ("member", "total") if c not in peers.columns]
    if missing:
        raise InputError(
            "error.store.peer_columns", file=source, columns=", ".join(missing), count=len(missing)
        )
    rows = peers.reindex(columns=list(COHORT_COLUMNS)).reset_index(drop=True)
    rows["member"] = rows["member"].astype("string").str.strip().fillna("")
    scores = rows[list(SCORE_COLUMNS)].apply(pd.to_numeric, errors="coerce")
    limits = pd.Series({c: 100.0 if c == "total" else PILLAR_MAX for c in SCORE_COLUMNS})
    out_of_range = (scores < 0) | (scores > limits)
    unreadable = scores.isna() & rows[list(SCORE_COLUMNS)].notna()
    bad = out_of_range.any(axis=1) | unreadable.any(axis=1) | scores["total"].isna()
    bad |= (rows["member"] == "").astype(bool)
    if bad.any():
        line = int(bad.to_numpy().argmax()) + 2  # +1 for the header, +1 to count from one
        raise InputError("error.store.peer_row", file=source, line=line)
    industry = rows["industry"].astype("string").str.strip()
    out = scores.astype("float64").assign(
        label=rows["member"].astype(object), industry=industry.astype(object)
    )
    # NaN must reach the database as NULL.
    return out.astype(object).where(out.notna(), None)


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
