"""Zone load, targets, data and sources, USD and briefing mode, through Streamlit's AppTest."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.html_tables import html_table
from tests.test_app import _metrics, _projects_on_map, _run, choice


def _table(at: AppTest, index: int = 0) -> pd.DataFrame:
    """The data page's project list (0) or sources table (1)."""
    return html_table(at, ("data-projects", "data-sources")[index])


@pytest.mark.parametrize(
    ("policy", "cau_nghin", "total"), [("split", 1_050, 31_560), ("full", 1_650, 34_410)]
)
def test_zone_load_follows_the_policy(policy: str, cau_nghin: float, total: float) -> None:
    at = _run(page="load", policy=policy, lang="en")
    table = html_table(at, "load").set_index("Zone")
    assert table.loc["Cầu Nghìn Industrial Park", "Capital (bn VND)"] == pytest.approx(cau_nghin)
    assert table["Capital (bn VND)"].sum() == pytest.approx(total)
    assert table.loc["Sông Trà (TBS) Industrial Park", "Projects"] == 7
    assert table.loc["Tiền Hải Industrial Park", "bn VND per ha"] == pytest.approx(580 / 445.3, rel=1e-3)
    assert table.loc["Phúc Khánh Industrial Park", "Capital (bn VND)"] == 0
    assert len(table) == 10
    explained = at.info[0].value
    assert explained.startswith(f"Policy {policy}:")


def test_zone_load_in_usd_follows_the_rate() -> None:
    at = _run(page="load", lang="en", sector="ceramics")
    choice(at.sidebar.text_input, "usd_rate").input("25000").run()
    table = html_table(at, "load").set_index("Zone")
    assert table.loc["Tiền Hải Industrial Park", "Capital (million USD)"] == pytest.approx(23.2)
    assert any(c.value.startswith("≈ 23.2 million USD · ") for c in at.caption)


def test_targets_show_implied_base_growth_and_the_inconsistency() -> None:
    at = _run(page="targets", lang="en")
    table = html_table(at, "targets").set_index("Sector")
    assert table.loc["Mechanical engineering", "Implied 2015 (bn VND)"] == pytest.approx(2_500)
    growth = table.loc["Electronics & IT", "Avg. growth 2015–2020 (%/yr)"]
    assert growth == pytest.approx((5.08**0.2 - 1) * 100)
    assert table.loc["Sanitary ceramics", "Check"] == "inconsistent: 1,060 ≠ 1,087.5"
    assert table.loc["Textiles, garments & leather", "Check"] == "consistent"
    warnings = [w.value for w in at.warning]
    subtotal = "Electronics & IT, 2016–2020: printed 1,580 bn VND; the rows add up to 1,680"
    assert f"{subtotal} (+100)." in warnings
    assert any(
        w.startswith("Sanitary ceramics: the 2025 target is printed as 1,060 bn VND") for w in warnings
    )


def test_data_view_lists_projects_sources_and_the_2025_change() -> None:
    at = _run(page="data")
    projects = _table(at, 0)
    assert len(projects) == 22
    assert "KCN Cầu Ngին" in set(projects["Địa điểm (bản in)"])
    geometry = _table(at, 1)
    assert len(geometry) == 19
    assert set(geometry["Độ chính xác"]) >= {"mang tính minh họa (không phải ranh giới đo đạc)"}
    assert any("sáp nhập vào tỉnh Hưng Yên" in m.value for m in at.markdown)
    at.text_input(key="table_search").input("soi").run()
    assert sorted(_table(at, 0)["ID"]) == ["textiles-2016-1", "textiles-2021-4"]


def test_briefing_mode_steps_through_the_phases() -> None:
    at = _run(mode="present")
    assert len(at.sidebar) == 0
    seen = []
    for _ in range(3):
        at.button(key="present-next").click().run()
        seen.append((at.session_state["phase"], _metrics(at)["Vốn hiển thị"]))
    assert seen == [
        (["2016-2020"], "4.860 tỷ đồng"),
        (["2021-2025"], "26.700 tỷ đồng"),
        ([], "31.560 tỷ đồng"),
    ]
    assert len(_projects_on_map(at)) == 22
    assert at.query_params["mode"] == "present"


@pytest.mark.parametrize(
    ("policy", "allocated", "shown"), [("split", "24,180", "24,330"), ("full", "24,330", "24,330")]
)
def test_a_chosen_zone_s_headline_says_what_the_zone_carries(policy: str, allocated: str, shown: str) -> None:
    at = _run(lang="en", zone="kcn-song-tra", policy=policy)
    assert _metrics(at)["Capital shown"] == f"{shown} bn VND"
    lines = [c.value for c in at.caption if c.value.startswith("≈ ")]
    sentence = f"carries {allocated} bn VND of these {shown} bn VND"
    assert any(sentence in line for line in lines) is (allocated != shown), lines
