"""Colours and line styles: sector palette, capital scale, precision and phase styles."""

from __future__ import annotations

import math
from typing import Final

import branca.colormap as cm

#: Okabe–Ito colours, told apart with every common colour-vision deficiency.
SECTOR_COLOURS: Final[dict[str, str]] = {
    "mechanical": "#E69F00",
    "electronics": "#0072B2",
    "textiles": "#009E73",
    "ceramics": "#CC79A7",
}
#: Outline dash per zone precision: a solid line only where a boundary was measured.
PRECISION_DASH: Final[dict[str, str | None]] = {
    "surveyed": None,
    "official": None,
    "indicative": "6 4",
    "unspecified": "2 6",
}
#: Outline colour and width per zone kind.
KIND_STROKE: Final[dict[str, tuple[str, float]]] = {
    "park": ("#3a3a3a", 2.0),
    "coastal_zone": ("#1f5f8b", 2.5),
    "cluster_area": ("#6b4c9a", 2.0),
    "district": ("#7a7a7a", 1.0),
    "province": ("#444444", 1.5),
}
NO_CAPITAL: Final[str] = "#f2f2f2"
#: Sequential, light-to-dark, readable on a projector.
CAPITAL_COLOURS: Final[list[str]] = ["#fff5d6", "#fdd49e", "#fc8d59", "#d7301f", "#7f0000"]


class CapitalScale:
    """A logarithmic colour scale for capital, fixed for a whole policy.

    The scale comes from the whole plan's zone load, not the filtered view, so a colour
    means the same amount whatever the filters. Colours are computed here with branca;
    no colormap element is added to the map (it would make the map fetch d3 online).
    """

    def __init__(self, low: float, high: float) -> None:
        # No capital at all (0, 0) still gets a scale: nothing is coloured by it.
        self.low = low if math.isfinite(low) and low > 1.0 else 1.0
        self.high = high if math.isfinite(high) and high > self.low * 10 else self.low * 10
        self._map = cm.LinearColormap(CAPITAL_COLOURS, vmin=math.log10(self.low), vmax=math.log10(self.high))

    def colour(self, value: float) -> str:
        """Hex colour of a capital amount; zero gets the no-capital grey."""
        if value <= 0:
            return NO_CAPITAL
        clipped = min(max(value, self.low), self.high)
        return str(self._map.rgb_hex_str(math.log10(clipped)))

    def ticks(self, count: int = 4) -> list[float]:
        """Round values spread evenly on the log scale, for the legend."""
        span = math.log10(self.high) - math.log10(self.low)
        raw = [10 ** (math.log10(self.low) + span * i / (count - 1)) for i in range(count)]
        return [_round_nice(v) for v in raw]


def _round_nice(value: float) -> float:
    digits = max(0, math.floor(math.log10(value)) - 1)
    return float(round(value, -digits))
