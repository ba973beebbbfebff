"""Owners: a possessive word before what a person owns or is related to ("kevin's brother", "it was tamsin's idea").

``OWNED`` is the list of owned things and relations; ``owned_names`` takes a word no vocabulary holds before them as a
name in any casing (``names.name_candidates`` sends a listed given name there to the NER instead).
"""

from __future__ import annotations

from redaction.text.cue_words import PERSON_CUES_ANY_CASE
from redaction.text.vocabulary import unknown_word
from redaction.wordtrie import trie_compile, word_trie

# What a person owns or is related to, after a possessive given name ("kevin's brother", "jay's car").
_THINGS = {"car", "house", "phone", "apartment", "room", "place", "kids", "dog", "truck", "mom", "dad", "idea", "fault",
           "plan", "birthday", "party", "bike", "stuff", "bag", "purse", "wallet", "keys", "number", "yard", "door",
           "job"}
_RELATIONS = {c for c in PERSON_CUES_ANY_CASE if " " not in c and "/" not in c and ":" not in c}
OWNED = trie_compile(r"[ \t]+(?i:" + word_trie(sorted(_RELATIONS | _THINGS)) + r")(?![\w'’\-])")

_POSSESSIVE_WORD = trie_compile(r"(?<![\w'’\-])([^\W\d_]{4,})['’][sS](?=[ \t])")


def owned_names(text: str) -> list[tuple[int, int]]:
    """A word no vocabulary holds, owning what a person owns ("it was tamsin's idea", "at ruairi's place"): a name,
    in any casing (a listed given name there goes through ``name_candidates`` and the NER)."""
    if "'s" not in text and "’s" not in text and "'S" not in text and "’S" not in text:
        return []
    return [m.span(1) for m in _POSSESSIVE_WORD.finditer(text)
            if unknown_word(m.group(1)) and OWNED.match(text, m.end())]
