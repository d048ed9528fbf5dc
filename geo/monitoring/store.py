"""The database: which one (``DATABASE_URL``), opened with its schema brought up to date.

Without ``DATABASE_URL`` the records live in an SQLite file outside ``data/`` and outside
git: ``$MONITORING_HOME/monitoring.sqlite``, by default
``~/.local/share/thai-binh-plan/monitoring.sqlite``. With ``DATABASE_URL=postgresql://…`` they
live in PostgreSQL with PostGIS. The schema is Alembic's (``geo/monitoring/migrations``),
upgraded to the newest version whenever a store is opened, so the first start creates it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS: Final[Path] = Path(__file__).parent / "migrations"
#: Seconds an SQLite writer waits for another one before giving up.
SQLITE_BUSY_S: Final[float] = 10.0


def home() -> Path:
    """Folder of the default database and the users file (``MONITORING_HOME`` overrides it)."""
    given = os.environ.get("MONITORING_HOME")
    return Path(given) if given else Path.home() / ".local" / "share" / "thai-binh-plan"


def database_url() -> str:
    """``DATABASE_URL``, or an SQLite file in :func:`home`."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{home() / 'monitoring.sqlite'}"


def _driver_url(url: str) -> str:
    """``postgresql://`` spelled for psycopg 3, the driver installed with the app."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _sqlite_pragmas(connection: Any, _record: object) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    # WAL lets the app read while another process (the command line) writes.
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.close()


@dataclass(frozen=True)
class Store:
    """An open database: its engine and a session factory."""

    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def backend(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def open_store(url: str | None = None) -> Store:
    """Open the database at ``url`` (default :func:`database_url`) and migrate it to the newest schema.

    Parameters
    ----------
    url
        ``sqlite:///PATH`` or ``postgresql://USER@HOST:PORT/DB``; the folder of an SQLite
        file is created.
    """
    url = _driver_url(url or database_url())
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_S})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    migrate(engine)
    return Store(engine, sessionmaker(engine, expire_on_commit=False))


def migrate(engine: Engine) -> None:
    """Bring the schema to Alembic's head revision (creates it on an empty database)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS postgis"))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
