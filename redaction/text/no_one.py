"""A party's slot filled with no one's name ("RP: self", "RP - SELF", "caller: anon", "complainant: same"): the cue
rules take the word after a role label for a name; one of ``data/no_one_words.txt`` alone is none."""

from __future__ import annotations

import functools
import os

from redaction.recognizers.words import word_list


@functools.cache
def _no_one_words() -> frozenset[str]:
    return word_list(os.path.join(os.path.dirname(__file__), "data", "no_one_words.txt"))


def no_one(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is one word saying that no one is named ("self", "anon", "same")."""
    return end - start <= 9 and text[start:end].rstrip(".").lower() in _no_one_words()
