from pathlib import Path


def make(root: Path) -> None:
    with open(root / "specs" / "huge.yaml", "wb") as fh:
        fh.truncate(10_000_001)
