"""Which kind a file holds, judged by its name alone.

LinkedIn's file names drift between years (``Messages.csv`` → ``messages.csv``,
``Search Queries.csv`` → ``SearchQueries.csv``, ``Rich Media.csv`` →
``Rich_Media.csv``, a member-id suffix ``Comments_17529409.csv`` since 2026) and
files sit in subfolders (``Jobs/``, ``Articles/Articles/``). Names are therefore
compared after :func:`name_stem` folds case, spaces, underscores and suffixes.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import PurePosixPath

#: Folded file stem → kind. Several stems may give one kind (old and new names).
FILE_KINDS: dict[str, str] = {
    "connections": "connections",
    "invitations": "invitations",
    "messages": "messages",
    "shares": "shares",
    "comments": "comments",
    "reactions": "reactions",
    "votes": "votes",
    "instantreposts": "reposts",
    "reposts": "reposts",
    "profile": "profile",
    "profilesummary": "profile_summary",
    "positions": "positions",
    "education": "education",
    "skills": "skills",
    "endorsementreceivedinfo": "endorsements_received",
    "endorsementgiveninfo": "endorsements_given",
    "recommendationsreceived": "recommendations_received",
    "recommendationsgiven": "recommendations_given",
    "certifications": "certifications",
    "courses": "courses",
    "languages": "languages",
    "projects": "projects",
    "honors": "honors",
    "volunteering": "volunteering",
    "publications": "publications",
    "searchqueries": "search_queries",
    "companyfollows": "company_follows",
    "memberfollows": "member_follows",
    "hashtagfollows": "hashtag_follows",
    "saveditems": "saved_items",
    "richmedia": "rich_media",
    "events": "events",
    "learning": "learning",
    "savedjobs": "saved_jobs",
    "jobapplications": "job_applications",
}

_COPY_SUFFIX = re.compile(r"\s*\(\d+\)$")  # "Connections (1)" from a second download
_ID_SUFFIX = re.compile(r"_\d+$")  # "Comments_17529409" (2026 member id)
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")
_ARCHIVE_NAME = re.compile(
    r"(?:^|[\\/])(?P<kind>complete|basic)?_?linkedindataexport_"
    r"(?P<month>\d{1,2})-(?P<day>\d{1,2})-(?P<year>\d{4})",
    re.IGNORECASE,
)
# 2025/26: "2025-11-21 17_31_01.0-TOON vs JSON"; 2018: "2018-03-04 10:11:12".
_ARTICLE_STEM = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})[ T](?P<h>\d{2})[_:](?P<m>\d{2})[_:](?P<s>\d{2})"
    r"(?:\.\d+)?(?:\s*-\s*(?P<title>.*))?$"
)


def fold(text: str) -> str:
    """``"Endorsement_Received Info"`` → ``"endorsementreceivedinfo"`` (no case, no punctuation)."""
    return _NOT_ALNUM.sub("", text.lower())


def name_stem(path: str) -> str:
    """The folded stem of a member path: folder, extension, ``(1)`` and ``_<digits>`` removed."""
    stem = PurePosixPath(path.replace("\\", "/")).name
    if "." in stem:
        stem = stem.rsplit(".", 1)[0]
    stem = _ID_SUFFIX.sub("", _COPY_SUFFIX.sub("", stem.strip()))
    return fold(stem)


def kind_for_name(path: str) -> str | None:
    """The export kind a CSV file holds judging by its name, or ``None`` when unknown."""
    if not path.lower().endswith(".csv"):
        return None
    return FILE_KINDS.get(name_stem(path))


def is_os_metadata(path: str) -> bool:
    """True for files an operating system adds to a zip (``__MACOSX/``, ``._x``, ``.DS_Store``)."""
    parts = PurePosixPath(path.replace("\\", "/")).parts
    return any(p == "__MACOSX" for p in parts) or (bool(parts) and parts[-1].startswith("."))


def is_article(path: str) -> bool:
    """True for a long-form article: an HTML file below a folder called ``Articles``."""
    pure = PurePosixPath(path.replace("\\", "/"))
    in_articles = any(p.lower() == "articles" for p in pure.parts[:-1])
    return in_articles and pure.suffix.lower() in (".html", ".htm")


def article_stem_parts(path: str) -> tuple[str | None, str | None]:
    """``(ISO timestamp, title)`` from an article file name; ``None`` for what it lacks."""
    stem = PurePosixPath(path.replace("\\", "/")).name
    stem = stem.rsplit(".", 1)[0] if stem.lower().endswith((".html", ".htm")) else stem
    match = _ARTICLE_STEM.match(stem.strip())
    if match is None:
        return None, None
    when = f"{match['date']} {match['h']}:{match['m']}:{match['s']}"
    title = (match["title"] or "").strip() or None
    return when, title


def archive_name_facts(name: str) -> tuple[str | None, date | None]:
    """``("complete" | "basic" | None, export date | None)`` from an archive or folder name.

    LinkedIn names its archives ``Complete_LinkedInDataExport_MM-DD-YYYY.zip`` and
    ``Basic_LinkedInDataExport_MM-DD-YYYY.zip``; a browser may add `` (1)``.
    """
    match = _ARCHIVE_NAME.search(name)
    if match is None:
        return None, None
    kind = match["kind"].lower() if match["kind"] else None
    try:
        day = date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        day = None
    return kind, day
