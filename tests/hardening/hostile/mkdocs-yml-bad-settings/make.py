from pathlib import Path


def make(root: Path) -> None:
    (root / "mkdocs.yml").write_text(
        "site_name: t\nplugins:\n  - mopsdocs:\n      required_program_categories: []\n"
        "      limits:\n        max_depth: 1\n        max_files: many\n        max_fils: 3\n"
        "      ? " + "z" * 1_000_000 + "\n      : 1\n"
    )
