"""Zone load, targets, data and sources, and downloads of the filtered view."""

from __future__ import annotations

from collections.abc import Callable

import altair as alt
import pandas as pd
import streamlit as st

from geo import io, settings
from geo.distances import PLACE_COLUMNS
from geo.exports import export_frame, export_totals
from geo.findings import target_checks
from geo.load import Plan
from geo.stats import targets_table
from geo.view import Filters, View, matching
from layers import mapview
from layers.downloads import people_sheet
from layers.features import confidence_text, local_value
from layers.i18n import number, separators, text
from layers.style import SECTOR_COLOURS
from paper.words import finding_lines
from ui import paper
from ui.context import cached_context
from ui.plain import capped, figure_table
from ui.state import rate

#: Zones drawn in the zone-load chart at most: beyond some dozens the bars are unreadable.
CHART_ZONES = 40
FORMATS = ("csv", "xlsx", "geojson", "gpkg")
#: Formats made for people unless the column ids are asked for.
SHEET_FORMATS = ("csv", "xlsx")
MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "geojson": "application/geo+json",
    "gpkg": "application/geopackage+sqlite3",
}


def chart_locale(chart: alt.Chart, lang: str) -> alt.Chart:
    """``chart`` with ``lang``'s number format for its axes and tooltips (2.000 in Vietnamese)."""
    thousands, decimal = separators(lang)
    number_locale = alt.NumberLocale(decimal=decimal, thousands=thousands, grouping=[3], currency=["", ""])
    return chart.configure(locale=alt.Locale(number=number_locale))


def column(frame: pd.DataFrame, name: str) -> pd.Series:
    """``frame[name]`` as text, or empty text where the data set has no such column."""
    if name not in frame:
        return pd.Series("", index=frame.index, dtype=str)
    return frame[name].fillna("").astype(str)


def local_column(frame: pd.DataFrame, name: str, lang: str) -> pd.Series:
    """``frame[name]`` in ``lang``: its ``<name>_vi`` where the page is Vietnamese and one is
    recorded, else as written."""
    columns = [c for c in (name, f"{name}_vi") if c in frame]
    rows = frame[columns].to_dict("records")
    return pd.Series(
        [local_value({str(k): v for k, v in row.items()}, name, lang) for row in rows],
        index=frame.index,
        dtype=str,
    )


def current_units(zones: pd.DataFrame, lang: str) -> pd.Series:
    """Each zone's commune (where known) and province since 2025, in ``lang``."""
    both = local_column(zones, "commune_2025", lang) + " " + local_column(zones, "current_unit", lang)
    return both.str.strip()


def sector_colours(lang: str) -> alt.Color:
    """The chart colour channel: sectors named in ``lang``, in the map's sector colours."""
    return alt.Color(
        "sector_name:N",
        title=text("col.sector", lang),
        scale=alt.Scale(
            domain=[text(f"sector.{s}", lang) for s in SECTOR_COLOURS],
            range=list(SECTOR_COLOURS.values()),
        ),
    )


def zone_load_view(plan: Plan, view: View, filters: Filters, lang: str) -> None:
    """One row per zone with capital by phase and sector, a chart, and the policy explained."""
    st.subheader(text("load.title", lang))
    st.info(text(f"load.explain.{filters.policy}", lang))
    load = view.load.copy()
    names = mapview.zone_names(plan.zones, lang)
    table = pd.DataFrame(
        {
            text("col.zone", lang): load["zone_id"].map(names),
            text("col.kind", lang): load["kind"].map(lambda k: text(f"kind.{k}", lang)),
            text("col.capital", lang): load["capital_bn_vnd"],
            text("col.usd", lang): load["capital_bn_vnd"] * 1_000 / rate(),
            text("col.projects", lang): load["projects"].astype(int),
            text("col.area", lang): load["area_ha"],
            text("col.per_ha", lang): load["capital_per_ha"],
            text("col.share", lang): load["share_of_plan"] * 100,
        }
    )
    distances = plan.zones.set_index("zone_id")
    for place in PLACE_COLUMNS:
        if f"km_to_{place}" in distances:
            label = text("col.km_to", lang).format(place=text(f"place.{place}", lang))
            table[label] = load["zone_id"].map(distances[f"km_to_{place}"]).to_numpy()
    for phase in settings.PHASES:
        for sector in settings.SECTORS:
            column = f"capital_{phase}_{sector}"
            if column in load and load[column].any():
                table[f"{text(f'sector.{sector}', lang)} {text(f'phase.{phase}', lang)}"] = load[column]
    places = dict.fromkeys(table.columns[2:], 0)
    places.update({text("col.usd", lang): 1, text("col.area", lang): 1, text("col.per_ha", lang): 2})
    places[text("col.share", lang)] = 1
    distance_columns = [
        text("col.km_to", lang).format(place=text(f"place.{place}", lang)) for place in PLACE_COLUMNS
    ]
    places.update(dict.fromkeys(distance_columns, 1))
    # Three tables, not one of seventeen columns: every figure fits a laptop's width.
    shown = capped(table, lang)
    zone = text("col.zone", lang)
    main = list(table.columns[:8])
    figure_table(shown[main], lang, places, "load")
    breakdown = [c for c in table.columns[8:] if c not in distance_columns]
    if breakdown:
        st.markdown(f"##### {text('load.by_sector', lang)}")
        figure_table(shown[[zone, *breakdown]], lang, places, "load-sectors")
    distances_shown = [c for c in distance_columns if c in table]
    if distances_shown:
        st.markdown(f"##### {text('load.distances', lang)}")
        figure_table(shown[[zone, *distances_shown]], lang, places, "load-distances")
    st.caption(text("per_ha.note", lang))
    # Summed here, not in the browser: a national list sent row by row to Vega-Lite is
    # hundreds of thousands of rows; and only the zones that carry most are drawn.
    top = load.head(CHART_ZONES)["zone_id"]
    if len(load) > CHART_ZONES:
        st.caption(
            text("cap.chart", lang).format(shown=number(CHART_ZONES, lang), total=number(len(load), lang))
        )
    used = view.allocation[(view.allocation["share"] > 0) & view.allocation["zone_id"].isin(top)]
    long = used.groupby(["zone_id", "sector", "phase"], as_index=False)["capital_bn_vnd"].sum()
    long["zone"] = long["zone_id"].map(names)
    long["sector_name"] = long["sector"].map(lambda s: text(f"sector.{s}", lang))
    long["phase_name"] = long["phase"].map(lambda p: text(f"phase.{p}", lang))
    chart = (
        alt.Chart(long, title=text("load.chart", lang))
        .mark_bar()
        .encode(
            x=alt.X("sum(capital_bn_vnd):Q", title=text("col.capital", lang), axis=alt.Axis(format=",.0f")),
            y=alt.Y("zone:N", sort="-x", title=None, axis=alt.Axis(labelLimit=320)),
            color=sector_colours(lang),
            # Titled in the page's language: the field names (zone, sector_name) are ids.
            tooltip=[
                alt.Tooltip("zone:N", title=text("col.zone", lang)),
                alt.Tooltip("sector_name:N", title=text("col.sector", lang)),
                alt.Tooltip("phase_name:N", title=text("col.phase", lang)),
                alt.Tooltip("sum(capital_bn_vnd):Q", title=text("col.capital", lang), format=",.0f"),
            ],
        )
    )
    st.altair_chart(chart_locale(chart, lang), width="stretch")


def _check_text(check: pd.Series, lang: str) -> str:
    if check["consistent"]:
        return text("check.ok", lang)
    message = f"{number(check['printed'], lang)} ≠ {number(check['computed'], lang, 1)}"
    return text("check.bad", lang).format(message=message)


def targets_view(plan: Plan, lang: str) -> None:
    """Section II targets as printed, the 2015 base and growth they imply, and the checks."""
    st.subheader(text("targets.title", lang))
    if plan.targets.empty:
        st.info(text("targets.none", lang))
        _findings(plan, lang)
        return
    table = targets_table(plan.targets)
    status = {row["sector"]: _check_text(row, lang) for _, row in target_checks(plan.targets).iterrows()}
    view = pd.DataFrame(
        {
            text("col.sector", lang): table["sector"].map(lambda s: text(f"sector.{s}", lang)),
            text("col.implied_2015", lang): table["implied_2015_bn_vnd"],
            text("col.value_2020", lang): table["value_2020_bn_vnd"],
            text("col.ratio_2020", lang): table["ratio_2020_vs_2015"],
            text("col.growth_1520", lang): table["growth_2015_2020"] * 100,
            text("col.value_2025", lang): table["value_2025_bn_vnd"],
            text("col.ratio_2025", lang): table["ratio_2025_vs_2020"],
            text("col.growth_2025", lang): table["growth_2020_2025"] * 100,
            text("col.check", lang): table["sector"].map(status),
        }
    )
    places = {
        text("col.implied_2015", lang): 1,
        text("col.value_2020", lang): 0,
        text("col.ratio_2020", lang): 2,
        text("col.growth_1520", lang): 1,
        text("col.value_2025", lang): 0,
        text("col.ratio_2025", lang): 2,
        text("col.growth_2025", lang): 1,
    }
    figure_table(view, lang, places, "targets")
    st.caption(text("targets.note", lang))
    years = table.melt(
        id_vars="sector",
        value_vars=["implied_2015_bn_vnd", "value_2020_bn_vnd", "value_2025_bn_vnd"],
        var_name="year",
        value_name="value",
    )
    years["year"] = years["year"].map(
        {"implied_2015_bn_vnd": "2015", "value_2020_bn_vnd": "2020", "value_2025_bn_vnd": "2025"}
    )
    years["sector_name"] = years["sector"].map(lambda s: text(f"sector.{s}", lang))
    chart = (
        alt.Chart(years, title=text("targets.chart", lang))
        .mark_bar()
        .encode(
            x=alt.X("year:N", title=None),
            xOffset="sector_name:N",
            y=alt.Y("value:Q", title=text("unit.bn_vnd", lang), axis=alt.Axis(format=",.0f")),
            color=sector_colours(lang),
            tooltip=[
                alt.Tooltip("sector_name:N", title=text("col.sector", lang)),
                alt.Tooltip("year:N", title=text("chart.year", lang)),
                alt.Tooltip("value:Q", title=text("chart.value", lang), format=",.0f"),
            ],
        )
    )
    st.altair_chart(chart_locale(chart, lang), width="stretch")
    _findings(plan, lang)


def _findings(plan: Plan, lang: str) -> None:
    st.markdown(f"**{text('findings.title', lang)}**")
    lines = finding_lines(plan, lang)
    if not lines:
        st.caption(text("findings.none", lang))
    for line in lines:
        st.warning(line)


def data_view(plan: Plan, view: View, lang: str) -> None:
    """The priority list (as the sidebar filters it), the findings, every shape's source, and
    the 2025 change."""
    st.subheader(text("data.projects", lang))
    # The same projects as the map and the downloads above, then this box's own search.
    projects = matching(plan, view.projects, st.text_input(text("data.search", lang), key="table_search"))
    st.caption(
        text("data.following", lang).format(
            shown=number(len(projects), lang), total=number(len(plan.projects), lang)
        )
    )
    projects = capped(projects, lang)
    own = "name_en" if lang == "en" else "name_vi"
    names = mapview.zone_names(plan.zones, lang)
    # As HTML, as the zone load: every figure in full at 1280 px. The name in the other
    # language is in the downloads above.
    table = pd.DataFrame(
        {
            "ID": projects["project_id"],
            text("col.name", lang): projects[own],
            text("col.sector", lang): projects["sector"].map(lambda s: text(f"sector.{s}", lang)),
            text("col.phase", lang): projects["phase"].map(lambda p: text(f"phase.{p}", lang)),
            text("col.capital", lang): projects["capital_bn_vnd"],
            text("col.site_printed", lang): projects["site_printed"],
            text("col.site_read", lang): projects["site_vi"],
            text("col.zones", lang): projects["site_zone_ids"].map(
                lambda ids: ", ".join(names.get(z, z) for z in str(ids).split(";") if z)
            ),
        }
    )
    figure_table(table, lang, {text("col.capital", lang): 0}, "data-projects")
    _findings(plan, lang)
    st.subheader(text("data.geometry", lang))
    names = mapview.zone_names(plan.zones, lang)
    zones = capped(plan.zones, lang)
    figure_table(
        pd.DataFrame(
            {
                text("col.zone", lang): zones["zone_id"].map(names),
                text("col.kind", lang): zones["kind"].map(lambda k: text(f"kind.{k}", lang)),
                text("col.precision", lang): zones["precision"].map(lambda p: text(f"precision.{p}", lang)),
                text("field.confidence", lang): column(zones, "location_confidence").map(
                    lambda value: confidence_text(value, lang)
                ),
                text("col.source", lang): local_column(zones, "source", lang),
                text("col.licence", lang): local_column(zones, "licence", lang),
                text("col.date", lang): column(zones, "source_date"),
                text("col.current_unit", lang): current_units(zones, lang),
            }
        ),
        lang,
        {},
        "data-sources",
    )
    st.subheader(text("data.admin", lang))
    st.markdown(text("data.admin_text", lang))


def _button(label: str, kind: str, fmt: str, make: Callable[[], bytes], *, raw: bool = False) -> None:
    # The ids version gets its own name: the two are different files, kept side by side.
    ids = "-ids" if raw and fmt in SHEET_FORMATS else ""
    st.download_button(
        f"{label} · {fmt.upper()}",
        data=make,
        file_name=f"thai-binh-{kind}{ids}.{fmt}",
        mime=MIME[fmt],
        on_click="ignore",
        key=f"download-{kind}-{fmt}",
    )


def downloads(plan: Plan, view: View, filters: Filters, lang: str) -> None:
    """Download buttons for the filtered projects, zone load, sites and the offline map."""
    st.subheader(text("downloads", lang))
    raw = st.toggle(text("dl.raw", lang), key="download_raw", help=text("dl.raw_help", lang))
    columns = st.columns(4)
    for column, (kind, label) in zip(
        columns,
        [("projects", "download.projects"), ("zone-load", "download.zone_load"), ("sites", "download.sites")],
        strict=False,
    ):
        with column:
            for fmt in FORMATS:

                def make(kind: str = kind, fmt: str = fmt) -> bytes:
                    return download_bytes(plan, view, kind, fmt, lang, raw=raw)

                _button(text(label, lang), kind, fmt, make, raw=raw)
    with columns[3]:

        def make_map() -> bytes:
            return map_html(plan, view, filters, lang).encode("utf-8")

        st.download_button(
            text("download.map", lang),
            data=make_map,
            file_name="thai-binh-map.html",
            mime="text/html",
            on_click="ignore",
            key="download-map-html",
        )
        paper.map_downloads(plan, view, filters, lang)


def download_bytes(plan: Plan, view: View, kind: str, fmt: str, lang: str, *, raw: bool = False) -> bytes:
    """One download: CSV and XLSX made for people in ``lang`` (headers, words, formats, totals),
    or with the column ids if ``raw`` (what the command line's ``export --raw`` writes, and
    what an upload reads back); GeoJSON and GPKG always keep the ids GIS software expects.
    Only the tables made for people round coordinates to their precision."""
    if fmt in SHEET_FORMATS and not raw:
        frame = export_frame(plan, kind, view, rounded=True)
        return io.sheet_bytes(people_sheet(frame, kind, export_totals(plan, kind, view), lang), fmt)
    return io.to_bytes(export_frame(plan, kind, view), fmt)


def map_html(plan: Plan, view: View, filters: Filters, lang: str) -> str:
    """The view as a self-contained HTML map."""
    files = io.read_static_assets()
    return mapview.standalone_html(plan.zones, view, filters, lang, files=files, context=cached_context())
