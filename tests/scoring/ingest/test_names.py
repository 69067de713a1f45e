"""File names drift between years; each spelling still finds its kind."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scoring.export import KINDS
from scoring.ingest.names import (
    FILE_KINDS,
    archive_name_facts,
    article_stem_parts,
    is_article,
    is_os_metadata,
    kind_for_name,
)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Connections.csv", "connections"),
        ("connections.CSV", "connections"),
        ("Connections (1).csv", "connections"),
        ("Messages.csv", "messages"),
        ("messages.csv", "messages"),
        ("Search Queries.csv", "search_queries"),
        ("SearchQueries.csv", "search_queries"),
        ("Rich Media.csv", "rich_media"),
        ("Rich_Media.csv", "rich_media"),
        ("Endorsement Received Info.csv", "endorsements_received"),
        ("Endorsement_Received_Info.csv", "endorsements_received"),
        ("Endorsement_Given_Info.csv", "endorsements_given"),
        ("Comments_17529409.csv", "comments"),
        ("Shares_17529409.csv", "shares"),
        ("Reactions_17529409.csv", "reactions"),
        ("InstantReposts_17529409.csv", "reposts"),
        ("Jobs/Saved Jobs.csv", "saved_jobs"),
        ("Jobs/Job Applications.csv", "job_applications"),
        ("Complete_LinkedInDataExport_10-15-2026/Profile.csv", "profile"),
        ("Profile Summary.csv", "profile_summary"),
        ("Company Follows.csv", "company_follows"),
        ("Member_Follows.csv", "member_follows"),
        ("Hashtag_Follows.csv", "hashtag_follows"),
        ("Saved_Items.csv", "saved_items"),
        ("Recommendations_Received.csv", "recommendations_received"),
    ],
)
def test_name_drift_still_finds_the_kind(name, kind):
    assert kind_for_name(name) == kind


@pytest.mark.parametrize(
    "name",
    ["guide_messages.csv", "learning_coach_messages.csv", "Ad_Targeting.csv", "Logins.csv",
     "Verifications/Verifications.csv", "Connections.txt", "Connections.xlsx"],
)  # fmt: skip
def test_unknown_names_have_no_kind(name):
    assert kind_for_name(name) is None


def test_every_kind_but_articles_has_a_file_name():
    assert set(FILE_KINDS.values()) == set(KINDS) - {"articles"}


@given(
    kind_stem=st.sampled_from(sorted(FILE_KINDS)),
    upper=st.lists(st.booleans(), min_size=40, max_size=40),
    separator=st.sampled_from(["", " ", "_", "  "]),
    member_id=st.one_of(st.none(), st.integers(min_value=1, max_value=10**9)),
    folder=st.sampled_from(["", "Jobs/", "export/sub/"]),
)
def test_case_separators_suffix_and_folder_never_change_the_kind(
    kind_stem, upper, separator, member_id, folder
):
    # Re-spell the folded stem: change case per letter and put separators between
    # letters, as LinkedIn's drift between "Rich Media" and "Rich_Media" does.
    letters = [c.upper() if up else c for c, up in zip(kind_stem, upper, strict=False)]
    stem = separator.join(letters) if separator else "".join(letters)
    suffix = f"_{member_id}" if member_id is not None else ""
    assert kind_for_name(f"{folder}{stem}{suffix}.csv") == FILE_KINDS[kind_stem]


def test_articles_are_html_pages_below_an_articles_folder():
    assert is_article("Articles/Articles/2025-11-21 17_31_01.0-TOON vs JSON.html")
    assert is_article("Articles/2018-03-04 10:11:12.html")
    assert not is_article("Articles.csv")
    assert not is_article("Other/2025-11-21.html")


def test_article_names_give_timestamp_and_title():
    assert article_stem_parts("Articles/Articles/2025-11-21 17_31_01.0-TOON vs JSON.html") == (
        "2025-11-21 17:31:01", "TOON vs JSON",
    )  # fmt: skip
    assert article_stem_parts("Articles/2018-03-04 10:11:12.html") == ("2018-03-04 10:11:12", None)
    assert article_stem_parts("Articles/notes.html") == (None, None)


@pytest.mark.parametrize(
    ("name", "facts"),
    [
        ("Complete_LinkedInDataExport_10-15-2026.zip", ("complete", date(2026, 10, 15))),
        ("Basic_LinkedInDataExport_01-02-2023 (1).zip", ("basic", date(2023, 1, 2))),
        (
            "/home/a/Downloads/Complete_LinkedInDataExport_03-01-2025",
            ("complete", date(2025, 3, 1)),
        ),
        ("LinkedInDataExport_10-15-2026.zip", (None, date(2026, 10, 15))),
        ("Complete_LinkedInDataExport_13-45-2026.zip", ("complete", None)),
        ("my export.zip", (None, None)),
    ],
)
def test_archive_names_give_kind_and_date(name, facts):
    assert archive_name_facts(name) == facts


def test_os_metadata_is_recognised():
    assert is_os_metadata("__MACOSX/._Connections.csv")
    assert is_os_metadata("._Connections.csv")
    assert is_os_metadata("Jobs/.DS_Store")
    assert not is_os_metadata("Connections.csv")
