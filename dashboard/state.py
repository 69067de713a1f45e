"""Session state of one browser tab: the language, the current export, the start-up sample.

Streamlit reruns every script on each interaction; what must survive a rerun or a
page switch lives in ``st.session_state`` behind the small functions here, so no
page touches the raw keys. The uploaded bytes are kept with the current export:
parsing is cached by their hash (``dashboard.data``), and keeping the bytes lets
the cache re-read them if it ever evicted the entry.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import streamlit as st

from scoring.errors import SSIError
from scoring.i18n import Lang, normalize_lang
from scoring.model import ManualInputs
from scoring.official import OfficialReading

LANG_KEY = "lang"
EXPORT_KEY = "current_export"
FAILED_KEY = "failed_upload"
MANUAL_KEY = "manual_inputs"
OFFICIAL_KEY = "official_readings"
PEERS_KEY = "peer_file"
INDUSTRY_KEY = "industry_choice"
STARTED_KEY = "session_started"
AS_OF_KEY = "as_of_choice"
WINDOW_KEY = "window_choice"
MODEL_KEY = "model_choice"
PLAN_KEY = "plan_choice"
SAMPLE_ENV = "SSI_SAMPLE"
#: Set to 1 on a shared server: nothing is written to the score database.
READ_ONLY_ENV = "SSI_READ_ONLY"
#: Addresses only this computer can reach (Streamlit's default, unset, is every interface).
LOOPBACK = ("127.0.0.1", "localhost", "::1")

Upload = tuple[str, bytes]


@dataclass(frozen=True)
class CurrentExport:
    """The export this tab works on: its bytes, their hash and how to name it."""

    key: str  # sha256 over names and contents: the cache key of every computation
    sources: tuple[Upload, ...]
    label: str  # the file name(s) or the persona, for logs: pages show widgets.export_label
    sample: str | None = None  # the persona when it is bundled sample data


@dataclass(frozen=True)
class FailedUpload:
    """An upload the reader refused, remembered so a rerun does not read it again."""

    key: str
    error: SSIError


def content_key(sources: Iterable[Upload]) -> str:
    """The sha256 over every (name, bytes) pair, independent of the upload order."""
    digest = hashlib.sha256()
    for name, content in sorted(sources, key=lambda pair: pair[0]):
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()


def make_export(sources: Sequence[Upload], *, sample: str | None = None) -> CurrentExport:
    """A :class:`CurrentExport` for uploaded (name, bytes) pairs."""
    names = [name for name, _ in sources]
    label = sample or (names[0] if len(names) == 1 else f"{names[0]} (+{len(names) - 1})")
    return CurrentExport(content_key(sources), tuple(sources), label, sample)


def startup_sample(
    argv: Sequence[str] | None = None, environ: dict[str, str] | None = None
) -> str | None:
    """The persona named by ``-- --sample NAME`` after ``streamlit run``, else ``$SSI_SAMPLE``.

    ``streamlit run app.py -- --sample active_seller`` leaves ``--sample
    active_seller`` in ``sys.argv``; anything else there (pytest's own arguments
    when the app runs under AppTest) is ignored.
    """
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--sample", default=None)
    args, _ = parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    env = os.environ if environ is None else environ
    return args.sample or env.get(SAMPLE_ENV) or None


def read_only(environ: dict[str, str] | None = None) -> bool:
    """True when ``$SSI_READ_ONLY`` is set (``1``, ``true``, ``yes``): no store import, no
    forget, no official reading or calibration saved; reading and scoring still work."""
    env = os.environ if environ is None else environ
    return env.get(READ_ONLY_ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def exposed(address: str | None) -> bool:
    """True when the server listens on ``address`` beyond this computer (None: everywhere)."""
    if not address:
        return True
    return not (address in LOOPBACK or address.startswith("127."))


def init_language() -> Lang:
    """Set the language once per session from ``?lang=``; later the sidebar decides."""
    if LANG_KEY not in st.session_state:
        st.session_state[LANG_KEY] = normalize_lang(st.query_params.get("lang"))
    return lang()


def lang() -> Lang:
    """The language chosen for this tab (``en`` or ``de``)."""
    return normalize_lang(st.session_state.get(LANG_KEY))


def sync_query_language() -> None:
    """Keep ``?lang=`` in the address bar equal to the chosen language (shareable links)."""
    if st.query_params.get("lang") != lang():
        st.query_params["lang"] = lang()


def first_run() -> bool:
    """True on the first script run of this browser session, then False."""
    if st.session_state.get(STARTED_KEY):
        return False
    st.session_state[STARTED_KEY] = True
    return True


def current_export() -> CurrentExport | None:
    """The export this tab shows, or None before anything was loaded."""
    return st.session_state.get(EXPORT_KEY)


def set_export(export: CurrentExport) -> None:
    """Make ``export`` the one every page shows; forget a failure and the last one's inputs."""
    previous = current_export()
    if previous is not None and previous.key != export.key:
        for key in (MANUAL_KEY, AS_OF_KEY, WINDOW_KEY):
            st.session_state.pop(key, None)
    st.session_state[EXPORT_KEY] = export
    st.session_state.pop(FAILED_KEY, None)


def as_of_choice() -> date | None:
    """The as-of date chosen in the sidebar (None: the export date)."""
    return st.session_state.get(AS_OF_KEY)


def window_choice() -> int | None:
    """The scoring window in days chosen in the sidebar (None: the model's)."""
    value = st.session_state.get(WINDOW_KEY)
    return int(value) if value is not None else None


def model_choice() -> str | None:
    """The saved model chosen in the sidebar (None: the bundled model)."""
    return st.session_state.get(MODEL_KEY) or None


def set_model_choice(name: str | None) -> None:
    """Score every page with the saved model ``name`` (None: the bundled model).

    The sidebar's model box holds this key: call it before the box is drawn or from
    a widget's callback, as Streamlit asks of any widget's value.
    """
    _keep(MODEL_KEY, name)


def manual_inputs() -> ManualInputs | None:
    """Profile views and saved leads the user typed in (the export lacks them), if any."""
    return st.session_state.get(MANUAL_KEY)


def set_manual_inputs(manual: ManualInputs | None) -> None:
    """Use ``manual`` for every score of this tab (None: score without them)."""
    _keep(MANUAL_KEY, manual if manual is not None and manual.given() else None)


def failed_upload() -> FailedUpload | None:
    """The last upload the reader refused, if it is still the latest attempt."""
    return st.session_state.get(FAILED_KEY)


def _keep(key: str, value: object | None) -> None:
    """Store ``value`` under ``key``, or drop the key when ``value`` is None."""
    if value is None:
        st.session_state.pop(key, None)
    else:
        st.session_state[key] = value


def set_failed_upload(failure: FailedUpload | None) -> None:
    """Remember (or, with None, forget) the upload the reader refused."""
    _keep(FAILED_KEY, failure)


def official_readings() -> tuple[OfficialReading, ...]:
    """Readings of LinkedIn's own SSI page pasted or typed in during this session."""
    return st.session_state.get(OFFICIAL_KEY, ())


def add_official_reading(reading: OfficialReading) -> None:
    """Keep ``reading`` for this session; a second one of the same day replaces the first."""
    kept = tuple(r for r in official_readings() if r.as_of != reading.as_of)
    st.session_state[OFFICIAL_KEY] = (*kept, reading)


def clear_official_readings() -> None:
    """Forget every reading entered in this session."""
    st.session_state.pop(OFFICIAL_KEY, None)


def peer_file() -> Upload | None:
    """The peer CSV uploaded on the Compare page, as (name, bytes), if any."""
    return st.session_state.get(PEERS_KEY)


def set_peer_file(peers: Upload | None) -> None:
    """Use ``peers`` as the network comparison (None: stop using a peer file)."""
    _keep(PEERS_KEY, peers)


def industry_choice() -> str | None:
    """The reference industry chosen on the Compare page (None: the profile's industry)."""
    return st.session_state.get(INDUSTRY_KEY)


def today() -> date:
    """The local calendar day: the only place the dashboard reads the clock."""
    return date.today()
