"""``ssi … --help`` speaks the language asked for, with every text from the catalogue.

The language is read before the parser is built: ``--lang`` anywhere on the
command line, else ``SSI_LANG``, else English. ``COLUMNS`` is set wide so that
argparse does not wrap a help text and each one can be found as one line.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

import scoring.cli
from scoring.cli import argv_lang, main
from scoring.i18n import t

ROOT = Path(__file__).resolve().parents[3]
CLI_DIR = Path(scoring.cli.__file__).parent

#: Each command line whose --help is checked, with the text key of its description.
COMMANDS = [
    (["inspect"], "inspect.help"),
    (["score"], "score.help"),
    (["history"], "history.help"),
    (["whatif"], "whatif.help"),
    (["calibrate"], "calibrate.help"),
    (["import"], "store.cli.description.import"),
    (["snapshots"], "store.cli.description.snapshots"),
    (["team"], "store.cli.description.team"),
    (["official"], "store.cli.arg.official_action"),
    (["official", "add"], "store.cli.description.official_add"),
    (["forget"], "store.cli.description.forget"),
    (["change"], "change.help"),
    (["models"], "models.help"),
    (["batch"], "batch.help"),
    ([], "cli.description"),
]


def ssi(*args: str, lang: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SSI_LANG", "SSI_DEBUG")}
    env["COLUMNS"] = "1000"
    if lang is not None:
        env["SSI_LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "scoring", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def help_lines(argv: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The lines ``main(argv)`` prints for ``--help``; it must exit with 0."""
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 0
    return [line.strip() for line in capsys.readouterr().out.splitlines()]


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "1000")
    monkeypatch.delenv("SSI_LANG", raising=False)


# -- the language, read before parsing ----------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "env", "expected"),
    [
        (["--lang", "de", "score", "x.zip"], {}, "de"),
        (["score", "x.zip", "--lang=de"], {}, "de"),
        (["score", "x.zip"], {"SSI_LANG": "de-DE"}, "de"),
        (["score", "x.zip", "--lang", "en"], {"SSI_LANG": "de"}, "en"),  # the flag wins
        (["--lang", "de", "score", "--lang", "en"], {}, "en"),  # the last flag wins
        (["score", "--", "--lang", "de"], {}, "en"),  # after -- it is a file name
        (["score", "x.zip"], {}, "en"),
        (["score", "--lang"], {"SSI_LANG": "de"}, "de"),  # no value: argparse complains in German
    ],
)
def test_the_help_language_comes_from_the_flag_then_ssi_lang_then_english(argv, env, expected):
    assert argv_lang(argv, env) == expected


def test_lang_before_the_command_also_sets_the_language_of_the_output(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()

    code = main(["--lang", "de", "inspect", str(empty)])

    assert code == 2
    assert capsys.readouterr().err.strip() == (
        "empty enthält keine Dateien eines LinkedIn-Exports (etwa Connections.csv oder "
        "Profile.csv). Wählen Sie das Archiv aus LinkedIns „Kopie Ihrer Daten anfordern“ "
        "oder eine generische Aktivitäts-CSV."
    )


# -- as a user runs it ----------------------------------------------------------------------


def test_lang_de_before_score_prints_the_german_description_of_the_catalogue():
    run = ssi("--lang", "de", "score", "--help")

    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("Aufruf: ssi score [-h]")
    # scoring/text/model.toml [score.help] de, word for word
    assert (
        "Schätzt den SSI eines Exports: vier Säulen von 0–25 und jeden Teilwert mit seinen "
        "Punkten." in lines
    )
    assert "Optionen:" in lines
    assert any(
        line.strip().startswith("-h, --help") and "diese Hilfe zeigen" in line for line in lines
    )


def test_ssi_lang_de_gives_the_german_help_of_import_member():
    run = ssi("import", "--help", lang="de")

    assert run.returncode == 0, run.stderr
    member = [line.strip() for line in run.stdout.splitlines() if "--member NAME" in line]
    assert member[-1].split(None, 2)[2] == "wessen Export (Standard: der Name im Profil)"
    assert "Argumente:" in run.stdout.splitlines()


def test_the_english_default_is_unchanged():
    run = ssi("import", "--help")

    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("usage: ssi import [-h] [--db URL] [--json] [--lang {en,de}]")
    member = [line.strip() for line in lines if "--member NAME" in line]
    assert member[-1].split(None, 2)[2] == "whose export (default: profile name)"
    assert "positional arguments:" in lines
    assert "options:" in lines
    assert any("show this help message and exit" in line for line in lines)


# -- every command, both languages ----------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize(("command", "key"), COMMANDS, ids=lambda c: " ".join(c) or "ssi")
def test_every_help_exits_0_and_shows_the_catalogue_text(command, key, lang, capsys):
    lines = help_lines(["--lang", lang, *command, "--help"], capsys)

    assert t(key, lang) in lines or any(line.endswith(t(key, lang)) for line in lines)
    assert lines[0].startswith({"en": "usage: ssi", "de": "Aufruf: ssi"}[lang])
    assert {"en": "options:", "de": "Optionen:"}[lang] in lines


def test_official_add_help_names_each_score_and_keeps_the_percent_sign(capsys):
    lines = help_lines(["--lang", "de", "official", "add", "--help"], capsys)

    assert "--brand X             Marke: der Wert, wie ihn die Seite zeigt" in lines
    assert "--industry-rank PCT   „Top X %“ in Ihrer Branche" in lines


def test_german_help_holds_no_english_text_of_the_catalogue(capsys):
    lines = help_lines(["--lang", "de", "import", "--help"], capsys)
    english = ("database URL", "print JSON", "language of the output", "whose export")

    assert [line for line in lines if any(word in line for word in english)] == []


# -- no help text outside the catalogue ----------------------------------------------------


def _help_keywords() -> list[tuple[str, int, ast.expr]]:
    found = []
    for path in sorted(CLI_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                found += [
                    (path.name, kw.value.lineno, kw.value)
                    for kw in node.keywords
                    if kw.arg in ("help", "description")
                ]
    return found


def test_every_help_and_description_in_the_cli_is_a_catalogue_lookup():
    keywords = _help_keywords()

    # the scan must see the router and every command module, or it proves nothing
    assert {f for f, _, _ in keywords} >= {
        "__init__.py", "inspect_cmd.py", "score_cmd.py", "whatif_cmd.py", "calibrate_cmd.py",
        "store_cmd.py", "args.py",
    }  # fmt: skip
    assert [(f, line) for f, line, value in keywords if not isinstance(value, ast.Call)] == []


def test_no_help_text_is_pinned_to_english():
    pinned = [
        (f, line)
        for f, line, value in _help_keywords()
        if any(isinstance(a, ast.Constant) and a.value in ("en", "de") for a in value.args[1:])
    ]

    assert pinned == []


# -- a command module that cannot be imported -----------------------------------------------


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_command_module_that_fails_to_import_is_exit_1_naming_it(monkeypatch, capsys, lang):
    broken = "scoring.cli.no_such_cmd"
    monkeypatch.setattr(scoring.cli, "COMMAND_MODULES", (*scoring.cli.COMMAND_MODULES, broken))
    monkeypatch.delenv("SSI_DEBUG", raising=False)

    code = main(["--lang", lang, "score", "--help"])

    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1
    assert broken in err
    assert {"en": "could not be loaded", "de": "konnte nicht geladen werden"}[lang] in err
    assert "ModuleNotFoundError" in err


def test_an_import_error_inside_a_command_module_is_not_a_missing_command(
    tmp_path, monkeypatch, capsys
):
    # The module exists but one of its own imports fails: the old router hid such a
    # command when the missing name was the module itself, and crashed otherwise.
    (tmp_path / "half_cmd.py").write_text("import a_library_that_is_not_installed\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(scoring.cli, "COMMAND_MODULES", ("half_cmd",))

    code = main(["--help"])

    assert code == 1
    assert capsys.readouterr().err.startswith("The command module half_cmd could not be loaded")


def test_version_prints_the_package_version(capsys):
    from scoring import __version__

    with pytest.raises(SystemExit) as exited:
        main(["--version"])

    assert exited.value.code == 0
    assert capsys.readouterr().out == f"ssi {__version__}\n"
