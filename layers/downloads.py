"""Downloads made for people: an export frame's columns named, and its words said, in a language."""

from __future__ import annotations

import re
from typing import Final

import geopandas as gpd
import pandas as pd

from geo import settings
from geo.distances import PLACE_COLUMNS
from geo.sheets import Column, Sheet
from layers.i18n import CATALOGUE, number, text

#: Decimals shown for number columns, by column id (others: see :func:`_decimals`).
DECIMALS: Final[dict[str, int]] = {
    "projects": 0,
    "plants": 0,
    "printed_no": 0,
    "site_order": 0,
    "area_ha": 1,
    "area_ha_computed": 1,
    "capital_per_ha": 2,
    "share_of_plan": 1,
}
#: Columns whose values are ids of words in the catalogue: the value is shown as the word.
WORDS: Final[dict[str, str]] = {
    "sector": "sector",
    "phase": "phase",
    "kind": "kind",
    "precision": "precision",
    "placement": "placement",
    "site_mode": "dl.mode",
}
#: Counts the data keeps as text (a blank is "not stated", not 0): numbers where every value is.
WHOLE_NUMBERS: Final[tuple[str, ...]] = ("plants", "printed_no", "site_order")
#: In zone load and zones, ``name_vi`` / ``name_en`` are the zone's names, not a project's.
ZONE_KINDS: Final[tuple[str, ...]] = ("zone-load", "zones")
_CELL = re.compile(r"capital_(\d{4}-\d{4})_([a-z_]+)")


def header(column: str, kind: str, lang: str) -> str:
    """What column ``column`` of export ``kind`` is called in ``lang``; its id if unknown."""
    catalogue = CATALOGUE[lang]
    if kind in ZONE_KINDS and column in ("name_vi", "name_en"):
        return text(f"dl.col.zone_{column}", lang)
    if f"dl.col.{column}" in catalogue:
        return text(f"dl.col.{column}", lang)
    # The Vietnamese twin of a zone's fact (developer_vi beside developer).
    base = column.removesuffix("_vi")
    if base != column and f"dl.col.{base}" in catalogue:
        return f"{text(f'dl.col.{base}', lang)} ({text('dl.col.vi_twin', lang)})"
    if (cell := _CELL.fullmatch(column)) and f"sector.{cell[2]}" in catalogue:
        phase, sector = cell[1], cell[2]
        shown = catalogue.get(f"phase.{phase}", phase)
        return text("dl.col.capital_cell", lang).format(sector=text(f"sector.{sector}", lang), phase=shown)
    place = column.removeprefix("km_to_")
    if column.startswith("km_to_") and place in PLACE_COLUMNS:
        return text("col.km_to", lang).format(place=text(f"place.{place}", lang))
    return column


def _decimals(column: str, values: pd.Series) -> int | None:
    """Decimals a number column shows: capital whole numbers as such, else one decimal."""
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        return None
    if column in DECIMALS:
        return DECIMALS[column]
    if column.startswith("km_to_"):
        return 1
    whole = values.dropna().map(lambda v: float(v).is_integer()).all()
    return 0 if whole else 1


def _counts(values: pd.Series) -> pd.Series:
    """Text that is whole numbers (``"3"``) as numbers, blanks left empty; other text unchanged."""
    if pd.api.types.is_numeric_dtype(values):
        return values
    stated = values.fillna("").astype(str).str.strip()
    if not stated[stated != ""].str.fullmatch(r"\d+").all():
        return values
    return pd.to_numeric(stated.where(stated != ""), errors="coerce").astype("Int64")


def _words(values: pd.Series, prefix: str, lang: str) -> pd.Series:
    """Ids shown as their words (``mechanical`` → ``Cơ khí``); an id with no word stays."""
    catalogue = CATALOGUE[lang]
    return values.map(lambda v: catalogue.get(f"{prefix}.{v}", v) if isinstance(v, str) else v)


def _flat(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame without shapes: points as ``lon``/``lat`` (as rounded), other shapes dropped."""
    table = pd.DataFrame(frame)
    if isinstance(frame, gpd.GeoDataFrame):
        geometry = frame.geometry
        if len(geometry) and (geometry.geom_type == "Point").all():
            table["lon"], table["lat"] = geometry.x, geometry.y
        table = table.drop(columns=geometry.name)
    return table


def _order(columns: list[str], lang: str) -> list[str]:
    """The columns with the name in ``lang`` first: it is what a reader looks for on each row."""
    first = "name_vi" if lang == "vi" else "name_en"
    return [first, *[c for c in columns if c != first]] if first in columns else columns


def _unique(headers: list[str]) -> list[str]:
    """Headers made distinct (a data set's own column may share a catalogue header)."""
    seen: dict[str, int] = {}
    out = []
    for name in headers:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def people_sheet(frame: pd.DataFrame, kind: str, totals: dict[str, float], lang: str) -> Sheet:
    """An export frame (:func:`geo.exports.export_frame`) as a sheet people read in ``lang``.

    Headers and the sheet's name are in ``lang``; sectors, phases, kinds, precisions and
    placements are words; numbers stay numbers with their decimals; coordinates keep the
    decimals the export rounded them to. ``totals`` (:func:`geo.exports.export_totals`) give
    the totals row.
    """
    table = _flat(frame)
    ids = _order(list(table.columns), lang)
    headers = _unique([header(c, kind, lang) for c in ids])
    columns = []
    for column, name in zip(ids, headers, strict=True):
        if column in WHOLE_NUMBERS:
            table[column] = _counts(table[column])
        values = table[column]
        if column in WORDS:
            table[column] = _words(values, WORDS[column], lang)
        if column in ("lon", "lat"):
            decimals = max(settings.COORD_DECIMALS_BY_PRECISION.values())
            columns.append(Column(column, name, decimals, coordinate=True))
        else:
            columns.append(Column(column, name, _decimals(column, values), percent=column == "share_of_plan"))
    count = int(totals.get("projects", len(frame)))
    label_key = f"dl.total.{kind}"
    label = text(label_key, lang).format(count=number(count, lang)) if totals else ""
    return Sheet(
        name=text(f"dl.sheet.{kind}", lang),
        columns=columns,
        rows=table,
        totals=totals,
        totals_label=label,
        ids_sheet=text("dl.sheet.ids", lang),
        ids_headers=(text("dl.ids.header", lang), text("dl.ids.id", lang)),
    )
