"""Start the app with its libraries already imported (``make run`` uses this).

``streamlit run`` imports an app's libraries on the first visit after a start: that visitor
waited ~4 s instead of ~2 s. Here they are imported while the server starts, in the same
process, so the first run of ``app.py`` finds them loaded. Arguments go to ``streamlit run``;
``--script PATH`` runs another script the same way (the benchmark's baseline).

The server also starts with allocators that hand memory back when a session ends
(:func:`allocator_environment`): it re-executes itself once with them set, since Python
reads ``PYTHONMALLOC`` and the loader ``LD_PRELOAD`` only when a process starts.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Mapping
from pathlib import Path

#: jemalloc returns freed pages to the system within a second, from a thread of its own.
JEMALLOC_CONF = "background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0"


def allocator_environment(environ: Mapping[str, str], jemalloc: str | None) -> dict[str, str]:
    """``environ`` with the allocators that give a server's memory back after a session.

    Measured with ``bench/memory.py`` (3 sessions each uploading 100,000 sites, memory 30 s
    after the last closed): with the defaults 499 → 1,089 MB, Python's own small-object
    allocator keeping 416 MB of arenas mapped for 140 MB of live objects (a few live objects
    keep an arena); with Python's objects and Arrow's pool on glibc's allocator
    (``PYTHONMALLOC=malloc``, ``ARROW_DEFAULT_MEMORY_POOL=system``) 418 → 498 MB; on
    jemalloc 430 → 458 MB, with a peak of 991 MB instead of 1,374.
    Settings already in ``environ`` are kept; without jemalloc (``jemalloc`` None) glibc's
    allocator is used.
    """
    wanted = {"PYTHONMALLOC": "malloc", "ARROW_DEFAULT_MEMORY_POOL": "system"}
    if jemalloc and "LD_PRELOAD" not in environ:
        wanted |= {"LD_PRELOAD": jemalloc, "MALLOC_CONF": JEMALLOC_CONF}
    return {**wanted, **environ}


def find_jemalloc() -> str | None:
    """The system's jemalloc library (Debian: ``libjemalloc2``), or None."""
    return ctypes.util.find_library("jemalloc")


if __name__ == "__main__":
    environment = allocator_environment(os.environ, find_jemalloc())
    if environment != dict(os.environ):
        # The same process (same pid) starts again with them; set now, they are kept.
        os.execve(sys.executable, [sys.executable, *sys.argv], environment)

# Libraries only: importing anything that uses streamlit here would read its settings before
# the command line's own are applied.
import altair  # noqa: E402, F401
import folium.plugins  # noqa: E402, F401
import geopandas  # noqa: E402, F401
import openpyxl  # noqa: E402, F401
import pyogrio  # noqa: E402, F401
import pyproj  # noqa: E402, F401
import shapely  # noqa: E402, F401
from streamlit.web import cli  # noqa: E402

if __name__ == "__main__":
    arguments = sys.argv[1:]
    script = str(Path(__file__).with_name("app.py"))
    if arguments[:1] == ["--script"]:
        script, arguments = arguments[1], arguments[2:]
    sys.argv = ["streamlit", "run", script, *arguments]
    sys.exit(cli.main())
