"""Mutations of YAML text and bytes for the fuzz tests (Hypothesis strategies), and their seeds."""

from __future__ import annotations

from hardtools import REPO, yaml_suite_inputs
from hypothesis import strategies as st

# Fragments that matter to a YAML parser, to our loader, or to what consumes our output.
TOKENS = [
    "&a ",
    "*a",
    "&a [1, 2]",
    "<<: *a\n",
    "<<: {a: 1}\n",
    "!!python/object/apply:os.system ['true']",
    "!!python/name:os.system",
    "!custom ",
    "!!binary aGk=",
    "!!str ",
    "!!int ",
    "!!set {a}",
    "!!omap [a: 1]",
    "? ",
    ": ",
    "- ",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "%TAG !e! tag:e.com,2000:\n",
    "{",
    "}",
    "[",
    "]",
    ", ",
    "#",
    "'",
    '"',
    "|\n",
    "|-\n  x\n",
    ">+\n",
    "\t",
    "\r",
    "\r\n",
    "\x00",
    "\ufeff",
    "\x85",
    "\u2028",
    "\\",
    '"\\e[31m\\x00\\u2028\\N"',
    "kind: team\n",
    "kind: lifecycle\n",
    "kind: raci\n",
    "kind: program\n",
    "kind: naming\n",
    "id: ",
    "name: ",
    "owner: ",
    "null",
    "~",
    "0x",
    "0o7",
    "1e999",
    ".nan",
    "-.inf",
    "2021-02-30",
    "24h",
    "yes",
    "on",
    "A/R",
    "{{ 7*7 }}",
    "{% raw %}",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x")',
    "x-",
    "\n  ",
    "    ",
    "\n- ",
    "é",
    "𝄞",
    "\u202e",
    "[" * 50,
    "{a: " * 30,
]


def seed_texts() -> list[str]:
    """The example project's specs, the test-suite inputs, and a few shapes of our own."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "specs").rglob("*.yaml"))]
    seeds += [p.read_bytes().decode("utf-8", "replace") for p in yaml_suite_inputs()]
    seeds += ["", "kind: team\n", "kind: raci\nid: m\nname: M\nactivities:\n  - {id: a, name: A, assign: {x: A/R}}\n"]
    return seeds


SEEDS = seed_texts()


def apply(text: str, ops: list[tuple[int, int, int, str]]) -> str:
    for op, a, b, token in ops:
        n = len(text)
        i, j = (a % (n + 1), b % (n + 1))
        i, j = min(i, j), max(i, j)
        if op == 0:
            text = text[:i] + token + text[i:]
        elif op == 1:
            text = text[:i] + text[j:]
        elif op == 2:
            text = text[:j] + text[i:j] + text[j:]
        elif op == 3 and n:
            text = text[:i] + token + text[i + 1 :]
        elif op == 4:
            lines = text.split("\n")
            k, m = a % len(lines), b % len(lines)
            lines[k], lines[m] = lines[m], lines[k]
            text = "\n".join(lines)
        elif op == 5:
            lines = text.split("\n")
            k = a % len(lines)
            lines[k] = (" " * (b % 5)) + lines[k].lstrip(" ") if b % 2 else "  " + lines[k]
            text = "\n".join(lines)
        elif op == 6:
            text = text[:i]
        else:
            text = text.replace(token.strip() or "x", token, 1) if token.strip() else text
    return text


ops = st.lists(
    st.tuples(st.integers(0, 7), st.integers(0, 10**6), st.integers(0, 10**6), st.sampled_from(TOKENS)), max_size=8
)
mutated_text = st.builds(apply, st.sampled_from(SEEDS), ops)

ENCODINGS = [
    "utf-8",
    "utf-8",
    "utf-8",
    "utf-8-sig",
    "crlf",
    "cr",
    "utf-16",
    "utf-16-be",
    "utf-32",
    "latin-1",
    "cp1252",
    "nul",
    "surrogate-bytes",
    "truncated",
]


def encode(text: str, how: str) -> bytes:
    if how == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    if how == "cr":
        return text.replace("\n", "\r").encode("utf-8")
    if how == "nul":
        return text.encode("utf-8").replace(b":", b":\x00", 1)
    if how == "surrogate-bytes":
        return text.encode("utf-8") + b"\nx: \xed\xa0\x80\n"  # a lone surrogate encoded as if it were UTF-8
    if how == "truncated":
        data = text.encode("utf-8")
        return data[:-1] if data and data[-1] >= 0x80 else data + "é".encode()[:1]
    return text.encode(how, "replace")


mutated_bytes = st.builds(encode, mutated_text, st.sampled_from(ENCODINGS))
