import os
import socket
from pathlib import Path


def make(root: Path) -> None:
    os.mkfifo(root / "specs" / "pipe.yaml")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "specs" / "socket.yaml"))
    sock.close()
