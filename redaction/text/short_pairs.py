"""A Hmong name written "surname, given" ("xiong, pa", "vang, mai", "lo, tou", "THAO, KIA"), or side by side
("Xiong Pa", "pa xiong"), in any casing.

Why: both words are short, and alone many are words, abbreviations or brands ("lo", "pa", "see", "kia"), so the
name lists and the NER pass them by, or take the given name and leave the surname ("lo, [tou]"). A clan surname of
``data/clan_surnames.txt``, a comma, and a given name of ``data/clan_given_names.txt`` are a name together; in
mixed-case text both must be written alike (both capitalized or both in lower case): "Erie, PA" holds neither list's
word, "lo, see" in a mixed-case sentence is not capitalized as a name. Side by side, without a comma, a given name
that is an everyday word ("see", "may", "bee") is the word ("see lee").
"""

from __future__ import annotations

import functools
import os
import re

from redaction.recognizers.words import word_list
from redaction.text.names import mixed_case
from redaction.wordtrie import trie_compile, word_trie

_NEXT = trie_compile(r"[ \t]+([^\W\d_]{2,6})(?![\w'’\-])")  # the word after a clan surname
_PREV = trie_compile(r"(?<![\w'’\-])([^\W\d_]{2,6})[ \t]+\Z")  # the word before it
# Given names that are everyday words too: beside a surname without a comma they are the word ("see lee").
_WORD_GIVEN = frozenset({"see", "may", "bee"})
_COMMA_GIVEN = trie_compile(r"[ \t]*,[ \t]*([^\W\d_]{2,6})(?![\w'’\-])")  # ", pa" after a clan surname


@functools.cache
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    here = os.path.join(os.path.dirname(__file__), "data")
    return (word_list(os.path.join(here, "clan_surnames.txt")), word_list(os.path.join(here, "clan_given_names.txt")))


@functools.cache
def _clan_word() -> re.Pattern[str]:
    return re.compile(r" (" + word_trie(_lists()[0]) + r")(?![\w'’\-])")  # after a space: a literal to look for first


def clan_surnames() -> frozenset[str]:
    """The clan surnames of ``data/clan_surnames.txt`` (lower case)."""
    return _lists()[0]


def _cased_alike(a: str, b: str) -> bool:
    return (a.islower() and b.islower()) or (a[:1].isupper() and b[:1].isupper())


def short_pairs(text: str) -> list[tuple[int, int]]:
    """The clan surname and short given name pairs: "surname, given", "Surname Given", "given surname" (see the
    module doc). Each clan surname in the text is looked at once, after a space (a literal the search finds first)."""
    low = text.lower()
    if len(low) != len(text):
        return []
    given = _lists()[1]
    out: list[tuple[int, int]] = []
    mixed: bool | None = None
    spaced = " " + low  # the same offsets, each character before a surname as a space (str.translate is slower)
    for c in "\n\t(:\"/":
        if c in spaced:
            spaced = spaced.replace(c, " ")
    for found in _clan_word().finditer(spaced):
        start, end = found.start(1) - 1, found.end(1) - 1
        after = _COMMA_GIVEN.match(text, end)
        pairs = [after] if after is not None else [_NEXT.match(text, end), _PREV.search(text, max(0, start - 8), start)]
        for other in pairs:
            if other is None or other.group(1).lower() not in given or (
                    other is not after and other.group(1).lower() in _WORD_GIVEN):
                continue
            if mixed is None:
                mixed = mixed_case(text)
            if not mixed or _cased_alike(text[start:end], other.group(1)):
                out.append((min(start, other.start(1)), max(end, other.end(1))))
    return out
