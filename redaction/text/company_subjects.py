"""The person a note says was in company with a named one: "OCHOA WAS ASSOCIATING WITH BEGAY AND TRAN", "ochoa was
hanging out with begay", "OCHOA WAS CONTACTED W/ BEGAY, LUIS", "Ochoa and Begay were in company of Tran".

Why: a field note opens a sentence with a bare surname, in capitals or lower case, and the company after "with" is
found (``with_companions``, the "surname, given" rules) while the subject is not: no cue word stands before it and
the NER takes no lone capitalized word. A company verb ("associating", "hanging out", "contacted", "seen", "in
company of") and a companion whose first word reads as a name prove the shape. The subject is one or two words
opening the sentence (or joined by "and"/"&"), each reading as a name (``word_kinds.word_kind``, or a listed
surname), one word of the sentence's names at least no dictionary word ("water was seen with ice" stays), and none a
role, report or function word ("DRIVER WAS ASSOCIATING WITH ...", "SUBJ WAS SEEN WITH ...", "the dog was seen with
tran" stay); a bare "was with" is no company verb ("HOPE WAS WITH TRAN").
"""

from __future__ import annotations

import re

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS
from redaction.text.names import CUE_WORDS, surnames
from redaction.text.vocabulary import NARRATIVE_VERBS, REPORT_ABBREVIATIONS
from redaction.text.word_kinds import THINGS, listed, word_kind
from redaction.wordtrie import trie_compile

_NAME = r"[^\W\d_]{2,}(?:['’\-][^\W\d_]+)*"
# The company verb and its companion: "ASSOCIATING WITH BEGAY", "in company of Tran", "CONTACTED W/ BEGAY".
_CUE = trie_compile(
    r"(?<![\w'’\-])(?:(?:associating|hanging[ \t]+out|hanging|loitering|standing|sitting|contacted|detained|stopped|"
    r"seen|observed)[ \t]+(?:with|w/)|in[ \t]+(?:the[ \t]+)?company[ \t]+of)[ \t]+(" + _NAME + r")", re.IGNORECASE)
# The subject before it, opening its sentence: "OCHOA WAS", "Ochoa and Begay were seen".
_SUBJECT = trie_compile(
    r"(?:\A|(?<=[.;:!?\n]))[ \t]*(" + _NAME + r")(?:[ \t]+(?:and|&)[ \t]+(" + _NAME + r"))?[ \t]+"
    r"(?:was|were|is|are)[ \t]+(?:(?:seen|observed|found|being|also|again)[ \t]+)?\Z", re.IGNORECASE)
_NAME_KINDS = ("strong", "weak", "given", "surname")


def company_subjects(text: str) -> list[tuple[int, int]]:
    """Subject and companion spans of a company sentence (see the module doc); "with", "w/" or "company" gates the regex."""
    low = text.lower()
    if not (" with " in low or " w/" in low or "company of" in low) or not (" was " in low or " were " in low
                                                                          or " is " in low or " are " in low):
        return []  # the cheap test first
    out = []
    for c in _CUE.finditer(text):
        m = _SUBJECT.search(text, max(0, c.start() - 60), c.start())
        if m is None:
            continue
        words = [w for w in (*m.group(1, 2), c.group(1)) if w]
        if not all(map(_name_word, words)) or not any(word_kind(w) in ("strong", "weak") for w in words):
            continue  # "water was seen with ice": words that are names too, none a sure one
        out += [m.span(g) for g in (1, 2) if m.group(g)] + [c.span(1)]  # the companion too: "in company of Tran"
    return out


def _name_word(word: str) -> bool:
    low = word.lower()
    if low in CAPS_STOP_WORDS or low in NOT_NAME_WORDS or low in CUE_WORDS or low in REPORT_ABBREVIATIONS \
            or low in NARRATIVE_VERBS or low in THINGS or low.endswith(("ed", "ing")):
        return False
    return word_kind(word) in _NAME_KINDS or listed(word, surnames())
