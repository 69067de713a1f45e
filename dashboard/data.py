"""Where the dashboard gets its numbers: ``scoring`` calls, cached by the export's hash.

The only module with ``st.cache_data``/``st.cache_resource``. Every function
takes the :class:`~dashboard.state.CurrentExport` whose ``key`` (a sha256 over
the uploaded names and bytes) is the cache key; the heavy objects travel as
underscore-prefixed arguments, which Streamlit does not hash. So switching pages
or languages never re-reads or re-scores an export, and a 50 MB upload is hashed
once, when it arrives. Hand-entered inputs (:class:`ManualInputs`) join the key
as their JSON.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import state
from dashboard.state import CurrentExport, Upload
from scoring import timeline as store_timeline
from scoring.advice.decay import decay
from scoring.advice.tips import Tip, ranked_tips
from scoring.advice.whatif import simulate
from scoring.compare import Percentiles, compare, load_industries, load_reference, read_peers
from scoring.compare.reference import Basis, GroupDistribution
from scoring.errors import SSIError
from scoring.export import ExportData
from scoring.ingest import read_export
from scoring.model import ManualInputs, score_as_of, score_history
from scoring.model.config import load_config
from scoring.model.history import first_activity
from scoring.official import OfficialReading
from scoring.results import Score
from scoring.samples import PERSONAS, sample_path
from scoring.store import Change, Store, default_database_url
from scoring.store.settings import StoreSettings
from scoring.store.settings import load_settings as load_store_settings

log = logging.getLogger(__name__)

#: How many exports one server keeps parsed at once (each holds its frames in memory).
MAX_EXPORTS = 8
#: Results (scores, histories, what-ifs) kept per function; small, so many.
MAX_RESULTS = 64


def _manual_key(manual: ManualInputs | None) -> str:
    return manual.model_dump_json() if manual is not None else ""


@st.cache_resource(max_entries=MAX_EXPORTS, show_spinner=False)
def _read(key: str, _sources: tuple[Upload, ...], today: date) -> ExportData:
    return read_export(list(_sources), today=today)


def export_data(export: CurrentExport) -> ExportData:
    """The parsed export; read once per content key, then served from memory."""
    # The reader never reads the clock: an export without any date falls back to today.
    return _read(export.key, export.sources, date.today())


def as_of(export: CurrentExport) -> date:
    """The day every page scores as of: the sidebar's choice, else the export date."""
    return state.as_of_choice() or export_data(export).export_date


@st.cache_data(max_entries=MAX_RESULTS, show_spinner=False)
def _score_on(
    key: str,
    point: tuple[date, int | None],
    manual_key: str,
    _data: ExportData,
    _manual: ManualInputs | None,
) -> Score:
    day, window = point  # (as-of date, window days)
    return score_as_of(_data, as_of=day, window_days=window, manual=_manual)


def score(export: CurrentExport, manual: ManualInputs | None = None) -> Score:
    """The score as of the sidebar's date over its window (``ssi score --as-of --window-days``).

    Both default to the export date and the model's window; changing them re-scores
    the parsed export held in memory, never re-reads it.
    """
    return score_on(export, as_of(export), manual)


def score_on(export: CurrentExport, day: date, manual: ManualInputs | None = None) -> Score:
    """The score as of ``day`` over the sidebar's window."""
    window = state.window_choice()
    point = (day, window)
    return _score_on(export.key, point, _manual_key(manual), export_data(export), manual)


@st.cache_data(max_entries=MAX_RESULTS, show_spinner=False)
def _history(
    key: str,
    freq: str,
    window: int | None,
    manual_key: str,
    _data: ExportData,
    _manual: ManualInputs | None,
) -> pd.DataFrame:
    return score_history(_data, freq=freq, window_days=window, manual=_manual)


def history(
    export: CurrentExport, freq: str = "W", manual: ManualInputs | None = None
) -> pd.DataFrame:
    """The reconstructed score at every day (``D``), week (``W``) or month (``M``)."""
    window = state.window_choice()
    return _history(export.key, freq, window, _manual_key(manual), export_data(export), manual)


@st.cache_resource(show_spinner=False)
def default_window() -> int:
    """The model's scoring window in days (90)."""
    return load_config().window_days


@st.cache_resource(max_entries=MAX_EXPORTS, show_spinner=False)
def _first_activity(key: str, _data: ExportData) -> date:
    return first_activity(_data) or _data.export_date


def as_of_bounds(export: CurrentExport) -> tuple[date, date]:
    """The as-of dates offered: the export's first activity to a year after its export date."""
    export_date = export_data(export).export_date
    return _first_activity(export.key, export_data(export)), export_date + timedelta(days=365)


def week_change(export: CurrentExport, today: date, manual: ManualInputs | None = None) -> Change:
    """The change in the week up to the as-of date and the export's age, by the store's rules.

    The export need not be stored: its own weekly reconstruction is the timeline.
    """
    weekly = history(export, "W", manual)
    weekly = weekly[pd.to_datetime(weekly["as_of"]) <= pd.Timestamp(as_of(export))]
    frame = weekly[["as_of", *store_timeline.SCORE_COLUMNS]].assign(
        member="", source="reconstructed"
    )
    return store_timeline.change_of(
        "",
        store_timeline.estimates(frame),
        export_data(export).export_date,
        today,
        _store_settings().timeline,
    )


def weekly_changes(export: CurrentExport, manual: ManualInputs | None = None) -> pd.DataFrame:
    """The weekly history with each week's change since the week before, by the store's rules.

    ``scoring.timeline.history_changes`` over :func:`history`: ``as_of``, the
    scores, ``previous_as_of`` and ``delta_<column>``.
    """
    return store_timeline.history_changes(history(export, "W", manual), _store_settings().timeline)


@st.cache_data(max_entries=MAX_RESULTS, show_spinner=False)
def _tips(
    key: str,
    lang: str,
    score_key: tuple[date, int],
    manual_key: str,
    _data: ExportData,
    _score: Score,
    _manual: ManualInputs | None,
) -> list[Tip]:
    return ranked_tips(_data, _score, lang=lang, manual=_manual)


def tips(export: CurrentExport, lang: str, manual: ManualInputs | None = None) -> list[Tip]:
    """Every tip that adds points, most valuable first, each gain simulated by the model.

    The slowest computation of the dashboard (one what-if per sub-metric), so it is
    cached per export, language and manual inputs.
    """
    current = score(export, manual)
    return _tips(
        export.key,
        lang,
        (current.as_of, current.window_days),
        _manual_key(manual),
        export_data(export),
        current,
        manual,
    )


def warm_up(export: CurrentExport) -> None:
    """Compute the overview's numbers, so the first visit after an import shows them at once.

    The tips are left out on purpose: they take seconds, and the overview draws
    them last, below the numbers, while the rest of the page is already shown.
    """
    score(export)
    history(export)
    percentiles(export)


@st.cache_data(max_entries=MAX_RESULTS, show_spinner=False)
def _simulated(
    key: str,
    changes: tuple[tuple[str, float], ...],
    as_of: date,
    window: int | None,
    manual_key: str,
    _data: ExportData,
    _manual: ManualInputs | None,
) -> Score:
    return simulate(_data, dict(changes), as_of=as_of, window_days=window, manual=_manual)


def simulated(
    export: CurrentExport, changes: dict[str, float], manual: ManualInputs | None = None
) -> Score:
    """The score if the user did ``changes`` more (activity → per week) over the window."""
    kept = tuple(sorted((k, float(v)) for k, v in changes.items() if v))
    day, window = as_of(export), state.window_choice()
    return _simulated(
        export.key, kept, day, window, _manual_key(manual), export_data(export), manual
    )


@st.cache_data(max_entries=MAX_RESULTS, show_spinner=False)
def _decay(
    key: str,
    weeks: int,
    window: int | None,
    manual_key: str,
    _data: ExportData,
    _manual: ManualInputs | None,
) -> pd.DataFrame:
    return decay(_data, weeks, window_days=window, manual=_manual)


def decayed(export: CurrentExport, weeks: int, manual: ManualInputs | None = None) -> pd.DataFrame:
    """The projected score week by week if all activity stopped at the export date."""
    window = state.window_choice()
    return _decay(export.key, weeks, window, _manual_key(manual), export_data(export), manual)


@st.cache_resource(show_spinner=False)
def _store_settings() -> StoreSettings:
    return load_store_settings()


@st.cache_resource(show_spinner=False)
def _store(url: str | None) -> Store:
    return Store(url, now=lambda: datetime.now(UTC))


def store() -> Store:
    """The score database named by ``SSI_DATABASE_URL`` (or the user's data folder)."""
    return _store(default_database_url())


def open_store() -> None:
    """Open (create, migrate) the score database now, while the user is still choosing a file.

    A database that cannot be opened is reported where it is used (Team page);
    here it is only logged.
    """
    try:
        store()
    except SSIError:
        log.warning("the score database cannot be opened", exc_info=True)


def stored_member(export: CurrentExport) -> str | None:
    """The member the store holds this very export for (matched by content hash), if any."""
    try:
        imports = store().imports()
    except SSIError:
        log.warning("the score database cannot be read", exc_info=True)
        return None
    match = imports.loc[imports["content_hash"] == export_data(export).content_hash, "member"]
    return str(match.iloc[0]) if not match.empty else None


def stored_snapshots(member: str) -> pd.DataFrame:
    """The member's stored score snapshots: ``as_of``, total and pillars, oldest first."""
    return store().snapshots(member)


def official_readings(member: str) -> pd.DataFrame:
    """The member's stored official readings: ``as_of``, total, pillars, ranks, averages."""
    return store().official_readings(member)


def session_official_frame() -> pd.DataFrame:
    """The official readings entered in this session, as ``as_of``, total and pillars."""
    readings = [r for r in state.official_readings() if r.as_of is not None and r.total is not None]
    columns = ["as_of", *store_timeline.SCORE_COLUMNS]
    return pd.DataFrame([r.model_dump(include=set(columns)) for r in readings], columns=columns)


@st.cache_data(max_entries=MAX_RESULTS, show_spinner=False)
def _percentiles(
    key: str,
    score_key: tuple[date, int],
    manual_key: str,
    industry: str | None,
    cohort_key: str,
    peers_key: str,
    official_key: str,
    member: str | None,
    _score: Score,
    _data: ExportData,
    _cohort: pd.DataFrame | None,
    _peers: Upload | None,
    _official: OfficialReading | None,
) -> Percentiles:
    return compare(
        _score,
        _data,
        industry=industry,
        peers=_peers,
        cohort=_cohort,
        official=_official,
        member=member,
        in_cohort=member is not None,  # the team left out the member's own row already
    )


def percentiles(export: CurrentExport, manual: ManualInputs | None = None) -> Percentiles:
    """Industry and network ranks of the score, each saying what it is computed against.

    The network is the best source this session has: the team in the store, the
    peer file uploaded on the Compare page, the newest official reading with a
    network rank, else the modelled estimate (``scoring.compare.compare``).
    """
    member = stored_member(export)
    cohort = team_cohort(exclude=member)
    peers = state.peer_file()
    ranked = [r for r in state.official_readings() if r.network_top_pct or r.network_average]
    official = ranked[-1] if ranked else None
    current = score(export, manual)
    return _percentiles(
        export.key,
        (current.as_of, current.window_days),
        _manual_key(manual),
        state.industry_choice(),
        cohort.to_json() if cohort is not None else "",
        state.content_key([peers]) if peers else "",
        official.model_dump_json() if official else "",
        member,
        current,
        export_data(export),
        cohort,
        peers,
        official,
    )


def team_cohort(exclude: str | None = None) -> pd.DataFrame | None:
    """The other stored members as a peer table, or None when nobody else is stored."""
    try:
        cohort = store().cohort(exclude=exclude)
    except SSIError:
        log.warning("the score database cannot be read; no team comparison", exc_info=True)
        return None
    return cohort if not cohort.empty else None


@st.cache_data(max_entries=MAX_RESULTS, show_spinner=False)
def _peer_table(key: str, _peers: Upload) -> pd.DataFrame:
    return read_peers(_peers)


def peer_table(peers: Upload) -> pd.DataFrame:
    """A peer CSV read and checked by ``scoring`` (raises its PeerFileError when unusable)."""
    return _peer_table(state.content_key([peers]), peers)


@st.cache_resource(show_spinner=False)
def reference_groups() -> tuple[str, ...]:
    """The industries of the modelled reference, "All industries" first."""
    return load_reference().groups


def resolved_industry(name: str | None) -> str | None:
    """The reference industry a profile's industry name stands for, if there is one."""
    return load_industries().resolve(name)


def distribution(group: str, measure: str, basis: Basis = "members") -> GroupDistribution:
    """The modelled reference distribution of ``measure`` in ``group`` (101 quantiles)."""
    return load_reference().distribution(group, measure, basis)


def personas() -> tuple[str, ...]:
    """The bundled sample personas, in the order the generator defines them."""
    return tuple(PERSONAS)


@st.cache_data(show_spinner=False)
def _sample_sources(persona: str) -> tuple[Upload, ...]:
    path = Path(sample_path(persona))
    return ((path.name, path.read_bytes()),)


def sample_export(persona: str) -> CurrentExport:
    """The bundled archive of ``persona`` as if the user had uploaded it."""
    return state.make_export(_sample_sources(persona), sample=persona)


def load_startup_sample() -> None:
    """Open the sample named on the command line (``-- --sample``) or by ``$SSI_SAMPLE``."""
    persona = state.startup_sample()
    if persona in personas() and state.current_export() is None:
        state.set_export(sample_export(persona))
