"""The documentation site: MkDocs plugin, page families, templates, diagrams.

Nothing here is imported by `mopsdocs check`.
"""
