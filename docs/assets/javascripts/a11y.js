// Wide tables scroll sideways inside Material's wrapper; make such wrappers reachable and
// scrollable with the keyboard (WCAG 2.1.1, axe rule scrollable-region-focusable).
// All widths are read before any attribute is written: interleaving the two would force a
// fresh layout of the page once per table.
document$.subscribe(function () {
  var wraps = Array.prototype.slice.call(document.querySelectorAll(".md-typeset__scrollwrap"));
  wraps.filter(function (wrap) { return wrap.scrollWidth > wrap.clientWidth; }).forEach(function (wrap) {
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", "Scrollable table");
  });
});
