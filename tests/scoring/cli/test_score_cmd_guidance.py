"""``ssi score`` beside the score: the band, industry and network ranks, and tips.

Network ranks against the bundled peer file are computed by hand from
sample_data/peers_example.csv (8 people) with the mid-rank rule: the share of
peers strictly below the user's value plus half of those equal; "Top X%" is
100 minus that, rounded up.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scoring.samples import sample_path

SAMPLES = Path(sample_path("active_seller")).parents[1]
PEERS = SAMPLES / "peers_example.csv"
OFFICIAL_EN = SAMPLES / "official_en.txt"


def ssi(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scoring", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def passive_with_peers() -> dict:
    run = ssi("score", str(sample_path("passive_job_seeker")), "--json", "--peers", str(PEERS))
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_json_has_band_percentiles_and_tips_beside_the_score(passive_with_peers):
    assert {"as_of", "window_days", "total", "pillars", "band", "percentiles", "tips"} <= set(
        passive_with_peers
    )
    # 35.63 lies between 30 and 70
    assert passive_with_peers["total"] == 35.63
    assert passive_with_peers["band"] == "average"


def test_industry_rank_is_against_the_profile_industry_and_says_its_source(passive_with_peers):
    industry = passive_with_peers["percentiles"]["industry"]
    assert industry["group"] == "IT Services and IT Consulting"
    assert industry["source"] == "modelled_reference"
    assert set(industry["pillars"]) == {"brand", "people", "insights", "relationships"}
    assert 1 <= industry["total"]["top_percent"] <= 100


def test_network_rank_against_the_peer_file_by_hand(passive_with_peers):
    network = passive_with_peers["percentiles"]["network"]
    assert network["source"] == "peer_csv"
    assert network["group"] == "Your peers"  # never the file name
    pillars = {k: v["score"] for k, v in passive_with_peers["pillars"].items()}
    assert pillars == {"brand": 11.84, "people": 6.78, "insights": 3.4, "relationships": 13.61}
    # total 35.63: below are 24.9, 33.1, 29.5 → 3/8 = 37.5 → Top 63%;
    # average (61.4+38.0+52.7+24.9+45.3+33.1+70.6+29.5)/8 = 355.5/8 = 44.4375
    assert network["total"]["percentile"] == 37.5
    assert network["total"]["top_percent"] == 63
    assert network["total"]["average"] == pytest.approx(44.4375, abs=0.005)
    # brand 11.84: below 10.1, 11.0 → 25 → Top 75%
    assert network["pillars"]["brand"]["percentile"] == 25.0
    assert network["pillars"]["brand"]["top_percent"] == 75
    # people 6.78: below 6.2, 3.0, 5.5, 4.1 → 50 → Top 50%
    assert network["pillars"]["people"]["percentile"] == 50.0
    # insights 3.40: below 3.1, 0.8, 2.4, 1.9 → 50
    assert network["pillars"]["insights"]["percentile"] == 50.0
    # relationships 13.61: below 11.0, 13.0, 12.5 → 37.5 → Top 63%
    assert network["pillars"]["relationships"]["top_percent"] == 63


def test_tips_are_ranked_by_gain_and_name_their_pillar(passive_with_peers):
    tips = passive_with_peers["tips"]
    assert len(tips) == 5
    gains = [tip["gain"] for tip in tips]
    assert gains == sorted(gains, reverse=True)
    assert all(g > 0 for g in gains)
    assert all(tip["pillar"] in passive_with_peers["pillars"] for tip in tips)
    assert all("→" in tip["goal"] and tip["text"] for tip in tips)


@pytest.mark.slow
def test_without_a_peer_file_the_network_is_the_estimate_and_says_so():
    run = ssi("score", str(sample_path("active_seller")), "--json", "--tips", "0")
    payload = json.loads(run.stdout)
    # 73.85 is above 70
    assert payload["band"] == "leader"
    assert payload["tips"] == []
    assert payload["percentiles"]["industry"]["group"] == "Software Development"
    assert payload["percentiles"]["network"]["source"] == "estimated_network"
    assert "estimated" in payload["percentiles"]["network_reason"]


@pytest.mark.slow
def test_industry_override_and_official_network_rank():
    run = ssi(
        "score", str(sample_path("newcomer")), "--json", "--tips", "0",
        "--industry", "Management Consulting", "--official", str(OFFICIAL_EN),
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    percentiles = json.loads(run.stdout)["percentiles"]
    assert percentiles["industry"]["group"] == "Management Consulting"
    # the pasted page says "Network SSI rank: Top 11%" and an average SSI of 36
    assert percentiles["network"]["source"] == "official"
    assert percentiles["network"]["total"]["top_percent"] == 11
    assert percentiles["network"]["total"]["average"] == 36


@pytest.mark.slow
def test_human_output_in_german_names_band_ranks_and_sources():
    run = ssi("score", str(sample_path("active_seller")), "--lang", "de", "--tips", "1")
    assert run.returncode == 0, run.stderr
    assert "Vorreiter (über 70)." in run.stdout
    assert "Berechnet gegen: Modellierte Referenz (keine LinkedIn-Daten)" in run.stdout
    assert "Was Ihren Score am meisten steigern würde:" in run.stdout


def test_a_missing_official_file_is_one_line_exit_2(tmp_path):
    run = ssi("score", str(sample_path("newcomer")), "--official", str(tmp_path / "nope.txt"))
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "nope.txt" in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.slow
def test_team_in_the_score_database_is_the_network_without_the_user(tmp_path):
    db = f"sqlite:///{tmp_path / 'team.sqlite'}"
    for persona, member in (
        ("passive_job_seeker", "Deniz"), ("newcomer", "Lena"),
        ("basic", "Sofia"), ("active_seller", "Katharina"),
    ):  # fmt: skip
        stored = ssi("import", str(sample_path(persona)), "--member", member, "--db", db)
        assert stored.returncode == 0, stored.stderr
    run = ssi(
        "score", str(sample_path("active_seller")), "--json", "--tips", "0",
        "--team", "--member", "katharina", "--db", db,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    network = json.loads(run.stdout)["percentiles"]["network"]
    assert network["source"] == "cohort"
    # Katharina herself is left out; 73.85 is above 35.63, 15.68 and 28.36 →
    # percentile 100 → "Top 1%" (LinkedIn never says Top 0%);
    # average (35.63 + 15.68 + 28.36) / 3 = 79.67 / 3 = 26.5567
    assert network["total"]["percentile"] == 100.0
    assert network["total"]["top_percent"] == 1
    assert network["total"]["average"] == pytest.approx(26.5567, abs=0.005)
