"""A user's own context layer (roads, a planning map, parcels): any vector file, read as
hostile as every upload, for the session's map only."""

from __future__ import annotations

import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import geopandas as gpd
import shapely

from geo import io, settings
from geo.errors import PlanDataError, Problem, phrase
from geo.overrides import UPLOAD_SUFFIXES, staged_name

#: What a context file may be: a layer, as a zone upload may (no tables: they have no shapes).
CONTEXT_SUFFIXES: Final[tuple[str, ...]] = UPLOAD_SUFFIXES["zones"]
#: Bounds that keep the map usable in a browser: the layer goes with the map on every rerun.
MAX_FEATURES: Final[int] = 20_000
MAX_VERTICES: Final[int] = 400_000
#: Columns that name a feature, in the order tried; the first present labels the tooltip.
NAME_COLUMNS: Final[tuple[str, ...]] = ("name_vi", "name", "ten", "tên", "name_en", "label", "NAME", "Name")
#: How far (degrees, ~50 km) outside the plan's area a context feature may still be useful.
MARGIN_DEG: Final[float] = 0.5
LABEL_CHARS: Final[int] = 120


@dataclass(frozen=True)
class OwnContext:
    """A context layer from the user's file: its name as the user gave it, and its
    features (``geometry`` in WGS84 and a ``label`` text, possibly empty)."""

    title: str
    features: gpd.GeoDataFrame


def read_own_context(name: str, content: bytes) -> tuple[OwnContext | None, list[Problem]]:
    """Read an uploaded context file, or say every problem with it.

    The file is staged alone under a cleaned name and read by :func:`geo.io.read_layer`
    (checked to be what its ending says, GDAL locked down); only the readers' errors are
    problems with the file.
    """
    staged = staged_name(name)
    if Path(staged).suffix not in CONTEXT_SUFFIXES:
        expected = phrase(
            "a file ending in {endings}", "một tệp có đuôi {endings}", endings=", ".join(CONTEXT_SUFFIXES)
        )
        return None, [Problem(staged, "", "", expected, repr(Path(staged).suffix))]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / staged
        path.write_bytes(content)
        try:
            frame = io.read_layer(path)
        except PlanDataError as exc:
            return None, list(exc.problems)
    return _checked(staged, frame)


def _checked(source: str, frame: gpd.GeoDataFrame) -> tuple[OwnContext | None, list[Problem]]:
    frame = frame[frame.geometry.notna() & ~frame.geometry.is_empty]
    problems: list[Problem] = []
    if frame.empty:
        problems.append(
            Problem(
                source,
                "",
                "geometry",
                phrase("at least one feature with a shape", "ít nhất một đối tượng có hình"),
                phrase("none", "không có"),
            )
        )
    if len(frame) > MAX_FEATURES:
        problems.append(
            Problem(
                source,
                "",
                "",
                phrase(
                    "at most {n} features",
                    "tối đa {n_vi} đối tượng",
                    n=f"{MAX_FEATURES:,}",
                    n_vi=_vi(MAX_FEATURES),
                ),
                phrase("{n}", "{n_vi}", n=f"{len(frame):,}", n_vi=_vi(len(frame))),
            )
        )
    vertices = int(shapely.get_num_coordinates(frame.geometry.values).sum())
    if vertices > MAX_VERTICES:
        problems.append(
            Problem(
                source,
                "",
                "geometry",
                phrase(
                    "at most {n} vertices in all",
                    "tổng cộng tối đa {n_vi} đỉnh",
                    n=f"{MAX_VERTICES:,}",
                    n_vi=_vi(MAX_VERTICES),
                ),
                phrase("{n}", "{n_vi}", n=f"{vertices:,}", n_vi=_vi(vertices)),
            )
        )
    if problems:
        return None, problems
    west, south, east, north = settings.bounds()
    near = shapely.box(west - MARGIN_DEG, south - MARGIN_DEG, east + MARGIN_DEG, north + MARGIN_DEG)
    if not frame.geometry.intersects(near).any():
        minx, miny, maxx, maxy = frame.total_bounds
        expected = phrase(
            "features within about 50 km of the plan's area",
            "đối tượng trong phạm vi khoảng 50 km quanh vùng quy hoạch",
        )
        found = f"lon {minx:.3f}…{maxx:.3f}, lat {miny:.3f}…{maxy:.3f}"
        return None, [Problem(source, "", "geometry", expected, found)]
    features = gpd.GeoDataFrame({"label": _labels(frame)}, geometry=frame.geometry.values, crs=settings.CRS)
    return OwnContext(source, features), []


def _labels(frame: gpd.GeoDataFrame) -> list[str]:
    column = next((c for c in NAME_COLUMNS if c in frame.columns), None)
    if column is None:
        return [""] * len(frame)
    texts = frame[column].astype("string").fillna("")
    return [unicodedata.normalize("NFC", str(t)).strip()[:LABEL_CHARS] for t in texts]


def _vi(count: int) -> str:
    """A whole number as Vietnamese writes it: ``.`` between thousands (20.000)."""
    return f"{count:,}".replace(",", ".")
