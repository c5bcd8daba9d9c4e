"""A reference matcher for naming conventions, written apart from `mopsdocs.naming`, plus Hypothesis
strategies that generate conventions and names.

The reference reads the contract literally and slowly: it walks the template, and at every field
tries every possible end position, checking the piece with plain Python (a set of codes, `int`,
`datetime.date`, `re.fullmatch` of the user's pattern with ASCII classes). No regular expression
is built from the template, so it shares no code or trick with the compiled matcher. v2: choice
fields (any alternative), literals, multiple codes (split at the separator, no repeats, at most
`max`), a field's `case`, quoted literals in date formats, forbidden words (whole words, any
case) and variants (the template the variant field's code picks) are read the same way.
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


def has_forbidden_word(conv: specs.Convention, name: str) -> bool:
    low = name.lower()
    for word in conv.forbidden_words:
        w = word.lower()
        for i in range(len(low) - len(w) + 1):
            if low[i : i + len(w)] == w:
                before, after = name[i - 1 : i], name[i + len(w) : i + len(w) + 1]
                if not _word_char(before) and not _word_char(after):
                    return True
    return False


def _word_char(ch: str) -> bool:
    return ch != "" and ch.isascii() and ch.isalnum()


def matches(conv: specs.Convention, vocabularies: dict[str, specs.Vocabulary], name: str) -> bool:
    if not name or (conv.max_length is not None and len(name) > conv.max_length):
        return False
    if any(c in conv.forbidden or ord(c) in INVISIBLE for c in name):
        return False
    if has_forbidden_word(conv, name):
        return False
    if conv.variants is None:
        return _fits(conv, vocabularies, name, conv.template, None)
    picked = conv.variants.templates
    if _fits(conv, vocabularies, name, conv.template, lambda code: code not in picked):
        return True
    return any(
        _fits(conv, vocabularies, name, template, lambda c, code=code: c == code) for code, template in picked.items()
    )


def _fits(
    conv: specs.Convention, vocabularies: dict[str, specs.Vocabulary], name: str, template: str, narrow: Any
) -> bool:
    """`narrow`: which codes of the variant field this template takes (None: no variants)."""
    nodes = parse(template)

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
                    only = narrow if conv.variants is not None and node[1] == conv.variants.field else None
                    for j in range(i, len(name) + 1):
                        if field_ok(conv, field, vocabularies, name[i:j], only):
                            ends.add(j)
                else:
                    ends |= run(node[1], {i}) | {i}
            starts = ends
        return starts

    return len(name) in run(nodes, {0})


def _cased(text: str, case: str | None) -> str:
    return text.upper() if case == "upper" else text.lower() if case == "lower" else text


def field_ok(
    conv: specs.Convention, f: Any, vocabularies: dict[str, specs.Vocabulary], text: str, only: Any = None
) -> bool:
    if getattr(f, "literal", None) is not None:
        cs = conv.case_sensitive if f.case is None else f.case != "any"
        lit = _cased(f.literal, f.case)
        return len(lit) == len(text) and all(same_char(a, b, cs) for a, b in zip(text, lit))
    if getattr(f, "of", None):
        return any(field_ok(conv, alt, vocabularies, text) for alt in f.of)
    kind = f.type or ("vocabulary" if f.vocabulary else "date" if f.format else "text")
    cs = conv.case_sensitive if getattr(f, "case", None) is None else f.case != "any"
    if kind == "vocabulary":
        assert f.vocabulary is not None, f
        codes = [_cased(v.code, f.case) for v in vocabularies[f.vocabulary].values]
        if only is not None:
            codes = [c for c in codes if only(c)]

        def code_of(piece: str) -> str | None:
            return next(
                (c for c in codes if len(c) == len(piece) and all(same_char(a, b, cs) for a, b in zip(piece, c))), None
            )

        multiple = getattr(f, "multiple", None)
        if multiple is None:
            return code_of(text) is not None
        pieces = text.split(multiple.separator)
        found = [code_of(p) for p in pieces]
        most = multiple.max if multiple.max is not None else len(set(codes))
        return None not in found and len(set(found)) == len(found) and len(found) <= most
    if kind == "number":
        if not (text.isascii() and text.isdigit()):
            return False
        if f.digits is not None and len(text) != f.digits:
            return False
        value = int(text)
        return (f.min is None or value >= f.min) and (f.max is None or value <= f.max)
    if kind == "date":
        default = "YYYY-qN" if f.fiscal else "YYYY-MM-DD"
        return date_ok(f.format or default, text, cs, f.case)
    low = f.min_length if f.min_length is not None else (1 if f.pattern is None else 0)
    if len(text) < low or (f.max_length is not None and len(text) > f.max_length):
        return False
    return f.pattern is None or re.fullmatch(f.pattern, text, flags=re.ASCII) is not None


def date_ok(fmt: str, text: str, case_sensitive: bool, case: str | None = None) -> bool:
    parts: dict[str, int] = {}
    i = j = 0
    while i < len(fmt):
        if fmt[i] == "'":  # quoted literal text; '' is a quote
            end = fmt.index("'", i + 1)
            lit = _cased(fmt[i + 1 : end] or "'", case)
            piece = text[j : j + len(lit)]
            if len(piece) != len(lit) or not all(same_char(a, b, case_sensitive) for a, b in zip(piece, lit)):
                return False
            i, j = end + 1, j + len(lit)
            continue
        for token, width in (("YYYY", 4), ("YY", 2), ("MM", 2), ("DD", 2), ("N", 1)):
            if fmt.startswith(token, i):
                piece = text[j : j + width]
                if len(piece) != width or not (piece.isascii() and piece.isdigit()):
                    return False
                parts[token] = int(piece)
                i, j = i + len(token), j + width
                break
        else:
            if j >= len(text) or not same_char(text[j], _cased(fmt[i], case), case_sensitive):
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

FORMATS = ["YYYY-MM", "YYYYMMDD", "YY-MM-DD", "YYYY-qN", "MM/DD", "DD.MM.YYYY", "YYYY", "'FY'YY' Q'N", "YYYY'w'MM"]
FISCAL_FORMATS = ["YYYY-qN", "'FY'YY-'Q'N", "'FY'YYYY", "YY-MM"]
LITERALS = ["eg", "EG", "na", "x"]
MULTIPLE_SEPARATORS = ["+", ".", "~", "--"]
PATTERNS = [None, "[A-Za-z0-9-]+", "[a-z]+(-[a-z]+)*", "[^_]+", "a|ab|abc", "(ab)*c?", r"\d+[a-z]?", "[A-Z_]+"]
SEPARATORS = ["_", "-", " - ", "", "x", "__", "A"]
CODES = st.text(alphabet="ABab_-1", min_size=1, max_size=3)
SAFE = st.characters(min_codepoint=32, max_codepoint=126, blacklist_characters="'\"<>{};\\[]")


@st.composite
def conventions(draw: st.DrawFn) -> tuple[specs.Convention, dict[str, specs.Vocabulary]]:
    vocab_codes = [draw(st.lists(CODES, min_size=1, max_size=5, unique=True)) for _ in range(2)]
    vocabularies = {}
    for i, codes in enumerate(vocab_codes):
        values: list[dict[str, Any]] = [{"code": c} for c in codes]
        if len(codes) > 1 and draw(st.booleans()):  # a retired code, replaced by the first
            values[-1].update({"retired": True, "replaced_by": codes[0]})
        vocabularies[f"v{i}"] = specs.Vocabulary.model_validate({"id": f"v{i}", "name": f"V{i}", "values": values})
    count = draw(st.integers(1, 4))
    fields: dict[str, dict[str, Any]] = {}
    for k in range(count):
        fields[f"f{k}"] = draw(field_specs(vocab_codes))
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
    if draw(st.integers(0, 3)) == 0:
        data["forbidden_words"] = draw(st.lists(st.sampled_from(["ab", "test", "x1", "B"]), min_size=1, max_size=2))
    single = [
        n
        for n, f in fields.items()
        if "vocabulary" in f and "multiple" not in f and f.get("case") != "any" and "literal" not in f
    ]
    if single and draw(st.integers(0, 3)) == 0:  # a template of its own for one code of a field
        name = draw(st.sampled_from(single))
        code = draw(st.sampled_from(vocab_codes[int(fields[name]["vocabulary"][1])]))
        code = (
            code.upper()
            if fields[name].get("case") == "upper"
            else code.lower()
            if fields[name].get("case") == "lower"
            else code
        )
        order = draw(st.permutations(list(fields)))
        data["variants"] = {"field": name, "templates": {code: draw(template_for(list(order)))}}
    return specs.Convention.model_validate(data), vocabularies


@st.composite
def field_specs(draw: st.DrawFn, vocab_codes: list[list[str]] | None = None) -> dict[str, Any]:
    kinds = ["vocabulary", "date", "text", "number", "choice", "multiple"]
    kind = draw(st.sampled_from(kinds if vocab_codes is not None else kinds[:4]))
    if kind == "choice":
        alternatives = draw(st.lists(field_specs(), min_size=1, max_size=2))
        alternatives = [{k: v for k, v in a.items() if k != "description"} for a in alternatives]
        alternatives.insert(draw(st.integers(0, len(alternatives))), {"literal": draw(st.sampled_from(LITERALS))})
        return {"type": "choice", "of": alternatives}
    if kind == "multiple":
        assert vocab_codes is not None
        which = draw(st.integers(0, 1))
        separators = [s for s in MULTIPLE_SEPARATORS if not any(ch in c for c in vocab_codes[which] for ch in s)]
        out: dict[str, Any] = {"vocabulary": f"v{which}", "multiple": {"separator": draw(st.sampled_from(separators))}}
        if draw(st.booleans()):
            out["multiple"]["max"] = draw(st.integers(1, 3))
        return out
    if kind == "vocabulary":
        out = {"vocabulary": draw(st.sampled_from(["v0", "v1"]))}
        case = draw(st.sampled_from([None, None, "upper", "lower", "any"]))
        if case:
            out["case"] = case
        return out
    if kind == "date":
        if draw(st.integers(0, 4)) == 0:
            return {"format": draw(st.sampled_from(FISCAL_FORMATS)), "fiscal": True}
        out = {"format": draw(st.sampled_from(FORMATS))}
        case = draw(st.sampled_from([None, None, None, "upper", "lower", "any"]))
        if case:
            out["case"] = case
        return out
    if kind == "number":
        out = {"type": "number"}
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
    if draw(st.integers(0, 3)) == 0:
        pieces.append("[_SW]")  # a switch: an optional group without a field
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
    template, only = conv.template, None
    if conv.variants is not None:
        picked = conv.variants.templates
        f = conv.fields[conv.variants.field]
        assert f.vocabulary is not None
        left = [v for v in vocabularies[f.vocabulary].values if _cased(v.code, f.case) not in picked]
        code = draw(st.sampled_from(([None] if left else []) + list(picked)))
        if code is None:
            only = lambda c: c not in picked  # noqa: E731
        else:
            template, only = picked[code], lambda c, code=code: c == code

    def fill(nodes: list[Any]) -> None:
        for node in nodes:
            if node[0] == "lit":
                out.append(node[1])
            elif node[0] == "field":
                narrow = only if conv.variants is not None and node[1] == conv.variants.field else None
                out.append(draw(values_for(conv, conv.fields[node[1]], vocabularies, narrow)))
            elif draw(st.booleans()):
                fill(node[1])

    fill(parse(template))
    return "".join(out)


@st.composite
def values_for(
    draw: st.DrawFn,
    conv: specs.Convention,
    f: Any,
    vocabularies: dict[str, specs.Vocabulary],
    only: Any = None,
) -> str:
    cs = conv.case_sensitive if getattr(f, "case", None) is None else f.case != "any"
    if getattr(f, "literal", None) is not None:
        lit = _cased(f.literal, f.case)
        return lit if cs or not draw(st.booleans()) else lit.swapcase()
    if getattr(f, "of", None):
        return draw(values_for(conv, draw(st.sampled_from(f.of)), vocabularies))
    kind = f.type or ("vocabulary" if f.vocabulary else "date" if f.format else "text")
    if kind == "vocabulary":
        assert f.vocabulary is not None, f
        codes = [c for c in dict.fromkeys(_cased(v.code, f.case) for v in vocabularies[f.vocabulary].values)]
        codes = [c for c in codes if only is None or only(c)]
        if getattr(f, "multiple", None) is not None:
            most = min(f.multiple.max or len(codes), len(codes))
            picked = draw(st.lists(st.sampled_from(codes), min_size=1, max_size=most, unique=True))
        else:
            picked = [draw(st.sampled_from(codes))]
        picked = [c if cs or not draw(st.booleans()) else c.swapcase() for c in picked]
        return (f.multiple.separator if getattr(f, "multiple", None) else "").join(picked)
    if kind == "date":
        day = draw(st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)))
        fmt = f.format or ("YYYY-qN" if f.fiscal else "YYYY-MM-DD")
        return _render_date(fmt, day, f.case)
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


def _render_date(fmt: str, day: dt.date, case: str | None) -> str:
    """A day written in a format: parts replaced, quoted text as is (any year, quarter: the
    calendar's; a fiscal field reads them as fiscal, which changes no validity)."""
    out, i = [], 0
    while i < len(fmt):
        if fmt[i] == "'":
            end = fmt.index("'", i + 1)
            out.append(_cased(fmt[i + 1 : end] or "'", case))
            i = end + 1
            continue
        for token, value in (
            ("YYYY", f"{day.year:04d}"),
            ("YY", f"{day.year % 100:02d}"),
            ("MM", f"{day.month:02d}"),
            ("DD", f"{day.day:02d}"),
            ("N", str((day.month - 1) // 3 + 1)),
        ):
            if fmt.startswith(token, i):
                out.append(value)
                i += len(token)
                break
        else:
            out.append(_cased(fmt[i], case))
            i += 1
    return "".join(out)
