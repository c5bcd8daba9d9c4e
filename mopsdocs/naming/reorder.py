"""The second reading of a wrong name: its words given to the fields that accept them, in any
order, for names whose fields are swapped ('Webinar_2021-12_Peak' for '{date}_{channel}_{name}')."""

from __future__ import annotations

from .compiler import CompiledConvention
from .fields import FIXABLE, MISSING, CompiledField, Score
from .grammar import Literal, Slot
from .readings import Problem, Reading, Scorer

MAX_TOKENS = 12
REORDERED = 4  # what a reading in another order costs at least: a field in the wrong place


def reorder(conv: CompiledConvention, text: str, scorer: Scorer) -> Reading | None:
    """Words of the name given to the fields that accept them, whatever their order."""
    tokens = _tokens(text)
    if not 2 <= len(tokens) <= MAX_TOKENS:
        return None
    best: Reading | None = None
    ranges: dict[str, list[tuple[int, int, Score]]] = {}  # per field: the alternatives share most fields
    for items in conv.template.alternatives:
        reading = _reorder_one(conv, items, text, tokens, scorer, ranges)
        if reading is not None and (best is None or reading.cost < best.cost):
            best = reading
    return best


def _tokens(text: str) -> list[tuple[int, int]]:
    out = []
    i = 0
    while i < len(text):
        if text[i].isalnum():
            j = i
            while j < len(text) and text[j].isalnum():
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def _reorder_one(
    conv: CompiledConvention,
    items: tuple[Literal | Slot, ...],
    text: str,
    tokens: list[tuple[int, int]],
    scorer: Scorer,
    ranges: dict[str, list[tuple[int, int, Score]]],
) -> Reading | None:
    slots = [conv.fields[i.field] for i in items if isinstance(i, Slot)]
    free = [f for f in slots if f.kind == "text"]
    fixed = [f for f in slots if f.kind != "text"]
    if len(free) > 1 or len(slots) < 2 or not fixed:
        return None
    # words of the template itself ('OPS' in 'OPS_{area}_{name}') belong to no field
    words = {w.lower() for item in items if isinstance(item, Literal) for w in _words(item.text)}
    literal = {i for i, (a, b) in enumerate(tokens) if text[a:b].lower() in words}
    for f in fixed:
        if f.name not in ranges:
            ranges[f.name] = _ranges_for(f, text, tokens, scorer)
    options = {f.name: [r for r in ranges[f.name] if not literal & set(range(r[0], r[1] + 1))] for f in fixed}
    found = _assign(fixed, options, set(), {})
    if found is None:
        return None
    used = literal | {i for a, b, _ in found.values() for i in range(a, b + 1)}
    rest = [i for i in range(len(tokens)) if i not in used]
    values: dict[str, tuple[int, int, Score]] = dict(found)
    if free and not rest:
        values[free[0].name] = (len(tokens), len(tokens) - 1, Score(MISSING))  # nothing left for it
    elif free:
        if rest != list(range(rest[0], rest[-1] + 1)):
            return None
        score = scorer.of(free[0], text[tokens[rest[0]][0] : tokens[rest[-1]][1]])
        if score.cost > FIXABLE:
            return None
        values[free[0].name] = (rest[0], rest[-1], score)
    elif rest:
        return None
    present = [name for name in values if values[name][2].cost != MISSING]
    order = sorted(present, key=lambda name: values[name][0])
    expected = [f.name for f in slots if f.name in present]
    if order == expected:
        return None  # same order: the alignment already said everything
    return _reorder_reading(conv, items, text, tokens, values, order, expected)


def _words(text: str) -> list[str]:
    return [text[a:b] for a, b in _tokens(text)]


def _ranges_for(
    f: CompiledField, text: str, tokens: list[tuple[int, int]], scorer: Scorer
) -> list[tuple[int, int, Score]]:
    out = []
    for a in range(len(tokens)):
        for b in range(a, min(a + 4, len(tokens))):
            score = scorer.of(f, text[tokens[a][0] : tokens[b][1]])
            if score.cost <= FIXABLE:
                out.append((a, b, score))
    out.sort(key=lambda r: r[2].cost)
    return out


def _assign(
    fields: list[CompiledField],
    options: dict[str, list[tuple[int, int, Score]]],
    taken: set[int],
    chosen: dict[str, tuple[int, int, Score]],
) -> dict[str, tuple[int, int, Score]] | None:
    if len(chosen) == len(fields):
        return dict(chosen)
    f = fields[len(chosen)]
    for a, b, score in options[f.name]:
        span = set(range(a, b + 1))
        if span & taken:
            continue
        chosen[f.name] = (a, b, score)
        result = _assign(fields, options, taken | span, chosen)
        del chosen[f.name]
        if result is not None:
            return result
    return None


def _reorder_reading(
    conv: CompiledConvention,
    items: tuple[Literal | Slot, ...],
    text: str,
    tokens: list[tuple[int, int]],
    values: dict[str, tuple[int, int, Score]],
    order: list[str],
    expected: list[str],
) -> Reading:
    misplaced = next(e for e, o in zip(expected, order) if e != o)
    problems = []
    cost = REORDERED
    spans = []
    for name in expected:
        a, b, score = values[name]
        if score.cost == MISSING and b < a:
            problems.append(Problem(name, "is missing"))
            cost += MISSING
            continue
        span = text[tokens[a][0] : tokens[b][1]]
        spans.append((name, tokens[a][0], tokens[b][1]))
        if name == misplaced:
            problems.append(Problem(name, f"'{span}' is in the wrong place: names follow {conv.template.source}"))
        if score.cost:
            message = conv.fields[name].describe(span)
            if message:
                problems.append(Problem(name, message))
        cost += score.cost
    pieces: list[str] | None = []
    for item in items:
        if isinstance(item, Literal):
            pieces = None if pieces is None else pieces + [item.text]
            continue
        a, b, score = values[item.field]
        value = score.fix if score.cost else text[tokens[a][0] : tokens[b][1]]
        pieces = None if pieces is None or value is None else pieces + [value]
    recipe = (
        "reorder",
        items,
        tuple((n, a, b, s.cost == MISSING and b < a) for n, (a, b, s) in values.items()),
        tuple(order),
        tuple(expected),
    )
    return Reading(cost, tuple(problems), tuple(spans), "".join(pieces) if pieces is not None else None, recipe=recipe)


# for the explainer, to rebuild a reading found on a name's shape (see shapes.py)
reorder_tokens = _tokens
reorder_reading = _reorder_reading
