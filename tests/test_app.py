"""The Streamlit app without a browser: filters, policy, language and URL state."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from geo import settings
from geo.load import load_plan
from tests.conftest import unescape_js

APP = str(settings.ROOT / "app.py")


def _run(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, at.exception
    return at


def _map_args(at: AppTest) -> dict[str, Any]:
    """The arguments st_folium sent to its component: script, feature groups, asset links."""
    found = []

    def walk(node: Any) -> None:
        for child in getattr(node, "children", {}).values():
            walk(child)
        proto = getattr(node, "proto", None)
        if proto is not None and getattr(node, "type", "") == "component_instance":
            found.append(json.loads(proto.json_args))

    walk(at._tree)
    assert len(found) == 1
    return found[0]


def _projects_on_map(at: AppTest) -> list[str]:
    return sorted(set(re.findall(r"project-([a-z0-9-]+) ", _map_args(at)["feature_group"])))


def choice(widgets: Any, name: str) -> Any:
    """The widget that shows choice ``name`` (its key follows its labels: ``ui.state.widget_key``)."""
    found = [w for w in widgets if str(w.key).startswith(f"_w.{name}.")]
    assert len(found) == 1, [w.key for w in widgets]
    return found[0]


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_default_view_shows_the_whole_plan_in_vietnamese() -> None:
    at = _run()
    assert _metrics(at) == {
        "Dự án hiển thị": "22 / 22",
        "Vốn hiển thị": "31.560 tỷ đồng",
        "Khu có dự án": "5",
    }
    assert len(_projects_on_map(at)) == 22


def test_map_assets_are_served_by_the_app() -> None:
    args = _map_args(_run())
    links = args["js_links"] + args["css_links"]
    assert links
    assert all(link.startswith("../../app/static/") for link in links)


def test_link_opens_the_two_chip_projects_in_english() -> None:
    at = _run(sector="electronics", phase="2021-2025", lang="en")
    assert _metrics(at) == {
        "Projects shown": "2 / 22",
        "Capital shown": "22,000 bn VND",
        "Zones involved": "1",
    }
    assert _projects_on_map(at) == ["electronics-2021-1", "electronics-2021-2"]
    assert choice(at.sidebar.multiselect, "sector").value == ["electronics"]


def test_widgets_write_the_view_back_to_the_url() -> None:
    at = _run()
    choice(at.sidebar.multiselect, "sector").set_value(["ceramics"]).run()
    choice(at.sidebar.radio, "lang").set_value("en").run()
    assert at.query_params["sector"] == "ceramics"
    assert at.query_params["lang"] == "en"
    assert _metrics(at)["Capital shown"] == "580 bn VND"


def test_unknown_url_values_are_ignored() -> None:
    at = _run(sector="robotics,textiles", policy="half", lang="fr")
    assert choice(at.sidebar.multiselect, "sector").value == ["textiles"]
    assert choice(at.sidebar.radio, "policy").value == "split"
    assert _metrics(at)["Vốn hiển thị"] == "4.400 tỷ đồng"


@pytest.mark.parametrize(("policy", "label"), [("split", "1.050"), ("full", "1.650"), ("first", "1.350")])
def test_policy_changes_the_zone_capital(policy: str, label: str) -> None:
    at = _run(policy=policy)
    groups = unescape_js(_map_args(at)["feature_group"])
    assert f"Cầu Nghìn: <b>{label}</b>" in groups


def test_search_ignores_accents() -> None:
    at = _run()
    choice(at.sidebar.text_input, "search").input("cau nghin").run()
    assert _projects_on_map(at) == [
        "electronics-2016-4",
        "mechanical-2016-1",
        "mechanical-2016-2",
        "mechanical-2016-4",
    ]


def test_capital_range_filters_projects() -> None:
    at = _run()
    choice(at.sidebar.select_slider, "capital").set_value((5_000.0, 12_000.0)).run()
    assert _projects_on_map(at) == ["electronics-2021-1", "electronics-2021-2"]


def test_zone_choice_filters_and_opens_its_panel() -> None:
    at = _run(zone="kcn-tien-hai", lang="en")
    assert _projects_on_map(at) == ["ceramics-2016-1", "ceramics-2021-2"]
    # The zone panel's user text goes out as escaped HTML (ui/plain.py), never Markdown.
    html = [h.proto.body for h in at.get("html")]
    assert '<h3 class="user-heading">Tiền Hải Industrial Park</h3>' in html
    facts = next(body for body in html if 'class="facts"' in body)
    assert "<tr><th>Allocated capital</th><td>580 bn VND</td></tr>" in facts
    assert "<th>Shape precision</th><td>indicative (not a surveyed boundary)</td>" in facts
    # The largest first, as a capped list shows them.
    projects = next(body for body in html if 'class="zone-projects"' in body)
    assert re.findall(r'<span class="figure">([^<]*)</span>', projects) == ["400", "180"]
    assert "Ceramics &amp; sanitary ware · 2016–2020" in projects or "· 2016–2020</span>" in projects
    assert at.query_params["zone"] == "kcn-tien-hai"


def test_no_match_says_so() -> None:
    at = _run()
    choice(at.sidebar.text_input, "search").input("xyz không có").run()
    assert _metrics(at)["Dự án hiển thị"] == "0 / 22"
    assert at.warning[0].value == "Không có dự án nào phù hợp bộ lọc."


@pytest.mark.parametrize("page", ["map", "load", "targets", "data"])
def test_files_that_leave_no_project_still_give_every_page(
    page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A national data set laid over Thái Bình: every zone is outside the province, so no
    # site and no project is left; the figures are 0 and nothing divides by the plan's total.
    from bench.generate import write
    from ui import uploads

    write(tmp_path, 20, 60)
    names = {"zones": "zones.geojson", "sites": "sites.geojson", "projects": "projects.csv"}
    files = {kind: (name, (tmp_path / name).read_bytes()) for kind, name in names.items()}
    monkeypatch.setattr(uploads, "uploaded_files", lambda: files)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["page"] = page
    at.run()
    assert not at.exception, at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 1, errors  # the upload's problems, and no failed part
    assert errors[0].split(" ")[1:3] == ["lỗi", "trong"]
    assert _metrics(at)["Dự án hiển thị"] == "0 / 0"


def _seen(at: AppTest) -> tuple[dict[str, str], list[str], list[str]]:
    return _metrics(at), _projects_on_map(at), [c.value for c in at.caption if "USD" in c.value]


def test_search_capital_range_and_rate_go_into_the_link_and_come_back() -> None:
    at = _run(lang="en")
    choice(at.sidebar.text_input, "search").input("Cầu Nghìn").run()
    choice(at.sidebar.select_slider, "capital").set_value((300.0, 1_100.0)).run()
    choice(at.sidebar.text_input, "usd_rate").input("25,000").run()
    link = {name: at.query_params[name] for name in ("q", "capital", "rate", "lang")}
    assert link == {"q": "Cầu Nghìn", "capital": "300-1100", "rate": "25000", "lang": "en"}
    shown = (_metrics(at), _projects_on_map(at), [c.value for c in at.caption if "USD" in c.value])
    # The same link in a new browser: the same projects, figures and dollar amounts.
    again = _run(**link)
    assert (
        _metrics(again),
        _projects_on_map(again),
        [c.value for c in again.caption if "USD" in c.value],
    ) == shown
    projects = load_plan().projects.set_index("project_id")["capital_bn_vnd"]
    found = _projects_on_map(again)
    assert {"mechanical-2016-1", "mechanical-2016-2"} <= set(found)
    assert all(300 <= projects[p] <= 1_100 for p in found)
    assert choice(again.sidebar.text_input, "usd_rate").value == "25,000"


def test_bad_search_capital_and_rate_in_a_link_are_ignored() -> None:
    at = _run(capital="900-100", rate="5", q="")
    assert "capital" not in at.query_params
    assert "rate" not in at.query_params
    assert _metrics(at)["Dự án hiển thị"] == "22 / 22"


def test_a_program_error_with_uploads_is_ours_and_the_bundled_plan_stays(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ui import uploads

    def broken(files: object) -> object:
        raise RuntimeError("a bug of ours, not of the file")

    files = {"zones": ("khu.geojson", b"{}")}
    monkeypatch.setattr(uploads, "uploaded_files", lambda: files)
    monkeypatch.setattr(uploads, "plan_from_uploads", broken)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert not at.exception, at.exception
    [error] = [e.value for e in at.error]
    assert "This is not a problem with your files: they were not used, nothing was lost" in error
    assert re.search(r"Reference \(to quote to the administrator\): [0-9a-f]{8}$", error)
    assert "bug of ours" not in error
    # The bundled plan, whole, and the sidebar to remove the file from.
    assert _metrics(at)["Projects shown"] == "22 / 22"
    assert choice(at.sidebar.multiselect, "sector") is not None
