from pathlib import Path


def make(root: Path) -> None:
    (root / "specs" / "deep.yaml").write_text("kind: team\nx-deep: " + "[" * 100_000 + "]" * 100_000 + "\n")
