"""The plan's own inconsistencies: subtotals against their rows, 2025 targets against ratios."""

from __future__ import annotations

from typing import Final

import pandas as pd

from geo import settings

FINDING_COLUMNS: Final[list[str]] = [
    "check",
    "sector",
    "phase",
    "printed",
    "computed",
    "difference",
    "tolerance",
    "consistent",
    "message",
]
#: Targets are printed as "khoảng" (about) and to the nearest 10 billion VND.
TARGET_ROUNDING: Final[float] = 5.0


def subtotal_checks(projects: pd.DataFrame, subtotals: pd.DataFrame) -> pd.DataFrame:
    """Each printed phase subtotal against the sum of the rows printed under it."""
    sums = projects.groupby(["sector", "phase"])["capital_bn_vnd"].sum()
    rows = []
    for _, sub in subtotals.iterrows():
        computed = float(sums.get((sub["sector"], sub["phase"]), 0.0))
        printed = float(sub["capital_bn_vnd"])
        # Rows minus print: "+100" reads as "the rows add up to 100 more than printed".
        difference = computed - printed
        consistent = abs(difference) <= settings.SUBTOTAL_TOLERANCE
        rows.append(
            {
                "check": "subtotal",
                "sector": sub["sector"],
                "phase": sub["phase"],
                "printed": printed,
                "computed": computed,
                "difference": difference,
                "tolerance": settings.SUBTOTAL_TOLERANCE,
                "consistent": consistent,
                "message": (
                    f"{sub['sector']} {sub['phase']}: printed subtotal {printed:,.0f} bn VND; "
                    f"the rows add up to {computed:,.0f} ({difference:+,.0f})"
                ),
            }
        )
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def target_checks(targets: pd.DataFrame) -> pd.DataFrame:
    """Each 2025 target against the 2020 target times the printed ratio.

    The ratio is printed to two decimals and values to the nearest ten, so a difference
    up to ``0.005 × value_2020 + 5`` is rounding, not an inconsistency.
    """
    rows = []
    for _, target in targets.iterrows():
        base = float(target["value_2020_bn_vnd"])
        printed = float(target["value_2025_bn_vnd"])
        computed = base * float(target["ratio_2025_vs_2020"])
        tolerance = 0.005 * base + TARGET_ROUNDING
        difference = computed - printed
        rows.append(
            {
                "check": "target_2025",
                "sector": target["sector"],
                "phase": "2021-2025",
                "printed": printed,
                "computed": round(computed, 2),
                "difference": round(difference, 2),
                "tolerance": round(tolerance, 2),
                "consistent": abs(difference) <= tolerance,
                "message": (
                    f"{target['sector']}: 2025 target printed {printed:,.0f} bn VND; "
                    f"{base:,.0f} × {target['ratio_2025_vs_2020']} = {computed:,.1f} "
                    f"({difference:+,.1f})"
                ),
            }
        )
    return pd.DataFrame(rows, columns=FINDING_COLUMNS)


def findings(projects: pd.DataFrame, subtotals: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    """Every check that fails: what a reader of the plan should be told."""
    checks = pd.concat(
        [subtotal_checks(projects, subtotals), target_checks(targets)],
        ignore_index=True,
    )
    return checks[~checks["consistent"].astype(bool)].reset_index(drop=True)
