"""``ssi whatif``: the simulator from the command line."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from builders import make_export

import scoring.cli as cli
from scoring import ingest
from scoring.cli import whatif_cmd
from scoring.errors import InputError

EXPORT_DAY = date(2026, 10, 15)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def daily_export():
    """One comment on each of the 90 days of the window ending 15 Oct 2026.

    Every day is active (days active 90 of 90) and every week too, so adding
    reactions moves only the reactions metric.
    """
    days = [EXPORT_DAY - timedelta(days=i) for i in range(90)]
    return make_export(
        export_date=EXPORT_DAY,
        profile={"industry": "Banking"},
        comments={"at": [f"{d.isoformat()} 09:00" for d in days]},
    )


def test_changes_are_parsed_with_decimal_commas_and_last_value_wins() -> None:
    assert whatif_cmd.parse_changes(["posts=3", "comments=2,5", "posts=1"]) == {
        "posts": 1.0,
        "comments": 2.5,
    }
    for bad in ("posts", "=3", "posts=many", "posts=inf"):
        with pytest.raises(InputError) as caught:
            whatif_cmd.parse_changes([bad])
        assert caught.value.code == "error.guide.change"


def test_whatif_reactions_add_exactly_their_points(monkeypatch, capsys) -> None:
    monkeypatch.setattr(ingest, "read_export", lambda paths, **_: daily_export())
    code, out, _ = run(capsys, "whatif", "x.zip", "--add", "reactions=8", "--json")
    assert code == 0
    payload = json.loads(out)
    # 8 a week over the 90-day window: round(8 * 90 / 7 = 102.86) = 103 reactions;
    # reactions are linear to 800 for 3 points: 103 / 800 * 3 = 0.38625 → 0.39 on insights.
    # Days active and active weeks are already full, so nothing else moves.
    assert payload["difference"] == {
        "total": pytest.approx(0.39, abs=0.011),
        "brand": 0.0,
        "people": 0.0,
        "insights": pytest.approx(0.39, abs=0.011),
        "relationships": 0.0,
    }
    assert payload["changes"] == {"reactions": 8.0}
    assert "decay" not in payload


def test_whatif_stop_projects_week_by_week_from_the_export_date(monkeypatch, capsys) -> None:
    monkeypatch.setattr(ingest, "read_export", lambda paths, **_: daily_export())
    code, out, _ = run(capsys, "whatif", "x.zip", "--stop", "2", "--json")
    assert code == 0
    payload = json.loads(out)
    assert "after" not in payload
    rows = payload["decay"]
    assert [r["week"] for r in rows] == [0, 1, 2]
    assert [r["as_of"] for r in rows] == ["2026-10-15", "2026-10-22", "2026-10-29"]
    assert rows[0]["total"] == payload["now"]["total"]
    # Week 1: 7 of the 90 comment days left the window, nothing new came: 83 days.
    # Comments (linear to 200, 5 points): 90 → 83 loses 7 / 200 * 5 = 0.175 on insights.
    assert rows[0]["insights"] > rows[1]["insights"] > rows[2]["insights"]
    assert rows[1]["people"] == pytest.approx(rows[0]["people"] - 7 / 90 * 6, abs=0.011)


def test_whatif_text_in_german(monkeypatch, capsys) -> None:
    monkeypatch.setattr(ingest, "read_export", lambda paths, **_: daily_export())
    code, out, _ = run(capsys, "whatif", "x.zip", "--add", "reactions=8", "--lang", "de")
    assert code == 0
    assert out.startswith("Was wäre, wenn (Stand 15.10.2026): reactions +8,0 pro Woche")
    assert "Mit den Änderungen" in out
    assert "+0,39" in out  # the insights and total change, as computed above


@pytest.mark.parametrize(
    ("args", "key"),
    [
        ((), "Nothing to simulate"),
        (("--add", "posts"), '"posts" is not a weekly change'),
        (("--add", "dancing=2"), '"dancing" is not an activity'),
        (("--add", "posts=1", "--weeks", "0"), "--weeks needs a whole number"),
        (("--stop", "soon"), "--stop needs a whole number"),
    ],
)
def test_whatif_bad_input_is_one_line(monkeypatch, capsys, args, key) -> None:
    monkeypatch.setattr(ingest, "read_export", lambda paths, **_: daily_export())
    code, out, err = run(capsys, "whatif", "x.zip", *args)
    assert code == 2
    assert out == ""
    assert key in err
    assert err.count("\n") == 1


# -- --plan: tips done together -------------------------------------------------------------


def requests_export():
    """A search every day of the window (days active full) and 45 requests without a note.

    The requests go out one a day from 1 August to 14 September 2026, to 45 people.
    """
    days = [EXPORT_DAY - timedelta(days=i) for i in range(90)]
    sent = [date(2026, 8, 1) + timedelta(days=i) for i in range(45)]
    return make_export(
        export_date=EXPORT_DAY,
        search_queries={"at": [f"{d.isoformat()} 08:00" for d in days]},
        invitations={
            "at": [f"{d.isoformat()} 10:00" for d in sent],
            "direction": ["OUTGOING"] * 45,
            "invitee_key": [f"person{i}" for i in range(45)],
        },
    )


# model.toml: invitations_sent linear, weight 4, target 90 (people); invitations_with_note
# sqrt, weight 2, target 10 (relationships). Now: 45 sent → 4 × 45/90 = 2.00; no note → 0.
# Tip invitations_sent, 5 a week: round(5 × 90/7) = 64 more → 109 ≥ 90 → 4.00: +2.00.
# Tip invitations_with_note, 2 a week: round(2 × 90/7) = 26 more, each with a note, and
# each is also a request: 71 sent → 4 × 71/90 = 3.16 (+1.16); 26 ≥ 10 noted → 2.00 (+2.00);
# the tip alone +3.16. Both: 45 + 64 + 26 = 135 ≥ 90 → 4.00 (+2.00) and 26 noted (+2.00):
# +4.00, less than 2.00 + 3.16 = 5.16 because both tips raise the requests sent.
PLAN = ("--plan", "invitations_sent", "invitations_with_note")


def test_plan_json_has_the_real_gain_below_the_sum_of_the_tips(monkeypatch, capsys) -> None:
    monkeypatch.setattr(ingest, "read_export", lambda paths, **_: requests_export())
    code, out, _ = run(capsys, "whatif", "x.zip", *PLAN, "--json")
    assert code == 0
    payload = json.loads(out)
    plan = payload["plan"]
    assert plan["tips"] == ["invitations_sent", "invitations_with_note"]
    assert plan["changes"] == {"invitations": 5.0, "invitations_with_note": 2.0}
    assert (plan["gain"], plan["sum_of_gains"]) == (4.0, 5.16)
    assert payload["difference"] == {
        "total": 4.0, "brand": 0.0, "people": 2.0, "insights": 0.0, "relationships": 2.0,
    }  # fmt: skip
    assert payload["after"]["total"] == round(payload["now"]["total"] + 4.0, 2)
    assert plan["goals"] == [
        "Connection requests: 5 more a week",
        "Connection requests with a note: 2 more a week",
    ]


def test_plan_text_names_the_overlap_and_the_weekly_goals(monkeypatch, capsys) -> None:
    monkeypatch.setattr(ingest, "read_export", lambda paths, **_: requests_export())
    code, out, _ = run(capsys, "whatif", "x.zip", *PLAN)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Plan as of 2026-10-15: invitations_sent, invitations_with_note"
    assert lines[2].split() == ["Now", "With", "the", "plan", "Change"]
    total = next(line for line in lines if line.startswith("Total"))
    assert total.split()[-1] == "+4.00"
    people = next(line for line in lines if line.startswith("Find the right people"))
    assert people.split()[-1] == "+2.00"
    assert (
        "Together these tips add +4.00 points; one by one they would add +5.16, because their "
        "gains overlap (they lift the same sub-metrics)." in lines
    )
    assert lines[-3:] == [
        "Weekly goals of the plan:",
        "  Connection requests: 5 more a week",
        "  Connection requests with a note: 2 more a week",
    ]


def test_plan_text_in_german(monkeypatch, capsys) -> None:
    monkeypatch.setattr(ingest, "read_export", lambda paths, **_: requests_export())
    code, out, _ = run(capsys, "whatif", "x.zip", *PLAN, "--lang", "de")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Plan (Stand 15.10.2026): invitations_sent, invitations_with_note"
    assert (
        "Zusammen bringen diese Tipps +4,00 Punkte; einzeln gerechnet wären es +5,16, denn ihre "
        "Zugewinne überschneiden sich (sie heben dieselben Teilkennzahlen)." in lines
    )
    assert lines[-2:] == [
        "  Kontaktanfragen: 5 mehr pro Woche",
        "  Kontaktanfragen mit Nachricht: 2 mehr pro Woche",
    ]


def test_a_single_tip_plan_has_no_overlap(monkeypatch, capsys) -> None:
    monkeypatch.setattr(ingest, "read_export", lambda paths, **_: requests_export())
    code, out, _ = run(capsys, "whatif", "x.zip", "--plan", "invitations_sent")
    assert code == 0
    assert (
        "Together these tips add +2.00 points, as much as one by one: their gains do not overlap."
        in out.splitlines()
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--plan", "tweets"), '"tweets" is not a tip; use one of: '),
        (
            ("--plan", "comments", "--add", "posts=1"),
            "Give either --plan TIP... or --add ACTIVITY=N, not both",
        ),
    ],
)
def test_a_bad_plan_is_one_line_before_the_export_is_read(capsys, args, message) -> None:
    code, out, err = run(capsys, "whatif", "missing.zip", *args)
    assert (code, out) == (2, "")
    assert err.startswith(message)
    assert err.count("\n") == 1
