"""The one error type of the pipeline: a list of problems found in the user's or bundled data.

Messages are English strings that may carry their Vietnamese wording (:class:`Phrase`), so
``geo`` stays free of any UI while the app shows every problem in the user's language.
"""

from __future__ import annotations

from dataclasses import dataclass


class Phrase(str):
    """English text (the ``str`` value) that also carries its Vietnamese wording.

    A ``Phrase`` compares and prints as its English text, so code and tests that treat
    messages as plain strings keep working; :func:`in_lang` picks the wording.
    """

    vi: str

    def __new__(cls, en: str, vi: str | None = None) -> Phrase:
        made = super().__new__(cls, en)
        made.vi = en if vi is None else vi
        return made

    def __reduce__(self) -> tuple[type[Phrase], tuple[str, str]]:
        # Plans and their problems are cached and may be pickled: keep both wordings.
        return (Phrase, (str(self), self.vi))


def phrase(en: str, vi: str, **values: object) -> Phrase:
    """``Phrase(en.format(**values), vi.format(**values))``: one message, two wordings."""
    return Phrase(en.format(**values), vi.format(**values))


def in_lang(message: str, lang: str) -> str:
    """``message`` in ``lang`` (``"vi"`` or ``"en"``): its Vietnamese wording if it has one."""
    if lang == "vi" and isinstance(message, Phrase):
        return message.vi
    return str(message)


#: The frame of a message, per language: where, column, expected, found.
_FRAME: dict[str, tuple[str, str, str]] = {
    "en": (", column `{field}`", "expected {expected}; found {found}", "`{source}`"),
    "vi": (", cột `{field}`", "cần {expected}; thấy {found}", "`{source}`"),
}


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
        What was expected, in plain words (a :class:`Phrase` where it has been translated).
    found
        What was found.
    """

    source: str
    where: str
    field: str
    expected: str
    found: str

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        """The message in ``lang``: file, place, column, what was expected and found."""
        column, body, name = _FRAME.get(lang, _FRAME["en"])
        place = name.format(source=self.source)
        if self.where:
            place += " " + in_lang(self.where, lang)
        if self.field:
            place += column.format(field=self.field)
        return (
            place + ": " + body.format(expected=in_lang(self.expected, lang), found=in_lang(self.found, lang))
        )


class PlanDataError(ValueError):
    """Raised once with every problem found, so a user can fix them all in one pass."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the plan data"
        super().__init__(head + ":\n" + "\n".join(f"- {p}" for p in self.problems))

    def text(self, lang: str = "en") -> str:
        """Every problem, one per line under a heading, in ``lang`` (``"vi"`` or ``"en"``)."""
        if lang != "vi":
            return str(self)
        head = f"{len(self.problems)} vấn đề trong dữ liệu quy hoạch"
        return head + ":\n" + "\n".join(f"- {p.text('vi')}" for p in self.problems)

    def in_languages(self, lang: str | None = None) -> str:
        """:meth:`text` in ``lang`` (a command's ``--lang``), or English then Vietnamese."""
        return self.text(lang) if lang else self.text("en") + "\n\n" + self.text("vi")


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


@dataclass(frozen=True)
class Notice:
    """Something the readers decided for the user that they should know, but not a problem.

    E.g. which number format or text encoding a file was read with. A notice never stops
    a file from loading; the app shows it beside the problems.

    Parameters
    ----------
    source
        File name as the user knows it (no folder).
    field
        Column the notice is about; empty for the file as a whole.
    message
        What was decided, as a :class:`Phrase` carrying both wordings.
    """

    source: str
    field: str
    message: str

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        """The notice in ``lang``: file, column, what was decided."""
        column = _FRAME.get(lang, _FRAME["en"])[0]
        place = f"`{self.source}`"
        if self.field:
            place += column.format(field=self.field)
        return place + ": " + in_lang(self.message, lang)
