/*
 * Mounts Pagefind's search UI on the search page (pages/search.11ty.tsx).
 * Loaded with `defer` after /pagefind/pagefind-ui.js; an external file
 * because a strict Content-Security-Policy forbids inline scripts.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var mount = document.querySelector("[data-search-ui]");
  // No mount point, or no Pagefind bundle (not built yet): keep the plain form.
  if (!script || !mount || typeof window.PagefindUI !== "function") return;

  // This file is served at <prefix>assets/js/search.js: what comes before
  // "assets/" is the site's path prefix ("/" or e.g. "/archive/"), and the
  // bundle is at <prefix>pagefind/. Result links get the prefix too.
  var prefix = new URL(script.src, location.href).pathname.replace(/assets\/js\/search\.js$/, "");

  var ui = new window.PagefindUI({
    element: "#" + mount.id,
    bundlePath: prefix + "pagefind/",
    baseUrl: prefix,
    showImages: false,
    showSubResults: true,
  });

  // Pagefind's UI has its own search box: hide the plain one, and run the
  // query of a `/search/?q=…` link (or of the plain form sent before this loaded).
  var form = document.querySelector("[data-search-form]");
  if (form) form.hidden = true;
  var query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
