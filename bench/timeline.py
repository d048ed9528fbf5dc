"""Where a filter change's time goes, for the app and the baseline alike.

``python bench/timeline.py [--repeat N]`` starts each side as ``bench/run.py`` does, makes
the same first-time filter changes in Chromium, and prints the median moment (ms after the
user's press) at which the page reaches each stage:

- **sent**: the widget's new value leaves on Streamlit's websocket;
- **run started**: the server's first message of the new run arrives;
- **headline painted**: the frame after the metrics' last change (``bench/observe.js``);
- **map data in**: the run's largest message (the map's arguments) arrives;
- **map data in frame**: the map's frame receives them (Streamlit hands a component its
  arguments by ``postMessage``);
- **map painted**: the frame after the map's last change (``bench/observe.js``);
- **run finished**: the run's last message arrives.

The websocket and the frame's messages are recorded by a script the bench injects, as the
observer is; nothing of it ships in the app. Figures, not a test.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.browser import APP, CHROMIUM_FLAGS, NAIVE, served  # noqa: E402
from bench.run import ACTIONS, OBSERVER, _act, _frame_logs, _settled, in_map_frames  # noqa: E402

#: Records the websocket's messages in the top page and the messages a map frame receives.
MESSAGES_JS = """
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const size = (d) => (d && (d.byteLength || d.size || d.length)) || 0;
  window.__messages = [];
  if (window === window.top) {
    const Native = window.WebSocket;
    const Recorded = function (...args) {
      const socket = new Native(...args);
      socket.addEventListener("message", (e) => window.__messages.push([now(), "in", size(e.data)]));
      const send = socket.send.bind(socket);
      socket.send = (d) => { window.__messages.push([now(), "out", size(d)]); send(d); };
      return socket;
    };
    Recorded.prototype = Native.prototype;
    for (const k of ["CONNECTING", "OPEN", "CLOSING", "CLOSED"]) Recorded[k] = Native[k];
    window.WebSocket = Recorded;
  } else {
    window.addEventListener("message", (e) => {
      let n = 0;
      try { n = JSON.stringify(e.data).length; } catch (error) { n = 0; }
      window.__messages.push([now(), "frame", n]);
    }, true);
  }
})();
"""

STAGES = (
    "sent",
    "run started",
    "headline painted",
    "map data in",
    "map data in frame",
    "map painted",
    "run finished",
)


def _stages(page: Any, pressed: float) -> dict[str, float | None]:
    """The moments of one filter change, ms after ``pressed`` (None where none came)."""
    top, maps = _frame_logs(page)
    socket = [m for m in page.evaluate("() => window.__messages") if m[0] >= pressed]
    frame_messages = [
        m
        for received in in_map_frames(page, "() => window.__messages || []")
        for m in received
        if m[0] >= pressed
    ]
    sent = next((m[0] for m in socket if m[1] == "out"), None)
    arrived = [m for m in socket if m[1] == "in" and sent is not None and m[0] >= sent]
    largest = max(arrived, key=lambda m: m[2], default=None)
    in_frame = max(frame_messages, key=lambda m: m[2], default=None)

    def since(value: float | None) -> float | None:
        return None if value is None else value - pressed

    def last(paints: list[float]) -> float | None:
        after = [p for p in paints if p >= pressed]
        return max(after) if after else None

    map_paints = [p for m in maps for p in m["paints"]["map"]]
    return {
        "sent": since(sent),
        "run started": since(arrived[0][0] if arrived else None),
        "headline painted": since(last(top["paints"]["headline"])),
        "map data in": since(largest[0] if largest else None),
        "map data in frame": since(in_frame[0] if in_frame else None),
        "map painted": since(last(map_paints)),
        "run finished": since(arrived[-1][0] if arrived else None),
    }


def timeline(script: Path, repeat: int) -> list[dict[str, float | None]]:
    """The stages of ``repeat`` rounds of the bench's first-time filter changes."""
    from playwright.sync_api import sync_playwright

    rows = []
    with served(script) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS)
        for _ in range(repeat):
            page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            page.add_init_script(OBSERVER)
            page.add_init_script(MESSAGES_JS)
            page.goto(f"{url}/?lang=en")
            _settled(page, 1.0, 60)
            for action in ACTIONS:
                pressed = _act(page, *action)
                _settled(page, 1.0, 60)
                rows.append(_stages(page, pressed))
            page.context.close()
        browser.close()
    return rows


def median(rows: list[dict[str, float | None]], stage: str) -> str:
    values = [v for row in rows if (v := row[stage]) is not None]
    return f"{statistics.median(values):7.0f}" if values else "      —"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=1, help="rounds of the ten filter changes")
    args = parser.parse_args()
    sides = {"app": timeline(APP, args.repeat), "baseline": timeline(NAIVE, args.repeat)}
    print(f"first-time filter changes: {len(sides['app'])} each; median ms after the press")
    print(f"{'stage':20s} {'app':>7s} {'baseline':>9s}")
    for stage in STAGES:
        print(f"{stage:20s} {median(sides['app'], stage)} {median(sides['baseline'], stage):>9s}")


if __name__ == "__main__":
    main()
