"""`mopsdocs diff [BASE [HEAD]]`: what changed between two git revisions, in the specs' own terms.

Only click is imported here at module level; `mopsdocs.history` loads inside the command.
Exit codes: 0 compared (changes or none), 1 the head revision's specs have errors (as `check`
would exit), 2 a revision git does not know, no repository, or a bad argument.
"""

from __future__ import annotations

import click

from ..clikit import Exit, project_option, project_root, usage_error


@click.command()
@click.argument("base", required=False)
@click.argument("head", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="text for a terminal, markdown for a pull-request comment or $GITHUB_STEP_SUMMARY, json for tools.",
)
@project_option
def diff(base: str | None, head: str | None, fmt: str, project: str | None) -> None:
    """What changed in the specs between BASE and HEAD, in the specs' own terms.

    BASE defaults to HEAD (the last commit) and HEAD to the working tree, so a bare `mopsdocs diff`
    shows what your uncommitted edits change. `main...HEAD` compares from where the branch left
    main (what a pull request adds). Revisions are read from git, nothing is checked out.
    """
    from ..history.changeset import changeset, revisions
    from ..history.git import GitProblem
    from ..history.output import FORMATS

    root = project_root(project)
    try:
        old, new = revisions(root, base, head)
    except GitProblem as exc:
        usage_error(str(exc))
    result = changeset(old, new)
    click.echo(FORMATS[fmt](result), nl=False)
    if new.report.errors:
        raise Exit(1)


COMMANDS = (diff,)
