"""Reading and writing files safely: no blocking on pipes, atomic replace, never a silent overwrite."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


class NotRegularFile(OSError):
    """A pipe, socket or device where a file was expected: reading it could block forever."""


class FileTooBig(OSError):
    def __init__(self, size: int) -> None:
        super().__init__(f"{size} bytes")
        self.size = size


def read_regular(path: str | os.PathLike[str], max_bytes: int | None = None) -> bytes:
    """The bytes of a regular file (links followed); never opens a FIFO for a blocking read.

    Raises NotRegularFile for pipes, sockets and devices, FileTooBig when the file has more than
    `max_bytes`, and OSError for everything the system refuses.
    """
    if not stat.S_ISREG(os.stat(path).st_mode):  # say "not a file" for sockets too (they cannot be opened)
        raise NotRegularFile(f"{os.fspath(path)} is not a regular file")
    # O_NONBLOCK: should a FIFO replace the file meanwhile, opening it must not wait for a writer
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb", closefd=True) as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(f"{os.fspath(path)} is not a regular file")
        if max_bytes is not None and info.st_size > max_bytes:
            raise FileTooBig(info.st_size)
        data = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:  # it grew while we looked
        raise FileTooBig(len(data))
    return data


def _new_file_mode() -> int:
    """What `open()` would give a new file: 0o666 less the umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: Path, text: str, *, overwrite: bool = True) -> None:
    """Write `text` to `path` so that readers see the old file or the new one, never half of it.

    With `overwrite=False` an existing file raises FileExistsError (checked again at the rename,
    so a file created meanwhile is not clobbered). A link is written through (the file it points to
    is replaced, the link stays) and an existing file keeps its permissions; a new one gets the
    mode any other new file would get. If the process dies midway, the target is untouched and at
    most a hidden `.NAME.*.tmp` file is left beside it.
    """
    path = Path(path)
    if not overwrite and (path.exists() or path.is_symlink()):
        raise FileExistsError(str(path))
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = _new_file_mode()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fchmod(fh.fileno(), mode)
            os.fsync(fh.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails if path appeared meanwhile: no silent overwrite
            os.unlink(tmp)
        _fsync_dir(path.parent)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (a crash right after it keeps the new name)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- folders swapped whole


def staging_dir(final: Path) -> Path:
    """A fresh hidden folder beside `final` (same file system, so it can be renamed into place).

    Folders left by builds that were killed (their process is gone) are removed first.
    """
    import shutil

    final = Path(final)
    final.parent.mkdir(parents=True, exist_ok=True)
    prefix = f".{final.name}.building-"
    for entry in os.scandir(final.parent):
        pid = entry.name[len(prefix) :].split("-", 1)[0] if entry.name.startswith(prefix) else ""
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(entry.path, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}-", dir=final.parent))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, it is someone else's
        return True
    return True


def swap_in(staged: Path, final: Path) -> None:
    """Put the folder `staged` where `final` is and delete the old one.

    Readers see the old folder or the new one: on Linux both are exchanged in one step
    (renameat2 RENAME_EXCHANGE); elsewhere the old one is renamed aside first, so for an instant
    there is none, but never a half-written one.
    """
    import shutil

    staged, final = Path(staged), Path(final)
    if final.is_symlink() or (final.exists() and not final.is_dir()):
        raise NotADirectoryError(f"{final} is not a folder")
    if not final.exists():
        os.rename(staged, final)
        return
    if _exchange(staged, final):
        shutil.rmtree(staged)  # now the old folder
        return
    old = Path(tempfile.mkdtemp(prefix=f".{final.name}.old-", dir=final.parent))
    os.rename(final, old / final.name)
    os.rename(staged, final)
    shutil.rmtree(old)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 with RENAME_EXCHANGE); False where unsupported."""
    try:
        import ctypes

        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return int(renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)) == 0
