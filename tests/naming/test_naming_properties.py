"""The compiled matcher agrees with the reference matcher (tests/naming/naming_reference.py) on
generated conventions: optional groups, codes that are prefixes of each other or hold separators,
free text that can swallow a separator, dates that must exist, numbers in ranges.

- names filled in from the template are valid (by construction) for both;
- any mutation of them gets the same verdict from both;
- a forbidden character inserted, or a name made too long, is invalid (by construction), and the
  explanation says so; an explanation never comes back empty, and a suggestion always conforms.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from naming_reference import conventions, has_forbidden_word, matches, valid_names

from mopsdocs import specs
from mopsdocs.naming.compiler import CompiledConvention, compile_convention
from mopsdocs.naming.explain import explain, verdict

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _compiled(
    case: tuple[specs.Convention, dict[str, specs.Vocabulary]],
) -> tuple[specs.Convention, dict[str, specs.Vocabulary], CompiledConvention]:
    conv, vocabularies = case
    compiled, problems = compile_convention(conv, vocabularies)
    assert problems == [], (conv.template, problems)
    assert compiled is not None
    return conv, vocabularies, compiled


@SETTINGS
@given(st.data())
def test_filled_templates_are_valid_for_both(data: st.DataObject) -> None:
    conv, vocabularies, compiled = _compiled(data.draw(conventions()))
    name = data.draw(valid_names(conv, vocabularies))
    if conv.max_length is not None and len(name) > conv.max_length:
        assert not compiled.is_valid(name) and not matches(conv, vocabularies, name)
        return
    if not name or has_forbidden_word(conv, name):  # a code or text can spell a forbidden word
        assert not compiled.is_valid(name) and not matches(conv, vocabularies, name)
        return
    assert matches(conv, vocabularies, name), (conv.template, name)
    assert compiled.is_valid(name), (conv.template, name, compiled.rx.py)


MUTATIONS = st.sampled_from(["insert", "delete", "replace", "swapcase", "swap", "duplicate"])
ALPHABET = "AaBb_-1x 09Qq/.:"


@SETTINGS
@given(st.data())
def test_mutated_names_get_the_same_verdict(data: st.DataObject) -> None:
    conv, vocabularies, compiled = _compiled(data.draw(conventions()))
    name = data.draw(valid_names(conv, vocabularies))
    for _ in range(data.draw(st.integers(1, 3))):
        name = _mutate(data, name)
    expected = matches(conv, vocabularies, name)
    assert compiled.is_valid(name) == expected, (conv.template, name, compiled.rx.py)
    result = verdict(compiled, name)
    assert result.valid == expected
    if not expected:
        assert result.problems, (conv.template, name)
        assert result.suggestion is None or compiled.is_valid(result.suggestion)


def _mutate(data: st.DataObject, name: str) -> str:
    kind = data.draw(MUTATIONS)
    i = data.draw(st.integers(0, len(name)))
    ch = data.draw(st.sampled_from(ALPHABET))
    if kind == "insert":
        return name[:i] + ch + name[i:]
    if not name:
        return ch
    i = min(i, len(name) - 1)
    if kind == "delete":
        return name[:i] + name[i + 1 :]
    if kind == "replace":
        return name[:i] + ch + name[i + 1 :]
    if kind == "swapcase":
        return name[:i] + name[i].swapcase() + name[i + 1 :]
    j = data.draw(st.integers(i, len(name)))
    if kind == "swap":
        return name[j:] + name[i:j] + name[:i]
    return name[:j] + name[i:j] + name[j:]


@SETTINGS
@given(st.data())
def test_forbidden_characters_and_length_are_always_reported(data: st.DataObject) -> None:
    conv, vocabularies, compiled = _compiled(data.draw(conventions()))
    name = data.draw(valid_names(conv, vocabularies))
    i = data.draw(st.integers(0, len(name)))
    ch = data.draw(st.sampled_from(list(conv.forbidden)))
    spoiled = name[:i] + ch + name[i:]
    assert not compiled.is_valid(spoiled) and not matches(conv, vocabularies, spoiled)
    messages = [p.message for p in explain(compiled, spoiled).problems]
    assert f"'{ch}' is not allowed in Marketo asset names" in messages, (spoiled, messages)
    if conv.max_length is not None:
        long = name + "x" * (conv.max_length + 1 - len(name))
        assert not compiled.is_valid(long) and not matches(conv, vocabularies, long)
        messages = [p.message for p in explain(compiled, long).problems]
        assert f"is {len(long)} characters, the limit is {conv.max_length}" in messages


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2000), st.integers(0, 2000) | st.none(), st.integers(1, 4) | st.none(), st.integers(0, 99999))
def test_number_ranges_are_exact(low: int, high: int | None, width: int | None, value: int) -> None:
    import re

    from mopsdocs.naming.regex import int_range

    pattern = re.compile(int_range(low, high, width).py)
    for text in {str(value), str(value).zfill(width or 0), "0" + str(value)}:
        expected = low <= value and (high is None or value <= high) and (width is None or len(text) == width)
        assert (pattern.fullmatch(text) is not None) == expected, (low, high, width, text)
