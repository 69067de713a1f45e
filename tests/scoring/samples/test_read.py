"""The reader returns, for every bundled archive, what the generator says it wrote."""

from __future__ import annotations

from datetime import date

import pytest

from scoring.export import ACTIVITY_KINDS, KINDS
from scoring.ingest import read_export
from scoring.samples import PERSONAS, load_manifest, sample_path


@pytest.fixture(scope="module")
def exports():
    """persona → ExportData of its committed archive, read once."""
    return {p: read_export([sample_path(p)]) for p in PERSONAS}


@pytest.fixture(scope="module")
def manifests():
    return load_manifest()


def test_archive_kind_and_export_date_come_from_the_name(persona, exports, manifests):
    data = exports[persona]
    assert data.archive_kind == manifests[persona].archive_kind
    assert data.export_date == date(2026, 10, 15)
    assert data.export_date_from_name


def test_rows_per_kind_match_the_manifest(persona, exports, manifests):
    data, kept = exports[persona], manifests[persona].kept_by_kind()
    got = {kind: len(data.frame(kind)) for kind in KINDS}
    assert got == {kind: kept.get(kind, 0) for kind in KINDS}
    assert set(data.present) == set(kept)


def test_skips_match_the_manifest(persona, exports, manifests):
    data, manifest = exports[persona], manifests[persona]
    for kind in {f.kind for f in manifest.files if f.kind}:
        expected = sum(sum(f.skipped.values()) for f in manifest.files if f.kind == kind)
        got = sum(s.skipped for s in data.sources if s.kind == kind)
        assert got == expected, kind


def test_unknown_files_are_listed_as_ignored(persona, exports, manifests):
    assert set(manifests[persona].ignored) <= set(exports[persona].ignored)


def test_row_properties_match_the_manifest_facts(exports, manifests):
    data, manifest = exports["active_seller"], manifests["active_seller"]
    connections = data.frame("connections")
    assert int(connections["hidden"].sum()) == manifest.file("Connections.csv").facts["hidden"]
    messages = data.frame("messages")
    facts = manifest.file("messages.csv").facts
    assert int(messages["sponsored"].sum()) == facts["sponsored"]
    assert int(messages["from_owner"].sum()) == facts["from_owner"]
    assert int(messages["is_draft"].sum()) == facts["draft"]
    shares = data.frame("shares")
    facts = manifest.file("Shares_17529409.csv").facts
    assert int(shares["is_group"].sum()) == facts["group"]
    assert int(shares["is_reshare"].sum()) == facts["reshare"]
    assert int(shares["has_media"].sum()) == facts["media"]
    reactions = data.frame("reactions")
    assert (
        int(reactions["is_group"].sum()) == manifest.file("Reactions_17529409.csv").facts["group"]
    )
    invitations = data.frame("invitations")
    inv_facts = manifest.file("Invitations.csv").facts
    assert int((invitations["direction"] == "INCOMING").sum()) == inv_facts["incoming"]
    assert int(invitations["has_message"].sum()) == inv_facts["with_note"]
    follows = data.frame("member_follows")
    unfollows = manifest.file("Member_Follows.csv").facts["unfollow"]
    assert int((follows["status"] == "Unfollow").sum()) == unfollows


def test_every_timestamp_is_before_the_export_day(persona, exports):
    data = exports[persona]
    for kind in ("connections", "invitations", "messages", "shares", "comments", "reactions"):
        at = data.frame(kind)["at"].dropna()
        assert at.empty or at.max().date() < date(2026, 10, 15), kind


def test_basic_archive_misses_the_activity_kinds(exports):
    missing = set(exports["basic"].missing)
    assert set(ACTIVITY_KINDS) <= missing
    assert "connections" not in missing
