/* mopsdocs name builder: the page's twin of `mopsdocs names build` / `names check`.
 *
 * It runs on data compiled by mopsdocs (mopsdocs/naming/jsdata.py): the whole-name regular
 * expression and each field's, emitted from the same description as the Python matcher, plus
 * the vocabularies and formats needed to say why a value does not fit. Every step below mirrors
 * mopsdocs/naming/build.py and fields.py (describe, build mode); tests run both on the same cases.
 * No dependencies, no network: the page works offline.
 *
 * Messages are written in English here; a page in another language carries them translated
 * (mopsdocs/site/families/naming.py, a `data-naming-messages` JSON block: the English text is the
 * key, placeholders are filled by name). A message the page lacks stays in English.
 */
(function (root) {
  "use strict";

  var VALID = 0, FIXABLE = 2, WRONG = 4, GARBAGE = 6;
  var BUILD_FIXES = { "case": true, "label": true, "alias": true, "pad": true };
  var MAX_LISTED_CODES = 10;

  function chars(text) { return Array.from(text); }

  var MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var WORDS = { language: "en", messages: {}, months: MONTH_NAMES };

  /* The page's messages (see the header); called with nothing: English again. */
  function useWords(data) {
    data = data || {};
    WORDS = {
      language: data.language || "en",
      messages: data.messages || {},
      months: data.months && data.months.length === 12 ? data.months : MONTH_NAMES
    };
  }

  function fill(text, values) {
    return text.replace(/%\((\w+)\)s|%%/g, function (whole, name) {
      if (name === undefined) { return "%"; }
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function t(message, values) {
    var got = WORDS.messages[message];
    return fill(typeof got === "string" && got ? got : message, values);
  }

  function pluralOne(n) {
    try { return new Intl.PluralRules(WORDS.language).select(n) === "one"; } catch (e) { return n === 1; }
  }

  /* a plural message: the page gives [one, other] forms; English picks by n === 1 */
  function tn(singular, plural, n, values) {
    var got = WORDS.messages[singular], all = Object.assign({ num: n }, values);
    if (Array.isArray(got) && got.length) { return fill(pluralOne(n) ? got[0] : got[got.length - 1], all); }
    return fill(n === 1 ? singular : plural, all);
  }

  function compile(data) {
    var conv = Object.assign({}, data);
    conv.matcher = new RegExp("^(?:" + data.regex + ")$", "u");
    conv.fieldMap = {};
    conv.fields = data.fields.map(function (f) {
      var out = compileField(f);
      conv.fieldMap[f.name] = out;
      return out;
    });
    conv.switches = data.switches || [];
    conv.forbiddenWords = data.forbiddenWords || [];
    conv.wordsRegex = data.forbiddenWordsRegex || null;
    conv.rules = data.rules || [];
    if (data.captureRegex) { conv.capture = new RegExp("^(?:" + data.captureRegex + ")$", "u"); }
    conv.slots = slotsOf(data.nodes);
    if (data.variants) {
      conv.variants = {
        field: data.variants.field,
        fallback: compile(data.variants["default"]),
        options: data.variants.options.map(function (o) { return [o[0], compile(o[1])]; })
      };
    }
    return conv;
  }

  function compileField(f) {
    var out = Object.assign({}, f);
    out.matcher = new RegExp("^(?:" + f.regex + ")$", "u");
    if (f.shape) { out.shapeMatcher = new RegExp("^(?:" + f.shape + ")$", "u"); }
    out.retired = f.retired || {};
    out.choices = (f.choices || []).map(compileField);
    return out;
  }

  /* compiler.py `is_valid`: the matcher, and the cross-field rules on the fields it reads */
  function check(conv, name) {
    if (conv.variants) {
      return check(conv.variants.fallback, name) || conv.variants.options.some(function (o) { return check(o[1], name); });
    }
    if (!conv.matcher.test(name)) { return false; }
    if (!conv.rules.length) { return true; }
    var m = conv.capture.exec(name);
    if (!m) { return true; }
    var values = {};
    Object.keys(m.groups).forEach(function (k) {
      if (/^v[0-9]+$/.test(k) && m.groups[k] !== undefined) { values[conv.slots[parseInt(k.slice(1), 10)]] = m.groups[k]; }
    });
    return ruleProblems(conv, values).length === 0;
  }

  function slotsOf(nodes) {
    var out = [];
    nodes.forEach(function (n) {
      if (n.field !== undefined) { out.push(n.field); }
      else if (n.group !== undefined) { out = out.concat(slotsOf(n.group)); }
    });
    return out;
  }

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

  /* fields.py `_parts`: each code of a multiple value, and the code it spells (null: none) */
  function parts(f, text) {
    return text.split(f.multiple[0]).map(function (p) {
      return [p, f.codes.indexOf(p) >= 0 ? [p, "case"] : vocabularyMatch(f, p)];
    });
  }

  function scoreMultiple(f, text) {
    var ps = parts(f, text), codes = [], kinds = [];
    ps.forEach(function (pair) {
      if (pair[1]) { codes.push(pair[1][0]); if (pair[1][0] !== pair[0]) { kinds.push(pair[1][1]); } }
    });
    var distinct = codes.filter(function (c, i) { return codes.indexOf(c) === i; });
    if (codes.length < ps.length || distinct.length < codes.length || codes.length > f.multiple[1]) {
      return { cost: codes.length ? WRONG : GARBAGE };
    }
    var fixed = codes.join(f.multiple[0]);
    var how = kinds.indexOf("label") >= 0 ? "label" : (kinds.indexOf("alias") >= 0 ? "alias" : "case");
    return accepts(f, fixed) ? { cost: FIXABLE, fix: fixed, fixKind: how } : { cost: WRONG };
  }

  /* The build-mode part of fields.py `score`: only the fixes the builder applies. */
  function score(f, text) {
    if (accepts(f, text)) { return { cost: VALID }; }
    if (f.kind === "vocabulary") {
      if (chars(text).length > f.longestTerm + 4) { return { cost: GARBAGE }; }
      if (f.multiple) { return scoreMultiple(f, text); }
      var hit = vocabularyMatch(f, text);
      return hit ? { cost: FIXABLE, fix: hit[0], fixKind: hit[1] } : { cost: GARBAGE };
    }
    if (f.kind === "literal") {
      return sameIgnoringCase(text, f.literal) ? { cost: FIXABLE, fix: f.literal, fixKind: "case" } : { cost: GARBAGE };
    }
    if (f.kind === "number") {
      var fixed = numberFix(f, text);
      return fixed ? { cost: FIXABLE, fix: fixed, fixKind: "pad" } : { cost: WRONG };
    }
    return { cost: WRONG };
  }

  /* fields.py `build_fix` */
  function buildFix(f, text) {
    if (f.kind === "choice") {
      for (var i = 0; i < f.choices.length; i++) {
        var s = buildFix(f.choices[i], text);
        if (s) { return s; }
      }
      return null;
    }
    if (!text || accepts(f, text)) { return null; }
    var got = score(f, text);
    return got.fix !== undefined && BUILD_FIXES[got.fixKind] ? got : null;
  }

  /* fields.py `retired_in` and `retired_message` */
  function retiredIn(f, value) {
    if (f.kind === "choice") {
      for (var i = 0; i < f.choices.length; i++) {
        if (accepts(f.choices[i], value)) { return retiredIn(f.choices[i], value); }
      }
      return [];
    }
    if (!Object.keys(f.retired).length) { return []; }
    var ps = f.multiple ? value.split(f.multiple[0]) : [value];
    return ps.filter(function (p) { return Object.prototype.hasOwnProperty.call(f.retired, p); });
  }

  function retiredMessage(f, code) {
    var why = f.retired[code] || [null, null], values = { code: code, date: why[1], replacement: why[0] };
    if (why[1]) {
      return why[0] ? t("'%(code)s' is retired (since %(date)s): use %(replacement)s", values)
        : t("'%(code)s' is retired (since %(date)s): it has no replacement", values);
    }
    return why[0] ? t("'%(code)s' is retired: use %(replacement)s", values) : t("'%(code)s' is retired: it has no replacement", values);
  }

  function pad2(n) { return (n < 10 ? "0" : "") + n; }

  function daysIn(year, month) { return new Date(Date.UTC(year, month, 0)).getUTCDate(); }

  function dateProblems(f, text) {
    var m = f.shapeMatcher.exec(text);
    if (!m) { return null; }
    var g = m.groups, got = {};
    ["yyyy", "yy", "mm", "dd", "n"].forEach(function (k) { if (g[k] !== undefined) { got[k] = parseInt(g[k], 10); } });
    var year = got.yyyy !== undefined ? got.yyyy : (got.yy !== undefined ? 2000 + got.yy : null);
    var out = [];
    if (got.yyyy === 0) { out.push(t("year 0000 does not exist")); }
    if (got.n !== undefined && !(got.n >= 1 && got.n <= 4)) { out.push(t("quarter %(quarter)s does not exist", { quarter: got.n })); }
    var month = got.mm !== undefined ? got.mm : null;
    if (month !== null && !(month >= 1 && month <= 12)) { out.push(t("month %(month)s does not exist", { month: pad2(month) })); month = null; }
    if (got.dd !== undefined) {
      var day = got.dd;
      if (!(day >= 1 && day <= 31)) { out.push(t("day %(day)s does not exist", { day: pad2(day) })); }
      else if (month !== null) {
        // year 0000 does not exist; Python's calendar needs a year >= 1, so it counts 2000 then too
        var longest = daysIn(year ? year : 2000, month);
        if (day > longest) {
          if (month === 2 && day === 29 && year) {
            out.push(t("%(year)s is not a leap year: February %(year)s has 28 days", { year: year }));
          } else if (year) {
            out.push(t("day %(day)s does not exist in %(month)s %(year)s", { day: day, month: WORDS.months[month - 1], year: year }));
          } else {
            out.push(t("day %(day)s does not exist in %(month)s", { day: day, month: WORDS.months[month - 1] }));
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
    if (c === " ") { return t("space"); }
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
    return size > 0x10000 ? t("anything but %(chars)s", { chars: rangesText(complement(ranges)) }) : rangesText(ranges);
  }

  function textProblems(f, text, forbidden) {
    var out = [], n = chars(text).length;
    if (f.maxLength !== null && n > f.maxLength) {
      out.push(t("is %(length)s characters, the limit for %(field)s is %(limit)s", { length: n, field: f.name, limit: f.maxLength }));
    }
    if (n < f.minLength) {
      out.push(tn("is %(num)s character, %(field)s needs at least %(min)s", "is %(num)s characters, %(field)s needs at least %(min)s",
        n, { field: f.name, min: f.minLength }));
    }
    if (f.allowed !== null) {
      var bad = [];
      chars(text).forEach(function (ch) {
        if (!inClass(ch, f.allowed) && bad.indexOf(ch) < 0 && forbidden.indexOf(ch) < 0) { bad.push(ch); }
      });
      if (bad.length) {
        var shown = bad.slice(0, 5).map(quoteChar).join(", ");
        out.push(tn("%(chars)s is not allowed in %(field)s (allowed: %(allowed)s)",
          "%(chars)s are not allowed in %(field)s (allowed: %(allowed)s)", bad.length,
          { chars: shown, field: f.name, allowed: describeClass(f.allowed) }));
      }
    }
    return out;
  }

  function codeList(f) {
    var codes = f.codes.filter(function (c) { return !Object.prototype.hasOwnProperty.call(f.retired, c); });
    return (codes.slice(0, MAX_LISTED_CODES).join(", ") || t("none")) + (codes.length > MAX_LISTED_CODES ? ", ..." : "");
  }

  function describeCode(f, text, hit) {
    var values = { text: text, field: f.name, code: hit ? hit[0] : "" };
    if (!hit) {
      values.codes = codeList(f);
      return "aeiou".indexOf(f.name.charAt(0).toLowerCase()) >= 0 && f.name !== ""
        ? t("'%(text)s' is not an %(field)s code: use one of %(codes)s", values)
        : t("'%(text)s' is not a %(field)s code: use one of %(codes)s", values);
    }
    if (hit[1] === "case") { return t("'%(text)s' has the wrong letter case: use %(code)s", values); }
    return hit[1] === "label" ? t("'%(text)s' is the label of %(field)s code %(code)s: use %(code)s", values)
      : t("'%(text)s' is the alias of %(field)s code %(code)s: use %(code)s", values);
  }

  /* fields.py `_describe_multiple` */
  function describeMultiple(f, text) {
    var ps = parts(f, text), out = [], seen = [];
    function add(m) { if (out.indexOf(m) < 0) { out.push(m); } }
    ps.forEach(function (pair) {
      var hit = pair[1];
      if (!hit || hit[0] !== pair[0]) { add(describeCode(f, pair[0], hit)); }
      if (hit) {
        if (seen.indexOf(hit[0]) >= 0) { add(t("'%(code)s' is given twice", { code: hit[0] })); }
        seen.push(hit[0]);
      }
    });
    if (ps.length > f.multiple[1]) {
      add(t("has %(count)s codes joined by '%(separator)s', at most %(max)s", { count: ps.length, separator: f.multiple[0], max: f.multiple[1] }));
    }
    return out.join("; ");
  }

  /* fields.py `alternative_words` */
  function alternativeWords(f) {
    if (f.kind === "literal") { return "'" + f.literal + "'"; }
    if (f.kind === "date") { return t("a date written %(format)s", { format: f.format }); }
    if (f.kind === "vocabulary") { return t("a %(vocabulary)s code", { vocabulary: f.vocabulary }); }
    if (f.kind === "number") { return t("a number"); }
    return f.pattern ? t("text matching %(pattern)s", { pattern: f.pattern }) : t("text");
  }

  /* fields.py `describe(text, build=True)` */
  function describe(conv, f, text) {
    if (accepts(f, text)) { return ""; }
    if (text === "") { return t("is required"); }
    if (f.kind === "vocabulary") {
      if (f.multiple) { return describeMultiple(f, text); }
      return describeCode(f, text, vocabularyMatch(f, text));
    }
    if (f.kind === "literal") {
      return sameIgnoringCase(text, f.literal) ? t("'%(text)s' has the wrong letter case: use %(code)s", { text: text, code: f.literal })
        : t("'%(text)s' is not '%(literal)s'", { text: text, literal: f.literal });
    }
    if (f.kind === "choice") {
      var close = null, i;
      for (i = 0; i < f.choices.length && !close; i++) { if (buildFix(f.choices[i], text)) { close = f.choices[i]; } }
      for (i = 0; i < f.choices.length && !close; i++) {
        var c = f.choices[i];
        if (c.kind === "date") { var dp = dateProblems(c, text); if (dp && dp.length) { close = c; } }
      }
      if (close) { return describe(conv, close, text); }
      var words = f.choices.map(alternativeWords);
      var listed = words.length === 1 ? words[0]
        : t("%(first)s or %(then)s", { first: words.slice(0, -1).join(", "), then: words[words.length - 1] });
      return t("'%(text)s' is not %(alternatives)s", { text: text, alternatives: listed });
    }
    if (f.kind === "date") {
      var problems = dateProblems(f, text);
      if (problems && problems.length) { return problems.join("; "); }
      return t("'%(text)s' is not a date written %(format)s", { text: text, format: f.format });
    }
    if (f.kind === "number") {
      if (!isDigits(text)) { return t("'%(text)s' is not a number", { text: text }); }
      var fixed = numberFix(f, text);
      if (fixed) { return t("'%(text)s' must have %(digits)s digits: use %(fixed)s", { text: text, digits: f.digits, fixed: fixed }); }
      if (f.digits !== null && text.length !== f.digits) {
        return t("'%(text)s' has %(length)s digits; %(field)s has %(digits)s", { text: text, length: text.length, field: f.name, digits: f.digits });
      }
      var value = BigInt(text);
      if (f.min !== null && value < BigInt(f.min)) { return t("%(value)s is below the minimum, %(min)s", { value: value.toString(), min: f.min }); }
      return t("%(value)s is above the maximum, %(max)s", { value: value.toString(), max: f.max });
    }
    var tp = textProblems(f, text, conv.forbidden);
    if (!tp.length && chars(text).some(function (c) { return conv.forbidden.indexOf(c) >= 0; }) && f.allowed !== null) { return ""; }
    return tp.length ? tp.join("; ") : t("'%(text)s' does not match the pattern %(pattern)s", { text: text, pattern: f.pattern || "" });
  }

  function forbiddenMessage(conv, ch) {
    return conv.marketo ? t("'%(char)s' is not allowed in Marketo asset names", { "char": ch })
      : t("'%(char)s' is not allowed in these names", { "char": ch });
  }

  function unique(text) {
    var out = [];
    chars(text).forEach(function (c) { if (out.indexOf(c) < 0) { out.push(c); } });
    return out;
  }

  /* build.py `_group_on`: a group without a field (a switch) is on when "+" + its text has a value */
  function groupOn(n, values) {
    if (n.switch !== undefined) { return (values["+" + n.switch] || "") !== ""; }
    return hasValue(n.group, values);
  }

  function hasValue(nodes, values) {
    return nodes.some(function (n) {
      if (n.field !== undefined) { return (values[n.field] || "") !== ""; }
      return n.group !== undefined && groupOn(n, values);
    });
  }

  function included(nodes, values) {
    var out = [];
    nodes.forEach(function (n) {
      if (n.field !== undefined) { out.push(n.field); }
      else if (n.group !== undefined && groupOn(n, values)) { out = out.concat(included(n.group, values)); }
    });
    return out;
  }

  function assemble(nodes, values) {
    var out = [];
    nodes.forEach(function (n) {
      if (n.lit !== undefined) { out.push({ lit: n.lit }); }
      else if (n.field !== undefined) { out.push({ field: n.field }); }
      else if (groupOn(n, values)) { out = out.concat(assemble(n.group, values)); }
    });
    return out;
  }

  /* crossfield.py: codes as the vocabulary writes them, periods of dates, the rules' verdicts */
  function vocabulariesOf(f) {
    if (f.kind === "choice") { return f.choices.filter(function (c) { return c.kind === "vocabulary"; }); }
    return f.kind === "vocabulary" ? [f] : [];
  }

  function codeOf(f, value) {
    if (f.codes.indexOf(value) >= 0) { return value; }
    var low = value.toLowerCase();
    for (var i = 0; i < f.codes.length; i++) { if (f.codes[i].toLowerCase() === low) { return f.codes[i]; } }
    return null;
  }

  function canonical(f, value) {
    var alts = vocabulariesOf(f);
    if (!alts.length) { alts = [f]; }
    for (var i = 0; i < alts.length; i++) {
      var alt = alts[i];
      if (alt.kind !== "vocabulary") { return value; }
      var ps = alt.multiple ? value.split(alt.multiple[0]) : [value];
      var mapped = ps.map(function (p) { return codeOf(alt, p); });
      if (mapped.every(function (m) { return m !== null; })) { return mapped.join(alt.multiple ? alt.multiple[0] : ""); }
    }
    return value;
  }

  function splitCodes(f, value) {
    var alts = vocabulariesOf(f).filter(function (a) { return a.multiple; });
    return alts.length ? value.split(alts[0].multiple[0]) : [value];
  }

  function daysFromCivil(y, m, d) {  // days since 1970-01-01 (proleptic Gregorian), as Python's toordinal
    y -= m <= 2 ? 1 : 0;
    var era = Math.floor(y / 400), yoe = y - era * 400;
    var doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    var doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
  }

  function addMonths(y, m, d, months) {  // crossfield.py `_add_months`, as [y, m, d]
    var total = y * 12 + m - 1 + months;
    return [Math.floor(total / 12), total % 12 + 1, Math.min(d, 28)];
  }

  function rulePeriod(f, value) {
    if (f.kind === "choice") {
      for (var i = 0; i < f.choices.length; i++) {
        if (f.choices[i].kind === "date" && accepts(f.choices[i], value)) { return rulePeriod(f.choices[i], value); }
      }
      return null;
    }
    if (f.kind !== "date" || !f.shapeMatcher) { return null; }
    var m = f.shapeMatcher.exec(value);
    if (!m) { return null; }
    var g = m.groups, got = {};
    ["yyyy", "yy", "mm", "dd", "n"].forEach(function (k) { if (g[k] !== undefined) { got[k] = parseInt(g[k], 10); } });
    var year = got.yyyy !== undefined ? got.yyyy : 2000 + (got.yy !== undefined ? got.yy : 0);
    var start = f.fiscal || [1, 1], shift = start[0] === 1 && start[1] === 1 ? 0 : 1;
    if (got.yyyy === undefined && got.yy === undefined) { year = 2000; }
    var first, last;
    if (got.mm !== undefined) {
      if (f.fiscal && got.mm >= start[0] && shift) { year = Math.max(1, year - 1); }
      first = daysFromCivil(year, got.mm, got.dd !== undefined ? got.dd : 1);
      if (got.dd !== undefined) { last = first; }
      else { var next = addMonths(year, got.mm, 1, 1); last = daysFromCivil(next[0], next[1], next[2]) - 1; }
    } else {
      var begin = [Math.max(1, year - shift), start[0], Math.min(start[1], 28)], q = got.n !== undefined ? got.n : 1;
      var a = addMonths(begin[0], begin[1], begin[2], 3 * (q - 1));
      var b = addMonths(begin[0], begin[1], begin[2], got.n !== undefined ? 3 * q : 12);
      first = daysFromCivil(a[0], a[1], a[2]);
      last = daysFromCivil(b[0], b[1], b[2]) - 1;
    }
    return [first, last];
  }

  function ruleProblems(conv, values) {
    var out = [];
    function add(p) {
      if (!out.some(function (q) { return q.field === p.field && q.message === p.message; })) { out.push(p); }
    }
    conv.rules.forEach(function (rule) {
      var value = values[rule.field];
      if (!value) { return; }
      if (rule.after !== undefined) {
        var other = values[rule.after];
        if (!other) { return; }
        var mine = rulePeriod(conv.fieldMap[rule.field], value), theirs = rulePeriod(conv.fieldMap[rule.after], other);
        if (mine && theirs && mine[1] < theirs[0]) {
          add({ field: rule.field, message: t("'%(value)s' is before %(other)s '%(other_value)s': %(field)s must be on or after %(other)s",
            { value: value, other: rule.after, other_value: other, field: rule.field }) });
        }
        return;
      }
      var f = conv.fieldMap[rule.field], codes = splitCodes(f, canonical(f, value));
      rule.allowedWith.forEach(function (entry) {
        var otherField = entry[0], otherValue = values[otherField];
        if (!otherValue) { return; }
        var of = conv.fieldMap[otherField];
        splitCodes(of, canonical(of, otherValue)).forEach(function (otherCode) {
          var allowed = null;
          entry[1].forEach(function (pair) { if (pair[0] === otherCode && allowed === null) { allowed = pair[1]; } });
          if (allowed === null) { return; }
          codes.forEach(function (code) {
            if (allowed.indexOf(code) < 0) {
              add({ field: rule.field, message: t("'%(code)s' does not go with %(other)s '%(other_code)s': use %(allowed)s",
                { code: code, other: otherField, other_code: otherCode, allowed: allowed.join(", ") }) });
            }
          });
        });
      });
    });
    return out;
  }

  /* build.py `_build_variant`: built by the template the variant field's value picks */
  function buildVariant(conv, values) {
    var field = conv.variants.field, f = conv.fieldMap[field], value = values[field] || "";
    var fix = accepts(f, value) ? null : buildFix(f, value);
    var chosen = fix ? fix.fix : value, sub = conv.variants.fallback;
    conv.variants.options.forEach(function (o) { if (o[0] === chosen && sub === conv.variants.fallback) { sub = o[1]; } });
    var built = build(sub, values);
    conv.fields.forEach(function (other) {
      if (!sub.fieldMap[other.name] && values[other.name]) {
        built.notes.push(t("%(field)s: left out: names with this %(variant)s follow %(template)s",
          { field: other.name, variant: field, template: sub.template }));
      }
    });
    return built;
  }

  /* build.py `build_name` */
  function build(conv, values) {
    if (conv.variants) { return buildVariant(conv, values); }
    var problems = [], notes = [], used = {};
    included(conv.nodes, values).forEach(function (name) {
      var f = conv.fieldMap[name], value = values[name] || "";
      function retiredNotes(v) {
        retiredIn(f, v).forEach(function (code) { notes.push(t("%(field)s: %(message)s", { field: name, message: retiredMessage(f, code) })); });
      }
      if (accepts(f, value)) { used[name] = value; retiredNotes(value); return; }
      var s = buildFix(f, value);
      if (s) {
        notes.push(t("%(field)s: %(message)s", { field: name, message: describe(conv, f, value) }));
        used[name] = s.fix;
        retiredNotes(s.fix);
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
    var broken = conv.rules.length ? ruleProblems(conv, used) : [];
    if (broken.length) { return { name: null, problems: broken, notes: notes }; }
    if (check(conv, name)) { return { name: name, problems: [], notes: notes }; }
    return { name: null, problems: wholeNameProblems(conv, name, used), notes: notes };
  }

  /* compiler.py `forbidden_words_in`: each forbidden word once, as the convention lists it */
  function forbiddenWordsIn(conv, name) {
    if (!conv.wordsRegex) { return []; }
    var listed = {}, found = [], m, re = new RegExp(conv.wordsRegex, "gu");
    conv.forbiddenWords.forEach(function (w) { if (!(w.toLowerCase() in listed)) { listed[w.toLowerCase()] = w; } });
    while ((m = re.exec(name)) !== null) {
      var low = m[1].toLowerCase(), word = Object.prototype.hasOwnProperty.call(listed, low) ? listed[low] : m[1];
      if (found.indexOf(word) < 0) { found.push(word); }
    }
    return found;
  }

  function white(conv, ch) { return ch !== undefined && /\s/u.test(ch) && !inClass(ch, conv.invisible); }

  function wholeNameProblems(conv, name, used) {
    var out = [], n = chars(name).length;
    if (conv.maxLength !== null && n > conv.maxLength) {
      out.push({ field: null, message: t("is %(length)s characters, the limit is %(limit)s", { length: n, limit: conv.maxLength }) });
    }
    Object.keys(used).forEach(function (field) {
      unique(used[field]).forEach(function (ch) {
        if (conv.forbidden.indexOf(ch) >= 0) { out.push({ field: field, message: forbiddenMessage(conv, ch) }); }
        else if (inClass(ch, conv.invisible)) {
          out.push({ field: field, message: t("contains an invisible or control character (U+%(code)s)", { code: hex4(ch.codePointAt(0)) }) });
        }
      });
    });
    if (white(conv, chars(name)[0]) || white(conv, chars(name)[n - 1])) { out.push({ field: null, message: t("starts or ends with white space") }); }
    forbiddenWordsIn(conv, name).forEach(function (word) {
      out.push({ field: null, message: t("contains the forbidden word '%(word)s'", { word: word }) });
    });
    if (!out.length) { out.push({ field: null, message: t("does not follow the pattern %(template)s", { template: conv.template }) }); }
    return out;
  }

  /* ------------------------------------------------------------------ the page */

  function attach(form) {
    var source = form.querySelector("script[data-naming-convention]");
    if (!source || form.getAttribute("data-naming-ready")) { return; }
    form.setAttribute("data-naming-ready", "1");
    var messages = form.querySelector("script[data-naming-messages]");
    try { useWords(messages ? JSON.parse(messages.textContent) : null); } catch (e) { useWords(null); }  // English
    var conv = compile(JSON.parse(source.textContent));
    var output = form.querySelector("[data-name-output]");
    var copy = form.querySelector("[data-name-copy]");
    var copyLabel = copy ? copy.textContent : "";
    function update() {
      var values = {};
      conv.fields.forEach(function (f) {
        var control = form.elements.namedItem(f.name);
        if (control && control.multiple) {  // a multiple field: the chosen codes, joined
          values[f.name] = Array.prototype.filter.call(control.options, function (o) { return o.selected && o.value; })
            .map(function (o) { return o.value; }).join(f.multiple ? f.multiple[0] : "_");
        } else {
          values[f.name] = control ? control.value : "";
        }
      });
      conv.switches.forEach(function (text) {
        var box = form.elements.namedItem("+" + text);
        values["+" + text] = box && box.checked ? "on" : "";
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
          item.textContent = p.field ? t("%(field)s: %(message)s", { field: p.field, message: p.message }) : p.message;
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
      if (copy) {
        copy.disabled = result.name === null;
        if (copy.getAttribute("data-name") !== (result.name || "")) { copy.removeAttribute("data-copied"); copy.textContent = copyLabel; }
        copy.setAttribute("data-name", result.name || "");
      }
    }
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    if (copy) {
      copy.addEventListener("click", function () {
        var text = copy.getAttribute("data-name");
        if (!text) { return; }
        if (!navigator.clipboard || !navigator.clipboard.writeText) { return; }
        // "Copied" only once the clipboard has it (until the name changes); a refusal leaves the label
        navigator.clipboard.writeText(text).then(function () {
          if (copy.getAttribute("data-name") !== text) { return; }
          copy.setAttribute("data-copied", "true");
          copy.textContent = t("Copied");
        }, function () {});
      });
    }
    update();
  }

  function attachAll() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-naming-builder]"), attach);
  }

  var api = { compile: compile, check: check, build: build, describe: describe, attach: attach, useWords: useWords };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; }
  else { root.MopsdocsNames = api; }
  if (typeof document !== "undefined") {
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", attachAll); }
    else { attachAll(); }
    // Material for MkDocs' instant navigation swaps pages without a load event
    if (root.document$ && root.document$.subscribe) { root.document$.subscribe(attachAll); }
  }
})(typeof window !== "undefined" ? window : this);
