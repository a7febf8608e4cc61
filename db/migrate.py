"""Running Alembic migrations from code: at start-up, from the CLI and in tests."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from db.session import PROJECT_ROOT, database_url, get_engine, with_timeouts
from db.timeouts import MAINTENANCE

ALEMBIC_INI = PROJECT_ROOT / "alembic.ini"


def alembic_config(url: str | None = None) -> Config:
    """An Alembic Config for url (default DATABASE_URL / the SQLite file)."""
    cfg = Config(str(ALEMBIC_INI))
    cfg.set_main_option("script_location", str(Path(PROJECT_ROOT / "db" / "migrations")))
    cfg.set_main_option("sqlalchemy.url", (url or database_url()).replace("%", "%%"))
    return cfg


def upgrade(url: str | None = None, revision: str = "head") -> None:
    """Migrate the database at url up to revision (default head)."""
    url = url or database_url()
    cfg = alembic_config(url)
    with with_timeouts(get_engine(url), MAINTENANCE).begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)


def downgrade(url: str | None, revision: str) -> None:
    """Migrate the database at url down to revision."""
    url = url or database_url()
    cfg = alembic_config(url)
    with with_timeouts(get_engine(url), MAINTENANCE).begin() as connection:
        cfg.attributes["connection"] = connection
        command.downgrade(cfg, revision)
