"""The monitoring table: one row per record, never updated or deleted.

The actual location is a point in EPSG:4326. On PostgreSQL it is a PostGIS
``geometry(Point, 4326)`` (GeoAlchemy2), so GIS tools and spatial SQL see it; on SQLite it is
stored as WKB in a BLOB. SpatiaLite was not chosen for SQLite: it is a native extension that
Python's ``sqlite3`` must be allowed to load and that a planner's machine may lack
(``libsqlite3-mod-spatialite`` is not installed with Python), the app runs no spatial SQL
(zones are matched in geopandas), and one migration then serves both backends. The
GeoPackage export gives GIS users real geometries either way.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

import shapely
from geoalchemy2 import Geometry
from shapely.geometry import Point
from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator, TypeEngine

#: Statuses of the issue, in the order a project goes through them.
STATUSES: Final[tuple[str, ...]] = (
    "not_started",
    "investor_found",
    "licensed",
    "under_construction",
    "operating",
    "suspended",
    "dropped",
)
#: Statuses in which a project counts as realised (capital registered and at work or being built).
REALISED: Final[frozenset[str]] = frozenset({"licensed", "under_construction", "operating"})
SRID: Final[int] = 4326


class PointType(TypeDecorator[Point]):
    """A shapely point: PostGIS geometry on PostgreSQL, WKB bytes elsewhere."""

    impl = LargeBinary
    cache_ok = True
    # Read by GeoAlchemy2's table hooks on PostgreSQL: a few hundred records need no index.
    spatial_index = False
    use_N_D_index = False  # noqa: N815 - the name GeoAlchemy2 reads

    def load_dialect_impl(self, dialect: Dialect | None) -> TypeEngine[Any]:
        """PostGIS geometry on PostgreSQL, a BLOB on SQLite."""
        # GeoAlchemy2's DDL hooks ask without a dialect: the answer there is "not spatial".
        if dialect is not None and dialect.name == "postgresql":
            return dialect.type_descriptor(Geometry("POINT", srid=SRID, spatial_index=False))
        return LargeBinary() if dialect is None else dialect.type_descriptor(LargeBinary())

    def process_bind_param(self, value: Point | None, dialect: Dialect) -> Any:
        """EWKT for PostGIS (it parses it on input), WKB bytes for SQLite."""
        if value is None:
            return None
        if dialect is not None and dialect.name == "postgresql":
            return f"SRID={SRID};{value.wkt}"
        return shapely.to_wkb(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Point | None:
        """Back to a shapely point, whatever form the driver returned."""
        if value is None:
            return None
        data = getattr(value, "data", value)  # GeoAlchemy2's WKBElement wraps the bytes
        if isinstance(data, memoryview):
            data = bytes(data)
        geometry = shapely.from_wkb(data)
        return Point(geometry.x, geometry.y)


class Base(DeclarativeBase):
    """Declarative base of the monitoring schema."""


class Record(Base):
    """One dated, sourced statement of a project's (or one of its sites') state.

    ``supersedes_id`` names the record this one replaces; a unique constraint on it, and a
    unique index on the first record of each project and site, let only one save succeed
    when two editors supersede the same record: the database itself refuses the second.
    """

    __tablename__ = "monitoring_record"
    __table_args__ = (
        CheckConstraint("status IN (" + ", ".join(f"'{s}'" for s in STATUSES) + ")", name="status_known"),
        CheckConstraint("registered_bn_vnd IS NULL OR registered_bn_vnd >= 0", name="registered_positive"),
        CheckConstraint("disbursed_bn_vnd IS NULL OR disbursed_bn_vnd >= 0", name="disbursed_positive"),
        CheckConstraint("length(source) > 0", name="source_given"),
        Index(
            "one_first_record",
            "project_id",
            "site",
            unique=True,
            sqlite_where=text("supersedes_id IS NULL"),
            postgresql_where=text("supersedes_id IS NULL"),
        ),
        Index("record_by_project", "project_id", "site", "as_of"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    project_id: Mapped[str] = mapped_column(String(80))
    site: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[str] = mapped_column(String(32))
    investor: Mapped[str] = mapped_column(Text, default="")
    zone_id: Mapped[str] = mapped_column(String(80), default="")
    location: Mapped[Point | None] = mapped_column(PointType, nullable=True)
    registered_bn_vnd: Mapped[float | None] = mapped_column(Float, nullable=True)
    disbursed_bn_vnd: Mapped[float | None] = mapped_column(Float, nullable=True)
    as_of: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(80))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    supersedes_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("monitoring_record.id"), unique=True, nullable=True
    )
