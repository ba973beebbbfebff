"""A party's role, "was" or "is", and one name closing the clause: "The passenger was Xiaoling.", "the driver is guled,
no license", "THE OTHER OCCUPANT WAS TSINAJINNIE".

Why: a field contact says who sat where in a short clause; a lone given name there has no second word for a pair rule
and no verb after it for a subject rule. The word is a name when it is one no dictionary holds (``word_kinds``
"strong", or "weak": "xiaoling") or a listed given name that is no everyday one ("kelly"; not "frank") in any
casing, or a listed name written with a capital in mixed-case text ("The driver was Darling."); never an adjective,
a colour or a state ("the passenger was drunk", "The driver was Young.", "the rp was uncooperative", "The passenger
was Black, 20s.").
"""

from __future__ import annotations

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS
from redaction.text.names import AMBIGUOUS_GIVEN, given_names, mixed_case
from redaction.text.word_kinds import ADJECTIVES, word_kind
from redaction.wordtrie import trie_compile

_ROLE_BEFORE = trie_compile(r"(?<![\w'’\-])(?i:passenger|driver|rider|occupant|owner|r/o|rp|caller|victim|suspect|subject"
                          r"|subj|companion|associate|juvenile|witness|complainant|arrestee|detainee|pedestrian)[ \t]+\Z")
_NAME_AFTER = trie_compile(r"([^\W\d_]+(?:['’\-][^\W\d_]+)*)(?=[ \t]*(?:[.,;:!?)(\n]|\Z|[ \t]\d))")


def role_copula_names(text: str) -> list[tuple[int, int]]:
    """Spans of the one name after "<role> was|is" that ends a clause (see the module doc)."""
    low = text.lower()
    if " was " not in low and " is " not in low:
        return []
    out: list[tuple[int, int]] = []
    mixed = mixed_case(text)
    for verb in (" was ", " is "):
        pos = low.find(verb)
        while pos >= 0:
            m = _NAME_AFTER.match(text, pos + len(verb))
            if m is not None and _ROLE_BEFORE.search(text, max(0, pos - 14), pos + 1) and _name(m.group(1), mixed):
                out.append(m.span(1))
            pos = low.find(verb, pos + 1)
    return out


def _name(word: str, mixed: bool) -> bool:
    low = word.lower()
    if low in NOT_NAME_WORDS or low in CAPS_STOP_WORDS or low in ADJECTIVES:
        return False  # "The passenger was Black, 20s.", "The driver was Young."
    kind = word_kind(word)
    if kind == "given" and low in given_names() and low not in AMBIGUOUS_GIVEN:
        return True  # "the passenger was kelly": a listed given name no everyday word ("frank", "grace")
    return kind in ("strong", "weak") or (bool(kind) and mixed and word[:1].isupper() and not word.isupper())
