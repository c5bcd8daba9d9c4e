from pathlib import Path


def make(root: Path) -> None:
    lines = ["kind: team"] + [" " * i + f"k{i}:" for i in range(3_000)]
    (root / "specs" / "deep.yaml").write_text("\n".join(lines) + " end\n")
