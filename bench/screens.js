// The screenshot review's measures (bench/screens.py), put into every frame of the page.

// In the page: sideways scrolling, clipped text, tables scrolling sideways, the map's box.
window.__screenMeasures = () => {
  const clipped = [];
  const seen = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  for (const el of document.querySelectorAll(
      'td, th, [role="gridcell"], [role="columnheader"], ul.zone-projects li, [data-testid="stMetricValue"]')) {
    if (seen(el) && el.scrollWidth > el.clientWidth + 1) clipped.push(el.innerText.slice(0, 40));
  }
  // Tables that scroll sideways inside their box hide columns (on a phone they may scroll).
  const sideways = [];
  for (const el of document.querySelectorAll('.figure-table, [data-testid="stDataFrame"] .dvn-scroller')) {
    if (seen(el) && el.scrollWidth > el.clientWidth + 1) {
      const table = el.closest('[data-table]');
      sideways.push(table ? table.dataset.table : 'dataframe');
    }
  }
  const frame = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
  const box = frame ? frame.getBoundingClientRect() : null;
  return {
    sideways: document.documentElement.scrollWidth - window.innerWidth,
    clipped,
    tables: sideways,
    map: box ? [Math.round(box.x), Math.round(box.y), Math.round(box.width), Math.round(box.height)] : null,
  };
};

// Inside the map frame: the labels drawn (capital, places, districts, rivers) whose boxes
// intersect.
window.__labelOverlaps = () => {
  const icons = ['zone', 'district', 'river', 'place'].map((k) => `.${k}-label-icon > *`).join(', ');
  const boxes = [...document.querySelectorAll(icons)]
    .filter((el) => getComputedStyle(el).visibility !== 'hidden' && getComputedStyle(el.parentElement).visibility !== 'hidden')
    .map((el) => [el.innerText.trim().slice(0, 24), el.getBoundingClientRect()])
    .filter(([, r]) => r.width > 0);
  const hits = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [a, p] = boxes[i], [b, q] = boxes[j];
    if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1) hits.push(a + ' × ' + b);
  }
  return {count: boxes.length, overlaps: hits};
};
