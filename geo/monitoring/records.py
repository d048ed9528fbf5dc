"""Monitoring records: read from text and checked, appended with optimistic concurrency, queried.

Every way in (the editor form, ``cli.py monitoring record``, an imported row) hands
:func:`read_draft` the same text fields, so all three give the same bilingual messages.
Writes go through :func:`save_record` (the app: checks the signed-in editor's role on the
server first) or :func:`record_as_operator` (the command line, run where the database is).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Final

import pandas as pd
from shapely.geometry import Point
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from geo.errors import Problem, phrase, shown
from geo.monitoring.amounts import parse_amount
from geo.monitoring.models import STATUSES, Record
from geo.monitoring.store import Store
from geo.monitoring.users import EDITOR_ROLES, Gate, Grant

#: The plan's first day: nothing can be true of its projects before it.
FIRST_DAY: Final[dt.date] = dt.date(2016, 1, 1)
#: Placeholder time of an :class:`Entry` made without one.
EPOCH: Final[dt.datetime] = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
#: Text fields a draft is read from (import columns, form fields, command-line options).
FIELDS: Final[tuple[str, ...]] = (
    "project_id",
    "site",
    "status",
    "investor",
    "zone_id",
    "registered_bn_vnd",
    "disbursed_bn_vnd",
    "as_of",
    "source",
    "note",
    "lon",
    "lat",
)
#: Longest free text kept (source, note, investor): a record is a statement, not a document.
TEXT_LIMIT: Final[int] = 2000


@dataclass(frozen=True)
class Known:
    """Ids a record may name: the plan's projects and every zone of the zone layer."""

    projects: frozenset[str]
    zones: frozenset[str]
    planned_zones: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def known_from(projects: pd.DataFrame, zones: pd.DataFrame) -> Known:
    """:class:`Known` from the plan's priority list and zone layer."""
    planned = {
        str(pid): tuple(z for z in str(ids).split(";") if z)
        for pid, ids in zip(projects["project_id"], projects["site_zone_ids"], strict=True)
    }
    return Known(frozenset(map(str, projects["project_id"])), frozenset(map(str, zones["zone_id"])), planned)


@dataclass(frozen=True)
class Draft:
    """A record before it is saved: what a planner states about a project on a date."""

    project_id: str
    status: str
    as_of: dt.date
    source: str
    site: str = ""
    investor: str = ""
    zone_id: str = ""
    location: Point | None = None
    registered_bn_vnd: float | None = None
    disbursed_bn_vnd: float | None = None
    note: str = ""


@dataclass(frozen=True)
class Entry(Draft):
    """A saved record: a draft with its id, author, time and the record it supersedes."""

    id: int = 0
    recorded_by: str = ""
    recorded_at: dt.datetime = EPOCH
    supersedes_id: int | None = None


class StaleRecordError(ValueError):
    """A save named a record that is no longer the project's latest: someone else saved first.

    Attributes
    ----------
    latest
        The record saved in between (``None`` if the project had none and the save named one).
    draft
        The refused draft, so both versions can be shown.
    message
        "changed by X at T", in both languages.
    """

    def __init__(self, latest: Entry | None, draft: Draft) -> None:
        self.latest = latest
        self.draft = draft
        if latest is None:
            self.message = phrase(
                "the record you edited is not the latest any more",
                "bản ghi bạn sửa không còn là bản mới nhất",
            )
        else:
            when = latest.recorded_at.strftime("%Y-%m-%d %H:%M UTC")
            self.message = phrase(
                "changed by {who} at {when} (record {id}); your version was not saved",
                "đã được {who} thay đổi lúc {when} (bản ghi {id}); bản của bạn chưa được lưu",
                who=latest.recorded_by,
                when=when,
                id=latest.id,
            )
        super().__init__(str(self.message))


def _text(values: Mapping[str, object], name: str) -> str:
    value = values.get(name, "")
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value).strip()


def read_date(value: str) -> dt.date:
    """A date written ``YYYY-MM-DD`` (a time after it, as spreadsheets add, is ignored)."""
    return dt.date.fromisoformat(value[:10])


def read_draft(
    values: Mapping[str, object],
    known: Known,
    *,
    source: str,
    where: str = "",
    today: dt.date | None = None,
) -> tuple[Draft | None, list[Problem]]:
    """Read a record from text fields, collecting every problem.

    Parameters
    ----------
    values
        Field name → text (see :data:`FIELDS`); numbers may already be numbers.
    known
        Projects and zones a record may name.
    source, where
        Named in messages: the file (or "form", "command line") and the row.
    today
        The latest allowed ``as_of`` date (default: today).

    Returns
    -------
    tuple
        The draft (``None`` when there were problems) and the problems.
    """
    today = today or dt.date.today()
    problems: list[Problem] = []

    def bad(name: str, expected: str, found: str) -> None:
        problems.append(Problem(source, where, name, expected, found))

    project = _text(values, "project_id")
    if project not in known.projects:
        bad("project_id", phrase("a project id of the plan", "mã một dự án của quy hoạch"), shown(project))
    status = _text(values, "status")
    if status not in STATUSES:
        bad("status", phrase("one of {s}", "một trong {s}", s=", ".join(STATUSES)), shown(status))
    zone = _text(values, "zone_id")
    if zone and zone not in known.zones:
        bad("zone_id", phrase("a zone id of the zone layer", "mã một khu của lớp khu"), shown(zone))
    as_of: dt.date | None = None
    raw_date = _text(values, "as_of")
    try:
        as_of = read_date(raw_date)
    except ValueError:
        bad("as_of", phrase("a date YYYY-MM-DD", "ngày dạng YYYY-MM-DD"), shown(raw_date))
    else:
        if not FIRST_DAY <= as_of <= today:
            bad(
                "as_of",
                phrase(
                    "a date from {first} to today ({today})",
                    "ngày từ {first} đến hôm nay ({today})",
                    first=FIRST_DAY.isoformat(),
                    today=today.isoformat(),
                ),
                shown(raw_date),
            )
    amounts: dict[str, float | None] = {}
    for name in ("registered_bn_vnd", "disbursed_bn_vnd"):
        raw = values.get(name, "")
        amounts[name] = None
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            number = None if math.isnan(raw) else float(raw)
        elif _text(values, name) == "":
            number = None
        else:
            try:
                number = parse_amount(_text(values, name))
            except ValueError:
                bad(
                    name,
                    phrase(
                        "an amount in bn VND, e.g. 1,200.5 or 1.200,5",
                        "số tỷ đồng, ví dụ 1.200,5 hoặc 1,200.5",
                    ),
                    shown(raw),
                )
                continue
        if number is not None and (number < 0 or not math.isfinite(number)):
            bad(name, phrase("an amount of zero or more", "số tiền không âm"), shown(raw))
            continue
        amounts[name] = number
    text_source = _text(values, "source")
    if not text_source:
        bad(
            "source",
            phrase(
                "the source: a document number, title or link",
                "nguồn: số hiệu, tên văn bản hoặc đường dẫn",
            ),
            phrase("nothing", "để trống"),
        )
    for name in ("source", "note", "investor", "site"):
        if len(_text(values, name)) > TEXT_LIMIT:
            bad(name, phrase("at most {n} characters", "tối đa {n} ký tự", n=TEXT_LIMIT), shown(values[name]))
    location = _read_point(values, bad)
    if problems or as_of is None:
        return None, problems
    draft = Draft(
        project_id=project,
        status=status,
        as_of=as_of,
        source=text_source,
        site=_text(values, "site"),
        investor=_text(values, "investor"),
        zone_id=zone,
        location=location,
        registered_bn_vnd=amounts["registered_bn_vnd"],
        disbursed_bn_vnd=amounts["disbursed_bn_vnd"],
        note=_text(values, "note"),
    )
    return draft, []


def _read_point(values: Mapping[str, object], bad: object) -> Point | None:
    lon_text, lat_text = _text(values, "lon"), _text(values, "lat")
    if not lon_text and not lat_text:
        return None
    coords: list[float] = []
    for name, raw, limit in (("lon", lon_text, 180.0), ("lat", lat_text, 90.0)):
        try:
            value = float(raw.replace(",", "."))
        except ValueError:
            value = math.nan
        if not -limit <= value <= limit:
            bad(  # type: ignore[operator]
                name,
                phrase(
                    "degrees from -{n} to {n} (WGS 84), with both lon and lat",
                    "độ từ -{n} đến {n} (WGS 84), có cả lon và lat",
                    n=int(limit),
                ),
                shown(raw),
            )
        coords.append(value)
    return Point(*coords) if all(math.isfinite(c) for c in coords) else None


def _entry(row: Record) -> Entry:
    recorded_at = row.recorded_at
    if recorded_at.tzinfo is None:  # SQLite keeps no zone: every time is written in UTC
        recorded_at = recorded_at.replace(tzinfo=dt.UTC)
    return Entry(
        project_id=row.project_id,
        status=row.status,
        as_of=row.as_of,
        source=row.source,
        site=row.site,
        investor=row.investor,
        zone_id=row.zone_id,
        location=row.location,
        registered_bn_vnd=row.registered_bn_vnd,
        disbursed_bn_vnd=row.disbursed_bn_vnd,
        note=row.note,
        id=row.id,
        recorded_by=row.recorded_by,
        recorded_at=recorded_at,
        supersedes_id=row.supersedes_id,
    )


def head_row(session: Session, project_id: str, site: str) -> Record | None:
    """The record of ``project_id``/``site`` that nothing supersedes yet."""
    successor = aliased(Record)
    query = select(Record).where(
        Record.project_id == project_id,
        Record.site == site,
        ~select(successor.id).where(successor.supersedes_id == Record.id).exists(),
    )
    return session.scalars(query).first()


def latest(store: Store, project_id: str, site: str = "") -> Entry | None:
    """The newest record of a project (and site): the one a new save must supersede."""
    with store.sessions() as session:
        row = head_row(session, project_id, site)
        return _entry(row) if row is not None else None


def new_row(
    draft: Draft, *, by: str, at: dt.datetime, supersedes: int | None, id: int | None = None
) -> Record:
    """A table row for ``draft``, written by ``by`` at ``at``, superseding record ``supersedes``."""
    values = {name.name: getattr(draft, name.name) for name in fields(Draft)}
    return Record(**values, id=id, recorded_by=by, recorded_at=at, supersedes_id=supersedes)


def _append(store: Store, draft: Draft, *, by: str, supersedes: int | None) -> Entry:
    """Append ``draft`` after record ``supersedes`` in one transaction, or raise :class:`StaleRecordError`."""
    with store.sessions() as session:
        try:
            with session.begin():
                head = head_row(session, draft.project_id, draft.site)
                if (head.id if head is not None else None) != supersedes:
                    raise StaleRecordError(_entry(head) if head is not None else None, draft)
                row = new_row(draft, by=by, at=dt.datetime.now(dt.UTC), supersedes=supersedes)
                session.add(row)
                session.flush()
                return _entry(row)
        except IntegrityError:
            # Another save superseded the same record between our read and our insert: the
            # unique constraint refused this one. Say who won.
            pass
    raise StaleRecordError(latest(store, draft.project_id, draft.site), draft)


def save_record(
    store: Store, gate: Gate, grant: Grant | None, draft: Draft, *, supersedes: int | None
) -> Entry:
    """Save an editor's record: the server checks the sign-in and role before anything is written.

    Parameters
    ----------
    store, gate
        The database and the sign-in gate that issued ``grant``.
    grant
        The signed-in user's grant; ``None`` (not signed in), an expired or unknown grant, or
        a role other than editor/admin is refused with :class:`~geo.monitoring.users.NotAllowedError`.
    draft
        The checked record (:func:`read_draft`).
    supersedes
        Id of the record the editor saw as the latest (``None`` for a project's first record).
        If another record has been saved since, :class:`StaleRecordError` is raised and nothing is
        written.
    """
    user = gate.require(grant, EDITOR_ROLES)
    return _append(store, draft, by=user, supersedes=supersedes)


def record_as_operator(store: Store, draft: Draft, *, by: str) -> Entry:
    """Append ``draft`` as the server's operator (command line), superseding the latest record."""
    head = latest(store, draft.project_id, draft.site)
    return _append(store, draft, by=by, supersedes=head.id if head is not None else None)


def history(store: Store, project_ids: Sequence[str] | None = None) -> list[Entry]:
    """Every record (of ``project_ids``, if given), oldest first."""
    query = select(Record).order_by(Record.id)
    if project_ids is not None:
        query = query.where(Record.project_id.in_(list(project_ids)))
    with store.sessions() as session:
        return [_entry(row) for row in session.scalars(query)]


def latest_as_of(store: Store, as_of: dt.date) -> list[Entry]:
    """Each project's (and site's) state on ``as_of``: its record with the latest date up to it.

    Among records of the same date the later saved wins, so a correction replaces what it
    corrects.
    """
    rank = (
        func.row_number()
        .over(partition_by=(Record.project_id, Record.site), order_by=(Record.as_of.desc(), Record.id.desc()))
        .label("rank")
    )
    ranked = select(Record.id, rank).where(Record.as_of <= as_of).subquery()
    query = (
        select(Record).join(ranked, ranked.c.id == Record.id).where(ranked.c.rank == 1).order_by(Record.id)
    )
    with store.sessions() as session:
        return [_entry(row) for row in session.scalars(query)]


def entries_frame(entries: Sequence[Entry]) -> pd.DataFrame:
    """Entries as a table, one row each, ``lon``/``lat`` for the location."""
    columns = [*FIELDS[:-2], "id", "recorded_by", "recorded_at", "supersedes_id", "lon", "lat"]
    rows = []
    for entry in entries:
        row = asdict(entry)
        point = row.pop("location")
        row["lon"], row["lat"] = (point.x, point.y) if point is not None else (None, None)
        rows.append(row)
    return pd.DataFrame(rows, columns=columns)


def actual_zone(entry: Entry, known: Known) -> str:
    """The zone a record puts its project in: the one it names, else the project's only planned zone."""
    if entry.zone_id:
        return entry.zone_id
    planned = known.planned_zones.get(entry.project_id, ())
    return planned[0] if len(planned) == 1 else ""


def realised_by_zone(entries: Sequence[Entry], known: Known) -> pd.DataFrame:
    """Per actual zone: projects by status, registered and disbursed capital (bn VND).

    Returns
    -------
    pandas.DataFrame
        Columns ``zone_id``, ``recorded`` (projects with a record), one count column per
        status (``status_operating``, …), ``registered_bn_vnd``, ``disbursed_bn_vnd``.
    """
    columns = [
        "zone_id",
        "recorded",
        *(f"status_{s}" for s in STATUSES),
        "registered_bn_vnd",
        "disbursed_bn_vnd",
    ]
    if not entries:
        return pd.DataFrame(columns=columns)
    frame = entries_frame(entries)
    frame["zone_id"] = [actual_zone(e, known) for e in entries]
    counts = pd.crosstab(frame["zone_id"], frame["status"]).reindex(columns=list(STATUSES), fill_value=0)
    counts.columns = [f"status_{s}" for s in counts.columns]
    sums = frame.groupby("zone_id").agg(
        recorded=("project_id", "nunique"),
        registered_bn_vnd=("registered_bn_vnd", lambda s: float(s.fillna(0).sum())),
        disbursed_bn_vnd=("disbursed_bn_vnd", lambda s: float(s.fillna(0).sum())),
    )
    table = sums.join(counts).reset_index()
    return table[columns]


def plan_vs_realised(load: pd.DataFrame, realised: pd.DataFrame) -> pd.DataFrame:
    """The zone load (plan's allocation per zone) beside what the records say was realised there.

    Zones that carry records but no planned capital (a project realised outside the plan)
    get a row with zero planned capital.
    """
    planned = load[["zone_id", "capital_bn_vnd", "projects"]].rename(
        columns={"capital_bn_vnd": "plan_bn_vnd", "projects": "planned_projects"}
    )
    table = planned.merge(realised, on="zone_id", how="outer")
    numbers = [c for c in table.columns if c != "zone_id"]
    table[numbers] = table[numbers].astype(float).fillna(0.0)
    table["disbursed_share"] = table["disbursed_bn_vnd"] / table["plan_bn_vnd"].where(
        table["plan_bn_vnd"] > 0
    )
    return table.sort_values(["plan_bn_vnd", "registered_bn_vnd"], ascending=False, ignore_index=True)
