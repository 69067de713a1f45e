"""A throw-away PostgreSQL server for the store tests, and the databases made on it.

Debian's ``postgresql`` package (``make postgres`` installs it) ships ``initdb`` and
``pg_ctl`` under ``/usr/lib/postgresql/<version>/bin``. The server lives in a
temporary folder, listens only on a unix socket there (no TCP port, nothing
reachable from outside), and is stopped and deleted when the test session ends.
PostgreSQL refuses to run as root, so as root the server runs as the ``postgres``
user. Anything that prevents the start is an error, never a skip: a store test
that silently ran on SQLite alone would hide every PostgreSQL difference.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

#: Durability is not what these tests are about; without fsync the server is much faster.
SERVER_OPTIONS = (
    "-c listen_addresses='' -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
)
ADMIN = "postgres"


class ServerError(RuntimeError):
    """The test server could not be set up; the message says what to install or check."""


def binaries() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl`` of the newest PostgreSQL installed."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: (
            int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0
        ),
    )
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    if on_path:
        return Path(on_path).resolve().parent
    raise ServerError(
        "PostgreSQL is not installed: run `make postgres` (Debian's postgresql package)"
    )


class Server:
    """One running server; :meth:`database` makes a new empty database on it."""

    def __init__(self) -> None:
        self.bin = binaries()
        self.root = Path(tempfile.mkdtemp(prefix="ssi-pg-"))
        self.data = self.root / "data"
        self.socket = self.root / "socket"
        self.socket.mkdir()
        self._as_postgres = os.geteuid() == 0
        if self._as_postgres:
            user = pwd.getpwnam("postgres")
            for path in (self.root, self.socket):
                os.chown(path, user.pw_uid, user.pw_gid)
        self._names = itertools.count(1)
        self._run("initdb", "-D", str(self.data), "-U", ADMIN, "-A", "trust", "-E", "UTF8",
                  "--no-locale", "--no-sync")  # fmt: skip
        log = self.root / "server.log"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(log), "-w", "-t", "60",
                  "-o", f"-k {self.socket} {SERVER_OPTIONS}", "start")  # fmt: skip
        self.admin = create_engine(self.url(ADMIN), isolation_level="AUTOCOMMIT")

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bin / tool), *args]
        if self._as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise ServerError(f"{tool} failed ({done.returncode}): {done.stderr or done.stdout}")

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of ``database`` on this server (over the unix socket)."""
        return f"postgresql+psycopg://{ADMIN}@/{database}?host={self.socket}"

    def database(self, template: str | None = None) -> str:
        """The URL of a new database: empty, or a copy of the database at URL ``template``."""
        name = f"ssi_{next(self._names)}"
        source = f" TEMPLATE {make_url(template).database}" if template else ""
        # A copy needs its source without connections; a store that just closed may
        # still be leaving the server for a moment.
        for attempt in range(50):
            try:
                with self.admin.connect() as connection:
                    connection.execute(text(f"CREATE DATABASE {name}{source}"))
                break
            except OperationalError:
                if attempt == 49:
                    raise
                time.sleep(0.1)
        return self.url(name)

    def relation_bytes(self, url: str) -> bytes:
        """The on-disk bytes of every table and index of the database at ``url``.

        A checkpoint first writes what is only in memory to those files. The server's
        write-ahead log (``pg_wal``) is not included: on a server it is the
        administrator's to expire, like backups.
        """
        engine = create_engine(url)
        try:
            with engine.connect() as connection:
                connection.execute(text("CHECKPOINT"))
                paths = connection.execute(
                    text(
                        "SELECT pg_relation_filepath(c.oid) FROM pg_class c "
                        "JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i', 't')"
                    )
                ).scalars()
                files = [self.data / p for p in paths if p]
        finally:
            engine.dispose()
        chunks = []
        for file in files:
            for segment in [file, *sorted(file.parent.glob(f"{file.name}.*"))]:
                if segment.exists():
                    chunks.append(segment.read_bytes())
        return b"".join(chunks)

    def stop(self) -> None:
        """Stop the server at once and delete its folder."""
        self.admin.dispose()
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
