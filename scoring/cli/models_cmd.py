"""``ssi models``: the score models saved by ``ssi calibrate --save``.

``ssi models [--json]`` lists them (name, version, readings, fit error, and how
uncertain a fit from few readings is); ``ssi models --remove NAME`` deletes one.
They live in the ``models`` folder of the user's data folder
(:func:`models_folder`); ``ssi score --model NAME`` and ``ssi history --model NAME``
use one. A thin skin over :mod:`scoring.model.saved`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from scoring.cli.output import print_json, print_line, print_text
from scoring.i18n import LANGS, Lang, t


def models_folder() -> Path:
    """The saved models' folder in the user's data folder (the one place the CLI reads it).

    The store's paths module is imported here, not at the top, so that commands
    which never touch saved models do not load the database layer.
    """
    from scoring.model.saved import models_dir  # noqa: PLC0415  lazy: loads pandas
    from scoring.store.paths import data_dir  # noqa: PLC0415  lazy: the database layer

    return models_dir(data_dir())


def register(subparsers: argparse._SubParsersAction, lang: Lang) -> None:
    """Add the ``models`` sub-command to the ``ssi`` parser."""
    models = subparsers.add_parser(
        "models", help=t("models.help", lang), description=t("models.help", lang)
    )
    models.add_argument("--remove", metavar="NAME", help=t("models.arg.remove", lang))
    models.add_argument(
        "--json", action="store_true", dest="as_json", help=t("score.arg.json", lang)
    )
    models.add_argument("--lang", choices=LANGS, default=None, help=t("score.arg.lang", lang))
    models.set_defaults(func=run_models)


def run_models(args: argparse.Namespace) -> int:
    """List the saved models, or remove the one named by ``--remove``; 0 on success."""
    from scoring.model import load_config  # noqa: PLC0415  lazy: pandas only when run
    from scoring.model.saved import fit_summary, list_models, remove_model  # noqa: PLC0415

    lang = args.lang
    folder = models_folder()
    if args.remove is not None:
        remove_model(folder, args.remove)
        print_line(t("saved_model.removed", lang, name=args.remove))
        return 0
    saved = list_models(folder)
    if args.as_json:
        return print_json([m.payload() for m in saved])
    print_text(t("saved_model.default_line", lang, version=load_config().version))
    if not saved:
        print_text(t("saved_model.none", lang))
    for model in saved:
        print_text(fit_summary(model, lang))
    return 0
