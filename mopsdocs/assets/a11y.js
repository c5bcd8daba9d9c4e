/* mopsdocs: accessibility repairs of the theme's own markup, on every page; no dependencies.
 *
 * - Material's search panel is a role="dialog" with no name: it is named "Search".
 * - A table wider than the text column scrolls inside its wrapper, which a keyboard user can only
 *   scroll once it takes focus: wrappers that scroll get tabindex="0", a region role and a name
 *   (and lose them again when the window grows wide enough). A diagram too wide for the column
 *   scrolls in its figure (named by the page already): it gets tabindex="0" the same way.
 * - A diagram shrunk to fit the column so far that its text is drawn under 11 CSS px (a
 *   lifecycle on a phone) gets a "Full size" button: the picture is then drawn at the size
 *   Graphviz gave it and panned by scrolling its box; the button turns it back ("Fit to width").
 *   The button's words come from the figure's data-zoom-in / data-zoom-out (the template's).
 * Found by axe-core on the built site (tests/browser/test_accessibility.py) and by the layout
 * crawl (tests/browser/test_layout_crawl.py).
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

  var MIN_TEXT_PX = 11;

  /* The smallest text of a diagram as drawn, in CSS px: its font size times the SVG's scale. */
  function smallestText(svg) {
    var min = Infinity;
    var texts = svg.querySelectorAll("text");
    for (var i = 0; i < texts.length; i++) {
      var ctm = texts[i].getScreenCTM();
      var size = parseFloat(window.getComputedStyle(texts[i]).fontSize);
      if (ctm && size) { min = Math.min(min, size * Math.abs(ctm.a)); }
    }
    return min;
  }

  function zoomLabel(figure, full) {
    return full ? figure.getAttribute("data-zoom-out") || "Fit to width" : figure.getAttribute("data-zoom-in") || "Full size";
  }

  function zoomControls() {
    var figures = document.querySelectorAll(".mopsdocs-diagram");
    Array.prototype.forEach.call(figures, function (figure) {
      var svg = figure.querySelector("svg.mopsdocs-svg");
      if (!svg) { return; }
      var full = figure.classList.contains("mopsdocs-full");
      var wanted = full || smallestText(svg) < MIN_TEXT_PX;
      var button = figure.querySelector("button.mopsdocs-zoom");
      if (!button && wanted) {
        button = document.createElement("button");
        button.type = "button";
        button.className = "mopsdocs-zoom";
        button.addEventListener("click", function () {
          figure.classList.toggle("mopsdocs-full");
          zoomControls();
          focusableDiagrams();
        });
        figure.insertBefore(button, figure.firstChild);
      }
      if (button) {
        button.hidden = !wanted;
        button.textContent = zoomLabel(figure, full);
        button.setAttribute("aria-pressed", full ? "true" : "false");
      }
    });
  }

  var pending = null;
  function later() {
    if (pending !== null) { window.clearTimeout(pending); }
    pending = window.setTimeout(function () {
      pending = null;
      focusableWhenScrolling();
      zoomControls();
      focusableDiagrams();
    }, 150);
  }

  function start() {
    nameSearch();
    focusableWhenScrolling();
    zoomControls();
    focusableDiagrams();
    window.addEventListener("resize", later);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
