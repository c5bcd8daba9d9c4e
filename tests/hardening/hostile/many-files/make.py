from pathlib import Path


def make(root: Path) -> None:
    for i in range(1_500):
        folder = root / "specs" / f"d{i // 100:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"t{i:04d}.yaml").write_text(f"kind: team\nteams:\n  - {{id: t{i}, name: T{i}}}\n")
