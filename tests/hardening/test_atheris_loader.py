"""Coverage-guided fuzzing of the loader with Atheris (libFuzzer), for a bounded time, plus its regressions.

The target is fuzz/fuzz_loader.py (bytes -> decode -> load_text -> validate_document, every
diagnostic inside the input). The seed corpus is the YAML test suite, the example specs and
fuzz/regressions/. The run is bounded (MOPSDOCS_ATHERIS_SECONDS, default 30) and seeded; a crash,
a per-input timeout (10 s) or memory above 2 GB fails the test and names the artifact to keep.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import require_tool
from hardtools import REPO, YAML_SUITE, yaml_suite_inputs

TARGET = REPO / "fuzz" / "fuzz_loader.py"
REGRESSIONS = REPO / "fuzz" / "regressions"
SECONDS = int(os.environ.get("MOPSDOCS_ATHERIS_SECONDS", "30"))


def test_atheris_is_installed() -> None:
    """The test extra installs it (Linux wheels); without it the fuzzing below could not run."""
    assert importlib.util.find_spec("atheris") is not None, "pip install -e .[test] installs atheris"


def test_regressions_replay_clean() -> None:
    spec = importlib.util.spec_from_file_location("loader_property", REPO / "fuzz" / "loader_property.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    inputs = sorted(p for p in REGRESSIONS.iterdir() if p.suffix != ".md")
    assert len(inputs) >= 10
    for path in inputs:
        module.check_one(path.read_bytes())


def test_fuzz_the_loader_for_a_bounded_time(tmp_path: Path) -> None:
    require_tool(
        "the YAML test suite",
        "the fuzzers' seed corpus",
        path=YAML_SUITE,
        install="clone github.com/yaml/yaml-test-suite (data) into ../shared/corpora/yaml-test-suite",
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, path in enumerate(yaml_suite_inputs()):
        shutil.copy(path, corpus / f"suite-{i:03d}.yaml")
    for path in sorted((REPO / "specs").rglob("*.yaml")):
        shutil.copy(path, corpus / f"example-{path.name}")
    assert len(list(corpus.iterdir())) > 300, (
        f"the seed corpus is too small: {len(yaml_suite_inputs())} inputs in {YAML_SUITE}"
    )
    artifacts = tmp_path / "artifacts"
    artifacts.mkdir()
    args = [
        sys.executable,
        str(TARGET),
        f"-max_total_time={SECONDS}",
        "-timeout=10",
        "-rss_limit_mb=2048",
        "-seed=20211201",
        "-print_final_stats=1",
        f"-artifact_prefix={artifacts}/",
        str(corpus),
        str(REGRESSIONS),
    ]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=SECONDS + 300)
    found = sorted(artifacts.iterdir())
    report = "\n".join(f"{p.name}: {p.read_bytes()[:300]!r}" for p in found)
    assert proc.returncode == 0 and not found, (
        f"Atheris found a failing input (keep it in fuzz/regressions/):\n{report}\n{proc.stderr[-4000:]}"
    )
    assert "Done" in proc.stderr and "stat::number_of_executed_units" in proc.stderr, proc.stderr[-2000:]
    executed = int(proc.stderr.split("stat::number_of_executed_units:")[1].split()[0])
    assert executed > 1000, f"only {executed} inputs in {SECONDS} s"
