"""The generic activity CSV: one row per event, for XING users and hand-kept logs.

Columns (any order, extra columns ignored, see docs/generic-activity-csv.md):
``timestamp`` and ``kind`` are required, ``counterpart`` (the other person,
stored only as a salted key) and ``detail`` (what the kind needs: a skill, a
company, a reaction type, a post's text for its length) are optional. German
headers and kind names are accepted too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from scoring.export import Notice
from scoring.ingest.csvtext import Header, alias_lookup, find_header, read_table
from scoring.ingest.dates import parse_dates
from scoring.ingest.kinds import finalize, media_type, text_length, upper
from scoring.ingest.privacy import person_text, salted_key

#: Header names accepted per field (folded before matching).
GENERIC_FIELDS: dict[str, tuple[str, ...]] = {
    "timestamp": ("timestamp", "time", "datetime", "date", "zeitpunkt", "datum", "zeit"),
    "kind": ("kind", "type", "activity", "art", "typ", "aktivität"),
    "counterpart": ("counterpart", "contact", "person", "kontakt", "gegenüber", "partner"),
    "detail": ("detail", "details", "text", "note", "notiz"),
}
GENERIC_LOOKUP = alias_lookup(GENERIC_FIELDS)

#: Accepted values of ``kind`` → the canonical generic kind (see the docs for meanings).
KIND_ALIASES: dict[str, str] = {
    "connection": "connection", "kontakt": "connection",
    "invitation_sent": "invitation_sent", "kontaktanfrage_gesendet": "invitation_sent",
    "invitation_received": "invitation_received",
    "kontaktanfrage_erhalten": "invitation_received",
    "message_sent": "message_sent", "nachricht_gesendet": "message_sent",
    "message_received": "message_received", "nachricht_erhalten": "message_received",
    "post": "post", "beitrag": "post",
    "comment": "comment", "kommentar": "comment",
    "reaction": "reaction", "reaktion": "reaction",
    "vote": "vote", "abstimmung": "vote",
    "repost": "repost", "teilen": "repost",
    "search": "search", "suche": "search",
    "company_follow": "company_follow", "unternehmen_folgen": "company_follow",
    "member_follow": "member_follow", "person_folgen": "member_follow",
    "endorsement_received": "endorsement_received",
    "empfehlung_fähigkeit_erhalten": "endorsement_received",
    "endorsement_given": "endorsement_given",
    "empfehlung_fähigkeit_gegeben": "endorsement_given",
    "recommendation_received": "recommendation_received",
    "referenz_erhalten": "recommendation_received",
    "recommendation_given": "recommendation_given", "referenz_gegeben": "recommendation_given",
    "article": "article", "artikel": "article",
    "event": "event", "veranstaltung": "event",
    "profile_photo": "profile_photo", "profilfoto": "profile_photo",
    "background_photo": "background_photo", "hintergrundbild": "background_photo",
    "media": "media", "medien": "media",
}  # fmt: skip


@dataclass(frozen=True)
class GenericResult:
    """The frames a generic CSV yields per export kind, and what it dropped."""

    frames: dict[str, pd.DataFrame]
    rows: int
    skip_reasons: dict[str, int]
    warnings: list[Notice]


def generic_header(text: str, search_bytes: int | None = None) -> Header | None:
    """The header of a generic activity CSV, or ``None`` when ``text`` is not one."""
    header = find_header(text, GENERIC_LOOKUP, search_bytes)
    if header is not None and {"timestamp", "kind"} <= header.fields:
        return header
    return None


def read_generic(text: str, header: Header, *, file: str) -> GenericResult:
    """Turn a generic activity CSV into normalized frames, one per export kind it feeds."""
    table = read_table(text, header, GENERIC_LOOKUP, file=file, free_text=frozenset({"detail"}))
    raw = table.frame
    skips: dict[str, int] = {}
    warnings: list[Notice] = []
    if table.malformed:
        skips["ingest.skip.malformed_line"] = table.malformed
    if table.recovered:
        params = {"count": table.recovered, "column": "detail"}
        warnings.append(Notice(key="ingest.warning.recovered_lines", params=params))
    cell = {name: _text(raw, name) for name in GENERIC_FIELDS}
    folded = cell["kind"].str.lower().str.replace("[ \t-]+", "_", regex=True)
    kind = folded.map(KIND_ALIASES, na_action="ignore").astype("string")
    unknown = kind.isna()
    if unknown.any():
        skips["ingest.skip.unknown_kind"] = int(unknown.sum())
        shown = ", ".join(sorted(cell["kind"][unknown].fillna("").unique())[:5])
        warnings.append(Notice(key="ingest.warning.unknown_kinds", params={"kinds": shown or "-"}))
    parsed = parse_dates(cell["timestamp"])
    for reason, mask in (("ingest.skip.unreadable_date", parsed.unreadable & ~unknown),
                         ("ingest.skip.no_date", parsed.missing & ~unknown)):  # fmt: skip
        if mask.any():
            skips[reason] = int(mask.sum())
    keep = ~unknown & parsed.values.notna()
    frames: dict[str, pd.DataFrame] = {}
    for generic_kind in sorted(kind[keep].unique()):
        rows = keep & (kind == generic_kind)
        part = _Part(parsed.values[rows], cell["counterpart"][rows], cell["detail"][rows])
        target, build = BUILDERS[generic_kind]
        built = finalize(target, build(part), part.at.index)
        frames[target] = pd.concat([frames[target], built]) if target in frames else built
    # Back into the file's row order: parts were built per kind of the log.
    frames = {k: f.sort_index(kind="stable").reset_index(drop=True) for k, f in frames.items()}
    return GenericResult(frames, int(keep.sum()), skips, warnings)


def _text(frame: pd.DataFrame, name: str) -> pd.Series:
    if name not in frame.columns:
        return pd.Series(pd.NA, index=frame.index, dtype="string")
    stripped = frame[name].astype("string").str.strip()
    return stripped.mask(stripped == "")


@dataclass(frozen=True)
class _Part:
    at: pd.Series
    counterpart: pd.Series
    detail: pd.Series

    @property
    def person_key(self) -> pd.Series:
        return salted_key(person_text(self.counterpart))

    @property
    def link(self) -> pd.Series:
        return self.detail.where(self.detail.str.match(r"https?://").fillna(False))

    @property
    def chars(self) -> pd.Series:
        return text_length(self.detail.where(self.link.isna()))

    def constant(self, value: object) -> pd.Series:
        return pd.Series(value, index=self.at.index)


def _messages(sent: bool) -> Callable[[_Part], dict[str, pd.Series]]:
    def build(p: _Part) -> dict[str, pd.Series]:
        # One conversation per counterpart; the owner's own sender key is fixed.
        owner = salted_key(p.constant("\x1fowner").astype("string"))
        return {"at": p.at, "conversation_id": p.person_key,
                "sender_key": owner if sent else p.person_key,
                "from_owner": p.constant(sent), "sponsored": p.constant(False)}  # fmt: skip

    return build


def _invitations(direction: str) -> Callable[[_Part], dict[str, pd.Series]]:
    side = "invitee_key" if direction == "OUTGOING" else "inviter_key"

    def build(p: _Part) -> dict[str, pd.Series]:
        return {"at": p.at, "direction": p.constant(direction),
                "has_message": p.detail.notna(), side: p.person_key}  # fmt: skip

    return build


def _endorsements(key: str) -> Callable[[_Part], dict[str, pd.Series]]:
    def build(p: _Part) -> dict[str, pd.Series]:
        return {"at": p.at, "skill": p.detail, key: p.person_key,
                "status": p.constant("ACCEPTED")}  # fmt: skip

    return build


def _media(fixed: str | None) -> Callable[[_Part], dict[str, pd.Series]]:
    def build(p: _Part) -> dict[str, pd.Series]:
        kind = p.constant(fixed).astype("string") if fixed else media_type(p.detail)
        return {"at": p.at, "media_type": kind.fillna("other")}

    return build


BUILDERS: dict[str, tuple[str, Callable[[_Part], dict[str, pd.Series]]]] = {
    "connection": ("connections", lambda p: {
        "at": p.at, "url_key": p.person_key, "company": p.detail, "hidden": p.constant(False)}),
    "invitation_sent": ("invitations", _invitations("OUTGOING")),
    "invitation_received": ("invitations", _invitations("INCOMING")),
    "message_sent": ("messages", _messages(sent=True)),
    "message_received": ("messages", _messages(sent=False)),
    "post": ("shares", lambda p: {"at": p.at, "link": p.link, "chars": p.chars,
                                  "is_group": p.constant(False)}),
    "comment": ("comments", lambda p: {"at": p.at, "link": p.link, "chars": p.chars}),
    "reaction": ("reactions", lambda p: {"at": p.at, "type": upper(p.detail).fillna("LIKE")}),
    "vote": ("votes", lambda p: {"at": p.at, "link": p.link}),
    "repost": ("reposts", lambda p: {"at": p.at, "link": p.link}),
    "search": ("search_queries", lambda p: {"at": p.at, "chars": text_length(p.detail)}),
    "company_follow": ("company_follows", lambda p: {"at": p.at, "organization": p.detail}),
    "member_follow": ("member_follows", lambda p: {"at": p.at, "status": p.constant("Active")}),
    "endorsement_received": ("endorsements_received", _endorsements("endorser_key")),
    "endorsement_given": ("endorsements_given", _endorsements("endorsee_key")),
    "recommendation_received": ("recommendations_received", lambda p: {
        "at": p.at, "status": p.constant("VISIBLE")}),
    "recommendation_given": ("recommendations_given", lambda p: {
        "at": p.at, "status": p.constant("VISIBLE")}),
    "article": ("articles", lambda p: {"at": p.at, "title": p.detail}),
    "event": ("events", lambda p: {"at": p.at, "name": p.detail}),
    "profile_photo": ("rich_media", _media("profile_photo")),
    "background_photo": ("rich_media", _media("background_photo")),
    "media": ("rich_media", _media(None)),
}  # fmt: skip
