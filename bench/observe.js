// The bench's one observer, injected into every frame of the app and of the baseline alike
// (Playwright's add_init_script); nothing of it ships in the app.
//
// It records, in the browser's own clock (ms since the epoch, high resolution):
// - inputs: each pointerdown / keydown in the top page (the user's action);
// - paints: for each burst of changes, the moment after the frame that paints it. A change
//   is any DOM mutation or any drawing on a canvas (Leaflet draws many sites on one); a
//   requestAnimationFrame callback runs before its frame is painted, and a message posted
//   from it is handled after that paint.
// Paints are kept per kind: "page" (anything in the top page), "headline" (inside a metric
// of the top page), "map" (anything in a map frame).
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const top = window === window.top;
  const log = { inputs: [], paints: { page: [], headline: [], map: [] }, lastChange: 0 };
  window.__bench = log;
  if (top) {
    for (const type of ["pointerdown", "keydown"]) {
      window.addEventListener(type, () => log.inputs.push(now()), true);
    }
  }
  const METRIC = '[data-testid="stMetric"]';
  const kinds = top ? ["page", "headline"] : ["map"];
  const state = {};
  for (const kind of kinds) {
    const channel = new MessageChannel();
    const entry = { pending: false, frameAt: 0, changedAt: 0, channel };
    channel.port1.onmessage = () => {
      log.paints[kind].push(now());
      entry.pending = false;
      // A change after the frame's callback waits for the next frame.
      if (entry.changedAt > entry.frameAt) schedule(kind);
    };
    state[kind] = entry;
  }
  const schedule = (kind) => {
    const entry = state[kind];
    if (entry.pending) return;
    entry.pending = true;
    const frame = () =>
      requestAnimationFrame(() => {
        entry.frameAt = now();
        entry.channel.port2.postMessage(0);
      });
    // Chromium never calls back a frame asked for before the document has loaded.
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", frame, { once: true });
    } else {
      frame();
    }
  };
  const changed = (kind) => {
    const t = now();
    state[kind].changedAt = t;
    log.lastChange = t;
    schedule(kind);
  };
  const inMetric = (node) => {
    const element = node.nodeType === 1 ? node : node.parentElement;
    return !!(element && element.closest && element.closest(METRIC));
  };
  const holdsMetric = (node) =>
    node.nodeType === 1 && (node.matches(METRIC) || !!node.querySelector(METRIC));
  const watched = new WeakSet();
  const watch = () => {
    if (watched.has(document)) return;
    watched.add(document);
    new MutationObserver((records) => {
      if (top) {
        changed("page");
        if (records.some((r) => inMetric(r.target) || [...r.addedNodes].some(holdsMetric))) changed("headline");
      } else {
        changed("map");
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  };
  if (!top) {
    const context = CanvasRenderingContext2D.prototype;
    for (const name of ["fill", "stroke", "fillRect", "clearRect", "drawImage", "putImageData"]) {
      const original = context[name];
      context[name] = function (...args) {
        changed("map");
        return original.apply(this, args);
      };
    }
  }
  // An iframe's first document (about:blank) is replaced while its window is kept: watch
  // the document that is there when the page has loaded too.
  watch();
  window.addEventListener("DOMContentLoaded", watch);
})();
