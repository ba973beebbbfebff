"""An owner named without the possessive's apostrophe, in chat and texts ("omw to warsame house", "i was at nakamura
house all night", "we were at okafor mom house"), in any casing.

Why: "warsame's house" has its apostrophe as a cue; without it the owner is one word before "house", which the NER
reads as part of a place name or not at all. After "to", "at", "from" ... a word before "house", "crib", "place",
"car" (a kin word may stand between: "okafor mom house") is the owner when it reads only as a name (``word_kind``
"strong": a listed name no dictionary holds, a word no vocabulary holds): "the white house", "the trap house",
"the work car" hold no name. Listed given names there are found by other rules already ("tasha house").
"""

from __future__ import annotations

from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile

_THING = trie_compile(r"(?:house|crib|place|apartment|apt|pad|spot|car|truck|room|yard|porch|garage|party)(?![\w'’])")
# Before an owned thing's word: a preposition, the owner, and a kin word maybe ("to okafor mom [house]").
_OWNER_BEFORE = trie_compile(
    r"(?<![\w'’])(?:to|at|from|into|in|by|near|outside|inside|behind|leaving|left|over)[ \t]+"
    r"([^\W\d_]{3,}(?:-[^\W\d_]+)?)[ \t]+(?:(?:moms?|mama|mamas|grandmas?|granny|abuela|auntie|aunt|tia|cousin|bro|"
    r"brother|sister|sis|baby[ \t]+mama|girl|boyfriend|girlfriend|dad|pops)[ \t]+)?\Z")
_NOT_OWNERS = frozenset({"the", "his", "her", "their", "my", "our", "your", "its", "this", "that", "a", "an"})


def bare_possessives(text: str) -> list[tuple[int, int]]:
    """The owner's name before "house", "crib", "car" ... without its apostrophe (see the module doc)."""
    low = text.lower()
    if len(low) != len(text):
        return []  # a letter whose lower case is longer: no offsets to share (no chat is written so)
    out: list[tuple[int, int]] = []
    for t in _THING.finditer(low):
        if t.start() and low[t.start() - 1] not in " \t":
            continue  # "scar", "postcard"
        m = _OWNER_BEFORE.search(low, max(0, t.start() - 48), t.start())
        if m is None:
            continue
        word = text[m.start(1):m.end(1)]
        if word.lower() not in _NOT_OWNERS and word_kind(word) == "strong":
            out.append(m.span(1))
    return out
