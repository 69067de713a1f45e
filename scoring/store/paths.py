"""Where the score database lives when the user names none.

The default is one SQLite file in the user's data directory, the place each
operating system sets aside for an application's own files; ``SSI_DATABASE_URL``
(any SQLAlchemy URL, e.g. ``postgresql+psycopg://host/ssi`` for a team server)
overrides it. The functions take the environment and platform as arguments so
that every branch can be tested on any machine.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy.engine import URL, make_url

APP_DIR = "ssi-dashboard"
DB_FILE = "ssi.sqlite"
URL_VARIABLE = "SSI_DATABASE_URL"


def data_dir(
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    home: Path | None = None,
) -> Path:
    """The folder this application keeps its own data in, for the given platform.

    Linux and other Unix: ``$XDG_DATA_HOME/ssi-dashboard``, falling back to
    ``~/.local/share/ssi-dashboard`` when the variable is unset or not absolute (as the
    XDG specification asks); macOS: ``~/Library/Application Support/ssi-dashboard``;
    Windows: ``%APPDATA%\\ssi-dashboard`` (the roaming profile, falling back to
    ``~\\AppData\\Roaming``). ``env``, ``platform`` and ``home`` default to the running
    process's values.
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    home = Path.home() if home is None else home
    if platform.startswith("win"):
        appdata = env.get("APPDATA")
        base = Path(appdata) if appdata else home / "AppData" / "Roaming"
    elif platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        xdg = env.get("XDG_DATA_HOME", "")
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share"
    return base / APP_DIR


def default_database_url(
    env: Mapping[str, str] | None = None,
    platform: str | None = None,
    home: Path | None = None,
) -> str:
    """``SSI_DATABASE_URL`` when set and not blank, else the SQLite file in :func:`data_dir`."""
    env = os.environ if env is None else env
    explicit = env.get(URL_VARIABLE, "").strip()
    if explicit:
        return explicit
    path = data_dir(env, platform, home) / DB_FILE
    return URL.create("sqlite", database=str(path)).render_as_string()


def sqlite_file(url: str | URL) -> Path | None:
    """The file behind a SQLite URL, or ``None`` for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database)


def display_url(url: str | URL) -> str:
    """The URL as it may be shown to a user: the file path for SQLite, no password otherwise."""
    path = sqlite_file(url)
    if path is not None:
        return str(path)
    return make_url(url).render_as_string(hide_password=True)
