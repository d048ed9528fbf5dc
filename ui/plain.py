"""The one path for user text into the page: escaped Markdown, and tables capped in length.

A name, site, developer, note or file name from a data file is never Markdown or HTML to
the page: a link or an image in it would be rendered, and an image is a request to its
host from every viewer's browser.
"""

from __future__ import annotations

import re
from typing import Final

import pandas as pd
import streamlit as st

from layers.i18n import number, text

#: Rows a table or list shows at most: a zone with 200,000 projects killed the browser tab
#: (~150 s) when all its rows were rendered.
MAX_ROWS: Final[int] = 200
#: Every ASCII punctuation mark Markdown (CommonMark, Streamlit's ``:colour[...]`` and
#: ``$maths$`` included) may read as markup; a backslash makes each one literal.
_MARKUP: Final[re.Pattern[str]] = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&=\"'])")


def md_escape(value: object) -> str:
    """``value`` as Markdown that shows exactly its text; ``None`` becomes an empty string."""
    if value is None:
        return ""
    one_line = " ".join(str(value).split())
    return _MARKUP.sub(r"\\\1", one_line)


def heading(value: object, level: int = 3) -> None:
    """A heading whose text comes from the user's data."""
    st.markdown(f"{'#' * level} {md_escape(value)}")


def capped(frame: pd.DataFrame, lang: str, limit: int = MAX_ROWS) -> pd.DataFrame:
    """The first ``limit`` rows of ``frame``; above them, a note of how many are not shown."""
    if len(frame) <= limit:
        return frame
    st.caption(
        text("cap.rows", lang).format(
            shown=number(limit, lang),
            total=number(len(frame), lang),
            hidden=number(len(frame) - limit, lang),
        )
    )
    return frame.head(limit)
