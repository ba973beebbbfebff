"""A name that its neighbours say is a person: a relation or role in brackets after it ("kaveh (my neighbor) saw",
"Benedikt Sauer (homeowner)"), or an apposition after a comma ("ottilie, the lady who runs the store, said"), in any
casing. The one or two words there are taken when a name list or a vocabulary reads them as a name
(``word_kinds.word_kind``); "the car (my neighbor)", "Medics, the nurse who" stay.
"""

from __future__ import annotations

import re

from redaction.text.cue_words import PERSON_CUES_ANY_CASE
from redaction.text.names import AMBIGUOUS_GIVEN, CUE_WORDS
from redaction.text.word_kinds import word_kind
from redaction.text.wordtrie import word_trie

_NAME = r"[^\W\d_]{2,}(?:['’\-][^\W\d_]+)*"
_PEOPLE = sorted({c for c in PERSON_CUES_ANY_CASE if c.isalpha() and len(c) > 2}
                 | {"lady", "guy", "man", "woman", "girl", "boy", "dude", "homeowner", "tenant", "resident", "owner",
                    "clerk", "cashier", "bartender", "bouncer", "mechanic", "nurse", "teacher", "coach"})
_DETERMINER = r"(?:(?i:my|his|her|their|our|your|the|a|an)[ \t]+)?"
# "kaveh (my neighbor)", "Benedikt Sauer (homeowner)", "GWENDOLYN (VICTIM'S MOTHER)"
_BRACKETED = re.compile(r"(?<![\w'’\-])(" + _NAME + r")(?:[ \t]+(" + _NAME + r"))?[ \t]*\([ \t]*" + _DETERMINER
                        + r"(?:" + _NAME + r"['’]s[ \t]+)?(?i:" + word_trie(_PEOPLE) + r")[ \t]*\)")
# "ottilie, the lady who runs the store," "Lazlo, my roommate, said"
_APPOSED = re.compile(r"(?<![\w'’\-])(" + _NAME + r")(?:[ \t]+(" + _NAME + r"))?,[ \t]+(?i:my|his|her|their|our|the)"
                      r"[ \t]+(?i:" + word_trie(_PEOPLE) + r")(?=[ \t]*,|[ \t]+(?i:who|that)\b)")
_NOT_BEFORE = re.compile(r"(?i:the|a|an|my|his|her|their|our|your|this|that)[ \t]+\Z")


def _name_word(word: str) -> bool:
    low = word.lower()
    if low in CUE_WORDS or low in _PEOPLE:
        return False
    return bool(word_kind(word)) or low in AMBIGUOUS_GIVEN


def apposed_names(text: str) -> list[tuple[int, int]]:
    """Names with a relation or role in brackets after them, or in an apposition after a comma."""
    if "(" not in text and "," not in text:
        return []
    out: list[tuple[int, int]] = []
    for rx in (_BRACKETED, _APPOSED):
        for m in rx.finditer(text):
            if _NOT_BEFORE.search(text, max(0, m.start() - 8), m.start()) or not _name_word(m.group(1)):
                continue  # "the car (my neighbor's)": a thing
            second = m.group(2)
            out.append((m.start(1), m.end(2) if second and _name_word(second) else m.end(1)))
    return out
