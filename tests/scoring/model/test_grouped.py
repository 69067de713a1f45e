"""The grouped model pass equals the per-member evaluation, member by member, to the last bit.

Every test builds one event table of many members with varied activity (every
kind the model reads, undated rows, statuses in odd case and spacing, same-second
message ties, conversations without id, members without some files, members
with only an empty-file marker), splits it with the batch's table reader, and
compares :func:`scoring.model.grouped.evaluate_members` over all members with
:func:`scoring.model.score.evaluate` on each member's own export.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scoring.batch.table import split_table
from scoring.model import load_config
from scoring.model.grouped import evaluate_members
from scoring.model.score import day_number, evaluate

EXPORT = pd.Timestamp("2026-10-15", tz="UTC")
SPAN_DAYS = 400
COMPANIES = ["Acme", "acme ", "ACME  Corp", "acme corp", "Beta", "", None]
POSITIONS = ["VP Sales", "Account Executive", "Head of Growth", "Product Owner",
             "Geschäftsführer", "Vertriebsleiterin", None]  # fmt: skip
SKILLS = ["Sales", "sales", " SALES", "CRM", "Negotiation", "Excel", "Python", "Lead Gen",
          "Cold Calling", "", None]  # fmt: skip
PEOPLE = [f"p{i}" for i in range(25)] + [None]
TEXTS = ["Account Executive", "  ", "", None, "Hi\tthere"]
INDUSTRIES = ["Software Development", "Retail", "Basket weaving", None]

#: kind → column → values to draw from (``"ts"``: a moment; ``"bool"``: true/false).
KIND_COLUMNS: dict[str, dict[str, object]] = {
    "profile_summary": {"summary": TEXTS},
    "positions": {"at": "ts", "finished_on": "ts", "company": COMPANIES, "has_description": "bool"},
    "education": {"at": "ts"},
    "skills": {"name": SKILLS},
    "certifications": {"at": "ts"},
    "courses": {"name": ["Negotiation 101"]},
    "languages": {"name": ["German"]},
    "volunteering": {"at": "ts"},
    "projects": {"at": "ts"},
    "honors": {"at": "ts"},
    "rich_media": {"at": "ts", "media_type": ["profile_photo", "Profile_Photo ",
                                             "background_photo", "video", None]},
    "endorsements_received": {"at": "ts", "skill": SKILLS, "endorser_key": ["e1", "e2", None],
                              "status": ["ACCEPTED", "visible", "", None, "HIDDEN"]},
    "recommendations_received": {"at": "ts", "status": ["VISIBLE", " visible", None, "HIDDEN"]},
    "articles": {"at": "ts"},
    "shares": {"at": "ts", "has_media": "bool", "is_group": "bool"},
    "reposts": {"at": "ts"},
    "comments": {"at": "ts", "is_group": "bool"},
    "reactions": {"at": "ts", "is_group": "bool"},
    "votes": {"at": "ts"},
    "search_queries": {"at": "ts"},
    "member_follows": {"at": "ts", "status": ["Active", "Unfollow", " unfollow ", None]},
    "company_follows": {"at": "ts"},
    "invitations": {"at": "ts", "direction": ["OUTGOING", "incoming", " Outgoing", None],
                    "has_message": "bool", "invitee_key": PEOPLE},
    "connections": {"at": "ts", "company": COMPANIES, "position": POSITIONS, "url_key": PEOPLE},
    "messages": {"at": "ts", "conversation_id": ["c0", "c1", "c2", "c3", "c4", None],
                 "from_owner": "bool", "sponsored": "bool", "is_draft": "bool",
                 "folder": ["INBOX", "spam", " SPAM", "", None]},
}  # fmt: skip
#: The model's own kinds get more rows: they carry the counts.
HEAVY = {"messages": 60, "connections": 40, "invitations": 20, "reactions": 20}


def _moments(rng: np.random.Generator, n: int, whole_seconds: bool) -> list[str | None]:
    # hours, so that messages of one conversation often share a second
    hours = rng.integers(0, SPAN_DAYS * 24, size=n)
    at = EXPORT - pd.to_timedelta(hours, unit="h")
    if not whole_seconds:
        at = at + pd.to_timedelta(rng.integers(0, 1000, size=n), unit="ms")
    text = [t.isoformat() for t in at]
    return [None if rng.random() < 0.08 else t for t in text]


def member_table(
    seed: int, members: int, *, whole_seconds: bool = True, sparse: bool = False
) -> pa.Table:
    """An event table of ``members`` members drawn from ``seed`` (see the module docstring)."""
    rng = np.random.default_rng(seed)
    parts = []
    for member in range(members):
        name = f"m{member:03d}"
        profile = {
            "headline": rng.choice(np.array(TEXTS, dtype=object)),
            "summary": rng.choice(np.array(TEXTS, dtype=object)),
            "industry": rng.choice(np.array(INDUSTRIES, dtype=object)),
            "location": rng.choice(np.array(TEXTS, dtype=object)),
        }
        if rng.random() < 0.9:
            parts.append(pd.DataFrame([{"member": name, "kind": "profile", **profile}]))
        if rng.random() < 0.3:
            parts.append(pd.DataFrame({"member": [name], "export_date": ["2026-10-20"]}))
        for kind, columns in KIND_COLUMNS.items():
            draw = rng.random()
            if draw < (0.5 if sparse else 0.15):
                continue  # no file of this kind
            if draw < (0.6 if sparse else 0.22):
                parts.append(pd.DataFrame({"member": [name], "kind": [kind]}))  # an empty file
                continue
            n = int(rng.integers(1, HEAVY.get(kind, 6) + 1))
            rows: dict[str, object] = {"member": [name] * n, "kind": [kind] * n}
            for column, values in columns.items():
                if values == "ts":
                    rows[column] = _moments(rng, n, whole_seconds)
                elif values == "bool":
                    rows[column] = rng.choice(["true", "false"], size=n).tolist()
                else:
                    rows[column] = rng.choice(np.array(values, dtype=object), size=n).tolist()
            parts.append(pd.DataFrame(rows))
    frame = pd.concat(parts, ignore_index=True)
    frame["kind"] = frame["kind"].fillna("search_queries")  # the export_date rows
    frame = frame.sample(frac=1.0, random_state=seed).reset_index(drop=True)  # any order
    return pa.Table.from_pandas(frame.astype("string"), preserve_index=False)


def assert_grouped_equals_per_member(table: pa.Table, as_of: date | None = None) -> int:
    """Compare both passes for every member; the number of members compared."""
    config = load_config()
    batch = split_table(table, as_of)
    days = np.array(
        [
            day_number(as_of or batch.export_date(code)) if code not in batch.problems else 0
            for code in range(len(batch))
        ]
    )
    grouped = evaluate_members(batch.member_frames(), days, window=90, config=config)
    compared = 0
    for code, job in enumerate(batch):
        assert job.data is not None, job.problem
        single = evaluate(job.data, np.array([days[code]]), window=90, config=config, manual=None)
        for key in single.values:
            got, want = grouped.values[key][code], single.values[key][0]
            assert (np.isnan(got) and np.isnan(want)) or got == want, (job.member, key, got, want)
            assert grouped.scored.points[key][code] == single.points[key][0], (job.member, key)
            assert grouped.missing[key][code] == single.missing[key][0], (job.member, key)
        for pillar, score in single.pillars.items():
            assert grouped.scored.pillars[pillar][code] == score[0], (job.member, pillar)
        assert grouped.scored.total[code] == single.total[0], job.member
        compared += 1
    return compared


@pytest.mark.slow
def test_two_hundred_varied_members_equal_their_own_evaluation():
    assert assert_grouped_equals_per_member(member_table(7, 200)) == 200


@pytest.mark.slow
def test_sub_second_times_take_the_three_key_sort_and_still_equal():
    assert assert_grouped_equals_per_member(member_table(8, 60, whole_seconds=False)) == 60


def test_one_as_of_day_for_everyone_equals_their_own_evaluation():
    assert assert_grouped_equals_per_member(member_table(9, 40), date(2026, 6, 30)) == 40


def test_members_with_few_files_equal_their_own_evaluation():
    assert assert_grouped_equals_per_member(member_table(10, 40, sparse=True)) == 40


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**31),
    members=st.integers(1, 8),
    whole_seconds=st.booleans(),
    sparse=st.booleans(),
)
def test_any_drawn_batch_equals_its_members_own_evaluation(seed, members, whole_seconds, sparse):
    table = member_table(seed, members, whole_seconds=whole_seconds, sparse=sparse)
    assert assert_grouped_equals_per_member(table) == members


def test_the_counts_are_those_of_a_hand_built_pair():
    # Ana: 3 searches in the window (one is 91 days old: out), Ben: 1 of 2 invitations
    # sent with a note; neither has the other's file, so that is a missing input.
    rows = pd.DataFrame(
        {
            "member": ["Ana"] * 4 + ["Ben"] * 3,
            "kind": ["search_queries"] * 4 + ["invitations"] * 3,
            "at": [
                *("2026-10-15", "2026-07-18", "2026-07-16", "2026-10-01"),
                *("2026-10-01", "2026-10-02", "2026-10-03"),
            ],
            "direction": [None] * 4 + ["OUTGOING", "outgoing ", "INCOMING"],
            "has_message": [None] * 4 + ["true", "false", "true"],
            "export_date": "2026-10-15",
        }
    ).astype("string")
    batch = split_table(pa.Table.from_pandas(rows, preserve_index=False))
    days = np.full(2, day_number(date(2026, 10, 15)))
    grouped = evaluate_members(batch.member_frames(), days, window=90, config=load_config())
    assert grouped.values["people_searches"][0] == 3.0
    assert np.isnan(grouped.values["people_searches"][1])
    assert grouped.values["invitations_sent"][1] == 2.0
    assert grouped.values["invitations_with_note"][1] == 1.0
    assert np.isnan(grouped.values["invitations_with_note"][0])
    assert grouped.missing["invitations_sent"].tolist() == [True, False]
    # 3 of a 200 target on a linear curve of weight 6: 0.09 points
    assert grouped.scored.points["people_searches"][0] == 0.09
