"""Export every record to GPKG, XLSX or CSV, and import such a file: all rows valid, or none.

An exported file lists the whole history (ids, authors, times, what each record
supersedes), so importing it into an empty database gives back every record as it was. A
planner's own table may leave ``id`` empty: each such row becomes a new record that
supersedes its project's latest, in the file's order. Rows are checked like the editor's
form (:func:`geo.monitoring.records.read_draft`), every problem is listed, and nothing is
written unless every row is valid; the write is one transaction.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Final

import geopandas as gpd
import pandas as pd
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from geo import io
from geo.errors import PlanDataError, Problem, phrase, shown
from geo.monitoring.amounts import format_amount
from geo.monitoring.models import SRID, Record
from geo.monitoring.records import (
    Draft,
    Entry,
    Known,
    entries_frame,
    head_row,
    history,
    new_row,
    read_draft,
)
from geo.monitoring.store import Store

FORMATS: Final[tuple[str, ...]] = ("gpkg", "xlsx", "csv")
#: Columns of the history an export adds to the record's own fields.
HISTORY_COLUMNS: Final[tuple[str, ...]] = ("id", "recorded_by", "recorded_at", "supersedes_id")


def export_frame(entries: list[Entry]) -> gpd.GeoDataFrame:
    """Records as a layer: text columns as read back by the import, points as geometry.

    Amounts are written so they read back exactly in either language's convention
    (:func:`~geo.monitoring.amounts.format_amount`); dates and times are ISO 8601, UTC.
    """
    frame = entries_frame(entries)
    for column in ("registered_bn_vnd", "disbursed_bn_vnd"):
        frame[column] = [format_amount(v) if pd.notna(v) else "" for v in frame[column]]
    frame["as_of"] = [d.isoformat() for d in frame["as_of"]]
    frame["recorded_at"] = [t.isoformat() for t in frame["recorded_at"]]
    frame["supersedes_id"] = [str(int(v)) if pd.notna(v) else "" for v in frame["supersedes_id"]]
    frame["id"] = frame["id"].astype(str)
    geometry = gpd.points_from_xy(frame["lon"], frame["lat"], crs=f"EPSG:{SRID}")
    geometry = [None if pd.isna(x) else point for x, point in zip(frame["lon"], geometry, strict=True)]
    frame["lon"] = [repr(float(v)) if pd.notna(v) else "" for v in frame["lon"]]
    frame["lat"] = [repr(float(v)) if pd.notna(v) else "" for v in frame["lat"]]
    ordered = ["id", *[c for c in frame.columns if c not in HISTORY_COLUMNS], *HISTORY_COLUMNS[1:]]
    return gpd.GeoDataFrame(frame[ordered], geometry=geometry, crs=f"EPSG:{SRID}")


def export_records(store: Store, out: Path, fmt: str) -> int:
    """Write every record to ``out`` as ``fmt`` (gpkg, xlsx, csv); return how many."""
    if fmt not in FORMATS:
        raise ValueError(f"`fmt` was {fmt!r} but is expected to be in {FORMATS}")
    layer = export_frame(history(store))
    if fmt == "gpkg":
        io.write_layer(layer, out, "gpkg")
    else:
        io.write_table(pd.DataFrame(layer.drop(columns=layer.geometry.name)), out, fmt)
    return len(layer)


def export_bytes(store: Store, fmt: str) -> bytes:
    """The file :func:`export_records` would write, as bytes (for a download button)."""
    layer = export_frame(history(store))
    frame = layer if fmt == "gpkg" else pd.DataFrame(layer.drop(columns=layer.geometry.name))
    return io.to_bytes(frame, fmt)


def read_rows(path: Path) -> tuple[pd.DataFrame, str]:
    """The rows of an import file as text, and how its rows are named ("row", "feature")."""
    if path.suffix.lower() == ".gpkg":
        layer = io.read_layer(path)
        frame = pd.DataFrame(layer.drop(columns=layer.geometry.name))
        points = layer.geometry
        if "lon" not in frame:
            frame["lon"] = [repr(p.x) if p is not None and not p.is_empty else "" for p in points]
            frame["lat"] = [repr(p.y) if p is not None and not p.is_empty else "" for p in points]
        return frame, "feature"
    return io.read_table(path), "row"


def _int(value: object) -> int | None:
    """An id: ``12`` or ``12.0`` (as a spreadsheet may write it); ``None`` when empty."""
    written = "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value).strip()
    if not written:
        return None
    number = float(written)
    if not number.is_integer() or number < 1:
        raise ValueError(written)
    return int(number)


class _Row:
    """One checked import row: the draft and, for an exported history row, its history."""

    def __init__(self, draft: Draft, where: str) -> None:
        self.draft = draft
        self.where = where
        self.id: int | None = None
        self.supersedes: int | None = None
        self.by = ""
        self.at: dt.datetime | None = None


def check_rows(frame: pd.DataFrame, known: Known, *, source: str, unit: str, taken: set[int]) -> list[_Row]:
    """Every row read and checked; raises one :class:`PlanDataError` listing all problems."""
    problems: list[Problem] = []
    rows: list[_Row] = []
    seen: set[int] = set()
    offset = 2 if unit == "row" else 1  # spreadsheet rows count the header as row 1
    for index, raw in enumerate(frame.to_dict("records")):
        values = {str(key): value for key, value in raw.items()}
        where = phrase(f"{unit} {{n}}", ("dòng" if unit == "row" else "đối tượng") + " {n}", n=index + offset)
        draft, found = read_draft(values, known, source=source, where=where)
        problems.extend(found)
        history_given = {c: values.get(c) for c in HISTORY_COLUMNS}
        ids: dict[str, int | None] = {}
        for column in ("id", "supersedes_id"):
            try:
                ids[column] = _int(history_given[column])
            except ValueError:
                problems.append(
                    Problem(
                        source,
                        where,
                        column,
                        phrase(
                            "a whole number of 1 or more, or nothing", "số nguyên từ 1 trở lên, hoặc để trống"
                        ),
                        shown(history_given[column]),
                    )
                )
                ids[column] = None
        if draft is None:
            continue
        row = _Row(draft, where)
        row.id, row.supersedes = ids["id"], ids["supersedes_id"]
        if row.id is not None:
            if row.id in taken or row.id in seen:
                problems.append(
                    Problem(
                        source,
                        where,
                        "id",
                        phrase(
                            "an id not yet in the database or the file",
                            "mã chưa có trong cơ sở dữ liệu hay tệp",
                        ),
                        shown(row.id),
                    )
                )
            seen.add(row.id)
            row.by = str(history_given["recorded_by"] or "").strip() or "import"
            try:
                at = dt.datetime.fromisoformat(str(history_given["recorded_at"] or "").strip())
                row.at = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
            except ValueError:
                problems.append(
                    Problem(
                        source,
                        where,
                        "recorded_at",
                        phrase(
                            "a time YYYY-MM-DDTHH:MM:SS+00:00", "thời điểm dạng YYYY-MM-DDTHH:MM:SS+00:00"
                        ),
                        shown(history_given["recorded_at"]),
                    )
                )
        rows.append(row)
    for row in rows:
        if row.supersedes is not None and row.supersedes not in seen | taken:
            problems.append(
                Problem(
                    source,
                    row.where,
                    "supersedes_id",
                    phrase(
                        "the id of a record in the database or the file",
                        "mã một bản ghi có trong cơ sở dữ liệu hay tệp",
                    ),
                    shown(row.supersedes),
                )
            )
    if problems:
        raise PlanDataError(problems)
    return rows


def import_records(
    store: Store, path: Path, known: Known, *, by: str = "import", name: str | None = None
) -> int:
    """Import every record of ``path`` in one transaction, or none (raising with every problem).

    Parameters
    ----------
    store
        The database.
    path
        A CSV, XLSX or GPKG file with the export's columns (``id`` and the history columns
        may be empty or absent).
    known
        Projects and zones a record may name.
    by
        Author of rows without history of their own.
    name
        The file's name as the user knows it (default: ``path``'s name).

    Returns
    -------
    int
        Records added.
    """
    source = name or path.name
    frame, unit = read_rows(path)
    with store.sessions() as session:
        taken = set(session.scalars(select(Record.id)))
    rows = check_rows(frame, known, source=source, unit=unit, taken=taken)
    now = dt.datetime.now(dt.UTC)
    try:
        with store.sessions() as session, session.begin():
            for row in sorted((r for r in rows if r.id is not None), key=lambda r: r.id or 0):
                session.add(
                    new_row(row.draft, by=row.by, at=row.at or now, supersedes=row.supersedes, id=row.id)
                )
                session.flush()
            for row in (r for r in rows if r.id is None):
                head = head_row(session, row.draft.project_id, row.draft.site)
                session.add(new_row(row.draft, by=by, at=now, supersedes=head.id if head else None))
                session.flush()
            if store.backend == "postgresql":
                # Ids given by the file bypass the sequence: move it past them.
                session.execute(
                    text(
                        "SELECT setval(pg_get_serial_sequence('monitoring_record', 'id'), "
                        "(SELECT max(id) FROM monitoring_record))"
                    )
                )
    except IntegrityError:
        raise PlanDataError(
            [
                Problem(
                    source,
                    "",
                    "supersedes_id",
                    phrase(
                        "one line of history per project: each record superseded once, "
                        "by a record of the same project",
                        "mỗi dự án một chuỗi lịch sử: mỗi bản ghi chỉ bị thay thế một lần, "
                        "bởi bản ghi cùng dự án",
                    ),
                    phrase("two records superseding the same one", "hai bản ghi cùng thay thế một bản ghi"),
                )
            ]
        ) from None
    return len(rows)
