"""Memory soak: sessions that each upload a national data set, then close.

``python bench/memory.py [--sessions 20] [--sites 100000]`` generates the data set with
``bench/generate.py`` (1,000 zones, ``--sites`` sites, their projects), starts the app on it,
and lets ``--sessions`` Chromium sessions in turn open the app, upload the three files and
wait for them to be used, then close. Prints the server's resident memory before, at the
peak, and ``--settle`` seconds after the last session closed (then once more after one
fresh visit, which is when Streamlit drops sessions whose reconnect time has run out).
Talks only to 127.0.0.1; not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.browser import APP, served  # noqa: E402
from bench.browser import CHROMIUM_FLAGS as FLAGS  # noqa: E402
from bench.generate import write  # noqa: E402

USING = "Đang dùng tệp của bạn"


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB; processes may come and go."""
    total = 0
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            status = Path("/proc", name, "status").read_text()
        except OSError:  # the process ended while we looked
            continue
        parent = re.search(r"PPid:\s+(\d+)", status)
        if name == str(pid) or (parent and parent.group(1) == str(pid)):
            found = re.search(r"VmRSS:\s+(\d+) kB", status)
            total += int(found.group(1)) if found else 0
    return total / 1024


def server_pid(url: str) -> int:
    """The process serving ``url`` (``serve.py`` or ``streamlit run``), found by its port."""
    port = url.rsplit(":", 1)[1].encode()
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if port in words and any(w.endswith((b"serve.py", b"streamlit")) for w in words):
            return int(cmdline.parent.name)
    raise RuntimeError(f"no process serves {url}")


class Sampler:
    """Samples a process's memory every half second; keeps the peak."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.5):
            self.peak = max(self.peak, rss_mb(self.pid))

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def visit(browser: object, url: str, files: list[Path] | None) -> float:
    """One session: open the app, upload ``files`` (zones, sites, projects), close; seconds taken."""
    started = time.monotonic()
    context = browser.new_context(viewport={"width": 1200, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(url, timeout=120_000)
    page.get_by_text("Dự án hiển thị").wait_for(timeout=120_000)
    if files:
        page.get_by_text("Dữ liệu của bạn").first.click()
        inputs = page.get_by_test_id("stFileUploaderDropzoneInput")
        for index, path in enumerate(files):
            inputs.nth(index).set_input_files(str(path))
        page.get_by_text(USING).wait_for(timeout=600_000)
    context.close()
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--sites", type=int, default=100_000)
    parser.add_argument("--settle", type=float, default=30.0)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="tb-memory-"))
    try:
        write(folder, 1_000, args.sites)
        files = [folder / "zones.geojson", folder / "sites.geojson", folder / "projects.csv"]
        # The server runs on the national data set (PLAN_DATA_DIR), so that its bounds are
        # Viet Nam's and each upload of it is used in full, not refused as outside Thái Bình.
        with served(APP, folder) as url, sync_playwright() as playwright:
            server = server_pid(url)
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
            visit(browser, url, None)  # the bundled plan loaded and cached, as on any server
            before = rss_mb(server)
            print(f"server memory before: {before:.0f} MB", flush=True)
            with Sampler(server) as sampler:
                for number in range(1, args.sessions + 1):
                    seconds = visit(browser, url, files)
                    print(f"session {number}: {seconds:.1f} s, now {rss_mb(server):.0f} MB", flush=True)
                time.sleep(args.settle)
                settled = rss_mb(server)
            visit(browser, url, None)
            time.sleep(2)
            fresh = rss_mb(server)
            browser.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"sessions: {args.sessions}, sites per upload: {args.sites:,}")
    print(
        f"server memory (MB): before {before:.0f}, peak {sampler.peak:.0f}, "
        f"{args.settle:.0f} s after the last closed {settled:.0f} "
        f"({(settled / before - 1) * 100:+.0f}%), after one fresh visit {fresh:.0f} "
        f"({(fresh / before - 1) * 100:+.0f}%)"
    )


if __name__ == "__main__":
    main()
