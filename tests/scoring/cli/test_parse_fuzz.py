"""Fuzzing the command line (issue 11, build item 5): whatever is typed, a namespace or one line.

Three targets. :func:`scoring.cli.parse` on any argument list returns a namespace
with the command to run, or exits (0 for ``--help``/``--version``, 2 for a usage
error with exactly one line on standard error); never a traceback. The value
parsers of :mod:`scoring.cli.args` return a value in their range or raise the
typed :class:`~scoring.errors.InputError`. And the scoring commands check every
value before any work: with the reader replaced by a tripwire, ``main`` either
reaches it or stops with exit 2 and one line.

Each runs ``SSI_FUZZ_EXAMPLES`` examples (200 by default, as CI runs them; ``make
fuzz`` runs thousands and prints the count), each within a generous time bound.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import math
import time
from collections import Counter
from datetime import date

import pytest
from fuzzing import FUZZ, counts_line
from hypothesis import given
from hypothesis import strategies as st

import scoring.cli as cli
from scoring import ingest
from scoring.cli import args as cli_args
from scoring.cli import score_cmd
from scoring.errors import InputError
from scoring.i18n import LANGS

pytestmark = pytest.mark.fuzz

#: Building the parser and parsing a few dozen words takes milliseconds; this is
#: a bound against a hang (a regular expression gone quadratic), not a benchmark.
MAX_SECONDS = 5.0
COUNTS: Counter[str] = Counter()

COMMANDS = [
    "inspect", "score", "history", "change", "models", "whatif", "calibrate", "import",
    "snapshots", "team", "official", "add", "forget", "batch",
]  # fmt: skip
OPTIONS = [
    "--help", "-h", "--version", "--lang", "--lang=de", "--json", "--window-days", "--as-of",
    "--profile-views", "--saved-leads", "--industry", "--peers", "--official", "--team",
    "--member", "--db", "--tips", "--model", "--freq", "--add", "--weeks", "--stop", "--since",
    "--reading", "--save", "--remove", "--today", "--without-stale", "--total", "--brand",
    "--industry-rank", "--date", "--text-file", "--yes", "--out", "--engine", "--scheduler",
    "--store", "--", "-", "--bogus", "-x",
]  # fmt: skip
VALUES = [
    "de", "en", "fr", "0", "-1", "90", "3651", "1e12", "nan", "inf", "-inf", "2,5", "2026-10-15",
    "9999-12-31", "0001-01-01", "2262-04-12", "1677-09-21", "posts=3", "posts=1e308", "=3",
    "D", "W", "x", "sqlite:///x.db", "garbage", "   ", "", "local", "dask", "2026-10-01=f.txt",
    "\x1b]52;c;aGk=\x07", "a\nb", "\u202e", "ä", "missing.zip",
]  # fmt: skip
TOKEN = st.one_of(
    st.sampled_from(COMMANDS),
    st.sampled_from(OPTIONS),
    st.sampled_from(VALUES),
    st.text(max_size=12),
)
ARGV = st.lists(TOKEN, max_size=10)
ENV_LANG = st.sampled_from([None, "de", "en", "de-DE", "xx"])


@pytest.fixture(scope="module", autouse=True)
def _report_counts():
    yield
    print(counts_line(COUNTS))


def _one_line(text: str) -> None:
    assert text.endswith("\n")
    assert text.count("\n") == 1
    assert "Traceback" not in text


@FUZZ
@given(ARGV, ENV_LANG)
def test_parse_returns_a_namespace_or_exits_with_one_line(argv, env_lang):
    COUNTS["parse"] += 1
    environ = {} if env_lang is None else {"SSI_LANG": env_lang}
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            parsed = cli.parse(argv, environ)
        except SystemExit as exited:
            code = exited.code
        else:
            code = None
    assert time.perf_counter() - start < MAX_SECONDS
    if code is None:
        assert isinstance(parsed, argparse.Namespace)
        assert callable(parsed.func)
        assert parsed.lang in LANGS
        assert (out.getvalue(), err.getvalue()) == ("", "")
    elif code == 0:  # --help or --version: on standard output
        assert out.getvalue().startswith(("usage: ssi", "Aufruf: ssi", "ssi "))
        assert err.getvalue() == ""
    else:
        assert code == 2
        assert out.getvalue() == ""
        _one_line(err.getvalue())
        assert err.getvalue().endswith(" --help)\n")


TEXT = st.one_of(st.sampled_from(VALUES), st.text(max_size=16), st.integers().map(str))


def _typed_error(exc: InputError, text: str) -> None:
    for lang in LANGS:
        # the typed text is quoted as given (the terminal layer flattens it); ours is one line
        message = exc.message(lang)
        assert message and "\n" not in message.replace(text, "")


@FUZZ
@given(TEXT, st.sampled_from(["date", "window", "count", "change", "weeks", "tips", "freq", "db"]))
def test_each_value_parser_returns_a_value_in_range_or_the_typed_error(text, parser):
    COUNTS["values"] += 1
    start = time.perf_counter()
    try:
        value = {
            "date": lambda: cli_args.parse_date(text, "--as-of"),
            "window": lambda: cli_args.parse_window(text),
            "count": lambda: cli_args.parse_count(text, "--profile-views"),
            "change": lambda: cli_args.parse_weekly_change("posts", text),
            "weeks": lambda: cli_args.parse_weeks(text, "--stop"),
            "tips": lambda: cli_args.parse_tips(text),
            "freq": lambda: cli_args.parse_freq(text),
            "db": lambda: cli_args.parse_database_url(text, {}),
        }[parser]()
    except InputError as exc:
        _typed_error(exc, text)
    else:
        if parser == "date":
            assert cli_args.FIRST_DATE <= value <= cli_args.LAST_DATE
        elif parser == "window":
            assert 1 <= value <= 3650
        elif parser == "count":
            assert 0 <= value <= cli_args.MAX_COUNT
        elif parser == "change":
            # NaN and infinities are refused by the caller (parse_changes) with its own line
            assert not math.isfinite(value) or abs(value) <= cli_args.MAX_WEEKLY_CHANGE
        elif parser == "weeks":
            assert 1 <= value <= cli_args.MAX_WEEKS
        elif parser == "tips":
            assert 0 <= value <= cli_args.MAX_TIPS
        elif parser == "freq":
            assert value in ("D", "W", "M")
        else:
            assert value is None or value.startswith(("sqlite", "postgresql"))
    assert time.perf_counter() - start < MAX_SECONDS


class Reached(BaseException):
    """The tripwire: the command got as far as reading the export (past main's last guard)."""


def _tripwire(*_args: object, **_kwargs: object) -> None:
    raise Reached


SCORING = st.sampled_from(["score", "history", "whatif", "change"])
SCORING_OPTIONS = st.lists(
    st.tuples(
        st.sampled_from(
            ["--window-days", "--as-of", "--profile-views", "--saved-leads", "--tips", "--freq",
             "--add", "--weeks", "--stop", "--since"]
        ),
        TEXT,
    ),
    max_size=4,
)  # fmt: skip


@FUZZ
@given(SCORING, SCORING_OPTIONS, st.sampled_from(["en", "de"]))
def test_a_scoring_command_checks_every_value_before_reading(command, options, lang):
    COUNTS["before work"] += 1
    argv = [command, "missing.zip", "--lang", lang]
    for option, value in options:
        argv += [f"{option}={value}"]  # "=" so that a value starting with "-" stays a value
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as patch:
        # each command imports the reader when it runs, from scoring.ingest
        patch.setattr(ingest, "read_export", _tripwire)
        start = time.perf_counter()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as exited:  # an option the command does not have
                code = exited.code
            except Reached:
                code = None
    assert time.perf_counter() - start < MAX_SECONDS
    if code is not None:
        assert code == 2
        assert out.getvalue() == ""
        _one_line(err.getvalue())


def test_the_tripwire_is_reached_when_every_value_is_good(capsys, monkeypatch):
    monkeypatch.setattr(ingest, "read_export", _tripwire)
    with pytest.raises(Reached):
        cli.main(["score", "missing.zip", "--as-of", "2026-10-15", "--window-days", "90"])
    assert capsys.readouterr().err == ""


def test_parse_resolves_the_language_of_the_whole_command_line():
    parsed = cli.parse(["--lang", "de", "score", "x.zip", "--as-of", "2026-10-15"], {})

    assert (parsed.command, parsed.paths, parsed.as_of, parsed.lang) == (
        "score",
        ["x.zip"],
        "2026-10-15",
        "de",
    )
    assert parsed.func is score_cmd.run_score
    assert cli.parse(["team"], {"SSI_LANG": "de-AT"}).lang == "de"
    assert date(2026, 10, 15) == cli_args.parse_date(parsed.as_of, "--as-of")
