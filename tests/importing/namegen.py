"""Names generated from a known convention, with the noise real exports have.

A generator is a list of parts (a date format, a vocabulary's codes, free text, a literal), some
optional; `names` writes N names from it with a seeded random source and spoils a share of them
the way people do: a typo in a code, two parts swapped, a part left out.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    kind: str  # date | vocabulary | text | literal | number
    field: str = ""
    values: tuple[str, ...] = ()  # codes (vocabulary) or the literal (one value)
    format: str = ""  # date: a strftime pattern
    optional: float = 0.0  # share of names that leave it out


@dataclass(frozen=True)
class Noise:
    typo: float = 0.02
    swap: float = 0.02
    missing: float = 0.01


WORDS = ("Peak", "Capacity", "Launch", "Summit", "AI", "Cloud", "Data", "Q4", "Roadshow", "Partner", "2go")


def _token(part: Part, rnd: random.Random) -> str:
    if part.kind == "date":
        year, month, day = rnd.randint(2018, 2026), rnd.randint(1, 12), rnd.randint(1, 28)
        return (
            part.format.replace("%Y", f"{year:04d}")
            .replace("%m", f"{month:02d}")
            .replace("%d", f"{day:02d}")
            .replace("%q", str((month - 1) // 3 + 1))
        )
    if part.kind in ("vocabulary", "literal"):
        return rnd.choice(part.values)
    if part.kind == "number":
        return f"{rnd.randint(0, 999):03d}"
    joiner = part.values[0] if part.values else "-"  # text: `values` may give the word joiner
    return joiner.join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 3)))


def _typo(token: str, rnd: random.Random) -> str:
    i = rnd.randrange(len(token))
    letter = rnd.choice(string.ascii_uppercase.replace(token[i].upper(), ""))
    return token[:i] + letter + token[i + 1 :]


def names(parts: list[Part], separator: str, count: int, noise: Noise, seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        tokens = [(p, _token(p, rnd)) for p in parts if not (p.optional and rnd.random() < p.optional)]
        roll = rnd.random()
        codes = [i for i, (p, _) in enumerate(tokens) if p.kind == "vocabulary"]
        if roll < noise.typo and codes:
            i = rnd.choice(codes)
            tokens[i] = (tokens[i][0], _typo(tokens[i][1], rnd))
        elif roll < noise.typo + noise.swap and len(tokens) > 1:
            i = rnd.randrange(len(tokens) - 1)
            tokens[i], tokens[i + 1] = tokens[i + 1], tokens[i]
        elif roll < noise.typo + noise.swap + noise.missing and len(tokens) > 1:
            del tokens[rnd.randrange(len(tokens))]
        out.append(separator.join(t for _, t in tokens))
    return out
