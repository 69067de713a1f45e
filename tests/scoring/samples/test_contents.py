"""The manifest tells the truth: rows counted by an independent, plain ``csv`` parse.

Expected numbers come from personas.toml (written out in the comments), never
from the generator's own output.
"""

from __future__ import annotations

import csv
import io
import re

import pandas as pd
import pytest

from scoring.samples import PERSONAS

EXPORT_DAY = pd.Timestamp("2026-10-15")
CONNECTIONS_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
SPINMAIL = '<p class="spinmail-quill-editor'


def parse(name: str, raw: bytes) -> list[list[str]]:
    """Header + rows of one member, read the way its documented format demands."""
    if raw.startswith(b"\xff\xfe"):
        return list(csv.reader(io.StringIO(raw.decode("utf-16")), delimiter="\t"))
    text = raw.decode("utf-8")
    if name.startswith("Connections"):
        # The header comes after the Notes: preamble; find it, never skip a fixed count.
        lines = text.split("\n")
        text = "\n".join(lines[lines.index(CONNECTIONS_HEADER) :])
    if name.startswith("Comments"):
        return list(csv.reader(io.StringIO(text), escapechar="\\", doublequote=False))
    return list(csv.reader(io.StringIO(text)))


def rows_of(members, persona: str, name: str) -> list[dict[str, str]]:
    header, *rows = parse(name, members(persona)[name])
    return [dict(zip(header, row, strict=True)) for row in rows]


def test_every_csv_member_has_the_rows_the_manifest_says(persona, built, members):
    manifest = built(persona)[1]
    files = members(persona)
    assert sorted(files) == sorted(f.name for f in manifest.files)
    for entry in manifest.files:
        if entry.name.endswith(".html"):
            assert entry.rows == entry.kept == 1
            continue
        header, *rows = parse(entry.name, files[entry.name])
        assert len(rows) == entry.rows, entry.name
        assert all(len(row) == len(header) for row in rows), entry.name
        assert entry.kept + sum(entry.skipped.values()) == entry.rows


def test_counts_come_from_the_persona_file(built):
    kept = built("active_seller")[1].kept_by_kind()
    # personas.toml, active_seller: 1500 connections; 64 incoming + 120 outgoing
    # invitations = 184; 2100 thread messages + 28 sponsored = 2128; 140 follows +
    # 12 unfollows = 152; 96 + (40 - 4 repeated) received endorsements = 132.
    assert kept["connections"] == 1500
    assert kept["invitations"] == 184
    assert kept["messages"] == 2128
    assert kept["member_follows"] == 152
    assert kept["endorsements_received"] == 132
    assert (kept["shares"], kept["comments"], kept["reactions"]) == (290, 960, 2600)
    assert (kept["votes"], kept["reposts"], kept["search_queries"]) == (45, 70, 880)
    assert kept["articles"] == 5


def test_connections_preamble_hidden_rows_and_missing_final_newline(members):
    raw = members("active_seller")["Connections.csv"]
    lines = raw.decode().split("\n")
    assert lines[0] == "Notes:"
    assert lines[1].startswith('"When exporting your connection data') and lines[1].endswith('"')
    assert lines[2] == ""
    assert lines[3] == CONNECTIONS_HEADER
    assert not raw.endswith(b"\n")
    rows = rows_of(members, "active_seller", "Connections.csv")
    hidden = [r for r in rows if not r["URL"]]
    # personas.toml: hidden = 14, with_email = 13 (of 1500, under 1%).
    assert len(hidden) == 14
    assert all(
        r["Connected On"] and not any(v for k, v in r.items() if k != "Connected On")
        for r in hidden
    )
    assert sum(1 for r in rows if r["Email Address"]) == 13
    assert all(re.fullmatch(r"\d\d [A-Z][a-z]{2} \d{4}", r["Connected On"]) for r in rows)


def test_invitations_both_directions_and_acceptance_by_url(members):
    connections = {r["URL"] for r in rows_of(members, "active_seller", "Connections.csv")} - {""}
    rows = rows_of(members, "active_seller", "Invitations.csv")
    incoming = [r for r in rows if r["Direction"] == "INCOMING"]
    outgoing = [r for r in rows if r["Direction"] == "OUTGOING"]
    # personas.toml: incoming 64 (47 accepted), outgoing 120 (58 accepted, 74 with a note).
    assert (len(incoming), len(outgoing)) == (64, 120)
    assert sum(r["inviterProfileUrl"] in connections for r in incoming) == 47
    assert sum(r["inviteeProfileUrl"] in connections for r in outgoing) == 58
    assert sum(bool(r["Message"]) for r in outgoing) == 74
    pattern = r"\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M"
    assert all(re.fullmatch(pattern, r["Sent At"]) for r in rows)
    sent = pd.to_datetime(pd.Series([r["Sent At"] for r in rows]), format="%m/%d/%y, %I:%M %p")
    # Invitations cover only the last 180 days before the export.
    assert sent.min() >= EXPORT_DAY - pd.Timedelta(days=180)
    assert sent.max() < EXPORT_DAY


def test_messages_quoting_sponsored_rows_and_recipients(built, members):
    raw = members("active_seller")["messages.csv"].decode()
    assert raw.startswith('"CONVERSATION ID","CONVERSATION TITLE","FROM"')
    rows = rows_of(members, "active_seller", "messages.csv")
    facts = built("active_seller")[1].file("messages.csv").facts
    sponsored = [r for r in rows if r["CONTENT"].startswith(SPINMAIL)]
    assert len(sponsored) == 28 == facts["sponsored"]  # personas.toml: sponsored = 28
    assert all(r["SENDER PROFILE URL"] == "" for r in sponsored)
    assert sum(r["FROM"] == "Katharina Vogelsang" for r in rows) == facts["from_owner"]
    assert sum("," in r["RECIPIENT PROFILE URLS"] for r in rows) == facts["group"] > 0
    assert {r["FOLDER"] for r in rows} >= {"INBOX", "ARCHIVE"}
    assert sum(r["IS MESSAGE DRAFT"] == "true" for r in rows) == 2
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", r["DATE"]) for r in rows)
    guide = members("active_seller")["guide_messages.csv"].decode()
    assert guide.count("\n") == 1 and guide.startswith('"CONVERSATION ID"')


def test_shares_multiline_wrapping_and_group_links(built, members):
    name = "Shares_17529409.csv"
    rows = rows_of(members, "active_seller", name)
    facts = built("active_seller")[1].file(name).facts
    wrapped = [r["ShareCommentary"] for r in rows if '"\n"' in r["ShareCommentary"]]
    assert len(wrapped) == facts["multiline"] > 0
    unwrapped = [w.replace('"\n"', "\n").strip('"') for w in wrapped]
    assert all("\n\n" in text and '"' not in text for text in unwrapped)
    assert sum("groupPost" in r["ShareLink"] for r in rows) == facts["group"]
    # 290 posts: round(0.06 * 290) = 17 group posts; round(0.15 * 273) = 41 reshares.
    assert facts["group"] == 17
    assert sum(bool(r["SharedUrl"]) for r in rows) == 41
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", r["Date"]) for r in rows)


def test_comments_need_the_backslash_escape(members):
    raw = members("active_seller")["Comments_17529409.csv"].decode()
    assert '\\"' in raw
    naive = list(csv.reader(io.StringIO(raw)))
    # A default parser mis-splits the rows with escaped quotes; the right one does not.
    assert any(len(row) != 3 for row in naive)
    assert len(rows_of(members, "active_seller", "Comments_17529409.csv")) == 960


def test_reactions_to_comments_and_group_posts(built, members):
    name = "Reactions_17529409.csv"
    rows = rows_of(members, "active_seller", name)
    facts = built("active_seller")[1].file(name).facts
    assert sum("?commentUrn=" in r["Link"] for r in rows) == facts["to_comment"] > 0
    assert sum("groupPost" in r["Link"] for r in rows) == facts["group"] > 0
    assert {r["Type"] for r in rows} <= {
        "LIKE", "PRAISE", "EMPATHY", "APPRECIATION", "INTEREST", "ENTERTAINMENT",
    }  # fmt: skip


def test_two_endorsement_files_overlap_in_four_rows(built, members):
    legacy_raw = members("active_seller")["Endorsement Received Info.csv"]
    assert legacy_raw.startswith(b"\xff\xfe")
    text = legacy_raw.decode("utf-16")
    assert text.splitlines()[0].startswith('"Endorsement Date"\t"Skill Name"')
    assert text.endswith("\r\n") and "\r\n" in text
    legacy = rows_of(members, "active_seller", "Endorsement Received Info.csv")
    current = rows_of(members, "active_seller", "Endorsement_Received_Info.csv")
    assert "Display Status" in legacy[0]
    key = ("Endorsement Date", "Skill Name", "Endorser First Name", "Endorser Last Name")
    overlap = {tuple(r[k] for k in key) for r in legacy} & {
        tuple(r[k] for k in key) for r in current
    }
    assert len(overlap) == 4  # personas.toml: legacy_duplicates = 4
    entry = built("active_seller")[1].file("Endorsement Received Info.csv")
    assert (entry.rows, entry.kept, entry.skipped) == (40, 36, {"duplicate": 4})


def test_crlf_files_and_plain_lf_elsewhere(members):
    assert members("active_seller")["Votes.csv"].count(b"\r\n") == 46  # header + 45 votes
    reactions = members("passive_job_seeker")["Reactions_90417733.csv"]
    assert reactions.count(b"\n") == reactions.count(b"\r\n") == 231  # header + 230
    assert b"\r\n" not in members("active_seller")["SearchQueries.csv"]


def test_article_files_carry_their_date_in_the_name(members):
    names = [n for n in members("active_seller") if n.startswith("Articles/")]
    assert len(names) == 5
    pattern = r"Articles/Articles/\d{4}-\d\d-\d\d \d\d_\d\d_\d\d\.0-[^/]+\.html"
    assert all(re.fullmatch(pattern, n) for n in names)


def test_rich_media_sentences_cover_feed_and_profile_images(members):
    rows = rows_of(members, "active_seller", "Rich_Media.csv")
    sentence = (
        r"You uploaded (a|an) [a-z ]+ on [A-Z][a-z]+ \d{1,2}, \d{4} at \d{1,2}:\d\d [AP]M \(GMT\)"
    )
    assert all(re.fullmatch(sentence, r["Date/Time"]) for r in rows)
    text = " ".join(r["Date/Time"] for r in rows)
    assert text.count("a profile photo") == 2 and text.count("a profile background photo") == 1
    shares = rows_of(members, "active_seller", "Shares_17529409.csv")
    # Every feed upload belongs to a post with media, plus 3 profile images.
    assert len(rows) == sum(bool(r["MediaUrl"]) for r in shares) + 3
    newcomer = rows_of(members, "newcomer", "Rich_Media.csv")
    assert not any("profile" in r["Date/Time"] for r in newcomer)


def test_file_names_drift_like_real_archives(members):
    seller, seeker, newcomer = (
        set(members(p)) for p in ("active_seller", "passive_job_seeker", "newcomer")
    )
    assert {"Shares_17529409.csv", "Comments_17529409.csv", "Reactions_17529409.csv",
            "InstantReposts_17529409.csv"} <= seller  # fmt: skip
    assert {"Jobs/Saved Jobs.csv", "Jobs/Job Applications.csv"} <= seeker
    assert {"Shares.csv", "Comments.csv", "Reactions.csv"} <= newcomer


def test_basic_archive_lacks_every_activity_file(built, members):
    names = set(members("basic"))
    activity = ("Shares", "Comments", "Reactions", "Votes", "SearchQueries", "Member_Follows")
    assert not any(n.startswith(activity) for n in names)
    manifest = built("basic")[1]
    assert manifest.archive_name == "Basic_LinkedInDataExport_10-15-2026.zip"
    assert manifest.ignored == ["Email Addresses.csv", "Registration.csv"]


@pytest.mark.parametrize(
    ("name", "column", "pattern"),
    [
        ("SearchQueries.csv", "Time", r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d UTC"),
        (
            "Company Follows.csv",
            "Followed On",
            r"[A-Z][a-z]{2} [A-Z][a-z]{2} \d\d \d\d:\d\d:\d\d UTC \d{4}",
        ),
        ("Member_Follows.csv", "Date", r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"),
        ("Hashtag_Follows.csv", "CreatedTime", r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"),
        ("Saved_Items.csv", "CreatedTime", r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"),
        ("Endorsement_Given_Info.csv", "Endorsement Date", r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d UTC"),
        ("Recommendations_Received.csv", "Creation Date", r"\d\d/\d\d/\d\d, \d\d:\d\d [AP]M"),
        ("Positions.csv", "Started On", r"[A-Z][a-z]{2} \d{4}"),
        ("Certifications.csv", "Started On", r"[A-Z][a-z]{2} \d{4}"),
        ("Publications.csv", "Published On", r"[A-Z][a-z]{2} \d{1,2}, \d{4}"),
        ("Events.csv", "Event Time", r"([A-Z][a-z]{2} \d\d, \d{4} \d\d:\d\d [AP]M)( - )?" * 2),
        (
            "Learning.csv",
            "Content Completed At (if completed)",
            r"\d{4}-\d\d-\d\d \d\d:\d\d UTC|N/A",
        ),
        ("InstantReposts_17529409.csv", "Date", r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"),
    ],
)
def test_dates_have_their_files_shape(members, name, column, pattern):
    rows = rows_of(members, "active_seller", name)
    assert rows and all(re.fullmatch(pattern, r[column]) for r in rows)


def test_job_files_use_the_short_us_shape(members):
    rows = rows_of(members, "passive_job_seeker", "Jobs/Saved Jobs.csv")
    assert len(rows) == 38  # personas.toml: saved_jobs = 38
    assert all(
        re.fullmatch(r"\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M", r["Saved Date"]) for r in rows
    )


def test_learning_header_ends_with_a_comma(members):
    first_line = members("active_seller")["Learning.csv"].decode().split("\n")[0]
    assert first_line.endswith("Notes taken on videos (if taken),")


def test_every_persona_in_the_toml_is_built(built):
    assert set(PERSONAS) == {"active_seller", "passive_job_seeker", "newcomer", "basic"}
    assert [built(p)[1].archive_kind for p in PERSONAS] == [
        "complete",
        "complete",
        "complete",
        "basic",
    ]
