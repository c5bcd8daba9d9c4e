from pathlib import Path


def make(root: Path) -> None:
    outside = root.parent / "outside"
    outside.mkdir()
    (outside / "team.yaml").write_text("kind: team\nteams:\n  - {id: outsider, name: O}\n")
    specs = root / "specs"
    (specs / "sibling.yaml").symlink_to(outside / "team.yaml")
    (specs / "folder").symlink_to(outside)
    (specs / "passwd.yaml").symlink_to("/etc/passwd")
    (specs / "zero.yaml").symlink_to("/dev/zero")
    (specs / "environ.yaml").symlink_to("/proc/self/environ")
    (specs / "relative.yaml").symlink_to("../../outside/team.yaml")
