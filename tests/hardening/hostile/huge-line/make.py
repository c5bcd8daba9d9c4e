from pathlib import Path


def make(root: Path) -> None:
    text = (
        "kind: team\nteams:\n  - id: mops\n    name: Ops\n    description: '" + "x" * 2_000_000 + "'\n"
        "    ? " + "k" * 1_000_000 + "\n    : 1\n"
    )
    (root / "specs" / "big.yaml").write_text(text)
