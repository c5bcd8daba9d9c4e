"""Issue 13: failing names are explained by searching their shape once per shape (shapes.py), and
on a budget (explain._Search), with the same words as the whole search on each name
(every shortcut of the search is compared with the search without it); and a long run shows
progress on a real terminal only."""

from __future__ import annotations

import os
import pty
import random
import select
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, make_project

from mopsdocs.naming import explain as explain_module
from mopsdocs.naming import shapes
from mopsdocs.naming.catalogue import compile_all
from mopsdocs.naming.compiler import CompiledConvention
from mopsdocs.naming.explain import explain
from mopsdocs.naming.readings import Scorer
from mopsdocs.pipeline import load_project

sys.path.insert(0, str(REPO / "benchmarks"))
from names_check import make_names  # the benchmark's realistic failing names


@pytest.fixture(scope="module")
def conventions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, CompiledConvention]:
    root = make_project(tmp_path_factory.mktemp("p"), {"specs/naming.yaml": (REPO / "specs/naming.yaml").read_text()})
    project, _ = load_project(root)
    return {cid: c for cid, (c, _) in compile_all(project).items() if c is not None}


def _mutated(examples: list[str], count: int, rng: random.Random) -> list[str]:
    alphabet = "abXYZ019_- /.'\xa0"
    words = ["Peak", "Webinar", "Dec", "Summit", "OPS", "Invite", "q4", "Tradeshow", "Gdpr", "Nurture"]
    out = []
    for _ in range(count):
        name = list(rng.choice(examples))
        for _ in range(rng.randint(1, 3)):
            i = rng.randrange(len(name) + 1)
            how = rng.randrange(5)
            if how == 0:
                name.insert(i, rng.choice(alphabet))
            elif how == 1:
                name[i:i] = rng.choice(words)  # a word the explainer may read: a label, a month
            elif how == 2 and i < len(name):
                del name[i]
            elif how == 3 and i + 1 < len(name):
                name[i], name[i + 1] = name[i + 1], name[i]
            elif i < len(name):
                name[i] = name[i].swapcase()
        out.append("".join(name))
    return out


@pytest.mark.parametrize(
    ("module", "switch", "seed"),
    [
        # the search on the name's shape, once per shape, against the search on each name
        (shapes, "SHAPES", 5),
        # the search on a budget (cheap readings first, bounded by the quick and reordered ones)
        # against every alignment searched whole
        (explain_module, "BOUNDED", 8),
        # the last field taken to the end when that provably wins, against trying every end
        (explain_module, "LAST_FIELD_SHORTCUT", 11),
    ],
    ids=["shapes", "budgets", "last-field"],
)
def test_a_search_shortcut_changes_no_explanation(
    conventions: dict[str, CompiledConvention],
    monkeypatch: pytest.MonkeyPatch,
    module: object,
    switch: str,
    seed: int,
) -> None:
    """Every convention's mutated examples, and the benchmark's failing names: the verdicts found
    with the shortcut are exactly those found without it (problems, their order, suggestions)."""
    rng = random.Random(seed)
    project, _ = load_project(REPO)
    for cid, conv in conventions.items():
        examples = list(project.conventions[cid].examples) + list(project.conventions[cid].counterexamples)
        names = _mutated([e for e in examples if e], 400, rng)
        if cid == "program":
            names += make_names(1500, 1.0, seed=seed * 3)
        names = [n for n in names if not conv.is_valid(n)]
        conv.memo.clear()
        fast = [explain(conv, n) for n in names]
        conv.memo.clear()  # what the explainer remembers was found with the shortcut
        monkeypatch.setattr(module, switch, False)
        try:
            whole = [explain(conv, n) for n in names]
        finally:
            monkeypatch.setattr(module, switch, True)
            conv.memo.clear()
        assert fast == whole, cid


def test_a_search_on_a_budget_gives_up_only_when_nothing_is_that_cheap(
    conventions: dict[str, CompiledConvention],
) -> None:
    conv = conventions["program"]
    conv.memo.clear()
    text = "2021-12 WBN_Peak-Capacity"  # a space for the first '_': 2 (a wrong separator)
    positions = explain_module._positions(conv, text)
    assert positions is not None
    search = explain_module._Search(conv, text, positions, Scorer(text))
    assert search.cheapest([2]) is None  # nothing cheaper than 2
    cheapest = search.cheapest([2, 3])
    assert cheapest is not None and cheapest.cost == 2 and cheapest.suggestion == "2021-12_WBN_Peak-Capacity"
    whole = explain_module._Search(conv, text, positions, Scorer(text)).cheapest([explain_module._NO_BOUND])
    assert whole == cheapest
    conv.memo.clear()


def test_names_with_the_same_mistake_share_one_search(
    conventions: dict[str, CompiledConvention], monkeypatch: pytest.MonkeyPatch
) -> None:
    conv = conventions["program"]
    shaper = shapes.shaper(conv)
    assert shaper is not None
    # plain title words become stand-ins of the same length and letter case; codes, labels, months stay
    assert shaper.shape("2021-12-WBN-Peak-Capacity") == shaper.shape("2021-12-WBN-Tour-Barcelon")
    assert shaper.shape("2021-12-WBN-Peak-Capacity") != shaper.shape("2021-12-WBN-Peak-capacity")
    assert shaper.shape("Webinar Dec 2021 Peak") == "Webinar Dec 2021 " + shaper.shape("Peak")
    assert shaper.shape("2021-12-EVT-x") == "2021-12-EVT-x"  # too short to be sure of (Q4, FY, a code)
    searched: list[str] = []
    real = explain_module._best_reading

    def counting(c: CompiledConvention, text: str) -> object:
        searched.append(text)
        return real(c, text)

    conv.memo.clear()
    monkeypatch.setattr(explain_module, "_best_reading", counting)
    first = explain(conv, "2021-12-WBN-Peak-Capacity")
    second = explain(conv, "2021-12-WBN-Tour-Barcelon")
    conv.memo.clear()
    assert len(searched) == 1  # the second name is read by the first one's decisions
    assert [p.message for p in first.problems] == [p.message for p in second.problems]
    assert second.suggestion == "2021-12_WBN_Tour-Barcelon"  # rebuilt on the name itself


def test_a_pattern_that_tests_more_than_character_classes_is_not_reshaped(
    conventions: dict[str, CompiledConvention],
) -> None:
    assert shapes.shaper(conventions["utm-campaign"]) is None  # [a-z0-9]+(-[a-z0-9]+)*
    assert shapes.shaper(conventions["program"]) is not None  # [A-Za-z0-9-]+


# --------------------------------------------------------------------------- progress on a terminal

RUN_WITH_NO_DELAY = (
    "import sys; from mopsdocs.naming import output; output.Progress.DELAY = output.Progress.INTERVAL = 0.0; "
    "from mopsdocs.cli import run; sys.argv = ['mopsdocs'] + sys.argv[1:]; run()"
)


def _run_on_a_terminal(args: list[str], cwd: Path, stdin: bytes, code: str | None = None) -> tuple[int, bytes, bytes]:
    """The command with standard error on a pseudo-terminal (as in a shell) and standard output
    on a pipe; what each received."""
    master, slave = pty.openpty()
    command = [sys.executable, "-c", code, *args] if code else [str(Path(sys.executable).parent / "mopsdocs"), *args]
    proc = subprocess.Popen(
        command, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=slave, env={**os.environ}
    )
    os.close(slave)
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(stdin)
    proc.stdin.close()
    err = b""
    out_chunks = []
    out_fd = proc.stdout.fileno()
    os.set_blocking(out_fd, False)
    while True:
        ready, _, _ = select.select([master, out_fd], [], [], 60)
        assert ready, "the command hung"
        if out_fd in ready:
            chunk = proc.stdout.read()
            if chunk:
                out_chunks.append(chunk)
        if master in ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # the terminal's other side closed: the command ended
                data = b""
            if not data:
                break
            err += data
    os.set_blocking(out_fd, True)
    rest = proc.stdout.read()  # the rest, up to the end
    out_chunks.append(rest or b"")
    os.close(master)
    return proc.wait(timeout=60), b"".join(out_chunks), err


@pytest.fixture
def proj(tmp_path: Path) -> Path:
    return make_project(tmp_path / "proj", {"specs/naming.yaml": (REPO / "specs/naming.yaml").read_text()})


def test_a_long_run_shows_progress_on_the_terminal_and_wipes_it(proj: Path) -> None:
    names = "\n".join(make_names(5000, 0.5, seed=3)) + "\n"
    code, out, err = _run_on_a_terminal(["names", "check", "program"], proj, names.encode(), RUN_WITH_NO_DELAY)
    assert code == 1
    assert b"\rmopsdocs: checked 4,096 names..." in err  # updated in place, every 1,024 names
    last = err.rindex(b"\rmopsdocs: checked ")
    width = len(err[last + 1 :].split(b"\r")[0])
    assert err.endswith(b"\r" + b" " * width + b"\r")  # and wiped: the shell prompt starts clean
    assert b"\r" not in out and b"names..." not in out  # never mixed into the report
    assert b"Checked 5,000 names against 'program'" in out


def test_a_short_run_on_a_terminal_shows_nothing(proj: Path) -> None:
    names = "\n".join(make_names(50, 0.5, seed=3)) + "\n"
    code, out, err = _run_on_a_terminal(["names", "check", "program"], proj, names.encode())
    assert code == 1
    assert err == b""  # under a second: no progress line at all
    assert b"Checked 50 names" in out
