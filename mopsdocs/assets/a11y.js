/* mopsdocs: accessibility repairs of the theme's own markup, on every page; no dependencies.
 *
 * - Material's search panel is a role="dialog" with no name: it is named "Search".
 * - A table wider than the text column scrolls inside its wrapper, which a keyboard user can only
 *   scroll once it takes focus: wrappers that scroll get tabindex="0", a region role and a name
 *   (and lose them again when the window grows wide enough). A diagram too wide for the column
 *   scrolls in its figure (named by the page already): it gets tabindex="0" the same way.
 * Found by axe-core on the built site (tests/browser/test_accessibility.py).
 */
(function () {
  "use strict";

  function nameSearch() {
    var dialogs = document.querySelectorAll('.md-search[role="dialog"]:not([aria-label]):not([aria-labelledby])');
    Array.prototype.forEach.call(dialogs, function (el) { el.setAttribute("aria-label", "Search"); });
  }

  /* The region's name: the heading the table stands under, so that two regions differ. */
  function regionName(el, taken) {
    var heading = null;
    for (var node = el.previousElementSibling; node && !heading; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) { heading = node; }
    }
    var title = heading ? heading.textContent.replace(/\u00b6/g, "").trim() : "";
    var name = (title ? title + " table" : "Table") + ", scrolls sideways";
    for (var n = 2; taken[name]; n++) { name = (title ? title + " table " : "Table ") + n + ", scrolls sideways"; }
    taken[name] = true;
    return name;
  }

  function focusableWhenScrolling() {
    var wrappers = document.querySelectorAll(".md-typeset__scrollwrap");
    var taken = {};
    Array.prototype.forEach.call(wrappers, function (el) {
      var scrolls = el.scrollWidth > el.clientWidth + 1;
      var ours = el.hasAttribute("data-mopsdocs-scroll");
      if (scrolls && (ours || !el.hasAttribute("tabindex"))) {
        el.setAttribute("tabindex", "0");
        el.setAttribute("role", "region");
        el.setAttribute("aria-label", regionName(el, taken));
        el.setAttribute("data-mopsdocs-scroll", "");
      } else if (!scrolls && ours) {
        ["tabindex", "role", "aria-label", "data-mopsdocs-scroll"].forEach(function (a) { el.removeAttribute(a); });
      }
    });
  }

  function focusableDiagrams() {
    var figures = document.querySelectorAll(".mopsdocs-diagram");
    Array.prototype.forEach.call(figures, function (el) {
      var scrolls = el.scrollWidth > el.clientWidth + 1;
      if (scrolls && !el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
        el.setAttribute("data-mopsdocs-scroll", "");
      } else if (!scrolls && el.hasAttribute("data-mopsdocs-scroll")) {
        el.removeAttribute("tabindex");
        el.removeAttribute("data-mopsdocs-scroll");
      }
    });
  }

  var pending = null;
  function later() {
    if (pending !== null) { window.clearTimeout(pending); }
    pending = window.setTimeout(function () { pending = null; focusableWhenScrolling(); focusableDiagrams(); }, 150);
  }

  function start() {
    nameSearch();
    focusableWhenScrolling();
    focusableDiagrams();
    window.addEventListener("resize", later);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
