"""Fuzzing (Hypothesis): random and mutated YAML, broken projects, random names and CSV, into every command.

The contract for any input: exit 0, 1 or 2, never 3; no traceback; every problem a located
diagnostic (a real file, a line inside it, a column); each run bounded in time. Examples are
derandomized (same inputs every run, so CI is reproducible); inputs that once failed are kept as
`@example`s here, and loader inputs in `fuzz/regressions/` (replayed by test_atheris_loader.py).
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import genproject
import pytest
from conftest import Result, require_tool, run_cli
from hardtools import (
    CONCISE,
    REPO,
    YAML_SUITE,
    fuzz,
    limited_run,
    no_crash,
    sane,
    time_limit,
    write_project,
    yaml_suite_inputs,
)
from hypothesis import example, given
from hypothesis import strategies as st
from mutate import mutated_bytes, mutated_text

from mopsdocs.loader import Limits, load_text
from mopsdocs.specs import RaciSpec
from mopsdocs.validate import validate_document

NAMES = 'WBN_Spring-Launch\nwebinar spring launch\n\n=HYPERLINK("x")\n\x1b[2J\u202e\n' + "x" * 5000 + "\n"
LOCATION_IN_MESSAGE = re.compile(r"\S+:\d+:\d+|line \d+")
TEAM = (
    "kind: team\nteams:\n  - {id: mops, name: MOPs}\nroles:\n  - {id: admin, name: Admin, team: mops}\n"
    "people:\n  - {id: ann, name: Ann, roles: [admin]}\n"
)


@pytest.fixture(autouse=True, scope="module")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """`check --changed` below must write into a cache of its own, not the user's."""
    old = os.environ.get("MOPSDOCS_CACHE_DIR")
    os.environ["MOPSDOCS_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        del os.environ["MOPSDOCS_CACHE_DIR"]
    else:
        os.environ["MOPSDOCS_CACHE_DIR"] = old


def run(args: list[str], root: Path, stdin: str | None = None, seconds: float = 30) -> Result:
    with time_limit(seconds):
        result = run_cli(args, cwd=root, stdin=stdin)
    sane(result, root, " ".join(args), concise="concise" in args)
    return result


def lines_of(text: str) -> list[str]:
    return re.split(r"\r\n|\r|\n", text)


# --------------------------------------------------------------------------- the loader alone


def test_the_seed_corpus_is_there() -> None:
    """mutate.py seeds the mutations with the YAML test suite from ../shared/: without it the fuzzing
    below still runs, on the example specs alone. CI must not lose the suite unnoticed."""
    require_tool(
        "the YAML test suite",
        "the fuzzers' seed corpus",
        path=YAML_SUITE,
        install="clone github.com/yaml/yaml-test-suite (data) into ../shared/corpora/yaml-test-suite",
    )
    assert len(yaml_suite_inputs()) > 300, f"only {len(yaml_suite_inputs())} inputs in {YAML_SUITE}"


@fuzz(400)
@given(mutated_text)
@example("a: &x [*x]\n")
@example("- ? - ? - ? [\n")
@example("kind: team\n? [a, {b: c}]\n: 1\n")
def test_loader_and_validator_locate_everything(text: str) -> None:
    limits = Limits(max_file_bytes=1_000_000, max_documents=50, max_depth=40)
    with time_limit(10):
        result = load_text(text, "specs/x.yaml", limits)
        diags = list(result.diagnostics)
        for doc in result.documents:
            _, problems = validate_document(doc)
            diags += problems
    lines = lines_of(text)
    widest = max(len(line) for line in lines)
    for d in diags:
        assert re.fullmatch(r"[A-Z]+[0-9]{3}", d.code), d
        assert d.location.path == "specs/x.yaml", d
        assert 1 <= d.location.line <= len(lines) + 1, (d, len(lines))
        assert 1 <= d.location.column <= widest + 2, (d, widest)
        assert d.message and "\n" not in d.location.path


# --------------------------------------------------------------------------- every command


def every_command(root: Path, fmt: str) -> None:
    """Run each command that reads specs; check what each must guarantee beyond not crashing."""
    concise = run(["check", "--format", "concise"], root)
    other = run(["check", "--format", fmt], root)
    assert other.code == concise.code
    if fmt in ("json", "sarif"):
        payload = json.loads(other.out)
        if fmt == "json":
            assert payload["summary"]["errors"] + payload["summary"]["warnings"] == len(payload["diagnostics"])
            assert len(payload["diagnostics"]) == len(concise.out.splitlines()) - 1
    changed = run(["check", "--changed", "--format", "concise"], root)
    again = run(["check", "--changed", "--format", "concise"], root)  # from the cache this time
    assert changed.out == again.out == concise.out
    exported = run(["export", "--as-of", "2021-12-01"], root)
    model = json.loads(exported.out)
    # export exits 1 exactly when check (on the same day) finds an error, and says so; else 0, or 2 for
    # what check also refuses (e.g. a bad mkdocs.yml). The day matters: review dates can be errors.
    dated = run(["check", "--as-of", "2021-12-01", "--format", "concise"], root)
    assert exported.code == dated.code, (exported.code, dated.out[-2000:], exported.err[-2000:])
    assert ("left parts out of the export" in exported.err) == (dated.code == 1), exported.err[-2000:]
    schema = run(["schema", "--with-ids"], root)
    assert schema.code == 0 and json.loads(schema.out)
    for matrix in list(model["raci"])[:2]:
        for form in ("csv", "markdown"):
            out = run(["raci", "export", matrix, "--format", form], root)
            assert out.code in (0, 1) and out.out
    for lifecycle in list(model["lifecycles"])[:1]:
        assert run(["graph", lifecycle], root).code in (0, 1)
    drafted = run(["review", "draft", "2021"], root)  # (v2) reads the backlog and the reviews
    assert drafted.code == 0 and "kind: review" in drafted.out, drafted.err[-2000:]
    for convention in list(model["conventions"])[:1]:
        run(["names", "check", convention, "--format", fmt if fmt in ("json", "text") else "csv"], root, stdin=NAMES)
        run(["names", "build", convention, "channel=WBN", "title=Launch"], root)
    run(["fmt", "--check"], root)
    fmt_keeps_data_and_diagnostics(root, concise.out)


def _diagnostics_without_positions(out: str) -> list[str]:
    found = []
    for line in out.splitlines()[:-1]:
        m = CONCISE.match(line)
        assert m, line
        found.append(f"{m['path']}: {m['sev']}[{m['code']}]: " + LOCATION_IN_MESSAGE.sub("LOC", m["msg"]))
    return sorted(found)


def fmt_keeps_data_and_diagnostics(root: Path, before_check: str) -> None:
    """`fmt` rewrites only files that load cleanly, and never changes what they mean."""
    files = sorted(p for p in (root / "specs").rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    before = {p: p.read_bytes() for p in files}
    run(["fmt"], root)
    for path, raw in before.items():
        now = path.read_bytes()
        if now == raw:
            continue
        old_load = load_text(raw.decode("utf-8-sig"), "x")
        new_load = load_text(now.decode("utf-8"), "x")
        assert old_load.diagnostics == [] and new_load.diagnostics == [], path
        assert [d.data for d in new_load.documents] == [d.data for d in old_load.documents], path
    after_check = run(["check", "--format", "concise"], root)
    assert _diagnostics_without_positions(after_check.out) == _diagnostics_without_positions(before_check)
    second = run(["fmt", "--check"], root)
    assert second.out.startswith("0 file(s) would reformat"), second.out  # idempotent


@fuzz(70)
@given(
    st.lists(mutated_bytes, min_size=1, max_size=3), st.booleans(), st.sampled_from(["text", "json", "github", "sarif"])
)
@example([b"--- >\n folded\n text\n\n\n"], False, "text")  # fmt wrote YAML that no longer parsed
@example([b"# a header\n---\nteams: []\nkind: team\n"], True, "json")  # fmt dropped the header comment
@example([b"# only a comment\n"], False, "text")  # fmt emptied the file
@example([b"kind: team\n", b"\xff\xfe"], True, "sarif")
def test_mutated_specs_through_every_command(files: list[bytes], with_valid: bool, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        specs: dict[str, str | bytes] = {f"specs/m{i}.yaml": data for i, data in enumerate(files)}
        if with_valid:
            specs["specs/team.yaml"] = TEAM
        root = write_project(Path(tmp) / "p", specs)
        every_command(root, fmt)


# random file names: what a user (or an attacker) can name a spec file
name_chars = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp"), exclude_characters="/")
file_names = st.text(name_chars, min_size=1, max_size=20).filter(lambda n: not n.startswith(".") and n.strip())


@fuzz(30)
@given(
    st.integers(0, 2**32),
    st.integers(0, 6),
    st.lists(file_names, min_size=8, max_size=8, unique=True),
    st.sampled_from(["text", "json", "github", "sarif"]),
)
def test_broken_projects_with_random_names_through_every_command(
    seed: int, damage: int, names: list[str], fmt: str
) -> None:
    rng = random.Random(seed)
    docs = genproject.break_project(genproject.valid_project(rng), rng, damage)
    files: dict[str, str | bytes] = dict(genproject.render(docs, rng, names=names, files=rng.randint(1, 8)))
    with tempfile.TemporaryDirectory() as tmp:
        root = write_project(Path(tmp) / "p", files, genproject.MKDOCS)
        if damage == 0:
            assert run(["check", "--strict", "--format", "concise"], root).code == 0
        every_command(root, fmt)


@fuzz(40)
@given(st.text(max_size=80), st.sampled_from(["csv", "markdown"]))
@example("mops\n", "csv")
@example("-h", "csv")
@example("--format", "csv")
def test_random_ids_on_the_command_line(example_project: Path, name: str, form: str) -> None:
    for args in (["raci", "export", name, "--format", form], ["graph", name], ["names", "build", name]):
        out = run(args, example_project)
        assert out.code in (0, 1, 2)
        if out.code == 2:
            assert out.err.startswith(("mopsdocs: error:", "Error:", "Usage:")), out.err


@pytest.fixture(scope="module")
def example_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("example")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "specs", root / "specs")
    return root


names_text = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["", "-", "--help", "2021-12_WBN_NA_Peak-Capacity", "=1+1", "\x00", "a" * 10_000, "é" * 80]),
)


@fuzz(40)
@given(
    st.lists(names_text, max_size=12),
    st.sampled_from(["text", "json", "csv"]),
    st.sampled_from(["program", "email", "utm-campaign", "nope"]),
)
def test_random_names_into_names_check(example_project: Path, names: list[str], fmt: str, convention: str) -> None:
    out = run(["names", "check", convention, "--format", fmt], example_project, stdin="\n".join(names) + "\n")
    assert out.code in (0, 1, 2)
    if out.code in (0, 1) and fmt == "json":
        json.loads(out.out)


@fuzz(40)
@given(st.lists(st.tuples(st.sampled_from(["date", "channel", "region", "name", "x", ""]), names_text), max_size=5))
def test_random_values_into_names_build(example_project: Path, values: list[tuple[str, str]]) -> None:
    out = run(["names", "build", "program", *(f"{k}={v}" for k, v in values)], example_project)
    assert out.code in (0, 1, 2)


@fuzz(4)
@given(st.integers(0, 2**32), st.integers(0, 5))
def test_broken_projects_through_build(seed: int, damage: int) -> None:
    """The site build of a broken project: a located refusal or a site, never a crash (few examples: slow)."""
    rng = random.Random(seed)
    docs = genproject.break_project(genproject.valid_project(rng), rng, damage)
    with tempfile.TemporaryDirectory() as tmp:
        root = write_project(Path(tmp) / "p", dict[str, str | bytes](genproject.render(docs, rng)), genproject.MKDOCS)
        (root / "docs").mkdir()
        (root / "docs" / "index.md").write_text("# Fuzz\n")
        proc = limited_run(["build", "-d", str(Path(tmp) / "site")], root, timeout=180, memory_mb=3072)
        no_crash(proc.returncode, proc.stdout, proc.stderr, "build")
        check = run(["check", "--format", "concise"], root)
        if check.code == 1:
            assert proc.returncode == 1 and "error[" in proc.stderr  # refused, saying why
        else:
            assert proc.returncode == 0, proc.stderr[-2000:]


# --------------------------------------------------------------------------- CSV into `raci import`

CELLS = [
    "R",
    "A",
    "C",
    "I",
    "A/R",
    "ar",
    "a / r",
    "",
    " ",
    "X",
    "=1+1",
    "+A",
    "-",
    "@SUM(A1)",
    "'=x",
    '"',
    '""',
    "a,b",
    "a;b",
    "\t",
    "\r",
    "\n",
    "é",
    "\x00",
    "\ufeff",
    "x" * 3000,
    '=HYPERLINK("http://evil","A")',
]
cell = st.one_of(st.sampled_from(CELLS), st.text(max_size=12))
party = st.one_of(st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True), st.sampled_from(CELLS), st.text(max_size=8))


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    parties = draw(st.lists(party, max_size=6))
    header = (
        draw(
            st.sampled_from(
                [
                    ["activity_id", "activity", "group"],
                    ["activity_id", "activity"],
                    ["id", "x"],
                    ["ACTIVITY_ID", "Activity", "Group"],
                ]
            )
        )
        + parties
    )
    rows = draw(st.lists(st.lists(cell, max_size=len(header) + 2), max_size=8))
    ids = st.one_of(st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True), cell)
    rows = [[draw(ids), *row] for row in rows]
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    buf = io.StringIO()
    quoting: Literal[0, 1, 2, 3] = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]))
    writer = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator=draw(st.sampled_from(["\r\n", "\n"])))
    if draw(st.booleans()):
        buf.write(f"sep={delimiter}\r\n")
    for row in [header, *rows]:
        writer.writerow(row)
    text = buf.getvalue()
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"]))
    data = text.encode(encoding, "replace")
    if draw(st.integers(0, 9)) == 0:  # a damaged byte somewhere
        at = draw(st.integers(0, max(0, len(data) - 1)))
        data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
    return data


@fuzz(120)
@given(st.one_of(csv_files(), st.binary(max_size=300)))
@example(b"activity_id,activity,group,a\r\nx,X,,A/R\r\n")
@example(b"\xff\xfe")
@example(b'activity_id,activity,group,a\nx,"unterminated\n')
def test_random_csv_into_raci_import_and_back(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "matrix.csv").write_bytes(data)
        out = run(["raci", "import", "matrix.csv", "-o", "matrix.yaml"], work)
        if out.code != 0:
            assert not (work / "matrix.yaml").exists()  # nothing written on a problem
            assert out.err.strip(), "a refusal says why"
            for line in out.err.splitlines():
                if line.startswith("matrix.csv:"):
                    assert re.match(r"matrix\.csv:\d+:\d+: ", line), line
            return
        spec = (work / "matrix.yaml").read_text(encoding="utf-8")
        loaded = load_text(spec, "specs/matrix.yaml")
        assert loaded.diagnostics == []
        validated, problems = validate_document(loaded.documents[0])
        assert problems == [] and isinstance(validated, RaciSpec)
        # and back: the spec in a project, exported to CSV, imported again gives the same spec
        root = write_project(work / "p", {"specs/matrix.yaml": spec})
        exported = run(["raci", "export", "matrix"], root)
        (work / "again.csv").write_text(exported.out, encoding="utf-8")
        again = run(["raci", "import", "again.csv", "--id", "matrix", "--name", validated.name], work)
        assert again.code == 0, again.err
        assert again.out.split("\n", 1)[1] == spec.split("\n", 1)[1]  # the first line names the source file


@fuzz(30)
@given(csv_files())
def test_csv_from_stdin(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = run(["raci", "import", "-", "--id", "m"], Path(tmp), stdin=data.decode("utf-8", "replace"))
        assert out.code in (0, 1, 2)
