/* Leaflet focuses the map on mousedown (for keyboard panning) and restores the scroll of
   its own window only. Inside the Streamlit component's iframe, that focus makes the page
   scroll the iframe into view between mousedown and mouseup, so the click lands elsewhere.
   Focus without scrolling keeps keyboard panning and the click. Runs before any map exists. */
(function () {
  if (!window.L || !L.Map || !L.Map.Keyboard) { return; }
  L.Map.Keyboard.prototype._onMouseDown = function () {
    if (this._focused) { return; }
    this._map._container.focus({ preventScroll: true });
  };
})();
