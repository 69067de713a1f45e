"""Distinct counts of the grouped pass: marked in an array when few pairs can occur, else sorted.

Both ways give the same counts; the sorted way is what a batch of very many
members takes, so it is checked here on the generated members by lowering the
bound (tests/scoring/model/test_grouped.py covers the marked way).
"""

from __future__ import annotations

import numpy as np
import pytest

from scoring.model import grouped, load_config
from scoring.model.grouped import MemberFrames, _Pass
from tests.scoring.model.test_grouped import assert_grouped_equals_per_member, member_table


def _run(members: int) -> _Pass:
    frames = MemberFrames(members=members, frames={}, codes={}, present={}, complete=np.zeros(0))
    return _Pass(frames, np.zeros(members, dtype=np.int64), 90, load_config())


@pytest.mark.parametrize("dense", [1 << 25, 0])
def test_distinct_keys_are_counted_per_member(monkeypatch, dense):
    monkeypatch.setattr(grouped, "DENSE_PAIRS", dense)
    codes = np.array([0, 0, 2, 2, 2, 2], dtype=np.int32)
    keys = np.array([3, 3, 0, 2, 2, 7])

    # member 0: key 3 twice (1); member 1: none; member 2: keys 0, 2, 7 (3)
    assert _run(3).distinct(codes, keys).tolist() == [1.0, 0.0, 3.0]


def test_sorted_distinct_counts_equal_the_per_member_evaluation(monkeypatch):
    monkeypatch.setattr(grouped, "DENSE_PAIRS", 0)

    assert assert_grouped_equals_per_member(member_table(12, 40)) == 40
