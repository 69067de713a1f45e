"""``ssi whatif``: the simulator from the command line."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from builders import make_export

import scoring.cli as cli
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
    monkeypatch.setattr(whatif_cmd, "read_export", lambda paths, **_: daily_export())
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
    monkeypatch.setattr(whatif_cmd, "read_export", lambda paths, **_: daily_export())
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
    monkeypatch.setattr(whatif_cmd, "read_export", lambda paths, **_: daily_export())
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
    monkeypatch.setattr(whatif_cmd, "read_export", lambda paths, **_: daily_export())
    code, out, err = run(capsys, "whatif", "x.zip", *args)
    assert code == 2
    assert out == ""
    assert key in err
    assert err.count("\n") == 1
