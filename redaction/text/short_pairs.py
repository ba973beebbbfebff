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

_SURNAME = re.compile(r"(?<![\w'’\-])([^\W\d_]{2,6})[ \t]*\Z")  # before a comma
_GIVEN = re.compile(r"[ \t]*([^\W\d_]{2,6})(?![\w'’\-])")  # after it


@functools.cache
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    here = os.path.join(os.path.dirname(__file__), "data")
    return (word_list(os.path.join(here, "clan_surnames.txt")), word_list(os.path.join(here, "clan_given_names.txt")))


def clan_surnames() -> frozenset[str]:
    """The clan surnames of ``data/clan_surnames.txt`` (lower case)."""
    return _lists()[0]


def _cased_alike(a: str, b: str) -> bool:
    return (a.islower() and b.islower()) or (a[:1].isupper() and b[:1].isupper())


def short_pairs(text: str) -> list[tuple[int, int]]:
    """The "surname, given" pairs of a clan surname and a short given name (see the module doc)."""
    if "," not in text:
        return []
    family, given = _lists()
    out: list[tuple[int, int]] = []
    mixed: bool | None = None
    comma = text.find(",")
    while comma > 0:
        sur, first = _SURNAME.search(text, max(0, comma - 8), comma), _GIVEN.match(text, comma + 1)
        comma = text.find(",", comma + 1)
        if sur is None or first is None or sur.group(1).lower() not in family or first.group(1).lower() not in given:
            continue
        if mixed is None:
            mixed = mixed_case(text)
        if not mixed or _cased_alike(sur.group(1), first.group(1)):
            out.append((sur.start(1), first.end(1)))
    return out
