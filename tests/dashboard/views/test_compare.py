"""The Compare page: ranks with their sources, distributions, peer files, official readings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest
from builders import fixed_now
from dashboard_fixtures import metrics, open_page, plotly_charts, sample_data, sample_score

from dashboard.components.charts import distribution_bars
from scoring.compare import compare, load_reference
from scoring.i18n import fmt_number, fmt_signed, t
from scoring.model import score_as_of, score_history
from scoring.official import parse_official
from scoring.store import Store

OFFICIAL_EN = Path(__file__).resolve().parents[3] / "sample_data" / "official_en.txt"
PEERS = b"member,industry,total,brand,people,insights,relationships\n" + b"".join(
    f"P{i},Software Development,{t_},{t_ / 4},{t_ / 4},{t_ / 4},{t_ / 4}\n".encode()
    for i, t_ in enumerate((10.0, 20.0, 40.0, 60.0, 80.0))
)


def test_ranks_name_their_group_and_source(make_app) -> None:
    at = open_page(make_app(sample="active_seller"), "compare")
    expected = compare(sample_score("active_seller"), sample_data("active_seller"))
    shown = metrics(at)
    assert (
        shown[expected.industry.group_label("en")] == f"Top {expected.industry.total.top_percent}%"
    )
    assert shown["Your network"] == f"Top {expected.network.total.top_percent}%"
    captions = "\n".join(c.value for c in at.caption)
    assert "Computed against: Modelled reference (not LinkedIn data)" in captions
    assert "Computed against: Estimated network (a model, not measured)" in captions


def test_each_distribution_marks_the_users_value(make_app) -> None:
    at = open_page(make_app(sample="newcomer"), "compare")
    score = sample_score("newcomer")
    group = compare(score, sample_data("newcomer")).industry.group
    charts = [c for c in plotly_charts(at) if c["alt"].startswith("Bar chart: how ")]
    assert len(charts) == 5
    total = charts[0]
    reference = load_reference().distribution(group, "total")
    you = next(s for s in total["spec"]["layout"]["shapes"] if s["line"]["width"] == 3)
    assert you["x0"] == score.total
    # The bars hold the whole group: the shares of 20 bins add up to 100 %.
    assert abs(sum(total["spec"]["data"][0]["y"]) - 100.0) < 1e-6
    assert fmt_number(reference.mean, "en", 2) in total["alt"]
    assert "(Modelled reference (not LinkedIn data))" in total["alt"]
    percentile = fmt_number(reference.percentile(score.total), "en", 1)
    assert f"Higher than {percentile}% of " in total["alt"]


def test_a_peer_file_becomes_the_network(make_app) -> None:
    at = open_page(make_app(sample="newcomer"), "compare")
    at.file_uploader(key="peer_upload").set_value(("team.csv", PEERS, "text/csv")).run()
    expected = compare(sample_score("newcomer"), sample_data("newcomer"), peers=("team.csv", PEERS))
    assert expected.network.source == "peer_csv"
    # Named by its people, never by the file's name.
    assert metrics(at)["Your peers \\(5 people\\)"] == "Top 80%"  # 15.68: 1 of 5 below
    assert at.success[0].value.startswith("team\\.csv: 5 people read")
    # Markdown sources, escaped: compared without the backslashes.
    captions = "\n".join(c.value for c in at.caption).replace("\\", "")
    assert "Average of your peers (5 people): 42.00" in captions  # 210 / 5
    assert "Higher than 20.0% of your peers (5 people)" in captions
    assert "team.csv" not in captions


def test_the_distribution_follows_the_chosen_source(make_app) -> None:
    at = open_page(make_app(sample="newcomer", lang="de"), "compare")
    at.file_uploader(key="peer_upload").set_value(("team.csv", PEERS, "text/csv")).run()
    control = at.get("button_group")[0]
    assert control.options[:2] == [
        "Branche: Finanzdienstleistungen (modelliert)", "Ihre Vergleichsgruppe (5 Personen)",
    ]  # fmt: skip
    control.set_value("peer_csv").run()
    charts = [c for c in plotly_charts(at) if c["alt"].startswith("Balkendiagramm: ")]
    total = charts[0]
    assert total["alt"].startswith(
        "Balkendiagramm: Verteilung von „Gesamt“ in der Gruppe Ihre Vergleichsgruppe (5 Personen)"
    )
    # 15,68 against 10, 20, 40, 60, 80: one of five below; their mean is 42.
    assert "Höher als 20,0 % Ihrer Vergleichsgruppe (5 Personen)." in total["alt"]
    average = next(s for s in total["spec"]["layout"]["shapes"] if s["line"]["width"] == 2)
    assert average["x0"] == 42.0
    # The bars are the peers themselves: one of five (20 %) in each of the bins 10–15,
    # 20–25, 40–45, 60–65 and 80–85, nobody elsewhere.
    shares = total["spec"]["data"][0]["y"]
    assert {i: y for i, y in enumerate(shares) if y} == {2: 20.0, 4: 20.0, 8: 20.0, 12: 20.0,
                                                           16: 20.0}  # fmt: skip
    control.set_value("estimated_network").run()
    captions = "\n".join(c.value for c in at.caption)
    assert t("compare.note.estimated_network", "de") in captions
    # The modelled note is the industry comparison's only, no longer the distribution's.
    assert captions.count(t("compare.note.modelled", "de")) == 1
    alts = [c["alt"] for c in plotly_charts(at) if c["alt"].startswith("Balkendiagramm: ")]
    assert "in der Gruppe Ihr Netzwerk (Geschätztes Netzwerk (ein Modell" in alts[0]


def test_an_official_reading_gives_no_distribution_and_each_source_its_row(make_app) -> None:
    at = open_page(make_app(sample="active_seller"), "compare")
    at.text_area(key="official_text").set_value(OFFICIAL_EN.read_text())
    at.date_input(key="official_date").set_value(sample_data("active_seller").export_date)
    at.button[0].click().run()
    table = at.table[0].value
    assert list(table["Computed against"]) == [
        t(f"compare.source.{s}", "en")
        for s in ("modelled_reference", "official", "estimated_network")
    ]
    official = table.iloc[1]
    # The pasted page: "Top 11%" of LinkedIn's score and an average of 36 in the network.
    assert official["Rank"] == "Top 11% (LinkedIn's rank of its own score, not of this estimate)"
    assert (official["Group average"], official["Your estimate is"]) == ("36.00", "–")
    at.get("button_group")[0].set_value("official").run()
    assert at.info[-1].value == t("dashboard.compare.distribution_none", "en")
    assert not [c for c in plotly_charts(at) if c["alt"].startswith("Bar chart: ")]


def test_a_broken_peer_file_is_explained(make_app) -> None:
    at = open_page(make_app(sample="newcomer", lang="de"), "compare")
    at.file_uploader(key="peer_upload").set_value(("x.csv", b"name;score\nA;x\n", "text/csv")).run()
    assert not at.exception
    assert len(at.error) == 1 and "x\\.csv" in at.error[0].value
    assert metrics(at)["Ihr Netzwerk"].startswith("Top ")  # still the estimate


def test_a_pasted_official_reading_is_shown_beside_the_estimate(make_app) -> None:
    at = open_page(make_app(sample="active_seller"), "compare")
    text = OFFICIAL_EN.read_text()
    at.text_area(key="official_text").set_value(text)
    at.date_input(key="official_date").set_value(sample_data("active_seller").export_date)
    at.button[0].click().run()

    reading = parse_official(text)
    estimate = score_as_of(sample_data("active_seller"))
    table = at.dataframe[0].value
    assert list(table["Official (LinkedIn)"]) == ["53.00", "21.00", "6.40", "10.25", "15.00"]
    assert table["Our estimate"].iloc[0] == fmt_number(estimate.total, "en", 2)
    assert table["Difference"].iloc[0] == fmt_signed(53.0 - estimate.total, "en", 2)
    assert reading.network_top_pct == 11
    # The reading's network rank is now the network comparison.
    assert metrics(at)["Your network"] == "Top 11%"


def test_official_readings_kept_with_a_stored_member_appear_in_the_history(make_app) -> None:
    export_data = sample_data("active_seller")
    Store(now=fixed_now).import_export(
        export_data,
        "Katharina",
        score=score_as_of(export_data),
        history=score_history(export_data),
    )
    at = open_page(make_app(sample="active_seller"), "compare")
    at.text_area(key="official_text").set_value(OFFICIAL_EN.read_text())
    at.date_input(key="official_date").set_value(date(2026, 10, 1))
    at.button[0].click().run()
    at.button(key="official_store").click().run()
    assert at.success[-1].value == t(
        "store.official.added", "en", date="2026-10-01", member="Katharina", total="53.00"
    )
    at = open_page(at, "history")
    traces = {trace["name"]: trace for trace in plotly_charts(at)[0]["spec"]["data"]}
    assert traces["Official LinkedIn readings"]["x"] == ["2026-10-01"]
    assert traces["Official LinkedIn readings"]["y"] == [53.0]


@pytest.mark.parametrize(
    ("value", "average", "you_anchor", "average_anchor"),
    # Above the average: "You" reads rightwards of its line, "Average" leftwards; below, mirrored.
    [(20.0, 10.0, "left", "right"), (5.0, 10.0, "right", "left")],
)
def test_distribution_labels_sit_above_the_bars_on_the_outer_sides(
    value: float, average: float, you_anchor: str, average_anchor: str
) -> None:
    figure = distribution_bars(np.linspace(0.0, 25.0, 101), value, average, "brand", "de")
    you, mean = figure.layout.annotations
    assert (you.text, you.x, you.xanchor) == ("Sie", value, you_anchor)
    assert (mean.text, mean.x, mean.xanchor) == ("Durchschnitt", average, average_anchor)
    # y = 1 of the plot area, anchored at the label's bottom: above the tallest bar.
    assert {(a.y, a.yanchor) for a in (you, mean)} == {(1.0, "bottom")}


def _store(persona: str, member: str) -> None:
    export_data = sample_data(persona)
    Store(now=fixed_now).import_export(
        export_data, member, score=score_as_of(export_data), history=score_history(export_data)
    )


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_small_team_says_besides_you_only_when_you_are_in_it(make_app, lang) -> None:
    _store("active_seller", "Katharina")
    _store("passive_job_seeker", "Jonas")
    source = t("compare.source.cohort", lang)
    # The newcomer is not stored: the two members are the whole team.
    at = open_page(make_app(sample="newcomer", lang=lang), "compare")
    captions = "\n".join(c.value for c in at.caption).replace("\\", "")
    assert t("compare.reason.too_few", lang, source=source, n=2, minimum=3) in captions
    assert ("besides you" if lang == "en" else "außer Ihnen") not in captions
    # Stored as a third member: two people besides the user.
    _store("newcomer", "Nina")
    at = open_page(make_app(sample="newcomer", lang=lang), "compare")
    captions = "\n".join(c.value for c in at.caption).replace("\\", "")
    assert t("compare.reason.too_few_besides_you", lang, source=source, n=2, minimum=3) in captions
