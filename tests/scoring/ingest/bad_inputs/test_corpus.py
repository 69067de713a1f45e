"""The bad-input corpus of the reader (issue 11): every row, every "held" case, one table.

Each refused input is checked three ways: the typed error's exact English and
German line (it names the file and says what to do), and ``ssi inspect`` /
``ssi score`` on the same bytes on disk exiting 2 with exactly that one line.
Each accepted-with-a-warning input is checked for the rows a person can read
and the warning's exact words in both languages. ``FILE`` in an expected line
stands for the name the user gave.
"""

from __future__ import annotations

import os
import sqlite3
import zipfile
from datetime import date
from pathlib import Path

import bad_input_cases as B
import pytest
from builders import fixed_now

from scoring.cli import clock, main
from scoring.errors import SSIError
from scoring.ingest import read_export
from scoring.store import Store
from scoring.store.store import FORGET_TABLES as TABLES

TODAY = date(2026, 11, 30)
ZIP = "export.zip"
SAFE = "Choose the archive LinkedIn sent you."
SAFE_DE = "Wählen Sie das Archiv, das LinkedIn Ihnen geschickt hat."
AGAIN = "Download the export from LinkedIn again."
AGAIN_DE = "Laden Sie den Export erneut von LinkedIn herunter."
UNSAFE = "FILE is not safe to open:"
UNSAFE_DE = "FILE kann nicht sicher geöffnet werden:"
AS_SENT = "use the zip exactly as LinkedIn sent it."
AS_SENT_DE = "verwenden Sie die ZIP-Datei genau so, wie LinkedIn sie geschickt hat."


def one(name: str, data: bytes):
    return lambda _tmp: [(name, data)]


def in_zip(files: dict[str, bytes], name: str = ZIP):
    return lambda _tmp: [(name, B.zip_of(files))]


def fifo(tmp: Path) -> list[str]:
    path = tmp / "export.zip"
    os.mkfifo(path)
    return [str(path)]


def traversal(member: str):
    def build(_tmp: Path) -> list[tuple[str, bytes]]:
        return [(ZIP, B.raw_zip([B.Entry(member, B.SKILLS)]))]

    return build


def outside(member: str) -> tuple[str, str]:
    return (
        f"{UNSAFE} its entry “{member}” points outside the archive. "
        "Use the archive exactly as LinkedIn sent it.",
        f"{UNSAFE_DE} Der Eintrag „{member}“ zeigt aus dem Archiv heraus. "
        "Verwenden Sie das Archiv genau so, wie LinkedIn es geschickt hat.",
    )


TWO_PEOPLE = (
    "FILE: these are the exports of two people, Anna Beispiel and Ben Muster. "
    "Read one person's export at a time.",
    "FILE: Das sind die Exporte zweier Personen, Anna Beispiel und Ben Muster. "
    "Lesen Sie jeweils nur den Export einer Person ein.",
)
CORRUPT = (
    f"FILE is damaged or was not downloaded completely. {AGAIN}",
    f"FILE ist beschädigt oder wurde nicht vollständig heruntergeladen. {AGAIN_DE}",
)
NOT_REGULAR = (
    "FILE is not a file or folder (it is a device, pipe or socket). Choose the .zip LinkedIn "
    "sent you, or the folder you unpacked it to.",
    "FILE ist weder Datei noch Ordner (sondern ein Gerät, eine Pipe oder ein Socket). Wählen "
    "Sie die ZIP-Datei, die LinkedIn Ihnen geschickt hat, oder den Ordner, in den Sie sie "
    "entpackt haben.",
)
NO_LINKEDIN = (
    "FILE contains no LinkedIn export files (such as Connections.csv or Profile.csv). Choose "
    "the archive from LinkedIn's “Get a copy of your data”, or a generic activity CSV.",
    "FILE enthält keine Dateien eines LinkedIn-Exports (etwa Connections.csv oder Profile.csv). "
    "Wählen Sie das Archiv aus LinkedIns „Kopie Ihrer Daten anfordern“ oder eine generische "
    "Aktivitäts-CSV.",
)
NOT_TEXT = (
    "FILE is not a text (CSV) file: it contains binary data. Use the file as LinkedIn exported "
    "it, or leave it out.",
    "FILE ist keine Text-(CSV-)Datei: Sie enthält Binärdaten. Verwenden Sie die Datei so, wie "
    "LinkedIn sie exportiert hat, oder lassen Sie sie weg.",
)
#: 8,388,608 bytes declared over the deflated size (about 1,028-fold with zlib 1.x).
BOMB_RATIO = f"{round(B.BOMB_SIZE / len(B.BOMB_DATA)):,}"
EMPTY = (
    f"FILE is empty, so there is nothing to read. {AGAIN}",
    f"FILE ist leer, es gibt also nichts zu lesen. {AGAIN_DE}",
)

# (id, build(tmp) -> sources, English line, German line)
REFUSED = [
    # Row 5: the ratio of the whole archive, and small members sharing one budget.
    ("5 many small bombs", lambda _t: [(ZIP, B.many_small_bombs(1900))],
     f"{UNSAFE} its files together are compressed 1,024-fold, which is typical of a zip bomb "
     f"(limit 200-fold). {SAFE}",
     f"{UNSAFE_DE} Seine Dateien sind zusammen 1.024-fach komprimiert, typisch für eine "
     f"ZIP-Bombe (Grenze 200-fach). {SAFE_DE}"),
    ("5 small bombs beside a big plain file",
     lambda _t: [(ZIP, B.many_small_bombs(1500, big=2 * B.MIB))],
     f"{UNSAFE} its files together are compressed 1,024-fold, which is typical of a zip bomb "
     f"(limit 200-fold). {SAFE}",
     f"{UNSAFE_DE} Seine Dateien sind zusammen 1.024-fach komprimiert, typisch für eine "
     f"ZIP-Bombe (Grenze 200-fach). {SAFE_DE}"),
    # 1,536,000 / 10,240 = 150 for each member: under 200 each, over 100 for the archive.
    ("5 whole archive ratio",
     lambda _t: [(ZIP, B.raw_zip([B.Entry(f"p{i}.csv", b"0" * 10240, size=1_536_000)
                                  for i in range(3)]))],
     f"{UNSAFE} its files together are compressed 150-fold, which is typical of a zip bomb "
     f"(limit 100-fold). {SAFE}",
     f"{UNSAFE_DE} Seine Dateien sind zusammen 150-fach komprimiert, typisch für eine "
     f"ZIP-Bombe (Grenze 100-fach). {SAFE_DE}"),
    # Row 6: a documented member limit well below 19,000, and a limit per kind.
    ("6 5,001 members",
     lambda _t: [(ZIP, B.raw_zip([B.Entry(f"h{i}.csv", b"a,b\n") for i in range(5001)]))],
     f"{UNSAFE} it holds 5,001 files, more than the limit of 5,000. {SAFE}",
     f"{UNSAFE_DE} Es enthält 5.001 Dateien, mehr als die Grenze von 5.000. {SAFE_DE}"),
    ("6 21 empty Shares files", in_zip({f"Shares_{i}.csv": b"" for i in range(21)}),
     f"{UNSAFE} it holds 21 files of the kind Posts, more than the limit of 20 (a LinkedIn "
     f"export has one or two). {SAFE}",
     f"{UNSAFE_DE} Es enthält 21 Dateien der Art Beiträge, mehr als die Grenze von 20 (ein "
     f"LinkedIn-Export hat eine oder zwei). {SAFE_DE}"),
    ("6 21 header-only generic CSVs",
     in_zip({f"log_{i}.csv": b"timestamp,kind\n" for i in range(21)}),
     f"{UNSAFE} it holds 21 files of the kind Generic activity CSV, more than the limit of 20 "
     f"(a LinkedIn export has one or two). {SAFE}",
     f"{UNSAFE_DE} Es enthält 21 Dateien der Art Generische Aktivitäts-CSV, mehr als die "
     f"Grenze von 20 (ein LinkedIn-Export hat eine oder zwei). {SAFE_DE}"),
    # Row 9: two people's exports given together.
    ("9 two people's zips",
     lambda _t: [("anna.zip", B.zip_of({"Profile.csv": B.PROFILE_ANNA})),
                 ("ben.zip", B.zip_of({"Profile.csv": B.PROFILE_BEN}))],
     *TWO_PEOPLE),
    ("9 two people's loose profiles",
     lambda _t: [("Profile.csv", B.PROFILE_ANNA), ("Profile (1).csv", B.PROFILE_BEN)],
     *TWO_PEOPLE),
    # Row 12: a corrupt LZMA member; "version needed to extract" 20.9.
    ("12 corrupt LZMA member", lambda _t: [(ZIP, B.corrupt_lzma_zip())], *CORRUPT),
    ("12 version 20.9", lambda _t: [(ZIP, B.version_209_zip())],
     f"FILE is damaged: it claims to need a zip version newer than any zip tool writes. {AGAIN}",
     "FILE ist beschädigt: Es verlangt angeblich eine neuere ZIP-Version, als irgendein "
     f"ZIP-Programm schreibt. {AGAIN_DE}"),
    ("12 PPMd method", lambda _t: [(ZIP, B.ppmd_zip())],
     "FILE is packed with a compression method this reader cannot unpack (method 98, "
     f"“Connections.csv”). Unpack it yourself and choose the unpacked folder, or {AS_SENT}",
     "FILE ist mit einem Kompressionsverfahren gepackt, das dieses Programm nicht entpacken "
     "kann (Verfahren 98, „Connections.csv“). Entpacken Sie es selbst und wählen Sie den "
     f"entpackten Ordner, oder {AS_SENT_DE}"),
    # Row 13: non-regular files.
    ("13 /dev/zero", lambda _t: ["/dev/zero"], *NOT_REGULAR),
    ("13 a named pipe", fifo, *NOT_REGULAR),
    # Row 15: an encrypted zip, a Deflate64 zip.
    ("15 encrypted zip", lambda _t: [(ZIP, B.encrypted_zip())],
     "FILE is protected by a password (“Connections.csv” is encrypted), which this reader "
     "cannot open. Unpack it yourself with the password and choose the unpacked folder, or "
     "download the export from LinkedIn again.",
     "FILE ist mit einem Passwort geschützt („Connections.csv“ ist verschlüsselt), das dieses "
     "Programm nicht öffnen kann. Entpacken Sie es selbst mit dem Passwort und wählen Sie den "
     "entpackten Ordner, oder laden Sie den Export erneut von LinkedIn herunter."),
    ("15 Deflate64 zip", lambda _t: [(ZIP, B.deflate64_zip())],
     "FILE is packed with Deflate64 (“Connections.csv”), which Windows uses for large folders "
     "and this reader cannot unpack. Unpack it with Windows Explorer or 7-Zip and choose the "
     f"unpacked folder, or {AS_SENT}",
     "FILE ist mit Deflate64 gepackt („Connections.csv“), das Windows für große Ordner "
     "verwendet und dieses Programm nicht entpacken kann. Entpacken Sie es mit dem "
     f"Windows-Explorer oder 7-Zip und wählen Sie den entpackten Ordner, oder {AS_SENT_DE}"),
    # What held: traversal in every spelling.
    ("held ../ entry", traversal("../Skills.csv"), *outside("../Skills.csv")),
    ("held absolute entry", traversal("/etc/Skills.csv"), *outside("/etc/Skills.csv")),
    ("held drive entry", traversal("C:\\Skills.csv"), *outside("C:\\Skills.csv")),
    ("held UNC entry", traversal("\\\\server\\share\\Skills.csv"),
     *outside("\\\\server\\share\\Skills.csv")),
    ("held backslash ..", traversal("a\\..\\..\\Skills.csv"), *outside("a\\..\\..\\Skills.csv")),
    ("held nested ..", traversal("Jobs/../../Skills.csv"), *outside("Jobs/../../Skills.csv")),
    ("held ..\\ entry", traversal("..\\Skills.csv"), *outside("..\\Skills.csv")),
    ("held ./../ entry", traversal("./../Skills.csv"), *outside("./../Skills.csv")),
    ("held trailing ..", traversal("Jobs/.."), *outside("Jobs/..")),
    ("held rooted backslash entry", traversal("\\Skills.csv"), *outside("\\Skills.csv")),
    ("held drive entry with slash", traversal("C:/Skills.csv"), *outside("C:/Skills.csv")),
    ("held drive-relative entry", traversal("D:Skills.csv"), *outside("D:Skills.csv")),
    ("held UNC entry with slashes", traversal("//server/share/Skills.csv"),
     *outside("//server/share/Skills.csv")),
    ("held upload named ../", one("../Skills.csv", B.SKILLS), *outside("../Skills.csv")),
    # What held: bombs, sizes, counts.
    ("held 2 GiB member", lambda _t: [(ZIP, B.raw_zip([B.Entry("Skills.csv", b"x" * 64,
                                                                size=2048 * B.MIB)]))],
     f"{UNSAFE} “Skills.csv” is compressed 33,554,432-fold, which is typical of a zip bomb "
     f"(limit 200-fold). {SAFE}",
     f"{UNSAFE_DE} „Skills.csv“ ist 33.554.432-fach komprimiert, typisch für eine ZIP-Bombe "
     f"(Grenze 200-fach). {SAFE_DE}"),
    # 1,536 MiB from 16 MiB: ratio 96, under both ratio limits, over the 1,024 MiB member limit.
    ("held member too large",
     lambda _t: [(ZIP, B.raw_zip([B.Entry("messages.csv", b"m" * (16 * B.MIB),
                                          size=1536 * B.MIB)]))],
     f"{UNSAFE} “messages.csv” would unpack to 1,536.0 MB, more than the limit of 1,024.0 MB. "
     f"{SAFE}",
     f"{UNSAFE_DE} „messages.csv“ wäre entpackt 1.536,0 MB groß, mehr als die Grenze von "
     f"1.024,0 MB. {SAFE_DE}"),
    # 3 × 900 MiB from 10 MiB each: ratio 90, every member allowed, 2,700 MiB in all.
    ("held archive too large",
     lambda _t: [(ZIP, B.raw_zip([B.Entry(f"m{i}.csv", b"m" * (10 * B.MIB), size=900 * B.MIB)
                                  for i in range(3)]))],
     f"{UNSAFE} it would unpack to 2,700.0 MB, more than the limit of 2,048.0 MB. Real "
     "LinkedIn exports are far smaller; choose the archive LinkedIn sent you.",
     f"{UNSAFE_DE} Entpackt wären es 2.700,0 MB, mehr als die Grenze von 2.048,0 MB. Echte "
     "LinkedIn-Exporte sind viel kleiner; wählen Sie das Archiv, das LinkedIn Ihnen geschickt "
     "hat."),
    # 2 MiB from 2 KiB: 1,024-fold.
    ("held one 2 MiB member from 2 KiB",
     lambda _t: [(ZIP, B.raw_zip([B.Entry("Connections.csv", b"0" * 2048, size=2 * B.MIB)]))],
     f"{UNSAFE} “Connections.csv” is compressed 1,024-fold, which is typical of a zip bomb "
     f"(limit 200-fold). {SAFE}",
     f"{UNSAFE_DE} „Connections.csv“ ist 1.024-fach komprimiert, typisch für eine ZIP-Bombe "
     f"(Grenze 200-fach). {SAFE_DE}"),
    ("held a 17 MiB line", one("Skills.csv", b"Name\n" + b"x" * (17 * B.MIB)),
     "FILE is not safe to read: “Skills.csv” has a line of 17.0 MB, more than the limit of "
     "16.0 MB. Use the file as LinkedIn exported it.",
     "FILE kann nicht sicher gelesen werden: „Skills.csv“ hat eine Zeile von 17,0 MB, mehr als "
     "die Grenze von 16,0 MB. Verwenden Sie die Datei so, wie LinkedIn sie exportiert hat."),
    ("held a nested zip", in_zip({"inner.zip": B.zip_of({"Skills.csv": B.SKILLS})}),
     *NO_LINKEDIN),
    ("held zips nested three deep", lambda _t: [(ZIP, B.nested(3))], *NO_LINKEDIN),
    ("held 100k entries", lambda _t: [(ZIP, B.entries_100k())],
     f"{UNSAFE} it holds 100,000 files, more than the limit of 5,000. {SAFE}",
     f"{UNSAFE_DE} Es enthält 100.000 Dateien, mehr als die Grenze von 5.000. {SAFE_DE}"),
    # 8 MiB of zeros deflated to about 8 KiB (zlib's output, so the ratio is computed).
    ("held a deflate bomb", lambda _t: [(ZIP, B.deflate_bomb())],
     f"{UNSAFE} “Connections.csv” is compressed {BOMB_RATIO}-fold, which is typical of a zip "
     f"bomb (limit 200-fold). {SAFE}",
     f"{UNSAFE_DE} „Connections.csv“ ist {BOMB_RATIO.replace(',', '.')}-fach komprimiert, "
     f"typisch für eine ZIP-Bombe (Grenze 200-fach). {SAFE_DE}"),
    # What held: damaged and unusual containers.
    ("held not a zip", one(ZIP, b"this is a text file, not a zip"),
     "FILE is not a zip archive. Choose the .zip file LinkedIn sent you, or the folder you "
     "unpacked it to.",
     "FILE ist kein ZIP-Archiv. Wählen Sie die ZIP-Datei, die LinkedIn Ihnen geschickt hat, "
     "oder den Ordner, in den Sie sie entpackt haben."),
    ("held truncated zip",
     lambda _t: [(ZIP, B.zip_of({"Skills.csv": B.SKILLS * 40})[:120])], *CORRUPT),
    ("held empty zip", in_zip({}),
     f"FILE is an empty archive: it contains no files. {AGAIN}",
     f"FILE ist ein leeres Archiv: Es enthält keine Dateien. {AGAIN_DE}"),
    ("held lying directory",
     lambda _t: [(ZIP, B.raw_zip([B.Entry("Skills.csv", B.SKILLS * 3, size=10)]))], *CORRUPT),
    ("held bad checksum",
     lambda _t: [(ZIP, B.raw_zip([B.Entry("Skills.csv", B.SKILLS, crc=1)]))], *CORRUPT),
    ("held no LinkedIn file", in_zip({"notes.txt": b"hello", "photo.jpg": b"\xff\xd8"}),
     *NO_LINKEDIN),
    # What held: binary files named as CSV, empty files, broken CSV.
    ("held PNG named Connections.csv",
     one("Connections.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x00\x00"),
     *NOT_TEXT),
    ("held control characters", one("Skills.csv", b"Name\n" + b"\x01\x02\x03\x04" * 50),
     *NOT_TEXT),
    ("held gzip named Shares.csv", one("Shares.csv", B.GZIP), *NOT_TEXT),
    ("held PDF named Shares.csv", one("Shares.csv", B.PDF), *NOT_TEXT),
    ("held program named Skills.csv", one("Skills.csv", B.ELF), *NOT_TEXT),
    ("held PNG named Connections.csv in a zip",
     in_zip({"Connections.csv": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01\x00\x00"}),
     *(line.replace("FILE", "Connections.csv") for line in NOT_TEXT)),
    ("held empty file", one("Connections.csv", b""), *EMPTY),
    ("held whitespace file", one("Skills.csv", b" \r\n\r\n"), *EMPTY),
    ("held cut-off quote",
     one("Comments.csv", b'Date,Link,Message\n2025-01-01 10:00:00,x,"cut off'),
     f"FILE is not a readable CSV file: it ends inside a quoted field or its quotes do not "
     f"match. {AGAIN}",
     "FILE ist keine lesbare CSV-Datei: Sie endet mitten in einem Feld in Anführungszeichen, "
     f"oder die Anführungszeichen passen nicht zusammen. {AGAIN_DE}"),
    ("held unexpected columns", one("Connections.csv", b"Name,Phone\nLena,0151\n"),
     "FILE does not have the columns of a LinkedIn Connections file: expected First Name, Last "
     "Name, URL, Company, Position, Connected On; found Name,Phone. Use the file as LinkedIn "
     "exported it, with its header row unchanged.",
     "FILE hat nicht die Spalten einer LinkedIn-Datei vom Typ Kontakte: erwartet First Name, "
     "Last Name, URL, Company, Position, Connected On; gefunden Name,Phone. Verwenden Sie die "
     "Datei so, wie LinkedIn sie exportiert hat, mit unveränderter Kopfzeile."),
    ("held missing path", lambda t: [str(t / "Complete_LinkedInDataExport_10-15-2026.zip")],
     "FILE does not exist. Check the path and try again.",
     "FILE existiert nicht. Prüfen Sie den Pfad und versuchen Sie es erneut."),
]  # fmt: skip


def shown_name(sources: list) -> str:
    names = [s[0] if isinstance(s, tuple) else s for s in sources]
    return ", ".join(dict.fromkeys(names))


def on_disk(sources: list, tmp: Path) -> list[str] | None:
    """The sources as paths for the CLI; ``None`` when a name cannot be a file name."""
    paths = []
    for source in sources:
        if isinstance(source, str):
            paths.append(source)
            continue
        name, data = source
        if "/" in name or "\\" in name:
            return None
        path = tmp / name
        path.write_bytes(data)
        paths.append(str(path))
    return paths


def test_the_corpus_is_large_enough():
    # Issue 11: at least 60 cases, every row of its table and everything that held.
    assert len(REFUSED) + len(ACCEPTED) + len(IMPOSSIBLE_DATES) >= 60
    ids = [c[0] for c in (*REFUSED, *ACCEPTED, *IMPOSSIBLE_DATES)]
    assert len(set(ids)) == len(ids)


#: Cases that take more than a few seconds each (building and refusing 100,000 entries).
SLOW = frozenset({"held 100k entries"})


def params(table: list[tuple]) -> list:
    """The table's cases for ``parametrize``, named by their ids, the slow ones marked."""
    return [
        pytest.param(*case[1:], id=case[0], marks=[pytest.mark.slow] if case[0] in SLOW else [])
        for case in table
    ]


@pytest.mark.parametrize(("build", "en", "de"), params(REFUSED))
def test_refused_with_one_line_naming_the_file_in_english_and_german(build, en, de, tmp_path):
    sources = build(tmp_path)
    with pytest.raises(SSIError) as caught:
        read_export(sources, today=TODAY)
    named = shown_name(sources)
    assert caught.value.message("en") == en.replace("FILE", named)
    assert caught.value.message("de") == de.replace("FILE", named)


@pytest.mark.parametrize(("build", "en", "de"), params(REFUSED))
def test_the_cli_exits_2_with_that_one_line(build, en, de, tmp_path, capsys):
    paths = on_disk(build(tmp_path), tmp_path)
    if paths is None:
        pytest.skip("an entry name no file system allows")
    # Container errors name the path as given; a file's own errors name the file.
    named = [", ".join(dict.fromkeys(paths)), ", ".join(dict.fromkeys(Path(p).name for p in paths))]
    for argv, line in (
        (["inspect", *paths], en),
        (["inspect", "--lang", "de", *paths], de),
        (["score", *paths], en),
    ):
        assert main(argv) == 2
        out = capsys.readouterr()
        assert out.out == ""
        assert out.err in [line.replace("FILE", name) + "\n" for name in named]


@pytest.fixture(scope="module")
def empty_database(tmp_path_factory) -> Path:
    """A score database created once (migrating it takes a while) and holding nothing."""
    path = tmp_path_factory.mktemp("db") / "ssi.sqlite"
    Store(f"sqlite:///{path}", now=fixed_now).close()
    return path


def stored_rows(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in TABLES
        }


@pytest.mark.parametrize(("build", "en", "de"), params(REFUSED))
def test_ssi_import_stores_nothing_of_a_refused_export(
    build, en, de, tmp_path, capsys, empty_database
):
    paths = on_disk(build(tmp_path), tmp_path)
    if paths is None:
        pytest.skip("an entry name no file system allows")
    if len(paths) > 1 and any(p.endswith(".zip") for p in paths):
        pytest.skip("ssi import stores each zip as its own export")
    named = [", ".join(dict.fromkeys(paths)), ", ".join(dict.fromkeys(Path(p).name for p in paths))]
    argv = ["import", "--db", f"sqlite:///{empty_database}", "--lang", "de", *paths]
    assert main(argv) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err in [de.replace("FILE", name) + "\n" for name in named]
    assert stored_rows(empty_database) == dict.fromkeys(TABLES, 0)


# --- accepted: what a person can read is kept, and what happened is said ----------------

FUTURE = b"2199-12-31 10:00:00,LIKE,c\n"
REPLACED = ("characters that could not be read (a byte no text encoding defines, or a NUL): 1; "
            "they are shown as �",
            "nicht lesbare Zeichen (ein Byte, das keine Textkodierung kennt, oder ein NUL): 1; "
            "sie werden als � angezeigt")  # fmt: skip


def future(day: str, day_de: str) -> tuple[str, str]:
    return (
        f"dates after {day}, later than the export itself: 1; they were kept but do not set the "
        "export date",
        f"Datumsangaben nach dem {day_de}, später als der Export selbst: 1; sie wurden behalten, "
        "bestimmen aber nicht das Exportdatum",
    )


def connections_with(data: bytes) -> list[tuple[str, bytes]]:
    return [("Connections.csv", data)]


# (id, sources, file, kind, rows kept, export date, warnings en, warnings de, a check)
ACCEPTED = [
    # Row 11: a date after the newest plausible one is reported and does not move the date.
    ("11 2199 in loose files", [("Reactions.csv", B.REACTIONS + FUTURE)], "Reactions.csv",
     "reactions", 3, date(2025, 6, 2), *zip(future("2026-12-01", "01.12.2026")), None),
    ("11 2199 in a named archive",
     [("Complete_LinkedInDataExport_10-15-2026.zip",
       B.zip_of({"Reactions.csv": B.REACTIONS + FUTURE}))], "Reactions.csv", "reactions", 3,
     date(2026, 10, 15), *zip(future("2026-10-16", "16.10.2026")), None),
    # Row 14: flawed bytes are shown, not refused; any preamble; the real header; no row lost.
    ("14 stray 0x81", connections_with(B.CONNECTIONS_HEADER + B.CONNECTION_ROWS
                                       + b"Jo\x81rg,Lang,,,Acme,Rep,10 Feb 2026\n"),
     "Connections.csv", "connections", 3, date(2026, 2, 10), *zip(REPLACED), None),
    ("14 NUL in the first 4 KB", connections_with(B.CONNECTIONS_HEADER + B.CONNECTION_ROWS
                                                  + b"Mia,Ko\x00ch,,,Acme,Rep,10 Feb 2026\n"),
     "Connections.csv", "connections", 3, date(2026, 2, 10), *zip(REPLACED), None),
    ("14 UTF-8 umlauts and one stray byte",
     connections_with(B.CONNECTIONS_HEADER + "Jörg,Müller,,,Acme,Rep,10 Feb 2026\n".encode()
                      + b"Al\x81,Lang,,,Acme,Rep,11 Feb 2026\n"),
     "Connections.csv", "connections", 2, date(2026, 2, 11), *zip(REPLACED), None),
    ("14 41-line preamble", connections_with(B.preamble(41)), "Connections.csv", "connections",
     2, date(2026, 2, 9), (), (), None),
    ("14 300-line preamble", connections_with(B.preamble(300)), "Connections.csv",
     "connections", 2, date(2026, 2, 9), (), (), None),
    ("14 quoted preamble cell naming the columns",
     connections_with(b'"First Name, Last Name, URL, Email Address, Company, Position, '
                      b'Connected On"\n\n' + B.CONNECTIONS_HEADER
                      + B.CONNECTION_ROWS), "Connections.csv", "connections", 2,
     date(2026, 2, 9), (), (), None),
    ("14 duplicated empty Date column",
     [("Shares.csv", b"Date,ShareLink,ShareCommentary,Date\n,l1,hi,2025-01-01 10:00:00\n"
                     b",l2,yo,2025-01-02 10:00:00\n")], "Shares.csv", "shares", 2,
     date(2025, 1, 2), (), (), None),
    ("14 comment ending in a backslash",
     [("Comments.csv", b'Date,Link,Message\n2025-08-01 10:00:00,x,"path C:\\"\n'
                       b'2025-08-02 10:00:00,y,"Agreed"\n')], "Comments.csv", "comments", 2,
     date(2025, 8, 2), (), (), ("chars", [8, 6])),
    ("14 unquoted commas in the last free-text column",
     [("Comments.csv", b"Date,Link,Message\n2025-08-01 10:00:00,x,yes, and, more\n"
                       b"2025-08-02 10:00:00,y,ok\n")], "Comments.csv", "comments", 2,
     date(2025, 8, 2),
     ("lines with more fields than the header (separators inside the text, not quoted): 1; "
      "the surplus was kept as part of column Message",),
     ("Zeilen mit mehr Feldern als die Kopfzeile (Trennzeichen im Text, ohne "
      "Anführungszeichen): 1; der Überschuss wurde als Teil der Spalte Message behalten",),
     ("chars", [14, 2])),
    # What held: UTF-16 without BOM, German Excel CSVs, impossible dates.
    ("held UTF-16 without BOM",
     connections_with((B.CONNECTIONS_HEADER.decode() + B.CONNECTION_ROWS.decode())
                      .encode("utf-16-le")), "Connections.csv", "connections", 2,
     date(2026, 2, 9), (), (), None),
    ("held UTF-16 big-endian without BOM",
     connections_with((B.CONNECTIONS_HEADER.decode() + B.CONNECTION_ROWS.decode())
                      .encode("utf-16-be")), "Connections.csv", "connections", 2,
     date(2026, 2, 9), (), (), ("company", ["Acme", "Helio"])),
    ("held German Excel CSV",
     connections_with("First Name;Last Name;URL;Email Address;Company;Position;Connected On\n"
                      "Jörg;Müller;;;Acme;Rep;08.02.2026\n".encode("cp1252")),
     "Connections.csv", "connections", 1, date(2026, 2, 8), (), (), None),
    ("held German Excel CSV with BOM, CRLF and a quoted ;",
     connections_with("\ufeffFirst Name;Last Name;URL;Email Address;Company;Position;"
                      "Connected On\r\n\"Jörg\";\"Müller\";;;\"Acme; GmbH\";Rep;08.02.2026\r\n"
                      .encode()), "Connections.csv", "connections", 1, date(2026, 2, 8), (), (),
     ("company", ["Acme; GmbH"])),
    ("held German Excel posts with day-first dates",
     [("Shares.csv", "Date;ShareLink;ShareCommentary\n15.10.2026 10:00;l1;Grüße\n"
                     .encode("cp1252"))], "Shares.csv", "shares", 1, date(2026, 10, 15), (), (),
     None),
    ("held OS metadata beside the files",
     [(ZIP, B.zip_of({"__MACOSX/._Reactions.csv": b"\x00\x05\x16\x07",
                      ".DS_Store": b"\x00\x00\x00\x01Bud1", "Reactions.csv": B.REACTIONS}))],
     "Reactions.csv", "reactions", 2, date(2025, 6, 2), (), (), None),
    ("held 20 header-only generic CSVs",
     [(f"log_{i}.csv", b"timestamp,kind\n") for i in range(20)] + [("Skills.csv", B.SKILLS)],
     "log_0.csv", "generic", 0, TODAY, (), (), None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sources", "file", "kind", "rows", "export_date", "en", "de", "check"), params(ACCEPTED)
)
def test_accepted_keeping_every_readable_row_and_saying_what_happened(
    sources, file, kind, rows, export_date, en, de, check
):
    data = read_export(sources, today=TODAY)
    report = next(s for s in data.sources if s.file == file)
    assert (report.kind, report.rows, report.skipped) == (kind, rows, 0)
    assert data.export_date == export_date
    assert report.warning_texts("en") == list(en)
    assert report.warning_texts("de") == list(de)
    if check is not None:
        column, values = check
        assert data.frame(kind)[column].tolist() == values


#: (id, the impossible date in a Reactions row): each row is skipped and counted, the
#: two readable ones are kept and date the export.
IMPOSSIBLE_DATES = [
    ("held 30 February", b"2025-02-30 10:00:00"),
    ("held month 13", b"2025-13-01 10:00:00"),
    ("held hour 25", b"2025-03-01 25:00:00"),
    ("held year 0", b"0000-01-01 10:00:00"),
]


def warnings_shown(out: str, file: str) -> list[str]:
    """The lines ``ssi inspect`` prints under its warnings heading for ``file``."""
    lines = out.splitlines()
    heading = next((i for i, line in enumerate(lines) if line in ("Warnings", "Hinweise")), None)
    if heading is None:
        return []
    section = lines[heading + 1 : lines.index("", heading)]
    return [line.removeprefix(f"  {file}: ") for line in section if line.startswith(f"  {file}: ")]


@pytest.mark.parametrize(
    ("sources", "file", "kind", "rows", "export_date", "en", "de", "check"), params(ACCEPTED)
)
def test_ssi_inspect_reads_it_and_prints_the_warnings(
    sources, file, kind, rows, export_date, en, de, check, tmp_path, capsys, monkeypatch
):
    # Some warnings name the day after the caller's today: the CLI's today is the corpus's.
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    paths = on_disk(sources, tmp_path)
    for argv, lines in ((["inspect", *paths], en), (["inspect", "--lang", "de", *paths], de)):
        assert main(argv) == 0
        out = capsys.readouterr()
        assert out.err == ""
        assert warnings_shown(out.out, file) == list(lines)


@pytest.mark.parametrize("when", [c[1] for c in IMPOSSIBLE_DATES],
                         ids=[c[0] for c in IMPOSSIBLE_DATES])  # fmt: skip
def test_an_impossible_date_is_a_counted_skip(when, tmp_path, capsys):
    sources = [("Reactions.csv", B.REACTIONS + when + b",LIKE,c\n")]
    data = read_export(sources)
    report = data.sources[0]
    assert (report.rows, report.skipped) == (2, 1)
    assert data.export_date == date(2025, 6, 2)
    assert report.skip_texts("en") == {"unreadable date": 1}
    assert report.skip_texts("de") == {"unlesbares Datum": 1}
    paths = on_disk(sources, tmp_path)
    assert main(["inspect", "--lang", "de", *paths]) == 0
    assert "  Reactions.csv: 1 × unlesbares Datum\n" in capsys.readouterr().out


def test_without_today_a_far_outlier_does_not_set_the_export_date():
    # 2199 lies 174 years after every other event: a typo, not the export's date.
    data = read_export([("Reactions.csv", B.REACTIONS + FUTURE)])
    assert data.export_date == date(2025, 6, 2)
    assert data.sources[0].warning_texts() == [future("2025-06-02", "02.06.2025")[0]]


def test_without_today_or_any_date_the_export_cannot_be_dated():
    with pytest.raises(SSIError) as caught:
        read_export([("Skills.csv", B.SKILLS)])
    assert caught.value.message("en") == (
        "Skills.csv holds no dated entry and its name carries no export date. Choose the archive "
        "as LinkedIn named it (Complete_LinkedInDataExport_MM-DD-YYYY.zip)."
    )
    assert read_export([("Skills.csv", B.SKILLS)], today=TODAY).export_date == TODAY


def test_the_same_person_twice_is_one_person():
    # Complete and Basic exports of Anna, five days apart: her export, not two people's.
    data = read_export(
        [("a.zip", B.zip_of({"Profile.csv": B.PROFILE_ANNA, "Reactions.csv": B.REACTIONS})),
         ("b.zip", B.zip_of({"Profile.csv": B.PROFILE_ANNA.replace(b"Sales", b"Sales lead")}))],
        today=TODAY,
    )  # fmt: skip
    assert data.profile.display_name == "Anna Beispiel"


def test_an_encrypted_member_is_named_even_among_plain_ones():
    archive = B.raw_zip(
        [B.Entry("Skills.csv", B.SKILLS), B.Entry("messages.csv", b"\x8a" * 32, flags=0x1)]
    )
    with pytest.raises(SSIError) as caught:
        read_export([(ZIP, archive)], today=TODAY)
    assert "(“messages.csv” is encrypted)" in caught.value.message("en")


def test_a_stored_zip_written_by_zipfile_reads_like_raw_zip():
    # The hand-made zips are zips: the same bytes through both writers read the same.
    plain = B.zip_of({"Skills.csv": B.SKILLS}, zipfile.ZIP_STORED)
    raw = B.raw_zip([B.Entry("Skills.csv", B.SKILLS)])
    frames = [read_export([(ZIP, z)], today=TODAY).frame("skills") for z in (plain, raw)]
    assert frames[0]["name"].tolist() == frames[1]["name"].tolist() == ["Negotiation", "Salesforce"]
