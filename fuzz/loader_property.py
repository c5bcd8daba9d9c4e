"""The property the loader fuzz target checks, importable without Atheris (for replaying regressions).

For any bytes: decoding, loading and validating raise nothing, and every diagnostic has a code, a
message and a place inside the input (1-based line at most one past the last, column from 1).
"""

from __future__ import annotations

import re

from mopsdocs.loader import Limits, decode, load_text
from mopsdocs.validate import validate_document

# small caps keep every input fast; the caps themselves are part of what is exercised
LIMITS = Limits(max_file_bytes=200_000, max_documents=64, max_depth=48)
LINE_BREAK = re.compile(r"\r\n|\r|\n")
CODE = re.compile(r"[A-Z]+[0-9]{3}")


def check_one(data: bytes) -> None:
    text, problem = decode(data, "specs/fuzz.yaml")
    if problem is not None:
        diagnostics = [problem]
        lines = len(LINE_BREAK.findall(data.decode("utf-8", "replace"))) + 1
    else:
        assert text is not None
        loaded = load_text(text, "specs/fuzz.yaml", LIMITS)
        diagnostics = list(loaded.diagnostics)
        for doc in loaded.documents:
            _, problems = validate_document(doc)
            diagnostics += problems
        lines = len(LINE_BREAK.findall(text)) + 1
    for d in diagnostics:
        if not (1 <= d.location.line <= lines + 1 and d.location.column >= 1):
            raise AssertionError(f"diagnostic outside the input ({lines} lines): {d}")
        if not d.message or not CODE.fullmatch(d.code):
            raise AssertionError(f"malformed diagnostic: {d}")
