"""Every page on another data set: the national benchmark set, and one with only required columns."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from geo import settings
from layers.i18n import text
from tests.datasets import write_minimal, write_national
from tests.html_tables import html_table

APP = str(settings.ROOT / "app.py")
PAGES = ("map", "load", "targets", "data")
#: Points the app at one of the test's data sets by name.
Choose = Callable[[str], None]


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("sets")
    return {
        "national": write_national(root / "national"),
        "minimal": write_minimal(root / "minimal"),
        "crowded": write_minimal(root / "crowded", projects=20_000),
    }


@pytest.fixture
def use(monkeypatch: pytest.MonkeyPatch, folders: dict[str, Path]) -> Iterator[Choose]:
    """Point ``PLAN_DATA_DIR`` at one of the sets; the app's plan cache is emptied around it."""

    def choose(name: str) -> None:
        monkeypatch.setenv(settings.DATA_DIR_ENV, str(folders[name]))

    st.cache_resource.clear()
    yield choose
    st.cache_resource.clear()


def _run(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def _infos(at: AppTest) -> list[str]:
    return [str(e.value) for e in at.info]


@pytest.mark.parametrize("name", ["national", "minimal"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_opens_on_another_data_set(use: Choose, name: str, page: str) -> None:
    use(name)
    zone = "z-0001" if name == "national" else "kcn-a"
    at = _run(page=page, zone=zone, lang="en")
    if page == "targets":
        # Not Thái Bình's targets: this data set has none, and the page says so.
        assert text("targets.none", "en") in _infos(at)
        with pytest.raises(KeyError):
            html_table(at, "targets")
    if page == "data":
        projects = html_table(at, "data-projects")
        # The list follows the filters, the chosen zone among them: the projects the map shows.
        shown, total = (int(n.replace(",", "")) for n in next(m.value for m in at.metric).split(" / "))
        assert (shown, total) == ((23, 1_000) if name == "national" else (3, 3))
        assert len(projects) == shown
        assert "Thái Bình" not in " ".join(projects.iloc[:, 1].astype(str))


def test_briefing_mode_opens_on_the_national_set(use: Choose) -> None:
    use("national")
    at = _run(mode="present", lang="en")
    assert at.get("st_folium") or at.button


def test_a_zone_of_20000_projects_shows_200_and_says_how_many_are_not(use: Choose) -> None:
    use("crowded")
    at = _run(zone="kcn-a")
    panel = next(h.proto.body for h in at.get("html") if 'class="zone-projects"' in h.proto.body)
    figures = re.findall(r'<span class="figure">([^<]*)</span>', panel)
    assert len(figures) == 200
    # The largest first: what a reader of a capped list most wants to see.
    assert figures[0] == "99"
    captions = [str(c.value) for c in at.caption]
    assert "Đang hiển thị 200 trên 20.000 dòng; 19.800 dòng không hiển thị." in " ".join(captions)


def test_the_data_page_of_20000_projects_shows_200(use: Choose) -> None:
    use("crowded")
    at = _run(page="data", lang="en")
    assert len(html_table(at, "data-projects")) == 200
    assert any("Showing 200 of 20,000 rows; 19,800 are not shown." in str(c.value) for c in at.caption)


def test_the_bundled_plan_still_has_its_own_targets(use: Choose, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(settings.DATA_DIR_ENV, raising=False)
    at = _run(page="targets", lang="en")
    targets = html_table(at, "targets")
    assert list(targets.iloc[:, 2]) == [4750, 1890, 7220, 435]
    assert text("targets.none", "en") not in _infos(at)


# ----------------------------------------------------------------- Viet Nam's extent (issue 10)

#: Bangkok: west of Viet Nam's box, so outside any data set's extent.
ABROAD = (100.5, 13.75)


def _moved(layer: Path, lon: float, lat: float) -> None:
    """Move every feature of ``layer`` so its first point sits at ``lon``, ``lat``."""
    import geopandas as gpd

    frame = gpd.read_file(layer)
    first = frame.geometry.iloc[0].representative_point()
    frame.geometry = frame.geometry.translate(lon - first.x, lat - first.y)
    frame.to_file(layer)


def _refusal(folder: Path) -> list[object]:
    from geo.errors import PlanDataError
    from geo.load import load_plan

    with pytest.raises(PlanDataError) as caught:
        load_plan()
    return [p for p in caught.value.problems if p.field == "geometry"]


def test_a_data_set_site_outside_viet_nam_is_refused_as_an_upload_would_be(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from geo.overrides import load_uploads

    folder = write_minimal(tmp_path / "set")
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(folder))
    # The valid set loads, and its upload of a site abroad is refused...
    table = f"project_id,lon,lat\nmechanical-2016-1,{ABROAD[0]},{ABROAD[1]}\n".encode()
    _, uploaded = load_uploads({"sites": ("sites.csv", table)})
    [upload] = [p for p in uploaded if p.field == "geometry"]
    # ...and the same site in the data set itself is refused with the same words.
    _moved(folder / "sites.geojson", *ABROAD)
    refused = [p for p in _refusal(folder) if p.source == "sites.geojson"]
    assert [p.where for p in refused] == ["feature 1", "feature 2", "feature 3"]
    own = refused[0]
    for lang in ("en", "vi"):
        assert own.text(lang).split(": ", 1)[1] == upload.text(lang).split(": ", 1)[1]
    assert own.text("en").endswith(": outside Viet Nam")
    assert "(Viet Nam); found lon 100.5000, lat 13.7500: outside Viet Nam" in own.text("en")
    assert own.text("vi").endswith(
        "cần tọa độ trong khoảng kinh độ 102,0–110,0, vĩ độ 8,0–23,6 (Việt Nam); "
        "thấy kinh độ 100,5000, vĩ độ 13,7500: nằm ngoài Việt Nam"
    )


def test_a_data_set_zone_outside_viet_nam_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write_minimal(tmp_path / "set")
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(folder))
    _moved(folder / "zones.geojson", *ABROAD)
    zones = [p for p in _refusal(folder) if p.source == "zones.geojson"]
    assert [p.where for p in zones] == ["feature 1"]
    assert zones[0].text("en").endswith(": outside Viet Nam")


def test_a_data_set_may_lie_anywhere_in_viet_nam_not_only_in_thai_binh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from geo.load import load_plan

    folder = write_minimal(tmp_path / "set")
    # Đà Nẵng: far outside the province's box, inside the country's.
    _moved(folder / "zones.geojson", 108.2, 16.05)
    _moved(folder / "sites.geojson", 108.2, 16.05)
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(folder))
    plan = load_plan()
    assert len(plan.sites) == 3
    assert plan.zones.geometry.iloc[0].representative_point().x == pytest.approx(108.2, abs=0.01)
