"""DRIFT001-006 and AUDIT001-008: the specs against the platforms' exports, and the mini-audit.

Drift rules say where the documentation and the platform disagree; audit rules answer the
playbook's mini-audit of the instance from what the exports hold. A diagnostic about what the
team documented points into the spec; one about what the platform holds points into the export
(a CSV row's physical line and cell column, a JSON object's key). Each rule speaks only when the
exports it needs were read: no export, no finding.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import specs
from ..diagnostics import Diagnostic
from ..exports.model import ChannelStatus, PlatformChannel, Where
from .context import Audit
from .registry import audit_rule
from .similar import loose, similar_pairs

# The naming explainer remembers alignments across names (`CompiledConvention.memo`): on 100,000
# exported names that memory would outgrow the exports themselves, so it is dropped past this size.
EXPLAIN_MEMO_LIMIT = 20_000
NOT_IN_PROGRAM, NOT_IN_PROGRAM_STEP = "not in program", 0  # Marketo's own status: not compared


def _quoted(values: list[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)


# --------------------------------------------------------------------------- drift: programs


@audit_rule("DRIFT001", "error", "a documented program is in no export of its system")
def drift_missing_program(audit: Audit) -> Iterator[Diagnostic]:
    """
    An operational program's `asset_name` is not the name of any program, smart campaign,
    Salesforce campaign or HubSpot workflow in the exports of its `systems` (every system read,
    when it names none). Only systems whose program or campaign listing was read are compared: a
    missing export is no evidence. Draft and retired programs are not looked for. A name found
    only with other letter case is reported too, with the platform's spelling as the hint: the
    spec must say what the platform says.

    Fix: correct `asset_name`, export the listing again, or mark the program `retired`. Example:
    `specs/programs/bounces.yaml:4:13: error[DRIFT001]: asset name 'OPS_Email_Bounces' of program 'bounces' is in no marketo export read`
    """
    for pid in sorted(audit.project.programs):
        program = audit.project.programs[pid]
        name = program.asset_name
        if name is None or program.status in ("draft", "retired") or audit.project.had_error(program, "asset_name"):
            continue
        systems = audit.program_systems(program)
        if not systems:
            continue
        matches = [m for m in (audit.find_asset(name, s) for s in systems) if m is not None]
        if any(m.exact for m in matches):
            continue
        if matches:
            found = matches[0].asset
            yield audit.at_spec(
                "DRIFT001",
                f"asset name '{name}' of program '{pid}' is in no {found.system} export as written: "
                f"'{found.name}' differs in letter case ({audit.where_text(found.at)})",
                program,
                "asset_name",
                hint=f"write asset_name: '{found.name}', as the platform has it",
            )
            continue
        yield audit.at_spec(
            "DRIFT001",
            f"asset name '{name}' of program '{pid}' is in no {' or '.join(systems)} export read",
            program,
            "asset_name",
            hint="correct asset_name, or mark the program retired if it is gone from the platform",
        )


@audit_rule("DRIFT002", "warning", "a documented program's status differs from the platform's")
def drift_status(audit: Audit) -> Iterator[Diagnostic]:
    """
    A program documented `active` is off or inactive in the platform, or one documented
    `paused` or `retired` is active there. What the platform says: a Marketo engagement
    program's `status` (on/off); otherwise whether any of the program's smart campaigns is active
    (when the campaigns were exported), or the smart campaign, Salesforce campaign or HubSpot
    workflow of that name. Silent when the platform does not say.

    Fix: change the spec's `status`, or turn the program on or off in the platform. Example:
    `specs/programs/nurture.yaml:6:9: warning[DRIFT002]: program 'nurture' is documented active but is off in marketo (exports/programs.json:9:7)`
    """
    for pid in sorted(audit.project.programs):
        program = audit.project.programs[pid]
        name = program.asset_name
        if name is None or program.status == "draft" or audit.project.had_error(program, "status"):
            continue
        for system in audit.program_systems(program):
            match = audit.find_asset(name, system)
            if match is None or match.asset.active is None:
                continue
            active = match.asset.active
            where = audit.where_text(match.asset.at)
            if program.status == "active" and not active:
                yield audit.at_spec(
                    "DRIFT002",
                    f"program '{pid}' is documented active but is off in {system} ({where})",
                    program,
                    "status",
                    hint="turn it on in the platform, or document it as paused or retired",
                )
            elif program.status in ("paused", "retired") and active:
                yield audit.at_spec(
                    "DRIFT002",
                    f"program '{pid}' is documented {program.status} but is active in {system} ({where})",
                    program,
                    "status",
                    hint="turn it off in the platform, or document it as active",
                )


# --------------------------------------------------------------------------- drift: lifecycle statuses


def stage_value(stage: specs.Stage, platform: str) -> tuple[str, tuple[str, ...]] | None:
    """A stage's status value for `platform` and where it is written (`values.<platform>`, or
    `values.<platform>.status` for a mapping of fields)."""
    value = stage.values.get(platform)
    if isinstance(value, str):
        return value, ("values", platform)
    if isinstance(value, dict) and isinstance(value.get("status"), str):
        return value["status"], ("values", platform, "status")
    return None


def platform_statuses(audit: Audit, platform: str) -> dict[str, tuple[str, Where]] | None:
    """Status values a platform's export defines: casefolded value -> (as written, where);
    None when no such export was read. Salesforce: LeadStatus labels and API names; HubSpot:
    the options (labels and internal values) of the properties read."""
    out: dict[str, tuple[str, Where]] = {}
    if platform == "salesforce":
        if not audit.exports.read("salesforce-lead-status"):
            return None
        for status in audit.exports.lead_statuses:
            for value in (status.label, status.api_name):
                if value:
                    out.setdefault(value.casefold(), (status.label, status.at))
        return out
    if platform == "hubspot":
        if not audit.exports.read("hubspot-property"):
            return None
        for prop in audit.exports.hubspot_properties:
            for option in prop.options:
                for value in (option.label, option.value):
                    if value:
                        out.setdefault(value.casefold(), (option.label, option.at))
        return out
    return None


STATUS_PLATFORMS = ("salesforce", "hubspot")


def compared_lifecycles(audit: Audit, platform: str) -> list[specs.LifecycleSpec]:
    """The lifecycles held against a platform's status export: those with a stage value that
    export defines (a lifecycle of another object, such as opportunities, is not); the only
    lifecycle with values for the platform when none has one."""
    statuses = platform_statuses(audit, platform)
    if statuses is None:
        return []
    with_values = []
    for lid in sorted(audit.project.lifecycles):
        lifecycle = audit.project.lifecycles[lid]
        values = [v for s in lifecycle.stages if (v := stage_value(s, platform)) is not None]
        if values:
            with_values.append((lifecycle, any(v[0].casefold() in statuses for v in values)))
    matching = [lc for lc, hit in with_values if hit]
    if matching:
        return matching
    return [with_values[0][0]] if len(with_values) == 1 else []


@audit_rule("DRIFT003", "warning", "a stage's platform value is not a status the platform defines")
def drift_stage_value(audit: Audit) -> Iterator[Diagnostic]:
    """
    A stage's `values.salesforce` (or its `status`) is not a Lead Status of the Salesforce
    LeadStatus export, or its `values.hubspot` is no option of the HubSpot properties exported
    (`lifecyclestage`, `hs_lead_status`). A value that differs only in letter case is reported
    with the platform's spelling. Only lifecycles that use that export are compared (one of
    their values is in it): an opportunity lifecycle is not held against lead statuses.

    Fix: write the value as the platform has it, or add the status to the platform's picklist.
    Example:
    `specs/lifecycle.yaml:6:77: warning[DRIFT003]: stage 'mql' of lifecycle 'lead' has salesforce value 'Marketing Qualified', which the salesforce export does not define`
    """
    for platform in STATUS_PLATFORMS:
        statuses = platform_statuses(audit, platform)
        if statuses is None:
            continue
        for lifecycle in compared_lifecycles(audit, platform):
            for stage in lifecycle.stages:
                found = stage_value(stage, platform)
                if found is None or audit.project.had_error(stage, "values"):
                    continue
                value, at = found
                if _defines_exactly(audit, platform, value):
                    continue
                known = statuses.get(value.casefold())
                if known is not None:
                    yield audit.at_spec(
                        "DRIFT003",
                        f"stage '{stage.id}' of lifecycle '{lifecycle.id}' has {platform} value '{value}', "
                        f"which {platform} writes '{known[0]}' ({audit.where_text(known[1])})",
                        stage,
                        *at,
                        hint=f"write '{known[0]}', as the platform has it",
                    )
                    continue
                choices = sorted({v for v, _ in statuses.values()})
                yield audit.at_spec(
                    "DRIFT003",
                    f"stage '{stage.id}' of lifecycle '{lifecycle.id}' has {platform} value '{value}', "
                    f"which the {platform} export does not define",
                    stage,
                    *at,
                    hint=f"its statuses are {_quoted(choices[:12])}" + (", ..." if len(choices) > 12 else ""),
                )


def _defines_exactly(audit: Audit, platform: str, value: str) -> bool:
    """An API name or internal value written exactly (`marketingqualifiedlead`) is fine too."""
    if platform == "salesforce":
        return any(value in (s.label, s.api_name) for s in audit.exports.lead_statuses)
    return any(value in (o.label, o.value) for p in audit.exports.hubspot_properties for o in p.options)


@audit_rule("DRIFT004", "warning", "a status the platform defines is documented by no stage")
def drift_undocumented_status(audit: Audit) -> Iterator[Diagnostic]:
    """
    A Lead Status of the Salesforce export, or a visible option of an exported HubSpot property,
    is the value of no stage of the lifecycles compared with that export (see DRIFT003). Records
    can sit in that status and the documentation does not say what it means or who works it.
    HubSpot options marked hidden are not asked for.

    Fix: document the status as a stage (or a stage's value), or retire it in the platform.
    Example:
    `exports/lead-status-report.csv:4:1: warning[DRIFT004]: salesforce status 'Nurture' is documented by no stage of lifecycle 'lead'`
    """
    for platform in STATUS_PLATFORMS:
        lifecycles = compared_lifecycles(audit, platform)
        if not lifecycles:
            continue
        documented: set[str] = set()
        for lifecycle in lifecycles:
            for stage in lifecycle.stages:
                found = stage_value(stage, platform)
                if found is not None:
                    documented.add(found[0].casefold())
        names = " or ".join(f"'{lc.id}'" for lc in lifecycles)
        plural = "s" if len(lifecycles) > 1 else ""
        if platform == "salesforce":
            items = [(s.label, s.api_name, s.at) for s in audit.exports.lead_statuses]
        else:
            options = [o for p in audit.exports.hubspot_properties for o in p.options if not o.hidden]
            items = [(o.label, o.value, o.at) for o in options]
        seen: set[str] = set()
        for label, other, at in items:
            key = label.casefold()
            if key in seen or key in documented or (other and other.casefold() in documented):
                continue
            seen.add(key)
            yield audit.at_export(
                "DRIFT004",
                f"{platform} status '{label}' is documented by no stage of lifecycle{plural} {names}",
                at,
                hint=f"add a stage with `values: {{{platform}: {label}}}`, or retire the status in {platform}",
            )


# --------------------------------------------------------------------------- drift: channels


def _compared_statuses(channel: PlatformChannel) -> list[ChannelStatus]:
    return [s for s in channel.statuses if not (s.step == NOT_IN_PROGRAM_STEP and s.name.casefold() == NOT_IN_PROGRAM)]


@audit_rule("DRIFT005", "warning", "the platform's channels and the channel specs differ")
def drift_channels(audit: Audit) -> Iterator[Diagnostic]:
    """
    Channels are matched by name (letter case aside) between the channels export and the channel
    specs. Reported: a channel in the platform that no spec describes (at the export), a channel
    spec that the platform does not have (at the spec), a program type that differs, and, status
    by status, a status missing on either side or whose step or success differs. Marketo's own
    "Not in Program" (step 0) is not compared. Silent without a channels export, and about
    channels missing in the specs when no channel spec exists (nothing is documented yet: that
    is what `mopsdocs import` drafts).

    Fix: update the channel spec from the platform (or the platform from the spec). Example:
    `specs/channels/webinar.yaml:8:28: warning[DRIFT005]: status 'Attended' of channel 'webinar' is step 40 in the platform, 30 here (exports/channels.json:34:11)`
    """
    if not audit.exports.read("marketo-channels"):
        return
    platform = audit.platform_channels
    documented = audit.spec_channels
    if documented:
        seen: set[str] = set()
        for channel in audit.exports.channels:
            key = channel.name.casefold()
            if key in documented or key in seen:
                continue
            seen.add(key)
            yield audit.at_export(
                "DRIFT005",
                f"channel '{channel.name}' is in the platform but no channel spec describes it",
                channel.at,
                hint="document it (mopsdocs import drafts a spec from this export), or delete it in the platform",
            )
    for key, spec in documented.items():
        if audit.project.had_error(spec, "name"):
            continue
        found = platform.get(key)
        if found is None:
            yield audit.at_spec(
                "DRIFT005",
                f"channel '{spec.id}' ('{spec.name}') is not in the platform's channels",
                spec,
                "name",
                hint="correct the name to the platform's, or create the channel in the platform",
            )
            continue
        yield from _channel_differences(audit, spec, found)


def _channel_differences(audit: Audit, spec: specs.ChannelSpec, found: PlatformChannel) -> Iterator[Diagnostic]:
    where = audit.where_text(found.at)
    if found.kind is not None and found.kind != spec.program_type and not audit.project.had_error(spec, "program_type"):
        yield audit.at_spec(
            "DRIFT005",
            f"channel '{spec.id}' is for {found.kind} programs in the platform, {spec.program_type} here ({where})",
            spec,
            "program_type",
            hint=f"write program_type: {found.kind}, as the platform has it",
        )
    if audit.project.had_error(spec, "statuses"):
        return
    theirs = {s.name.casefold(): s for s in _compared_statuses(found)}
    ours = {s.name.casefold() for s in spec.statuses}
    for status in spec.statuses:
        other = theirs.get(status.name.casefold())
        if other is None:
            yield audit.at_spec(
                "DRIFT005",
                f"status '{status.name}' of channel '{spec.id}' is not in the platform's channel ({where})",
                status,
                "name",
                hint="remove it, or add it to the channel in the platform",
            )
            continue
        at = audit.where_text(other.at)
        if other.step is not None and other.step != status.step:
            yield audit.at_spec(
                "DRIFT005",
                f"status '{status.name}' of channel '{spec.id}' is step {other.step} in the platform, "
                f"{status.step} here ({at})",
                status,
                "step",
                hint=f"write step: {other.step}, as the platform has it",
            )
        if other.success != status.success:
            said = "a success" if other.success else "not a success"
            yield audit.at_spec(
                "DRIFT005",
                f"status '{status.name}' of channel '{spec.id}' is {said} in the platform ({at})",
                status,
                "success" if "success" in status.model_fields_set else "name",
                hint=f"write success: {'true' if other.success else 'false'}, as the platform has it",
            )
    for other in _compared_statuses(found):
        if other.name.casefold() not in ours:
            yield audit.at_export(
                "DRIFT005",
                f"status '{other.name}' of channel '{found.name}' is in the platform but not in channel '{spec.id}'",
                other.at,
                hint=f"add it to the channel spec: {{name: {other.name}, step: {other.step}}}",
            )


# --------------------------------------------------------------------------- drift: names


@audit_rule("DRIFT006", "warning", "an exported asset name does not conform to its convention")
def drift_names(audit: Audit) -> Iterator[Diagnostic]:
    """
    An asset name from the exports does not conform to a convention that governs it: one whose
    `applies_to` lists the asset's type and whose `systems` include the asset's system (or that
    has no `systems`). Types: Marketo programs are `program` (`operational-program` when a
    program spec documents that asset name), smart campaigns `smart-campaign`, folders `folder`,
    Salesforce campaigns `program` in `salesforce`; a names export has the type and system its
    `exports:` entry gives (`asset:`, `system:`), and without them must conform to one of the
    conventions. Programs in archive folders, and archive folders, are not judged (they keep their
    old names). The
    hint is the conforming name when one can be derived.

    Fix: rename the asset in the platform. Example:
    `exports/programs.json:45:7: warning[DRIFT006]: '2026-11_Webinar_Launch' does not conform to convention 'program' ({date}_{channel}_{name}): channel: 'Webinar' is the label of channel code WBN: use WBN`
    """
    from ..naming.catalogue import compile_all
    from ..naming.explain import explain

    compiled = [(cid, c) for cid, (c, _) in compile_all(audit.project).items() if c is not None]
    if not compiled:
        return
    documented = audit.documented_asset_names
    for name, system, asset, at in _exported_names(audit, documented):
        governing = [
            (cid, c)
            for cid, c in compiled
            if (asset is None or asset in c.applies_to) and (system is None or _governs(c.systems, system))
        ]
        if not governing:
            continue
        if asset is None:  # a bare names list: conforming to any convention is enough
            if any(c.is_valid(name) for _, c in governing):
                continue
            governing = governing[:1]
        for cid, conv in governing:
            if conv.is_valid(name):
                continue
            verdict = explain(conv, name)
            if sum(len(v) for v in conv.memo.values() if isinstance(v, dict)) > EXPLAIN_MEMO_LIMIT:
                conv.memo.clear()  # the explainer's caches across names: caches, kept within bounds
                for compiled_field in conv.fields.values():
                    compiled_field.scores.clear()
            reasons = "; ".join(f"{p.field}: {p.message}" if p.field else p.message for p in verdict.problems[:3])
            yield audit.at_export(
                "DRIFT006",
                f"'{name}' does not conform to convention '{cid}' ({conv.template.source})"
                + (f": {reasons}" if reasons else ""),
                at,
                hint=f"rename it to '{verdict.suggestion}'" if verdict.suggestion else None,
            )


def _governs(systems: tuple[str, ...], system: str) -> bool:
    return not systems or system.casefold() in {s.casefold() for s in systems}


def _exported_names(
    audit: Audit, documented: dict[str, specs.ProgramSpec]
) -> Iterator[tuple[str, str | None, str | None, Where]]:
    for p in audit.exports.programs:
        if p.name and not audit.archived(p):
            yield p.name, p.system, "operational-program" if p.name.casefold() in documented else "program", p.at
    for c in audit.exports.campaigns:
        if c.name and not c.system_campaign:
            yield c.name, c.system, "smart-campaign", c.at
    archived = audit.archive_folder_ids
    for f in audit.exports.folders:
        if f.name and not f.system_folder and f.id not in archived:
            yield f.name, f.system, "folder", f.at
    for s in audit.exports.sf_campaigns:
        if s.name:
            yield s.name, s.system, "program", s.at
    for n in audit.exports.names:
        if n.name:
            yield n.name, n.system, n.asset, n.at


# --------------------------------------------------------------------------- audit: users


@audit_rule("AUDIT001", "warning", "a user has not logged in for `inactive_login_days`")
def audit_inactive_users(audit: Audit) -> Iterator[Diagnostic]:
    """
    A user (not API-only, not locked) whose last login is `audit.inactive_login_days` (default
    90) or more days before the as-of date, or who has never logged in. Silent for an export
    without a last-login field (a spreadsheet without that column says nothing about logins). Seats cost money and
    dormant logins are a security risk.

    Fix: downgrade, lock or remove the user, or note why they keep access. Example:
    `exports/users.json:6:5: warning[AUDIT001]: user 'maude@example.com' has not logged in for 90 days (since 2026-09-02)`
    """
    limit = audit.settings.inactive_login_days
    for user in audit.exports.users:
        if user.api_only or user.locked or not user.logins_exported:
            continue  # an export without last logins says nothing about them
        label = user.email or user.id
        if user.last_login_at is None:
            yield audit.at_export(
                "AUDIT001",
                f"user '{label}' has never logged in",
                user.at,
                hint="remove or lock the user if the seat is not needed",
            )
            continue
        days = audit.days_since(user.last_login_at)
        if days >= limit:
            yield audit.at_export(
                "AUDIT001",
                f"user '{label}' has not logged in for {days} days (since {user.last_login_at.date().isoformat()})",
                user.at,
                hint=f"downgrade, lock or remove users idle for {limit} days (audit.inactive_login_days)",
            )


@audit_rule("AUDIT002", "warning", "a user holds more than one role")
def audit_multi_role(audit: Audit) -> Iterator[Diagnostic]:
    """
    A user holds two or more distinct roles (the same role in several workspaces counts once).
    Roles add up to the union of their permissions: a second role usually grants more than the
    person's job needs, and makes it hard to see who can do what.

    Fix: give the user one role that fits the job (a custom role if needed). Example:
    `exports/users.json:6:5: warning[AUDIT002]: user 'maude@example.com' holds 2 roles: 'Admin', 'Marketing User'`
    """
    for user in audit.exports.users:
        roles = list(user.role_names)
        if len(roles) > 1:
            yield audit.at_export(
                "AUDIT002",
                f"user '{user.email or user.id}' holds {len(roles)} roles: {_quoted(roles)}",
                user.at,
                hint="give the user the one role their job needs",
            )


@audit_rule("AUDIT003", "error", "a user of a person who is inactive or has left is not locked")
def audit_leavers(audit: Audit) -> Iterator[Diagnostic]:
    """
    A user's email is the email of a person the team spec marks inactive (`active: false`, or
    `left_on` on or before the as-of date), and the user is neither locked nor expired. People
    who left keep whatever access their login gives: the playbook's first admin question.

    Fix: lock or remove the user (or set an expiry), today. Example:
    `exports/users-and-roles.csv:2:12: error[AUDIT003]: user 'dana@example.com' belongs to 'dana', who left on 2026-06-30, and is not locked`
    """
    for user in audit.exports.users:
        person = audit.person_of(user)
        if person is None or audit.project.is_active(person) or user.locked:
            continue
        if user.expires_at is not None and audit.days_since(user.expires_at) >= 0:
            continue
        why = f"who left on {person.left_on}" if person.left_on else "who is inactive"
        yield audit.at_export(
            "AUDIT003",
            f"user '{user.email}' belongs to '{person.id}', {why}, and is not locked",
            user.at,
            hint="lock or remove the user (Admin > Users & Roles)",
        )


@audit_rule("AUDIT004", "warning", "a user matches no person in the team spec")
def audit_unknown_users(audit: Audit) -> Iterator[Diagnostic]:
    """
    A user (not API-only) whose email is the email of no person in the team specs. Either the
    team spec is incomplete, or someone outside the team (an agency, a former contractor) has a
    login nobody documented. Silent when no person has an email (the team is not documented yet).

    Fix: add the person (with `email`) to the team spec, or remove the user. Example:
    `exports/users.json:62:9: warning[AUDIT004]: user 'agency@partner.example' matches no person in the team spec`
    """
    if not audit.people_by_email:
        return
    for user in audit.exports.users:
        if user.api_only or not user.email or audit.person_of(user) is not None:
            continue
        yield audit.at_export(
            "AUDIT004",
            f"user '{user.email}' matches no person in the team spec",
            user.at,
            hint="add the person with this email to the team spec, or remove the user",
        )


# --------------------------------------------------------------------------- audit: channels and programs


@audit_rule("AUDIT005", "warning", "a channel no program uses")
def audit_unused_channels(audit: Audit) -> Iterator[Diagnostic]:
    """
    A channel of the channels export that no program of the programs export uses. Unused
    channels clutter every program-creation dialog and report; they are often duplicates made
    by mistake. Silent unless both a channels and a programs export were read.

    Fix: delete the channel in the platform (Admin > Tags > Channels), or note why it stays.
    Example:
    `exports/channels.json:30:7: warning[AUDIT005]: channel 'Tradeshow Old' is used by no program`
    """
    if not (audit.exports.read("marketo-channels") and audit.exports.read("marketo-programs")):
        return
    used = {p.channel.casefold() for p in audit.exports.programs}
    for channel in audit.exports.channels:
        if channel.name.casefold() not in used:
            yield audit.at_export(
                "AUDIT005",
                f"channel '{channel.name}' is used by no program",
                channel.at,
                hint="delete it in the platform if nobody needs it",
            )


@audit_rule("AUDIT006", "warning", "two channels or two programs with the same or nearly the same name")
def audit_similar_names(audit: Audit) -> Iterator[Diagnostic]:
    """
    Two channels, or two programs, whose names are the same apart from letter case, spaces and
    punctuation, or nearly the same: similarity of at least `audit.similar_names` (default
    0.85, on a 0-1 scale). Programs whose names carry different numbers (dates, years, versions)
    are not near duplicates: recurring programs are named that way on purpose; nor are two that
    both conform to a program naming convention (`2021-11_WBN_NA_x` and `2021-11_WBN_EMEA_x`
    differ by a field). The second of the two (in export order) is reported, naming the first.

    Fix: merge or delete the duplicate, or rename one so the difference is plain. Example:
    `exports/channels.json:51:7: warning[AUDIT006]: channel 'Webinars' is nearly the same as 'Webinar' (exports/channels.json:9:7)`
    """
    threshold = audit.settings.similar_names
    channels = audit.exports.channels
    for i, j in similar_pairs([c.name for c in channels], threshold, numbers_must_match=False):
        first, second = channels[i], channels[j]
        yield _similar("channel", second.name, first.name, second.at, first.at, audit)
    programs = audit.exports.programs
    conforming = _conforming_programs(audit)
    for i, j in similar_pairs([p.name for p in programs], threshold, numbers_must_match=True):
        if i in conforming and j in conforming and loose(programs[i].name) != loose(programs[j].name):
            continue  # two names built by the convention differ in a field on purpose (NA and EMEA)
        yield _similar("program", programs[j].name, programs[i].name, programs[j].at, programs[i].at, audit)


def _conforming_programs(audit: Audit) -> set[int]:
    """Indexes of exported programs whose names conform to a program convention governing them."""
    from ..naming.catalogue import compile_all

    conventions = [c for c, _ in compile_all(audit.project).values() if c is not None and "program" in c.applies_to]
    return {
        i
        for i, p in enumerate(audit.exports.programs)
        if any(c.is_valid(p.name) for c in conventions if _governs(c.systems, p.system))
    }


def _similar(kind: str, name: str, other: str, at: Where, other_at: Where, audit: Audit) -> Diagnostic:
    same = loose(name) == loose(other)
    how = "the same as" if same else "nearly the same as"
    return audit.at_export(
        "AUDIT006",
        f"{kind} '{name}' is {how} '{other}' ({audit.where_text(other_at)})",
        at,
        hint=f"merge or delete one of the two {kind}s, or rename one so they differ plainly",
    )


@audit_rule("AUDIT007", "warning", "a program whose type is not its channel's program type")
def audit_program_type(audit: Audit) -> Iterator[Diagnostic]:
    """
    A program's type (Default, Event, Event with Webinar, Engagement, Email) is not the
    applicable program type of its channel, taken from the channels export or, without one, from
    the channel spec of that name. Marketo lets a channel serve one program type; a program
    on another type's channel has statuses that do not fit it (a webinar program on an email
    channel cannot record attendance).

    Fix: move the program to a channel of its type (or recreate it with the right type). Example:
    `exports/programs.json:9:7: warning[AUDIT007]: program '2026-03_WBN_Launch' of type default is on channel 'Webinar', which is for event-with-webinar programs`
    """
    for program in audit.exports.programs:
        if program.kind is None or not program.channel:
            continue
        key = program.channel.casefold()
        channel = audit.platform_channels.get(key)
        expected = channel.kind if channel is not None else None
        if channel is None and key in audit.spec_channels:
            expected = audit.spec_channels[key].program_type
        if expected is None or expected == program.kind:
            continue
        yield audit.at_export(
            "AUDIT007",
            f"program '{program.name}' of type {program.kind} is on channel '{program.channel}', "
            f"which is for {expected} programs",
            program.at,
            hint=f"use a channel for {program.kind} programs, or recreate the program as {expected}",
        )


@audit_rule("AUDIT008", "warning", "a program not updated for `stale_program_days` and not archived")
def audit_stale_programs(audit: Audit) -> Iterator[Diagnostic]:
    """
    A program last updated `audit.stale_program_days` (default 365) or more days before the
    as-of date that is not in an archive folder (a folder with `isArchive` in the folders
    export, or below one; without a folders export, a folder named Archive). Old programs left
    among live ones slow every search and report; archiving keeps them, out of the way.
    Programs documented as active operational programs are not stale: they run unchanged on
    purpose.

    Fix: move the program to an archive folder. Example:
    `exports/programs.json:45:7: warning[AUDIT008]: program '2019-05_EM_Spring-Promo' was last updated 2019-05-20 (2752 days ago) and is not archived`
    """
    limit = audit.settings.stale_program_days
    running = {name for name, spec in audit.documented_asset_names.items() if spec.status == "active"}
    for program in audit.exports.programs:
        if program.updated_at is None or audit.archived(program) or program.name.casefold() in running:
            continue
        days = audit.days_since(program.updated_at)
        if days >= limit:
            yield audit.at_export(
                "AUDIT008",
                f"program '{program.name}' was last updated {program.updated_at.date().isoformat()} "
                f"({days} days ago) and is not archived",
                program.at,
                hint="move it to an archive folder",
            )
