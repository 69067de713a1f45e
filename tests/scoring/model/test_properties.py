"""Properties of the whole model, over random exports (hypothesis).

* bounded: every sub-metric in [0, its weight], pillars in [0, 25], total = their sum;
* monotone: adding rows of any kind never lowers a sub-metric, a pillar or the total,
  on any date of the history;
* removing activity files never raises the score;
* deterministic: the same export scores the same, whatever the order of its rows.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from builders import make_export
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.export import ExportData
from scoring.model import ManualInputs, score_as_of, score_history
from scoring.results import PILLARS

EXPORT_DATE = date(2026, 10, 15)
FIRST_DAY = date(2025, 9, 1)
SPAN = (EXPORT_DATE - FIRST_DAY).days + 20  # a few rows fall after the export date

KEYS = ["k0", "k1", "k2", "k3", "k4", "k5"]
COMPANIES = ["Acme", "acme ", "Beta GmbH", "Gamma", None, ""]
TITLES = ["VP Sales", "Engineer", "Leiterin Einkauf", "Product Owner", "Founder", None]
CONVERSATIONS = ["c0", "c1", "c2", "c3"]


@st.composite
def stamps(draw, undated: bool = True) -> str | None:
    if undated and draw(st.integers(0, 19)) == 0:
        return None
    day = FIRST_DAY + timedelta(days=draw(st.integers(0, SPAN)))
    seconds = draw(st.integers(0, 86_399))
    return f"{day.isoformat()} {seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def text(options) -> st.SearchStrategy:
    return st.sampled_from(options)


ROWS: dict[str, st.SearchStrategy] = {
    "connections": st.fixed_dictionaries(
        {
            "at": stamps(),
            "company": text(COMPANIES),
            "position": text(TITLES),
            "url_key": text(KEYS),
        }
    ),
    "invitations": st.fixed_dictionaries(
        {
            "at": stamps(),
            "direction": text(["OUTGOING", "INCOMING"]),
            "has_message": st.booleans(),
            "invitee_key": text(KEYS),
        }
    ),
    "messages": st.fixed_dictionaries(
        {
            "at": stamps(),
            "conversation_id": text(CONVERSATIONS),
            "from_owner": st.booleans(),
            "sponsored": st.booleans(),
            "is_draft": st.booleans(),
            "folder": text(["INBOX", "SPAM", None]),
        }
    ),
    "shares": st.fixed_dictionaries(
        {
            "at": stamps(),
            "has_media": st.booleans(),
            "is_group": st.booleans(),
            "is_reshare": st.booleans(),
        }
    ),
    "comments": st.fixed_dictionaries({"at": stamps(), "is_group": st.booleans()}),
    "reactions": st.fixed_dictionaries({"at": stamps(), "is_group": st.booleans()}),
    "votes": st.fixed_dictionaries({"at": stamps()}),
    "reposts": st.fixed_dictionaries({"at": stamps()}),
    "search_queries": st.fixed_dictionaries({"at": stamps()}),
    "member_follows": st.fixed_dictionaries(
        {"at": stamps(), "status": text(["Active", "Unfollow"])}
    ),
    "company_follows": st.fixed_dictionaries({"at": stamps()}),
    "endorsements_received": st.fixed_dictionaries(
        {
            "at": stamps(),
            "skill": text(["Sales", "sales", "CRM"]),
            "endorser_key": text(KEYS),
            "status": text(["ACCEPTED", "REJECTED", None]),
        }
    ),
    "recommendations_received": st.fixed_dictionaries(
        {"at": stamps(), "status": text(["VISIBLE", "HIDDEN", None])}
    ),
    "articles": st.fixed_dictionaries({"at": stamps()}),
    "rich_media": st.fixed_dictionaries(
        {"at": stamps(), "media_type": text(["profile_photo", "background_photo", "feed_photo"])}
    ),
    "positions": st.fixed_dictionaries(
        {
            "at": stamps(),
            "finished_on": stamps(),
            "company": text(COMPANIES),
            "has_description": st.booleans(),
        }
    ),
    "education": st.fixed_dictionaries({"at": stamps()}),
    "skills": st.fixed_dictionaries({"name": text(["A", "B", "C", "D", "E", "F", "a"])}),
    "certifications": st.fixed_dictionaries({"at": stamps()}),
    "courses": st.fixed_dictionaries({"name": text(["X"])}),
}
KINDS = tuple(ROWS)
ACTIVITY = (
    "shares",
    "comments",
    "reactions",
    "votes",
    "reposts",
    "search_queries",
    "member_follows",
    "messages",
    "invitations",
)

PROFILES = st.fixed_dictionaries(
    {f: st.sampled_from([None, "", "set"]) for f in ("headline", "summary", "industry", "location")}
)


@st.composite
def exports(draw) -> dict:
    """A random export as rows per kind (plus which files it 'had') and a profile."""
    rows = {kind: draw(st.lists(ROWS[kind], max_size=8)) for kind in KINDS}
    present = {kind for kind in KINDS if rows[kind] or draw(st.booleans())}
    return {"rows": rows, "present": present, "profile": draw(PROFILES)}


def build(spec: dict) -> ExportData:
    frames = {
        kind: pd.DataFrame(rows) for kind, rows in spec["rows"].items() if kind in spec["present"]
    }
    return make_export(
        export_date=EXPORT_DATE,
        profile=spec["profile"],
        present=spec["present"] | {"profile"},
        **frames,
    )


def history_of(data: ExportData, manual: ManualInputs | None = None) -> pd.DataFrame:
    return score_history(data, freq="W", start=FIRST_DAY, end=EXPORT_DATE, manual=manual)


MANUAL = st.one_of(
    st.none(),
    st.builds(ManualInputs, profile_views_90d=st.floats(0, 500), saved_leads_90d=st.floats(0, 80)),
)
SCORE_COLUMNS = ["total", *PILLARS]


@pytest.mark.slow
@settings(max_examples=40)
@given(spec=exports(), manual=MANUAL)
def test_scores_are_bounded_and_add_up(spec, manual):
    score = score_as_of(build(spec), manual=manual)
    for pillar in score.pillars.values():
        assert 0 <= pillar.score <= 25
        for m in pillar.metrics:
            assert 0 <= m.points <= m.max_points
        assert pillar.score == round(sum(m.points for m in pillar.metrics), 2)
    assert 0 <= score.total <= 100
    assert score.total == round(sum(p.score for p in score.pillars.values()), 2)


@pytest.mark.slow
@settings(max_examples=60)
@given(spec=exports(), kind=st.sampled_from(KINDS), data=st.data(), manual=MANUAL)
def test_adding_rows_of_any_kind_never_lowers_a_score(spec, kind, data, manual):
    extra = data.draw(st.lists(ROWS[kind], min_size=1, max_size=6), label="extra rows")
    bigger = {
        **spec,
        "rows": {**spec["rows"], kind: spec["rows"][kind] + extra},
        "present": spec["present"] | {kind},
    }
    before = history_of(build(spec), manual)
    after = history_of(build(bigger), manual)
    points = [c for c in before.columns if c.startswith("points.")]
    difference = after[SCORE_COLUMNS + points] - before[SCORE_COLUMNS + points]
    assert (difference >= 0).all().all(), difference.min()[difference.min() < 0]


@pytest.mark.slow
@settings(max_examples=40)
@given(spec=exports(), removed=st.sets(st.sampled_from(ACTIVITY), min_size=1))
def test_removing_activity_files_never_scores_higher(spec, removed):
    fewer = {
        **spec,
        "present": spec["present"] - removed,
        "rows": {k: ([] if k in removed else v) for k, v in spec["rows"].items()},
    }
    full, partial = history_of(build(spec)), history_of(build(fewer))
    assert (partial[SCORE_COLUMNS] <= full[SCORE_COLUMNS]).all().all()


@pytest.mark.slow
@settings(max_examples=20)
@given(spec=exports(), seed=st.integers(0, 2**16))
def test_scores_are_deterministic_and_ignore_row_order(spec, seed):
    rng = np.random.default_rng(seed)
    shuffled = {
        **spec,
        "rows": {k: [v[i] for i in rng.permutation(len(v))] for k, v in spec["rows"].items()},
    }
    first = score_as_of(build(spec))
    assert score_as_of(build(spec)) == first
    assert score_as_of(build(shuffled)) == first
