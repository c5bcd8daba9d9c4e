"""RACI matrices outside `check`: the resolved matrix model, CSV/Markdown export, CSV import.

`model` turns a validated `RaciSpec` into a `Matrix` (column order, grouped rows), the one view
that the site pages, the exports and the import share. `csv_io` reads and writes spreadsheets;
`spec_writer` turns an imported matrix back into a spec. None of it imports jinja2 or mkdocs.
"""
