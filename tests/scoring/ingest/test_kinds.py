"""Every file of a real export, in each shape seen, read into exactly the expected rows."""

from __future__ import annotations

import ingest_fixtures as F
import pandas as pd
import pytest
from ingest_fixtures import read_export

from scoring.export import COLUMNS, KINDS, PANDAS_DTYPES
from scoring.ingest.privacy import salted_key


def utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def read(files: dict[str, bytes]):
    return read_export(list(files.items()))


def report(data, file: str):
    return next(s for s in data.sources if s.file == file)


@pytest.fixture(scope="module")
def complete():
    return read_export([("Complete_LinkedInDataExport_02-10-2026.zip", F.zip_bytes(F.COMPLETE))])


def test_every_kind_has_exactly_its_columns_and_dtypes(complete):
    assert list(complete.frames) == list(KINDS)
    for kind in KINDS:
        frame = complete.frames[kind]
        assert list(frame.columns) == list(COLUMNS[kind]), kind
        for column, type_ in COLUMNS[kind].items():
            assert str(frame[column].dtype) == str(pd.Series(dtype=PANDAS_DTYPES[type_]).dtype)


def test_rows_per_kind_of_the_complete_fixture(complete):
    rows = {kind: len(frame) for kind, frame in complete.frames.items()}
    assert rows == {
        "connections": 4, "invitations": 3, "messages": 5, "shares": 3, "comments": 3,
        "reactions": 3, "votes": 2, "reposts": 2, "profile": 1, "profile_summary": 1,
        "positions": 2, "education": 2, "skills": 3, "endorsements_received": 3,
        "endorsements_given": 2, "recommendations_received": 2, "recommendations_given": 2,
        "certifications": 1, "courses": 1, "languages": 2, "projects": 1, "honors": 1,
        "volunteering": 1, "publications": 1, "search_queries": 2, "company_follows": 2,
        "member_follows": 2, "hashtag_follows": 1, "saved_items": 1, "rich_media": 5,
        "events": 1, "learning": 2, "articles": 1, "saved_jobs": 1, "job_applications": 1,
    }  # fmt: skip


# --- Connections ------------------------------------------------------------------


def test_connections_preamble_is_found_not_skipped_by_count():
    data = read({"Connections.csv": F.CONNECTIONS})
    frame = data.frame("connections")
    assert len(frame) == 4
    assert list(frame["at"]) == [utc("2026-02-08"), utc("2026-01-15"), utc("2025-12-03"),
                                 utc("2025-11-21")]  # fmt: skip
    assert list(frame["company"].fillna("-")) == [
        "Nordwind Logistik GmbH", "Elbe Maschinenbau, KG", "-", "Helio Systems"
    ]  # fmt: skip
    assert report(data, "Connections.csv").skipped == 0


def test_hidden_profile_rows_are_kept_and_flagged():
    frame = read({"Connections.csv": F.CONNECTIONS}).frame("connections")
    assert list(frame["hidden"]) == [False, False, True, False]
    assert frame["url_key"].isna().tolist() == [False, False, True, False]


def test_connections_2018_without_url_column_and_with_us_dates():
    frame = read({"Connections.csv": F.CONNECTIONS_2018}).frame("connections")
    assert list(frame["at"]) == [utc("2018-09-09 21:05"), utc("2017-12-24 10:15")]
    assert frame["url_key"].isna().all()
    assert not frame["hidden"].any()  # names and companies are there


def test_connections_resaved_by_excel_with_bom_crlf_and_short_dates():
    frame = read({"Connections.csv": F.CONNECTIONS_EXCEL}).frame("connections")
    assert list(frame["at"]) == [utc("2022-09-09"), utc("2023-02-28")]
    assert list(frame["position"]) == ["CPO", "CEO"]


def test_connections_from_german_excel_semicolons_and_windows_1252():
    frame = read({"Connections.csv": F.CONNECTIONS_EXCEL_DE}).frame("connections")
    assert list(frame["company"]) == ["Müller & Söhne", "Helio"]
    assert list(frame["at"]) == [utc("2022-09-09"), utc("2023-02-28")]


# --- Invitations ---------------------------------------------------------------------


def test_invitations_directions_notes_and_keys_matching_connections():
    data = read({"Invitations.csv": F.INVITATIONS, "Connections.csv": F.CONNECTIONS})
    invitations, connections = data.frame("invitations"), data.frame("connections")
    assert list(invitations["direction"]) == ["OUTGOING", "OUTGOING", "INCOMING"]
    assert list(invitations["has_message"]) == [True, False, False]
    assert invitations["at"].iloc[0] == utc("2026-01-29 14:37")
    # Lena's invitation URL has no www. and a final slash, her connection URL has www.
    accepted = invitations["invitee_key"].isin(connections["url_key"].dropna())
    assert list(accepted) == [True, False, False]
    assert invitations["inviter_key"].iloc[2] == connections["url_key"].iloc[3]  # Aylin


def test_invitations_before_2023_have_five_columns_and_no_keys():
    frame = read({"Invitations.csv": F.INVITATIONS_2022}).frame("invitations")
    assert list(frame["direction"]) == ["OUTGOING", "INCOMING"]
    assert list(frame["has_message"]) == [False, True]
    assert frame["inviter_key"].isna().all() and frame["invitee_key"].isna().all()


# --- Messages ------------------------------------------------------------------------


def test_messages_owner_sponsored_drafts_and_undated_rows():
    data = read({"messages.csv": F.MESSAGES, "Profile.csv": F.PROFILE})
    frame = data.frame("messages")
    assert len(frame) == 5  # 6 rows, 1 without a date
    assert report(data, "messages.csv").skip_texts() == {"no date": 1}
    assert list(frame["from_owner"]) == [True, False, False, True, True]
    assert list(frame["sponsored"]) == [False, False, True, False, False]
    assert list(frame["is_draft"]) == [False, False, False, False, True]
    assert list(frame["folder"].fillna("-")) == ["INBOX", "INBOX", "INBOX", "ARCHIVE", "-"]
    assert frame["conversation_id"].nunique() == 3
    assert frame["at"].iloc[0] == utc("2025-06-01 14:03:22")
    assert report(data, "messages.csv").warning_texts() == []


def test_message_owner_without_profile_is_the_most_frequent_sender():
    data = read({"messages.csv": F.MESSAGES})
    assert list(data.frame("messages")["from_owner"]) == [True, False, False, True, True]
    assert report(data, "messages.csv").warning_texts() == [
        "no Profile.csv with your name came with the messages, so the most frequent sender"
        " was taken as you"
    ]


def test_message_owner_guessed_when_no_sender_has_the_profile_name():
    # Profile says "Anna Beispiel"; these two messages come from Lena (1) and Jonas (2),
    # so the owner is Jonas, the more frequent sender, and the reader says why.
    messages = (
        b"CONVERSATION ID,FROM,TO,DATE,CONTENT\n"
        b"2-A==,Lena Hartmann,Jonas Weber,2025-06-01 14:03:22 UTC,Hallo\n"
        b"2-A==,Jonas Weber,Lena Hartmann,2025-06-01 14:05:00 UTC,Hallo zurueck\n"
        b"2-A==,Jonas Weber,Lena Hartmann,2025-06-01 14:06:00 UTC,Noch was\n"
    )
    data = read({"messages.csv": messages, "Profile.csv": F.PROFILE})
    assert list(data.frame("messages")["from_owner"]) == [False, True, True]
    assert report(data, "messages.csv").warning_texts() == [
        "no message sender matches the name in Profile.csv, so the most frequent sender"
        " was taken as you"
    ]


def test_message_owner_comes_from_the_profile_name_not_the_count():
    # Lena sent 1 of 2 messages in the 2026 file: a tie the profile name decides.
    data = read({"messages.csv": F.MESSAGES_2026, "Profile.csv": F.PROFILE})
    frame = data.frame("messages")
    assert list(frame["from_owner"]) == [False, True]
    assert frame["at"].tolist() == [utc("2026-01-10 10:00"), utc("2026-01-10 10:05")]
    assert frame["sponsored"].sum() == 0


def test_messages_2018_shape_uses_direction_and_pairs_for_conversations():
    frame = read({"Messages.csv": F.MESSAGES_2018}).frame("messages")
    assert list(frame["from_owner"]) == [True, False, False]
    ids = list(frame["conversation_id"])
    assert ids[0] == ids[1] != ids[2]
    assert frame["at"].iloc[2] == utc("2018-09-11 19:00")


def test_no_conversations_found_is_an_empty_messages_file():
    data = read({"messages.csv": F.MESSAGES_NONE, "Profile.csv": F.PROFILE})
    assert data.has("messages") and len(data.frame("messages")) == 0
    assert report(data, "messages.csv").warning_texts() == [
        "the file only says “No conversations found”; no rows"
    ]


# --- Posts and engagement ------------------------------------------------------------


def test_shares_multiline_posts_are_counted_in_characters():
    frame = read({"Shares.csv": F.SHARES}).frame("shares")
    assert list(frame["chars"]) == [len(F.SHARE_1), len("Short post"), len(F.SHARE_3)]
    assert list(frame["is_reshare"]) == [False, True, False]
    assert list(frame["has_media"]) == [False, False, True]
    assert list(frame["is_group"]) == [False, False, True]
    assert list(frame["visibility"]) == ["MEMBER_NETWORK", "PUBLIC", "CONNECTIONS"]


def test_shares_2022_crlf_and_old_url_headers():
    frame = read({"Shares.csv": F.SHARES_2022}).frame("shares")
    assert list(frame["chars"]) == [len("Line one\nLine two"), 0]
    assert list(frame["is_reshare"]) == [False, True]


def test_comments_with_backslash_escaped_quotes_keep_every_row_whole():
    frame = read({"Comments.csv": F.COMMENTS}).frame("comments")
    assert list(frame["chars"]) == [len(F.COMMENT_1), len("Agreed"), len(F.COMMENT_3)]
    assert list(frame["is_group"]) == [False, True, False]


def test_reactions_types_comment_reactions_and_groups():
    frame = read({"Reactions.csv": F.REACTIONS}).frame("reactions")
    assert list(frame["type"]) == ["LIKE", "PRAISE", "EMPATHY"]
    assert list(frame["is_group"]) == [False, False, True]
    assert frame["link"].str.contains("commentUrn").tolist() == [False, True, False]


def test_votes_with_crlf_and_reposts_with_member_id_suffix():
    data = read({"Votes.csv": F.VOTES, "InstantReposts_17529409.csv": F.REPOSTS})
    assert list(data.frame("votes")["at"]) == [utc("2025-08-06 10:00"), utc("2025-08-07 10:00")]
    assert len(data.frame("reposts")) == 2


# --- Profile and résumé ---------------------------------------------------------------


def test_profile_and_summary_fill_the_profile_object():
    data = read({"Profile.csv": F.PROFILE, "Profile Summary.csv": F.PROFILE_SUMMARY})
    assert data.profile.display_name == "Anna Beispiel"
    assert data.profile.headline == "Enterprise sales for logistics software"
    assert data.profile.industry == "Software Development"
    assert data.profile.location == "Hamburg"
    assert data.profile.summary == "I help logistics teams buy software.\nTen years in SaaS sales."
    assert data.frame("profile")["websites"].iloc[0] == "[COMPANY:https://example.com]"
    # Birth Date ("Aug 12", no year) is not kept, and not an unreadable date either.
    assert report(data, "Profile.csv").warning_texts() == []


def test_positions_current_one_has_no_end():
    frame = read({"Positions.csv": F.POSITIONS}).frame("positions")
    assert list(frame["at"]) == [utc("2023-08-01"), utc("2019-03-01")]
    assert frame["finished_on"].isna().tolist() == [True, False]
    assert list(frame["has_description"]) == [True, False]


def test_education_year_only_and_month_year_dates():
    frame = read({"Education.csv": F.EDUCATION}).frame("education")
    assert list(frame["at"]) == [utc("2013-01-01"), utc("2019-08-01")]
    assert list(frame["finished_on"]) == [utc("2017-01-01"), utc("2021-07-01")]
    assert list(frame["school"]) == ["Universität Hamburg", "HSBA Hamburg"]


@pytest.mark.parametrize(
    ("name", "data", "kind", "first_at"),
    [
        ("Projects.csv", F.PROJECTS, "projects", "2022-11-01"),
        ("Projects.csv", F.PROJECTS_2018, "projects", "2017-04-01"),
        ("Honors.csv", F.HONORS, "honors", "2023-05-01"),
        ("Honors.csv", F.HONORS_2018, "honors", "2018-01-01"),
        ("Certifications.csv", F.CERTIFICATIONS, "certifications", "2022-10-01"),
        ("Volunteering.csv", F.VOLUNTEERING, "volunteering", "2019-06-01"),
        ("Publications.csv", F.PUBLICATIONS, "publications", "2023-05-12"),
        ("Recommendations_Received.csv", F.RECOMMENDATIONS_RECEIVED,
         "recommendations_received", "2024-12-05 10:15"),
        ("Company Follows.csv", F.COMPANY_FOLLOWS, "company_follows", "2022-08-16 12:34:56"),
        ("Member_Follows.csv", F.MEMBER_FOLLOWS, "member_follows", "2025-01-01 10:00"),
        ("Hashtag_Follows.csv", F.HASHTAG_FOLLOWS, "hashtag_follows", "2024-03-01 10:00"),
        ("Saved_Items.csv", F.SAVED_ITEMS, "saved_items", "2024-05-02 11:00"),
        ("Saved_Items.csv", F.SAVED_ITEMS_2025, "saved_items", "2025-05-02 11:00"),
        ("Events.csv", F.EVENTS, "events", "2024-09-12 18:00"),
        ("Learning.csv", F.LEARNING, "learning", "2023-05-01 14:22"),
        ("Jobs/Saved Jobs.csv", F.SAVED_JOBS, "saved_jobs", "2022-09-14 09:05"),
        ("Jobs/Job Applications.csv", F.JOB_APPLICATIONS, "job_applications", "2022-10-01 15:00"),
        ("SearchQueries.csv", F.SEARCH_QUERIES, "search_queries", "2025-08-01 10:00"),
        ("Search Queries.csv", F.SEARCH_QUERIES_2018, "search_queries", "2018-03-01 10:00"),
    ],
)  # fmt: skip
def test_date_shape_of_each_file(name, data, kind, first_at):
    assert read({name: data}).frame(kind)["at"].iloc[0] == utc(first_at)


def test_small_files_keep_their_text_columns(complete):
    assert list(complete.frame("skills")["name"]) == [
        "Negotiation",
        "Solution Selling",
        "Salesforce",
    ]
    assert list(complete.frame("languages")["proficiency"]) == [
        "Native or bilingual proficiency", "Full professional proficiency"
    ]  # fmt: skip
    assert list(complete.frame("recommendations_received")["status"].fillna("-")) == [
        "VISIBLE",
        "-",
    ]
    assert list(complete.frame("member_follows")["status"]) == ["Active", "Unfollow"]
    assert list(complete.frame("hashtag_follows")["state"]) == ["FOLLOW"]
    assert list(complete.frame("search_queries")["chars"]) == [
        len("head of procurement hamburg"), len("logistics")
    ]  # fmt: skip
    assert list(complete.frame("saved_jobs")["company"]) == ["Helio"]
    assert list(complete.frame("certifications")["finished_on"]) == [utc("2025-10-01")]


def test_learning_na_dates_are_empty_not_errors():
    data = read({"Learning.csv": F.LEARNING})
    frame = data.frame("learning")
    assert frame["completed_at"].tolist()[0] == utc("2023-05-03 18:00")
    assert frame["at"].isna().tolist() == [False, True]
    assert report(data, "Learning.csv").warning_texts() == []


def test_rich_media_sentences_give_type_and_moment():
    frame = read({"Rich_Media.csv": F.RICH_MEDIA}).frame("rich_media")
    assert list(frame["media_type"]) == [
        "profile_photo", "background_photo", "feed_photo", "feed_video", "feed_document"
    ]  # fmt: skip
    assert list(frame["at"]) == [utc("2025-03-09 09:04"), utc("2025-03-09 09:10"),
                                 utc("2025-04-02 17:30"), utc("2025-04-03 12:00"),
                                 utc("2024-12-01 23:59")]  # fmt: skip


def test_rich_media_2022_type_link_shape_has_types_but_no_dates():
    frame = read({"Rich Media.csv": F.RICH_MEDIA_2022}).frame("rich_media")
    assert list(frame["media_type"]) == ["profile_photo", "background_photo"]
    assert frame["at"].isna().all()


def test_articles_take_date_and_title_from_the_file_name_or_the_page():
    data = read({F.ARTICLE_NEW: F.ARTICLE_HTML, F.ARTICLE_2018: F.ARTICLE_HTML})
    frame = data.frame("articles")
    assert list(frame["at"]) == [utc("2018-03-04 10:11:12"), utc("2025-11-21 17:31:01")]
    assert set(frame["title"]) == {"TOON vs JSON", "Why we sell"}
    assert [s.file for s in data.sources] == [F.ARTICLE_NEW, F.ARTICLE_2018]


# --- Two files of one kind -----------------------------------------------------------


def test_two_endorsement_files_are_both_read_and_deduplicated():
    data = read({
        "Endorsement Received Info.csv": F.ENDORSEMENTS_UTF16,
        "Endorsement_Received_Info.csv": F.ENDORSEMENTS_UTF8,
    })  # fmt: skip
    frame = data.frame("endorsements_received")
    # 3 UTF-8 rows + 3 UTF-16 rows of which 2 repeat a UTF-8 row = 4.
    assert len(frame) == 4
    assert sorted(frame["skill"]) == [
        "Negotiation",
        "Negotiation",
        "Salesforce",
        "Solution Selling",
    ]
    # The current (UTF-8) file wins: repeated rows keep its ACCEPTED status.
    assert list(frame["status"]).count("REDACTED") == 1
    utf16 = report(data, "Endorsement Received Info.csv")
    assert (utf16.rows, utf16.skipped) == (1, 2)
    assert utf16.skip_texts() == {"repeats a row of another file": 2}
    assert report(data, "Endorsement_Received_Info.csv").rows == 3


def test_endorsements_given_keys_and_status():
    frame = read({"Endorsement_Given_Info.csv": F.ENDORSEMENTS_GIVEN}).frame("endorsements_given")
    assert list(frame["status"]) == ["ACCEPTED", "ACCEPTED"]
    assert frame["endorsee_key"].nunique() == 2


def test_the_same_file_given_twice_is_read_once():
    export = F.zip_bytes({"Connections.csv": F.CONNECTIONS})
    data = read_export([("Connections.csv", F.CONNECTIONS), ("export.zip", export)])
    assert len(data.frame("connections")) == 4
    assert [s.rows for s in data.sources] == [4, 0]
    assert data.sources[1].warning_texts() == ["same content as Connections.csv; read once"]


# --- Files without rows, and rows without data ----------------------------------------


def test_header_only_file_is_present_with_zero_rows_and_a_warning():
    data = read({"Votes.csv": b"Date,Link,OptionText\n", "Profile.csv": F.PROFILE})
    assert data.has("votes") and len(data.frame("votes")) == 0
    assert report(data, "Votes.csv").warning_texts() == ["the file has a header but no rows"]


def test_warnings_and_skip_reasons_are_data_rendered_in_each_language():
    data = read(
        {
            "Reactions.csv": b"Date,Type,Link\n2025-06-01 10:00:00,LIKE,x\n,LIKE,y\n"
            b"2025-06-02 10:00:00,LIKE,z\n",
            "Votes.csv": b"Date,Link,OptionText\n",
        }
    )
    votes = report(data, "Votes.csv")
    assert votes.warnings[0].key == "ingest.warning.header_only"
    assert votes.warning_texts("de") == ["die Datei hat eine Kopfzeile, aber keine Zeilen"]
    reactions = report(data, "Reactions.csv")
    assert reactions.skip_reasons == {"ingest.skip.no_date": 1}
    assert reactions.skip_texts("de") == {"kein Datum": 1}


def test_a_count_in_a_warning_is_written_the_way_each_language_writes_numbers():
    rows = b"".join(b"Acme,Dev,someday\n" for _ in range(1500))
    data = read({"Positions.csv": b"Company Name,Title,Started On\n" + rows})
    positions = report(data, "Positions.csv")
    assert positions.warnings[0].params == {"count": 1500, "column": "Started On"}
    assert positions.warning_texts("en") == [
        "1,500 values in column Started On are no date shape this reader knows; "
        "they were left empty"
    ]
    assert positions.warning_texts("de") == [
        "1.500 Werte in der Spalte Started On sind in keinem bekannten Datumsformat; "
        "sie wurden leer gelassen"
    ]


def test_empty_file_beside_readable_ones_is_a_warning():
    data = read({"Skills.csv": b"", "Profile.csv": F.PROFILE})
    assert data.has("skills") and len(data.frame("skills")) == 0
    assert report(data, "Skills.csv").warning_texts() == [
        "the file is empty; nothing was read from it"
    ]


def test_rows_that_are_all_empty_are_skipped_and_counted():
    data = read({"Languages.csv": b"Name,Proficiency\nGerman,Native\n , \n\n,\nEnglish,Full\n"})
    assert list(data.frame("languages")["name"]) == ["German", "English"]
    # " , " and "," are rows of empty cells; the blank line is no row at all.
    assert report(data, "Languages.csv").skip_texts() == {"empty row": 2}


def test_rows_with_more_fields_than_the_header_are_counted_as_malformed():
    data = read({"Reactions.csv": b"Date,Type,Link\n2025-01-01 10:00:00,LIKE,x,extra\n"
                                  b"2025-01-02 10:00:00,LIKE,y\n"})  # fmt: skip
    assert len(data.frame("reactions")) == 1
    assert report(data, "Reactions.csv").skip_texts() == {
        "malformed line (more fields than the header)": 1
    }


def test_event_rows_with_unreadable_dates_are_skipped_by_reason():
    data = read({"Reactions.csv": b"Date,Type,Link\n2025-01-01 10:00:00,LIKE,a\n"
                                  b"yesterday,LIKE,b\n,LIKE,c\n"})  # fmt: skip
    assert len(data.frame("reactions")) == 1
    assert report(data, "Reactions.csv").skip_texts() == {"unreadable date": 1, "no date": 1}


def test_unreadable_optional_dates_are_kept_empty_with_a_warning():
    data = read({"Positions.csv": b"Company Name,Title,Started On,Finished On\n"
                                  b"Helio,AE,sometime,Jul 2023\n"})  # fmt: skip
    assert data.frame("positions")["at"].isna().tolist() == [True]
    assert report(data, "Positions.csv").warning_texts() == [
        "1 values in column Started On are no date shape this reader knows; they were left empty"
    ]


def test_extra_columns_are_fine():
    data = read({"Skills.csv": b"Name,Endorsement Count,Note\nSAP,3,x\n"})
    assert list(data.frame("skills")["name"]) == ["SAP"]


def test_keys_are_salted_hashes_not_the_values():
    frame = read({"Connections.csv": F.CONNECTIONS}).frame("connections")
    key = salted_key(pd.Series(["linkedin.com/in/lena-hartmann-4b1a2"])).iloc[0]
    assert frame["url_key"].iloc[0] == key
    assert len(key) == 16 and "lena" not in key
