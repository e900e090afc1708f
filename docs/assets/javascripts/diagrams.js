// Mermaid is the heaviest thing a page can load (about 1 MB compressed, and on a mid-range
// phone over a second of main-thread work to parse it and draw one flowchart). Most readers
// of a pattern page start with its Problem and Requirements, so the library is fetched only
// when a diagram comes within one screen of the viewport, or when the page is printed.
//
// Material draws diagrams with a global `mermaid` when one exists (otherwise it would fetch
// Mermaid from a CDN). This stand-in is that global: it keeps Material's configuration and
// forwards each call once the real library, served from our own tree, has loaded.
(function () {
  var src = document.currentScript.getAttribute("data-mermaid");
  var config = null;
  var loading = null;
  var near = null;

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () {
          if (config) window.mermaid.initialize(config);
          resolve(window.mermaid);
        };
        script.onerror = function () { reject(new Error("could not load " + src)); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function whenNear() {
    if (!near) {
      near = new Promise(function (resolve) {
        window.addEventListener("beforeprint", resolve, { once: true });
        if (!("IntersectionObserver" in window)) return resolve();
        var observer = new IntersectionObserver(function (entries) {
          if (entries.some(function (entry) { return entry.isIntersecting; })) {
            observer.disconnect();
            resolve();
          }
        }, { rootMargin: "0px 0px 100% 0px" });
        document.querySelectorAll(".mermaid").forEach(function (el) { observer.observe(el); });
      });
    }
    return near.then(load);
  }

  window.mermaid = {
    initialize: function (options) { config = options; },
    render: function (id, text) {
      return whenNear().then(function (real) { return real.render(id, text); });
    },
    parse: function (text, options) {
      return load().then(function (real) { return real.parse(text, options); });
    }
  };
})();
