"""Soak: concurrent browser sessions changing filters against one local server, for a while.

``python bench/soak.py [--sessions 20] [--seconds 60]``. Every session opens the app in its
own Chromium page and keeps switching the phase filter. Bounded in sessions and time; talks
only to 127.0.0.1. Prints page errors, filter changes made, and the server's memory at the
start, the middle and the end.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.browser import APP, served  # noqa: E402
from bench.browser import CHROMIUM_FLAGS as FLAGS  # noqa: E402

PHASES = ["2016.2020", "2021.2025"]
#: The headline capital each phase shows, to know a session's rerun has landed.
EXPECTED = {"2016.2020": "4.860 tỷ đồng", "2021.2025": "26.700 tỷ đồng"}


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (from /proc)."""
    total = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        ppid = re.search(r"PPid:\s+(\d+)", text)
        own = status.parent.name == str(pid)
        if own or (ppid and ppid.group(1) == str(pid)):
            match = re.search(r"VmRSS:\s+(\d+) kB", text)
            total += int(match.group(1)) if match else 0
    return total / 1024


def _choose(page: Any, phase: str) -> None:
    box = page.get_by_test_id("stSidebar").get_by_role("combobox", name="Giai đoạn")
    box.click(timeout=30_000)
    box.press("Backspace")
    page.get_by_role("option", name=re.compile(phase)).click(timeout=30_000)
    box.press("Escape")


def soak(url: str, sessions: int, seconds: float) -> dict[str, int]:
    """Open ``sessions`` pages (one browser, one context each), then keep changing the
    phase on all of them at once, round after round, until ``seconds`` have passed."""
    from playwright.sync_api import sync_playwright

    counts = {"changes": 0, "failed_steps": 0, "page_errors": 0, "sessions_opened": 0}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        pages = []
        for _ in range(sessions):
            page = browser.new_context(viewport={"width": 1200, "height": 900}).new_page()
            page.on("pageerror", lambda _: counts.__setitem__("page_errors", counts["page_errors"] + 1))
            page.goto(url, timeout=120_000)
            page.get_by_text("Dự án hiển thị").wait_for(timeout=120_000)
            pages.append(page)
            counts["sessions_opened"] += 1
        deadline = time.monotonic() + seconds
        step = 0
        while time.monotonic() < deadline:
            phase = PHASES[step % 2]
            expected = EXPECTED[phase]
            for page in pages:  # every session asks for a rerun before any is awaited
                try:
                    _choose(page, phase)
                except Exception:  # counted; the soak goes on
                    counts["failed_steps"] += 1
            for page in pages:
                try:
                    page.get_by_text(expected, exact=True).wait_for(timeout=60_000)
                    counts["changes"] += 1
                except Exception:  # counted; the soak goes on
                    counts["failed_steps"] += 1
            step += 1
        counts["exceptions_shown"] = sum(p.get_by_test_id("stException").count() for p in pages)
        browser.close()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    with served(APP, None) as url:
        server = _server_pid(url)
        before = rss_mb(server)
        holder: dict[str, dict[str, int]] = {}
        thread = threading.Thread(
            target=lambda: holder.setdefault("counts", soak(url, args.sessions, args.seconds))
        )
        thread.start()
        middle = 0.0
        while thread.is_alive():
            middle = max(middle, rss_mb(server))
            thread.join(timeout=2)
        after = rss_mb(server)
    counts = holder.get("counts", {})
    print(
        f"sessions: {args.sessions} (opened: {counts.get('sessions_opened', 0)}), seconds: {args.seconds:.0f}"
    )
    print(f"filter changes completed: {counts.get('changes', 0)}")
    print(f"steps that failed or timed out: {counts.get('failed_steps', 0)}")
    print(
        f"page errors: {counts.get('page_errors', 0)}; exceptions shown: {counts.get('exceptions_shown', 0)}"
    )
    print(f"server memory (MB): before {before:.0f}, peak {middle:.0f}, end {after:.0f}")


def _server_pid(url: str) -> int:
    port = url.rsplit(":", 1)[1]
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            words = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if b"streamlit" in b" ".join(words) and port.encode() in words:
            return int(cmdline.parent.name)
    raise RuntimeError("server process not found")


if __name__ == "__main__":
    main()
