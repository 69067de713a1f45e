"""Turn a persona's world into a LinkedIn export zip, byte for byte reproducible."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from scoring.samples import activity, interests, network, resume
from scoring.samples.formats import csv_bytes, iso_space_utc, slash_utc
from scoring.samples.manifest import Manifest, ManifestFile
from scoring.samples.messages import message_columns, messages_frame
from scoring.samples.world import World

ZIP_TIMESTAMP = (2026, 10, 15, 0, 0, 0)  # fixed: the archive never depends on the clock
CONNECTIONS_PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)


@dataclass(frozen=True)
class Member:
    """One file of the archive and what the manifest says about it."""

    name: str
    data: bytes
    entry: ManifestFile


@dataclass(frozen=True)
class FileRule:
    """How one export file is named, which kind it is, and how its bytes look."""

    base: str
    kind: str | None
    build: Callable[[World], pd.DataFrame]
    quirks: tuple[str, ...] = ()
    fmt: dict = field(default_factory=dict)
    omit_when_empty: bool = False


def _header_only_messages(world: World) -> pd.DataFrame:
    return pd.DataFrame(columns=message_columns(world.spec.message_extra))


def unknown_file_frames(world: World) -> dict[str, pd.DataFrame]:
    """Files real archives carry that no scoring reads; a reader lists them as ignored."""
    rng = world.rng("unknown")
    n = 6
    at = world.times("unknown.logins", n, start=world.end - pd.Timedelta(days=30))
    ips = pd.Series(rng.integers(1, 255, n)).astype(str)
    return {
        "Logins.csv": pd.DataFrame(
            {
                "Login Date": slash_utc(at),
                "IP Address": "192.0.2." + ips,
                "User Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36",
                "Login Type": np.where(rng.random(n) < 0.7, "Web", "Mobile"),
            }
        ),
        "Ad_Targeting.csv": pd.DataFrame(
            [
                {
                    "Member Age": "25 to 34",
                    "Company Names": world.spec.network.own_company,
                    "Degrees": "Master of Science - MS",
                    "Member Gender": "",
                    "Interests": "Data Analytics;Cloud Computing",
                    "Job Seniorities": "Senior",
                }
            ]
        ),
        "Registration.csv": pd.DataFrame(
            {
                "Registered At": iso_space_utc(
                    pd.Series([pd.Timestamp(world.spec.network.first_connected)])
                ),
                "Registration Ip": "198.51.100.7",
                "Subscription Types": "",
            }
        ),
        "Email Addresses.csv": pd.DataFrame(
            {
                "Email Address": [f"{world.spec.profile.first_name.lower()}@example.com"],
                "Confirmed": "Yes",
                "Primary": "Yes",
                "Updated On": "1/5/23, 9:12 AM",
            }
        ),
    }


_UTF16_TAB = {
    "sep": "\t",
    "quoting": csv.QUOTE_ALL,
    "encoding": "utf-16-le",
    "bom": True,
    "lineterminator": "\r\n",
}

#: Files left out of the archive when they would have no rows (profile sections).
OPTIONAL_FILES = frozenset({
    "positions", "education", "skills", "endorsements_received", "endorsements_received_legacy",
    "endorsements_given", "recommendations_received", "recommendations_given",
    "certifications", "courses", "languages", "projects", "honors", "volunteering",
    "publications", "hashtag_follows", "events", "learning", "saved_jobs", "job_applications",
})  # fmt: skip

_CSV_FILES: tuple[tuple[str, str, str, Callable[[World], pd.DataFrame], tuple[str, ...]], ...] = (
    ("connections", "Connections.csv", "connections", network.connections_file,
     ("preamble", "hidden rows", "no final newline", "few e-mail addresses")),
    ("invitations", "Invitations.csv", "invitations", network.invitations_file,
     ("both directions", "personal notes", "accepted = invitee among connection URLs")),
    ("messages", "messages.csv", "messages", messages_frame,
     ("every field quoted", "sponsored spinmail rows", "comma-joined recipients", "FOLDER")),
    ("guide_messages", "guide_messages.csv", "messages", _header_only_messages,
     ("header only",)),
    ("shares", "Shares.csv", "shares", activity.shares_file,
     ("multi-line posts with doubled-quote line wrapping", "groupPost links")),
    ("comments", "Comments.csv", "comments", activity.comments_file,
     ("backslash-escaped quotes", "groupPost links")),
    ("reactions", "Reactions.csv", "reactions", activity.reactions_file,
     ("reactions to comments (?commentUrn=)", "groupPost links")),
    ("votes", "Votes.csv", "votes", activity.votes_file, ()),
    ("reposts", "InstantReposts.csv", "reposts", activity.reposts_file, ()),
    ("rich_media", "Rich_Media.csv", "rich_media", activity.rich_media_file,
     ("upload sentences",)),
    ("profile", "Profile.csv", "profile", resume.profile_file, ()),
    ("profile_summary", "Profile Summary.csv", "profile_summary",
     resume.profile_summary_file, ()),
    ("positions", "Positions.csv", "positions", resume.positions_file, ()),
    ("education", "Education.csv", "education", resume.education_file, ()),
    ("skills", "Skills.csv", "skills", resume.skills_file, ()),
    ("endorsements_received", "Endorsement_Received_Info.csv", "endorsements_received",
     resume.endorsements_received_file, ()),
    ("endorsements_received_legacy", "Endorsement Received Info.csv",
     "endorsements_received", resume.endorsements_received_legacy_file,
     ("UTF-16LE with BOM", "tab-separated", "every field quoted", "CRLF",
      "Display Status column", "rows repeated from Endorsement_Received_Info.csv")),
    ("endorsements_given", "Endorsement_Given_Info.csv", "endorsements_given",
     resume.endorsements_given_file, ()),
    ("recommendations_received", "Recommendations_Received.csv", "recommendations_received",
     resume.recommendations_received_file, ()),
    ("recommendations_given", "Recommendations_Given.csv", "recommendations_given",
     resume.recommendations_given_file, ()),
    ("certifications", "Certifications.csv", "certifications", resume.certifications_file, ()),
    ("courses", "Courses.csv", "courses", resume.courses_file, ()),
    ("languages", "Languages.csv", "languages", resume.languages_file, ()),
    ("projects", "Projects.csv", "projects", resume.projects_file, ()),
    ("honors", "Honors.csv", "honors", resume.honors_file, ()),
    ("volunteering", "Volunteering.csv", "volunteering", resume.volunteering_file, ()),
    ("publications", "Publications.csv", "publications", resume.publications_file, ()),
    ("search_queries", "SearchQueries.csv", "search_queries", interests.search_queries_file, ()),
    ("company_follows", "Company Follows.csv", "company_follows",
     interests.company_follows_file, ()),
    ("member_follows", "Member_Follows.csv", "member_follows", interests.member_follows_file,
     ("Unfollow rows",)),
    ("hashtag_follows", "Hashtag_Follows.csv", "hashtag_follows",
     interests.hashtag_follows_file, ()),
    ("saved_items", "Saved_Items.csv", "saved_items", interests.saved_items_file, ()),
    ("events", "Events.csv", "events", interests.events_file, ()),
    ("learning", "Learning.csv", "learning", interests.learning_file,
     ("trailing comma column",)),
    ("saved_jobs", "Jobs/Saved Jobs.csv", "saved_jobs", interests.saved_jobs_file,
     ("Jobs/ subfolder",)),
    ("job_applications", "Jobs/Job Applications.csv", "job_applications",
     interests.job_applications_file, ("Jobs/ subfolder",)),
)  # fmt: skip

_FORMATS: dict[str, dict] = {
    "connections": {"preamble": CONNECTIONS_PREAMBLE, "final_newline": False},
    "messages": {"quoting": csv.QUOTE_ALL},
    "guide_messages": {"quoting": csv.QUOTE_ALL},
    "comments": {"escapechar": "\\"},
    "endorsements_received_legacy": _UTF16_TAB,
}

#: File key (as listed in personas.toml) → how that file is written.
RULES: dict[str, FileRule] = {
    key: FileRule(base, kind, build, quirks, _FORMATS.get(key, {}), key in OPTIONAL_FILES)
    for key, base, kind, build, quirks in _CSV_FILES
}


def archive_name(kind: str, export_date: date) -> str:
    """``Complete_LinkedInDataExport_MM-DD-YYYY.zip`` (or ``Basic_…``)."""
    stamp = f"{export_date.month:02d}-{export_date.day:02d}-{export_date.year:04d}"
    return f"{kind.capitalize()}_LinkedInDataExport_{stamp}.zip"


def _member_name(world: World, key: str, base: str) -> str:
    spec = world.spec
    if key in spec.suffixed_files or key == "reposts":
        stem, ext = base.rsplit(".", 1)
        return f"{stem}_{spec.member_id}.{ext}"
    return base


def _csv_member(world: World, key: str, rule: FileRule, frame: pd.DataFrame) -> Member:
    helper = [c for c in frame.columns if str(c).startswith("_")]
    facts = {
        c[1:]: int(frame[c].sum()) for c in helper if frame[c].dtype == bool and frame[c].any()
    }
    skipped = {"duplicate": facts.pop("duplicate")} if "duplicate" in facts else {}
    fmt = dict(rule.fmt)
    quirks = list(rule.quirks)
    if key in world.spec.crlf_files:
        fmt["lineterminator"] = "\r\n"
        quirks.append("CRLF")
    name = _member_name(world, key, rule.base)
    if name != rule.base:
        quirks.append("member-id suffix")
    data = csv_bytes(frame.drop(columns=helper), **fmt)
    rows = len(frame)
    entry = ManifestFile(
        name=name, kind=rule.kind, rows=rows, kept=rows - sum(skipped.values()),
        skipped=skipped, facts=facts, quirks=quirks,
    )  # fmt: skip
    return Member(name, data, entry)


def _members(world: World, keys: list[str]) -> list[Member]:
    members: list[Member] = []
    for key in keys:
        if key == "articles":
            for name, data in activity.article_files(world).items():
                entry = ManifestFile(
                    name=name, kind="articles", rows=1, kept=1, quirks=["date in file name"]
                )
                members.append(Member(name, data, entry))
        elif key == "unknown":
            frames = unknown_file_frames(world)
            for name in world.spec.unknown_files:
                frame = frames[name]
                entry = ManifestFile(
                    name=name, kind=None, rows=len(frame), kept=0,
                    skipped={"unknown file": len(frame)}, quirks=["unknown file"],
                )  # fmt: skip
                members.append(Member(name, csv_bytes(frame), entry))
        else:
            rule = RULES[key]
            if key == "reposts" and not world.spec.member_id:
                continue  # InstantReposts_<id>.csv exists only in archives with member ids
            frame = rule.build(world)
            if rule.omit_when_empty and frame.empty:
                continue
            members.append(_csv_member(world, key, rule, frame))
    return sorted(members, key=lambda m: m.name)


def _zip_bytes(members: list[Member], compresslevel: int, target: io.IOBase) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for m in members:
            info = zipfile.ZipInfo(m.name, date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix: fixed, so the bytes do not depend on the OS
            info.external_attr = 0o644 << 16
            zf.writestr(info, m.data, compresslevel=compresslevel)


def render_archive(
    world: World, keys: list[str], *, compresslevel: int = 9, target: io.IOBase | None = None
) -> tuple[bytes, Manifest]:
    """The zip of ``world`` with the files ``keys``; written to ``target`` or returned."""
    members = _members(world, keys)
    name = archive_name(world.spec.archive, world.export_date)
    manifest = Manifest(
        persona=world.persona, seed=world.seed, archive_name=name,
        archive_kind=world.spec.archive, export_date=world.export_date,
        files=[m.entry for m in members],
    )  # fmt: skip
    if target is not None:
        _zip_bytes(members, compresslevel, target)
        return b"", manifest
    buffer = io.BytesIO()
    _zip_bytes(members, compresslevel, buffer)
    return buffer.getvalue(), manifest
