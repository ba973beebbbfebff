"""A Hmong name written "surname, given" ("xiong, pa", "vang, mai", "lo, tou", "THAO, KIA"), in any casing.

Why: both words are short, and alone many are words, abbreviations or brands ("lo", "pa", "see", "kia"), so the
name lists and the NER pass them by, or take the given name and leave the surname ("lo, [tou]"). A clan surname of
``data/clan_surnames.txt``, a comma, and a given name of ``data/clan_given_names.txt`` are a name together; in
mixed-case text both must be written alike (both capitalized or both in lower case): "Erie, PA" holds neither list's
word, "lo, see" in a mixed-case sentence is not capitalized as a name.
"""

from __future__ import annotations

import functools
import os
import re

from redaction.recognizers.words import word_list
from redaction.text.names import mixed_case

_PAIR = re.compile(r"(?<![\w'’\-])([^\W\d_]{2,6})[ \t]*,[ \t]*([^\W\d_]{2,6})(?![\w'’\-])")


@functools.cache
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    here = os.path.join(os.path.dirname(__file__), "data")
    return (word_list(os.path.join(here, "clan_surnames.txt")), word_list(os.path.join(here, "clan_given_names.txt")))


def _cased_alike(a: str, b: str) -> bool:
    return (a.islower() and b.islower()) or (a[:1].isupper() and b[:1].isupper())


def short_pairs(text: str) -> list[tuple[int, int]]:
    """The "surname, given" pairs of a clan surname and a short given name (see the module doc)."""
    if "," not in text:
        return []
    family, given = _lists()
    out: list[tuple[int, int]] = []
    mixed: bool | None = None
    for m in _PAIR.finditer(text):
        sur, first = m.group(1), m.group(2)
        if sur.lower() not in family or first.lower() not in given:
            continue
        if mixed is None:
            mixed = mixed_case(text)
        if not mixed or _cased_alike(sur, first):
            out.append((m.start(1), m.end(2)))
    return out
