"""A throw-away PostgreSQL + PostGIS cluster for the monitoring tests, and one database per test.

The cluster starts once per test session (``initdb`` into a temporary folder as the
``postgres`` user when running as root, ``pg_ctl -o "-p PORT -k DIR" start``); a template
database with PostGIS makes each test's database a cheap copy. Outside CI a machine without
PostgreSQL skips the PostgreSQL half of the tests; with ``CI=true`` it fails them instead.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

BACKENDS = ("sqlite", "postgresql")
_COUNTER = itertools.count()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(candidates[-1]) if candidates else None


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"PostgreSQL is needed in CI: {reason}")
    pytest.skip(f"PostgreSQL not available: {reason}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL of a running throw-away cluster's ``postgres`` database (with a PostGIS template)."""
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not initdb or not pg_ctl:
        _unavailable("initdb/pg_ctl not found (apt-get install postgresql postgresql-15-postgis-3)")
    assert initdb
    assert pg_ctl
    folder = Path(tempfile.mkdtemp(prefix="monitoring-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        user = pwd.getpwnam("postgres")
        os.chown(folder, user.pw_uid, user.pw_gid)
        run_as = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", _free_port()
    try:
        subprocess.run(
            [*run_as, initdb, "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [
                *run_as,
                pg_ctl,
                "-D",
                str(data),
                "-o",
                f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off",
                "-l",
                str(folder / "log"),
                "-w",
                "start",
            ],
            check=True,
            capture_output=True,
        )
    except (subprocess.CalledProcessError, OSError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        _unavailable(f"could not start a cluster: {getattr(exc, 'stderr', b'') or exc}")
    url = f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    try:
        engine = create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text("CREATE DATABASE monitoring_template"))
        engine.dispose()
        template = create_engine(url.rsplit("/", 1)[0] + "/monitoring_template")
        with template.begin() as connection:
            connection.execute(text("CREATE EXTENSION postgis"))
        template.dispose()
    except SQLAlchemyError as exc:
        subprocess.run([*run_as, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], check=False)
        shutil.rmtree(folder, ignore_errors=True)
        _unavailable(f"PostGIS could not be enabled: {exc}")
    yield url
    subprocess.run(
        [*run_as, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], check=False, capture_output=True
    )
    shutil.rmtree(folder, ignore_errors=True)


def fresh_postgres(server: str) -> str:
    """A new empty database (with PostGIS) on ``server``; its URL."""
    name = f"monitoring_{os.getpid()}_{next(_COUNTER)}"
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name} TEMPLATE monitoring_template"))
    engine.dispose()
    return server.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="session", autouse=True)
def monitoring_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every app and command a test starts keeps its records and users in a temporary folder."""
    folder = tmp_path_factory.mktemp("monitoring-home")
    saved = {name: os.environ.pop(name, None) for name in ("DATABASE_URL", "MONITORING_USERS_FILE")}
    before = os.environ.get("MONITORING_HOME")
    os.environ["MONITORING_HOME"] = str(folder)
    yield folder
    os.environ.pop("MONITORING_HOME")
    if before is not None:
        os.environ["MONITORING_HOME"] = before
    for name, value in saved.items():
        if value is not None:
            os.environ[name] = value


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database on each backend: an SQLite file, then a PostgreSQL + PostGIS database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'monitoring.sqlite'}"
    return fresh_postgres(request.getfixturevalue("postgres_server"))


@pytest.fixture
def other_db_url(request: pytest.FixtureRequest, db_url: str, tmp_path: Path) -> str:
    """A second empty database on the same backend as ``db_url`` (for export → import)."""
    if db_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'other.sqlite'}"
    return fresh_postgres(request.getfixturevalue("postgres_server"))
