"""compare(): industry and network percentiles, each with the source it is computed against."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from builders import make_export

from scoring.compare import compare, percentiles_payload
from scoring.compare.compare import shown_percentile
from scoring.compare.reference import ALL_INDUSTRIES, COLUMNS, validated_reference
from scoring.errors import InputError
from scoring.official import OfficialReading
from scoring.results import PILLARS, PillarScore, Score

PEERS = Path(__file__).resolve().parents[3] / "sample_data" / "peers_example.csv"
P = np.arange(101, dtype=float)


def _reference():
    """Members: total uniform on [0, 50] (q(p) = p/2); network: [10, 60]; pillars a quarter."""
    rows = []
    for group in (ALL_INDUSTRIES, "Software Development", "Management Consulting"):
        for basis, q in (("members", P / 2), ("network", P / 2 + 10)):
            for measure in ("total", *PILLARS):
                values = q if measure == "total" else q / 4
                rows.append([group, basis, measure, 101, float(values.mean()), *values])
    return validated_reference(pd.DataFrame(rows, columns=list(COLUMNS)))


def _score(total: float = 30.0, pillars=(5.0, 7.5, 2.5, 15.0)) -> Score:
    return Score(
        as_of=date(2026, 10, 15),
        window_days=90,
        total=total,
        pillars={
            p: PillarScore(key=p, score=v, metrics=())
            for p, v in zip(PILLARS, pillars, strict=True)
        },
        model_version="test",
    )


REFERENCE = _reference()


def test_industry_from_the_profile_alias_and_the_estimated_network() -> None:
    data = make_export(profile={"industry": "Computer Software"})
    result = compare(_score(), data, reference=REFERENCE)
    industry = result.industry
    assert (industry.group, industry.source, industry.size) == (
        "Software Development", "modelled_reference", 101,
    )  # fmt: skip
    # total 30 = q(60 %) of p/2; the mean of p/2 over p = 0..100 is 25.
    assert industry.total.model_dump() == {"percentile": 60.0, "top_percent": 40, "average": 25.0}
    # brand 5 = q(40 %)/4, people 7.5 = q(60 %)/4, insights 2.5 = q(20 %)/4, 15 above 12.5.
    assert [industry.pillars[p].percentile for p in PILLARS] == [40.0, 60.0, 20.0, 100.0]
    assert [industry.pillars[p].top_percent for p in PILLARS] == [60, 40, 80, 1]
    assert industry.pillars["brand"].average == 6.25
    assert [n.key for n in industry.notes] == ["compare.note.modelled"]
    network = result.network
    # Network quantiles p/2 + 10: 30 = q(40 %); mean 35.
    assert (network.source, network.group) == ("estimated_network", "Your network")
    assert network.total.model_dump() == {"percentile": 40.0, "top_percent": 60, "average": 35.0}
    assert result.network_reason.key == "compare.reason.estimated"


def test_unknown_profile_industry_falls_back_to_all_industries_with_a_note() -> None:
    data = make_export(profile={"industry": "Basket Weaving"})
    result = compare(_score(), data, reference=REFERENCE)
    assert result.industry.group == ALL_INDUSTRIES
    note = result.industry.notes[0]
    assert note.key == "compare.note.industry_fallback"
    assert "Basket Weaving" in note.text("de")
    assert compare(_score(), None, reference=REFERENCE).industry.notes[0].key == (
        "compare.note.no_industry"
    )


def test_an_explicit_industry_overrides_the_profile_and_must_be_known() -> None:
    data = make_export(profile={"industry": "Computer Software"})
    chosen = compare(_score(), data, industry="unternehmensberatung", reference=REFERENCE)
    assert chosen.industry.group == "Management Consulting"
    with pytest.raises(InputError) as caught:
        compare(_score(), data, industry="Basket Weaving", reference=REFERENCE)
    assert caught.value.code == "error.compare.industry"
    assert "Software Development" in caught.value.params["known"]


def test_a_peer_file_ranks_by_mid_rank_and_averages_the_peers() -> None:
    result = compare(_score(total=50.0), peers=PEERS, reference=REFERENCE)
    network = result.network
    assert (network.source, network.group, network.size) == ("peer_csv", "Your peers", 8)
    # Totals below 50: 38.0, 24.9, 45.3, 33.1, 29.5 → 5 of 8 = 62.5 %, top ceil(37.5) = 38.
    # Average: (61.4+38+52.7+24.9+45.3+33.1+70.6+29.5) / 8 = 355.5 / 8 = 44.4375.
    assert network.total.model_dump() == {"percentile": 62.5, "top_percent": 38, "average": 44.44}
    # Every peer's brand is above 5: nobody below.
    assert network.pillars["brand"].percentile == 0.0
    assert result.network_reason is None


def test_the_users_own_row_is_left_out_of_the_peers() -> None:
    result = compare(_score(total=50.0), peers=PEERS, member="anna berger", reference=REFERENCE)
    assert result.network.size == 7
    # Without Anna (61.4): still 5 below, of 7 → 71.4 %.
    assert result.network.total.percentile == 71.4


def test_cohort_comes_first_and_a_too_small_one_falls_back_with_a_reason() -> None:
    cohort = pd.DataFrame({"member": ["A", "B", "C"], "industry": [None] * 3,
                           "total": [20.0, 40.0, 60.0], "brand": [5.0, 10, 15],
                           "people": [5.0, 10, 15], "insights": [5.0, 10, 15],
                           "relationships": [5.0, 10, 15]})  # fmt: skip
    first = compare(_score(total=40.0), cohort=cohort, peers=PEERS, reference=REFERENCE)
    assert (first.network.source, first.network.size) == ("cohort", 3)
    assert first.network.total.percentile == 50.0  # (1 + 0.5) / 3
    small = compare(_score(total=40.0), cohort=cohort.iloc[:2], peers=PEERS, reference=REFERENCE)
    assert small.network.source == "peer_csv"
    assert small.network_reason.key == "compare.reason.too_few"
    assert "Your team" in small.network_reason.text("en")


def test_the_official_network_rank_is_used_as_linkedin_states_it() -> None:
    reading = OfficialReading(
        as_of=date(2026, 5, 4), total=53, network_top_pct=11, network_average=36,
        network_pillars={"brand": 13.22, "people": 4.36, "insights": 2.38, "relationships": 16.31},
    )  # fmt: skip
    result = compare(_score(), official=reading, reference=REFERENCE)
    network = result.network
    assert network.source == "official" and network.size is None
    assert network.total.model_dump() == {"percentile": 89.0, "top_percent": 11, "average": 36.0}
    assert network.pillars["relationships"].average == 16.31
    assert network.pillars["relationships"].percentile is None
    assert "04.05.2026" in network.notes[0].text("de")


def test_without_any_source_and_no_estimate_the_network_is_null_with_a_reason() -> None:
    reading = OfficialReading(total=53)  # no network rank
    result = compare(_score(), official=reading, estimate_network=False, reference=REFERENCE)
    assert result.network is None
    assert result.network_reason.key == "compare.reason.official_no_rank"
    bare = compare(_score(), estimate_network=False, reference=REFERENCE)
    assert bare.network_reason.key == "compare.reason.no_source"


def test_payload_has_exactly_the_documented_shape() -> None:
    payload = percentiles_payload(compare(_score(), reference=REFERENCE), "de")
    assert set(payload) == {"industry", "network", "network_reason"}
    for group in (payload["industry"], payload["network"]):
        assert set(group) == {"group", "source", "total", "pillars"}
        assert set(group["total"]) == {"percentile", "top_percent", "average"}
        assert set(group["pillars"]) == set(PILLARS)
    assert payload["industry"]["source"] == "modelled_reference"
    assert payload["network_reason"].startswith("Es wurden kein Team")


def test_a_peer_file_is_named_by_its_people_never_by_its_file_name() -> None:
    network = compare(_score(total=50.0), peers=PEERS, reference=REFERENCE).network
    assert network.group_label("en") == "Your peers (8 people)"
    assert network.group_label("de") == "Ihre Vergleichsgruppe (8 Personen)"
    # 5 of the 8 peer totals are below 50 (see above): 62.5 %.
    assert network.percentile_text("en") == "Higher than 62.5% of your peers (8 people)"
    assert network.percentile_text("de") == "Höher als 62,5 % Ihrer Vergleichsgruppe (8 Personen)"
    # The peers' distribution comes along for the chart: Hazen quantiles of the 8 totals,
    # whose lowest sits at 1/16 = 6.25 %: the 0 % and 1 % … 6 % quantiles are the minimum.
    assert network.quantiles["total"][0] == 24.9 and network.quantiles["total"][100] == 70.6
    assert len(network.quantiles["total"]) == 101
    assert network.values["total"] == (24.9, 29.5, 33.1, 38.0, 45.3, 52.7, 61.4, 70.6)


def test_percentile_phrases_follow_the_group_in_both_languages() -> None:
    data = make_export(profile={"industry": "Computer Software"})
    result = compare(_score(), data, reference=REFERENCE)
    # Industry 60.0 % and estimated network 40.0 % (first test).
    assert result.industry.percentile_text("en") == (
        "Higher than 60.0% of the Software Development industry"
    )
    assert result.industry.percentile_text("de") == (
        "Höher als 60,0 % der Branche „Softwareentwicklung“"
    )
    assert result.industry.group_label("de") == "Softwareentwicklung"
    assert result.network.percentile_text("en") == "Higher than 40.0% of your network"
    assert result.network.percentile_text("de") == "Höher als 40,0 % Ihres Netzwerks"
    everyone = compare(_score(), None, reference=REFERENCE).industry
    assert everyone.percentile_text("de") == "Höher als 60,0 % aller Branchen"


def test_never_higher_than_100_percent_unless_above_every_score() -> None:
    assert [shown_percentile(p) for p in (99.96, 99.94, 100.0, 0.0, 0.04)] == [
        99.9, 99.9, 100.0, 0.0, 0.1,
    ]  # fmt: skip
    # Members' totals are p/2 on [0, 50]: 49.99 is at 99.98 %, just short of the top.
    near = compare(_score(total=49.99), reference=REFERENCE).industry
    assert near.total.percentile == 99.9 and near.total.top_percent == 1
    assert near.percentile_text("en") == "Higher than 99.9% of all industries"
    # 80 is above every one of the 8 peers (highest 70.6).
    above = compare(_score(total=80.0), peers=PEERS, reference=REFERENCE).network
    assert above.total.percentile == 100.0
    assert above.percentile_text("en") == "Higher than every score of your peers (8 people)"
    assert above.percentile_text("de") == "Höher als jeder Wert Ihrer Vergleichsgruppe (8 Personen)"


def test_too_small_a_team_says_besides_you_only_when_you_are_in_it() -> None:
    cohort = pd.DataFrame({"member": ["A", "B"], "industry": [None] * 2,
                           "total": [20.0, 40.0], "brand": [5.0, 10], "people": [5.0, 10],
                           "insights": [5.0, 10], "relationships": [5.0, 10]})  # fmt: skip
    outside = compare(_score(), cohort=cohort, reference=REFERENCE).network_reason
    assert outside.text("en") == (
        "Your team (members stored in this app) has only 2 people; "
        "at least 3 are needed for a rank."
    )
    assert "außer Ihnen" not in outside.text("de")
    you = pd.concat([cohort, cohort.iloc[:1].assign(member="Me")], ignore_index=True)
    inside = compare(_score(), cohort=you, member="me", reference=REFERENCE).network_reason
    assert inside.text("en").startswith(
        "Your team (members stored in this app) has only 2 people besides you;"
    )
    assert "enthält außer Ihnen nur 2 Personen" in inside.text("de")
    # A caller that left the user's row out already says so.
    told = compare(_score(), cohort=cohort, in_cohort=True, reference=REFERENCE).network_reason
    assert "besides you" in told.text("en")


def test_the_estimate_is_ranked_against_each_source_on_its_own() -> None:
    reading = OfficialReading(as_of=date(2026, 5, 4), total=53, network_top_pct=11,
                              network_average=36)  # fmt: skip
    result = compare(_score(total=50.0), peers=PEERS, official=reading, reference=REFERENCE)
    assert [n.source for n in result.networks] == ["peer_csv", "official", "estimated_network"]
    assert result.network == result.networks[0]
    peers, official, estimated = result.networks
    assert peers.total.percentile == 62.5
    assert official.total.top_percent == 11 and official.quantiles == {}
    # 50 on the network's p/2 + 10 (10 to 60): q(80 %).
    assert estimated.total.percentile == 80.0
    assert estimated.quantiles["total"][80] == 50.0


def test_averages_name_their_group_as_the_object_in_both_languages() -> None:
    peers = compare(_score(total=50.0), peers=PEERS, reference=REFERENCE).network
    # 355.5 / 8 = 44.4375 (see above), to one decimal as the CLI shows it.
    assert peers.average_text("en", decimals=1) == "Average of your peers (8 people): 44.4"
    assert peers.average_text("de", decimals=1) == (
        "Durchschnitt Ihrer Vergleichsgruppe (8 Personen): 44,4"
    )
    data = make_export(profile={"industry": "Computer Software"})
    result = compare(_score(), data, reference=REFERENCE)
    # Members p/2: mean 25; network p/2 + 10: mean 35.
    assert result.industry.average_text("de") == (
        "Durchschnitt der Branche „Softwareentwicklung“: 25,00"
    )
    assert result.network.average_text("en") == "Average of your network: 35.00"
    assert result.network.average_text("de", measure="brand") == (
        "Durchschnitt Ihres Netzwerks: 8,75"
    )
