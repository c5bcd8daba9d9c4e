"""`mopsdocs import` on exports as the platforms write them: every kind drafted, decisions left
for `check`, only new files, atomic writes, stable bytes, hostile input."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pytest
from conftest import assert_golden_tree, run_cli
from instance import write_instance

from mopsdocs.fmt import format_text
from mopsdocs.scaffold import FILES as SCAFFOLD

GOLDEN = Path(__file__).parent / "golden"
DECISION_CODES = {"SPEC003", "SPEC004", "CH004", "CH005"}


def _new_project(root: Path) -> Path:
    """An empty folder with the mkdocs.yml `mopsdocs init` writes, and nothing else."""
    root.mkdir(parents=True)
    (root / "mkdocs.yml").write_text((SCAFFOLD / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    return root


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def instance(tmp_path: Path) -> Path:
    root = _new_project(tmp_path / "handbook")
    write_instance(root / "exports")
    return root


def test_every_kind_is_drafted_as_the_golden_files_say(instance: Path) -> None:
    done = run_cli(["import", "exports"], cwd=instance)
    assert done.code == 0, done.err
    assert done.err == ""
    checked = run_cli(["check", "--format", "concise"], cwd=instance)
    actual = {f"specs/{k}": v for k, v in _tree(instance / "specs").items()}
    actual["import-output.txt"] = done.out
    actual["check-output.txt"] = checked.out
    assert_golden_tree(actual, GOLDEN / "instance")
    kinds = {re.search(r"^kind: (\w+)$", text, re.M).group(1) for text in _tree(instance / "specs").values()}  # type: ignore[union-attr]
    assert kinds == {"channel", "naming", "lifecycle", "team", "program"}


def test_check_lists_the_decisions_and_nothing_else(instance: Path) -> None:
    run_cli(["import", "exports"], cwd=instance)
    checked = run_cli(["check", "--format", "concise"], cwd=instance)
    assert checked.code == 1
    lines = checked.out.splitlines()[:-1]
    assert lines
    for line in lines:
        code = re.search(r"\[(\w+)\]", line).group(1)  # type: ignore[union-attr]
        assert code in DECISION_CODES, line
        if code == "SPEC004":
            assert "DECIDE: " in line or "owner: the list is empty" in line, line
        if code == "SPEC003":
            assert "missing required key 'roles'" in line, line
    # one line per decision: 11 stage owners, 4 program owners, 3 people's roles, ...
    assert sum("owner: the list is empty" in line for line in lines) == 11 + 4
    assert sum("missing required key 'roles'" in line for line in lines) == 3
    assert sum("on: 'DECIDE: the date a person checked this'" in line for line in lines) == 4
    assert sum("category: 'DECIDE" in line for line in lines) == 1  # OPS_Web_Form-Handler: no category word
    assert sum("terminal: expected true or false, found 'DECIDE" in line for line in lines) == 2


def test_drafts_are_formatted_as_fmt_formats_them(instance: Path) -> None:
    run_cli(["import", "exports"], cwd=instance)
    for rel, text in _tree(instance / "specs").items():
        assert format_text(text) == text, rel
    done = run_cli(["fmt", "--check"], cwd=instance)
    assert done.code == 0, done.out + done.err


def test_the_same_exports_give_the_same_bytes(tmp_path: Path) -> None:
    trees = []
    for name in ("first", "second"):
        root = _new_project(tmp_path / name)
        write_instance(root / "exports")
        assert run_cli(["import", "exports"], cwd=root).code == 0
        trees.append(_tree(root / "specs"))
    assert trees[0] == trees[1]


def test_a_second_import_writes_nothing_and_changes_nothing(instance: Path) -> None:
    run_cli(["import", "exports"], cwd=instance)
    before = {p: (instance / "specs" / p).stat().st_mtime_ns for p in _tree(instance / "specs")}
    again = run_cli(["import", "exports"], cwd=instance)
    assert again.code == 0
    assert "created" not in again.out
    assert {p: (instance / "specs" / p).stat().st_mtime_ns for p in _tree(instance / "specs")} == before
    assert "not drafted: channel 'Webinar': already specified as 'webinar'" in again.out
    assert "not drafted: lifecycle 'lead' from exports/salesforce/lead-status.csv: already specified" in again.out


def test_an_existing_file_is_kept_and_named(instance: Path) -> None:
    mine = instance / "specs" / "channels" / "webinar.yaml"
    mine.parent.mkdir(parents=True)
    mine.write_bytes(b"# my own notes, not YAML a spec would hold\n")
    done = run_cli(["import", "exports"], cwd=instance)
    assert mine.read_bytes() == b"# my own notes, not YAML a spec would hold\n"
    assert "exists, left as is: specs/channels/webinar.yaml (channel 'webinar' not written)" in done.out
    assert "created specs/channels/trade-show.yaml: channel 'trade-show'" in done.out


def test_what_the_project_already_specifies_is_not_drafted_again(instance: Path) -> None:
    specs = instance / "specs"
    specs.mkdir()
    (specs / "team.yaml").write_text(
        "kind: team\nroles:\n  - {id: mops, name: MOPs}\n"
        "people:\n  - {id: maude, name: Maude B., email: Maude.Bernard@Example.com, roles: [mops]}\n",
        encoding="utf-8",
    )
    (specs / "program.yaml").write_text(
        "kind: program\nid: bounces\nname: Bounces\nasset_name: OPS_Email_Bounce-Management\n"
        "category: bounce-management\nstatus: active\nowner: maude\n",
        encoding="utf-8",
    )
    done = run_cli(["import", "exports"], cwd=instance)
    assert "not drafted: user maude.bernard@example.com: already a person in the team specs" in done.out
    assert "not drafted: program 'OPS_Email_Bounce-Management': already documented (asset_name)" in done.out
    people = (specs / "team" / "marketo-users.yaml").read_text(encoding="utf-8")
    assert "maude" not in people and "devon-okafor" in people
    assert not (specs / "programs" / "ops-email-bounce-management.yaml").exists()


def test_a_failure_midway_leaves_whole_files_or_none(instance: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_link = os.link
    calls = []

    def link(src: str, dst: str) -> None:  # the disk fills up while the third draft is linked in
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_link(src, dst)

    monkeypatch.setattr(os, "link", link)
    done = run_cli(["import", "exports"], cwd=instance)
    assert done.code == 1
    failed = Path(calls[2]).relative_to(instance).as_posix()
    assert f"mopsdocs: error: cannot write {failed}: No space left on device" in done.err
    assert not Path(calls[2]).exists()
    leftovers = [p for p in (instance / "specs").rglob("*") if p.name.startswith(".")]
    assert leftovers == []
    monkeypatch.undo()
    fresh = _new_project(instance.parent / "fresh")
    write_instance(fresh / "exports")
    run_cli(["import", "exports"], cwd=fresh)
    expected = _tree(fresh / "specs")
    for rel, text in _tree(instance / "specs").items():  # every file written is whole
        assert text == expected[rel], rel
    assert len(_tree(instance / "specs")) == len(expected) - 1


def test_an_unreadable_export_is_file001_and_the_rest_is_drafted(instance: Path) -> None:
    (instance / "exports" / "broken.json").write_bytes(b'{"success": true, "result": [{"name": "x",')
    (instance / "exports" / "photo.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    done = run_cli(["import", "exports"], cwd=instance)
    assert done.code == 1
    file001 = [line for line in done.err.splitlines() if "[FILE001]" in line]
    assert [line.split(":")[0] for line in file001] == ["exports/broken.json", "exports/photo.csv"]
    assert "Traceback" not in done.err
    assert "created specs/channels/webinar.yaml" in done.out
    assert "created specs/team/marketo-users.yaml" in done.out


def test_usage_errors(tmp_path: Path) -> None:
    outside = tmp_path / "nowhere"
    outside.mkdir()
    write_instance(outside / "exports")
    done = run_cli(["import", "exports"], cwd=outside)
    assert done.code == 2 and "give -o DIR to draft outside a project" in done.err
    done = run_cli(["import", "exports", "-o", "drafts"], cwd=outside)
    assert done.code == 0, done.err
    assert (outside / "drafts" / "channels" / "webinar.yaml").is_file()
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = run_cli(["import", "-o", "drafts"], cwd=empty)
    assert nothing.code == 2 and "give the export files or folders to draft from" in nothing.err


def test_without_files_the_exports_folder_is_read(instance: Path) -> None:
    done = run_cli(["import"], cwd=instance)
    assert done.code == 0, done.err
    assert "created specs/channels/webinar.yaml: channel 'webinar'" in done.out


def test_people_from_the_users_and_roles_sheet_as_excel_saves_it(tmp_path: Path) -> None:
    import exportkit as k

    root = _new_project(tmp_path / "handbook")
    rows = [
        ["Email Address", "First Name", "Last Name", "Role", "Last Login"],
        ["zoe.muller@example.com", "Zoë", "Müller", "Marketing User", "11/20/2026 9:14 AM"],
        ["ana@example.com", "Ana", "Souza", "Admin", ""],
    ]
    k.write_csv(root / "exports" / "users.csv", rows, encoding="cp1252", delimiter=";")
    done = run_cli(["import", "exports"], cwd=root)
    assert done.code == 0, done.err
    people = (root / "specs" / "team" / "marketo-users.yaml").read_text(encoding="utf-8")
    assert '  - id: zoe-muller\n    name: "Zoë Müller"\n' in people
    assert "x-platform-roles: [Admin]" in people


def test_a_file_where_a_folder_should_be_fails_that_draft_only(instance: Path) -> None:
    (instance / "specs").mkdir()
    (instance / "specs" / "channels").write_text("not a folder\n", encoding="utf-8")
    done = run_cli(["import", "exports"], cwd=instance)
    assert done.code == 1
    assert "mopsdocs: error: cannot write specs/channels/webinar.yaml: a file stands where its folder should be" in (
        done.err
    )
    assert (instance / "specs" / "channels").read_text(encoding="utf-8") == "not a folder\n"
    assert "created specs/lifecycles/lead.yaml" in done.out
    assert run_cli(["import", "exports", "-o", "specs/channels"], cwd=instance).code == 2
