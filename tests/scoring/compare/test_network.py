"""Peer files: reading, validation with clear errors, and mid-rank percentiles."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from scoring.compare.network import (
    PeerFileError,
    mid_rank_percentile,
    peer_table,
    read_peers,
    without_member,
)

SAMPLE = Path(__file__).resolve().parents[3] / "sample_data" / "peers_example.csv"
HEADER = "member,industry,total,brand,people,insights,relationships\n"


def test_the_bundled_peer_file_is_read() -> None:
    peers = read_peers(SAMPLE)
    assert list(peers.columns) == ["member", "industry", "total", "brand", "people",
                                   "insights", "relationships"]  # fmt: skip
    assert len(peers) == 8
    anna = peers.iloc[0]
    assert (anna["member"], anna["industry"], anna["total"], anna["brand"]) == (
        "Anna Berger", "Management Consulting", 61.4, 19.2,
    )  # fmt: skip


GERMAN = (
    "Name;Branche;SSI;Marke;Personen;Einblicke;Beziehungen\r\n"
    "Jana Müller;Bankwesen;41,5;14,25;8;4,25;15\r\n"
    "Tom;;22;9;3;1;9\r\n"
)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig", "utf-16"])
def test_german_excel_csv_with_semicolons_and_decimal_commas(encoding: str) -> None:
    peers = read_peers(("team.csv", GERMAN.encode(encoding)))
    assert peers["member"].tolist() == ["Jana Müller", "Tom"]
    assert peers["total"].tolist() == [41.5, 22.0]
    assert peers["brand"].tolist() == [14.25, 9.0]
    assert peers["industry"].isna().tolist() == [False, True]


def test_blank_member_names_get_their_line_number() -> None:
    peers = read_peers(("p.csv", (HEADER + ",,40,10,10,10,10\n").encode()))
    assert peers["member"].tolist() == ["#2"]


@pytest.mark.parametrize(
    ("body", "code", "params"),
    [
        ("", "error.peers.empty", {}),
        (HEADER, "error.peers.empty", {}),
        ("member,total\nA,40\n", "error.peers.columns",
         {"missing": "brand, people, insights, relationships"}),
        (HEADER + "A,X,40,10,10,10,10\nB,X,abc,10,10,10,10\n", "error.peers.value",
         {"line": 3, "column": "total", "value": "abc"}),
        (HEADER + "A,X,40,30,5,3,2\n", "error.peers.value",
         {"line": 2, "column": "brand", "maximum": 25}),
        (HEADER + "A,X,40,10,10,10,\n", "error.peers.value",
         {"column": "relationships", "value": ""}),
        (HEADER + "A,X,80,10,10,10,10\n", "error.peers.sum",
         {"line": 2, "pillar_sum": 40.0}),
    ],
)  # fmt: skip
def test_bad_peer_files_name_file_line_and_column(body: str, code: str, params: dict) -> None:
    with pytest.raises(PeerFileError) as caught:
        read_peers(("team.csv", body.encode()))
    assert caught.value.code == code
    assert caught.value.params["file"] == "team.csv"
    for key, value in params.items():
        assert caught.value.params[key] == value
    assert "team.csv" in caught.value.message("de")


def test_a_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PeerFileError) as caught:
        read_peers(tmp_path / "nope.csv")
    assert caught.value.code == "error.peers.missing"


def test_binary_junk_is_not_a_csv() -> None:
    with pytest.raises(PeerFileError):
        read_peers(("x.csv", b"\x00\x01\x02\x9f\xff" * 20))


def test_mid_rank_counts_half_of_the_ties() -> None:
    values = np.array([10.0, 20.0, 30.0, 40.0])
    assert mid_rank_percentile(25.0, values) == 50.0  # 2 below of 4
    assert mid_rank_percentile(20.0, values) == 37.5  # (1 + 0.5) / 4
    assert mid_rank_percentile(5.0, values) == 0.0
    assert mid_rank_percentile(45.0, values) == 100.0


def test_the_user_is_removed_from_their_own_team() -> None:
    table = peer_table(pd.DataFrame({"member": ["Ann", "Bob"], "total": [40, 30], "brand": [10, 5],
                                     "people": [10, 5], "insights": [10, 10],
                                     "relationships": [10, 10]}))  # fmt: skip
    assert without_member(table, " ann ")["member"].tolist() == ["Bob"]
    assert len(without_member(table, None)) == 2
