"""Text from an export or the database is shown as text: the one escaping point, on every page.

The AppTest checks read the markdown *source* Streamlit receives: a hostile string
must arrive escaped (``\\!\\[e\\]\\(…``), so the browser draws it literally. The
real-browser test (tests/dashboard/test_browser.py) checks that no ``<img>`` or
``<a>`` is created from the same data.
"""

from __future__ import annotations

import os
import re

from dashboard_fixtures import (
    HOSTILE,
    HOSTILE_FILE,
    HOSTILE_MARKERS,
    hostile_sources,
    markdown_sources,
    open_page,
    store_sample,
)
from hypothesis import given
from hypothesis import strategies as st

from dashboard import state
from dashboard.components.literal import WORD_JOINER, error_md, html, md, plain
from scoring.errors import SSIError
from scoring.i18n import t
from scoring.ingest import read_export

PEERS = b"member,industry,total,brand,people,insights,relationships\n" + b"".join(
    f"P{i},Software Development,{v},{v / 4},{v / 4},{v / 4},{v / 4}\n".encode()
    for i, v in enumerate((20.0, 40.0, 60.0, 80.0))
)


def test_markdown_is_escaped_character_by_character() -> None:
    assert md("![e](http://host/p.png)") == r"\!\[e\]\(http\://host/p\.png\)"
    assert md("[link](http://x)") == r"\[link\]\(http\://x\)"
    assert md("`a``b`") == r"\`a\`\`b\`"
    assert md("<img src=x onerror=alert(1)>") == r"\<img src=x onerror=alert\(1\)\>"
    assert md("**bold** _it_ # 1. - + | ~ $x$") == (r"\*\*bold\*\* \_it\_ \# 1\. \- \+ \| \~ \$x\$")
    # Bare links (www., http:, e-mail) and shortcodes stay text too.
    assert md("www.x.com a@b.de") == r"www\.x\.com a\@b\.de"
    assert md(":smile: :material/home:") == (
        rf"\:{WORD_JOINER}smile\: \:{WORD_JOINER}material/home\:"
    )
    # A line break would start a new block (a heading, a list): it becomes a space.
    assert md("Ann\n# Boss\r\x1b[8m") == r"Ann \# Boss \[8m"
    assert md("Katharina Vogelsang") == "Katharina Vogelsang"


def test_html_escapes_tags_quotes_and_entities() -> None:
    assert (
        html('<img src="x" onerror=y> & Co') == "&lt;img src=&quot;x&quot; onerror=y&gt; &amp; Co"
    )


_SPECIAL = set("\\`*_{}[]()<>#+-.!|~$:&@^")


@given(st.text())
def test_every_special_character_is_escaped_and_nothing_else_changes(text: str) -> None:
    escaped = md(text)
    unescaped, i = [], 0
    while i < len(escaped):
        char = escaped[i]
        if char == "\\":
            assert escaped[i + 1] in _SPECIAL
            unescaped.append(escaped[i + 1])
            i += 2
            continue
        assert char not in _SPECIAL
        if char != WORD_JOINER or not unescaped or unescaped[-1] != ":":
            unescaped.append(char)
        i += 1
    assert "".join(unescaped) == plain(text).replace(":" + WORD_JOINER, ":")


def _assert_literal(sources: list[str]) -> None:
    for source in sources:
        unescaped = re.sub(r"\\.", "", source)
        for marker in HOSTILE_MARKERS:
            assert marker not in unescaped, source


def test_hostile_names_and_files_are_shown_literally_on_every_page(make_app) -> None:
    at = make_app()
    at.session_state[state.EXPORT_KEY] = state.make_export(hostile_sources())
    at.run()
    # Loose files carry no export date in a name: the newest activity (14 Oct) dates them.
    label = "Complete archive of 2026-10-14"
    for page in ("import_export", "overview", "pillars", "compare", "history", "tips", "team"):
        open_page(at, page)
        assert not at.exception, page
        sources = markdown_sources(at)
        _assert_literal(sources)
        # The export is named by its kind and date, never by its (hostile) first file.
        assert any(label in s for s in sources), page
        if page == "import_export":
            ignored = next(m.value for m in at.markdown if m.value.startswith("- "))
            assert ignored.splitlines()[0] == f"- {md(HOSTILE_FILE)}"
            assert t("dashboard.import.loaded", "en", label=label) in [
                s.value for s in at.subheader
            ]
        if page == "overview":
            assert any(
                c.value.startswith(
                    t("dashboard.overview.as_of", "en", date="", days=0, label="")[:5]
                )
                and label in c.value
                for c in at.caption
            )
        if page == "team":
            assert at.text_input(key="team_member").value == f"{HOSTILE} `x"


def test_a_hostile_industry_and_peer_file_name_are_text(make_app) -> None:
    at = make_app()
    at.session_state[state.EXPORT_KEY] = state.make_export(hostile_sources())
    at.run()
    open_page(at, "compare")
    # The profile's industry is not a LinkedIn industry: the note quoting it is escaped.
    captions = "\n".join(c.value for c in at.caption)
    assert md(HOSTILE) in captions
    at.file_uploader(key="peer_upload").set_value((HOSTILE_FILE, PEERS, "text/csv")).run()
    assert not at.exception
    sources = markdown_sources(at)
    _assert_literal(sources)
    # The group is named by its people; the file's name appears only where the file is meant.
    assert [m.label for m in at.metric][-1] == md("Your peers (4 people)")
    assert at.success[0].value.startswith(f"{md(HOSTILE_FILE)}: 4 ")


def test_a_hostile_connections_header_in_the_error_box_is_text(make_app) -> None:
    bad = ("Connections.csv", f"First Name,{HOSTILE},Company\nA,B,C\n".encode())
    try:
        read_export([bad])
    except SSIError as error:
        raised = error
    at = open_page(make_app(), "import_export")
    at.file_uploader[0].set_value([(*bad, "text/csv")]).run()
    assert [e.value for e in at.error] == [error_md(raised, "en")]
    assert md(HOSTILE) in at.error[0].value
    _assert_literal(markdown_sources(at))


def test_a_hostile_member_name_from_the_team_database_is_text(make_app) -> None:
    store_sample(os.environ["SSI_DATABASE_URL"], "newcomer", HOSTILE)
    at = open_page(make_app(lang="de"), "team")
    assert not at.exception
    assert list(at.dataframe[0].value["Mitglied"]) == [HOSTILE]  # a table cell: plain text
    checkbox = at.checkbox(key="forget_sure")
    assert checkbox.label == t("dashboard.team.forget_confirm", "de", member=md(HOSTILE))
    _assert_literal(markdown_sources(at))
    checkbox.check().run()
    at.button(key="forget_button").click().run()
    flash = [s.value for s in at.success]
    assert len(flash) == 1 and md(HOSTILE) in flash[0]
    assert re.search(r"\\!\\\[e\\\]", flash[0])
    _assert_literal(markdown_sources(at))
