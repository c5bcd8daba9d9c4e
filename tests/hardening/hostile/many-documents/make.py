from pathlib import Path


def make(root: Path) -> None:
    (root / "specs" / "many.yaml").write_text("---\nkind: team\n" * 10_001)
