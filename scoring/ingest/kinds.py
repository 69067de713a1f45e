"""Per-kind normalizers: raw export columns → the columns of :data:`scoring.export.COLUMNS`.

Each :class:`KindSpec` says which header names feed which field (old and new
headers side by side), which fields a file must have, whether a row without a
readable date is useless (event logs) or still counts (a position without a
start), and, where a kind needs more than copying and date parsing, a
``build`` function that derives its columns. Everything is column-wise pandas.
Contacts' names, e-mail addresses and message bodies are read only to derive
flags, lengths and salted keys; they never reach a returned frame.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from scoring.export import COLUMNS, PANDAS_DTYPES, Notice
from scoring.ingest.csvtext import alias_lookup
from scoring.ingest.dates import UTC_NS, parse_dates
from scoring.ingest.privacy import person_text, profile_url_text, salted_key


@dataclass
class Rows:
    """The raw rows of one file with helpers that read a field cleanly and note problems."""

    frame: pd.DataFrame  # canonical field → raw strings ("" = empty)
    spec: KindSpec
    owner_name: str | None = None  # the profile's display name, folded, for messages
    warnings: list[Notice] = field(default_factory=list)
    _unreadable: dict[str, pd.Series] = field(default_factory=dict, init=False, repr=False)

    def has(self, name: str) -> bool:
        return name in self.frame.columns

    def raw(self, name: str) -> pd.Series:
        """The field's cells as stored (``""`` when empty or when the column is absent)."""
        if name in self.frame.columns:
            return self.frame[name]
        return pd.Series("", index=self.frame.index, dtype="string")

    def text(self, name: str) -> pd.Series:
        """The field trimmed, ``<NA>`` where empty or absent."""
        stripped = self.raw(name).str.strip()
        return stripped.mask(stripped == "")

    def dates(self, name: str, values: pd.Series | None = None, *, warn: bool = True) -> pd.Series:
        """The field (or ``values``) as UTC timestamps; unreadable cells become a warning."""
        raw = self.raw(name) if values is None else values
        parsed = parse_dates(raw, expected=DATE_FORMATS.get(self.spec.kind, ()))
        bad = int(parsed.unreadable.sum())
        if bad and warn:
            column = self.spec.header_name(name)
            self.warnings.append(
                Notice(
                    key="ingest.warning.unreadable_dates", params={"count": bad, "column": column}
                )
            )
        self._unreadable[name] = parsed.unreadable
        return parsed.values

    def unreadable(self, name: str) -> pd.Series:
        """Which cells of a date field were text in no known shape (after :meth:`dates`)."""
        return self._unreadable.get(name, pd.Series(False, index=self.frame.index))


Builder = Callable[[Rows], dict[str, pd.Series]]


@dataclass(frozen=True)
class KindSpec:
    """How one kind's file looks and how its rows become normalized columns."""

    kind: str
    fields: Mapping[str, tuple[str, ...]]  # field → header names seen in real exports
    required: tuple[str, ...]  # the header must name all of these …
    any_of: tuple[str, ...] = ()  # … and at least one of these
    needs_date: bool = False  # rows without a readable `at` are skipped
    escapechar: str | None = None
    build: Builder | None = None

    @property
    def lookup(self) -> dict[str, str]:
        return alias_lookup(self.fields)

    @property
    def expected(self) -> str:
        """The current header, as an error message shows what was expected."""
        return ", ".join(names[0] for names in self.fields.values())

    def header_name(self, name: str) -> str:
        return self.fields[name][0] if name in self.fields else name


@dataclass(frozen=True)
class Normalized:
    """One file's rows in normalized columns, with what was dropped and why."""

    frame: pd.DataFrame
    skip_reasons: dict[str, int]  # ingest.skip.* key → count
    warnings: list[Notice]


def normalize(rows: Rows) -> Normalized:
    """Turn one file's raw rows into the kind's normalized frame.

    Rows whose cells are all empty are dropped; for event kinds
    (``needs_date``) so are rows without a readable date, counted by reason.
    """
    spec = rows.spec
    skips: dict[str, int] = {}
    empty = _all_empty(rows.frame)
    if empty.any():
        skips["ingest.skip.empty_row"] = int(empty.sum())
        rows = Rows(rows.frame[~empty], spec, rows.owner_name, rows.warnings)
    columns = _default_columns(rows)
    if spec.build is not None:
        columns.update(spec.build(rows))
    frame = finalize(spec.kind, columns, rows.frame.index)
    if spec.needs_date and "at" in frame:
        unreadable = rows.unreadable("at").reindex(frame.index, fill_value=False)
        no_date = frame["at"].isna()
        for reason, mask in (("ingest.skip.unreadable_date", no_date & unreadable),
                             ("ingest.skip.no_date", no_date & ~unreadable)):  # fmt: skip
            if mask.any():
                skips[reason] = int(mask.sum())
        frame = frame[~no_date]
    return Normalized(frame.reset_index(drop=True), skips, rows.warnings)


def _all_empty(frame: pd.DataFrame) -> pd.Series:
    """Rows whose cells are all blank.

    Column by column, only the rows still blank so far are looked at: after the
    first filled column almost none are, so a message body is rarely touched.
    """
    candidates = np.arange(len(frame))
    for column in frame.columns:
        if not len(candidates):
            break
        cells = frame[column].iloc[candidates]
        candidates = candidates[(cells.str.strip() == "").to_numpy(dtype=bool)]
    mask = np.zeros(len(frame), dtype=bool)
    mask[candidates] = True
    return pd.Series(mask, index=frame.index)


def _default_columns(rows: Rows) -> dict[str, pd.Series]:
    out: dict[str, pd.Series] = {}
    for column, kind in COLUMNS[rows.spec.kind].items():
        if not rows.has(column):
            continue
        if kind == "ts":
            # For event kinds a row without a date is dropped and counted as a
            # skip, so a warning would say the same thing twice.
            warn = not (column == "at" and rows.spec.needs_date)
            out[column] = rows.dates(column, warn=warn)
        elif kind == "str":
            out[column] = rows.text(column)
    return out


def finalize(kind: str, columns: Mapping[str, pd.Series], index: pd.Index) -> pd.DataFrame:
    """A frame with exactly the kind's normalized columns and dtypes; absent ones empty."""
    out: dict[str, pd.Series] = {}
    for column, type_ in COLUMNS[kind].items():
        series = columns.get(column)
        if series is None:
            series = pd.Series(pd.NA if type_ != "ts" else pd.NaT, index=index)
        if type_ == "bool":
            series = series.astype("boolean").fillna(False).astype(bool)
        elif type_ == "int":
            series = series.astype("Int64").fillna(0).astype("int64")
        elif type_ == "ts":
            series = pd.to_datetime(series, utc=True).astype(UTC_NS)
        else:
            series = series.astype(PANDAS_DTYPES[type_])
        out[column] = series
    return pd.DataFrame(out, index=index)


# --- derived columns shared by several kinds ------------------------------------


def text_length(values: pd.Series) -> pd.Series:
    """Characters per cell, 0 where empty."""
    return values.astype("string").str.len().fillna(0).astype("int64")


def is_group_link(links: pd.Series) -> pd.Series:
    """True where a link points into a group (``groupPost`` URN)."""
    return links.astype("string").str.contains("grouppost", case=False, regex=False).fillna(False)


def upper(values: pd.Series) -> pd.Series:
    return values.astype("string").str.upper()


def full_name_key(rows: Rows, first: str, last: str) -> pd.Series:
    """Salted key of ``first last`` as a matching key for a person (``<NA>`` if both empty)."""
    name = rows.text(first).fillna("") + " " + rows.text(last).fillna("")
    return salted_key(person_text(name))


# --- kinds with more than copy + parse -----------------------------------------


def _connections(rows: Rows) -> dict[str, pd.Series]:
    identity = ("first_name", "last_name", "url", "company", "position")
    hidden = pd.Series(True, index=rows.frame.index)
    for name in identity:
        hidden &= rows.text(name).isna()
    return {"url_key": salted_key(profile_url_text(rows.text("url"))), "hidden": hidden}


def _invitations(rows: Rows) -> dict[str, pd.Series]:
    return {
        "direction": upper(rows.text("direction")),
        "has_message": rows.text("message").notna(),
        "inviter_key": salted_key(profile_url_text(rows.text("inviter_url"))),
        "invitee_key": salted_key(profile_url_text(rows.text("invitee_url"))),
    }


_SPINMAIL = '<p class="spinmail'
_SPONSOR_HEAD = 64  # characters of a message body that tell sponsored InMail

#: Fields of which a kind reads only the first characters (a message body only
#: for the sponsored-InMail mark): the rest is dropped as soon as it is parsed.
HEAD_ONLY: dict[str, dict[str, int]] = {"messages": {"content": _SPONSOR_HEAD}}


def head_only(values: pd.Series, chars: int) -> pd.Series:
    """The first ``chars`` characters of each cell, or the whole cell where those are blank.

    Keeping a blank head's whole cell leaves "is this cell blank?" answered as
    by the whole cell (a body may start with 64 spaces).
    """
    head = values.str.slice(0, chars)
    return head.where(head.str.strip() != "", values)


def _messages(rows: Rows) -> dict[str, pd.Series]:
    sender = person_text(rows.text("sender"))
    head = rows.raw("content").str.slice(0, _SPONSOR_HEAD).str.lstrip().str.lower()
    sponsored = head.str.startswith(_SPINMAIL).fillna(False).astype(bool)
    if rows.has("conversation_id"):
        conversation = salted_key(rows.text("conversation_id"))
    else:  # 2018: no id; a conversation is the pair of people
        other = person_text(rows.text("to")).fillna("")
        one = sender.fillna("")
        pair = one.where(one < other, other) + "\x1f" + other.where(one < other, one)
        conversation = salted_key(pair)
    return {
        "conversation_id": conversation,
        "sender_key": salted_key(sender),
        "from_owner": _from_owner(rows, sender, sponsored) & ~sponsored,
        "sponsored": sponsored,
        "folder": upper(rows.text("folder")),
        "is_draft": rows.text("is_draft").str.lower().isin(["yes", "true", "1"]).fillna(False),
    }


def _from_owner(rows: Rows, sender: pd.Series, sponsored: pd.Series) -> pd.Series:
    direction = upper(rows.text("direction"))
    if direction.notna().any():  # 2018 files say it outright
        return (direction == "OUTGOING").fillna(False)
    if rows.owner_name and (sender == rows.owner_name).any():
        return (sender == rows.owner_name).fillna(False)
    counts = sender[~sponsored].value_counts()
    if counts.empty:
        return pd.Series(False, index=sender.index)
    # Without a name to look for, "no sender matches" would blame a file the user never gave.
    key = "ingest.warning.owner_guessed" if rows.owner_name else "ingest.warning.owner_unnamed"
    rows.warnings.append(Notice(key=key))
    return (sender == counts.index[0]).fillna(False)


# Inside ShareCommentary each line of a post is wrapped in quotes, so after CSV
# parsing a line break reads '"\n"' (2022: '"\r\n"') and the whole text is quoted.
_SHARE_BREAK = '"\r?\n"'


def share_text(values: pd.Series) -> pd.Series:
    """ShareCommentary with LinkedIn's per-line quoting undone."""
    text = values.astype("string").str.replace(_SHARE_BREAK, "\n", regex=True)
    quoted = (text.str.len() >= 2) & text.str.startswith('"') & text.str.endswith('"')
    return text.where(~quoted.fillna(False), text.str.slice(1, -1))


def _shares(rows: Rows) -> dict[str, pd.Series]:
    link = rows.text("link")
    return {
        "is_reshare": rows.text("shared_url").notna(),
        "has_media": rows.text("media_url").notna(),
        "is_group": is_group_link(link),
        "chars": text_length(share_text(rows.text("commentary"))),
        "visibility": upper(rows.text("visibility")),
    }


def _comments(rows: Rows) -> dict[str, pd.Series]:
    return {
        "is_group": is_group_link(rows.text("link")),
        "chars": text_length(rows.text("message")),
    }


def _reactions(rows: Rows) -> dict[str, pd.Series]:
    return {"type": upper(rows.text("type")), "is_group": is_group_link(rows.text("link"))}


def _positions(rows: Rows) -> dict[str, pd.Series]:
    return {"has_description": rows.text("description").notna()}


def _endorsements(role: str, key: str) -> Builder:
    def build(rows: Rows) -> dict[str, pd.Series]:
        key_values = full_name_key(rows, f"{role}_first", f"{role}_last")
        return {key: key_values, "status": upper(rows.text("status"))}

    return build


def _search_queries(rows: Rows) -> dict[str, pd.Series]:
    return {"chars": text_length(rows.text("query"))}


#: Words in a Rich_Media sentence or old ``Type`` cell → media type, first match wins.
MEDIA_TYPES: tuple[tuple[str, str], ...] = (
    ("background", "background_photo"),
    ("profile photo", "profile_photo"),
    ("profile picture", "profile_photo"),
    ("video", "feed_video"),
    ("document", "feed_document"),
    ("pdf", "feed_document"),
    ("photo", "feed_photo"),
    ("image", "feed_photo"),
)
_UPLOAD_MOMENT = re.compile(
    r"\bon\s+(?P<day>[A-Za-z]+\s+\d{1,2},\s+\d{4})\s+at\s+(?P<time>\d{1,2}:\d{2}\s*[AaPp][Mm])"
)


def media_type(descriptions: pd.Series) -> pd.Series:
    """``"You uploaded a profile background photo on …"`` → ``background_photo``."""
    text = descriptions.astype("string").str.lower().str.replace("_", " ", regex=False)
    conditions = [text.str.contains(word, regex=False).fillna(False) for word, _ in MEDIA_TYPES]
    chosen = np.select(conditions, [kind for _, kind in MEDIA_TYPES], default="other")
    return pd.Series(chosen, index=descriptions.index, dtype="string").mask(text.isna())


def _rich_media(rows: Rows) -> dict[str, pd.Series]:
    sentence = rows.text("sentence")
    moment = sentence.str.extract(_UPLOAD_MOMENT)
    when = (moment["day"] + " " + moment["time"].str.upper()).astype("string").fillna(sentence)
    return {
        "at": rows.dates("sentence", when.fillna("")),
        "media_type": media_type(sentence.fillna(rows.text("type"))),
    }


def _events(rows: Rows) -> dict[str, pd.Series]:
    start = rows.raw("time").str.split(" - ", n=1, regex=False).str[0]
    return {"at": rows.dates("time", start.fillna(""))}


# --- the table of kinds ----------------------------------------------------------

_DATE_COLUMN = {"at": ("Date",)}

SPECS: dict[str, KindSpec] = {
    spec.kind: spec
    for spec in (
        KindSpec("connections", {
            "first_name": ("First Name",), "last_name": ("Last Name",),
            "url": ("URL", "Profile URL"), "company": ("Company",),
            "position": ("Position",), "at": ("Connected On",),
        }, required=("at",), build=_connections),
        KindSpec("invitations", {
            "at": ("Sent At",), "message": ("Message",), "direction": ("Direction",),
            "inviter_url": ("inviterProfileUrl",), "invitee_url": ("inviteeProfileUrl",),
        }, required=("at", "direction"), needs_date=True, build=_invitations),
        KindSpec("messages", {
            "conversation_id": ("CONVERSATION ID",), "sender": ("FROM",), "to": ("TO",),
            "at": ("DATE",), "content": ("CONTENT",), "folder": ("FOLDER",),
            "is_draft": ("IS MESSAGE DRAFT",), "direction": ("Direction",),
        }, required=("at", "sender"), needs_date=True, build=_messages),
        KindSpec("shares", {
            **_DATE_COLUMN, "link": ("ShareLink",), "commentary": ("ShareCommentary",),
            "shared_url": ("SharedUrl",), "media_url": ("MediaUrl",),
            "visibility": ("Visibility",),
        }, required=("at",), any_of=("link", "commentary"), needs_date=True, build=_shares),
        KindSpec("comments", {**_DATE_COLUMN, "link": ("Link",), "message": ("Message",)},
                 required=("at",), any_of=("link", "message"), needs_date=True,
                 escapechar="\\", build=_comments),
        KindSpec("reactions", {**_DATE_COLUMN, "type": ("Type",), "link": ("Link",)},
                 required=("at",), any_of=("type", "link"), needs_date=True, build=_reactions),
        KindSpec("votes", {**_DATE_COLUMN, "link": ("Link",), "option": ("OptionText",)},
                 required=("at",), any_of=("link", "option"), needs_date=True),
        KindSpec("reposts", {**_DATE_COLUMN, "link": ("Link",)},
                 required=("at", "link"), needs_date=True),
        KindSpec("profile", {
            "first_name": ("First Name",), "last_name": ("Last Name",),
            "headline": ("Headline",), "summary": ("Summary",), "industry": ("Industry",),
            "location": ("Geo Location", "Location"), "websites": ("Websites",),
        }, required=(), any_of=("first_name", "last_name", "headline")),
        KindSpec("profile_summary", {"summary": ("Profile Summary",)}, required=("summary",)),
        KindSpec("positions", {
            "company": ("Company Name",), "title": ("Title",), "description": ("Description",),
            "location": ("Location",), "at": ("Started On", "Start Date"),
            "finished_on": ("Finished On", "End Date"),
        }, required=(), any_of=("company", "title"), build=_positions),
        KindSpec("education", {
            "school": ("School Name",), "at": ("Start Date", "Started On"),
            "finished_on": ("End Date", "Finished On"), "degree": ("Degree Name",),
        }, required=("school",)),
        KindSpec("skills", {"name": ("Name",)}, required=("name",)),
        KindSpec("endorsements_received", {
            "at": ("Endorsement Date",), "skill": ("Skill Name",),
            "endorser_first": ("Endorser First Name",), "endorser_last": ("Endorser Last Name",),
            "status": ("Endorsement Status",),
        }, required=("skill",), build=_endorsements("endorser", "endorser_key")),
        KindSpec("endorsements_given", {
            "at": ("Endorsement Date",), "skill": ("Skill Name",),
            "endorsee_first": ("Endorsee First Name",), "endorsee_last": ("Endorsee Last Name",),
            "status": ("Endorsement Status",),
        }, required=("skill",), build=_endorsements("endorsee", "endorsee_key")),
        *(KindSpec(kind, {
            "company": ("Company",), "job_title": ("Job Title",),
            "at": ("Creation Date",), "status": ("Status",),
        }, required=(), any_of=("at", "company", "job_title"))
          for kind in ("recommendations_received", "recommendations_given")),
        KindSpec("certifications", {
            "name": ("Name",), "authority": ("Authority",), "at": ("Started On",),
            "finished_on": ("Finished On",),
        }, required=("name",)),
        KindSpec("courses", {"name": ("Name",)}, required=("name",)),
        KindSpec("languages", {"name": ("Name",), "proficiency": ("Proficiency",)},
                 required=("name",)),
        KindSpec("projects", {
            "title": ("Title",), "at": ("Started On", "Start Date"),
            "finished_on": ("Finished On", "End Date"),
        }, required=("title",)),
        KindSpec("honors", {"title": ("Title",), "at": ("Issued On", "Issue Date")},
                 required=("title",)),
        KindSpec("volunteering", {
            "organization": ("Company Name", "Organization"), "role": ("Role",),
            "at": ("Started On",), "finished_on": ("Finished On",),
        }, required=(), any_of=("organization", "role")),
        KindSpec("publications", {
            "name": ("Name",), "at": ("Published On",), "publisher": ("Publisher",),
        }, required=("name",)),
        KindSpec("search_queries", {"at": ("Time",), "query": ("Search Query",)},
                 required=("at", "query"), needs_date=True, build=_search_queries),
        KindSpec("company_follows", {"organization": ("Organization",), "at": ("Followed On",)},
                 required=("organization",)),
        KindSpec("member_follows", {"at": ("Date",), "status": ("Status",)},
                 required=("at", "status"), needs_date=True),
        KindSpec("hashtag_follows", {
            "hashtag": ("HashTag",), "at": ("CreatedTime",), "state": ("State",),
        }, required=("hashtag",)),
        KindSpec("saved_items", {"at": ("createdTime",), "item": ("savedItem",)},
                 required=("at",), needs_date=True),
        KindSpec("rich_media", {
            "sentence": ("Date/Time",), "description": ("Media Description",),
            "type": ("Type",), "link": ("Media Link", "Link"),
        }, required=(), any_of=("sentence", "type"), build=_rich_media),
        KindSpec("events", {
            "name": ("Event Name",), "time": ("Event Time",), "status": ("Status",),
        }, required=("name",), build=_events),
        KindSpec("learning", {
            "title": ("Content Title",), "content_type": ("Content Type",),
            "at": ("Content Last Watched Date (if viewed)",),
            "completed_at": ("Content Completed At (if completed)",),
        }, required=("title",)),
        KindSpec("saved_jobs", {
            "at": ("Saved Date",), "title": ("Job Title",), "company": ("Company Name",),
        }, required=(), any_of=("title", "company")),
        KindSpec("job_applications", {
            "at": ("Application Date",), "company": ("Company Name",), "title": ("Job Title",),
        }, required=(), any_of=("title", "company")),
    )
}  # fmt: skip


_ISO_SECONDS = "%Y-%m-%d %H:%M:%S"

#: The date shapes each kind's files write (all generations, newest first), tried
#: before the whole of :data:`~scoring.ingest.dates.FORMATS`; see ``parse_dates``.
DATE_FORMATS: dict[str, tuple[str, ...]] = {
    "connections": ("%d %b %Y", "%m/%d/%y, %I:%M %p"),  # 2018: with the time
    "invitations": ("%m/%d/%y, %I:%M %p",),
    "messages": (_ISO_SECONDS,),
    "shares": (_ISO_SECONDS,),
    "comments": (_ISO_SECONDS,),
    "reactions": (_ISO_SECONDS,),
    "votes": (_ISO_SECONDS,),
    "reposts": (_ISO_SECONDS,),
    "member_follows": (_ISO_SECONDS,),
    "positions": ("%b %Y",),
    "certifications": ("%b %Y",),
    "projects": ("%b %Y",),
    "honors": ("%b %Y",),
    "volunteering": ("%b %Y",),
    "education": ("%Y", "%b %Y"),
    "endorsements_received": ("%Y/%m/%d %H:%M:%S",),
    "endorsements_given": ("%Y/%m/%d %H:%M:%S",),
    "search_queries": ("%Y/%m/%d %H:%M:%S",),
    "publications": ("%b %d, %Y",),
    "company_follows": ("%a %b %d %H:%M:%S UTC %Y",),
    "learning": ("%Y-%m-%d %H:%M",),
    "events": ("%b %d, %Y %I:%M %p",),
    "rich_media": ("%B %d, %Y %I:%M %p",),
    "hashtag_follows": ("ISO8601",),
    "saved_items": ("ISO8601",),
    "recommendations_received": ("%m/%d/%y, %I:%M %p",),
    "recommendations_given": ("%m/%d/%y, %I:%M %p",),
    "saved_jobs": ("%m/%d/%y, %I:%M %p",),
    "job_applications": ("%m/%d/%y, %I:%M %p",),
}
