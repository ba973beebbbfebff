"""Names in the shorthand of notes and phone-typed complaints: a name with a bare age ("jaylen 14 and his brother",
"kids: kayden 15, brayden 17") and the second of two names joined by "n" ("ifeoma n chidi was fighting").

Only people are tagged with a bare age in a list or a clause, but rooms, buses, exits and grades take a number too
("room 14", "grade 10"): the word before the number must be a name word (``positions.word_kind`` "strong": a listed
given name no dictionary holds, or a word no vocabulary holds), and the number a plausible age followed by a list
separator, a verb of being or the end of the clause.
"""

from __future__ import annotations

from redaction.text.positions import word_kind
from redaction.wordtrie import trie_compile

_NAME = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_AGED = trie_compile(r"(?<![\w'’\-/#])(" + _NAME + r")[ \t]+(?:age[ \t]+)?\d{1,2}(?:[ \t]*(?i:y/?o|yrs?|years(?:[ \t]+old)?))?"
                   r"(?=[ \t]*(?:[,;)\n]|\Z|\.(?!\d)|(?i:and|n|&|were|was|is|are|has|had|who|both)\b))")
_N_PAIR = trie_compile(r"(?<![\w'’\-])(" + _NAME + r")[ \t]+(?i:n)[ \t]+(" + _NAME + r")(?![\w'’\-])")


def shorthand_names(text: str) -> list[tuple[int, int]]:
    """Spans of names before a bare age and of both names of "x n y" (see the module doc)."""
    out = [m.span(1) for m in _AGED.finditer(text) if word_kind(m.group(1)) == "strong"]
    for m in _N_PAIR.finditer(text):
        k1, k2 = word_kind(m.group(1)), word_kind(m.group(2))
        if "strong" in (k1, k2) and k1 and k2 and k1 != "surname" and k2 != "surname":
            out += [m.span(1), m.span(2)]  # "ifeoma n chidi", "me n keisha" is ``slot_names``'s
    return out
