"""A name boxed in commas after a person noun and a short place or relation phrase ("the tenant in 4b, vasyl,
plays music", "neighbor's boy, taini, fell through the ice", "the guy next door, kahu, leaves trash"), in any
casing: the one or two words between the commas are taken when a name list or a vocabulary reads them as a name
(``word_kinds.word_kind``). The boxed words are found first (a cheap regex); the person noun is looked for only in
the few words before them, so "the car, red, was" or "the tenant in 4b, however, pays" stay.
"""

from __future__ import annotations

from redaction.text.cue_words import PERSON_CUES_ANY_CASE
from redaction.text.names import CUE_WORDS
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile

_NAME = r"[^\W\d_]{2,}(?:['’\-][^\W\d_]+)*"
_PEOPLE = sorted({c for c in PERSON_CUES_ANY_CASE if c.isalpha() and len(c) > 2}
                 | {"lady", "guy", "man", "woman", "girl", "boy", "dude", "fellow", "fella", "lad", "homeowner",
                    "tenant", "resident", "owner", "super", "superintendent", "teen", "teenager", "student", "worker",
                    "volunteer", "agent", "rep", "ra", "ta"})
# ", vasyl," / ", taini," / ", ana lucia,": one or two words between commas.
_BOXED = trie_compile(r",[ \t]+(" + _NAME + r")(?:[ \t]+(" + _NAME + r"))?(?=[ \t]*,)")
_PEOPLE_SET = frozenset(_PEOPLE)
# The words right before: the person noun, then at most three short words ("in 4b", "next door", "from down the road").
_WORDS_BEFORE = trie_compile(r"[\w'’\-]+")
_KINDS = ("strong", "given", "weak")


def _name_word(word: str) -> bool:
    return word.lower() not in CUE_WORDS and word_kind(word) in _KINDS


def _noun_before(text: str, pos: int) -> bool:
    before = text[max(0, pos - 40):pos]
    if "," in before or "." in before:
        before = before[max(before.rfind(","), before.rfind(".")) + 1:]
    words = _WORDS_BEFORE.findall(before.lower())[-4:]
    for i, word in enumerate(words):
        if word.removesuffix("'s").removesuffix("’s") in _PEOPLE_SET and all(len(w) <= 8 for w in words[i + 1:]):
            return True
    return False


def boxed_names(text: str) -> list[tuple[int, int]]:
    """Names boxed in commas right after a person noun (see the module doc)."""
    if text.count(",") < 2:
        return []
    out: list[tuple[int, int]] = []
    for m in _BOXED.finditer(text):
        if not _noun_before(text, m.start()):
            continue
        words = [g for g in (1, 2) if m.group(g) is not None]
        if not all(_name_word(m.group(g)) for g in words):
            continue
        out.append((m.start(words[0]), m.end(words[-1])))
    return out
