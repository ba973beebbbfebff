"""A street name written before the record person's surname as the sentence's first words: "Boo Ochoa was hanging
out by the store", "TINY BEGAY WAS DETAINED" (OCHOA, BEGAY on the record).

Why: a nickname that is a word ("Boo", "Tiny", "Smoke") is no listed given name and no unknown word, so the rule for
a given name before a found surname leaves it; mid-sentence a capital marks it, but the first word of a sentence has
one anyway. Before a surname of the record's own people, written in the same case as the surname (Title case before
"Ochoa", capitals before "OCHOA"), the word opening the sentence is that person's name unless it is a function,
time, role, title, report or verb word ("Then Ochoa", "Yesterday Ochoa", "Officer Ochoa", "Suspect Ochoa",
"Eventually Ochoa", "Mama Ochoa", "Saw Ochoa" stay).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS as SPACY_STOP

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, OFFICER_TITLES, fold
from redaction.text.names import CUE_WORDS
from redaction.text.vocabulary import NARRATIVE_VERBS, REPORT_ABBREVIATIONS
from redaction.wordtrie import trie_compile

_OPENING_WORD = trie_compile(r"(?:\A|(?<=[.!?;:\n])[ \t]*|(?<=[.!?;:][ \t]))[ \t\"“]*([^\W\d_]{2,})[ \t]+\Z")
_TITLES = frozenset(t.lower().rstrip(".") for t in OFFICER_TITLES) | {"mr", "mrs", "ms", "miss", "dr", "sir"}
_TIMES = frozenset({"today", "yesterday", "tonight", "tomorrow", "monday", "tuesday", "wednesday", "thursday",
                    "friday", "saturday", "sunday", "later", "earlier", "inside", "outside", "upstairs", "finally",
                    "meanwhile", "initially", "subsequently", "afterward", "afterwards", "eventually", "now", "once",
                    "both", "neither", "either", "sister", "brother", "cousin", "uncle", "aunt", "mother", "father",
                    "mama", "mami", "mamá", "papa", "papi", "papá", "mom", "dad", "abuela", "abuelo", "tia", "tía", "tio",
                    "tío", "grandma", "grandpa", "granny", "nana", "auntie", "aunty", "sis", "bro", "primo", "prima",
                    "señora", "senora", "señor", "senor", "doña", "dona", "don", "family", "residence"})


def nicknames_before_own(text: str, spans: Sequence[tuple[int, int]], own: frozenset[str]) -> list[tuple[int, int]]:
    """Spans of the word opening a sentence right before one of the record's surnames (see the module doc)."""
    if not own:
        return []
    out = []
    for s, e in spans:
        word = text[s:e]
        if " " in word or fold(word).lower() not in own:
            continue
        m = _OPENING_WORD.search(text, max(0, s - 40), s)
        if m is None or not _same_case(m.group(1), word) or not _free(m.group(1)):
            continue
        out.append(m.span(1))
    return out


def _same_case(before: str, word: str) -> bool:
    return (before.isupper() and word.isupper()) or (before.istitle() and word.istitle() and not word.isupper())


def _free(word: str) -> bool:
    low = word.lower()
    return not (low in SPACY_STOP or low in CAPS_STOP_WORDS or low in NOT_NAME_WORDS or low in CUE_WORDS
                or low in REPORT_ABBREVIATIONS or low in NARRATIVE_VERBS or low in _TITLES or low in _TIMES
                or low.endswith(("ly", "ed", "ing")))
