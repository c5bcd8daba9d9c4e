"""Charts drawn as inline SVG at build time: offline, deterministic, theme-aware, accessible.

- `base`: the SVG document (role="img", `<title>`/`<desc>`), escaping, number formatting,
  coordinates rounded so that the same data gives the same bytes, text measured for layout;
- `bars`: horizontal bar charts, one bar or a group of bars (one per series) per row.

Every chart is written next to a text or table alternative (the page's template puts it there)
and takes its colours from CSS classes (`mopsdocs/assets/charts.css`), which follow Material's
light and dark (`slate`) palettes. Nothing here is imported by `mopsdocs check`.
Why hand-written SVG and not a charting library: docs/writing/stack.md, "How charts are drawn".
"""
