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
        assert len(at.dataframe) == 0
    if page == "data":
        projects = at.dataframe[0].value
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
    assert len(at.dataframe[0].value) == 200
    assert any("Showing 200 of 20,000 rows; 19,800 are not shown." in str(c.value) for c in at.caption)


def test_the_bundled_plan_still_has_its_own_targets(use: Choose, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(settings.DATA_DIR_ENV, raising=False)
    at = _run(page="targets", lang="en")
    targets = at.dataframe[0].value
    assert list(targets.iloc[:, 2]) == [4750, 1890, 7220, 435]
    assert text("targets.none", "en") not in _infos(at)
