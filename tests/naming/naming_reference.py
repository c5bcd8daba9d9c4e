"""A reference matcher for naming conventions, written apart from `mopsdocs.naming`, plus Hypothesis
strategies that generate conventions and names.

The reference reads the contract literally and slowly: it walks the template, and at every field
tries every possible end position, checking the piece with plain Python (a set of codes, `int`,
`datetime.date`, `re.fullmatch` of the user's pattern with ASCII classes). No regular expression
is built from the template, so it shares no code or trick with the compiled matcher.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from hypothesis import strategies as st

from mopsdocs import specs

INVISIBLE = (
    set(range(32))
    | set(range(127, 160))
    | {0xA0, 0xAD}
    | set(range(0x200B, 0x2010))
    | set(range(0x2028, 0x202F))
    | set(range(0x2060, 0x2065))
    | {0xFEFF}
)


# --------------------------------------------------------------------------- the reference


def parse(template: str) -> list[Any]:
    """Nodes: ('lit', text) | ('field', name) | ('opt', [nodes]). Assumes a valid template."""
    stack: list[list[Any]] = [[]]
    i = 0
    while i < len(template):
        ch = template[i]
        if ch == "\\":
            stack[-1].append(("lit", template[i + 1]))
            i += 2
            continue
        if ch == "{":
            end = template.index("}", i)
            stack[-1].append(("field", template[i + 1 : end]))
            i = end + 1
            continue
        if ch == "[":
            stack.append([])
        elif ch == "]":
            inner = stack.pop()
            stack[-1].append(("opt", inner))
        else:
            stack[-1].append(("lit", ch))
        i += 1
    return stack[0]


def same_char(a: str, b: str, case_sensitive: bool) -> bool:
    if a == b:
        return True
    return not case_sensitive and a in {b.lower(), b.upper()} and len(a) == 1


def matches(conv: specs.Convention, vocabularies: dict[str, specs.Vocabulary], name: str) -> bool:
    if not name or (conv.max_length is not None and len(name) > conv.max_length):
        return False
    if any(c in conv.forbidden or ord(c) in INVISIBLE for c in name):
        return False
    nodes = parse(conv.template)

    def run(seq: list[Any], starts: set[int]) -> set[int]:
        for node in seq:
            ends: set[int] = set()
            for i in starts:
                if node[0] == "lit":
                    piece = name[i : i + 1]
                    if piece and same_char(piece, node[1], conv.case_sensitive):
                        ends.add(i + 1)
                elif node[0] == "field":
                    field = conv.fields[node[1]]
                    for j in range(i, len(name) + 1):
                        if field_ok(conv, field, vocabularies, name[i:j]):
                            ends.add(j)
                else:
                    ends |= run(node[1], {i}) | {i}
            starts = ends
        return starts

    return len(name) in run(nodes, {0})


def field_ok(conv: specs.Convention, f: specs.NameField, vocabularies: dict[str, specs.Vocabulary], text: str) -> bool:
    kind = f.type or ("vocabulary" if f.vocabulary else "date" if f.format else "text")
    if kind == "vocabulary":
        assert f.vocabulary is not None, f
        codes = [v.code for v in vocabularies[f.vocabulary].values]
        return any(
            len(c) == len(text) and all(same_char(a, b, conv.case_sensitive) for a, b in zip(text, c)) for c in codes
        )
    if kind == "number":
        if not (text.isascii() and text.isdigit()):
            return False
        if f.digits is not None and len(text) != f.digits:
            return False
        value = int(text)
        return (f.min is None or value >= f.min) and (f.max is None or value <= f.max)
    if kind == "date":
        return date_ok(f.format or "YYYY-MM-DD", text, conv.case_sensitive)
    low = f.min_length if f.min_length is not None else (1 if f.pattern is None else 0)
    if len(text) < low or (f.max_length is not None and len(text) > f.max_length):
        return False
    return f.pattern is None or re.fullmatch(f.pattern, text, flags=re.ASCII) is not None


def date_ok(fmt: str, text: str, case_sensitive: bool) -> bool:
    parts: dict[str, int] = {}
    i = j = 0
    while i < len(fmt):
        for token, width in (("YYYY", 4), ("YY", 2), ("MM", 2), ("DD", 2), ("N", 1)):
            if fmt.startswith(token, i):
                piece = text[j : j + width]
                if len(piece) != width or not (piece.isascii() and piece.isdigit()):
                    return False
                parts[token] = int(piece)
                i, j = i + len(token), j + width
                break
        else:
            if j >= len(text) or not same_char(text[j], fmt[i], case_sensitive):
                return False
            i, j = i + 1, j + 1
    if j != len(text):
        return False
    year = parts.get("YYYY", 2000 + parts["YY"] if "YY" in parts else 2000)
    if "YYYY" in parts and year == 0:
        return False
    if "N" in parts and not 1 <= parts["N"] <= 4:
        return False
    try:
        dt.date(year, parts.get("MM", 1), parts.get("DD", 1))
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------- generating conventions

FORMATS = ["YYYY-MM", "YYYYMMDD", "YY-MM-DD", "YYYY-qN", "MM/DD", "DD.MM.YYYY", "YYYY"]
PATTERNS = [None, "[A-Za-z0-9-]+", "[a-z]+(-[a-z]+)*", "[^_]+", "a|ab|abc", "(ab)*c?", r"\d+[a-z]?", "[A-Z_]+"]
SEPARATORS = ["_", "-", " - ", "", "x", "__", "A"]
CODES = st.text(alphabet="ABab_-1", min_size=1, max_size=3)
SAFE = st.characters(min_codepoint=32, max_codepoint=126, blacklist_characters="'\"<>{};\\[]")


@st.composite
def conventions(draw: st.DrawFn) -> tuple[specs.Convention, dict[str, specs.Vocabulary]]:
    vocab_codes = [draw(st.lists(CODES, min_size=1, max_size=5, unique=True)) for _ in range(2)]
    vocabularies = {
        f"v{i}": specs.Vocabulary.model_validate(
            {"id": f"v{i}", "name": f"V{i}", "values": [{"code": c} for c in codes]}
        )
        for i, codes in enumerate(vocab_codes)
    }
    count = draw(st.integers(1, 4))
    fields: dict[str, dict[str, Any]] = {}
    for k in range(count):
        fields[f"f{k}"] = draw(field_specs())
    template = draw(template_for(list(fields)))
    data: dict[str, Any] = {
        "id": "c",
        "name": "C",
        "template": template,
        "fields": fields,
        "case_sensitive": draw(st.booleans()),
    }
    if draw(st.booleans()):
        data["max_length"] = draw(st.integers(8, 40))
    return specs.Convention.model_validate(data), vocabularies


@st.composite
def field_specs(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["vocabulary", "date", "text", "number"]))
    if kind == "vocabulary":
        return {"vocabulary": draw(st.sampled_from(["v0", "v1"]))}
    if kind == "date":
        return {"format": draw(st.sampled_from(FORMATS))}
    if kind == "number":
        out: dict[str, Any] = {"type": "number"}
        if draw(st.booleans()):
            out["digits"] = draw(st.integers(1, 3))
        low = draw(st.none() | st.integers(0, 50))
        high = draw(st.none() | st.integers(0, 500))
        if low is not None and high is not None and low > high:
            low, high = high, low
        if low is not None and out.get("digits") and low >= 10 ** out["digits"]:
            low = None
        if low is not None:
            out["min"] = low
        if high is not None:
            out["max"] = high
        return out
    out = {}
    pattern = draw(st.sampled_from(PATTERNS))
    if pattern is not None:
        out["pattern"] = pattern
    low = draw(st.none() | st.integers(0, 3))
    high = draw(st.none() | st.integers(3, 8))
    if low is not None:
        out["min_length"] = low
    if high is not None or (low and pattern not in (None, "[A-Za-z0-9-]+", "[^_]+", "[A-Z_]+")):
        out["max_length"] = high if high is not None else 8  # min_length with such a pattern needs it
    return out


@st.composite
def template_for(draw: st.DrawFn, names: list[str]) -> str:
    """The fields in order, separated by separators; some stretches wrapped in optional groups."""
    pieces: list[str] = []
    for i, name in enumerate(names):
        if i:
            pieces.append(draw(st.sampled_from(SEPARATORS)))
        pieces.append("{" + name + "}")
    if draw(st.booleans()):
        pieces.insert(0, draw(st.sampled_from(["OPS_", "x", "[", "Q"])).replace("[", "\\["))
    out: list[str] = []
    i = 0
    while i < len(pieces):
        if draw(st.integers(0, 3)) == 0:
            span = draw(st.integers(1, 3))
            inner = "".join(pieces[i : i + span])
            out.append("[" + inner + "]" if inner else "")
            i += span
        else:
            out.append(pieces[i])
            i += 1
    return "".join(out)


@st.composite
def valid_names(draw: st.DrawFn, conv: specs.Convention, vocabularies: dict[str, specs.Vocabulary]) -> str:
    """A name made by filling the template (every group in or out) with valid values."""
    out: list[str] = []

    def fill(nodes: list[Any]) -> None:
        for node in nodes:
            if node[0] == "lit":
                out.append(node[1])
            elif node[0] == "field":
                out.append(draw(values_for(conv, conv.fields[node[1]], vocabularies)))
            elif draw(st.booleans()):
                fill(node[1])

    fill(parse(conv.template))
    return "".join(out)


@st.composite
def values_for(
    draw: st.DrawFn, conv: specs.Convention, f: specs.NameField, vocabularies: dict[str, specs.Vocabulary]
) -> str:
    kind = f.type or ("vocabulary" if f.vocabulary else "date" if f.format else "text")
    if kind == "vocabulary":
        assert f.vocabulary is not None, f
        code = draw(st.sampled_from([v.code for v in vocabularies[f.vocabulary].values]))
        return code if conv.case_sensitive or not draw(st.booleans()) else code.swapcase()
    if kind == "date":
        day = draw(st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)))
        fmt = f.format or "YYYY-MM-DD"
        return (
            fmt.replace("YYYY", f"{day.year:04d}")
            .replace("YY", f"{day.year % 100:02d}")
            .replace("MM", f"{day.month:02d}")
            .replace("DD", f"{day.day:02d}")
            .replace("N", str((day.month - 1) // 3 + 1))
        )
    if kind == "number":
        low = f.min or 0
        high = f.max if f.max is not None else (10**f.digits - 1 if f.digits else 999)
        if f.digits:
            high = min(high, 10**f.digits - 1)
        value = draw(st.integers(low, max(low, high)))
        return str(value).zfill(f.digits or 0)
    low = f.min_length if f.min_length is not None else (1 if f.pattern is None else 0)
    high = f.max_length if f.max_length is not None else 8
    if f.pattern is None:
        return draw(st.text(SAFE, min_size=low, max_size=high))
    return draw(st.from_regex(f.pattern, fullmatch=True, alphabet=SAFE).filter(lambda s: low <= len(s) <= high))
