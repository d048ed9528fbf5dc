"""Memory of sessions that have ended, handed back: Streamlit does not always do it.

Streamlit keeps a closed tab's session for ``server.disconnectedSessionTTL`` seconds so the
tab can reconnect, in a TTL cache. When that time runs out the session is only dropped from
the cache, never shut down, so the files uploaded in it stay in the uploaded-file manager
for the life of the server (streamlit 1.67: ``MemorySessionStorage`` passes no ``on_evict``;
``remove_session_files`` runs only from ``AppSession.shutdown``). A 100,000-site upload is
~30 MB of such bytes a session. This module drops them, reaps the expired sessions, and
returns the freed heap to the system. Streamlit's internals are reached defensively: if they
change, the work is skipped, never the page.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import logging

from streamlit import runtime

LOG = logging.getLogger(__name__)


def release_ended_sessions() -> int:
    """Reap expired sessions, drop their uploaded files, trim the heap; return files dropped."""
    dropped = 0
    with contextlib.suppress(AttributeError, RuntimeError):
        server = runtime.get_instance()
        manager = server._session_mgr  # no public way to list stored sessions
        storage = getattr(manager, "_session_storage", None)
        cache = getattr(storage, "_cache", None)
        if cache is not None and hasattr(cache, "expire"):
            cache.expire()
        alive = {info.session.id for info in manager.list_sessions()}
        files = server.uploaded_file_mgr
        stored = getattr(files, "file_storage", {})
        for session_id in [s for s in list(stored) if s not in alive]:
            dropped += len(stored.get(session_id, {}))
            files.remove_session_files(session_id)
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to trim
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    if dropped:
        LOG.info("dropped %d uploaded files of ended sessions", dropped)
    return dropped
