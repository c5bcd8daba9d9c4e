from pathlib import Path


def make(root: Path) -> None:
    (root / "specs" / "deep.yaml").write_text("- " * 50 + "{a: [" * 30_000 + "x" + "]}" * 30_000 + "\n")
