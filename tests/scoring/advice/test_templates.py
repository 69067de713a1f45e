"""The what-if table: activities and profile items as data, validated when read."""

from __future__ import annotations

import pandas as pd
import pytest

from scoring.advice.templates import load_whatif_table, template_rows
from scoring.errors import ConfigError
from scoring.model.metrics import COMPLETENESS_ITEMS


def test_the_table_lists_every_profile_item_of_the_model_in_order() -> None:
    table = load_whatif_table()
    assert tuple(table.profile_item) == COMPLETENESS_ITEMS
    assert table.activity["accepted_invitations"].kinds == ("invitations", "connections")
    assert table.activity["profile_views"].manual == "profile_views_90d"


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('rows = [{ kind = "shares", values = { lnk = "x" } }]', "activity.posts.rows.0"),
        ('rows = [{ kind = "shares", values = { chars = "600" } }]', "activity.posts.rows.0"),
        ('rows = [{ kind = "tweets" }]', "activity.posts.rows.0"),
        ('rows = [{ kind = "shares", values = { link = "{who}" } }]', "activity.posts.rows.0"),
        ("removable = false", "activity.posts"),
    ],
)
def test_a_bad_template_is_a_config_error_naming_its_key(tmp_path, body: str, key: str) -> None:
    items = "\n".join(
        f'[profile_item.{item}]\nprofile = {{ headline = "x" }}' for item in COMPLETENESS_ITEMS
    )
    path = tmp_path / "whatif.toml"
    control = "control = { most = 1, step = 1 }"
    text = f'version = "t"\n[activity.posts]\n{control}\n{body}\n{items}\n'
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_whatif_table(path)
    assert caught.value.code == "error.advice.whatif_table"
    assert caught.value.params["key"] == key


def test_template_rows_number_each_row_and_fill_the_context() -> None:
    ctx = {"owner": "me", "own_company": "Acme", "top_skill": "Sales", "industry": "IT"}
    at = pd.Series(pd.to_datetime(["2026-10-01", "2026-10-02", "2026-10-03"], utc=True))
    rows = template_rows(
        "connections", {"url_key": "k-{i}", "company": "{own_company} {n}"}, 3, ctx, {"at": at}
    )
    assert rows["url_key"].tolist() == ["k-0", "k-1", "k-2"]
    assert rows["company"].tolist() == ["Acme 1", "Acme 2", "Acme 3"]
    assert rows["hidden"].tolist() == [False, False, False]
    assert rows["position"].isna().all() and str(rows["position"].dtype) == "string"
    assert str(rows["at"].dtype) == "datetime64[ns, UTC]"
