from pathlib import Path


def make(root: Path) -> None:
    (root / "specs" / "a\nspecs: forged.yaml").write_text("kind: nope\n")
    (root / "specs" / "b\x1b[2J\r.yaml").write_text("kind: nope\n")
    (root / "specs" / "--help.yaml").write_text("kind: nope\n")
    (root / "specs" / " spaced name .yaml").write_text("kind: nope\n")
