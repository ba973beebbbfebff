"""``verb_nicknames`` searches with parts compiled once; it must find exactly what the one regex built around each
record's words found (the reference below, as it was): seeded random sentences of record short forms, narrative
verbs, determiners, clause starts and punctuation, in every casing."""

from __future__ import annotations

import random
import re

import pytest

from redaction.text import verb_nicknames as vn


def _reference(folded: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    alts = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    rx = re.compile(r"(?<![\w'’\-])" + vn._NOT_DETERMINED + "(?:(?:" + alts + ")" + vn._AFTER + "|" + vn._SECOND
                    + "(?:" + alts + r")(?=\s+" + vn._PLURAL + ")|" + vn._CLAUSE_START + "(?:" + alts + r")(?=\s+"
                    + vn._DEED + "))", re.IGNORECASE)
    return [m.span() for m in rx.finditer(folded)]


_WORDS = ["bill", "will", "mo", "jack", "pat", "rob", "tj", "deuce", "rusty", "bo", "bob", "bobo", "al", "ali"]
_PIECES = ["said", "stated", "ran", "was", "is", "fixing", "being", "pulled", "argued", "were", "and", "the", "his",
           "to", "would", "victim", "clerk", "then", "that", "when", "but", "paid", "need", ".", ",", ";", "(", "\n",
           "'", "-", "’", "  "]


def _sentence(rng: random.Random, words: list[str]) -> str:
    parts = [rng.choice(words + _PIECES) for _ in range(rng.randint(3, 14))]
    text = " ".join(parts)
    return "".join(c.upper() if rng.random() < 0.3 else c for c in text) if rng.random() < 0.5 else text


@pytest.mark.parametrize("seed", range(40))
def test_finds_what_the_one_regex_found(seed: int) -> None:
    rng = random.Random(seed)
    words = rng.sample(_WORDS, rng.randint(1, 5))
    for _ in range(200):
        text = _sentence(rng, words)
        assert vn._find(text, tuple(words)) == _reference(text, tuple(words)), text


@pytest.mark.parametrize(("text", "words", "spans"), [
    ("bill said no", ("bill",), [(0, 4)]),
    ("the jack broke and bill was paid", ("jack", "bill"), []),
    ("pat and rob were there", ("pat", "rob"), [(0, 3), (8, 11)]),
    ("Later, rusty was fixing it", ("rusty",), [(7, 12)]),
    ("bobo said bob ran", ("bob", "bobo"), [(0, 4), (10, 13)]),
])
def test_fixed_cases(text: str, words: tuple[str, ...], spans: list[tuple[int, int]]) -> None:
    assert vn._find(text, words) == spans == _reference(text, words)
