"""CH001-005: channels have a success, sound steps, the roles events need and responded CRM statuses.

A channel's statuses are what every program of the channel progresses members through; the CRM
campaign-member statuses they sync to must match by name. The facts (CRM status, peers on a step,
the channel vocabulary) come from `mopsdocs.channel_model`, shared with the site.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..channel_model import EVENT_ROLES, EVENT_TYPES, channel_vocabulary, crm_of, is_valid_step
from ..diagnostics import Diagnostic
from ..project import Project
from .registry import rule


@rule("CH001", "error", "channel without a success status")
def check_success(project: Project) -> Iterator[Diagnostic]:
    """
    No status of the channel has `success: true`. Marketo counts a program's successes (and
    reports, attribution and the CRM's responded flag follow them) from the statuses marked
    success: a channel without one can never show a program working.

    Silent while a status has an error of its own (SPEC004): it may be the success one.

    Fix: mark the status that means the program did its job (Attended, Engaged, Clicked)
    `success: true`. Example:
    `specs/channels/email.yaml:5:1: error[CH001]: channel 'email' has no success status`
    """
    for cid in sorted(project.channels):
        channel = project.channels[cid]
        if project.had_error(channel, "statuses") or not channel.statuses:
            continue
        if not any(s.success for s in channel.statuses):
            yield project.diag(
                "CH001",
                f"channel '{cid}' has no success status",
                channel,
                "statuses",
                key=True,
                hint="add `success: true` to the status that means the program worked",
            )


@rule("CH002", "error", "duplicate status name or step that is not a positive whole number")
def check_statuses(project: Project) -> Iterator[Diagnostic]:
    """
    Two statuses of a channel have the same name (letter case aside), or a status' `step` is
    zero or negative (a step that is not a whole number, such as 2.5, is SPEC004). Marketo numbers a channel's steps 1, 2, 3...; names are how
    members, smart lists and the CRM sync find a status, so a second one with the same name is
    unreachable.

    Equal steps are fine (people may switch between those statuses, e.g. Registered and
    Waitlisted), and so is a status listed after one with a higher step: the progression is
    drawn by step.

    Fix: rename or remove the second status; give every status a step of 1 or more. Example:
    `specs/channels/webinar.yaml:9:12: error[CH002]: channel 'webinar' has two statuses named 'registered' (first at line 7)`
    """
    for cid in sorted(project.channels):
        channel = project.channels[cid]
        first: dict[str, int] = {}
        for i, status in enumerate(channel.statuses):
            key = status.name.casefold()
            if key in first:
                line = project.loc(channel.statuses[first[key]], "name").line
                yield project.diag(
                    "CH002",
                    f"channel '{cid}' has two statuses named '{status.name}' (first at line {line})",
                    status,
                    "name",
                    hint="status names must be unique in a channel: rename or remove one",
                )
            else:
                first[key] = i
            if not is_valid_step(status.step):
                yield project.diag(
                    "CH002",
                    f"step {status.step} of status '{status.name}' is not a positive whole number",
                    status,
                    "step",
                    hint="steps are 1, 2, 3...; statuses on the same step let people switch between them",
                )


@rule("CH003", "warning", "channel code and channel vocabulary disagree")
def check_codes(project: Project) -> Iterator[Diagnostic]:
    """
    A channel's `code` is not a code of the channel vocabulary (the naming vocabulary named by the
    `channel_vocabulary` setting, default `channel`), or, once any channel is documented, a code
    of that vocabulary has no channel. Program names carry the channel code, so the vocabulary
    and the platform's channels must list the same channels: otherwise names are built for a
    channel that does not exist, or a channel has no code to name its programs with.

    A `retired` code needs no channel (its channel is gone; names with it get NAME006).
    Silent when the project has no such vocabulary, and about missing channels while a channel
    spec has an error of its own or a file is cut short by a YAML error.

    Fix: correct the code, add the code to the vocabulary, or document the missing channel.
    Examples:
    `specs/channels.yaml:4:7: warning[CH003]: code 'WEB' of channel 'webinar' is not in vocabulary 'channel'`
    `specs/naming.yaml:8:16: warning[CH003]: code 'EVT' of vocabulary 'channel' has no channel`
    """
    vocab = channel_vocabulary(project)
    if vocab is None or not project.channels:
        return
    codes = {v.code for v in vocab.values}
    current = {v.code for v in vocab.values if not v.retired}  # what a hint offers
    for cid in sorted(project.channels):
        channel = project.channels[cid]
        if channel.code is not None and channel.code not in codes:
            yield project.diag(
                "CH003",
                f"code '{channel.code}' of channel '{cid}' is not in vocabulary '{vocab.id}'",
                channel,
                "code",
                hint=f"use one of its codes ({', '.join(sorted(current))}) or add '{channel.code}' to it",
            )
    if project.unparsed_source("channel") is not None:
        return  # a file cut short by a YAML error may hold the channel
    used = {c.code for c in project.channels.values()}
    used |= {raw.get("code") for (ns, _), raw in project.ghosts.items() if ns == "channel"}
    for value in vocab.values:
        if value.code not in used and not value.retired:  # a retired code's channel is gone (NAME006)
            yield project.diag(
                "CH003",
                f"code '{value.code}' of vocabulary '{vocab.id}' has no channel",
                value,
                "code",
                hint=f"add a channel spec with `code: {value.code}`, or remove the code if the channel is gone",
            )


@rule("CH004", "error", "event channel without registered, waitlisted and attended statuses")
def check_event_roles(project: Project) -> Iterator[Diagnostic]:
    """
    A channel of `program_type` `event` or `event-with-webinar` has no status with `role:
    registered`, `waitlisted` or `attended`. Marketo's event programs (and webinar connectors)
    move people through those three; an event channel must map each to one of its statuses.

    Silent while a status has an error of its own (SPEC004): it may carry the role.

    Fix: add `role:` to the statuses that mean registered, waitlisted and attended. Example:
    `specs/channels/event.yaml:4:15: error[CH004]: event channel 'event' has no status with role 'waitlisted'`
    """
    for cid in sorted(project.channels):
        channel = project.channels[cid]
        if channel.program_type not in EVENT_TYPES or project.had_error(channel, "statuses"):
            continue
        roles = {s.role for s in channel.statuses}
        missing = [role for role in EVENT_ROLES if role not in roles]
        if not missing:
            continue
        quoted = [f"'{role}'" for role in missing]
        words = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
        yield project.diag(
            "CH004",
            f"event channel '{cid}' has no status with role{'s' if len(missing) > 1 else ''} {words}",
            channel,
            "program_type",
            hint="an event program maps registered, waitlisted and attended: add `role:` to those statuses",
        )


@rule("CH005", "warning", "success status not responded in the CRM")
def check_responded(project: Project) -> Iterator[Diagnostic]:
    """
    A status marked `success: true` does not sync to a CRM campaign-member status with
    `responded: true` (its `crm` is missing, a bare name, or says `responded: false`). Salesforce
    counts responses from the member status' Responded flag: a success in Marketo that is not a
    response in the CRM makes the two systems' campaign results disagree.

    Fix: write `crm: {status: <CRM status>, responded: true}` for the status. Example:
    `specs/channels/webinar.yaml:7:51: warning[CH005]: success status 'Attended' of channel 'webinar' is not a responded CRM status`
    """
    for cid in sorted(project.channels):
        channel = project.channels[cid]
        for status in channel.statuses:
            if not status.success or project.had_error(status, "crm"):
                continue
            crm = crm_of(status)
            if crm is None or not crm.responded:
                where = ("crm",) if status.crm is not None else ("success",)
                yield project.diag(
                    "CH005",
                    f"success status '{status.name}' of channel '{cid}' is not a responded CRM status",
                    status,
                    *where,
                    hint=f"write `crm: {{status: {crm.status if crm else status.name}, responded: true}}`",
                )
