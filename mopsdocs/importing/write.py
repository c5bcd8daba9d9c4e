"""Writing drafts: only new files, each atomically, never over an existing one.

Each file is written to a temporary file in its own folder and linked into place only if no file
has that name (`files.write_atomic(overwrite=False)`, checked again at the link), so an
interrupted import leaves whole files or none, and a file someone created meanwhile is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..files import write_atomic
from .draft import Draft


@dataclass
class Written:
    created: list[tuple[str, Draft]] = field(default_factory=list)  # (path as shown, draft)
    kept: list[tuple[str, Draft]] = field(default_factory=list)  # the file existed: left as it is
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path as shown, why)


def write_drafts(drafts: list[Draft], folder: Path, root: Path) -> Written:
    out = Written()
    for draft in drafts:
        target = folder / draft.path
        shown = _shown(target, root)
        if target.exists() or target.is_symlink():
            out.kept.append((shown, draft))
            continue
        try:
            write_atomic(target, draft.text, overwrite=False)
        except FileExistsError:
            if target.exists() or target.is_symlink():  # created meanwhile: theirs
                out.kept.append((shown, draft))
            else:  # a file where a folder of the path should be
                out.failed.append((shown, "a file stands where its folder should be"))
        except NotADirectoryError:
            out.failed.append((shown, "a file stands where its folder should be"))
        except OSError as exc:
            out.failed.append((shown, exc.strerror or str(exc)))
        else:
            out.created.append((shown, draft))
    return out


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
