"""CLI commands beyond check/export/schema; each module exposes COMMANDS and imports lazily."""
