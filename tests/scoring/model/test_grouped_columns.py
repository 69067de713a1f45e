"""The grouped pass reads no text column beyond ``TEXT_COLUMNS_READ``.

A batch that is not stored leaves every other text column of the event table
unread (scoring/batch/table.py); these tests hold the pass to the list: frames
cut down to the listed text columns (and every date, flag and number) score as
the whole frames do, and the pass would fail on a column it reads unlisted.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scoring.batch.table import split_table
from scoring.export import COLUMNS
from scoring.model import load_config
from scoring.model.grouped import TEXT_COLUMNS_READ, MemberFrames, evaluate_members
from scoring.model.score import day_number
from tests.scoring.model.test_grouped import member_table


def _kept(kind: str) -> list[str]:
    listed = TEXT_COLUMNS_READ.get(kind, ())
    return [c for c, typ in COLUMNS[kind].items() if typ != "str" or c in listed]


def test_the_listed_columns_are_columns_of_their_kind():
    for kind, columns in TEXT_COLUMNS_READ.items():
        assert set(columns) <= {c for c, typ in COLUMNS[kind].items() if typ == "str"}, kind


def test_frames_with_only_the_listed_text_columns_score_as_the_whole_frames():
    batch = split_table(member_table(11, 60))
    frames = batch.member_frames()
    cut = MemberFrames(
        members=frames.members,
        # a column the pass reads but the list lacks is a KeyError here
        frames={kind: frame[_kept(kind)] for kind, frame in frames.frames.items()},
        codes=frames.codes,
        present=frames.present,
        complete=frames.complete,
    )
    days = np.array(
        [
            day_number(batch.export_date(code)) if code not in batch.problems else 0
            for code in range(len(batch))
        ]
    )
    config = load_config()

    whole = evaluate_members(frames, days, window=90, config=config)
    lean = evaluate_members(cut, days, window=90, config=config)

    for key, values in whole.values.items():
        np.testing.assert_array_equal(lean.values[key], values, err_msg=key)
    np.testing.assert_array_equal(lean.scored.total, whole.scored.total)
    # the generated members do have text in the columns the pass reads
    assert frames.frames["messages"]["conversation_id"].notna().any()
    assert isinstance(frames.frames["messages"], pd.DataFrame)
