"""Regression tests, one per bug the hardening work found (each failed before its fix).

The hostile corpus (`hostile/`) and test_nothing_lost.py hold the end-to-end versions; these pin the
cause where it was fixed.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from typing import TYPE_CHECKING, cast

import pytest
from conftest import OutputReader, run_cli, serve_rebuilds, wait_until
from hardtools import child_env, time_limit, write_project

from mopsdocs.diagnostics import Diagnostic, Location, Report, Severity
from mopsdocs.fmt import format_text
from mopsdocs.i18n import ENGLISH
from mopsdocs.loader import Limits, load_file, load_text
from mopsdocs.report import format_concise, safe
from mopsdocs.report import format_text as report_text

if TYPE_CHECKING:
    from mopsdocs.site.context import SiteContext

TEAM = "kind: team\nteams:\n  - {id: a, name: A}\n"


def test_a_fifo_named_like_a_spec_is_refused_without_blocking(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """check, check --changed and the text report used to wait forever on a named pipe."""
    root = write_project(tmp_path / "p", {"specs/team.yaml": TEAM})
    os.mkfifo(root / "specs" / "pipe.yaml")
    with time_limit(10):
        loaded = load_file(str(root / "specs" / "pipe.yaml"), "specs/pipe.yaml")
        assert [d.code for d in loaded.diagnostics] == ["FILE001"]
        for args in (["check"], ["check", "--changed"], ["fmt", "--check"]):
            # monkeypatch puts the session's private cache back after (a `del` left later tests
            # with no MOPSDOCS_CACHE_DIR, writing into the user's cache)
            monkeypatch.setenv("MOPSDOCS_CACHE_DIR", str(tmp_path / "cache"))
            result = run_cli(args, cwd=root)
            assert result.code == 1 and "Traceback" not in result.err


def test_a_damaged_cache_object_is_a_miss_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOPSDOCS_CACHE_DIR", str(tmp_path / "cache"))
    root = write_project(tmp_path / "p", {"specs/team.yaml": TEAM})
    assert run_cli(["check", "--changed"], cwd=root).code == 0
    objects = list((tmp_path / "cache").rglob("*.pickle"))
    assert objects
    rng = random.Random(9)
    for attempt in range(30):  # random bytes, truncations, and valid pickles of the wrong shape
        data = objects[0].read_bytes()
        choice = attempt % 3
        damaged = (
            bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
            if choice == 0
            else data[: rng.randrange(len(data))]
            if choice == 1
            else b"\x80\x05K\x07."
        )  # pickled int 7
        objects[0].write_bytes(damaged)
        result = run_cli(["check", "--changed"], cwd=root)
        assert result.code == 0 and "Traceback" not in result.err, damaged[:40]


def test_report_lines_cannot_be_forged_or_drive_the_terminal() -> None:
    value = "x\nspecs/forged.yaml:1:1: error[REF001]: forged\x1b[2J\u202e\r"
    d = Diagnostic("SPEC001", Severity.ERROR, f"unknown kind '{value}'", Location("specs/a\nb.yaml", 1, 7), hint=value)
    out = format_concise(Report([d], files=1), Path("."))
    assert len(out.splitlines()) == 2
    assert "\\n" in out and "\\x1b" in out and "\\u202e" in out and "\x1b" not in out
    assert safe("plain café ☕") == "plain café ☕"


def test_text_excerpt_shows_controls_as_pictures_and_keeps_the_caret_aligned(tmp_path: Path) -> None:
    (tmp_path / "specs").mkdir()
    (tmp_path / "specs" / "c.yaml").write_bytes(b"kind: team\na: b\x1b[2Jc\n")
    loaded = load_text((tmp_path / "specs" / "c.yaml").read_text(), "specs/c.yaml")
    out = report_text(Report(loaded.diagnostics, files=1), tmp_path)
    assert "\x1b" not in out
    excerpt, caret = [line for line in out.splitlines() if line.startswith(("2 |", "  |"))][1:3]
    assert excerpt == "2 | a: b\u241b[2Jc"
    assert caret.index("^") == excerpt.index("\u241b")


def test_positions_count_lines_as_editors_do() -> None:
    """libyaml also breaks lines at NEL, U+2028 and U+2029; positions now count LF, CRLF and CR only."""
    text = 'kind: team\nteams:\n  - {id: a, name: "A\u2028B\u0085C"}\n  - {id: B, name: B}\n'
    doc = load_text(text, "x.yaml").documents[0]
    assert doc.values[("teams", 1, "id")] == (4, 10)
    cr_only = "kind: team\rteams:\r  - {id: a, name: A}\r  - {id: B, name: B}\r"
    assert load_text(cr_only, "x.yaml").documents[0].values[("teams", 1, "id")] == (4, 10)


def test_megabyte_keys_are_clipped_in_messages(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", {"specs/k.yaml": "kind: team\n? " + "k" * 1_000_000 + "\n: 1\n"})
    result = run_cli(["check", "--format", "concise"], cwd=root)
    assert result.code == 1 and len(result.out) < 1000


@pytest.mark.parametrize("depth", [100, 2000])
def test_our_nesting_cap_is_reported_not_libyamls(depth: int) -> None:
    """libyaml 0.2.6 (PyYAML 6.0.4) stops at 1000 flow levels, and its scanner looks ~1024 characters
    ahead: `[[[[...` gave YAML001 "exceeded maximum nesting depth" before our LIMIT001 at level 100.
    The file is now read again by the pure-Python parser, so the cap is ours on any PyYAML 6.0.x."""
    (d,) = load_text("a: " + "[" * 3000 + "]" * 3000 + "\n", "x.yaml", Limits(max_depth=depth)).diagnostics
    assert (d.code, d.location.line, d.location.column) == ("LIMIT001", 1, depth + 3)
    assert load_text("a: " + "[" * 1500 + "]" * 1500 + "\n", "x.yaml", Limits(max_depth=2000)).diagnostics == []


# --------------------------------------------------------------------------- fmt


@pytest.mark.parametrize(
    "text",
    [
        "# a header comment\n---\nteams: []\nkind: team\n",
        "# one\n\n# two\n---\nkind: team\n",
    ],
)
def test_fmt_keeps_comments_before_the_first_document_marker(text: str) -> None:
    out = format_text(text)
    assert out.startswith(text.split("---")[0] + "---\n")
    assert format_text(out) == out


@pytest.mark.parametrize(
    "text,why",
    [
        ("# only a comment\n", "drop the comment"),
        ("kind: team\n...\n# after the end marker\n", "drop the comment"),
        ("--- >\n folded\n text\n", "would not read back the same"),
    ],
)
def test_fmt_leaves_a_file_alone_rather_than_lose_part_of_it(tmp_path: Path, text: str, why: str) -> None:
    root = write_project(tmp_path / "p", {"specs/a.yaml": text, "specs/b.yaml": "teams: []\nkind: team\n"})
    result = run_cli(["fmt"], cwd=root)
    assert result.code == 0
    assert (root / "specs" / "a.yaml").read_text() == text
    assert "left specs/a.yaml as it is" in result.err and why in result.err
    assert (root / "specs" / "b.yaml").read_text() == "kind: team\nteams: []\n"


# --------------------------------------------------------------------------- naming: key order leaked


def test_naming_pages_and_matchers_do_not_depend_on_the_order_of_fields(tmp_path: Path) -> None:
    """Vocabularies were listed in `fields:` key order, and regex group names numbered by it."""
    from mopsdocs.naming.catalogue import compile_all
    from mopsdocs.naming.jsdata import convention_data
    from mopsdocs.pipeline import load_project
    from mopsdocs.site.families.naming import view

    def convention(fields: list[str]) -> str:
        defs = {
            "region": "{type: vocabulary, vocabulary: region}",
            "channel": "{type: vocabulary, vocabulary: channel}",
            "name": "{type: text, pattern: '[A-Za-z0-9-]+', min_length: 2, max_length: 12}",
        }
        body = "".join(f"      {f}: {defs[f]}\n" for f in fields)
        return (
            "kind: naming\nvocabularies:\n  - {id: channel, name: Channel, values: [{code: WBN}]}\n"
            "  - {id: region, name: Region, values: [{code: NA}]}\nconventions:\n  - id: program\n"
            "    name: Program\n    template: '{channel}_{region}_{name}'\n    fields:\n" + body
        )

    results = []
    for i, order in enumerate((["channel", "region", "name"], ["name", "region", "channel"])):
        root = write_project(tmp_path / f"p{i}", {"specs/naming.yaml": convention(order)})
        project, report = load_project(root)
        assert report.errors == 0
        compiled, problems = compile_all(project)["program"]
        assert compiled is not None, problems
        page = view(project, cast("SiteContext", _Site()), project.conventions["program"], compiled, problems)
        results.append((json.dumps(convention_data(compiled)), [v.id for v in page.vocabularies]))
    assert results[0] == results[1]
    assert results[0][1] == ["channel", "region"]  # template order


class _Site:
    """The little of SiteContext that the naming view reads."""

    words = ENGLISH

    def edit_url(self, path: str) -> None:
        return None

    def has_family(self, name: str) -> bool:
        return False  # the naming page alone: no channel pages to link to


# --------------------------------------------------------------------------- serve


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_on_a_busy_port_is_a_usage_error(tmp_path: Path) -> None:
    """It was exit 3 with a bug-report message ("OSError: Address already in use")."""
    import socket

    from hardtools import limited_run

    root = tmp_path / "p"
    assert run_cli(["init", str(root)]).code == 0
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = limited_run(["serve", "-a", f"127.0.0.1:{port}"], root, timeout=120, memory_mb=3072)
    assert proc.returncode == 2, proc.stderr[-2000:]
    assert "Address already in use" in proc.stderr and "Traceback" not in proc.stderr


def test_serve_survives_a_broken_spec_and_serves_again_when_fixed(tmp_path: Path) -> None:
    import signal
    import subprocess
    import sys
    import urllib.request

    root = tmp_path / "p"
    assert run_cli(["init", str(root)]).code == 0
    port = _free_port()
    exe = str(Path(sys.executable).parent / "mopsdocs")
    proc = subprocess.Popen(
        [exe, "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=child_env(),
    )
    output = OutputReader(proc.stdout)

    def status(path: str = "/") -> int | None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
                return int(response.status)
        except OSError:
            assert proc.poll() is None, f"serve stopped:\n{output.text()[-3000:]}"
            return None

    def rebuilt_after(count: int) -> bool:
        assert proc.poll() is None, f"serve stopped:\n{output.text()[-3000:]}"
        return serve_rebuilds(output.text()) > count

    try:
        assert wait_until(status, 60, "serve to answer") == 200
        spec = root / "specs" / "broken.yaml"
        done = serve_rebuilds(output.text())
        spec.write_text("kind: [\n")
        wait_until(lambda: rebuilt_after(done), 120, "the rebuild after a spec broke")
        assert "specs/broken.yaml" in output.text()  # the problem is reported...
        assert status() == 200  # ...and the server goes on with the last good site
        done = serve_rebuilds(output.text())
        spec.unlink()
        wait_until(lambda: rebuilt_after(done), 120, "the rebuild after the spec was removed")
        assert status("/lifecycle/lead/") == 200
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
    out = output.close()
    assert "Traceback" not in out and "bug in mopsdocs" not in out, out[-3000:]


# --------------------------------------------------------------------------- the diagram cache


def test_an_svg_committed_into_the_project_never_reaches_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The diagram cache was `.cache/mopsdocs/diagrams/` inside the project, read back as is: a pull
    request that added `<key>.svg` there put its own `<svg onload=...>` into every built page."""
    from hardtools import limited_run

    from mopsdocs.pipeline import load_project
    from mopsdocs.site.diagram import lifecycle_dot
    from mopsdocs.site.diagram_cache import CACHE_DIR, DiagramService

    monkeypatch.setenv("MOPSDOCS_CACHE_DIR", str(tmp_path / "user-cache"))
    root = tmp_path / "p"
    assert run_cli(["init", str(root)]).code == 0
    project, _ = load_project(root)
    for lifecycle in project.lifecycles.values():
        key = DiagramService(None).key(lifecycle_dot(project, lifecycle))
        (root / CACHE_DIR).mkdir(parents=True, exist_ok=True)
        (root / CACHE_DIR / f"{key}.svg").write_text('<svg onload="alert(1)"><script>alert(2)</script></svg>\n')
    proc = limited_run(["build", "-d", str(tmp_path / "site")], root, timeout=180, memory_mb=3072)
    assert proc.returncode == 0, proc.stderr[-2000:]
    pages = "".join(p.read_text() for p in (tmp_path / "site").rglob("*.html"))
    assert "<svg" in pages and "onload" not in pages and "alert(" not in pages
    assert list((tmp_path / "user-cache" / "diagrams").rglob("*.svg"))  # drawn and kept outside the project
