"""Sentences and figures the printed pages share with the app, worded per language."""

from __future__ import annotations

import pandas as pd

from geo.findings import findings
from geo.load import Plan
from layers.i18n import number, text


def _decimals(value: float) -> int:
    return 0 if float(value).is_integer() else 1


def signed(value: float, lang: str) -> str:
    """A difference with its sign always written: ``+100``, ``−27,5`` (a true minus sign)."""
    magnitude = number(abs(value), lang, _decimals(value))
    if value > 0:
        return f"+{magnitude}"
    return f"−{magnitude}" if value < 0 else magnitude


def finding_lines(plan: Plan, lang: str, *, touching: set[tuple[str, str]] | None = None) -> list[str]:
    """The plan's inconsistencies in ``lang``, for the app and the printed pages alike.

    Each reads "printed X; the rows add up to Y (Y − X)": the difference is what the rows
    (or the target's own ratio) give minus what was printed, with its sign.

    ``touching`` keeps only those about these (sector, phase) pairs: a subtotal of that
    sector and phase, or that sector's 2025 target.
    """
    rows = findings(plan.projects, plan.subtotals, plan.targets)
    if touching is not None:
        sectors = {sector for sector, _ in touching}
        pairs = list(zip(rows["sector"], rows["phase"], strict=True))
        keep = [
            (check == "target_2025" and pair[0] in sectors) or pair in touching
            for check, pair in zip(rows["check"], pairs, strict=True)
        ]
        rows = rows[keep]
    targets = plan.targets.set_index("sector") if not plan.targets.empty else pd.DataFrame()
    lines = []
    for _, row in rows.iterrows():
        fields = {
            "sector": text(f"sector.{row['sector']}", lang),
            "phase": text(f"phase.{row['phase']}", lang),
            "printed": number(row["printed"], lang),
            "computed": number(row["computed"], lang, _decimals(row["computed"])),
            "difference": signed(float(row["computed"]) - float(row["printed"]), lang),
        }
        if row["check"] == "subtotal":
            lines.append(text("findings.subtotal", lang).format(**fields))
        else:
            target = targets.loc[row["sector"]]
            lines.append(
                text("findings.target", lang).format(
                    base=number(target["value_2020_bn_vnd"], lang),
                    ratio=number(target["ratio_2025_vs_2020"], lang, 2),
                    **fields,
                )
            )
    return lines
