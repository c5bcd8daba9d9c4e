import shutil
from pathlib import Path


def make(root: Path) -> None:
    outside = root.parent / "elsewhere"
    outside.mkdir()
    (outside / "team.yaml").write_text("kind: team\nteams:\n  - {id: x, name: X}\n")
    shutil.rmtree(root / "specs")
    (root / "specs").symlink_to(outside)
