"""Persona specifications: the validated form of ``personas.toml`` and ``vocabulary.toml``."""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SAMPLES_DIR = Path(__file__).parent
PERSONAS_FILE = SAMPLES_DIR / "personas.toml"
VOCABULARY_FILE = SAMPLES_DIR / "vocabulary.toml"

SENIORITY_LEVELS: tuple[str, ...] = ("cxo", "vp", "director", "manager", "senior", "entry")


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ProfileSpec(_Strict):
    first_name: str
    last_name: str
    maiden_name: str = ""
    address: str = ""
    birth_date: str = ""
    headline: str = ""
    summary: str = ""
    industry: str = ""
    zip_code: str = ""
    geo_location: str = ""
    twitter_handles: str = ""
    websites: str = ""
    instant_messengers: str = ""
    photo: bool = False
    background_photo: bool = False


class NetworkSpec(_Strict):
    connections: int = Field(ge=0)
    hidden: int = Field(ge=0)
    with_email: int = Field(ge=0)
    first_connected: date
    growth: float = Field(gt=0)  # connection density at the export vs at the start
    coworkers: float = Field(ge=0, le=1)
    own_company: str
    seniority: dict[str, float]

    @field_validator("seniority")
    @classmethod
    def _levels_known(cls, value: dict[str, float]) -> dict[str, float]:
        unknown = set(value) - set(SENIORITY_LEVELS)
        if unknown or not value or min(value.values()) < 0 or sum(value.values()) <= 0:
            raise ValueError(f"seniority needs non-negative weights of {SENIORITY_LEVELS}")
        return value

    @model_validator(mode="after")
    def _hidden_fit(self) -> NetworkSpec:
        if self.hidden + self.with_email > self.connections:
            raise ValueError("hidden + with_email exceed the number of connections")
        return self


class RhythmSpec(_Strict):
    active_days: int = Field(gt=0)  # activity starts this many days before the export
    weekday: list[float] = Field(min_length=7, max_length=7)  # Monday first
    burstiness: float = Field(gt=0)  # variance of the weekly activity multiplier
    growth: float = Field(gt=0)  # activity density at the export vs at the start
    hour_mean: float = Field(ge=0, le=24)
    hour_sd: float = Field(gt=0)


class ActivitySpec(_Strict):
    shares: int = Field(ge=0)
    share_media: float = Field(ge=0, le=1)
    share_reshare: float = Field(ge=0, le=1)
    share_group: float = Field(ge=0, le=1)
    share_multiline: float = Field(ge=0, le=1)
    share_polls: int = Field(ge=0)
    comments: int = Field(ge=0)
    comment_group: float = Field(ge=0, le=1)
    reactions: int = Field(ge=0)
    reaction_to_comment: float = Field(ge=0, le=1)
    reaction_group: float = Field(ge=0, le=1)
    votes: int = Field(ge=0)
    reposts: int = Field(ge=0)
    search_queries: int = Field(ge=0)
    member_follows: int = Field(ge=0)
    member_unfollows: int = Field(ge=0)
    company_follows: int = Field(ge=0)
    hashtag_follows: int = Field(ge=0)
    saved_items: int = Field(ge=0)
    saved_jobs: int = Field(ge=0)
    job_applications: int = Field(ge=0)
    events: int = Field(ge=0)
    learning: int = Field(ge=0)
    articles: int = Field(ge=0)

    @model_validator(mode="after")
    def _unfollows_fit(self) -> ActivitySpec:
        if self.member_unfollows > self.member_follows:
            raise ValueError("member_unfollows exceed member_follows")
        if self.share_polls > self.shares:
            raise ValueError("share_polls exceed shares")
        return self


class InvitationSpec(_Strict):
    window_days: int = Field(gt=0)
    incoming: int = Field(ge=0)
    incoming_accepted: int = Field(ge=0)
    outgoing: int = Field(ge=0)
    outgoing_accepted: int = Field(ge=0)
    outgoing_with_note: int = Field(ge=0)

    @model_validator(mode="after")
    def _accepted_fit(self) -> InvitationSpec:
        if self.incoming_accepted > self.incoming or self.outgoing_accepted > self.outgoing:
            raise ValueError("more accepted invitations than invitations")
        if self.outgoing_with_note > self.outgoing:
            raise ValueError("more outgoing notes than outgoing invitations")
        return self


class MessageSpec(_Strict):
    conversations: int = Field(ge=0)
    messages: int = Field(ge=0)
    owner_starts: float = Field(ge=0, le=1)  # share of threads the owner opens
    group_conversations: int = Field(ge=0)
    sponsored: int = Field(ge=0)
    reply_minutes: float = Field(gt=0)  # median time before an answer

    @model_validator(mode="after")
    def _messages_fit(self) -> MessageSpec:
        if self.messages < self.conversations:
            raise ValueError("every conversation needs at least one message")
        if self.group_conversations > self.conversations:
            raise ValueError("more group conversations than conversations")
        if self.messages > 0 and self.conversations == 0:
            raise ValueError("messages need conversations")
        return self


class EndorsementSpec(_Strict):
    received: int = Field(default=0, ge=0)
    given: int = Field(default=0, ge=0)
    legacy_received: int = Field(default=0, ge=0)  # the second, UTF-16LE file
    legacy_duplicates: int = Field(default=0, ge=0)  # rows of it also in the first file

    @model_validator(mode="after")
    def _duplicates_fit(self) -> EndorsementSpec:
        if self.legacy_duplicates > min(self.legacy_received, self.received):
            raise ValueError("legacy_duplicates exceed the endorsements in either file")
        return self


class PositionSpec(_Strict):
    company: str
    title: str
    description: str = ""
    location: str = ""
    started: str  # YYYY-MM
    finished: str = ""  # empty = current


class EducationSpec(_Strict):
    school: str
    degree: str = ""
    start: str  # YYYY-MM or YYYY (the export then shows only the year)
    end: str = ""
    notes: str = ""
    activities: str = ""


class RecommendationSpec(_Strict):
    first_name: str
    last_name: str
    company: str
    job_title: str
    text: str
    created: str  # YYYY-MM-DD HH:MM
    status: str = "VISIBLE"


class ResumeSpec(_Strict):
    """Small, hand-written profile sections: rows are tuples in file-column order."""

    skills: list[str] = Field(default_factory=list)
    courses: list[tuple[str, str]] = Field(default_factory=list)  # name, number
    languages: list[tuple[str, str]] = Field(default_factory=list)  # name, proficiency
    # name, authority, started YYYY-MM, finished YYYY-MM or ""
    certifications: list[tuple[str, str, str, str]] = Field(default_factory=list)
    projects: list[tuple[str, str, str, str]] = Field(default_factory=list)  # title, desc, from, to
    honors: list[tuple[str, str, str]] = Field(default_factory=list)  # title, desc, issued YYYY-MM
    # organization, role, cause, started, finished
    volunteering: list[tuple[str, str, str, str, str]] = Field(default_factory=list)
    publications: list[tuple[str, str, str]] = Field(default_factory=list)  # name, date, publisher


class PersonaSpec(_Strict):
    archive: Literal["complete", "basic"]
    description: str
    member_id: int = 0  # the 2026-style file-name suffix; 0 = plain names
    suffixed_files: list[str] = Field(default_factory=list)
    crlf_files: list[str] = Field(default_factory=list)
    unknown_files: list[str] = Field(default_factory=list)
    message_extra: Literal["", "draft", "attachments"] = ""
    profile: ProfileSpec
    network: NetworkSpec
    rhythm: RhythmSpec
    activity: ActivitySpec | None = None
    invitations: InvitationSpec
    messages: MessageSpec
    endorsements: EndorsementSpec = Field(default_factory=EndorsementSpec)
    positions: list[PositionSpec] = Field(default_factory=list)
    education: list[EducationSpec] = Field(default_factory=list)
    resume: ResumeSpec = Field(default_factory=ResumeSpec)
    recommendations_received: list[RecommendationSpec] = Field(default_factory=list)
    recommendations_given: list[RecommendationSpec] = Field(default_factory=list)

    @model_validator(mode="after")
    def _activity_matches_archive(self) -> PersonaSpec:
        if self.archive == "complete" and self.activity is None:
            raise ValueError("a Complete archive needs an [activity] table")
        if self.suffixed_files and not self.member_id:
            raise ValueError("suffixed_files need a member_id")
        return self


class PersonaFile(_Strict):
    version: int
    export_date: date
    archive_files: dict[Literal["complete", "basic"], list[str]]
    personas: dict[str, PersonaSpec]


class Vocabulary(_Strict):
    """Word pools for names, companies, titles and texts (``vocabulary.toml``)."""

    version: int
    first_names: list[str] = Field(min_length=1)
    last_names: list[str] = Field(min_length=1)
    companies: list[str] = Field(min_length=1)
    industries: list[str] = Field(min_length=1)
    titles: dict[str, list[str]]
    text: dict[str, list[str]]

    @field_validator("titles")
    @classmethod
    def _every_level(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        if set(value) != set(SENIORITY_LEVELS) or not all(value.values()):
            raise ValueError(f"titles need a non-empty list for each of {SENIORITY_LEVELS}")
        return value


def _load_toml(path: Path) -> dict:
    with path.open("rb") as fh:
        return tomllib.load(fh)


@cache
def persona_file() -> PersonaFile:
    """The validated ``personas.toml`` bundled with the package."""
    return PersonaFile.model_validate(_load_toml(PERSONAS_FILE))


@cache
def vocabulary() -> Vocabulary:
    """The validated ``vocabulary.toml`` bundled with the package."""
    return Vocabulary.model_validate(_load_toml(VOCABULARY_FILE))
