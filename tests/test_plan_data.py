"""The priority list, subtotals and targets are the printed plan, read correctly."""

from __future__ import annotations

import pandas as pd
import pytest

from geo import io, settings
from geo.findings import findings, subtotal_checks, target_checks
from geo.load import Plan
from geo.stats import capital_by, targets_table


def test_twenty_two_projects_with_the_printed_capital(plan: Plan) -> None:
    assert len(plan.projects) == 22
    assert plan.total_capital == 31_560
    assert capital_by(plan.projects, "sector").to_dict() == {
        "mechanical": 2_900,
        "electronics": 23_680,
        "textiles": 4_400,
        "ceramics": 580,
    }
    assert capital_by(plan.projects, "phase").to_dict() == {"2016-2020": 4_860, "2021-2025": 26_700}


def test_project_ids_follow_sector_phase_and_printed_number(plan: Plan) -> None:
    for _, row in plan.projects.iterrows():
        assert row["project_id"] == f"{row['sector']}-{row['phase'][:4]}-{row['printed_no']}"
    assert "electronics-2021-2" in set(plan.projects["project_id"])


def test_every_row_is_printed_verbatim_in_the_plan_text(projects_table: pd.DataFrame) -> None:
    text = io.read_text(settings.PLAN_TEXT)
    for _, row in projects_table.iterrows():
        printed = "\t".join(
            [row["printed_no"], row["name_vi_printed"], row["capital_printed"], row["site_printed"]]
        )
        assert printed in text, row["project_id"]
        assert int(row["capital_printed"].replace(".", "")) == int(row["capital_bn_vnd"])


def test_known_character_recognition_slips_are_corrected(plan: Plan) -> None:
    rows = plan.projects.set_index("project_id")
    assert rows.loc["mechanical-2016-2", "site_printed"] == "KCN Cầu Ngին"
    assert rows.loc["mechanical-2016-2", "site_vi"] == "KCN Cầu Nghìn"
    assert rows.loc["ceramics-2016-1", "site_vi"] == "KCN Tiền Hải"
    assert rows.loc["electronics-2016-4", "site_zone_ids"] == "kcn-song-tra;kcn-cau-nghin"
    assert rows.loc["mechanical-2016-4", "site_mode"] == "alternatives"
    assert rows.loc["textiles-2016-1", "plants"] == "3"


def test_subtotals_and_targets_as_printed(plan: Plan) -> None:
    assert len(plan.subtotals) == 8
    assert plan.subtotals["capital_bn_vnd"].sum() == 31_460
    targets = plan.targets.set_index("sector")
    assert targets.loc["electronics", "value_2020_bn_vnd"] == 1_890
    assert targets.loc["electronics", "ratio_2020_vs_2015"] == pytest.approx(5.08)
    assert targets.loc["textiles", "value_2025_bn_vnd"] == 18_650
    assert targets.loc["ceramics", "ratio_2025_vs_2020"] == pytest.approx(2.5)


def test_the_plan_s_own_inconsistencies_are_found(plan: Plan) -> None:
    found = findings(plan.projects, plan.subtotals, plan.targets)
    assert list(zip(found["check"], found["sector"], found["phase"], strict=True)) == [
        ("subtotal", "electronics", "2016-2020"),
        ("target_2025", "ceramics", "2021-2025"),
    ]
    subtotal = found.iloc[0]
    assert (subtotal["printed"], subtotal["computed"], subtotal["difference"]) == (1_580, 1_680, 100)
    target = found.iloc[1]
    assert target["computed"] == pytest.approx(1_087.5)


def test_all_other_checks_pass(plan: Plan) -> None:
    assert subtotal_checks(plan.projects, plan.subtotals)["consistent"].sum() == 7
    assert target_checks(plan.targets)["consistent"].sum() == 3


def test_implied_2015_base_and_growth(plan: Plan) -> None:
    table = targets_table(plan.targets).set_index("sector")
    assert table.loc["mechanical", "implied_2015_bn_vnd"] == pytest.approx(2_500.0)
    assert table.loc["electronics", "implied_2015_bn_vnd"] == pytest.approx(372.0, abs=0.1)
    assert table.loc["mechanical", "growth_2015_2020"] == pytest.approx(1.9**0.2 - 1)
    assert table.loc["ceramics", "growth_2020_2025"] == pytest.approx((1060 / 435) ** 0.2 - 1)
