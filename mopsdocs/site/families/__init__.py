"""Page families: one module per kind of generated page, each with `pages(project, site)`."""
