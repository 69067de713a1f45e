"""An archive is complete, basic or partial by the files its own generation had."""

from __future__ import annotations

from datetime import date

import ingest_fixtures as F
import pytest
from ingest_fixtures import read_export

from scoring.export import KINDS
from scoring.ingest import archive_kind_of
from scoring.ingest.generations import all_complete_only_kinds, generation_of, generations

OLD = {"shares", "comments", "search_queries"}
NEW = {"shares", "comments", "reactions", "votes", "search_queries", "member_follows"}
IDENTITY = {"profile", "connections"}

# A Complete archive as LinkedIn made them in 2018: no votes, reactions or member follows.
SHARES_2018 = (
    b"Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n"
    b"2018-09-12 10:00:00,https://www.linkedin.com/feed/update/urn:li:activity:1,Hello,,,"
    b"MEMBER_NETWORK\n"
)
COMMENTS_2018 = (
    b"Date,Link,Message\n"
    b"2018-09-13 11:00:00,https://www.linkedin.com/feed/update/urn:li:activity:2,Agreed\n"
)
COMPLETE_2018 = {
    "Connections.csv": F.CONNECTIONS_2018,
    "Messages.csv": F.MESSAGES_2018,
    "Profile.csv": F.PROFILE,
    "Shares.csv": SHARES_2018,
    "Comments.csv": COMMENTS_2018,
    "Search Queries.csv": F.SEARCH_QUERIES_2018,
}


def test_the_table_has_two_generations_of_known_kinds_oldest_first():
    table = generations()
    assert [g.since for g in table] == [date(2000, 1, 1), date(2021, 1, 1)]
    assert [set(g.complete_only) for g in table] == [OLD, NEW]
    assert all_complete_only_kinds() <= set(KINDS)


@pytest.mark.parametrize(
    ("export_date", "since"),
    [
        (date(2018, 9, 13), date(2000, 1, 1)),
        (date(2020, 12, 31), date(2000, 1, 1)),
        (date(2021, 1, 1), date(2021, 1, 1)),
        (date(2026, 10, 18), date(2021, 1, 1)),
        (None, date(2021, 1, 1)),
    ],
)
def test_the_export_date_picks_the_generation(export_date, since):
    assert generation_of(export_date).since == since


@pytest.mark.parametrize(
    ("present", "export_date", "kind"),
    [
        (IDENTITY | OLD | {"messages"}, date(2018, 9, 13), "complete"),
        # The same files exported today lack what every current Complete archive holds.
        (IDENTITY | OLD | {"messages"}, date(2026, 10, 18), "partial"),
        (IDENTITY | NEW, date(2026, 10, 18), "complete"),
        (IDENTITY | NEW | {"reposts"}, None, "complete"),
        # Messages and invitations are in the Basic archive too.
        (IDENTITY | {"messages", "invitations", "positions"}, date(2018, 9, 13), "basic"),
        (IDENTITY | {"messages", "invitations", "positions"}, date(2026, 10, 18), "basic"),
        # One Complete-only file beside a Basic archive: some files only.
        (IDENTITY | {"votes"}, date(2018, 9, 13), "partial"),
        (IDENTITY | {"shares"}, date(2026, 10, 18), "partial"),
        (OLD | NEW, date(2026, 10, 18), "partial"),
        (set(), None, "partial"),
    ],
)
def test_archive_kind_by_generation(present, export_date, kind):
    assert archive_kind_of(frozenset(present), export_date) == kind


def test_a_complete_2018_export_read_from_loose_files_is_complete():
    data = read_export(list(COMPLETE_2018.items()))
    assert data.export_date == date(2018, 9, 13)
    assert data.archive_kind == "complete"


def test_the_same_files_with_a_current_export_date_are_partial():
    named = read_export([("LinkedInDataExport_10-18-2026.zip", F.zip_bytes(COMPLETE_2018))])
    assert named.export_date == date(2026, 10, 18)
    assert named.archive_kind == "partial"
