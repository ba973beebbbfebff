"""A name that its neighbours say is a person: a relation or role in brackets after it ("kaveh (my neighbor) saw",
"Benedikt Sauer (homeowner)"), or an apposition after a comma ("ottilie, the lady who runs the store, said"), in any
casing. The one or two words there are taken when a name list or a vocabulary reads them as a name
(``word_kinds.word_kind``); "the car (my neighbor)", "Medics, the nurse who" stay.
"""

from __future__ import annotations

from redaction.text.cue_words import PERSON_CUES_ANY_CASE
from redaction.text.names import AMBIGUOUS_GIVEN, CUE_WORDS
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile, word_trie

_NAME = r"[^\W\d_]{2,}(?:['’\-][^\W\d_]+)*"
_PEOPLE = sorted({c for c in PERSON_CUES_ANY_CASE if c.isalpha() and len(c) > 2}
                 | {"lady", "guy", "man", "woman", "girl", "boy", "dude", "homeowner", "tenant", "resident", "owner",
                    "clerk", "cashier", "bartender", "bouncer", "mechanic", "nurse", "teacher", "coach"})
_DETERMINER = r"(?:(?i:my|his|her|their|our|your|the|a|an)[ \t]+)?"
# After the name: "(my neighbor)", "(homeowner)", "(VICTIM'S MOTHER)"; ", the lady who", ", my roommate,".
_BRACKET_AFTER = trie_compile(r"[ \t]*\([ \t]*" + _DETERMINER + r"(?:" + _NAME + r"['’]s[ \t]+)?(?i:" + word_trie(_PEOPLE)
                            + r")[ \t]*\)")
_APPOSED_AFTER = trie_compile(r",[ \t]+(?i:my|his|her|their|our|the)[ \t]+(?i:" + word_trie(_PEOPLE)
                            + r")(?=[ \t]*,|[ \t]+(?i:who|that)\b)")
# The one or two words right before: found from the cue back, not tried at every word of the text.
_BEFORE = trie_compile(r"(?<![\w'’\-])(" + _NAME + r")(?:[ \t]+(" + _NAME + r"))?\Z")
_NOT_BEFORE = trie_compile(r"(?i:the|a|an|my|his|her|their|our|your|this|that)[ \t]+\Z")


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
    for rx in (_BRACKET_AFTER, _APPOSED_AFTER):
        for cue in rx.finditer(text):
            m = _BEFORE.search(text, max(0, cue.start() - 60), cue.start())
            if m is None:
                continue
            words = [g for g in (1, 2) if m.group(g) is not None]
            if len(words) == 2 and not _name_word(m.group(1)):
                words = [2]  # "spoke to kaveh (my neighbor)"
            first = words[0]
            if _NOT_BEFORE.search(text, max(0, m.start(first) - 8), m.start(first)) or not _name_word(m.group(first)):
                continue  # "the car (my neighbor)": a thing
            last = words[-1] if _name_word(m.group(words[-1])) else first
            out.append((m.start(first), m.end(last)))
    return out
