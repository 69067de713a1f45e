"""Turn what the user gave (zips, folders, files, uploads) into named byte strings.

Nothing is ever written to disk: members are read into memory, so a hostile
member name cannot escape a folder; such names are refused all the same, because
an archive carrying them is not one LinkedIn made. Sizes, member count,
compression ratios (per member, of the small members together, of the whole
archive), encryption and compression method are checked from the zip's
directory before anything is decompressed, and each member is read with a hard
upper bound, so a directory that lies about sizes cannot make the reader unpack
more than the limits allow. The limits live in ``limits.toml``.
"""

from __future__ import annotations

import hashlib
import io
import lzma
import os
import re
import tomllib
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from scoring.ingest.errors import (
    ArchiveRatioError,
    ArchiveTooLargeError,
    CompressionRatioError,
    CorruptArchiveError,
    Deflate64Error,
    EmptyArchiveError,
    EncryptedArchiveError,
    LineTooLongError,
    MemberTooLargeError,
    NotAZipError,
    NotRegularFileError,
    PathTraversalError,
    SourceNotFoundError,
    TooManyMembersError,
    UnsupportedCompressionError,
    UnsupportedZipVersionError,
)
from scoring.ingest.names import is_os_metadata

Source = str | os.PathLike[str] | tuple[str, bytes]

_MIB = 1024 * 1024
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_DRIVE = re.compile(r"^[A-Za-z]:")


#: Compression methods zipfile unpacks: stored, deflate, bzip2, LZMA.
_METHODS = frozenset(
    {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
)
_DEFLATE64 = 9
#: What a damaged member raises while it is decompressed.
_DAMAGED = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, ValueError)


class ArchiveLimits(BaseModel):
    """Upper bounds that keep a hostile or mistaken input from exhausting memory or time.

    Every field not given takes its value from ``limits.toml`` (see
    docs/security.md). A member's ratio is judged only when it unpacks to at
    least ``ratio_floor_bytes``, because a tiny file's ratio means nothing;
    the members below that size are judged together instead, and the whole
    archive once more, so many small members cannot add up to a bomb.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_total_bytes: int = Field(gt=0)
    max_file_bytes: int = Field(gt=0)
    max_members: int = Field(gt=0)
    max_ratio: float = Field(gt=1)
    max_archive_ratio: float = Field(gt=1)
    ratio_floor_bytes: int = Field(gt=0)
    max_files_per_kind: int = Field(gt=0)
    max_line_bytes: int = Field(gt=0)
    header_search_bytes: int = Field(gt=0)
    generic_header_search_bytes: int = Field(gt=0)

    @model_validator(mode="before")
    @classmethod
    def _fill_from_settings(cls, given: object) -> object:
        return {**settings(), **given} if isinstance(given, dict) else given


@cache
def settings() -> dict[str, Any]:
    """The shipped limits as ``limits.toml`` writes them."""
    text = resources.files("scoring.ingest").joinpath("limits.toml").read_text("utf-8")
    return tomllib.loads(text)


@dataclass(frozen=True)
class Member:
    """One file of the export: its path inside the export and its bytes."""

    name: str  # POSIX path inside the archive or folder, e.g. "Jobs/Saved Jobs.csv"
    data: bytes
    origin: str  # what the user gave it in: the zip, folder or file name


@dataclass(frozen=True)
class Collected:
    """Every member of every source, plus the container names that may date the export."""

    members: tuple[Member, ...]
    container_names: tuple[str, ...]  # zip file and folder names as given
    skipped_metadata: int = 0  # __MACOSX/ and dot files left out


def content_hash(members: Iterable[Member]) -> str:
    """sha256 over the members sorted by name: equal for a zip and its unpacked folder."""
    digest = hashlib.sha256()
    for member in sorted(members, key=lambda m: (m.name, m.data)):
        name = member.name.encode("utf-8")
        digest.update(len(name).to_bytes(8, "big") + name)
        digest.update(len(member.data).to_bytes(8, "big"))
        digest.update(member.data)
    return digest.hexdigest()


def collect(sources: Sequence[Source] | Source, limits: ArchiveLimits) -> Collected:
    """Read every source into memory as members, enforcing ``limits`` on the way.

    ``sources`` holds paths (a ``.zip``, an unpacked folder, single files) and/or
    ``(name, bytes)`` pairs as an upload gives them; a single source may be
    passed bare. A ``.zip`` (by name or by content) is opened; anything else is
    one member named as given.
    """
    budget = _Budget(limits)
    members: list[Member] = []
    containers: list[str] = []
    metadata = 0
    for source in _as_list(sources):
        if isinstance(source, tuple):
            name, data = source
            found, containers_here, meta = _from_bytes(str(name), bytes(data), budget)
        else:
            found, containers_here, meta = _from_path(Path(source), str(source), budget)
        members.extend(found)
        containers.extend(containers_here)
        metadata += meta
    return Collected(tuple(members), tuple(containers), metadata)


class _Budget:
    """Running totals across all sources, so many small zips cannot add up to a bomb."""

    def __init__(self, limits: ArchiveLimits) -> None:
        self.limits = limits
        self.total = 0
        self.count = 0

    def admit(self, origin: str, member: str, size: int) -> None:
        """Count one member of ``size`` bytes unpacked, or raise the limit it breaks."""
        limits = self.limits
        if size > limits.max_file_bytes:
            raise MemberTooLargeError(
                file=origin, member=member, size=_mb(size), limit=_mb(limits.max_file_bytes)
            )
        self.total += size
        self.count += 1
        if self.total > limits.max_total_bytes:
            raise ArchiveTooLargeError(
                file=origin, size=_mb(self.total), limit=_mb(limits.max_total_bytes)
            )
        if self.count > limits.max_members:
            raise TooManyMembersError(file=origin, count=self.count, limit=limits.max_members)


def _as_list(sources: Sequence[Source] | Source) -> list[Source]:
    if isinstance(sources, (str, os.PathLike)):
        return [sources]
    if isinstance(sources, tuple) and len(sources) == 2 and isinstance(sources[1], bytes):
        return [sources]  # one (name, bytes) upload
    return list(sources)


def _mb(size: int) -> float:
    return size / _MIB


def safe_member_name(origin: str, name: str) -> str:
    """The member name as a clean POSIX path, or :class:`PathTraversalError`."""
    posix = name.replace("\\", "/")
    parts = PurePosixPath(posix).parts
    if posix.startswith("/") or _DRIVE.match(posix) or ".." in parts or "\x00" in posix:
        raise PathTraversalError(file=origin, member=name)
    return "/".join(p for p in parts if p not in ("", "."))


def _looks_like_zip(name: str, data: bytes) -> bool:
    return name.lower().endswith(".zip") or data[:4] in _ZIP_MAGIC


def _from_bytes(name: str, data: bytes, budget: _Budget) -> tuple[list[Member], list[str], int]:
    if _looks_like_zip(name, data):
        members, meta = _open_zip(name, data, budget)
        return members, [name], meta
    clean = safe_member_name(name, name)
    if is_os_metadata(clean):
        return [], [], 1
    budget.admit(name, clean, len(data))
    return [_member(clean, data, name, budget.limits)], [], 0


def _from_path(path: Path, shown: str, budget: _Budget) -> tuple[list[Member], list[str], int]:
    if not path.exists():
        raise SourceNotFoundError(file=shown)
    if path.is_dir():
        return _read_folder(path, shown, budget)
    if not path.is_file():
        # /dev/zero, a pipe or a socket: no size to check, and reading may never end.
        raise NotRegularFileError(file=shown)
    if is_os_metadata(path.name):
        return [], [], 1
    size = path.stat().st_size
    if size > budget.limits.max_total_bytes:
        raise ArchiveTooLargeError(
            file=shown, size=_mb(size), limit=_mb(budget.limits.max_total_bytes)
        )
    data = _read_bounded(path, size)
    if _looks_like_zip(path.name, data):
        members, meta = _open_zip(shown, data, budget)
        return members, [path.name], meta
    budget.admit(shown, path.name, size)
    return [_member(path.name, data, shown, budget.limits)], [], 0


def _read_bounded(path: Path, size: int) -> bytes:
    # A file that grows while it is read gives no more than its size said.
    with path.open("rb") as handle:
        return handle.read(size)


def _read_folder(folder: Path, shown: str, budget: _Budget) -> tuple[list[Member], list[str], int]:
    members: list[Member] = []
    metadata = 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = path.relative_to(folder).as_posix()
        if is_os_metadata(name):
            metadata += 1
            continue
        size = path.stat().st_size
        budget.admit(shown, name, size)
        members.append(_member(name, _read_bounded(path, size), shown, budget.limits))
    return members, [folder.resolve().name], metadata


def _member(name: str, data: bytes, origin: str, limits: ArchiveLimits) -> Member:
    """The member, once its longest line is known to be within the limit."""
    longest = longest_line(data, limits.max_line_bytes)
    if longest:
        raise LineTooLongError(
            file=origin, member=name, size=_mb(longest), limit=_mb(limits.max_line_bytes)
        )
    return Member(name, data, origin)


def longest_line(data: bytes, limit: int) -> int:
    """Bytes in the first line of ``data`` longer than ``limit`` (lines end at LF or CR); 0: none.

    Jumps ``limit`` bytes at a time and looks back for a line end, so a file
    costs a few steps per ``limit`` bytes, never a pass per byte.
    """
    start = 0
    while len(data) - start > limit:
        window_end = start + limit + 1
        end = max(data.rfind(b"\n", start, window_end), data.rfind(b"\r", start, window_end))
        if end == -1:
            ends = [e for e in (data.find(b"\n", start), data.find(b"\r", start)) if e != -1]
            return (min(ends) if ends else len(data)) - start
        start = end + 1
    return 0


def _open_zip(origin: str, data: bytes, budget: _Budget) -> tuple[list[Member], int]:
    if data[:4] not in _ZIP_MAGIC:
        raise NotAZipError(file=origin)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except NotImplementedError as exc:
        # zipfile refuses a "version needed to extract" newer than it knows (6.3).
        raise UnsupportedZipVersionError(file=origin) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError) as exc:
        raise CorruptArchiveError(file=origin) from exc
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        if not infos:
            raise EmptyArchiveError(file=origin)
        wanted = _check_directory(origin, infos, budget)
        members = [
            _member(name, _read_member(archive, info, origin), origin, budget.limits)
            for name, info in wanted
        ]
    return members, len(infos) - len(wanted)


def _check_directory(
    origin: str, infos: list[zipfile.ZipInfo], budget: _Budget
) -> list[tuple[str, zipfile.ZipInfo]]:
    limits = budget.limits
    if len(infos) + budget.count > limits.max_members:
        raise TooManyMembersError(
            file=origin, count=len(infos) + budget.count, limit=limits.max_members
        )
    wanted: list[tuple[str, zipfile.ZipInfo]] = []
    small_size = small_packed = 0
    for info in infos:
        name = safe_member_name(origin, info.filename)
        if is_os_metadata(name):
            continue
        _check_method(origin, name, info)
        if info.file_size >= limits.ratio_floor_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise CompressionRatioError(
                    file=origin, member=name, ratio=ratio, limit=float(limits.max_ratio)
                )
        else:
            small_size += info.file_size
            small_packed += info.compress_size
        wanted.append((name, info))
    total = sum(info.file_size for _, info in wanted)
    packed = sum(info.compress_size for _, info in wanted)
    for size, compressed, limit in (
        (small_size, small_packed, limits.max_ratio),
        (total, packed, limits.max_archive_ratio),
    ):
        ratio = size / max(compressed, 1)
        if size >= limits.ratio_floor_bytes and ratio > limit:
            raise ArchiveRatioError(file=origin, ratio=ratio, limit=float(limit))
    for name, info in wanted:
        budget.admit(origin, name, info.file_size)
    return wanted


def _check_method(origin: str, name: str, info: zipfile.ZipInfo) -> None:
    """Refuse, before unpacking, what zipfile cannot unpack, saying what it is."""
    if info.flag_bits & 0x1:
        raise EncryptedArchiveError(file=origin, member=name)
    if info.compress_type == _DEFLATE64:
        raise Deflate64Error(file=origin, member=name)
    if info.compress_type not in _METHODS:
        raise UnsupportedCompressionError(file=origin, member=name, method=info.compress_type)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, origin: str) -> bytes:
    # zipfile stops at the declared size and then checks the CRC, so a member
    # holding more than its directory entry claims fails as damaged; the +1
    # read is a second fence should that behaviour ever change.
    try:
        with archive.open(info) as handle:
            data = handle.read(info.file_size + 1)
    except (*_DAMAGED, RuntimeError, NotImplementedError) as exc:
        # The directory was checked for method and version; a local header that
        # says otherwise (NotImplementedError) is damage too.
        raise CorruptArchiveError(file=origin) from exc
    if len(data) > info.file_size:
        raise MemberTooLargeError(
            file=origin, member=info.filename, size=_mb(len(data)), limit=_mb(info.file_size)
        )
    return data
