"""`changes/`: the semantic changelog from git history, and each entity page's "last changed".

The history is read once per loaded project (`mopsdocs.history.changelog`, cached per commit
outside the repository). With no git, or outside a repository, the page says so and nothing else
is affected; a shallow clone says that the history is incomplete and how to fetch it. The page
holds no build date: the same history gives the same page, byte for byte.

Every entity's page ends with when it last changed (`changes_last.md.j2`): `site.generate` adds
`last_change()` to each page `footers()` names, whatever its template (not every page template
includes `page_footer.md.j2`).

The page is in the site's language: entity kinds and the specs' nouns ("stage", "activity") as
words of that language where they are known, months and days in its form; ids, keys, field names,
values, commit subjects and authors as written.
"""

from __future__ import annotations

import datetime as _dt
import weakref
from collections.abc import Callable
from itertools import groupby
from typing import Any

from ...history.changelog import Changelog, Entry, changelog
from ...history.output import value
from ...history.phrases import Phrase, phrases
from ...i18n import N_, SOURCE_LANGUAGE, Words
from ...project import Project
from ..context import SiteContext
from ..pages import (
    STACK_PAGE,
    Page,
    backlog_path,
    channel_path,
    convention_path,
    lifecycle_path,
    party_path,
    program_path,
    raci_path,
    review_path,
    scoring_path,
)
from .health import shown_day

CHANGES = "changes.md"
TEMPLATE = "changes.md.j2"
LAST_TEMPLATE = "changes_last.md.j2"
ORDER = 990  # just before the health page

# entity kind -> (the family of its page, its page, the Project table it is in): the pages
# "last changed" is shown on and the changelog links to; a kind not listed here (yet) is listed
# in the changelog without a link
ENTITY_PAGES: dict[str, tuple[str, Callable[[str], str], str]] = {
    "lifecycle": ("lifecycle", lifecycle_path, "lifecycles"),
    "raci": ("raci", raci_path, "racis"),
    "program": ("programs", program_path, "programs"),
    "channel": ("channels", channel_path, "channels"),
    "scoring": ("scoring", scoring_path, "scorings"),
    "convention": ("naming", convention_path, "conventions"),
    "team": ("people", party_path, "parties"),
    "role": ("people", party_path, "parties"),
    "person": ("people", party_path, "parties"),
    "queue": ("people", party_path, "parties"),
    "stack": ("stack", lambda _id: STACK_PAGE, "stacks"),
    "backlog": ("backlog", backlog_path, "backlogs"),
    "review": ("reviews", review_path, "reviews"),
}

# entity kinds and the nouns of the specs' keyed lists (`history.follows.singular` of the list's
# key) as words, translated where shown; a noun not listed here is shown as the specs write it
KIND_WORDS = {
    "lifecycle": N_("lifecycle"),
    "raci": N_("raci"),
    "program": N_("program"),
    "channel": N_("channel"),
    "scoring": N_("scoring"),
    "convention": N_("convention"),
    "vocabulary": N_("vocabulary"),
    "team": N_("team"),
    "role": N_("role"),
    "person": N_("person"),
    "queue": N_("queue"),
    "stack": N_("stack"),
    "backlog": N_("backlog"),
    "review": N_("review"),
}
NOUN_WORDS = {
    **KIND_WORDS,
    "activity": N_("activity"),
    "field": N_("field"),
    "goal": N_("goal"),
    "integration": N_("integration"),
    "item": N_("item"),
    "link": N_("link"),
    "reason": N_("reason"),
    "rule": N_("rule"),
    "score": N_("score"),
    "stage": N_("stage"),
    "status": N_("status"),
    "threshold": N_("threshold"),
    "tool": N_("tool"),
    "transition": N_("transition"),
    "trigger": N_("trigger"),
    "value": N_("value"),
}

_last: tuple[weakref.ref[Project], Changelog] | None = None


def history(project: Project) -> Changelog:
    """The project's changelog, read once per loaded project (the page and the footers share it)."""
    global _last
    if _last is not None and _last[0]() is project:
        return _last[1]
    log = changelog(project.root, project.settings.specs_dir)
    _last = (weakref.ref(project), log)
    return log


def pages(project: Project, site: SiteContext) -> list[Page]:
    log = history(project)
    words = site.words
    context = {
        "available": log.available,
        "problem": log.problem,
        "shallow": log.shallow,
        "truncated": _commit(log.truncated_at, site) if log.truncated_at else None,
        "months": [
            {"month": _month(month, words), "entries": [_entry(e, project, site) for e in entries]}
            for month, entries in groupby(log.entries, key=lambda e: e.day[:7])
        ],
    }
    return [Page(path=CHANGES, title=words.gettext("Changes"), template=TEMPLATE, context=context, order=ORDER)]


def _month(month: str, words: Words) -> str:
    """A month heading: "2024-01" on an English site (as before), "janvier 2024" otherwise."""
    if words.code == SOURCE_LANGUAGE:
        return month
    from babel.dates import format_date

    return str(format_date(_dt.date.fromisoformat(month + "-01"), format="LLLL y", locale=words.code))


def _day(day: str, words: Words) -> str:
    """A commit's day (YYYY-MM-DD) as the site's pages show days (`health.shown_day`)."""
    try:
        return shown_day(_dt.date.fromisoformat(day), words)
    except ValueError:  # a date git wrote in a form we do not read: as it is
        return day


def footers(project: Project, site: SiteContext) -> dict[str, dict[str, Any]]:
    """Page path -> the newest commit that changed the entity shown there (for the page footer)."""
    if not site.has_family("changes"):
        return {}
    out: dict[str, dict[str, Any]] = {}
    for entry in history(project).entries:  # newest first: the first change of a page is its last
        for change in entry.changes:
            path = _page(change.kind, change.id, project, site)
            if path is not None and path not in out:
                out[path] = {**_commit(entry.commit, site), "changes": CHANGES, "anchor": _anchor(entry)}
    return out


def last_change(page: Page, change: dict[str, Any], site: SiteContext) -> str:
    """The note added at the end of an entity's page (`changes_last.md.j2`)."""
    from ..render import render_page

    return render_page(Page(page.path, page.title, LAST_TEMPLATE, {"last_change": change}), site)


def _page(kind: str, entity_id: str, project: Project, site: SiteContext) -> str | None:
    known = ENTITY_PAGES.get(kind)
    if known is None or not site.has_family(known[0]):
        return None
    _, path, table = known
    return path(entity_id) if entity_id in getattr(project, table, {}) else None


def _anchor(entry: Entry) -> str:
    return f"commit-{entry.commit.sha[:12]}"


def _commit(commit: Any, site: SiteContext) -> dict[str, Any]:
    url = None
    if site.repo_url and any(host in site.repo_url for host in ("github", "gitlab", "gitea", "codeberg")):
        url = f"{site.repo_url.rstrip('/')}/commit/{commit.sha}"
    return {
        "sha": commit.sha,
        "short": commit.sha[:7],
        "date": commit.date[:10],
        "day": _day(commit.date[:10], site.words),
        "author": commit.author,
        "subject": commit.subject,
        "url": url,
    }


def _entry(entry: Entry, project: Project, site: SiteContext) -> dict[str, Any]:
    """A commit: entities added or removed whole (listed by kind), then the others' changes."""
    words = site.words
    entities = []
    whole: dict[str, dict[str, list[dict[str, Any]]]] = {"added": {}, "removed": {}}
    for (kind, entity_id), group in groupby(entry.changes, key=lambda c: (c.kind, c.id)):
        changes = list(group)
        ref = {
            "kind": kind,
            "kind_word": _word(KIND_WORDS, kind, words),
            "id": entity_id,
            "name": changes[0].name,
            "page": _page(kind, entity_id, project, site),
        }
        if len(changes) == 1 and not changes[0].path:
            whole[changes[0].op].setdefault(kind, []).append(ref)
        else:
            entities.append({**ref, "changes": [_phrase(p, words) for p in phrases(changes)]})
    return {
        **_commit(entry.commit, site),
        "anchor": _anchor(entry),
        "added": [
            {"kind": k, "kind_word": _word(KIND_WORDS, k, words), "entities": v} for k, v in whole["added"].items()
        ],
        "removed": [
            {"kind": k, "kind_word": _word(KIND_WORDS, k, words), "entities": v} for k, v in whole["removed"].items()
        ],
        "entities": entities,
    }


def _word(table: dict[str, str], term: str, words: Words) -> str:
    """A spec term as a word of the site's language, or as written when it has none."""
    return words.gettext(table[term]) if term in table else term


def _phrase(p: Phrase, words: Words) -> dict[str, Any]:
    return {
        "form": p.form,
        "inside": [{"noun": noun, "noun_word": _word(NOUN_WORDS, noun, words), "key": key} for noun, key in p.items],
        "field": p.keys,
        "before": _shown(p.before, words),
        "after": _shown(p.after, words),
        "letter": p.letter,
        "named": p.named,
    }


def _shown(v: Any, words: Words) -> Any:
    """Booleans and nothing stay as they are (the template words them); the rest as `diff` shows it."""
    return v if v is None or isinstance(v, bool) else value(v, words)


__all__ = ["CHANGES", "ENTITY_PAGES", "footers", "history", "last_change", "pages"]
