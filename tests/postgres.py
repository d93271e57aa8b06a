"""A throw-away PostgreSQL server for the tests, built from Debian's binaries.

`initdb` + `pg_ctl` in a temporary directory, listening only on a Unix socket in that directory
(on a free port number, so several test runs can coexist). PostgreSQL refuses to run as root, so
as root the server runs as the `postgres` user. Nothing here touches a system cluster.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SERVER_USER = "postgres"  # the account Debian's package creates
SUPERUSER = "buzon"


class PostgresUnavailable(RuntimeError):
    """The binaries (or a non-root account to run them) are missing on this machine."""


def _major_version(initdb: str) -> int:
    name = Path(initdb).parent.parent.name  # /usr/lib/postgresql/<major>/bin/initdb
    return int(name) if name.isdigit() else 0


def find_bin_dir() -> Path:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_major_version)
    if candidates:
        return Path(candidates[-1]).parent
    on_path = shutil.which("initdb")
    if on_path and shutil.which("pg_ctl"):
        return Path(on_path).parent
    raise PostgresUnavailable(
        "No se encontraron initdb/pg_ctl de PostgreSQL (instale el paquete «postgresql»)."
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class PostgresServer:
    bin_dir: Path
    root: Path
    port: int
    run_as: str | None  # None: the current (non-root) user
    schemas: int = 0

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    def _cmd(self, *args: str) -> list[str]:
        prefix = ["runuser", "-u", self.run_as, "--"] if self.run_as else []
        return [*prefix, *args]

    def _run(self, *args: str) -> None:
        done = subprocess.run(self._cmd(*args), capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} falló ({done.returncode}): {done.stderr[-2000:]}")

    def start(self) -> None:
        self._run(
            str(self.bin_dir / "initdb"),
            "-D",
            str(self.data_dir),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        # No TCP at all, socket in our directory; fsync off: this data is thrown away.
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses='' -F "
            "-c full_page_writes=off -c max_connections=50"
        )
        self._run(
            str(self.bin_dir / "pg_ctl"),
            "-D",
            str(self.data_dir),
            "-o",
            options,
            "-l",
            str(self.root / "server.log"),
            "-w",
            "-t",
            "60",
            "start",
        )

    def stop(self) -> None:
        try:
            self._run(
                str(self.bin_dir / "pg_ctl"),
                "-D",
                str(self.data_dir),
                "-m",
                "immediate",
                "-w",
                "stop",
            )
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, schema: str | None = None) -> str:
        url = f"postgresql+psycopg://{SUPERUSER}@/postgres?host={self.root}&port={self.port}"
        # Tests are isolated by schema: much cheaper than CREATE DATABASE per test.
        return url + (f"&options=-csearch_path%3D{schema}" if schema else "")

    def fresh_url(self) -> str:
        """A new, empty namespace (a schema first on the search path); returns its URL."""
        import psycopg

        self.schemas += 1
        schema = f"prueba_{self.schemas}"
        conninfo = f"host={self.root} port={self.port} user={SUPERUSER} dbname=postgres"
        with psycopg.connect(conninfo, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        return self.url(schema)


def start_server() -> PostgresServer:
    """Start a fresh server; raises PostgresUnavailable when this machine cannot run one."""
    bin_dir = find_bin_dir()
    run_as = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SERVER_USER)
        except KeyError as exc:
            raise PostgresUnavailable(
                f"Como root, PostgreSQL necesita el usuario «{SERVER_USER}» y no existe."
            ) from exc
        if shutil.which("runuser") is None:
            raise PostgresUnavailable("Como root se necesita «runuser» para lanzar PostgreSQL.")
        run_as = SERVER_USER
    # Short path under /tmp: a Unix socket path must fit in 107 bytes.
    root = Path(tempfile.mkdtemp(prefix="buzon-pg-", dir="/tmp"))
    if run_as:
        shutil.chown(root, user=run_as, group=None)
        os.chmod(root, 0o700)
    server = PostgresServer(bin_dir, root, _free_port(), run_as)
    try:
        server.start()
    except BaseException:
        subprocess.run(
            server._cmd(
                str(bin_dir / "pg_ctl"), "-D", str(server.data_dir), "-m", "immediate", "stop"
            ),
            capture_output=True,
            check=False,
        )
        log = root / "server.log"
        detail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        if detail:
            raise RuntimeError(f"PostgreSQL no arrancó:\n{detail}") from None
        raise
    return server
