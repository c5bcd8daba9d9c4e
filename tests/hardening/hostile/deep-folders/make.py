from pathlib import Path


def make(root: Path) -> None:
    folder = root / "specs" / "/".join(f"level-{i}" for i in range(60))
    folder.mkdir(parents=True)
    (folder / "team.yaml").write_text("kind: team\nteams:\n  - {id: deep, name: Deep}\n  - {id: Deep, name: Bad}\n")
