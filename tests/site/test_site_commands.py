"""`mopsdocs graph`, `init`, `build` and `serve` as users run them."""

from __future__ import annotations

import socket
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import OutputReader, require_tool, run_cli, serve_rebuilds, wait_until
from sitetools import BIN, MKDOCS_ENV, mini_project, run_tool, tree

from mopsdocs import specs
from mopsdocs.pipeline import load_project
from mopsdocs.scaffold import scaffold_files
from mopsdocs.site.diagram import lifecycle_dot

SVG = "{http://www.w3.org/2000/svg}"


# --------------------------------------------------------------------------- graph


def test_graph_prints_the_same_dot_as_the_site(tmp_path: Path) -> None:
    root = mini_project(tmp_path / "p")
    result = run_cli(["graph", "lead"], cwd=root)
    project, _ = load_project(root)
    assert result.code == 0 and result.out == lifecycle_dot(project, project.lifecycles["lead"])


def test_graph_svg_is_a_styled_standalone_file_and_says_which_graphviz(tmp_path: Path) -> None:
    require_tool("dot", "drawing with the system Graphviz")
    root = mini_project(tmp_path / "p")
    result = run_cli(["graph", "lead", "--format", "svg"], cwd=root)
    assert result.code == 0
    assert result.err.startswith("mopsdocs: drawn with dot 2.43")
    svg = ET.fromstring(result.out.encode())
    assert svg.tag == f"{SVG}svg" and svg[0].tag == f"{SVG}title" and svg[1].tag == f"{SVG}style"
    assert "svg.mopsdocs-svg .t-recycle" in (svg[1].text or "")


def test_graph_svg_falls_back_to_graphviz_pure(tmp_path: Path) -> None:
    require_tool("graphviz-pure", "the fallback renderer", path=BIN / "graphviz-pure", install="pip install -e .[test]")
    root = mini_project(tmp_path / "p")
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    proc = run_tool("mopsdocs", ["graph", "lead", "--format", "svg"], cwd=root, env={"PATH": str(empty)})
    assert proc.returncode == 0, proc.stderr
    assert "drawn with graphviz-pure" in proc.stderr and "(no `dot` on PATH)" in proc.stderr
    ET.fromstring(proc.stdout.encode())


def test_graph_of_an_unknown_lifecycle_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli(["graph", "laed"], cwd=mini_project(tmp_path / "p"))
    assert result.code == 2 and "unknown lifecycle 'laed' (did you mean 'lead'?)" in result.err


# --------------------------------------------------------------------------- init


def test_init_creates_a_project_that_passes_check_and_build_strict(tmp_path: Path) -> None:
    target = tmp_path / "new"
    result = run_cli(["init", str(target)])
    assert result.code == 0
    expected = {rel for rel, _ in scaffold_files()}
    assert {"mkdocs.yml", "docs/index.md", ".gitignore"} <= expected
    expected |= {f".mopsdocs/schemas/{k}.schema.json" for k in specs.KINDS}  # one per kind
    assert set(tree(target)) == expected
    kinds = {
        line.split(":", 1)[1].strip()
        for p in (target / "specs").rglob("*.yaml")
        for line in p.read_text().splitlines()
        if line.startswith("kind:")
    }
    assert kinds == {"team", "lifecycle", "raci", "naming", "program"}
    check = run_tool("mopsdocs", ["check", "--strict"], cwd=target)
    assert check.returncode == 0, check.stdout + check.stderr
    build = run_tool("mkdocs", ["build", "--strict"], cwd=target)
    assert build.returncode == 0, build.stderr
    assert (target / "site" / "lifecycle" / "lead" / "index.html").is_file()


def test_init_never_overwrites_a_file(tmp_path: Path) -> None:
    target = tmp_path / "new"
    target.mkdir()
    (target / "mkdocs.yml").write_text("site_name: Mine\n", encoding="utf-8")
    first = run_cli(["init", str(target)])
    assert first.code == 0 and "exists, left as is: mkdocs.yml" in first.out
    assert (target / "mkdocs.yml").read_text() == "site_name: Mine\n"
    before = tree(target)
    (target / "specs" / "team.yaml").write_text("kind: team\n", encoding="utf-8")
    second = run_cli(["init", str(target)])
    assert second.code == 0 and "created" not in second.out
    assert (target / "specs" / "team.yaml").read_text() == "kind: team\n"
    assert set(tree(target)) == set(before)


# --------------------------------------------------------------------------- build


def test_build_from_a_subfolder_into_a_chosen_folder(tmp_path: Path) -> None:
    root = mini_project(tmp_path / "p")
    out = tmp_path / "out"
    result = run_cli(["build", "--strict", "-d", str(out)], cwd=root / "specs")
    assert result.code == 0, result.err
    assert (out / "lifecycle" / "lead" / "index.html").is_file() and not (root / "site").exists()


# --------------------------------------------------------------------------- serve


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return str(response.read().decode("utf-8"))
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


@pytest.mark.slow
def test_serve_rebuilds_when_a_spec_changes(tmp_path: Path) -> None:
    import os
    import subprocess

    root = mini_project(tmp_path / "p", {"templates/page_footer.md.j2": "FOOTER-ONE\n"})
    port = _free_port()
    proc = subprocess.Popen(
        [str(BIN / "mopsdocs"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env={**os.environ, **MKDOCS_ENV},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    log = OutputReader(proc.stdout)

    def rebuilt_after(count: int) -> bool:
        assert proc.poll() is None, f"serve stopped:\n{log.text()[-3000:]}"
        return serve_rebuilds(log.text()) > count

    try:
        url = f"http://127.0.0.1:{port}/lifecycle/lead/"
        assert "Marketing qualified" not in _get(url)
        spec = root / "specs" / "lifecycle.yaml"
        spec.write_text(spec.read_text().replace("name: MQL", "name: Marketing qualified"), encoding="utf-8")
        wait_until(lambda: "Marketing qualified" in _get(url), 60, "serve to rebuild after the spec changed", 0.5)
        # a template override is watched too
        (root / "templates" / "page_footer.md.j2").write_text("FOOTER-TWO\n", encoding="utf-8")
        wait_until(lambda: "FOOTER-TWO" in _get(url), 60, "serve to rebuild after the template changed", 0.5)
        # a spec error or a broken template keeps the preview running and is reported, no traceback
        done = serve_rebuilds(log.text())
        spec.write_text(spec.read_text().replace("to: lost", "to: lots"), encoding="utf-8")
        wait_until(lambda: rebuilt_after(done), 120, "the rebuild after a spec error")
        assert "Marketing qualified" in _get(url)
        done = serve_rebuilds(log.text())
        (root / "templates" / "page_footer.md.j2").write_text("{% if %}\n", encoding="utf-8")
        wait_until(lambda: rebuilt_after(done), 120, "the rebuild after a template broke")
        _get(f"http://127.0.0.1:{port}/")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    output = log.close()
    assert "error[REF001]: unknown stage 'lots'" in output
    assert "page_footer.md.j2:1: template syntax error" in output
    assert "Traceback" not in output
    assert sorted(p.name for p in (root / "docs").iterdir()) == ["index.md"]  # serve wrote nothing there
