/* mopsdocs: Material's search worker, with two additions for sites not in English.
 *
 * 1. Thai words. Thai writes no spaces between words, and Material's tokenizer cuts text only at
 *    its separator (it loads lunr.th and wordcut, but its own tokenizer replaces theirs), so a
 *    Thai sentence was one token: only its first word could be found. Material's tokenizer calls
 *    `lunr.segmenter` (its hook for Japanese) on every token it accepts: we give it a Thai one,
 *    the browser's own word segmenter (Intl.Segmenter, ICU's Thai dictionary; wordcut, shipped by
 *    Material, where a browser has none). A query is cut the same way before Material reads it,
 *    so "ส่งต่อให้ฝ่ายขาย" searches for its words.
 * 2. Accents. "etape" finds "étape" and "Tomas" finds "Tomás": every indexed term loses its
 *    diacritics after the language's own pipeline (stemmer included) has run, and so does the
 *    query.
 *
 * Everything is local (no request leaves the site). The plugin writes this file next to
 * Material's worker (so Material's relative `../lunr` paths still resolve) and fills in its name.
 */
(function () {
  "use strict"

  var SETUP = 0 // Material's SearchMessageType values
  var QUERY = 2
  var THAI = /[\u0E00-\u0E7F]/
  var THAI_RUNS = /[\u0E00-\u0E7F]+/g
  var native = typeof Intl !== "undefined" && typeof Intl.Segmenter === "function"
    ? new Intl.Segmenter("th", { granularity: "word" })
    : null

  /* The pieces of a Thai run, in order; joined they give the run back (Material's tokenizer
   * computes highlight positions from their lengths). */
  function thaiWords(text) {
    if (native) {
      var out = []
      for (var it = native.segment(text)[Symbol.iterator](), s = it.next(); !s.done; s = it.next())
        out.push(s.value.segment)
      return out
    }
    if (self.lunr && lunr.wordcut) {
      var cut = lunr.wordcut.cut(text).split("|").filter(function (w) { return w.length })
      if (cut.join("") === text)
        return cut
    }
    return [text]
  }

  function ThaiSegmenter() {}
  // "K" is one of the character types Material segments; anything else is left to the separator
  ThaiSegmenter.prototype.ctype_ = function (text) { return THAI.test(text) ? "K" : "O" }
  ThaiSegmenter.prototype.segment = function (text) {
    var pieces = []
    var last = 0
    text.replace(THAI_RUNS, function (run, at) {
      if (at > last)
        pieces.push(text.slice(last, at))
      pieces.push.apply(pieces, thaiWords(run))
      last = at + run.length
      return run
    })
    if (last < text.length)
      pieces.push(text.slice(last))
    return pieces
  }

  function fold(term) {
    return term.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
  }

  /* First listener: it sees each message before Material's and may change it in place. */
  addEventListener("message", function (ev) {
    var message = ev.data
    if (message && message.type === QUERY && typeof message.data === "string")
      // folded here too: lunr runs no pipeline on the query's terms, which Material ends with "*"
      message.data = fold(message.data).replace(THAI_RUNS, function (run) {
        return thaiWords(run).join(" ")
      })
    else if (message && message.type === SETUP && !("TinySegmenter" in lunr))
      // Material builds its index right after this message; Japanese sites load their own
      lunr.TinySegmenter = ThaiSegmenter
  })

  importScripts("__MATERIAL_WORKER__")

  var run = lunr.Pipeline.prototype.run
  lunr.Pipeline.prototype.run = function (tokens) {
    return run.call(this, tokens).map(function (token) { return token.update(fold) })
  }
})()
