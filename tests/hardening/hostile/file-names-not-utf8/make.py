import os
from pathlib import Path


def make(root: Path) -> None:
    specs = os.fsencode(root / "specs")
    with open(specs + b"/caf\xe9.yaml", "wb") as fh:
        fh.write(b"kind: team\n")
    os.mkdir(specs + b"/dir\xff")
    with open(specs + b"/dir\xff/inner.yaml", "wb") as fh:
        fh.write(b"kind: team\n")
