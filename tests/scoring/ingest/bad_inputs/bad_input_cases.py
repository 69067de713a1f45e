"""Hostile and messy inputs for the reader, built in memory (no binaries are committed).

``raw_zip`` writes a zip's bytes field by field, so a test can declare what a
real tool would never write: sizes that lie, a password flag, Deflate64, a
version no tool needs. The reader refuses these from the directory alone, so
the member data may be a short stand-in for what the directory declares.
``zip_of`` is the fixtures' ordinary zip writer.
"""

from __future__ import annotations

import gzip
import struct
import zipfile
import zlib
from dataclasses import dataclass
from functools import cache

from ingest_fixtures import zip_bytes as zip_of

MIB = 1024 * 1024

SKILLS = b"Name\nNegotiation\nSalesforce\n"
PROFILE_ANNA = b"First Name,Last Name,Headline\nAnna,Beispiel,Sales\n"
PROFILE_BEN = b"First Name,Last Name,Headline\nBen,Muster,Engineering\n"
CONNECTIONS_HEADER = b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
CONNECTION_ROWS = (
    b"Lena,Hoff,https://www.linkedin.com/in/lena,,Acme,Buyer,08 Feb 2026\n"
    b"Omar,Said,https://www.linkedin.com/in/omar,,Helio,CTO,09 Feb 2026\n"
)
REACTIONS = b"Date,Type,Link\n2025-06-01 10:00:00,LIKE,a\n2025-06-02 10:00:00,LIKE,b\n"


@dataclass(frozen=True)
class Entry:
    """One member as the directory will describe it."""

    name: str
    data: bytes  # the bytes stored (compressed, or a stand-in)
    size: int | None = None  # declared unpacked size (default: len(data))
    crc: int | None = None
    method: int = zipfile.ZIP_STORED
    flags: int = 0
    version: int = 20


def raw_zip(entries: list[Entry]) -> bytes:
    """A zip whose headers say exactly what ``entries`` say."""
    out, central = bytearray(), bytearray()
    for entry in entries:
        name = entry.name.encode("utf-8")
        size = len(entry.data) if entry.size is None else entry.size
        crc = zlib.crc32(entry.data) if entry.crc is None else entry.crc
        common = (entry.version, entry.flags, entry.method, 0, 0x21, crc, len(entry.data), size)
        offset = len(out)
        out += struct.pack("<4sHHHHHLLLHH", b"PK\x03\x04", *common, len(name), 0)
        out += name + entry.data
        central += struct.pack(
            "<4sHHHHHHLLLHHHHHLL", b"PK\x01\x02", 20, *common, len(name), 0, 0, 0, 0, 0, offset
        )
        central += name
    count = len(entries)
    end = struct.pack("<4sHHHHLLH", b"PK\x05\x06", 0, 0, count, count, len(central), len(out), 0)
    return bytes(out + central + end)


def many_small_bombs(count: int, *, big: int = 0) -> bytes:
    """``count`` members declaring 1 MiB − 1 each from 1,024 stored bytes; plus one ``big``."""
    entries = [Entry(f"part_{i}.csv", b"0" * 1024, size=MIB - 1) for i in range(count)]
    if big:
        entries.append(Entry("Connections.csv", b"1" * big))
    return raw_zip(entries)


def deflated(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def corrupt_lzma_zip() -> bytes:
    """A zip with an LZMA member whose stream is garbage after the properties header."""
    good = zip_of({"Skills.csv": SKILLS * 50}, zipfile.ZIP_LZMA)
    data = bytearray(good)
    start = data.find(b"Skills.csv") + len("Skills.csv") + 9  # past the LZMA properties
    data[start : start + 40] = b"\xff" * 40
    return bytes(data)


def encrypted_zip() -> bytes:
    return raw_zip([Entry("Connections.csv", b"\x8a" * 64, flags=0x1, size=600)])


def deflate64_zip() -> bytes:
    return raw_zip([Entry("Connections.csv", b"\x00" * 64, method=9, size=600)])


def ppmd_zip() -> bytes:
    return raw_zip([Entry("Connections.csv", b"\x00" * 64, method=98, size=600)])


def version_209_zip() -> bytes:
    return raw_zip([Entry("Skills.csv", SKILLS, version=209)])


def preamble(lines: int) -> bytes:
    notes = b"".join(
        b"Notes: line %d of what LinkedIn says about e-mails\n" % i for i in range(lines)
    )
    return notes + b"\n" + CONNECTIONS_HEADER + CONNECTION_ROWS


@cache
def entries_100k() -> bytes:
    """100,000 one-byte members (``zipfile`` writes the zip64 directory so many need)."""
    return zip_of({f"f{i}.csv": b"a" for i in range(100_000)}, zipfile.ZIP_STORED)


#: 8 MiB of zeros, really deflated: about 8 KiB, a 1,000-fold bomb.
BOMB_SIZE = 8 * MIB
BOMB_DATA = deflated(bytes(BOMB_SIZE))


def deflate_bomb() -> bytes:
    """One member of :data:`BOMB_SIZE` zeros, deflated (the CRC need not match: it is refused
    from the directory)."""
    return raw_zip([Entry("Connections.csv", BOMB_DATA, size=BOMB_SIZE, crc=0, method=8)])


def nested(depth: int) -> bytes:
    """A LinkedIn file inside ``depth`` zips inside the export."""
    data = zip_of({"Skills.csv": SKILLS})
    for level in range(depth):
        data = zip_of({f"level_{level}.zip": data})
    return data


#: Binary files as a person might pick them by mistake, named like export CSVs.
GZIP = gzip.compress(b"Date,ShareLink\n" * 20, mtime=0)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n\x00\x00\x00stream\x00\x01\x02"
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 56
