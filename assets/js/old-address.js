/*
 * Old WordPress addresses by query (`/?p=12`, `/index.php?page_id=7`): a
 * static host serves the home page (or the 404 page) for them, whatever the
 * query. This script, loaded by those two pages when the archive has such
 * addresses (src/redirects/query.ts), looks `p` or `page_id` up in the map
 * the build writes once (assets/old-addresses.json) and replaces the
 * location with the post's URL. Without JavaScript, or for a number no post
 * had, the page stays what it is. An external file: the Content-Security-Policy
 * allows no inline script.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !location.search || typeof fetch !== "function") return;
  // Served at <prefix>assets/js/old-address.js: what comes before "assets/" is the site's path prefix.
  var prefix = new URL(script.src, location.href).pathname.replace(/assets\/js\/old-address\.js$/, "");
  var rest = location.pathname.indexOf(prefix) === 0 ? location.pathname.slice(prefix.length) : null;
  // WordPress answered these on its home page and on index.php only.
  if (rest !== "" && rest.toLowerCase() !== "index.php") return;
  var params = new URLSearchParams(location.search);
  var wanted = [];
  ["p", "page_id"].forEach(function (name) {
    var value = params.get(name);
    if (value && /^[1-9][0-9]{0,18}$/.test(value)) wanted.push([name, value]);
  });
  if (!wanted.length) return;
  fetch(prefix + "assets/old-addresses.json", { credentials: "same-origin" })
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (map) {
      if (!map) return;
      for (var i = 0; i < wanted.length; i++) {
        var table = map[wanted[i][0]];
        var target = table && Object.prototype.hasOwnProperty.call(table, wanted[i][1]) ? table[wanted[i][1]] : null;
        // Only a path of this site: never another origin, whatever the file holds.
        if (typeof target === "string" && /^\/(?![\/\\])/.test(target)) {
          location.replace(prefix + target.slice(1) + location.hash);
          return;
        }
      }
    })
    .catch(function () {
      // The page stays what it is.
    });
})();
