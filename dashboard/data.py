"""Where the dashboard gets its numbers: ``scoring`` calls, cached by the export's hash.

The only module with ``st.cache_data``/``st.cache_resource``. Every function
takes the :class:`~dashboard.state.CurrentExport` whose ``key`` (a sha256 over
the uploaded names and bytes) is the cache key; the heavy objects are hashed by
their keys only (:data:`HASH_FUNCS`: an export by that sha256, its :class:`Inputs`
by the export key, the hand-entered inputs' JSON and the chosen model). So
switching pages or languages never re-reads or re-scores an export, and a 50 MB
upload is hashed once, when it arrives. Every score uses the model chosen in the
sidebar: the bundled one, or one saved by a calibration (:func:`save_fit`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import ParamSpec, TypeVar

import pandas as pd
import streamlit as st

from dashboard import state
from dashboard.state import CurrentExport, Upload
from scoring import timeline as store_timeline
from scoring.advice.decay import decay
from scoring.advice.plan import Plan, plan_gain
from scoring.advice.tips import Tip, ranked_tips
from scoring.advice.whatif import simulate
from scoring.compare import Percentiles, compare, load_industries, load_reference, read_peers
from scoring.compare.reference import Basis, GroupDistribution
from scoring.errors import SSIError
from scoring.export import ExportData
from scoring.i18n import LANGS, catalogue, fmt_number
from scoring.ingest import read_export
from scoring.model import ManualInputs, score_as_of, score_history
from scoring.model.attribution import (
    ScoreChange,
    ScoredChange,
    explain_change,
    like_for_like,
    score_and_change,
)
from scoring.model.calibrate import Calibration, calibrate
from scoring.model.config import ModelConfig, load_config
from scoring.model.history import first_activity
from scoring.model.saved import (
    SavedModel,
    default_payload,
    list_models,
    load_model,
    models_dir,
    remove_model,
    save_model,
)
from scoring.official import OfficialReading
from scoring.results import PILLARS, Score
from scoring.samples import PERSONAS, sample_path
from scoring.store import Change, Store, default_database_url
from scoring.store.paths import data_dir
from scoring.store.settings import StoreSettings
from scoring.store.settings import load_settings as load_store_settings

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")

#: How many exports one server keeps parsed at once (each holds its frames in memory).
MAX_EXPORTS = 8
#: Results (scores, histories, what-ifs) kept per function; small, so many.
MAX_RESULTS = 64


def _manual_key(manual: ManualInputs | None) -> str:
    return manual.model_dump_json() if manual is not None else ""


@dataclass(frozen=True)
class Inputs:
    """What every score of one export rests on: its cache key, and the objects behind it.

    The cache hashes it by ``keys`` alone (:data:`HASH_FUNCS`): the export's content key,
    the manual inputs' JSON and the chosen model's key.
    """

    keys: tuple[str, str, str]
    data: ExportData
    manual: ManualInputs | None
    config: ModelConfig


def _inputs(export: CurrentExport, manual: ManualInputs | None) -> Inputs:
    model_key, config = _model()
    keys = (export.key, _manual_key(manual), model_key)
    return Inputs(keys, export_data(export), manual, config)


#: How the cache keys what it is handed: an export by its content hash, its inputs by their
#: keys, a score or an official reading by its JSON (none of them is hashed whole).
HASH_FUNCS = {
    CurrentExport: lambda export: export.key,
    Inputs: lambda inputs: inputs.keys,
    Score: lambda score: score.model_dump_json(),
    OfficialReading: lambda reading: reading.model_dump_json(),
    Tip: lambda tip: tip.model_dump_json(),
}


def _cached(entries: int = MAX_RESULTS) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """``st.cache_data`` with :data:`HASH_FUNCS`, keeping at most ``entries`` results."""
    return st.cache_data(max_entries=entries, show_spinner=False, hash_funcs=HASH_FUNCS)


def models_folder() -> Path:
    """Where saved models live: ``models`` in the user's data folder, as for ``ssi calibrate``."""
    return models_dir(data_dir())


def saved_models() -> list[SavedModel]:
    """Every model saved by a calibration (here or by ``ssi calibrate --save``), by name."""
    return list_models(models_folder())


@st.cache_resource(max_entries=MAX_RESULTS, show_spinner=False)
def _saved_model(file: tuple[Path, int]) -> SavedModel:
    # The file's modification time (file[1]) makes a re-saved model a new entry.
    path = file[0]
    return load_model(path.parent, path.stem)


def chosen_model() -> SavedModel | None:
    """The saved model chosen in the sidebar, or None for the bundled one (or if it is gone).

    Read once per version of its file: every score of every page asks for it.
    """
    name = state.model_choice()
    if name is None:
        return None
    path = models_folder() / f"{name}.toml"
    try:
        return _saved_model((path, path.stat().st_mtime_ns))
    except (OSError, SSIError):
        log.warning("the saved model %s cannot be read; using the bundled one", name)
        return None


def _model() -> tuple[str, ModelConfig]:
    """The chosen model's cache key (its version and file time) and its configuration."""
    saved = chosen_model()
    if saved is None:
        return "", load_config()
    return f"{saved.version}@{saved.path.stat().st_mtime_ns}", saved.config


def model_payload() -> dict[str, object]:
    """The ``"model"`` block of ``ssi score --json`` for the model every page uses."""
    saved = chosen_model()
    return saved.payload() if saved is not None else default_payload(load_config())


def model_config() -> ModelConfig:
    """The configuration every page scores with: the chosen saved model, else the bundled one."""
    return _model()[1]


@_cached()
def _fit(inputs: Inputs, readings: tuple[OfficialReading, ...], window: int | None) -> Calibration:
    config = load_config()
    scores = [
        score_as_of(inputs.data, as_of=r.as_of, window_days=window, config=config) for r in readings
    ]
    return calibrate(list(zip(scores, readings, strict=True)), config)


def _bundled(export: CurrentExport) -> Inputs:
    """The inputs of ``export`` scored by the bundled model without hand-entered inputs."""
    return Inputs((export.key, _manual_key(None), ""), export_data(export), None, load_config())


def fit(export: CurrentExport, readings: tuple[OfficialReading, ...]) -> Calibration:
    """The bundled model's weights fitted to ``readings`` (``ssi calibrate``), each scored as of
    its own date over the sidebar's window. Raises ``OfficialInputError`` without pillars."""
    return _fit(_bundled(export), tuple(readings), state.window_choice())


def save_fit(name: str, calibration: Calibration, dates: tuple[date, ...]) -> SavedModel:
    """Save ``calibration`` as the model ``name`` (``ssi calibrate --save NAME``) and use it."""
    saved = save_model(models_folder(), name, calibration, dates)
    state.set_model_choice(saved.name)
    return saved


def remove_saved(name: str) -> None:
    """Delete the saved model ``name``; pages go back to the bundled model if it was chosen."""
    remove_model(models_folder(), name)
    if state.model_choice() == name:
        state.set_model_choice(None)


@st.cache_resource(max_entries=MAX_EXPORTS, show_spinner=False, hash_funcs=HASH_FUNCS)
def _read(export: CurrentExport, today: date) -> ExportData:
    return read_export(list(export.sources), today=today)


def export_data(export: CurrentExport) -> ExportData:
    """The parsed export; read once per content key, then served from memory."""
    # The reader never reads the clock: an export without any date falls back to today.
    return _read(export, date.today())


def as_of(export: CurrentExport) -> date:
    """The day every page scores as of: the sidebar's choice, else the export date."""
    return state.as_of_choice() or export_data(export).export_date


@_cached()
def _score_on(inputs: Inputs, point: tuple[date, int | None]) -> Score:
    day, window = point  # (as-of date, window days)
    return score_as_of(
        inputs.data, as_of=day, window_days=window, manual=inputs.manual, config=inputs.config
    )


@_cached()
def _scored_week(inputs: Inputs, days: tuple[date, date, int | None]) -> ScoredChange:
    since, day, window = days
    return score_and_change(
        inputs.data, since, day, window_days=window, config=inputs.config, manual=inputs.manual
    )


def scored_week(export: CurrentExport, manual: ManualInputs | None = None) -> ScoredChange:
    """The score as of the sidebar's date, the one a week before and the change between.

    One evaluation of both days (``scoring.model.attribution.score_and_change``):
    the overview's score, its "change since last week" and the tips all reuse it.
    """
    day = as_of(export)
    inputs = _inputs(export, manual)
    return _scored_week(inputs, (day - timedelta(days=7), day, state.window_choice()))


def score(export: CurrentExport, manual: ManualInputs | None = None) -> Score:
    """The score as of the sidebar's date over its window (``ssi score --as-of --window-days``).

    Both default to the export date and the model's window; changing them re-scores
    the parsed export held in memory, never re-reads it. Every score uses the model
    chosen in the sidebar (the bundled one unless a calibration was saved and chosen).
    """
    return scored_week(export, manual).score


def score_on(export: CurrentExport, day: date, manual: ManualInputs | None = None) -> Score:
    """The score as of ``day`` over the sidebar's window."""
    inputs = _inputs(export, manual)
    return _score_on(inputs, (day, state.window_choice()))


@_cached()
def _history(inputs: Inputs, freq: str, window: int | None) -> pd.DataFrame:
    return score_history(
        inputs.data, freq=freq, window_days=window, manual=inputs.manual, config=inputs.config
    )


def history(
    export: CurrentExport, freq: str = "W", manual: ManualInputs | None = None
) -> pd.DataFrame:
    """The reconstructed score at every day (``D``), week (``W``) or month (``M``)."""
    inputs = _inputs(export, manual)
    return _history(inputs, freq, state.window_choice())


@st.cache_resource(show_spinner=False)
def default_window() -> int:
    """The model's scoring window in days (90)."""
    return load_config().window_days


@st.cache_resource(max_entries=MAX_EXPORTS, show_spinner=False, hash_funcs=HASH_FUNCS)
def _first_activity(export: CurrentExport) -> date:
    data = export_data(export)
    return first_activity(data) or data.export_date


def as_of_bounds(export: CurrentExport) -> tuple[date, date]:
    """The as-of dates offered: the export's first activity to a year after its export date."""
    export_date = export_data(export).export_date
    return _first_activity(export), export_date + timedelta(days=365)


def week_change(export: CurrentExport, today: date, manual: ManualInputs | None = None) -> Change:
    """The change in the week up to the as-of date and the export's age, by the store's rules.

    The export need not be stored: its scores as of the as-of date and a week before are
    the timeline, so the change is between exactly the days "Why did my score move?"
    explains, whatever day is chosen. Like for like: hand-entered inputs count a week
    before too (or on neither day), so typing a number in is no change
    (``scoring.model.attribution.like_for_like``).
    """
    week = scored_week(export, manual)
    first, _ = as_of_bounds(export)
    scores = [week.before, week.score] if week.before.as_of >= first else [week.score]
    rows = [{"as_of": scored.as_of, "total": scored.total,
             **{p: scored.pillars[p].score for p in PILLARS}} for scored in scores]  # fmt: skip
    frame = pd.DataFrame(rows).assign(member="", source="reconstructed")
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
    scores, ``previous_as_of`` and ``delta_<column>``. Hand-entered inputs count in
    every week (like for like), so the week they were typed in shows no jump.
    """
    first, _ = as_of_bounds(export)
    export_date = export_data(export).export_date
    same = like_for_like(manual, first, export_date, export_date)
    return store_timeline.history_changes(history(export, "W", same), _store_settings().timeline)


@_cached()
def _change(inputs: Inputs, days: tuple[date, date, int | None]) -> ScoreChange:
    since, day, window = days
    return explain_change(
        inputs.data, since, day, window_days=window, config=inputs.config, manual=inputs.manual
    )


def score_change(
    export: CurrentExport,
    since: date | None = None,
    day: date | None = None,
    manual: ManualInputs | None = None,
) -> ScoreChange:
    """Why the score moved from ``since`` (default: a week before) to ``day`` (the as-of date),
    split by sub-metric with reasons (``ssi change``), like for like for hand-entered inputs."""
    chosen = as_of(export)
    day = day or chosen
    since = since or day - timedelta(days=7)
    if (since, day) == (chosen - timedelta(days=7), chosen):
        return scored_week(export, manual).change  # the overview's week: already evaluated
    inputs = _inputs(export, manual)
    return _change(inputs, (since, day, state.window_choice()))


@_cached()
def _tips(inputs: Inputs, lang: str, current: Score) -> list[Tip]:
    return ranked_tips(inputs.data, current, lang=lang, manual=inputs.manual, config=inputs.config)


def tips(export: CurrentExport, lang: str, manual: ManualInputs | None = None) -> list[Tip]:
    """Every tip that adds points, most valuable first, each gain simulated by the model.

    The slowest computation of the dashboard (one what-if per sub-metric), so it is
    cached per export, language and manual inputs.
    """
    current = score(export, manual)
    inputs = _inputs(export, manual)
    return _tips(inputs, lang, current)


@_cached()
def _plan(inputs: Inputs, lang: str, chosen: tuple[Tip, ...], current: Score) -> Plan:
    return plan_gain(
        inputs.data,
        list(chosen),
        score=current,
        config=inputs.config,
        manual=inputs.manual,
        lang=lang,
    )


def plan(
    export: CurrentExport, chosen: list[Tip], lang: str, manual: ManualInputs | None = None
) -> Plan:
    """The combined plan of the ``chosen`` tips: their real gain together and weekly goals."""
    current = score(export, manual)
    inputs = _inputs(export, manual)
    return _plan(inputs, lang, tuple(chosen), current)


def warm_up(export: CurrentExport) -> None:
    """Compute the overview's numbers, so the first visit after an import shows them at once.

    The tips are left out on purpose: they take seconds, and the overview draws
    them last, below the numbers, while the rest of the page is already shown.
    """
    score(export)
    history(export)
    percentiles(export)


@_cached()
def _simulated(
    inputs: Inputs, changes: tuple[tuple[str, float], ...], point: tuple[date, int | None]
) -> Score:
    day, window = point
    return simulate(
        inputs.data,
        dict(changes),
        as_of=day,
        window_days=window,
        manual=inputs.manual,
        config=inputs.config,
    )


def simulated(
    export: CurrentExport, changes: dict[str, float], manual: ManualInputs | None = None
) -> Score:
    """The score if the user did ``changes`` more (activity → per week) over the window."""
    kept = tuple(sorted((k, float(v)) for k, v in changes.items() if v))
    inputs = _inputs(export, manual)
    return _simulated(inputs, kept, (as_of(export), state.window_choice()))


@_cached()
def _decay(inputs: Inputs, weeks: int, window: int | None) -> pd.DataFrame:
    return decay(inputs.data, weeks, window_days=window, manual=inputs.manual, config=inputs.config)


def decayed(export: CurrentExport, weeks: int, manual: ManualInputs | None = None) -> pd.DataFrame:
    """The projected score week by week if all activity stopped at the export date."""
    inputs = _inputs(export, manual)
    return _decay(inputs, weeks, state.window_choice())


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


@_cached()
def _percentiles(
    inputs: Inputs,
    current: Score,
    industry: str | None,
    cohort: pd.DataFrame | None,
    peers: Upload | None,
    official: OfficialReading | None,
    member: str | None,
) -> Percentiles:
    return compare(
        current,
        inputs.data,
        industry=industry,
        peers=peers,
        cohort=cohort,
        official=official,
        member=member,
        in_cohort=member is not None,  # the team left out the member's own row already
    )


def percentiles(
    export: CurrentExport, manual: ManualInputs | None = None, *, official: bool = True
) -> Percentiles:
    """Industry and network ranks of the score, each saying what it is computed against.

    The network is the best source this session has: the team in the store, the
    peer file uploaded on the Compare page, the newest official reading with a
    network rank (unless ``official`` is False: LinkedIn's rank is of LinkedIn's
    score, not of ours), else the modelled estimate (``scoring.compare.compare``).
    """
    member = stored_member(export)
    cohort = team_cohort(exclude=member)
    ranked = [r for r in state.official_readings() if r.network_top_pct or r.network_average]
    reading = ranked[-1] if ranked and official else None
    return _percentiles(
        _inputs(export, manual),
        score(export, manual),
        state.industry_choice(),
        cohort,
        state.peer_file(),
        reading,
        member,
    )


def team_cohort(exclude: str | None = None) -> pd.DataFrame | None:
    """The other stored members as a peer table, or None when nobody else is stored."""
    try:
        cohort = store().cohort(exclude=exclude)
    except SSIError:
        log.warning("the score database cannot be read; no team comparison", exc_info=True)
        return None
    return cohort if not cohort.empty else None


@_cached()
def _peer_table(peers: Upload) -> pd.DataFrame:
    return read_peers(peers)


def peer_table(peers: Upload) -> pd.DataFrame:
    """A peer CSV read and checked by ``scoring`` (raises its PeerFileError when unusable)."""
    return _peer_table(peers)


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


def warm_start(persona: str | None) -> None:
    """Before any browser connects: what a first page needs for its numbers.

    The text catalogue and both languages' number formats, the store's settings, and
    with ``persona`` its sample read, bounded and scored as a new session first shows
    it: as of its export date over the model's window (the sidebar's starting values,
    which are then in the session), and a week before for the weekly change, in one
    evaluation (:func:`scored_week`). Everything lands in the caches the sessions share
    (dashboard/warm.py starts this at server start, and opens the database after it:
    the numbers do not need it).
    """
    catalogue()
    for lang in LANGS:
        fmt_number(0.0, lang)
    _store_settings()
    if persona not in personas():
        return
    export = sample_export(persona)
    as_of_bounds(export)
    day = export_data(export).export_date
    _scored_week(_bundled(export), (day - timedelta(days=7), day, default_window()))


def load_startup_sample() -> None:
    """Open the sample named on the command line (``-- --sample``) or by ``$SSI_SAMPLE``."""
    persona = state.startup_sample()
    if persona in personas() and state.current_export() is None:
        state.set_export(sample_export(persona))
