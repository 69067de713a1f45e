"""The generic activity CSV feeds the same frames as a LinkedIn export."""

from __future__ import annotations

import pandas as pd
from ingest_fixtures import read_export

from scoring.ingest import GENERIC

LOG = (
    "timestamp,kind,counterpart,detail\n"
    "2026-03-01T09:00:00+01:00,message_sent,Jana Vogel,Hallo Jana\n"
    "2026-03-01 10:00:00,message_received,Jana Vogel,\n"
    "2026-03-02,post,,Drei Lehren aus 40 Erstgesprächen\n"
    "2026-03-02,comment,,Guter Punkt\n"
    "2026-03-03,reaction,,praise\n"
    "2026-03-03,Connection,Jana Vogel,Elbe GmbH\n"
    "2026-03-04,invitation-sent,Kai Berg,Hallo Kai\n"
    "2026-03-04,kontaktanfrage_erhalten,Ute Lang,\n"
    "2026-03-05,search,,vertrieb hamburg\n"
    "2026-03-06,teleport,,beam me up\n"
    ",post,,no date\n"
    "2026-13-45,post,,impossible date\n"
).encode()


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def test_generic_log_rows_land_in_their_kinds():
    data = read_export([("xing-log.csv", LOG)])
    rows = {kind: len(frame) for kind, frame in data.frames.items() if len(frame)}
    assert rows == {"messages": 2, "shares": 1, "comments": 1, "reactions": 1, "connections": 1,
                    "invitations": 2, "search_queries": 1}  # fmt: skip
    assert data.present == frozenset(rows)
    assert data.archive_kind == "partial"
    (report,) = data.sources
    assert (report.file, report.kind, report.rows) == ("xing-log.csv", GENERIC, 9)
    assert report.skip_texts() == {"unknown kind": 1, "no date": 1, "unreadable date": 1}
    assert report.warning_texts() == ["rows with unknown kinds were skipped: teleport"]


def test_generic_values_follow_the_documented_meaning():
    data = read_export([("log.csv", LOG)])
    messages = data.frame("messages")
    assert list(messages["at"]) == [utc("2026-03-01 08:00"), utc("2026-03-01 10:00")]
    assert list(messages["from_owner"]) == [True, False]
    assert messages["conversation_id"].nunique() == 1  # one conversation per counterpart
    assert not messages["sponsored"].any()
    assert list(data.frame("shares")["chars"]) == [len("Drei Lehren aus 40 Erstgesprächen")]
    assert list(data.frame("reactions")["type"]) == ["PRAISE"]
    invitations = data.frame("invitations")
    assert list(invitations["direction"]) == ["OUTGOING", "INCOMING"]
    assert list(invitations["has_message"]) == [True, False]
    assert invitations["invitee_key"].notna().tolist() == [True, False]
    assert invitations["inviter_key"].notna().tolist() == [False, True]
    assert list(data.frame("connections")["company"]) == ["Elbe GmbH"]
    assert list(data.frame("search_queries")["chars"]) == [len("vertrieb hamburg")]
    assert data.export_date.isoformat() == "2026-03-05"


def test_german_headers_semicolons_and_kind_names():
    log = ("Zeitpunkt;Art;Kontakt;Detail\n"
           "01.03.2026 09:00;nachricht_gesendet;Jana Vogel;\n"
           "02.03.2026;beitrag;;Hallo Netzwerk\n"
           "03.03.2026;profilfoto;;\n").encode("cp1252")  # fmt: skip
    data = read_export([("aktivitaeten.csv", log)])
    assert list(data.frame("messages")["at"]) == [utc("2026-03-01 09:00")]
    assert list(data.frame("shares")["chars"]) == [len("Hallo Netzwerk")]
    assert list(data.frame("rich_media")["media_type"]) == ["profile_photo"]


def test_generic_counterparts_are_never_stored():
    data = read_export([("log.csv", LOG)])
    cells = " ".join(
        str(v) for frame in data.frames.values() for c in frame.columns for v in frame[c].tolist()
    )
    for secret in ("Jana", "Vogel", "Kai Berg", "Ute Lang", "Hallo Jana", "Hallo Kai"):
        assert secret not in cells


def test_a_csv_without_timestamp_and_kind_is_no_generic_log():
    data = read_export(
        [("notes.csv", b"when,what\n2026-01-01,x\n"), ("Skills.csv", b"Name\nSAP\n")]
    )
    assert data.ignored == ("notes.csv",)
