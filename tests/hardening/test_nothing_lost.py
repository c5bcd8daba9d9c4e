"""Nothing lost: writers are atomic, never overwrite without --force, survive SIGKILL; build leaves sources alone.

Writers: `init`, `fmt` (rewrites specs by design), `check -o`, `schema -o`, `raci import -o`,
`raci export -o`, `build`. Each is killed with SIGKILL at moments drawn from a seeded RNG (biased
towards the end of the run, where the writing happens), in a loop; after every kill the target
holds the old bytes or the complete new ones, never a mix, and nothing the next `check` reads was
left behind. The first kill comes before anything could be written and one run is never killed,
so both outcomes are always seen.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import run_cli
from hardtools import child_env, no_crash, write_project

from mopsdocs.files import write_atomic
from mopsdocs.specs import KINDS

EXE = str(Path(sys.executable).parent / "mopsdocs")
ENV = child_env()


def digest_tree(root: Path, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """sha256 of every file (and the target of every link) under `root`, by relative path."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if rel.split("/")[0] in skip or rel.split("/")[0].startswith(".site."):
            continue
        if path.is_symlink():
            out[rel] = "link:" + os.readlink(path)
        elif path.is_file():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


# --------------------------------------------------------------------------- no overwrite without --force


TEAM = (
    "kind: team\nteams:\n  - {id: mops, name: Ops}\nroles:\n  - {id: admin, name: Admin, team: mops}\n"
    "people:\n  - {id: ann, name: Ann, roles: [admin]}\n"
)
RACI = "kind: raci\nid: mops\nname: Ops RACI\nactivities:\n  - {id: upload, name: Upload, assign: {admin: A/R}}\n"
CSV = "activity_id,activity,group,admin\r\nupload,Upload,,A/R\r\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "p", {"specs/team.yaml": TEAM, "specs/raci.yaml": RACI})


@pytest.mark.parametrize(
    "args,target",
    [
        (["check", "-o", "OUT"], "report.txt"),
        (["raci", "export", "mops", "-o", "OUT"], "matrix.csv"),
        (["raci", "import", "in.csv", "-o", "OUT"], "spec.yaml"),
    ],
)
def test_writers_refuse_to_overwrite_without_force(project: Path, args: list[str], target: str) -> None:
    (project / "in.csv").write_text(CSV, encoding="utf-8")
    out = project / target
    out.write_bytes(b"precious")
    argv = [a if a != "OUT" else str(out) for a in args]
    refused = run_cli(argv, cwd=project)
    no_crash(refused.code, refused.out, refused.err)
    assert refused.code == 2 and "--force" in refused.err
    assert out.read_bytes() == b"precious"
    forced = run_cli([*argv, "--force"], cwd=project)
    assert forced.code == 0, forced.err
    assert out.read_bytes() != b"precious"
    assert [p.name for p in project.iterdir() if p.name.startswith(".")] == []  # no temp file left


def test_schema_refuses_before_writing_anything(tmp_path: Path) -> None:
    """Regression: with one schema file present, the others used to be written before the refusal."""
    out = tmp_path / "schemas"
    out.mkdir()
    (out / "team.schema.json").write_text("precious")
    refused = run_cli(["schema", "-o", str(out)])
    assert refused.code == 2 and "--force" in refused.err
    assert sorted(p.name for p in out.iterdir()) == ["team.schema.json"]
    assert (out / "team.schema.json").read_text() == "precious"
    assert run_cli(["schema", "-o", str(out), "--force"]).code == 0
    assert len(list(out.iterdir())) == len(KINDS)  # one schema per kind


def test_init_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "new"
    target.mkdir()
    (target / "mkdocs.yml").write_text("site_name: Mine\n")
    (target / "specs").mkdir()
    (target / "specs" / "team.yaml").write_text("kind: team\n# mine\n")
    result = run_cli(["init", str(target)])
    no_crash(result.code, result.out, result.err)
    assert (target / "mkdocs.yml").read_text() == "site_name: Mine\n"
    assert (target / "specs" / "team.yaml").read_text() == "kind: team\n# mine\n"
    assert "exists, left as is: mkdocs.yml" in result.out
    assert (target / "docs" / "index.md").exists()


def test_write_atomic_keeps_permissions_and_links(tmp_path: Path) -> None:
    """Regression: fmt turned a linked spec into a copy and made specs 0600."""
    real = tmp_path / "real.yaml"
    real.write_text("old")
    real.chmod(0o664)
    link = tmp_path / "link.yaml"
    link.symlink_to("real.yaml")
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
    assert stat.S_IMODE(real.stat().st_mode) == 0o664
    old_umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "fresh.txt", "x")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "fresh.txt").stat().st_mode) == 0o644
    dangling = tmp_path / "dangling"
    dangling.symlink_to("nowhere")
    with pytest.raises(FileExistsError):
        write_atomic(dangling, "x", overwrite=False)


def test_fmt_keeps_links_modes_and_comments(tmp_path: Path) -> None:
    root = write_project(
        tmp_path / "p", {"specs/real.yaml": "# header\n---\nteams:\n  - {id: a, name: A}\nkind: team\n"}
    )
    (root / "specs" / "real.yaml").chmod(0o644)
    (root / "specs" / "link.yaml").symlink_to("real.yaml")
    result = run_cli(["fmt"], cwd=root)
    assert result.code == 0, result.err
    assert (root / "specs" / "link.yaml").is_symlink()
    assert stat.S_IMODE((root / "specs" / "real.yaml").stat().st_mode) == 0o644
    assert (root / "specs" / "real.yaml").read_text() == "# header\n---\nkind: team\nteams:\n  - {id: a, name: A}\n"


# --------------------------------------------------------------------------- SIGKILL at random moments


def run_to_end(args: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    proc = subprocess.run([EXE, *args], cwd=cwd, env=ENV, capture_output=True, text=True, timeout=300)
    assert "Traceback" not in proc.stderr, proc.stderr
    return time.perf_counter() - started


def kill_loop(
    args: list[str], cwd: Path, restore: Callable[[], object], snapshot: Callable[[], object], runs: int, seed: int
) -> tuple[object, object, Counter[str]]:
    """Kill `mopsdocs ARGS` at seeded random moments; every snapshot after a kill is the old or the new one."""
    restore()
    old = snapshot()
    duration = run_to_end(args, cwd)
    new = snapshot()
    assert new != old, "the writer must change something for the test to mean anything"
    rng = random.Random(seed)
    moments = [0.0] + [rng.uniform(0.5, 1.05) * duration for _ in range(runs)] + [None]
    seen: Counter[str] = Counter()
    for moment in moments:
        restore()
        proc = subprocess.Popen([EXE, *args], cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if moment is None:
            proc.wait(timeout=300)
        else:
            time.sleep(moment)  # chooses when to kill (seeded): no event to wait for
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=60)
        now = snapshot()
        assert now in (old, new), f"partial result after a kill at {moment} s of {duration:.2f} s"
        seen["new" if now == new else "old"] += 1
    assert seen["old"] and seen["new"], seen
    return old, new, seen


def check_output(root: Path) -> str:
    return subprocess.run(
        [EXE, "check", "--format", "concise"], cwd=root, env=ENV, capture_output=True, text=True, timeout=120
    ).stdout


def big_team(people: int, messy: bool) -> str:
    lines = (
        ["teams:", "  - {name: Ops, id: mops}", "roles:", "  - {name: Admin, id: admin, team: mops}", "people:"]
        if messy
        else [
            "kind: team",
            "teams:",
            "  - {id: mops, name: Ops}",
            "roles:",
            "  - {id: admin, name: Admin, team: mops}",
            "people:",
        ]
    )
    for i in range(people):
        lines.append(
            f"- roles: [admin]\n  name: Person {i}  # comment {i}\n  id: p{i}"
            if messy
            else f"  - {{id: p{i}, name: Person {i}, roles: [admin]}}"
        )
    return "\n".join(lines) + ("\nkind: team\n" if messy else "\n")


def test_fmt_killed_midway_leaves_each_spec_old_or_new(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", {"specs/big.yaml": big_team(500, messy=True), "specs/b.yaml": RACI})
    spec = root / "specs" / "big.yaml"
    original = spec.read_bytes()
    before = check_output(root)
    kill_loop(["fmt"], root, restore=lambda: spec.write_bytes(original), snapshot=spec.read_bytes, runs=3, seed=1)
    # temp files a kill left are hidden: check reads exactly what it read before
    spec.write_bytes(original)
    assert check_output(root) == before
    leftovers = [p.name for p in (root / "specs").iterdir() if p.name not in ("big.yaml", "b.yaml")]
    assert all(name.startswith(".big.yaml.") and name.endswith(".tmp") for name in leftovers), leftovers


def test_check_output_killed_midway_is_old_or_new(tmp_path: Path) -> None:
    broken = "kind: team\npeople:\n" + "".join(f"  - {{id: P{i}, name: x, roles: []}}\n" for i in range(3000))
    root = write_project(tmp_path / "p", {"specs/broken.yaml": broken})
    report = tmp_path / "report.json"
    kill_loop(
        ["check", "--format", "json", "-o", str(report), "--force"],
        root,
        restore=lambda: report.write_text("old report\n"),
        snapshot=report.read_bytes,
        runs=4,
        seed=2,
    )
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in ("p", "report.json")]
    assert all(name.startswith(".report.json.") and name.endswith(".tmp") for name in leftovers), leftovers


def test_raci_import_and_export_killed_midway_are_old_or_new(tmp_path: Path) -> None:
    parties = [f"role-{i}" for i in range(12)]
    rows = [
        ",".join([f"act-{r}", f"Activity {r}", f"Group {r // 50}", "A/R", "C", "I"] + [""] * 9) for r in range(1500)
    ]
    (tmp_path / "big.csv").write_text("activity_id,activity,group," + ",".join(parties) + "\n" + "\n".join(rows) + "\n")
    spec = tmp_path / "big.yaml"
    kill_loop(
        ["raci", "import", "big.csv", "-o", str(spec), "--force"],
        tmp_path,
        restore=lambda: spec.write_text("old: spec\n"),
        snapshot=spec.read_bytes,
        runs=2,
        seed=3,
    )
    root = write_project(tmp_path / "p", {"specs/big.yaml": spec.read_text()})
    out = tmp_path / "out.csv"
    kill_loop(
        ["raci", "export", "big", "-o", str(out), "--force"],
        root,
        restore=lambda: out.write_text("old,csv\n"),
        snapshot=out.read_bytes,
        runs=2,
        seed=4,
    )


def test_schema_killed_midway_leaves_each_file_old_or_new(tmp_path: Path) -> None:
    out = tmp_path / "schemas"
    kinds = ["lifecycle", "naming", "program", "raci", "team"]

    def restore() -> None:
        out.mkdir(exist_ok=True)
        for kind in kinds:
            (out / f"{kind}.schema.json").write_text("{}\n")

    def snapshot() -> tuple[bytes, ...]:
        return tuple((out / f"{k}.schema.json").read_bytes() for k in kinds)

    restore()
    old = snapshot()
    run_to_end(["schema", "-o", str(out), "--force"], tmp_path)
    new = snapshot()
    rng = random.Random(5)
    for _ in range(4):
        restore()
        proc = subprocess.Popen(
            [EXE, "schema", "-o", str(out), "--force"],
            cwd=tmp_path,
            env=ENV,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.2, 0.8))  # when to kill (seeded), not a wait for an event
        proc.kill()
        proc.wait()
        now = snapshot()
        for kind, a, b, c in zip(kinds, old, new, now):  # five files, each written atomically on its own
            assert c in (a, b), kind


def test_init_killed_midway_leaves_whole_files_and_a_rerun_completes(tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    run_to_end(["init", str(reference)], tmp_path)
    expected = digest_tree(reference)
    rng = random.Random(6)
    for attempt in range(2):
        target = tmp_path / f"attempt-{attempt}"
        proc = subprocess.Popen(
            [EXE, "init", str(target)], cwd=tmp_path, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.3, 1.2))  # when to kill (seeded), not a wait for an event
        proc.kill()
        proc.wait()
        partial = digest_tree(target) if target.exists() else {}
        visible = {k: v for k, v in partial.items() if not Path(k).name.startswith(".") or k in expected}
        assert all(expected.get(k) == v for k, v in visible.items()), "a file init wrote is incomplete"
        run_to_end(["init", str(target)], tmp_path)  # finishes the job, overwriting nothing
        done = {k: v for k, v in digest_tree(target).items() if k in expected}
        assert done == expected


# --------------------------------------------------------------------------- build


@pytest.fixture(scope="module")
def site_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site") / "project"
    result = run_cli(["init", str(root)])
    assert result.code == 0, result.err
    return root


def test_build_never_touches_docs_or_specs(site_project: Path) -> None:
    before = digest_tree(site_project, skip=("site",))
    for args in (["build"], ["check", "--changed"], ["export"], ["graph", "lead"]):
        proc = subprocess.run(
            [EXE, *args],
            cwd=site_project,
            env={**ENV, "MOPSDOCS_CACHE_DIR": str(site_project.parent / "cache")},
            capture_output=True,
            text=True,
            timeout=300,
        )
        no_crash(proc.returncode, proc.stdout, proc.stderr, " ".join(args))
    assert digest_tree(site_project, skip=("site",)) == before
    assert (site_project / "site" / "index.html").exists()


@pytest.mark.parametrize("breakage", ["spec error", "broken template", "strict warning"])
def test_a_failed_build_leaves_the_previous_site(site_project: Path, breakage: str) -> None:
    subprocess.run([EXE, "build"], cwd=site_project, env=ENV, capture_output=True, check=True, timeout=300)
    site = digest_tree(site_project / "site")
    assert site
    extra = site_project / "specs" / "zz-broken.yaml"
    template = site_project / "templates" / "lifecycle.md.j2"
    args = ["build"]
    if breakage == "spec error":
        extra.write_text("kind: [\n")
    elif breakage == "broken template":
        template.parent.mkdir(exist_ok=True)
        template.write_text("{% if %}\n")
    else:
        extra.write_text("kind: team\nroles:\n  - {id: lonely, name: Nobody holds me}\n")  # TEAM002, a warning
        args.append("--strict")
    try:
        proc = subprocess.run([EXE, *args], cwd=site_project, env=ENV, capture_output=True, text=True, timeout=300)
        no_crash(proc.returncode, proc.stdout, proc.stderr, breakage)
        assert proc.returncode == 1, proc.stderr[-2000:]
        assert digest_tree(site_project / "site") == site
        assert not [p for p in site_project.iterdir() if p.name.startswith(".site.")]
    finally:
        extra.unlink(missing_ok=True)
        shutil.rmtree(site_project / "templates", ignore_errors=True)


def test_build_killed_midway_leaves_the_old_or_the_new_site(site_project: Path) -> None:
    spec = site_project / "specs" / "extra.yaml"

    def restore() -> None:  # the old site: built from the project without the extra spec
        spec.unlink(missing_ok=True)
        if not (site_project / "old-site").exists():
            subprocess.run(
                [EXE, "build", "-d", str(site_project / "old-site")],
                cwd=site_project,
                env=ENV,
                capture_output=True,
                check=True,
                timeout=300,
            )
        shutil.rmtree(site_project / "site", ignore_errors=True)
        shutil.copytree(site_project / "old-site", site_project / "site")
        spec.write_text("kind: team\nteams:\n  - {id: extra-team, name: Extra team}\n")

    def snapshot() -> dict[str, str]:
        return digest_tree(site_project / "site")

    try:
        kill_loop(["build"], site_project, restore=restore, snapshot=snapshot, runs=1, seed=7)
    finally:
        spec.unlink(missing_ok=True)
        shutil.rmtree(site_project / "old-site", ignore_errors=True)
    # the hidden folders killed builds left are removed by the next build
    subprocess.run([EXE, "build"], cwd=site_project, env=ENV, capture_output=True, check=True, timeout=300)
    assert not [p for p in site_project.iterdir() if p.name.startswith(".site.")]
