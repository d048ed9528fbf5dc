"""The one error type of the pipeline: a list of problems found in the user's or bundled data."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one place in one file.

    Parameters
    ----------
    source
        File name as the user knows it (no folder).
    where
        Row or feature, e.g. ``"row 7"`` (line in the file, header is row 1) or
        ``"feature 3"``; empty for the file as a whole.
    field
        Column or property; empty when the problem is not about one field.
    expected
        What was expected, in plain words.
    found
        What was found.
    """

    source: str
    where: str
    field: str
    expected: str
    found: str

    def __str__(self) -> str:
        place = f"`{self.source}`"
        if self.where:
            place += f" {self.where}"
        if self.field:
            place += f", column `{self.field}`"
        return f"{place}: expected {self.expected}; found {self.found}"


class PlanDataError(ValueError):
    """Raised once with every problem found, so a user can fix them all in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the plan data"
        super().__init__(head + ":\n" + "\n".join(f"- {p}" for p in self.problems))


def raise_if(problems: list[Problem]) -> None:
    """Raise a :class:`PlanDataError` if ``problems`` is not empty."""
    if problems:
        raise PlanDataError(problems)


def shown(value: object, limit: int = 60) -> str:
    """Quote a found value for a message, shortened so a huge cell cannot flood it."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text)
