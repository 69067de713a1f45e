"""Every CLI argument has a range, checked before any work (issue 11, rows 12 and 15).

Each bad value is exit 2 with one line in English and German that says what is
allowed, with an example. "Before any work": the export named is ``missing.zip``,
which does not exist, so a check that ran after reading would report the missing
file instead; a store command is pointed at a database file that must not be
created. An argparse error (a missing argument, an unknown one, a bad choice) is
one line that points to ``--help``, not six lines of usage.
"""

from __future__ import annotations

import pytest

import scoring.cli as cli

MISSING = "missing.zip"

DATE = {
    "en": "{option} must be a date from 2003-01-01 to 2199-12-31, e.g. 2026-10-15, not {value}.",
    "de": "{option} muss ein Datum von 2003-01-01 bis 2199-12-31 sein, z. B. 2026-10-15, "
    "nicht {value}.",
}
DATE_SHAPE = {
    "en": "{option} must be a date written as YYYY-MM-DD (e.g. 2026-10-15), not {value}.",
    "de": "{option} muss ein Datum der Form JJJJ-MM-TT sein (z. B. 2026-10-15), nicht {value}.",
}
WINDOW = {
    "en": "The window must be a whole number of days from 1 to 3650, e.g. 90, not {value}.",
    "de": "Der Zeitraum muss eine ganze Zahl von Tagen zwischen 1 und 3650 sein, z. B. 90, "
    "nicht {value}.",
}
COUNT = {
    "en": "{option} must be a number from 0 to 1000000, e.g. 150, not {value}.",
    "de": "{option} muss eine Zahl von 0 bis 1000000 sein, z. B. 150, nicht {value}.",
}
TIPS = {
    "en": '--tips must be a whole number from 0 to 50, e.g. 5, not "{value}".',
    "de": "--tips muss eine ganze Zahl von 0 bis 50 sein, z. B. 5, nicht „{value}“.",
}
WEEKS = {
    "en": '{option} needs a whole number of weeks from 1 to 520, e.g. 8, not "{value}".',
    "de": "{option} braucht eine ganze Zahl von Wochen von 1 bis 520, z. B. 8, nicht „{value}“.",
}
CHANGE = {
    "en": "--add {option}: the weekly change must be a number from -1000 to 1000, "
    'e.g. {option}=2, not "{value}".',
    "de": "--add {option}: Die wöchentliche Änderung muss eine Zahl von -1000 bis 1000 sein, "
    "z. B. {option}=2, nicht „{value}“.",
}
FREQ = {
    "en": "The history step must be one of D, W, M (day, week, month), not {value}.",
    "de": "Der Schritt des Verlaufs muss einer von D, W, M sein (Tag, Woche, Monat), "
    "nicht {value}.",
}
DB = {
    "en": "{option} must be a database URL such as sqlite:///home/me/ssi.sqlite or "
    'postgresql://user@host/ssi, not "{value}".',
    "de": "{option} muss eine Datenbank-URL sein, etwa sqlite:///home/ich/ssi.sqlite oder "
    "postgresql://user@host/ssi, nicht „{value}“.",
}
OFFICIAL = {
    "en": 'The official value {option} = "{value}" is not usable: pillars are 0 to 25, '
    "the total and averages 0 to 100, ranks 1 to 100.",
    "de": "Der offizielle Wert {option} = „{value}“ ist nicht verwendbar: Säulen liegen "
    "zwischen 0 und 25, Gesamtwert und Durchschnitte zwischen 0 und 100, Ränge zwischen "
    "1 und 100.",
}

#: (command line, message template, its option, its value); pandas' calendar ends on
#: 2262-04-11 and begins on 1677-09-21, so those two dates once crashed the reader.
EXPORT_CASES = [
    (["score", MISSING, "--window-days", "0"], WINDOW, "", "0"),
    (["score", MISSING, "--window-days", "3651"], WINDOW, "", "3651"),
    (["score", MISSING, "--window-days", "ninety"], WINDOW, "", "ninety"),
    (["history", MISSING, "--window-days", "-5"], WINDOW, "", "-5"),
    (["score", MISSING, "--as-of", "9999-12-31"], DATE, "--as-of", "9999-12-31"),
    (["score", MISSING, "--as-of", "0001-01-01"], DATE, "--as-of", "0001-01-01"),
    (["score", MISSING, "--as-of", "2262-04-12"], DATE, "--as-of", "2262-04-12"),
    (["score", MISSING, "--as-of", "1677-09-21"], DATE, "--as-of", "1677-09-21"),
    (["score", MISSING, "--as-of", "2002-12-31"], DATE, "--as-of", "2002-12-31"),
    (["score", MISSING, "--as-of", "gestern"], DATE_SHAPE, "--as-of", "gestern"),
    (["score", MISSING, "--profile-views", "-1"], COUNT, "--profile-views", "-1"),
    (["score", MISSING, "--profile-views", "1e12"], COUNT, "--profile-views", "1e12"),
    (["score", MISSING, "--profile-views", "1000001"], COUNT, "--profile-views", "1000001"),
    (["score", MISSING, "--saved-leads", "nan"], COUNT, "--saved-leads", "nan"),
    (["score", MISSING, "--saved-leads", "inf"], COUNT, "--saved-leads", "inf"),
    (["score", MISSING, "--tips", "51"], TIPS, "", "51"),
    (["score", MISSING, "--tips", "-1"], TIPS, "", "-1"),
    (["score", MISSING, "--team", "--db", "garbage"], DB, "--db", "garbage"),
    (["score", MISSING, "--team", "--db", "   "], DB, "--db", "   "),
    (["history", MISSING, "--freq", "Y"], FREQ, "", "Y"),
    (["whatif", MISSING, "--add", "posts=1e12"], CHANGE, "posts", "1e12"),
    (["whatif", MISSING, "--add", "comments=1e308"], CHANGE, "comments", "1e308"),
    (["whatif", MISSING, "--add", "posts=-1001"], CHANGE, "posts", "-1001"),
    (["whatif", MISSING, "--stop", "99999999999"], WEEKS, "--stop", "99999999999"),
    (["whatif", MISSING, "--stop", "0"], WEEKS, "--stop", "0"),
    (["whatif", MISSING, "--add", "posts=1", "--weeks", "521"], WEEKS, "--weeks", "521"),
    (["whatif", MISSING, "--add", "posts=1", "--as-of", "9999-12-31"], DATE, "--as-of",
     "9999-12-31"),
    (["change", MISSING, "--since", "0001-01-01"], DATE, "--since", "0001-01-01"),
    (["change", MISSING, "--as-of", "2262-04-12"], DATE, "--as-of", "2262-04-12"),
    (["calibrate", MISSING, "--reading", "9999-12-31=x.txt"], DATE, "--reading", "9999-12-31"),
    (["batch", MISSING, "--out", "x.csv", "--as-of", "9999-12-31"], DATE, "--as-of",
     "9999-12-31"),
]  # fmt: skip


def _argv_id(value: object) -> str | None:
    return " ".join(value) if isinstance(value, list) else None


def run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(autouse=True)
def _no_database_setting(monkeypatch):
    monkeypatch.delenv("SSI_DATABASE_URL", raising=False)
    monkeypatch.delenv("SSI_LANG", raising=False)


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize(("argv", "template", "option", "value"), EXPORT_CASES, ids=_argv_id)
def test_a_value_out_of_range_is_one_line_before_the_export_is_read(
    argv, template, option, value, lang, capsys
):
    code, out, err = run(capsys, [*argv, "--lang", lang])

    assert code == 2
    assert out == ""
    assert err == template[lang].format(option=option, value=value) + "\n"


STORE_CASES = [
    (["team", "--today", "2262-04-12"], DATE, "--today", "2262-04-12"),
    (["snapshots", "--today", "1677-09-21"], DATE, "--today", "1677-09-21"),
    (["snapshots", "--today", "soon"], None, "", ""),
    (["official", "add", "--member", "A", "--total", "50", "--date", "0001-01-01"], DATE,
     "--date", "0001-01-01"),
    (["official", "add", "--member", "A", "--total", "101"], OFFICIAL, "total", "101.0"),
    (["official", "add", "--member", "A", "--total", "-1"], OFFICIAL, "total", "-1.0"),
    (["official", "add", "--member", "A", "--total", "50", "--brand", "26"], OFFICIAL, "brand",
     "26.0"),
    (["official", "add", "--member", "A", "--total", "50", "--industry-rank", "0"], OFFICIAL,
     "industry_top_pct", "0.0"),
    (["official", "add", "--member", "A", "--total", "50", "--network-rank", "101"], OFFICIAL,
     "network_top_pct", "101.0"),
]  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize(("argv", "template", "option", "value"), STORE_CASES, ids=_argv_id)
def test_a_store_command_checks_its_values_before_opening_the_database(
    argv, template, option, value, lang, tmp_path, capsys
):
    database = tmp_path / "ssi.sqlite"

    code, out, err = run(capsys, [*argv, "--db", f"sqlite:///{database}", "--lang", lang])

    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    if template is not None:
        assert err == template[lang].format(option=option, value=value) + "\n"
    assert not database.exists()


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize(
    ("argv", "option", "value"),
    [
        (["team", "--db", "garbage"], "--db", "garbage"),
        (["import", MISSING, "--db", "postgres://x"], "--db", "postgres://x"),
        (["forget", "--member", "A", "--yes", "--db", "mysql://x"], "--db", "mysql://x"),
    ],
)
def test_a_database_url_is_checked_before_it_is_opened(argv, option, value, lang, capsys):
    code, out, err = run(capsys, [*argv, "--lang", lang])

    assert code == 2
    assert out == ""
    assert err == DB[lang].format(option=option, value=value) + "\n"


def test_a_garbage_database_variable_names_the_variable(monkeypatch, capsys):
    monkeypatch.setenv("SSI_DATABASE_URL", "garbage")

    code, _, err = run(capsys, ["team"])

    assert code == 2
    assert err == DB["en"].format(option="SSI_DATABASE_URL", value="garbage") + "\n"


# -- argparse's own errors -----------------------------------------------------------------

COMMANDS = (
    "'inspect', 'score', 'history', 'change', 'models', 'whatif', 'calibrate', 'import', "
    "'snapshots', 'team', 'official', 'forget', 'batch'"
)


@pytest.mark.parametrize(
    ("argv", "en", "de"),
    [
        (
            ["score"],
            "ssi score: missing PATH (see ssi score --help)",
            "ssi score: es fehlt: PATH (siehe ssi score --help)",
        ),
        (
            ["score", "x.zip", "--bogus"],
            "ssi: unknown arguments: --bogus (see ssi --help)",
            "ssi: unbekannte Argumente: --bogus (siehe ssi --help)",
        ),
        (
            ["dance"],
            f"ssi: COMMAND cannot be 'dance'; choose from {COMMANDS} (see ssi --help)",
            f"ssi: COMMAND kann nicht 'dance' sein; möglich sind {COMMANDS} (siehe ssi --help)",
        ),
        (
            ["score", "x.zip", "--window-days"],
            "ssi score: --window-days needs a value (see ssi score --help)",
            "ssi score: --window-days braucht einen Wert (siehe ssi score --help)",
        ),
        (
            ["batch", "folder", "--out", "x.csv", "--engine", "spark"],
            "ssi batch: --engine cannot be 'spark'; choose from 'local', 'dask' "
            "(see ssi batch --help)",
            "ssi batch: --engine kann nicht 'spark' sein; möglich sind 'local', 'dask' "
            "(siehe ssi batch --help)",
        ),
    ],
)
def test_an_argparse_error_is_one_line_pointing_to_help(argv, en, de, capsys):
    for lang, expected in (("en", en), ("de", de)):
        with pytest.raises(SystemExit) as exited:
            cli.main(["--lang", lang, *argv])
        out = capsys.readouterr()

        assert exited.value.code == 2
        assert out.out == ""
        assert out.err == expected + "\n"
