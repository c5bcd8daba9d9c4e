/* mopsdocs name builder: the page's twin of `mopsdocs names build` / `names check`.
 *
 * It runs on data compiled by mopsdocs (mopsdocs/naming/jsdata.py): the whole-name regular
 * expression and each field's, emitted from the same description as the Python matcher, plus
 * the vocabularies and formats needed to say why a value does not fit. Every step below mirrors
 * mopsdocs/naming/build.py and fields.py (describe, build mode); tests run both on the same cases.
 * No dependencies, no network: the page works offline.
 */
(function (root) {
  "use strict";

  var VALID = 0, FIXABLE = 2, WRONG = 4, GARBAGE = 6;
  var BUILD_FIXES = { "case": true, "label": true, "alias": true, "pad": true };
  var MAX_LISTED_CODES = 10;

  function chars(text) { return Array.from(text); }

  function compile(data) {
    var conv = Object.assign({}, data);
    conv.matcher = new RegExp("^(?:" + data.regex + ")$", "u");
    conv.fieldMap = {};
    conv.fields = data.fields.map(function (f) {
      var out = Object.assign({}, f);
      out.matcher = new RegExp("^(?:" + f.regex + ")$", "u");
      if (f.shape) { out.shapeMatcher = new RegExp("^(?:" + f.shape + ")$", "u"); }
      conv.fieldMap[f.name] = out;
      return out;
    });
    return conv;
  }

  function check(conv, name) { return conv.matcher.test(name); }

  function accepts(f, text) { return f.matcher.test(text); }

  function caseVariants(ch) {
    var out = [ch];
    [ch.toLowerCase(), ch.toUpperCase()].forEach(function (v) {
      if (chars(v).length === 1 && out.indexOf(v) < 0) { out.push(v); }
    });
    return out;
  }

  function sameIgnoringCase(text, target) {
    var a = chars(text), b = chars(target);
    if (a.length !== b.length) { return false; }
    for (var i = 0; i < a.length; i++) {
      if (caseVariants(b[i]).indexOf(a[i]) < 0) { return false; }
    }
    return true;
  }

  function squash(text) {
    return chars(text.toLowerCase()).filter(function (c) { return /[\p{L}\p{N}]/u.test(c); }).join("");
  }

  function vocabularyMatch(f, text) {
    for (var i = 0; i < f.codes.length; i++) {
      if (sameIgnoringCase(text, f.codes[i])) { return [f.codes[i], "case"]; }
    }
    var hit = f.terms[text.toLowerCase()] || f.terms["~" + squash(text)];
    if (hit) { return [hit[0], hit[1] === "label" ? "label" : "alias"]; }
    return null;
  }

  function isDigits(text) { return /^[0-9]+$/.test(text); }

  function numberFix(f, text) {
    if (f.digits === null || !isDigits(text) || text.length >= f.digits) { return null; }
    var padded = "0".repeat(f.digits - text.length) + text;
    return accepts(f, padded) ? padded : null;
  }

  /* The build-mode part of fields.py `score`: only the fixes the builder applies. */
  function score(f, text) {
    if (accepts(f, text)) { return { cost: VALID }; }
    if (f.kind === "vocabulary") {
      var hit = chars(text).length > f.longestTerm + 4 ? null : vocabularyMatch(f, text);
      return hit ? { cost: FIXABLE, fix: hit[0], fixKind: hit[1] } : { cost: GARBAGE };
    }
    if (f.kind === "number") {
      var fixed = numberFix(f, text);
      return fixed ? { cost: FIXABLE, fix: fixed, fixKind: "pad" } : { cost: WRONG };
    }
    return { cost: WRONG };
  }

  function pad2(n) { return (n < 10 ? "0" : "") + n; }

  var MONTH_NAMES = ["", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];

  function daysIn(year, month) { return new Date(Date.UTC(year, month, 0)).getUTCDate(); }

  function dateProblems(f, text) {
    var m = f.shapeMatcher.exec(text);
    if (!m) { return null; }
    var g = m.groups, got = {};
    ["yyyy", "yy", "mm", "dd", "n"].forEach(function (k) { if (g[k] !== undefined) { got[k] = parseInt(g[k], 10); } });
    var year = got.yyyy !== undefined ? got.yyyy : (got.yy !== undefined ? 2000 + got.yy : null);
    var out = [];
    if (got.yyyy === 0) { out.push("year 0000 does not exist"); }
    if (got.n !== undefined && !(got.n >= 1 && got.n <= 4)) { out.push("quarter " + got.n + " does not exist"); }
    var month = got.mm !== undefined ? got.mm : null;
    if (month !== null && !(month >= 1 && month <= 12)) { out.push("month " + pad2(month) + " does not exist"); month = null; }
    if (got.dd !== undefined) {
      var day = got.dd;
      if (!(day >= 1 && day <= 31)) { out.push("day " + pad2(day) + " does not exist"); }
      else if (month !== null) {
        // year 0000 does not exist; Python's calendar needs a year >= 1, so it counts 2000 then too
        var longest = daysIn(year ? year : 2000, month);
        if (day > longest) {
          if (month === 2 && day === 29 && year) {
            out.push(year + " is not a leap year: February " + year + " has 28 days");
          } else {
            out.push("day " + day + " does not exist in " + MONTH_NAMES[month] + (year ? " " + year : ""));
          }
        }
      }
    }
    return out;
  }

  function isPrintable(ch) {
    return ch === " " || !/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u.test(ch);
  }

  function quoteChar(ch) {
    return isPrintable(ch) ? "'" + ch + "'" : "U+" + hex4(ch.codePointAt(0));
  }

  function hex4(n) { var s = n.toString(16).toUpperCase(); return s.length < 4 ? "0".repeat(4 - s.length) + s : s; }

  function inClass(ch, ranges) {
    var cp = ch.codePointAt(0);
    for (var i = 0; i < ranges.length; i++) { if (ranges[i][0] <= cp && cp <= ranges[i][1]) { return true; } }
    return false;
  }

  function complement(ranges) {
    var out = [], start = 0;
    ranges.forEach(function (r) { if (r[0] > start) { out.push([start, r[0] - 1]); } start = r[1] + 1; });
    if (start <= 0x10FFFF) { out.push([start, 0x10FFFF]); }
    return out;
  }

  function shownChar(cp) {
    var c = String.fromCodePoint(cp);
    if (c === " ") { return "space"; }
    return isPrintable(c) ? c : "U+" + hex4(cp);
  }

  function rangesText(ranges) {
    var parts = ranges.slice(0, 12).map(function (r) {
      return r[0] === r[1] ? shownChar(r[0]) : shownChar(r[0]) + "-" + shownChar(r[1]);
    });
    return parts.join(" ") + (ranges.length > 12 ? " ..." : "");
  }

  function describeClass(ranges) {
    var size = 0;
    ranges.forEach(function (r) { size += r[1] - r[0] + 1; });
    return size > 0x10000 ? "anything but " + rangesText(complement(ranges)) : rangesText(ranges);
  }

  function textProblems(f, text, forbidden) {
    var out = [], n = chars(text).length;
    if (f.maxLength !== null && n > f.maxLength) { out.push("is " + n + " characters, the limit for " + f.name + " is " + f.maxLength); }
    if (n < f.minLength) { out.push("is " + n + " character" + (n !== 1 ? "s" : "") + ", " + f.name + " needs at least " + f.minLength); }
    if (f.allowed !== null) {
      var bad = [];
      chars(text).forEach(function (ch) {
        if (!inClass(ch, f.allowed) && bad.indexOf(ch) < 0 && forbidden.indexOf(ch) < 0) { bad.push(ch); }
      });
      if (bad.length) {
        var shown = bad.slice(0, 5).map(quoteChar).join(", ");
        out.push(shown + " " + (bad.length === 1 ? "is" : "are") + " not allowed in " + f.name +
                 " (allowed: " + describeClass(f.allowed) + ")");
      }
    }
    return out;
  }

  function codeList(f) {
    return f.codes.slice(0, MAX_LISTED_CODES).join(", ") + (f.codes.length > MAX_LISTED_CODES ? ", ..." : "");
  }

  /* fields.py `describe(text, build=True)` */
  function describe(conv, f, text) {
    if (accepts(f, text)) { return ""; }
    if (text === "") { return "is required"; }
    if (f.kind === "vocabulary") {
      var hit = vocabularyMatch(f, text);
      var article = "aeiou".indexOf(f.name.charAt(0).toLowerCase()) >= 0 && f.name !== "" ? "an" : "a";
      if (!hit) { return "'" + text + "' is not " + article + " " + f.name + " code: use one of " + codeList(f); }
      if (hit[1] === "case") { return "'" + text + "' has the wrong letter case: use " + hit[0]; }
      return "'" + text + "' is the " + hit[1] + " of " + f.name + " code " + hit[0] + ": use " + hit[0];
    }
    if (f.kind === "date") {
      var problems = dateProblems(f, text);
      if (problems && problems.length) { return problems.join("; "); }
      return "'" + text + "' is not a date written " + f.format;
    }
    if (f.kind === "number") {
      if (!isDigits(text)) { return "'" + text + "' is not a number"; }
      var fixed = numberFix(f, text);
      if (fixed) { return "'" + text + "' must have " + f.digits + " digits: use " + fixed; }
      if (f.digits !== null && text.length !== f.digits) { return "'" + text + "' has " + text.length + " digits; " + f.name + " has " + f.digits; }
      var value = BigInt(text);
      if (f.min !== null && value < BigInt(f.min)) { return value.toString() + " is below the minimum, " + f.min; }
      return value.toString() + " is above the maximum, " + f.max;
    }
    var tp = textProblems(f, text, conv.forbidden);
    if (!tp.length && chars(text).some(function (c) { return conv.forbidden.indexOf(c) >= 0; }) && f.allowed !== null) { return ""; }
    return tp.length ? tp.join("; ") : "'" + text + "' does not match the pattern " + (f.pattern || "");
  }

  function forbiddenMessage(conv, ch) {
    return "'" + ch + "' is not allowed in " + (conv.marketo ? "Marketo asset names" : "these names");
  }

  function unique(text) {
    var out = [];
    chars(text).forEach(function (c) { if (out.indexOf(c) < 0) { out.push(c); } });
    return out;
  }

  function hasValue(nodes, values) {
    return nodes.some(function (n) {
      if (n.field !== undefined) { return (values[n.field] || "") !== ""; }
      return n.group !== undefined && hasValue(n.group, values);
    });
  }

  function included(nodes, values) {
    var out = [];
    nodes.forEach(function (n) {
      if (n.field !== undefined) { out.push(n.field); }
      else if (n.group !== undefined && hasValue(n.group, values)) { out = out.concat(included(n.group, values)); }
    });
    return out;
  }

  function assemble(nodes, values) {
    var out = [];
    nodes.forEach(function (n) {
      if (n.lit !== undefined) { out.push({ lit: n.lit }); }
      else if (n.field !== undefined) { out.push({ field: n.field }); }
      else if (hasValue(n.group, values)) { out = out.concat(assemble(n.group, values)); }
    });
    return out;
  }

  /* build.py `build_name` */
  function build(conv, values) {
    var problems = [], notes = [], used = {};
    included(conv.nodes, values).forEach(function (name) {
      var f = conv.fieldMap[name], value = values[name] || "";
      if (accepts(f, value)) { used[name] = value; return; }
      var s = value ? score(f, value) : null;
      if (s && s.fix !== undefined && BUILD_FIXES[s.fixKind]) {
        notes.push(name + ": " + describe(conv, f, value));
        used[name] = s.fix;
        return;
      }
      var message = describe(conv, f, value);
      if (message) { problems.push({ field: name, message: message }); }
      unique(value).forEach(function (ch) {
        if (conv.forbidden.indexOf(ch) >= 0) { problems.push({ field: name, message: forbiddenMessage(conv, ch) }); }
      });
    });
    if (problems.length) { return { name: null, problems: problems, notes: notes }; }
    var name = assemble(conv.nodes, values).map(function (p) { return p.lit !== undefined ? p.lit : used[p.field]; }).join("");
    if (check(conv, name)) { return { name: name, problems: [], notes: notes }; }
    return { name: null, problems: wholeNameProblems(conv, name, used), notes: notes };
  }

  function white(conv, ch) { return ch !== undefined && /\s/u.test(ch) && !inClass(ch, conv.invisible); }

  function wholeNameProblems(conv, name, used) {
    var out = [], n = chars(name).length;
    if (conv.maxLength !== null && n > conv.maxLength) { out.push({ field: null, message: "is " + n + " characters, the limit is " + conv.maxLength }); }
    Object.keys(used).forEach(function (field) {
      unique(used[field]).forEach(function (ch) {
        if (conv.forbidden.indexOf(ch) >= 0) { out.push({ field: field, message: forbiddenMessage(conv, ch) }); }
        else if (inClass(ch, conv.invisible)) { out.push({ field: field, message: "contains an invisible or control character (U+" + hex4(ch.codePointAt(0)) + ")" }); }
      });
    });
    if (white(conv, chars(name)[0]) || white(conv, chars(name)[n - 1])) { out.push({ field: null, message: "starts or ends with white space" }); }
    if (!out.length) { out.push({ field: null, message: "does not follow the pattern " + conv.template }); }
    return out;
  }

  /* ------------------------------------------------------------------ the page */

  function attach(form) {
    var source = form.querySelector("script[data-naming-convention]");
    if (!source || form.getAttribute("data-naming-ready")) { return; }
    form.setAttribute("data-naming-ready", "1");
    var conv = compile(JSON.parse(source.textContent));
    var output = form.querySelector("[data-name-output]");
    var copy = form.querySelector("[data-name-copy]");
    function update() {
      var values = {};
      conv.fields.forEach(function (f) {
        var control = form.elements.namedItem(f.name);
        values[f.name] = control ? control.value : "";
      });
      var result = build(conv, values);
      output.textContent = "";
      if (result.name !== null) {
        output.setAttribute("data-valid", "true");
        var code = document.createElement("code");
        code.textContent = result.name;
        output.appendChild(code);
      } else {
        output.setAttribute("data-valid", "false");
        var list = document.createElement("ul");
        result.problems.forEach(function (p) {
          var item = document.createElement("li");
          item.textContent = (p.field ? p.field + ": " : "") + p.message;
          list.appendChild(item);
        });
        output.appendChild(list);
      }
      result.notes.forEach(function (note) {
        var p = document.createElement("p");
        p.className = "mopsdocs-name-note";
        p.textContent = note;
        output.appendChild(p);
      });
      if (copy) { copy.disabled = result.name === null; copy.setAttribute("data-name", result.name || ""); }
    }
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    if (copy) {
      copy.addEventListener("click", function () {
        var text = copy.getAttribute("data-name");
        if (!text) { return; }
        if (navigator.clipboard && navigator.clipboard.writeText) { navigator.clipboard.writeText(text); }
        copy.setAttribute("data-copied", "true");
      });
    }
    update();
  }

  function attachAll() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-naming-builder]"), attach);
  }

  var api = { compile: compile, check: check, build: build, describe: describe, attach: attach };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; }
  else { root.MopsdocsNames = api; }
  if (typeof document !== "undefined") {
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", attachAll); }
    else { attachAll(); }
    // Material for MkDocs' instant navigation swaps pages without a load event
    if (root.document$ && root.document$.subscribe) { root.document$.subscribe(attachAll); }
  }
})(typeof window !== "undefined" ? window : this);
