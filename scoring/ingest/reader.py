"""``read_export``: from whatever the user gave to one :class:`~scoring.export.ExportData`.

The steps: collect members (archive.py) → sort them into LinkedIn tables,
article pages, generic activity CSVs and ignored files (names.py) → read the
profile first (the owner's name identifies their messages) → read every table
(csvtext.py, kinds.py) → merge the files of one kind, keeping a row that
repeats a row of an earlier file once → decide archive kind and export date.
"""

from __future__ import annotations

import csv
import hashlib
import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import PurePosixPath

import numpy as np
import pandas as pd

from scoring.export import (
    KINDS,
    ArchiveKind,
    ExportData,
    Notice,
    Profile,
    SourceReport,
    empty_frame,
)
from scoring.ingest.archive import ArchiveLimits, Collected, Member, Source, collect, content_hash
from scoring.ingest.csvtext import (
    HEAD_CHARS,
    Header,
    decode_text,
    find_header,
    first_line,
    is_blank,
    read_table,
    require_columns,
    says_nothing_found,
)
from scoring.ingest.dates import parse_dates
from scoring.ingest.errors import (
    EmptyFileError,
    NoExportDateError,
    NoLinkedInFilesError,
    NotTextError,
    TooManyOfKindError,
    TwoPeopleError,
)
from scoring.ingest.generations import archive_kind_of
from scoring.ingest.generic import generic_header, read_generic
from scoring.ingest.kinds import (
    HEAD_ONLY,
    SPECS,
    KindSpec,
    Rows,
    finalize,
    head_only,
    normalize,
)
from scoring.ingest.names import (
    archive_name_facts,
    article_stem_parts,
    fold,
    is_article,
    kind_for_name,
)
from scoring.ingest.privacy import person_text

#: ``SourceReport.kind`` of a generic activity CSV (it feeds several kinds).
GENERIC = "generic"

#: Two files of one kind describe the same event when these columns agree; by
#: default all columns must. The two endorsement files of 2022 differ in status.
DEDUP_COLUMNS: dict[str, tuple[str, ...]] = {
    "endorsements_received": ("at", "skill", "endorser_key"),
    "endorsements_given": ("at", "skill", "endorsee_key"),
}

#: Kinds whose dates may lie in the future (an upcoming event, a certificate's
#: expiry) or were typed by hand, so they do not tell when the export was made.
UNDATING_KINDS = frozenset({
    "positions", "education", "certifications", "projects", "honors", "volunteering",
    "publications", "events",
})  # fmt: skip

#: Fields a person writes freely: unquoted commas in them are text, not separators.
FREE_TEXT = frozenset({
    "message", "commentary", "content", "query", "summary", "description", "headline",
})  # fmt: skip

_TITLE = re.compile(r"<(title|h1)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@dataclass
class _FileResult:
    """What one file gave, before the files of one kind are merged."""

    file: str
    kind: str  # an export kind, or GENERIC
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    skip_reasons: dict[str, int] = field(default_factory=dict)
    warnings: list[Notice] = field(default_factory=list)
    blank: bool = False
    legacy: bool = False  # read as UTF-16 or Windows-1252: an older copy of the data

    def skip(self, reason_key: str, count: int) -> None:
        if count:
            self.skip_reasons[reason_key] = self.skip_reasons.get(reason_key, 0) + count

    def report(self) -> SourceReport:
        return SourceReport(
            file=self.file,
            kind=self.kind,
            rows=sum(len(f) for f in self.frames.values()),
            skipped=sum(self.skip_reasons.values()),
            skip_reasons=dict(self.skip_reasons),
            warnings=list(self.warnings),
        )


@dataclass
class _Plan:
    tables: list[tuple[Member, str]] = field(default_factory=list)
    articles: list[Member] = field(default_factory=list)
    generic: list[tuple[Member, str, Header]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    order: dict[str, int] = field(default_factory=dict)  # member name → position


def read_export(
    sources: Sequence[Source] | Source,
    *,
    limits: ArchiveLimits | None = None,
    today: date | None = None,
) -> ExportData:
    """Read a LinkedIn data export (or a generic activity CSV) into normalized frames.

    ``sources`` is a sequence of paths (a ``.zip``, an unpacked folder, single
    CSV/HTML files) and/or ``(name, bytes)`` pairs as an upload gives them, e.g.
    ``("Complete_LinkedInDataExport_10-15-2026.zip", data)`` or
    ``("Jobs/Saved Jobs.csv", data)``. Every kind in :data:`~scoring.export.KINDS`
    gets a frame with the normalized columns (empty when the export lacks it).
    Bad input raises a subclass of :class:`~scoring.errors.ExportError` whose
    message names the file; nothing is returned half-read.

    The export date comes from the archive's name, else from the newest
    plausible event in the data, else it is ``today`` (the caller's clock: the
    reader never reads one); with none of the three :class:`NoExportDateError`.
    """
    limits = limits or ArchiveLimits()
    collected = collect(sources, limits)
    plan = _plan(collected, limits)
    hashed = content_hash(collected.members)
    name_kind, name_date, archive_name = _name_facts(collected)
    origins = tuple(dict.fromkeys(m.origin for m in collected.members))
    # From here on only the plan holds the members, and lets each go once it is read.
    del collected
    results = _read_all(plan, limits)
    if all(result.blank for result in results):
        raise EmptyFileError(file=results[0].file)
    frames = _merge(results)
    present = frozenset(kind for r in results for kind in r.frames)
    export_date = _export_date(results, name_date, today, origins)
    return ExportData(
        frames=frames,
        profile=_profile(frames),
        archive_kind=name_kind or archive_kind_of(present, export_date),
        export_date=export_date,
        sources=tuple(result.report() for result in results),
        ignored=tuple(plan.ignored),
        content_hash=hashed,
        archive_name=archive_name,
        export_date_from_name=name_date is not None,
        present=present,
    )


def newest_date(frames: dict[str, pd.DataFrame], today: date | None = None) -> date | None:
    """The UTC date of the newest plausible event in the export (``None`` when it has none).

    Events after ``today`` cannot have happened yet. Without ``today``, a few
    events far beyond all the others (a typo such as 2199-12-31) do not count:
    see :func:`last_plausible_day`.
    """
    days = _event_days(frames.items())
    if not len(days):
        return None
    last = last_plausible_day(days, today)
    plausible = days[days <= np.datetime64(last)] if last is not None else days
    return pd.Timestamp(plausible.max()).date() if len(plausible) else None


def last_plausible_day(days: np.ndarray, today: date | None = None) -> date | None:
    """The newest day an event of this export can carry; ``None``: no bound.

    With ``today``, tomorrow (an export's UTC times run up to a day ahead of the
    local date). Without it, the newest days are implausible when they are a
    small tail (at most 1 % of the events, at least one) more than
    :data:`FAR_BEYOND_DAYS` after every other event.
    """
    if today is not None:
        return today + timedelta(days=1)
    ordered = np.sort(days)
    if len(ordered) < 2:
        return None
    gaps = np.diff(ordered) > np.timedelta64(FAR_BEYOND_DAYS, "D")
    tail_limit = max(1, len(ordered) // 100)
    cut = np.flatnonzero(gaps[-tail_limit:])
    if not len(cut):
        return None
    start = len(ordered) - tail_limit + int(cut[0])  # the first implausible day's position
    return pd.Timestamp(ordered[start - 1]).date()


#: How far after all other events a few outliers must lie to be taken for typos.
FAR_BEYOND_DAYS = 5 * 365


def _event_days(frames: Iterable[tuple[str, pd.DataFrame]]) -> np.ndarray:
    parts = [
        frame["at"].dropna().dt.tz_convert(None).to_numpy().astype("datetime64[D]")
        for kind, frame in frames
        if kind not in UNDATING_KINDS and "at" in frame
    ]
    return np.concatenate(parts) if parts else np.array([], dtype="datetime64[D]")


def _export_date(
    results: list[_FileResult], name_date: date | None, today: date | None, origins: tuple[str, ...]
) -> date:
    """The export date; every file with events after the last plausible day is warned about."""
    days = _event_days((k, f) for r in results for k, f in r.frames.items())
    last = name_date + timedelta(days=1) if name_date else last_plausible_day(days, today)
    if last is not None and len(days):
        bound = pd.Timestamp(last + timedelta(days=1), tz="UTC")
        for result in results:
            late = sum(
                int((frame["at"] >= bound).sum())
                for kind, frame in result.frames.items()
                if kind not in UNDATING_KINDS and "at" in frame
            )
            if late:
                result.warnings.append(
                    Notice(key="ingest.warning.future_dates", params={"count": late, "date": last})
                )
    if name_date is not None:
        return name_date
    plausible = days[days <= np.datetime64(last)] if last is not None else days
    if len(plausible):
        return pd.Timestamp(plausible.max()).date()
    if today is not None:
        return today
    raise NoExportDateError(file=", ".join(origins) or "-")


# --- sorting members ----------------------------------------------------------------


def _plan(collected: Collected, limits: ArchiveLimits) -> _Plan:
    plan = _Plan()
    for position, member in enumerate(collected.members):
        plan.order.setdefault(member.name, position)
        kind = kind_for_name(member.name)
        if is_article(member.name):
            plan.articles.append(member)
        elif kind is not None:
            plan.tables.append((member, kind))
        elif (found := _generic(member, limits)) is not None:
            plan.generic.append((member, *found))
        else:
            plan.ignored.append(member.name)
    if not (plan.tables or plan.articles or plan.generic):
        shown = dict.fromkeys(m.origin for m in collected.members) or collected.container_names
        raise NoLinkedInFilesError(file=", ".join(shown) or "-")
    _check_files_per_kind(plan, limits)
    # The profile comes first: its name tells which message sender is the owner.
    plan.tables.sort(key=lambda item: item[1] != "profile")
    return plan


def _check_files_per_kind(plan: _Plan, limits: ArchiveLimits) -> None:
    """Refuse far more files of one kind than an export has (each costs a parse)."""
    counts = Counter(kind for _, kind in plan.tables)
    counts[GENERIC] = len(plan.generic)
    kind, count = counts.most_common(1)[0]
    if count > limits.max_files_per_kind:
        members = [m for m, k in plan.tables if k == kind] or [m for m, _, _ in plan.generic]
        raise TooManyOfKindError(
            file=members[0].origin, kind=kind, count=count, limit=limits.max_files_per_kind
        )


def _generic(member: Member, limits: ArchiveLimits) -> tuple[str, Header] | None:
    if not member.name.lower().endswith((".csv", ".txt")):
        return None
    try:
        text = decode_text(member.data, member.name).text
    except NotTextError:
        return None  # an unknown binary file is just not ours
    header = generic_header(text, limits.generic_header_search_bytes)
    return None if header is None else (text, header)


# --- reading ------------------------------------------------------------------------


def _read_all(plan: _Plan, limits: ArchiveLimits) -> list[_FileResult]:
    results: list[_FileResult] = []
    owner: str | None = None
    people: dict[str, tuple[str, str]] = {}  # folded owner name → (name as written, origin)
    # Two files of one kind and size may be one file twice; only those are fingerprinted.
    sizes = Counter((kind, len(member.data)) for member, kind in plan.tables)
    seen: dict[tuple[str, int, bytes], str] = {}  # (kind, size, sha256) → first file's name
    # The plan gives each member up as it is read, so its bytes go once parsed.
    tables, plan.tables = plan.tables, []
    tables.reverse()
    while tables:
        name, origin, size, kind = (*_facts(tables[-1][0]), tables[-1][1])
        if sizes[kind, size] > 1:
            fingerprint = (kind, size, hashlib.sha256(tables[-1][0].data).digest())
            twin = seen.get(fingerprint)
            seen.setdefault(fingerprint, name)
            if twin is not None:
                tables.pop()
                warning = Notice(key="ingest.warning.same_content", params={"other": twin})
                results.append(
                    _FileResult(name, kind, {kind: empty_frame(kind)}, warnings=[warning])
                )
                continue
        result = _read_table(tables.pop()[0], kind, owner, limits)
        if kind == "profile":
            _one_person(people, result.frames[kind], origin)
            owner = owner or next(iter(people), None)
        results.append(result)
    results.extend(_read_articles(plan.articles))
    for member, text, header in plan.generic:
        if is_blank(text[header.offset + len(header.line) :]):
            results.append(_FileResult(member.name, GENERIC))  # a header and no rows
            continue
        generic = read_generic(text, header, file=member.name)
        result = _FileResult(member.name, GENERIC, generic.frames, warnings=generic.warnings)
        result.skip_reasons.update(generic.skip_reasons)
        results.append(result)
    # Report in the order the files came, though the profile was read first.
    return sorted(results, key=lambda result: plan.order[result.file])


def _facts(member: Member) -> tuple[str, str, int]:
    return member.name, member.origin, len(member.data)


def _read_table(member: Member, kind: str, owner: str | None, limits: ArchiveLimits) -> _FileResult:
    spec = SPECS[kind]
    decoded = decode_text(member.data, member.name)
    head = decoded.head(max(limits.header_search_bytes, HEAD_CHARS))
    if decoded.blank_from(0):
        warning = Notice(key="ingest.warning.empty_file")
        return _FileResult(
            member.name, kind, {kind: empty_frame(kind)}, warnings=[warning], blank=True
        )
    header = find_header(head, spec.lookup, limits.header_search_bytes)
    if header is None and says_nothing_found(head):
        warning = Notice(key="ingest.warning.nothing_found", params={"line": first_line(head)})
        return _FileResult(member.name, kind, {kind: empty_frame(kind)}, warnings=[warning])
    header = require_columns(
        header,
        spec.required,
        spec.any_of,
        text=head,
        file=member.name,
        kind=kind,
        expected=spec.expected,
    )
    if decoded.blank_from(header.offset + len(header.line)):
        # A header and no rows: nothing for the parser to do.
        warning = Notice(key="ingest.warning.header_only")
        return _FileResult(member.name, kind, {kind: empty_frame(kind)}, warnings=[warning])
    table = read_table(
        decoded,
        header,
        spec.lookup,
        file=member.name,
        escapechar=spec.escapechar,
        free_text=FREE_TEXT,
    )
    file, encoding, replaced = member.name, decoded.encoding, decoded.replaced
    # The parser has its own copy: the file's bytes go before the frames are built.
    del member, decoded
    for name, chars in HEAD_ONLY.get(kind, {}).items():
        if name in table.frame:
            table.frame[name] = head_only(table.frame[name], chars)
    normalized = normalize(Rows(table.frame, spec, owner))
    result = _FileResult(file, kind, {kind: normalized.frame}, dict(normalized.skip_reasons))
    result.warnings.extend(normalized.warnings)
    result.legacy = not encoding.startswith("utf-8")
    result.skip("ingest.skip.malformed_line", table.malformed)
    if replaced:
        result.warnings.append(Notice(key="ingest.warning.replaced", params={"count": replaced}))
    if table.recovered:
        column = spec.header_name(_last_field(header, spec))
        result.warnings.append(
            Notice(
                key="ingest.warning.recovered_lines",
                params={"count": table.recovered, "column": column},
            )
        )
    if kind in ("profile", "profile_summary") and len(normalized.frame) > 1:
        result.skip("ingest.skip.extra_profile_row", len(normalized.frame) - 1)
        result.frames[kind] = normalized.frame.iloc[:1]
    if len(table.frame) == 0 and table.malformed == 0:
        result.warnings.append(Notice(key="ingest.warning.header_only"))
    return result


def _last_field(header: Header, spec: KindSpec) -> str:
    last = next(csv.reader([header.line], delimiter=header.delimiter), [""])[-1]
    return spec.lookup.get(fold(last), last)


def _one_person(people: dict[str, tuple[str, str]], profile: pd.DataFrame, origin: str) -> None:
    """Note the profile's owner; a second, different owner is :class:`TwoPeopleError`."""
    if profile.empty:
        return
    first, last = (profile[c].fillna("").iloc[0] for c in ("first_name", "last_name"))
    written = f"{first} {last}".strip()
    folded = person_text(pd.Series([written], dtype="string")).iloc[0]
    if pd.isna(folded) or not folded or folded in people:
        return
    if people:
        other, other_origin = next(iter(people.values()))
        shown = dict.fromkeys((other_origin, origin))
        raise TwoPeopleError(file=", ".join(shown), first=other, second=written)
    people[str(folded)] = (written, origin)


def _read_articles(members: list[Member]) -> list[_FileResult]:
    """One result per article page; its date comes from the file name."""
    facts = [article_stem_parts(page.name) for page in members]
    whens = pd.Series([when or "" for when, _ in facts], dtype="string")
    titles = [
        title or _html_title(page.data) for page, (_, title) in zip(members, facts, strict=True)
    ]
    columns = {"at": parse_dates(whens).values, "title": pd.Series(titles, dtype="string")}
    frame = finalize("articles", columns, whens.index)
    return [
        _FileResult(page.name, "articles", {"articles": frame.iloc[[i]].reset_index(drop=True)})
        for i, page in enumerate(members)
    ]


def _html_title(data: bytes) -> str | None:
    match = _TITLE.search(data[:65536].decode("utf-8", errors="replace"))
    if match is None:
        return None
    title = html.unescape(_TAG.sub("", match.group(2))).strip()
    return title or None


# --- merging ----------------------------------------------------------------------------


def _merge(results: list[_FileResult]) -> dict[str, pd.DataFrame]:
    frames: dict[str, pd.DataFrame] = {}
    for kind in KINDS:
        holders = [r for r in results if kind in r.frames]
        if len(holders) > 1:
            _drop_repeats(kind, holders)
        parts = [r.frames[kind] for r in holders if len(r.frames[kind])]
        frame = pd.concat(parts, ignore_index=True) if parts else empty_frame(kind)
        if "at" in frame and len(parts) > 1:
            frame = frame.sort_values("at", kind="stable", na_position="last")
        frames[kind] = frame.reset_index(drop=True)
    return frames


def _drop_repeats(kind: str, holders: list[_FileResult]) -> None:
    """Drop rows that an earlier file of the same kind already had.

    Files in the current encoding (UTF-8) come first: a UTF-16 twin such as
    2022's ``Endorsement Received Info.csv`` is the older copy, and its rows
    carry a ``Redacted`` status where the current file says ``ACCEPTED``.
    """
    holders = sorted(holders, key=lambda result: result.legacy)
    stacked = pd.concat(
        [r.frames[kind].assign(_file=i) for i, r in enumerate(holders)], ignore_index=True
    )
    key = list(DEDUP_COLUMNS.get(kind, tuple(c for c in stacked.columns if c != "_file")))
    first_file = stacked.groupby(key, dropna=False, sort=False)["_file"].transform("min")
    repeat = stacked["_file"] > first_file
    for i, dropped in stacked.loc[repeat, "_file"].value_counts(sort=False).items():
        result = holders[int(i)]
        mine = stacked["_file"] == i
        result.skip("ingest.skip.duplicate", int(dropped))
        result.frames[kind] = stacked[mine & ~repeat].drop(columns="_file").reset_index(drop=True)


# --- facts about the whole export ------------------------------------------------------


def _profile(frames: dict[str, pd.DataFrame]) -> Profile:
    row = frames["profile"].iloc[0] if len(frames["profile"]) else None
    summary_frame = frames["profile_summary"]

    def value(name: str) -> str | None:
        return None if row is None or pd.isna(row[name]) else str(row[name])

    summary = value("summary")
    if summary is None and len(summary_frame) and not pd.isna(summary_frame["summary"].iloc[0]):
        summary = str(summary_frame["summary"].iloc[0])
    return Profile(
        first_name=value("first_name"),
        last_name=value("last_name"),
        headline=value("headline"),
        summary=summary,
        industry=value("industry"),
        location=value("location"),
    )


def _name_facts(collected: Collected) -> tuple[ArchiveKind | None, date | None, str | None]:
    """Archive kind and export date from the archive's (or its folder's) name."""
    candidates = list(collected.container_names)
    tops = {PurePosixPath(m.name).parts[0] for m in collected.members if "/" in m.name}
    if len(tops) == 1 and all("/" in m.name for m in collected.members):
        candidates.append(tops.pop())
    kinds, dates = [], []
    for name in candidates:
        kind, day = archive_name_facts(name)
        kinds += [kind] if kind else []
        dates += [day] if day else []
    archive_name = collected.container_names[0] if collected.container_names else None
    name_kind: ArchiveKind | None = (
        "complete" if "complete" in kinds else ("basic" if "basic" in kinds else None)
    )
    return name_kind, (max(dates) if dates else None), archive_name
