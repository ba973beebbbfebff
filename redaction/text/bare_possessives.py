"""An owner named without the possessive's apostrophe, in chat and texts ("omw to warsame house", "i was at nakamura
house all night", "we were at okafor mom house"), in any casing.

Why: "warsame's house" has its apostrophe as a cue; without it the owner is one word before "house", which the NER
reads as part of a place name or not at all. After "to", "at", "from" ... a word before "house", "crib", "place",
"car" (a kin word may stand between: "okafor mom house") is the owner when it reads only as a name (``word_kind``
"strong": a listed name no dictionary holds, a word no vocabulary holds): "the white house", "the trap house",
"the work car" hold no name. Listed given names there are found by other rules already ("tasha house").
"""

from __future__ import annotations

import re

from redaction.text.word_kinds import word_kind

_OWNED = re.compile(
    r"(?<![\w'’])(?i:to|at|from|into|in|by|near|outside|inside|behind|leaving|left|over)[ \t]+"
    r"([^\W\d_]{3,}(?:-[^\W\d_]+)?)[ \t]+(?:(?i:moms?|mama|mamas|grandmas?|granny|abuela|auntie|aunt|tia|cousin|bro|"
    r"brother|sister|sis|baby[ \t]+mama|girl|boyfriend|girlfriend|dad|pops)[ \t]+)?"
    r"(?i:house|crib|place|apartment|apt|pad|spot|car|truck|room|yard|porch|garage|party)(?![\w'’])")
_NOT_OWNERS = frozenset({"the", "his", "her", "their", "my", "our", "your", "its", "this", "that", "a", "an"})


def bare_possessives(text: str) -> list[tuple[int, int]]:
    """The owner's name before "house", "crib", "car" ... without its apostrophe (see the module doc)."""
    out: list[tuple[int, int]] = []
    for m in _OWNED.finditer(text):
        word = m.group(1)
        if word.lower() not in _NOT_OWNERS and word_kind(word) == "strong":
            out.append(m.span(1))
    return out
