"""The user's own files: uploaders in the sidebar, and the plan they make for this session."""

from __future__ import annotations

import hashlib
from typing import Final

import streamlit as st

from geo.errors import Notice, Problem
from geo.load import Plan
from geo.overrides import UPLOAD_SUFFIXES, load_uploads
from geo.owncontext import CONTEXT_SUFFIXES, OwnContext, read_own_context
from layers.i18n import number, text

KINDS: Final[tuple[str, ...]] = ("zones", "sites", "projects")
#: Where the session keeps the plan made from its files: ``(files key, plan, problems)``.
UPLOAD_STATE: Final[str] = "_upload_plan"
#: The uploader of the user's own context layer, and where its reading is kept.
CONTEXT_UPLOAD: Final[str] = "upload_context"
CONTEXT_STATE: Final[str] = "_own_context"


def uploaded_files() -> dict[str, tuple[str, bytes]]:
    """The files now in the uploaders, as ``{kind: (name, content)}``."""
    files = {}
    for kind in KINDS:
        upload = st.session_state.get(f"upload_{kind}")
        if upload is not None:
            files[kind] = (upload.name, upload.getvalue())
    return files


def files_key(files: dict[str, tuple[str, bytes]]) -> str:
    """A key that changes whenever any file's name or content does."""
    digest = hashlib.sha256()
    for kind in sorted(files):
        name, content = files[kind]
        digest.update(f"{kind}\0{name}\0".encode())
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()


def plan_from_uploads(files: dict[str, tuple[str, bytes]]) -> tuple[Plan, list[Problem]]:
    """The plan with the user's files laid over the bundled one, kept for this session only.

    It lives in the session's own state, not in a process-wide cache keyed by content, so
    it goes when the session does (a 100,000-site upload is ~100 MB of frames); only the
    latest set of files is kept.
    """
    key = files_key(files)
    kept = st.session_state.get(UPLOAD_STATE)
    if kept is None or kept[0] != key:
        # Drop the old plan before building the new one, so two never coexist.
        st.session_state.pop(UPLOAD_STATE, None)
        plan, problems = load_uploads(files)
        kept = (key, plan, problems)
        st.session_state[UPLOAD_STATE] = kept
    return kept[1], kept[2]


#: Set once the session has shown the uploaders: from then on they are always drawn.
UPLOADERS_SHOWN = "_uploaders_shown"


def render_uploaders(lang: str) -> None:
    """The uploaders, in a sidebar expander, open while it holds a file.

    Drawn only once the expander has been opened in this session (or holds a file; an
    uploader not drawn would drop its file): a first visit then loads no uploader code
    (~10 scripts). From then on they are drawn on every run, open or closed, as before.
    """
    holding = any(st.session_state.get(f"upload_{kind}") is not None for kind in KINDS)
    seen = holding or context_file() is not None or bool(st.session_state.get(UPLOADERS_SHOWN))
    box = st.sidebar.expander(
        text("upload.title", lang),
        expanded=holding,
        key="your_data",
        # Opening it reruns only until the uploaders are drawn: a rerun on every click
        # raced with a file being put in at the same moment (the file was lost).
        on_change="ignore" if seen else "rerun",
    )
    if not (box.open or seen):
        return
    st.session_state[UPLOADERS_SHOWN] = True
    with box:
        st.caption(text("upload.help", lang))
        for kind in KINDS:
            st.file_uploader(
                text(f"upload.{kind}", lang),
                type=[s.lstrip(".") for s in UPLOAD_SUFFIXES[kind]],
                key=f"upload_{kind}",
            )
        st.file_uploader(
            text("upload.context", lang), type=[s.lstrip(".") for s in CONTEXT_SUFFIXES], key=CONTEXT_UPLOAD
        )


def report(plan: Plan, problems: list[Problem], lang: str) -> None:
    """What was used from the user's files, how they were read, and every problem."""
    if problems:
        lines = "\n".join(f"- {_plain(p, lang)}" for p in problems[:200])
        more = f"\n- … (+{len(problems) - 200})" if len(problems) > 200 else ""
        st.error(text("upload.problems", lang).format(count=len(problems)) + "\n\n" + lines + more)
    if plan.notices:
        # Never silent: which number format or encoding a file was read with.
        lines = "\n".join(f"- {_plain(n, lang)}" for n in plan.notices)
        st.warning(text("upload.notices", lang) + "\n\n" + lines)
    if not plan.own:
        st.warning(text("upload.unused", lang))
        return
    kinds = ", ".join(text(f"upload.kind.{kind}", lang) for kind in KINDS if kind in plan.own)
    st.info(
        text("upload.using", lang).format(
            kinds=kinds,
            projects=number(len(plan.projects), lang),
            zones=number(len(plan.zones), lang),
            sites=number(len(plan.sites), lang),
        )
    )


def _plain(message: Problem | Notice, lang: str) -> str:
    # Markdown would read a file's own text as formatting (or a link): show it as code.
    return _code(message.text(lang))


def context_file() -> tuple[str, bytes] | None:
    """The file now in the context uploader, as ``(name, content)``."""
    upload = st.session_state.get(CONTEXT_UPLOAD)
    return None if upload is None else (upload.name, upload.getvalue())


def own_context() -> tuple[OwnContext | None, list[Problem]]:
    """The user's own context layer, read once per file and kept in the session (or none)."""
    upload = context_file()
    if upload is None:
        st.session_state.pop(CONTEXT_STATE, None)
        return None, []
    key = files_key({"context": upload})
    kept = st.session_state.get(CONTEXT_STATE)
    if kept is None or kept[0] != key:
        st.session_state.pop(CONTEXT_STATE, None)
        kept = (key, *read_own_context(*upload))
        st.session_state[CONTEXT_STATE] = kept
    return kept[1], kept[2]


def own_context_status(lang: str) -> None:
    """Under the uploaders: what was drawn from the user's context file, or why not."""
    upload = context_file()
    if upload is None:
        return
    own, problems = own_context()
    name = _code(upload[0])
    if problems:
        lines = "\n".join(f"- {_plain(p, lang)}" for p in problems)
        st.error(text("upload.context_problems", lang).format(name=name) + "\n\n" + lines)
    elif own is not None:
        st.caption(text("upload.context_used", lang).format(count=len(own.features), name=name))


def _code(value: str) -> str:
    return "`" + value.replace("`", "'") + "`"
