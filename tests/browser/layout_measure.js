// What test_layout_crawl.py measures on one page, in the page: a list of problems, in words.
// Called by Playwright as `page.evaluate(source, options)`; options: minText (CSS px), laptop
// (the window is a laptop's: lifecycle tables must fit their column), zoomed (a zoom button was
// pressed: only the page width and the diagram text are measured again).
(options) => {
  const problems = [];
  const doc = document.documentElement;
  const where = (el) => {
    const id = el.id ? "#" + el.id : "";
    const cls = typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\s+/).join(".") : "";
    return el.tagName.toLowerCase() + id + cls;
  };

  // 1. the page never scrolls sideways; name the widest elements that stick out
  if (doc.scrollWidth > doc.clientWidth) {
    const out = [];
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > doc.clientWidth + 1) out.push([r.right, where(el)]);
    }
    out.sort((a, b) => b[0] - a[0]);
    problems.push(`the page is ${doc.scrollWidth} px wide in a ${doc.clientWidth} px window (` +
      out.slice(0, 3).map(([right, el]) => `${el} ends at ${Math.round(right)}`).join("; ") + ")");
  }

  // 2. diagram text as drawn: font size times the picture's scale
  for (const svg of document.querySelectorAll(".mopsdocs-diagram svg.mopsdocs-svg")) {
    let min = Infinity;
    for (const t of svg.querySelectorAll("text")) {
      const ctm = t.getScreenCTM();
      const size = parseFloat(getComputedStyle(t).fontSize);
      if (ctm && size) min = Math.min(min, size * Math.abs(ctm.a));
    }
    const figure = svg.closest(".mopsdocs-diagram");
    if (options.zoomed !== undefined && !figure.classList.contains("mopsdocs-full")) continue;
    const zoom = figure.querySelector("button.mopsdocs-zoom");
    const canZoom = zoom !== null && !zoom.hidden && zoom.getBoundingClientRect().height > 0;
    if (min < options.minText && !(canZoom && options.zoomed === undefined)) {
      problems.push(`diagram ${where(svg)}: text drawn at ${min.toFixed(1)} px` +
        (options.zoomed === undefined ? " and no zoom button" : " even at full size"));
    }
  }
  if (options.zoomed !== undefined) return problems;

  // 3. a RACI matrix scrolled to its far corner inside its box: header and activity column in view
  for (const box of document.querySelectorAll(".mopsdocs-raci")) {
    const table = box.querySelector("table");
    if (!table) continue;
    const before = [window.scrollX, window.scrollY];
    box.scrollLeft = box.scrollWidth;
    box.scrollTop = box.scrollHeight;
    const b = box.getBoundingClientRect();
    const inside = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.left >= b.left - 1 && r.right <= b.right + 1 && r.top >= b.top - 1 && r.bottom <= b.bottom + 1;
    };
    const heads = table.querySelectorAll("thead th");
    const last = heads[heads.length - 1];
    const rows = table.querySelectorAll("tbody tr:not(.mopsdocs-raci-group) th[scope=row]");
    const lastRow = rows[rows.length - 1];
    if (!inside(heads[0]) || !inside(last)) problems.push(`matrix ${table.dataset.matrix}: header row out of view once its box is scrolled`);
    if (lastRow && !inside(lastRow)) problems.push(`matrix ${table.dataset.matrix}: activity column out of view once its box is scrolled`);
    if (window.scrollX !== before[0] || window.scrollY !== before[1]) problems.push(`matrix ${table.dataset.matrix}: scrolling its box moved the page`);
    if (box.scrollLeft === 0 && box.scrollWidth > box.clientWidth) problems.push(`matrix ${table.dataset.matrix}: its box does not scroll`);
    box.scrollLeft = 0;
    box.scrollTop = 0;
  }

  // 4. headings and the table of contents: Markdown shown as Markdown, never as a literal backtick
  for (const el of document.querySelectorAll("article :is(h1, h2, h3, h4, h5, h6), .md-nav--secondary a")) {
    if (el.textContent.includes("`")) problems.push(`literal backtick in ${where(el)}: ${el.textContent.trim().slice(0, 80)}`);
  }

  // 5. on a laptop, the lifecycle's stage and transition tables fit the text column
  if (options.laptop) {
    for (const mark of document.querySelectorAll("article table .mopsdocs-lc-table")) {
      const table = mark.closest("table");
      const wrap = table.closest(".md-typeset__scrollwrap") || table;
      for (const el of [wrap, table]) {
        if (el.scrollWidth > el.clientWidth + 1) problems.push(`table "${mark.textContent}" is clipped: ${el.scrollWidth} px in ${el.clientWidth} px`);
      }
    }
  }
  return problems;
}
