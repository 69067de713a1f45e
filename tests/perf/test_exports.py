"""The perf suite's export sizes are the ones issue 12 names."""

from __future__ import annotations

from perf.exports import SIZES, scaled_spec


def test_l_is_the_heavy_export_and_xl_doubles_it():
    large = scaled_spec(SIZES["L"])
    extra = scaled_spec(SIZES["XL"])

    assert large.network.connections == 30_000
    assert large.messages.conversations == 50_000
    # threads plus sponsored InMails: 200,000 rows of messages.csv
    assert large.messages.messages + large.messages.sponsored == 200_000
    assert large.activity.reactions == 20_000
    assert extra.network.connections == 60_000
    assert extra.messages.conversations == 100_000
    assert extra.messages.messages + extra.messages.sponsored == 400_000
    assert extra.activity.reactions == 40_000
