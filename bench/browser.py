"""What the bench needs to drive Chromium and start servers (shared with the browser tests)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
NAIVE = ROOT / "bench" / "naive_app.py"
#: Debian's chromium, headless, with nothing that reaches out by itself.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
DATA_DIR_ENV = "PLAN_DATA_DIR"


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    """Wait until Streamlit answers its health check, or fail if it exits or takes too long."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("streamlit did not start") from None
            time.sleep(0.3)


@contextmanager
def served(script: Path, folder: Path | None = None, env: dict[str, str] | None = None) -> Iterator[str]:
    """Start ``script`` as `make run` starts the app: `serve.py` imports the libraries first.

    The baseline is started the same way (`serve.py --script`), from a folder of its own
    with the same ``static/`` files, so that it can draw a map offline at all.
    """
    port = free_port()
    environment = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **(env or {})}
    environment.pop(DATA_DIR_ENV, None)
    if folder is not None:
        environment[DATA_DIR_ENV] = str(folder)
    stage: Path | None = None
    if script != APP:
        stage = Path(tempfile.mkdtemp(prefix="tb-naive-"))
        shutil.copytree(ROOT / "static", stage / "static")
        script = Path(shutil.copy(script, stage / script.name))
        environment["PYTHONPATH"] = str(ROOT)
    command = [sys.executable, str(ROOT / "serve.py"), "--script", str(script), "--server.port", str(port)]
    command += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        if stage is not None:
            shutil.rmtree(stage, ignore_errors=True)
