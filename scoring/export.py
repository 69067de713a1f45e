"""The typed result of reading an export: the contract between reader and model.

The reader (``scoring.ingest``) turns whatever the user gave (a zip, a folder,
uploaded CSVs, a generic activity CSV) into one :class:`ExportData`. Everything
downstream (model, history, tips, store, dashboard) reads only this object.

Conventions every frame follows:

* Column names are the ones in :data:`COLUMNS`, in that order, for every kind,
  present even when the export lacks the file (then the frame is empty).
* ``at`` is the event's moment as a tz-aware UTC ``datetime64[ns, UTC]``; every
  dated kind has it (for positions/education/… it is the start), ``NaT`` when
  the export leaves it empty.
* Other date columns (``finished_on`` …) are also tz-aware UTC.
* Privacy: contacts' names, e-mail addresses, message bodies and profile URLs of
  other people never reach a frame. Where a person must be matched across files
  (invitations ↔ connections, message senders) the reader keeps a short salted
  hash (``*_key``), never the value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any, Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from scoring.i18n import fmt_date, fmt_number, t

ArchiveKind = Literal["complete", "basic", "partial"]

#: Every kind a reader can return, in a stable order.
KINDS: tuple[str, ...] = (
    "connections", "invitations", "messages", "shares", "comments", "reactions",
    "votes", "reposts", "profile", "profile_summary", "positions", "education",
    "skills", "endorsements_received", "endorsements_given",
    "recommendations_received", "recommendations_given", "certifications",
    "courses", "languages", "projects", "honors", "volunteering", "publications",
    "search_queries", "company_follows", "member_follows", "hashtag_follows",
    "saved_items", "rich_media", "events", "learning", "articles", "saved_jobs",
    "job_applications",
)  # fmt: skip

#: Activity kinds only a Complete archive carries; without them the activity
#: pillars cannot be scored.
ACTIVITY_KINDS: tuple[str, ...] = (
    "shares", "comments", "reactions", "votes", "search_queries", "member_follows",
)  # fmt: skip

#: Kinds the scoring model reads; ``ExportData.missing`` lists those absent.
SCORING_KINDS: tuple[str, ...] = (
    "profile", "profile_summary", "positions", "education", "skills",
    "certifications", "courses", "languages", "projects", "honors", "volunteering",
    "rich_media", "endorsements_received", "recommendations_received", "articles",
    "shares", "comments", "reactions", "votes", "reposts", "messages",
    "search_queries", "company_follows", "member_follows", "invitations",
    "connections",
)  # fmt: skip

#: Normalized columns per kind. Types: ``ts`` = datetime64[ns, UTC];
#: ``str`` = pandas string (missing = <NA>); ``bool``; ``int``.
COLUMNS: dict[str, dict[str, str]] = {
    # connected_on as at; company/position are the contact's *current* ones.
    "connections": {"at": "ts", "company": "str", "position": "str",
                    "url_key": "str", "hidden": "bool"},
    # direction: "INCOMING" | "OUTGOING"; has_message: a personal note was sent.
    "invitations": {"at": "ts", "direction": "str", "has_message": "bool",
                    "inviter_key": "str", "invitee_key": "str"},
    # from_owner: sent by the export's owner; sponsored: InMail ads (spinmail).
    "messages": {"at": "ts", "conversation_id": "str", "sender_key": "str",
                 "from_owner": "bool", "sponsored": "bool", "folder": "str",
                 "is_draft": "bool"},
    # is_reshare: SharedUrl not empty; has_media: MediaUrl not empty;
    # is_group: the link is a groupPost URN; chars: length of the commentary.
    "shares": {"at": "ts", "link": "str", "is_reshare": "bool", "has_media": "bool",
               "is_group": "bool", "chars": "int", "visibility": "str"},
    "comments": {"at": "ts", "link": "str", "is_group": "bool", "chars": "int"},
    # type: LIKE, PRAISE, EMPATHY, APPRECIATION, INTEREST, ENTERTAINMENT, …
    "reactions": {"at": "ts", "type": "str", "link": "str", "is_group": "bool"},
    "votes": {"at": "ts", "link": "str"},
    "reposts": {"at": "ts", "link": "str"},
    # one row at most; the owner's own data.
    "profile": {"first_name": "str", "last_name": "str", "headline": "str",
                "summary": "str", "industry": "str", "location": "str",
                "websites": "str"},
    "profile_summary": {"summary": "str"},
    # at = started_on; finished_on NaT = current position.
    "positions": {"at": "ts", "finished_on": "ts", "company": "str", "title": "str",
                  "has_description": "bool", "location": "str"},
    "education": {"at": "ts", "finished_on": "ts", "school": "str", "degree": "str"},
    "skills": {"name": "str"},
    # endorser_key: salted hash of the endorser's name, for de-duplication only
    # (the 2022 UTF-8 file has no URL column, so the URL cannot be part of it).
    "endorsements_received": {"at": "ts", "skill": "str", "endorser_key": "str",
                              "status": "str"},
    "endorsements_given": {"at": "ts", "skill": "str", "endorsee_key": "str",
                           "status": "str"},
    "recommendations_received": {"at": "ts", "company": "str", "job_title": "str",
                                 "status": "str"},
    "recommendations_given": {"at": "ts", "company": "str", "job_title": "str",
                              "status": "str"},
    "certifications": {"at": "ts", "finished_on": "ts", "name": "str", "authority": "str"},
    "courses": {"name": "str"},
    "languages": {"name": "str", "proficiency": "str"},
    "projects": {"at": "ts", "finished_on": "ts", "title": "str"},
    "honors": {"at": "ts", "title": "str"},
    "volunteering": {"at": "ts", "finished_on": "ts", "organization": "str", "role": "str"},
    "publications": {"at": "ts", "name": "str", "publisher": "str"},
    "search_queries": {"at": "ts", "chars": "int"},
    "company_follows": {"at": "ts", "organization": "str"},
    # status: "Active" | "Unfollow"
    "member_follows": {"at": "ts", "status": "str"},
    "hashtag_follows": {"at": "ts", "hashtag": "str", "state": "str"},
    "saved_items": {"at": "ts"},
    # media_type: profile_photo, background_photo, feed_photo, feed_video,
    # feed_document, other
    "rich_media": {"at": "ts", "media_type": "str"},
    "events": {"at": "ts", "name": "str", "status": "str"},
    "learning": {"at": "ts", "completed_at": "ts", "title": "str", "content_type": "str"},
    "articles": {"at": "ts", "title": "str"},
    "saved_jobs": {"at": "ts", "company": "str", "title": "str"},
    "job_applications": {"at": "ts", "company": "str", "title": "str"},
}  # fmt: skip

PANDAS_DTYPES = {"ts": "datetime64[ns, UTC]", "str": "string", "bool": "bool", "int": "int64"}
#: The value a column takes where rows leave it out.
EMPTY_VALUES: dict[str, object] = {"str": pd.NA, "bool": False, "int": 0, "ts": pd.NaT}

#: Rows as a frame, or column → values (lists, arrays, Series of equal length).
FrameLike = pd.DataFrame | Mapping[str, Sequence[Any] | np.ndarray | pd.Series]


@cache
def _empty_template(kind: str) -> pd.DataFrame:
    cols = COLUMNS[kind]
    return pd.DataFrame({c: pd.Series(dtype=PANDAS_DTYPES[t]) for c, t in cols.items()})


def empty_frame(kind: str) -> pd.DataFrame:
    """An empty frame with the normalized columns and dtypes of ``kind`` (a fresh copy)."""
    # building an empty typed frame costs ~2 ms; copying a cached one ~0.06 ms
    return _empty_template(kind).copy()


def typed_frame(kind: str, rows: FrameLike) -> pd.DataFrame:
    """``rows`` as the normalized frame of ``kind``: every column, in order, typed.

    The one way to build a frame of the export's contract from plain values (what-if
    rows, test exports, the heavy benchmark export, the reference population).
    Columns left out take their empty value (``<NA>``, ``False``, ``0``, ``NaT``).
    Timestamps may be given as ISO-8601 strings (``"2026-10-01"`` or
    ``"2026-10-01 14:03:00"``, read as UTC) or as datetimes. An unknown column
    raises ``KeyError``: a typo must not silently become an empty column.
    """
    given = pd.DataFrame(rows)
    unknown = set(given.columns) - set(COLUMNS[kind])
    if unknown:
        raise KeyError(f"{kind} has no column(s) {sorted(unknown)}")
    if given.empty and not len(given.index):
        return empty_frame(kind)
    n = len(given.index)
    out: dict[str, pd.Series] = {}
    for col, typ in COLUMNS[kind].items():
        values = given[col] if col in given else pd.Series([EMPTY_VALUES[typ]] * n)
        if typ == "ts" and isinstance(values.dtype, pd.DatetimeTZDtype):
            out[col] = values.dt.tz_convert("UTC").astype(PANDAS_DTYPES["ts"])
        elif typ == "ts":
            out[col] = pd.to_datetime(values, utc=True, format="ISO8601").astype(
                PANDAS_DTYPES["ts"]
            )
        else:
            out[col] = values.astype(PANDAS_DTYPES[typ])
    return pd.DataFrame(out).reset_index(drop=True)


class Notice(BaseModel):
    """A reader's warning as data: a catalogue key and its parameters.

    Stored and passed around in this form and turned into words only where it
    is shown, so the dashboard and the CLI render it in the reader's language.
    """

    model_config = ConfigDict(frozen=True)

    key: str  # an ``ingest.warning.*`` text
    params: dict[str, Any] = Field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        """The warning in ``lang``: counts with the language's separators, kinds by name."""
        return t(self.key, lang, **{k: shown_param(k, v, lang) for k, v in self.params.items()})


def shown_param(key: str, value: object, lang: str, decimals: int = 1) -> object:
    """A message parameter as ``lang`` writes it: numbers with its separators, a kind by name."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return fmt_number(value, lang, 0)
    if isinstance(value, float):
        return fmt_number(value, lang, decimals)
    if isinstance(value, date):
        return fmt_date(value, lang)
    if key == "kind":
        return t(f"kind.{value}", lang)
    return value


class SourceReport(BaseModel):
    """What happened to one file of the export."""

    model_config = ConfigDict(frozen=True)

    file: str  # the name inside the archive (or the uploaded name)
    kind: str
    rows: int  # rows kept
    skipped: int = 0  # rows dropped
    skip_reasons: dict[str, int] = Field(default_factory=dict)  # ``ingest.skip.*`` key → count
    warnings: list[Notice] = Field(default_factory=list)

    def warning_texts(self, lang: str = "en") -> list[str]:
        """The file's warnings in ``lang``, one line each."""
        return [notice.text(lang) for notice in self.warnings]

    def skip_texts(self, lang: str = "en") -> dict[str, int]:
        """Why rows were dropped, in ``lang``: reason → count."""
        return {t(key, lang): count for key, count in self.skip_reasons.items()}


class Profile(BaseModel):
    """The owner's profile facts that scoring and the comparison need."""

    model_config = ConfigDict(frozen=True)

    first_name: str | None = None
    last_name: str | None = None
    headline: str | None = None
    summary: str | None = None
    industry: str | None = None
    location: str | None = None

    @property
    def display_name(self) -> str | None:
        parts = [p for p in (self.first_name, self.last_name) if p]
        return " ".join(parts) or None


@dataclass(frozen=True)
class ExportData:
    """A whole export, normalized. ``frames`` holds every kind in :data:`KINDS`."""

    frames: dict[str, pd.DataFrame]
    profile: Profile
    archive_kind: ArchiveKind
    export_date: date
    sources: tuple[SourceReport, ...] = ()
    ignored: tuple[str, ...] = ()  # files seen but not recognised
    content_hash: str = ""  # sha256 over the uploaded bytes (names + contents)
    archive_name: str | None = None
    #: True when ``export_date`` came from the archive name, not the data.
    export_date_from_name: bool = False
    present: frozenset[str] = field(default_factory=frozenset)  # kinds with a file

    def frame(self, kind: str) -> pd.DataFrame:
        """The normalized frame of ``kind`` (empty with the right columns if absent)."""
        found = self.frames.get(kind)
        return empty_frame(kind) if found is None else found

    def has(self, kind: str) -> bool:
        """True when the export contained a file of ``kind`` (even a header-only one)."""
        return kind in self.present

    @property
    def missing(self) -> tuple[str, ...]:
        """The kinds the scoring reads that this export lacks."""
        return tuple(k for k in SCORING_KINDS if k not in self.present)


def profile_frame(profile: Profile) -> pd.DataFrame:
    """The one-row ``profile`` frame showing ``profile``, so that both views of the owner agree."""
    fields = profile.model_dump()
    return typed_frame("profile", {c: [fields.get(c)] for c in COLUMNS["profile"] if c in fields})


def export_from_rows(
    *,
    export_date: date,
    profile: Profile | Mapping[str, str | None] | None = None,
    archive_kind: ArchiveKind = "complete",
    present: Sequence[str] | None = None,
    **frames: FrameLike,
) -> ExportData:
    """An ``ExportData`` holding exactly the given rows per kind, typed by :func:`typed_frame`.

    ``frames`` maps a kind (``shares=...``, ``connections=...``) to its rows.
    ``present`` lists the kinds whose file the export "had"; by default the kinds
    given, plus ``profile`` when a profile is given. The profile frame is filled
    from ``profile`` (see :func:`profile_frame`).
    """
    unknown = set(frames) - set(COLUMNS)
    if unknown:
        raise KeyError(f"unknown kind(s) {sorted(unknown)}")
    prof = profile if isinstance(profile, Profile) else Profile(**(profile or {}))
    built = {kind: typed_frame(kind, rows) for kind, rows in frames.items()}
    if profile is not None and "profile" not in built:
        built["profile"] = profile_frame(prof)
    kinds = set(built) if present is None else set(present)
    return ExportData(
        frames={kind: built[kind] if kind in built else empty_frame(kind) for kind in COLUMNS},
        profile=prof,
        archive_kind=archive_kind,
        export_date=export_date,
        present=frozenset(kinds),
    )
