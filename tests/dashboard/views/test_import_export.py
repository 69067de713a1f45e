"""The Import page: uploads (zip, CSV files, folder), the sample choice, and bad uploads."""

from __future__ import annotations

from datetime import date

import pytest
from dashboard_fixtures import (
    metrics,
    open_page,
    sample_bytes,
    sample_data,
    sample_score,
    zip_members,
)

from dashboard import state
from dashboard.components.literal import error_md, md
from scoring.errors import SSIError
from scoring.i18n import fmt_date, fmt_number, t
from scoring.ingest import read_export
from scoring.model import score_as_of

ZIP = "application/zip"


def _import_page(make_app, lang: str | None = None):
    return open_page(make_app(lang=lang), "import_export")


def test_uploaded_zip_shows_its_report_and_scoring_total(make_app) -> None:
    at = _import_page(make_app)
    name, content = sample_bytes("active_seller")
    at.file_uploader[0].set_value((name, content, ZIP)).run()

    data, score = sample_data("active_seller"), sample_score("active_seller")
    assert not at.exception
    shown = metrics(at)
    assert shown["Archive kind"] == "Complete archive"
    assert shown["Export date"] == fmt_date(data.export_date, "en") == "2026-10-15"
    assert shown["Files used"] == str(len(data.sources))
    assert shown["Rows read"] == fmt_number(sum(s.rows for s in data.sources), "en", 0)
    assert at.success[0].value == t(
        "dashboard.import.scored", "en", total=fmt_number(score.total, "en", 2)
    )
    report = at.table[0].value
    assert list(report["File"]) == [s.file for s in data.sources]
    assert list(report["Rows used"]) == [fmt_number(s.rows, "en", 0) for s in data.sources]
    # sample_data/README.md: active_seller has 1,500 connections, none skipped.
    assert report.set_index("File").loc["Connections.csv", "Rows used"] == "1,500"
    ignored = "\n".join(f"- {md(name)}" for name in data.ignored)
    assert data.ignored and ignored in [m.value for m in at.markdown]
    assert at.session_state["current_export"].label == name


def test_a_bad_upload_shows_the_readers_message_and_the_app_stays_usable(make_app) -> None:
    junk = ("broken.zip", b"this is not a zip archive at all")
    with pytest.raises(SSIError) as raised:
        read_export([junk])
    at = _import_page(make_app)
    at.file_uploader[0].set_value((*junk, ZIP)).run()

    assert not at.exception
    assert [e.value for e in at.error] == [error_md(raised.value, "en")]
    assert "current_export" not in at.session_state

    at.button(key="load_sample").click().run()
    assert not at.exception
    total = fmt_number(sample_score("active_seller").total, "en", 2)
    assert at.success[0].value == t("dashboard.import.scored", "en", total=total)


def test_a_bad_upload_is_explained_in_german(make_app) -> None:
    junk = ("leer.zip", b"")
    with pytest.raises(SSIError) as raised:
        read_export([junk])
    at = _import_page(make_app, lang="de")
    at.file_uploader[0].set_value((*junk, ZIP)).run()
    assert [e.value for e in at.error] == [error_md(raised.value, "de")]
    assert raised.value.message("de") != raised.value.message("en")


def test_several_csv_files_are_a_partial_export_with_the_missing_kinds_listed(make_app) -> None:
    files = zip_members("active_seller", ("Connections.csv", "Profile.csv", "Shares_17529409.csv"))
    expected = read_export(files)
    at = _import_page(make_app)
    at.file_uploader[0].set_value([(n, b, "text/csv") for n, b in files]).run()

    assert not at.exception
    assert expected.archive_kind == "partial"
    assert metrics(at)["Archive kind"] == "Partial export"
    assert at.info[0].value == t("dashboard.import.partial_notice", "en")
    missing = next(m.value for m in at.markdown if m.value.startswith("- ") and "`" not in m.value)
    assert missing.splitlines() == [f"- {t(f'dashboard.kind.{k}', 'en')}" for k in expected.missing]
    total = fmt_number(score_as_of(expected).total, "en", 2)
    assert at.success[0].value == t("dashboard.import.scored", "en", total=total)


def test_an_unpacked_folder_scores_like_its_zip(make_app) -> None:
    files = zip_members("newcomer")
    expected = score_as_of(read_export(files))
    at = _import_page(make_app)
    assert at.file_uploader[1].accept_directory
    at.file_uploader[1].set_value([(n, b, "text/csv") for n, b in files]).run()

    assert not at.exception
    assert at.success[0].value == t(
        "dashboard.import.scored", "en", total=fmt_number(expected.total, "en", 2)
    )


def test_a_basic_archive_asks_for_the_complete_one(make_app) -> None:
    at = _import_page(make_app)
    at.file_uploader[0].set_value((*sample_bytes("basic"), ZIP)).run()
    assert metrics(at)["Archive kind"] == "Basic archive"
    assert t("dashboard.import.basic_notice", "en") in [w.value for w in at.warning]


def test_the_sample_choice_opens_the_chosen_persona(make_app, monkeypatch) -> None:
    monkeypatch.setattr(state, "today", lambda: date(2026, 11, 21))
    at = _import_page(make_app)
    at.selectbox(key="sample_persona").set_value("newcomer").run()
    assert at.caption[0].value == t("dashboard.persona_about.newcomer", "en")
    at.button(key="load_sample").click().run()

    total = fmt_number(sample_score("newcomer").total, "en", 2)
    assert at.success[0].value == t("dashboard.import.scored", "en", total=total)
    assert at.subheader[0].value == "Loaded: sample data (Newcomer)"
    # 15 Oct 2026 → 21 Nov 2026 is 16 + 21 = 37 days: more than the store's 30, so stale.
    assert t("store.stale", "en", date="2026-10-15", days=37) in [w.value for w in at.warning]


def test_skipped_rows_are_explained_in_the_report_in_german(make_app) -> None:
    # active_seller carries two endorsement files; the UTF-16 twin repeats 4 rows
    # of the UTF-8 file (sample_data/README.md), which the reader skips.
    at = _import_page(make_app, lang="de")
    name, content = sample_bytes("active_seller")
    at.file_uploader[0].set_value((name, content, ZIP)).run()
    report = at.table[0].value.set_index("Datei")
    # German thousands separator: 1,500 connections read as "1.500".
    assert report.loc["Connections.csv", "Verwendete Zeilen"] == "1.500"
    assert report.loc["Endorsement Received Info.csv", "Übersprungene Zeilen"] == "4"
    notes = report.loc["Endorsement Received Info.csv", "Hinweise"]
    assert notes == "wiederholt eine Zeile einer anderen Datei (4)"


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_bad_file_then_the_right_one_is_judged_on_its_own(make_app, lang) -> None:
    junk = ("broken.zip", b"this is not a zip archive at all")
    at = _import_page(make_app, lang)
    at.file_uploader[0].set_value((*junk, ZIP)).run()
    assert len(at.error) == 1
    assert t("dashboard.import.remove_hint", lang) in [c.value for c in at.caption]
    # The user adds the right archive without removing the bad file first.
    name, content = sample_bytes("active_seller")
    at.file_uploader[0].set_value([(*junk, ZIP), (name, content, ZIP)]).run()
    assert not at.exception
    assert not at.error
    total = fmt_number(sample_score("active_seller").total, lang, 2)
    assert at.success[0].value == t("dashboard.import.scored", lang, total=total)
    assert at.session_state["current_export"].label == name
    # one file (the right archive) was added last and read
    left_out = t("dashboard.import.left_out", lang, files="broken\\.zip", count=1)
    assert left_out in [i.value for i in at.info]


@pytest.mark.parametrize(
    ("lang", "title"),
    [("en", "Complete archive of 2026-10-14"), ("de", "Vollständiges Archiv vom 14.10.2026")],
)
def test_loose_files_are_named_by_kind_and_date_not_by_their_first_file(make_app, lang, title):
    at = _import_page(make_app, lang)
    # The sample's files unpacked: no archive name, so the newest activity (14 Oct) dates it.
    loose = [(n, b, "text/csv") for n, b in zip_members("active_seller") if n.endswith(".csv")]
    at.file_uploader[0].set_value(loose).run()
    assert not at.exception
    assert at.subheader[0].value == t("dashboard.import.loaded", lang, label=title)
    assert all(not s.value.startswith(loose[0][0]) for s in at.subheader)
