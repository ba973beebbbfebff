"""Cleft sentences: "it was ngozi who told me", "IT'S KENJI THAT HAS THE KEYS" put a person where "it was ... who"
points, in any casing. Before "who", the one or two words there are a name when the name lists or the vocabularies
read them as one (``word_kinds.word_kind``: "it was dawn who"); before "that", only a name no dictionary holds ("it is
true that" stays). "it was him who", "it was the neighbor who" stay.
"""

from __future__ import annotations

from redaction.text.names import AMBIGUOUS_GIVEN
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile

_CLEFT = trie_compile(r"(?<![\w'’\-])(?i:it|that)(?:[ \t]+(?i:was|is)|['’](?i:s))[ \t]+"
                    r"([^\W\d_]{2,}(?:['’\-][^\W\d_]+)*)(?:[ \t]+([^\W\d_]{2,}(?:['’\-][^\W\d_]+)*))?"
                    r"[ \t]+((?i:who|that))\b")


def cleft_names(text: str) -> list[tuple[int, int]]:
    """The name a cleft sentence points at: one word, or a given name and a surname."""
    if "who" not in text.lower() and "that" not in text.lower():
        return []
    out: list[tuple[int, int]] = []
    for m in _CLEFT.finditer(text):
        first = m.group(1)
        kind = word_kind(first)
        if not (kind or first.lower() in AMBIGUOUS_GIVEN) or (m.group(3).lower() == "that" and kind != "strong"):
            continue  # "it is true that": only a name no dictionary holds before "that" ("it's kenji that has")
        second = m.group(2)
        out.append((m.start(1), m.end(2) if second and word_kind(second) else m.end(1)))
    return out
