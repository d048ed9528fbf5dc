"""Plan monitoring in the app: the "as of" date, sign-in, plan vs realised, history, editor, downloads.

Anyone sees the records read-only; the editor form is drawn only for a signed-in editor, and
the save itself checks the grant again on the server (:func:`geo.monitoring.records.save_record`),
so a session that is not signed in cannot write even if it reaches the save path. Each rerun
reads the database afresh: edits made through another app server show on the next rerun.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from typing import ParamSpec, TypeVar, cast

import folium
import pandas as pd
import streamlit as st
from sqlalchemy.exc import OperationalError

from geo.errors import in_lang
from geo.load import Plan
from geo.monitoring import records, transfer
from geo.monitoring.amounts import format_amount
from geo.monitoring.models import STATUSES
from geo.monitoring.records import Draft, Entry, Known, StaleRecordError
from geo.monitoring.store import Store, open_store
from geo.monitoring.users import Gate, Grant, NotAllowedError
from geo.view import View
from layers import mapview
from layers.features import esc
from layers.i18n import capital, number, percent, text
from layers.monitoring import Move, moves_layer
from ui.plain import figure_table
from ui.state import current

P = ParamSpec("P")
R = TypeVar("R")

GRANT_KEY = "mon_grant"
AS_OF_KEY = "mon_as_of"
BASES_KEY = "mon_base"
MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "gpkg": "application/geopackage+sqlite3",
}


def database_part(
    default: Callable[[], R], *, warn: bool = True
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Draw a monitoring part, or (database down or unreachable) say so and go on without it.

    The plan's map and tables need no database: an unreachable one must not take them down.
    Only :class:`~sqlalchemy.exc.OperationalError` (no connection, server gone) is caught; the
    part's language is its last argument.
    """

    def wrap(draw: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(draw)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return draw(*args, **kwargs)
            except OperationalError:
                if warn:
                    st.warning(text("mon.unavailable", str(kwargs.get("lang", args[-1]))))
                return default()

        return guarded

    return wrap


@st.cache_resource(show_spinner=False)
def store() -> Store:
    """The database of ``DATABASE_URL`` (or the default file), migrated, once per server."""
    return open_store()


@st.cache_resource(show_spinner=False)
def gate() -> Gate:
    """The sign-in gate of this server: its grants live in this process (hence sticky sessions)."""
    return Gate()


KNOWN_KEY = "_mon_known"


def _known(plan: Plan) -> Known:
    """Projects and zones a record may name, for this session's plan (worked out once per
    plan; kept with the plan itself, as an ``id()`` may be reused by a later plan)."""
    kept = st.session_state.get(KNOWN_KEY)
    if kept is None or kept[0] is not plan:
        kept = (plan, records.known_from(plan.projects, plan.zones))
        st.session_state[KNOWN_KEY] = kept
    return cast("Known", kept[1])


def as_of() -> dt.date:
    """The chosen "as of" date (today until the user picks one)."""
    chosen = st.session_state.get(AS_OF_KEY)
    return chosen if isinstance(chosen, dt.date) else dt.date.today()


def signed_in() -> Grant | None:
    """The session's live grant, or ``None`` (an expired one is forgotten)."""
    grant = st.session_state.get(GRANT_KEY)
    live = gate().current(grant)
    if grant is not None and live is None:
        st.session_state.pop(GRANT_KEY, None)
        st.session_state["mon_expired"] = True
    return live


def _sign_out() -> None:
    gate().sign_out(st.session_state.pop(GRANT_KEY, None))


AS_OF_WIDGET = "_w.mon_as_of"


def render_as_of(lang: str) -> None:
    """The "as of" date, on the zone-load page beside the figures it dates.

    Not in the sidebar: a date picker there cost every new visitor ~0.3 s of scripts before
    the map (bench/first_visit.py). The choice is kept under its own key, so it lasts while
    the widget is not drawn (other pages), and the headline and map lines follow it.
    """
    today = dt.date.today()
    st.session_state[AS_OF_WIDGET] = as_of()
    st.date_input(
        text("mon.as_of", lang),
        key=AS_OF_WIDGET,
        min_value=records.FIRST_DAY,
        max_value=today,
        format="YYYY-MM-DD",
        on_change=_store_as_of,
    )


def _store_as_of() -> None:
    st.session_state[AS_OF_KEY] = st.session_state[AS_OF_WIDGET]


def render_account(lang: str) -> Grant | None:
    """Who is signed in, with sign-out; or, for a visitor, the read-only note and a sign-in button.

    It sits by the history it lets an editor extend (in the sidebar, more content there
    stopped the zone list from opening in Chromium after an upload).
    """
    grant = signed_in()
    if grant is not None:
        st.caption(text("mon.signin.as", lang).format(name=esc(grant.name), role=esc(grant.role)))
        st.button(text("mon.signin.out", lang), on_click=_sign_out, key="mon_sign_out")
        return grant
    if st.session_state.pop("mon_expired", False):
        st.warning(text("mon.signin.expired", lang))
    st.caption(text("mon.readonly", lang))
    if st.button(text("mon.signin.title", lang), key="mon_open_sign_in"):
        _sign_in_dialog(lang)
    return None


def _sign_in_dialog(lang: str) -> None:
    @st.dialog(text("mon.signin.title", lang))
    def dialog() -> None:
        with st.form("mon_sign_in", clear_on_submit=True):
            name = st.text_input(text("mon.signin.name", lang), key="mon_name")
            password = st.text_input(text("mon.signin.password", lang), type="password", key="mon_password")
            if st.form_submit_button(text("mon.signin.submit", lang)):
                new = gate().sign_in(name.strip(), password)
                if new is None:
                    st.error(text("mon.signin.failed", lang))
                else:
                    st.session_state[GRANT_KEY] = new
                    st.rerun()

    dialog()


def _entries(view: View) -> list[Entry]:
    shown = set(view.projects["project_id"])
    return [e for e in records.latest_as_of(store(), as_of()) if e.project_id in shown]


@database_part(lambda: "")
def headline(plan: Plan, view: View, lang: str) -> str:
    """Projects with records and operating, registered and disbursed capital against the plan.

    With no record yet, nothing is drawn: the sentence saying so is returned, to share the
    line under the plan's figures (at 1280 × 800 the map must stay in the first screen).
    """
    entries = _entries(view)
    if not entries:
        return str(text("mon.none_yet", lang).format(date=as_of().isoformat()))
    registered = sum(e.registered_bn_vnd or 0.0 for e in entries)
    disbursed = sum(e.disbursed_bn_vnd or 0.0 for e in entries)
    planned = view.capital

    def against_plan(value: float) -> str:
        share = (
            f" ({text('mon.of_plan', lang).format(share=percent(value / planned, lang))})" if planned else ""
        )
        return capital(value, lang) + share

    # One line, not a second row of metrics: at 1280×800 the map must stay in the first screen.
    parts = [
        f"{text('mon.as_of', lang)} {as_of().isoformat()}",
        f"{text('mon.recorded', lang)}: {len({e.project_id for e in entries})} / {len(view.projects)}",
        f"{text('mon.operating', lang)}: {sum(e.status == 'operating' for e in entries)}",
        f"{text('mon.registered', lang)}: {against_plan(registered)}",
        f"{text('mon.disbursed', lang)}: {against_plan(disbursed)}",
    ]
    st.markdown(f"**{esc(text('mon.title', lang))}** · " + " · ".join(esc(p) for p in parts))
    return ""


@database_part(lambda: None)
def load_view(plan: Plan, view: View, lang: str) -> None:
    """Per zone: planned capital and projects beside recorded statuses and capital."""
    render_as_of(lang)
    st.subheader(text("mon.load.title", lang).format(date=as_of().isoformat()))
    st.caption(text("mon.load.explain", lang))
    realised = records.realised_by_zone(_entries(view), _known(plan))
    table = records.plan_vs_realised(view.load, realised)
    table = table[(table["plan_bn_vnd"] > 0) | (table["recorded"] > 0)]
    names = mapview.zone_names(plan.zones, lang)
    unknown = text("mon.zone_unknown", lang)
    shown = pd.DataFrame(
        {text("col.zone", lang): table["zone_id"].map(lambda z: names.get(z, z) if z else unknown)}
    )
    # Money first, so that plan and reality sit side by side within the screen's width.
    columns = [
        ("plan_bn_vnd", "mon.col.plan", 0),
        ("registered_bn_vnd", "mon.col.registered", 1),
        ("disbursed_bn_vnd", "mon.col.disbursed", 1),
    ]
    places: dict[str, int] = {}
    for column, key, decimals in columns:
        shown[text(key, lang)] = table[column]
        places[text(key, lang)] = decimals
    shown[text("mon.col.disbursed_share", lang)] = table["disbursed_share"] * 100
    places[text("mon.col.disbursed_share", lang)] = 1
    counts = [
        ("planned_projects", "mon.col.planned"),
        ("recorded", "mon.col.recorded"),
        *((f"status_{s}", f"mon.status.{s}") for s in STATUSES),
    ]
    for column, key in counts:
        if column.startswith("status_") and not table[column].any():
            continue
        shown[text(key, lang)] = table[column]
        places[text(key, lang)] = 0

    figure_table(shown, lang, places, "monitoring-load")


def _project_names(plan: Plan, lang: str) -> dict[str, str]:
    column = "name_en" if lang == "en" else "name_vi"
    return dict(zip(plan.projects["project_id"], plan.projects[column], strict=True))


def _record_html(entry: Draft, zones: dict[str, str], lang: str) -> str:
    """One record as a small card: date and status, capital, investor, zone, source, note, author."""
    head = f"{entry.as_of.isoformat()} · {text(f'mon.status.{entry.status}', lang)}"
    lines = []
    for key, amount in (
        ("mon.field.registered", entry.registered_bn_vnd),
        ("mon.field.disbursed", entry.disbursed_bn_vnd),
    ):
        if amount is not None:
            lines.append(f"{text(key, lang).split(' (')[0]}: {capital(amount, lang)}")
    for key, value in (
        ("mon.field.investor", entry.investor),
        ("mon.field.zone", zones.get(entry.zone_id, entry.zone_id)),
        ("mon.field.source", entry.source),
        ("mon.field.note", entry.note),
    ):
        if value:
            lines.append(f"{text(key, lang).split(' (')[0]}: {value}")
    body = "".join(f"<div>{esc(line)}</div>" for line in lines)
    by = ""
    if isinstance(entry, Entry):
        by = f"#{entry.id} · {entry.recorded_by} · {entry.recorded_at:%Y-%m-%d %H:%M} UTC"
        by = f'<div class="by">{esc(by)}</div>'
    return f'<div class="record"><div class="head">{esc(head)}</div>{body}{by}</div>'


def _history_html(entries: Sequence[Draft], names: dict[str, str], zones: dict[str, str], lang: str) -> str:
    """Records grouped by project, newest first: cards, as the zone panel is narrow."""
    projects: dict[str, list[Draft]] = {}
    for entry in entries:
        projects.setdefault(entry.project_id, []).append(entry)
    parts = []
    for project, own in projects.items():
        cards = "".join(_record_html(e, zones, lang) for e in reversed(own))
        parts.append(f'<div class="project">{esc(names.get(project, project))}</div>{cards}')
    return f'<div class="history">{"".join(parts)}</div>'


HISTORY_CSS = """
<style>
div.history { font-size: 0.85rem; overflow-wrap: anywhere; }
div.history div.project { font-weight: 600; margin-top: 6px; }
div.history div.record { border-left: 3px solid #5b2a86; padding: 2px 0 2px 8px; margin: 4px 0; }
div.history div.record div.head { font-weight: 600; }
div.history div.record div.by { color: #6b6b6b; font-size: 0.75rem; }
</style>
"""


def _zone_projects(plan: Plan, zone_id: str) -> list[str]:
    """Projects planned in ``zone_id`` or, by their latest record, realised there."""
    known = _known(plan)
    planned = [p for p, zones in known.planned_zones.items() if zone_id in zones]
    moved = [e.project_id for e in records.latest_as_of(store(), dt.date.today()) if e.zone_id == zone_id]
    return list(dict.fromkeys([*planned, *moved]))


@database_part(lambda: None)
def zone_part(plan: Plan, view: View, lang: str) -> None:
    """Under the zone panel: the history of the zone's projects, and the editor when signed in."""
    zone_id = current("zone")
    if not zone_id:
        return
    projects = _zone_projects(plan, zone_id)
    names = _project_names(plan, lang)
    zones = mapview.zone_names(plan.zones, lang)
    st.markdown(f"**{esc(text('mon.history', lang))}**")
    entries = records.history(store(), projects)
    if entries:
        st.html(HISTORY_CSS + _history_html(entries, names, zones, lang))
    else:
        st.caption(text("mon.history.none", lang))
    grant = render_account(lang)
    if grant is not None and projects:
        editor(plan, projects, grant, lang)


def _typed(value: float | None, lang: str) -> str:
    """A saved amount as the form shows it, read back exactly by the parser."""
    if value is None:
        return ""
    return number(value, lang, 0) if float(value).is_integer() else format_amount(value)


def editor(plan: Plan, projects: list[str], grant: Grant, lang: str) -> None:
    """The form that appends a record; a save that lost a race shows both versions."""
    names = _project_names(plan, lang)
    zones = mapview.zone_names(plan.zones, lang)
    st.markdown(f"**{esc(text('mon.edit.title', lang))}**")
    saved = st.session_state.pop("mon_saved", None)
    if saved is not None:
        st.success(text("mon.edit.saved", lang).format(id=saved))
    project = st.selectbox(
        text("mon.field.project", lang), projects, format_func=lambda p: names.get(p, p), key="mon_project"
    )
    head = records.latest(store(), project)
    # The record this editor builds on is fixed when they first open the project, not at
    # every rerun: if someone saves in between, this editor's save is refused, not merged.
    bases: dict[str, int | None] = st.session_state.setdefault(BASES_KEY, {})
    if project not in bases:
        bases[project] = head.id if head is not None else None
    base = bases[project]
    st.caption(text("mon.edit.latest", lang).format(id=base) if base else text("mon.edit.first", lang))
    shown = head if head is not None and head.id == base else None
    zone_ids = ["", *sorted(plan.zones["zone_id"])]
    with st.form(f"mon_edit_{project}"):
        status = st.selectbox(
            text("mon.field.status", lang),
            STATUSES,
            index=STATUSES.index(shown.status) if shown else 0,
            format_func=lambda s: text(f"mon.status.{s}", lang),
            key=f"mon_status_{project}",
        )
        day = st.date_input(
            text("mon.field.as_of", lang),
            value=dt.date.today(),
            min_value=records.FIRST_DAY,
            max_value=dt.date.today(),
            format="YYYY-MM-DD",
            key=f"mon_day_{project}",
        )
        investor = st.text_input(
            text("mon.field.investor", lang),
            value=shown.investor if shown else "",
            key=f"mon_investor_{project}",
        )
        zone = st.selectbox(
            text("mon.field.zone", lang),
            zone_ids,
            index=zone_ids.index(shown.zone_id) if shown and shown.zone_id in zone_ids else 0,
            format_func=lambda z: zones.get(z, z) if z else text("mon.same_zone", lang),
            key=f"mon_zone_{project}",
        )
        registered = st.text_input(
            text("mon.field.registered", lang),
            value=_typed(shown.registered_bn_vnd if shown else None, lang),
            key=f"mon_registered_{project}",
        )
        disbursed = st.text_input(
            text("mon.field.disbursed", lang),
            value=_typed(shown.disbursed_bn_vnd if shown else None, lang),
            key=f"mon_disbursed_{project}",
        )
        source = st.text_input(text("mon.field.source", lang), key=f"mon_source_{project}")
        note = st.text_area(text("mon.field.note", lang), height=68, key=f"mon_note_{project}")
        lon = st.text_input(text("mon.field.lon", lang), key=f"mon_lon_{project}")
        lat = st.text_input(text("mon.field.lat", lang), key=f"mon_lat_{project}")
        submitted = st.form_submit_button(text("mon.edit.save", lang), type="primary")
    if not submitted:
        return
    values = {
        "project_id": project,
        "status": status,
        "as_of": day.isoformat() if isinstance(day, dt.date) else "",
        "investor": investor,
        "zone_id": zone,
        "registered_bn_vnd": registered,
        "disbursed_bn_vnd": disbursed,
        "source": source,
        "note": note,
        "lon": lon,
        "lat": lat,
    }
    draft, problems = records.read_draft(values, _known(plan), source=text("mon.edit.title", lang))
    if draft is None:
        st.error(
            text("mon.edit.problems", lang) + "\n\n" + "\n".join(f"- {esc(p.text(lang))}" for p in problems)
        )
        return
    try:
        entry = records.save_record(store(), gate(), grant, draft, supersedes=base)
    except NotAllowedError as exc:
        st.session_state.pop(GRANT_KEY, None)
        st.error(in_lang(exc.message, lang))
        return
    except StaleRecordError as exc:
        st.error(text("mon.edit.conflict", lang).format(message=esc(in_lang(exc.message, lang))))
        theirs = [exc.latest] if exc.latest is not None else []
        st.markdown(f"*{esc(text('mon.edit.theirs', lang))}*")
        st.html(HISTORY_CSS + _history_html(theirs, names, zones, lang))
        st.markdown(f"*{esc(text('mon.edit.yours', lang))}*")
        st.html(_history_html([exc.draft], names, zones, lang))
        bases[project] = exc.latest.id if exc.latest is not None else None
        st.info(text("mon.edit.again", lang))
        return
    bases[project] = entry.id
    # Draw the page again so the history above shows the new record; say so there.
    st.session_state["mon_saved"] = entry.id
    st.rerun()


@database_part(lambda: None)
def downloads(lang: str) -> None:
    """The whole history as GPKG, XLSX and CSV (the command line's export, as downloads)."""
    st.subheader(text("mon.downloads", lang))
    for column, fmt in zip(st.columns(len(transfer.FORMATS)), transfer.FORMATS, strict=True):
        with column:

            def make(fmt: str = fmt) -> bytes:
                return transfer.export_bytes(store(), fmt)

            st.download_button(
                f"{text('mon.title', lang)} · {fmt.upper()}",
                data=make,
                file_name=f"thai-binh-monitoring.{fmt}",
                mime=MIME[fmt],
                on_click="ignore",
                key=f"download-monitoring-{fmt}",
            )


@database_part(list[folium.FeatureGroup], warn=False)
def map_layers(plan: Plan, view: View, lang: str) -> list[folium.FeatureGroup]:
    """A line from plan to reality for each shown project realised outside its planned zone(s)."""
    known = _known(plan)
    names = _project_names(plan, lang)
    moves = []
    for entry in _entries(view):
        planned = known.planned_zones.get(entry.project_id, ())
        if entry.zone_id and entry.zone_id not in planned:
            moves.append(
                Move(names.get(entry.project_id, entry.project_id), planned, entry.zone_id, entry.location)
            )
    if not moves:
        return []
    return [moves_layer(plan.zones, moves, mapview.zone_names(plan.zones, lang), lang)]
