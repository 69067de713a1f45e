"""The ``ssi`` command: a thin skin over the scoring package.

Each sub-command lives in its own module with ``register(subparsers, lang)``;
the module sets ``func`` on its parser and takes every help text from the
catalogue in ``lang``. The language is known before the parser is built
(``--lang`` anywhere on the command line, else ``SSI_LANG``, else English), so
``--help`` speaks it too; :func:`main` resolves it once more from the whole command
line and every command reads it from ``args.lang``. Exit codes: 0 success, 2 bad
input (one line on stderr, in the chosen language), 1 internal error (one line, no
traceback unless ``SSI_DEBUG=1``), also when a command module cannot be imported.
"""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from typing import Any, NoReturn

from scoring import __version__
from scoring.cli.output import print_error
from scoring.errors import SSIError
from scoring.i18n import LANGS, Lang, normalize_lang, t

#: Sub-command modules, in the order ``ssi --help`` lists them.
COMMAND_MODULES = (
    "scoring.cli.inspect_cmd",
    "scoring.cli.score_cmd",
    "scoring.cli.change_cmd",
    "scoring.cli.models_cmd",
    "scoring.cli.whatif_cmd",
    "scoring.cli.calibrate_cmd",
    "scoring.cli.store_cmd",
    "scoring.cli.batch_cmd",
)


class CommandModuleError(Exception):
    """A module of :data:`COMMAND_MODULES` failed to import: a broken install, not bad input."""

    def __init__(self, module: str, cause: BaseException) -> None:
        super().__init__(module)
        self.module = module
        self.cause = cause

    def message(self, lang: str) -> str:
        """One line naming the module and what went wrong, in ``lang``."""
        detail = " ".join(f"{type(self.cause).__name__}: {self.cause}".split())
        return t("cli.error.command_module", lang, module=self.module, detail=detail)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter with the ``usage:`` prefix in the help language."""

    # argparse passes these on untyped: Any is what its own signatures take.
    def __init__(self, prog: str, *, usage_prefix: str = "usage: ", **kwargs: Any) -> None:  # noqa: ANN401, RUF100
        super().__init__(prog, **kwargs)
        self._usage_prefix = usage_prefix

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, self._usage_prefix if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An argument parser whose own words (sections, ``-h``, ``usage:``) are in ``lang``.

    Sub-parsers made through :meth:`add_subparsers` inherit the language, so a
    module only has to pass catalogue texts for its own options.
    """

    def __init__(self, *args: Any, lang: Lang = "en", **kwargs: Any) -> None:  # noqa: ANN401, RUF100
        kwargs.setdefault(
            "formatter_class", partial(HelpFormatter, usage_prefix=t("cli.usage", lang))
        )
        super().__init__(*args, **kwargs)
        self.lang = lang
        # Renamed only after the parents' options have joined these groups by their titles.
        self._positionals.title = t("cli.section.positionals", lang)
        self._optionals.title = t("cli.section.options", lang)
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = t("cli.arg.help", lang)

    def add_subparsers(self, **kwargs: Any) -> Any:  # noqa: ANN401, RUF100
        kwargs.setdefault("parser_class", partial(Parser, lang=self.lang))
        return super().add_subparsers(**kwargs)

    def error(self, message: str) -> NoReturn:
        """A usage error: one line in ``lang`` pointing to ``--help``, exit code 2.

        argparse would print its whole usage block first; a person needs the one
        line that says what is wrong and where to read more.
        """
        shown = _argparse_message(message, self.lang)
        print_error(t("cli.error.usage", self.lang, prog=self.prog, message=shown))
        raise SystemExit(2)


#: argparse's own messages (Python 3.11+) and the catalogue text for each.
_ARGPARSE_MESSAGES = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "cli.argparse.required"),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"), "cli.argparse.unrecognized"),
    (
        re.compile(
            r"argument (?P<name>\S+): invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)"
        ),
        "cli.argparse.invalid_choice",
    ),
    (re.compile(r"argument (?P<name>\S+): expected one argument"), "cli.argparse.expected_one"),
)


def _argparse_message(message: str, lang: Lang) -> str:
    """argparse's English ``message`` in ``lang`` when it is one of the common ones."""
    for pattern, key in _ARGPARSE_MESSAGES:
        match = pattern.fullmatch(message)
        if match is not None:
            return t(key, lang, **match.groupdict())
    return message


def argv_lang(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> Lang:
    """The language asked for on the command line (``--lang de``/``--lang=de``), else ``SSI_LANG``.

    Read before parsing because the help texts are built in this language; the
    last ``--lang`` wins, as in argparse, and nothing after ``--`` counts.
    """
    value = None
    args = iter(argv)
    for arg in args:
        if arg == "--":
            break
        if arg == "--lang":
            value = next(args, None)
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
    env = os.environ if environ is None else environ
    return normalize_lang(value if value is not None else env.get("SSI_LANG"))


def build_parser(lang: Lang = "en") -> argparse.ArgumentParser:
    """The ``ssi`` parser with every sub-command, its help texts in ``lang``.

    Building it imports each command module but none of the library behind it:
    a module imports pandas, the model or the reader inside the function that runs
    the command, so that ``ssi --help``, ``ssi --version`` and a usage error start
    in a fraction of a second (issue 12; tests/scoring/cli/test_startup.py).
    """
    parser = Parser(prog="ssi", description=t("cli.description", lang), lang=lang)
    parser.add_argument("--lang", choices=LANGS, help=t("cli.arg.lang", lang))
    parser.add_argument(
        "--version", action="version", version=f"ssi {__version__}", help=t("cli.arg.version", lang)
    )
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, help=t("cli.arg.command", lang)
    )
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except Exception as exc:  # a missing command must be loud, never silently absent
            raise CommandModuleError(name, exc) from exc
        module.register(sub, lang)
    return parser


def parse(argv: Sequence[str], environ: Mapping[str, str] | None = None) -> argparse.Namespace:
    """The parsed command line ``argv``: the command's ``func`` and options, ``lang`` resolved.

    A usage error prints one line on standard error and raises ``SystemExit(2)``;
    ``--help`` and ``--version`` print on standard output and raise ``SystemExit(0)``.
    Raises :class:`CommandModuleError` when a command module cannot be imported.
    """
    lang = argv_lang(argv, environ)
    args = build_parser(lang).parse_args(list(argv))
    # A sub-command's own --lang (None when not given) replaces the one before the
    # command name, so the language is resolved again from the whole command line.
    args.lang = normalize_lang(getattr(args, "lang", None) or lang)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``ssi`` command line ``argv`` (default: ``sys.argv[1:]``); the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = argv_lang(args_list)
    try:
        args = parse(args_list)
    except CommandModuleError as exc:
        if os.environ.get("SSI_DEBUG") == "1":
            raise
        print_error(exc.message(lang))
        return 1
    lang = args.lang
    try:
        return int(args.func(args) or 0)
    except SSIError as exc:
        print_error(exc.message(lang))
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `ssi … | head` closed the pipe: not an error of ours or the user's. Standard
        # output goes to the null device so that flushing it at exit cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # the last guard: one line, never a traceback
        if os.environ.get("SSI_DEBUG") == "1":
            raise
        print_error(t("error.internal", lang, detail=type(exc).__name__))
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
