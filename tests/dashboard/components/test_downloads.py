"""CSV downloads: formulas neutralised in every file, and German files for German Excel."""

from __future__ import annotations

import io
import os

import pandas as pd
import pytest
from builders import fixed_now
from dashboard_fixtures import sample_score, store_sample

from dashboard.components.downloads import (
    csv_bytes,
    history_csv,
    leaderboard_csv,
    neutralised,
    score_csv,
)
from scoring.store import Store

FORMULA_NAME = "=cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        (FORMULA_NAME, "'" + FORMULA_NAME),
        ("+49 89 1234", "'+49 89 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Anna = Boss", "Anna = Boss"),
        ("", ""),
    ],
)
def test_a_cell_that_starts_like_a_formula_is_prefixed(cell: str, written: str) -> None:
    frame = pd.DataFrame({"member": [cell], "total": [-1.5]})
    out = neutralised(frame)
    assert out["member"].tolist() == [written]
    assert out["total"].tolist() == [-1.5]  # numbers stay numbers, negative ones too


def test_english_csv_is_plain_utf8_with_commas() -> None:
    frame = pd.DataFrame({"member": [FORMULA_NAME], "total": [73.85], "stale": [True]})
    assert csv_bytes(frame, "en") == b"member,total,stale\n'=cmd|' /C calc'!A0,73.85,True\n"


def test_german_csv_is_for_german_excel() -> None:
    frame = pd.DataFrame({"member": [FORMULA_NAME, "Anna"], "total": [73.85, 1500.5]})
    frame["stale"] = [True, False]
    raw = csv_bytes(frame, "de")
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark
    assert raw.decode("utf-8-sig") == (
        "member;total;stale\n'=cmd|' /C calc'!A0;73,85;ja\nAnna;1500,5;nein\n"
    )
    back = pd.read_csv(io.BytesIO(raw), sep=";", decimal=",", encoding="utf-8-sig")
    assert back["total"].tolist() == [73.85, 1500.5]


def test_score_and_history_csv_follow_the_language() -> None:
    score = sample_score("newcomer")
    german = score_csv(score, "de").decode("utf-8-sig").splitlines()
    assert german[0] == (
        "as_of;pillar;pillar_score;key;label;value;target;points;max_points;missing_input;status"
    )
    brand = str(score.pillars["brand"].score).replace(".", ",")
    assert german[1].startswith(f"2026-10-15;brand;{brand};profile_completeness;")
    assert german[1].endswith(";nein;measured")
    history = pd.DataFrame(
        {"as_of": ["2026-10-11"], "total": [12.5], **{p: [3.125] for p in ("brand", "people")}}
    ).assign(insights=3.125, relationships=3.125)
    assert history_csv(history, "de") == (
        "\ufeffas_of;total;brand;people;insights;relationships\n"
        "2026-10-11;12,5;3,125;3,125;3,125;3,125\n"
    ).encode("utf-8")


def test_the_leaderboard_csv_neutralises_a_formula_member_name() -> None:
    store_sample(os.environ["SSI_DATABASE_URL"], "newcomer", FORMULA_NAME)
    store = Store(os.environ["SSI_DATABASE_URL"], now=fixed_now)
    board = store.team()
    score = sample_score("newcomer")
    rows = leaderboard_csv(board, "de").decode("utf-8-sig").splitlines()
    assert (
        rows[0]
        == "Rang;Mitglied;Branche;Datum;Gesamt;Marke;Personen;Einblicke;Beziehungen;Veränderung"
    )
    total = f"{score.total:.2f}".replace(".", ",")
    assert rows[1].startswith(f"1;'{FORMULA_NAME};")
    assert f";2026-10-15;{total};" in rows[1]
