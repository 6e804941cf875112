// @ts-check
// gradlab boot guard (a classic script, loaded before the app's ES modules).
//
// If a module of the page fails to download or parse, web/app.js never runs and so cannot show
// its error panel. This guard notices that case (a script load error, or an uncaught error while
// <html> still has the "booting" class that app.js removes first thing) and reveals the static,
// bilingual #boot-failed message in index.html instead of leaving "Loading…" on screen forever.
// It also marks the page "untranslated" (with script only: without it, <noscript> must show): the
// page is not painted until app.js has written its words (style.css), so the navigation and the
// header do not jump when their text arrives.
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.add("untranslated");
  function fail() {
    if (!root.classList.contains("booting")) return;
    root.classList.remove("booting", "untranslated");
    root.classList.add("boot-failed");
    var show = function () {
      var box = document.getElementById("boot-failed");
      var loading = document.getElementById("loading");
      if (box) box.hidden = false;
      if (loading) loading.hidden = true;
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
    else show();
  }
  window.addEventListener(
    "error",
    function (event) {
      var target = /** @type {HTMLElement | null} */ (event.target);
      var scriptFailed = target && target.tagName === "SCRIPT";
      if (scriptFailed || event instanceof ErrorEvent) fail();
    },
    true
  );
})();
