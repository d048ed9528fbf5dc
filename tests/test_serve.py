"""serve.py: the server starts with the allocators that hand memory back (issue 17)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.memory import server_pid
from serve import JEMALLOC_CONF, allocator_environment, find_jemalloc


def test_allocators_are_added_to_the_environment() -> None:
    env = allocator_environment({"HOME": "/home/x"}, "libjemalloc.so.2")
    assert env == {
        "HOME": "/home/x",
        "PYTHONMALLOC": "malloc",
        "ARROW_DEFAULT_MEMORY_POOL": "system",
        "LD_PRELOAD": "libjemalloc.so.2",
        "MALLOC_CONF": JEMALLOC_CONF,
    }


def test_without_jemalloc_python_and_arrow_still_use_the_system_allocator() -> None:
    env = allocator_environment({}, None)
    assert env == {"PYTHONMALLOC": "malloc", "ARROW_DEFAULT_MEMORY_POOL": "system"}


def test_settings_already_given_are_kept() -> None:
    given = {"PYTHONMALLOC": "pymalloc", "LD_PRELOAD": "/opt/lib/libtcmalloc.so"}
    env = allocator_environment(given, "libjemalloc.so.2")
    assert env["PYTHONMALLOC"] == "pymalloc"
    assert env["LD_PRELOAD"] == "/opt/lib/libtcmalloc.so"
    assert "MALLOC_CONF" not in env  # jemalloc's settings only with jemalloc
    # Applied once: the re-executed server finds nothing left to add, so it runs on.
    assert allocator_environment(env, "libjemalloc.so.2") == env


def test_the_running_server_uses_them(server: str) -> None:
    pid = server_pid(server)
    environ = dict(
        item.split("=", 1) for item in Path(f"/proc/{pid}/environ").read_text().split("\0") if "=" in item
    )
    assert environ["PYTHONMALLOC"] == "malloc"
    assert environ["ARROW_DEFAULT_MEMORY_POOL"] == "system"
    if find_jemalloc() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("libjemalloc2 is not installed; .ci/run installs it (make system-packages)")
        pytest.skip("libjemalloc2 is not installed here (make system-packages installs it)")
    assert "libjemalloc" in Path(f"/proc/{pid}/maps").read_text()
