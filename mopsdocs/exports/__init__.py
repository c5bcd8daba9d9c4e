"""Platform exports (contract section 8): `read_exports` and the record types it returns.

The record types (`model`) are light; the readers load when `read_exports` is first called, so
that `check` (whose rule catalogue names the audit rules) never imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .model import (
    EXPORT_TYPES,
    MARKETO_CHANNEL_KINDS,
    MARKETO_PROGRAM_KINDS,
    ChannelKind,
    ChannelStatus,
    ExportedName,
    ExportFile,
    Exports,
    HubspotProperty,
    HubspotWorkflow,
    LeadStatus,
    MemberStatus,
    PlatformCampaign,
    PlatformChannel,
    PlatformFolder,
    PlatformProgram,
    PlatformUser,
    PropertyOption,
    SalesforceCampaign,
    System,
    UserRole,
    Where,
)

if TYPE_CHECKING:
    from ..config import Settings


def read_exports(
    paths: Sequence[Path],
    *,
    root: Path,
    settings: Settings | None = None,
    progress: Callable[[str], None] | None = None,
) -> Exports:
    """Every export under `paths` (files, or folders at any depth), recognised by content, read
    into `Exports`; `settings` gives the `exports:` entries; `progress` is called with each file's
    path before it is read. Never raises for a bad file: that is a FILE001 in `diagnostics`."""
    from .read import read_exports as read

    return read(paths, root=root, settings=settings, progress=progress)


__all__ = [
    "EXPORT_TYPES",
    "MARKETO_CHANNEL_KINDS",
    "MARKETO_PROGRAM_KINDS",
    "ChannelKind",
    "ChannelStatus",
    "ExportFile",
    "ExportedName",
    "Exports",
    "HubspotProperty",
    "HubspotWorkflow",
    "LeadStatus",
    "MemberStatus",
    "PlatformCampaign",
    "PlatformChannel",
    "PlatformFolder",
    "PlatformProgram",
    "PlatformUser",
    "PropertyOption",
    "SalesforceCampaign",
    "System",
    "UserRole",
    "Where",
    "read_exports",
]
