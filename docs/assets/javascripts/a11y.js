// Wide tables scroll sideways inside Material's wrapper; make such wrappers reachable and
// scrollable with the keyboard (WCAG 2.1.1, axe rule scrollable-region-focusable).
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    if (wrap.scrollWidth > wrap.clientWidth) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Scrollable table");
    }
  });
});
