"""CLI commands beyond check/export/schema: one module per command (`site` holds build and serve).

Each module exposes COMMANDS and imports only click at module level (the rest inside the
command), so that registering every command costs nothing for `mopsdocs check`.
"""

from __future__ import annotations

import click

from . import audit, diff, fmt, graph, import_, init, names, pdf, raci, review, site

# Every command, in the order `mopsdocs` registers them.
COMMANDS: tuple[click.Command, ...] = (
    *site.COMMANDS,
    *pdf.COMMANDS,
    *graph.COMMANDS,
    *init.COMMANDS,
    *names.COMMANDS,
    *raci.COMMANDS,
    *fmt.COMMANDS,
    *diff.COMMANDS,
    *import_.COMMANDS,
    *audit.COMMANDS,
    *review.COMMANDS,
)
