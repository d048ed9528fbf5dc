"""Label placement without overlaps: each label tries positions around its anchor in turn.

Works in display units (points or pixels) on axis-aligned boxes, so it can be tested
without drawing anything; :func:`place_texts` applies it to matplotlib text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from matplotlib.axes import Axes
from matplotlib.text import Text

#: Where a label may sit relative to its anchor, in order of preference (as cartographers
#: rank them: right, upper right, left, above, below, ...), as (dx, dy) unit directions.
DIRECTIONS: Final[tuple[tuple[float, float], ...]] = (
    (1, 0),
    (1, 1),
    (-1, 0),
    (0, 1),
    (0, -1),
    (1, -1),
    (-1, 1),
    (-1, -1),
)
#: Distances (display units) tried in each direction; the far ones get a leader line.
DISTANCES: Final[tuple[float, ...]] = (8.0, 20.0, 40.0, 70.0)


@dataclass(frozen=True)
class Box:
    """An axis-aligned box: ``x0 <= x1``, ``y0 <= y1``."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Box, gap: float = 0.0) -> bool:
        """Whether the two boxes, grown by ``gap`` each side, share any area."""
        return not (
            self.x1 + gap <= other.x0
            or other.x1 + gap <= self.x0
            or self.y1 + gap <= other.y0
            or other.y1 + gap <= self.y0
        )

    def inside(self, other: Box) -> bool:
        """Whether this box lies wholly inside ``other``."""
        return self.x0 >= other.x0 and self.y0 >= other.y0 and self.x1 <= other.x1 and self.y1 <= other.y1


def _box_at(
    anchor: tuple[float, float], size: tuple[float, float], direction: tuple[float, float], distance: float
) -> Box:
    """The label's box ``distance`` from ``anchor`` in ``direction`` (centred on that axis)."""
    (x, y), (width, height), (dx, dy) = anchor, size, direction
    left = x + distance if dx > 0 else x - distance - width if dx < 0 else x - width / 2
    bottom = y + distance if dy > 0 else y - distance - height if dy < 0 else y - height / 2
    return Box(left, bottom, left + width, bottom + height)


def place_boxes(
    anchors: Sequence[tuple[float, float]],
    sizes: Sequence[tuple[float, float]],
    frame: Box,
    obstacles: Sequence[Box] = (),
    gap: float = 2.0,
    unit: float = 1.0,
) -> list[Box | None]:
    """A box per label that overlaps no other label or obstacle and stays inside ``frame``.

    Labels are placed in the order given (put the most important first); one that finds
    no free position gets ``None`` and is left off rather than drawn over another.
    ``unit`` scales :data:`DISTANCES` (display units per point).
    """
    taken = list(obstacles)
    placed: list[Box | None] = []
    for anchor, size in zip(anchors, sizes, strict=True):
        choice = next(
            (
                box
                for distance in DISTANCES
                for direction in DIRECTIONS
                if (box := _box_at(anchor, size, direction, distance * unit)).inside(frame)
                and not any(box.overlaps(other, gap) for other in taken)
            ),
            None,
        )
        if choice is not None:
            taken.append(choice)
        placed.append(choice)
    return placed


def place_texts(
    ax: Axes, texts: Sequence[Text], anchors: Sequence[tuple[float, float]], obstacles: Sequence[Box] = ()
) -> list[Box | None]:
    """Move each text (already added to ``ax``, data coordinates) to a free box beside its anchor.

    Texts that find no room are hidden. Returns the display boxes used, for tests.
    """
    figure = ax.get_figure()
    assert figure is not None
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    points = [tuple(ax.transData.transform(anchor)) for anchor in anchors]
    sizes = []
    for label in texts:
        extent = label.get_window_extent(renderer)
        sizes.append((extent.width, extent.height))
    frame_extent = ax.get_window_extent(renderer)
    frame = Box(frame_extent.x0, frame_extent.y0, frame_extent.x1, frame_extent.y1)
    # Scale the gaps with the resolution: the distances are in points.
    per_point = figure.dpi / 72
    boxes = place_boxes(points, sizes, frame, obstacles, gap=2.0 * per_point, unit=per_point)
    inverse = ax.transData.inverted()
    for label, box, anchor in zip(texts, boxes, anchors, strict=True):
        if box is None:
            label.set_visible(False)
            continue
        label.set_horizontalalignment("left")
        label.set_verticalalignment("bottom")
        label.set_position(tuple(inverse.transform((box.x0, box.y0))))
        far = (
            abs((box.x0 + box.x1) / 2 - ax.transData.transform(anchor)[0])
            > (box.x1 - box.x0) / 2 + 30 * per_point
        )
        if far:
            centre = inverse.transform(((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2))
            ax.plot(
                [anchor[0], centre[0]],
                [anchor[1], centre[1]],
                color="#555555",
                lw=0.6,
                zorder=label.get_zorder() - 0.1,
            )
    return boxes
