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
    # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever
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
