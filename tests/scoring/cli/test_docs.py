"""docs/cli.md and the README's command-line block are the parser's own --help."""

from __future__ import annotations

from scoring.cli import docs
from scoring.i18n import t


def test_docs_cli_md_is_current():
    # if this fails: python -m scoring.cli.docs (make docs) and commit the result
    assert docs.REFERENCE.read_text(encoding="utf-8") == docs.reference()


def test_the_readme_block_is_current():
    readme = docs.README.read_text(encoding="utf-8")

    assert docs.with_readme_block(readme) == readme
    assert readme.count(docs.START) == 1


def test_the_reference_holds_every_command_in_both_languages():
    text = docs.reference()
    commands = [c for c, _ in docs.help_texts("en")]

    assert commands[:3] == ["ssi", "ssi inspect", "ssi score"]
    assert "ssi official add" in commands and "ssi calibrate" in commands
    for command in commands:
        assert text.count(f"### `{command}`\n") == 2  # English and German
    assert t("score.help", "de") in text and t("score.help", "en") in text


def test_a_stale_block_is_replaced_and_the_rest_kept():
    stale = f"intro\n{docs.START}\nold usage\n{docs.END}\noutro\n"

    fresh = docs.with_readme_block(stale)

    assert fresh.startswith(f"intro\n{docs.START}\n```text\nusage: ssi [-h]")
    assert fresh.endswith(f"```\n{docs.END}\noutro\n")


def test_check_mode_reports_current_docs_with_exit_0(capsys):
    assert docs.main(["--check"]) == 0
    assert capsys.readouterr().out == ""
