"""Atheris fuzz target: bytes -> decode -> load_text -> validate_document, never an exception.

    python fuzz/fuzz_loader.py [libFuzzer flags] [CORPUS_DIR ...]
    e.g. python fuzz/fuzz_loader.py -max_total_time=60 -timeout=10 -rss_limit_mb=2048 /tmp/corpus fuzz/regressions

The property is in fuzz/loader_property.py: no exception, every diagnostic inside the input. A
crash is also a run longer than -timeout or memory above -rss_limit_mb. libFuzzer writes a failing
input as crash-<sha1> (see -artifact_prefix): copy it into fuzz/regressions/, where
tests/hardening/test_atheris_loader.py replays it on every test run. Only mopsdocs is instrumented
(coverage feedback from our code; pydantic and libyaml run at full speed).
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["mopsdocs"]):
    from loader_property import check_one

    import mopsdocs.loader
    import mopsdocs.validate  # noqa: F401


def TestOneInput(data: bytes) -> None:
    check_one(data)


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
