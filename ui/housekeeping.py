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
import threading
import time

from streamlit import runtime

LOG = logging.getLogger(__name__)


#: How often the housekeeper looks for sessions that ended (a closed tab's session is kept
#: ``server.disconnectedSessionTTL`` = 20 s for a reconnect first), so that a session's
#: memory is back within ~25 s of its tab closing.
INTERVAL_S = 5.0

#: Rounds that still collect after a session went: a shut-down session's objects become
#: garbage only once the server's event loop has dropped its last callbacks, after the round
#: that reaped it (measured: ~170 MB still held 30 s after a reap, freed by one collection).
AFTER_REAP_ROUNDS = 3


def release_ended_sessions(*, always_collect: bool = True) -> int:
    """Reap expired sessions, drop their uploaded files, trim the heap; return how many
    sessions and files went.

    With ``always_collect=False`` the heap is collected and trimmed only when a session or
    a file went (a collection costs ~65 ms of the interpreter's time).
    """
    dropped = 0
    reaped = 0
    with contextlib.suppress(AttributeError, RuntimeError):
        server = runtime.get_instance()
        manager = server._session_mgr  # no public way to list stored sessions
        storage = getattr(manager, "_session_storage", None)
        cache = getattr(storage, "_cache", None)
        if cache is not None and hasattr(cache, "expire"):
            # Expired sessions are dropped, never shut down: shut each down (its uploads go)
            # and empty its state (its plan and views go even if something still holds it).
            expired = cache.expire() or []
            for _key, info in expired:
                session = getattr(info, "session", None)
                if session is None:
                    continue
                session.shutdown()
                state = getattr(session, "_session_state", None)
                if state is not None and hasattr(state, "clear"):
                    state.clear()
            reaped = len(expired)
        alive = {info.session.id for info in manager.list_sessions()}
        files = server.uploaded_file_mgr
        stored = getattr(files, "file_storage", {})
        for session_id in [s for s in list(stored) if s not in alive]:
            dropped += len(stored.get(session_id, {}))
            files.remove_session_files(session_id)
    if always_collect or dropped or reaped:
        gc.collect()
        with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to trim
            ctypes.CDLL("libc.so.6").malloc_trim(0)
    if dropped or reaped:
        LOG.info("reaped %d ended sessions, dropped %d uploaded files", reaped, dropped)
    return reaped + dropped


def start_housekeeper(interval_s: float = INTERVAL_S) -> threading.Thread:
    """A daemon thread that hands back ended sessions' memory every ``interval_s`` seconds,
    so a server's memory falls back after its visitors leave, not at the next visit."""

    def loop() -> None:
        pending = 0  # rounds left that collect although nothing went in them
        while True:
            time.sleep(interval_s)
            try:
                if release_ended_sessions(always_collect=pending > 0):
                    pending = AFTER_REAP_ROUNDS
                else:
                    pending = max(pending - 1, 0)
            except Exception:  # a background chore: log it, never stop the server
                LOG.exception("housekeeping failed")

    thread = threading.Thread(target=loop, name="housekeeper", daemon=True)
    thread.start()
    return thread
