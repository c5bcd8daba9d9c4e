"""`health/`: every error and warning of the specs, each linked to where it is, and the audit.

Each diagnostic links to the generated page of the spec it is in (when there is one), to the
file at that line in the repository and to its edit view (when `repo_url`/`edit_uri` are set).

The operational-programs audit finds nothing itself: each of its questions is answered by rules
of `mopsdocs check`, and the page groups the report's diagnostics (the ones `check` prints) under
the question their code answers. The page is in the site's language, the diagnostics as `check`
prints them (English).
"""

from __future__ import annotations

import datetime as _dt
from typing import Any
from urllib.parse import quote as url_quote

from ... import specs
from ...config import Settings
from ...diagnostics import Diagnostic
from ...i18n import N_, SOURCE_LANGUAGE, Words
from ...program_model import review_status
from ...project import Project
from ...stack_model import due_since
from ..context import SiteContext
from ..pages import HEALTH, STACK_PAGE, Page, backlog_path, lifecycle_path, program_path, raci_path
from .reference import RULES

TEMPLATE = "health.md.j2"
ORDER = 1000  # the last entry of the generated section

# The playbook's mini-audit of operational programs (section 7), plus the questions a team asks
# of its own catalogue: each question (translated where shown), and the rule codes whose
# diagnostics answer it.
AUDIT: tuple[tuple[str, tuple[str, ...]], ...] = (
    (N_("Does every required program category have an active program?"), ("PRG004",)),
    (N_("Is everything owned by someone active?"), ("TEAM001", "TEAM002", "TEAM003")),
    (N_("Are program reviews current?"), ("PRG002", "PRG007")),
    (N_("Does anything rely on a program that is not running?"), ("PRG005", "PRG006")),
    # the playbook's Marketo mini-audit: channels and scoring
    (
        N_("Are the channels complete, tied to the right program type and in step with the naming vocabulary?"),
        ("CH001", "CH002", "CH003", "CH004", "CH005"),
    ),
    (
        N_("Do the scoring models use tokens, and does each threshold take the actions it should?"),
        ("SCORE001", "SCORE002", "SCORE003", "SCORE004", "SCORE005"),
    ),
    # the playbook's stack review (section 5)
    (N_("Is every renewal decided before its notice deadline?"), ("STACK001",)),
    (
        N_("Does any integration hang on a tool being retired, and which tools do the same job?"),
        ("STACK002", "STACK003"),
    ),
    # the playbook's prioritising (section 1)
    (N_("Is the backlog ranked by impact and effort, with its dues kept?"), ("BL001", "BL002")),
)

Spans = dict[str, list[tuple[int, specs.Spec]]]  # spec file -> (first line, spec) of each document


def pages(project: Project, site: SiteContext) -> list[Page]:
    report = site.report
    spans = _spans(project)
    diagnostics = report.sorted()
    words = site.words
    context = {
        "errors": report.errors,
        "warnings": report.warnings,
        "files": report.files,
        "as_of": shown_day(project.today(), words),
        "diagnostics": [_item(d, site, _page_of(project, site, _spec_at(spans, d))) for d in diagnostics],
        "audit": _audit(project, site, spans, diagnostics),
        "rules_page": RULES if project.settings.reference_pages else None,
        "english": words.code == SOURCE_LANGUAGE,
    }
    return [Page(path=HEALTH, title=words.gettext("Health"), template=TEMPLATE, context=context, order=ORDER)]


def shown_day(day: _dt.date, words: Words) -> str:
    """A date as these pages show it: as written in the specs (2021-12-01) on an English site, as
    it is read in the site's language otherwise ("1 décembre 2021")."""
    return day.isoformat() if words.code == SOURCE_LANGUAGE else words.day(day)


def _item(d: Diagnostic, site: SiteContext, page: str | None) -> dict[str, Any]:
    loc = d.location
    edit = site.edit_url(url_quote(loc.path, safe="/"))
    view = None
    if edit and "/edit/" in edit:  # GitHub, GitLab, Gitea: .../edit/<branch>/ -> .../blob/<branch>/
        view = edit.replace("/edit/", "/blob/", 1) + f"#L{loc.line}"
    return {
        "severity": d.severity.value,
        "code": d.code,
        "message": d.message,
        "hint": d.hint,
        "where": str(loc),
        "view_url": view,
        "edit_url": edit,
        "page": page,
    }


# --------------------------------------------------------------------------- the audit


def _audit(project: Project, site: SiteContext, spans: Spans, diagnostics: list[Diagnostic]) -> list[dict[str, Any]]:
    """Each audit question with the diagnostics that answer it, the newest problem first.

    A problem's start is known for an overdue review (its due date) and for a program whose
    owner left (`left_on`); one without a date exists today, so it sorts as of the as-of date.
    Ties keep the report's order (by file and line).
    """
    today = project.today()
    words = site.words
    turned_off = {code for code, level in project.settings.rules.items() if level == "off"}
    out = []
    for question, codes in AUDIT:
        problems = []
        for d in diagnostics:
            if d.code not in codes:
                continue
            spec = _spec_at(spans, d)
            since = _since(project, d, spec)
            item = _item(d, site, _page_of(project, site, spec))
            item["since"] = shown_day(since, words) if since else None
            item["subject"] = _subject(project, site, spec)
            problems.append((since or today, item))
        problems.sort(key=lambda p: -p[0].toordinal())  # stable: ties keep the report's order
        out.append(
            {
                "question": words.gettext(question),
                "rules": [{"code": code, "off": code in turned_off} for code in codes],
                "checked": not set(codes) <= turned_off,
                "note": _note(project, codes, words),
                "problems": [item for _, item in problems],
            }
        )
    return out


def _note(project: Project, codes: tuple[str, ...], words: Words) -> str | None:
    """Which categories PRG004 asks for, and which of the playbook's it does not (by the setting).
    The categories are spec values: listed as written."""
    if "PRG004" not in codes:
        return None
    required = list(dict.fromkeys(project.settings.required_program_categories))
    playbook = Settings().required_program_categories  # the default: the playbook's mini-audit
    skipped = [c for c in playbook if c not in required]
    if required:
        note = words.gettext("Required: %(categories)s.", categories=", ".join(required))
    else:
        note = words.gettext("No category is required.")
    if skipped:
        more = words.gettext(
            "Not required here (required_program_categories), though the playbook asks for: %(categories)s.",
            categories=", ".join(skipped),
        )
        note = f"{note} {more}"  # two whole sentences
    return note


def _since(project: Project, d: Diagnostic, spec: specs.Spec | None) -> _dt.date | None:
    """When the problem began, where the model knows: a review's due date, the day an owner left."""
    if d.code == "STACK001":  # (v2) the day the tool's review window opened
        return due_since(project, d.location)
    if not isinstance(spec, specs.ProgramSpec):
        return None
    if d.code == "PRG002":
        return review_status(project, spec).due
    if d.code == "TEAM001":
        for i, pid in enumerate(specs.owner_ids(spec.owner)):  # an either-of owner: at its item
            at = ("owner",) if isinstance(spec.owner, str) else ("owner", i)
            person = project.people.get(pid)
            if d.location == project.loc(spec, *at) and person is not None and person.left_on:
                return _dt.date.fromisoformat(person.left_on)
    return None


def _subject(project: Project, site: SiteContext, spec: specs.Spec | None) -> dict[str, Any] | None:
    """The program, lifecycle or RACI matrix a diagnostic is in: its name, and its page if any."""
    entity = _entity(project, spec)
    if entity is None:
        return None
    return {"name": entity.name, "path": _page_of(project, site, entity)}


# --------------------------------------------------------------------------- where a diagnostic is


def _spans(project: Project) -> Spans:
    out: Spans = {}
    for doc, spec in project.documents:
        out.setdefault(doc.path, []).append((doc.locate(()).line, spec))
    for entries in out.values():
        entries.sort(key=lambda e: e[0])
    return out


def _spec_at(spans: Spans, d: Diagnostic) -> specs.Spec | None:
    """The spec of the last document starting at or before the diagnostic (a file may hold several)."""
    found = None
    for start, spec in spans.get(d.location.path, []):
        if start <= d.location.line:
            found = spec
    return found


def _entity(
    project: Project, spec: specs.Spec | None
) -> specs.LifecycleSpec | specs.RaciSpec | specs.ProgramSpec | None:
    # Only entities that made it into the project count (a duplicate id is left out).
    if isinstance(spec, specs.LifecycleSpec) and project.lifecycles.get(spec.id) is spec:
        return spec
    if isinstance(spec, specs.RaciSpec) and project.racis.get(spec.id) is spec:
        return spec
    if isinstance(spec, specs.ProgramSpec) and project.programs.get(spec.id) is spec:
        return spec
    return None


def _page_of(project: Project, site: SiteContext, spec: specs.Spec | None) -> str | None:
    if isinstance(spec, specs.StackSpec) and project.stacks.get(spec.id) is spec and site.has_family("stack"):
        return STACK_PAGE  # (v2)
    entity = _entity(project, spec)
    if isinstance(entity, specs.LifecycleSpec):
        return lifecycle_path(entity.id)
    if isinstance(entity, specs.RaciSpec) and site.has_family("raci"):
        return raci_path(entity.id)
    if isinstance(entity, specs.ProgramSpec) and site.has_family("programs"):
        return program_path(entity.id)
    if isinstance(entity, specs.BacklogSpec) and site.has_family("backlog"):
        return backlog_path(entity.id)  # (v2)
    return None
