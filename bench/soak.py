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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import APP, FLAGS, served  # noqa: E402

PHASES = ["2016.2020", "2021.2025"]


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


def session(url: str, seconds: float, index: int, results: dict[str, list[int]]) -> None:
    from playwright.sync_api import sync_playwright

    errors, changes = 0, 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.on("pageerror", lambda _: results["page_errors"].append(index))
        page.goto(url)
        page.get_by_test_id("stSidebar").wait_for(timeout=60_000)
        deadline = time.monotonic() + seconds
        step = index
        while time.monotonic() < deadline:
            try:
                box = page.get_by_test_id("stSidebar").get_by_role("combobox", name="Giai đoạn")
                box.click(timeout=10_000)
                box.press("Backspace")
                page.get_by_role("option", name=re.compile(PHASES[step % 2])).click(timeout=10_000)
                box.press("Escape")
                page.get_by_text("Dự án hiển thị").wait_for(timeout=20_000)
                changes += 1
            except Exception:  # a timed-out step is counted, and the loop goes on
                errors += 1
            step += 1
        if page.get_by_test_id("stException").count():
            errors += 1
        browser.close()
    results["changes"].append(changes)
    results["step_errors"].append(errors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    results: dict[str, list[int]] = {"changes": [], "step_errors": [], "page_errors": []}
    with served(APP, None) as url:
        server = _server_pid(url)
        before = rss_mb(server)
        threads = [
            threading.Thread(target=session, args=(url, args.seconds, i, results), daemon=True)
            for i in range(args.sessions)
        ]
        for thread in threads:
            thread.start()
        time.sleep(args.seconds / 2)
        middle = rss_mb(server)
        for thread in threads:
            thread.join(timeout=args.seconds + 120)
        after = rss_mb(server)
    print(f"sessions: {args.sessions}, seconds: {args.seconds:.0f}")
    print(f"filter changes completed: {sum(results['changes'])}")
    print(f"steps that failed or timed out: {sum(results['step_errors'])}")
    print(f"page errors: {len(results['page_errors'])}")
    print(f"server memory (MB): start {before:.0f}, middle {middle:.0f}, end {after:.0f}")


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
