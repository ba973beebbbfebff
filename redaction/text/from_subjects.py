"""A given name or short form placed by where the person is from, then speaking: "Mo from the bus stop says it was
him", "nacho from next door told me", "LUPE FROM WORK SAID". The subject rule (``positions.subjects``) wants the
verb right after the name; here a "from" phrase of up to three words stands between them.

Why: a neighbour, a co-worker or a regular of a corner is known by a first name or a pet name and where they are
found ("memo from the bus stop"), in every casing. The word before "from" must open a sentence or a clause and be a
given name, a short form of one ("mo", "nacho", "memo"), or a word no vocabulary holds; the verb one only a person
does (speech, knowing). "Word from the street says", "a call from the store said" keep: no given name; and a
given name that is also a word keeps when the "from" phrase names an office ("Memo from the chief said": a paper).
"""

from __future__ import annotations

import re

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, OFFICER_TITLES
from redaction.text.positions import everyday_given
from redaction.text.vocabulary import dictionary_words, unknown_word
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile

_FROM = trie_compile(r"(?<![\w'’\-])from[ \t]+", re.IGNORECASE)
# the word before "from", at a sentence's or a clause's start (or after "and", "that", "said")
_BEFORE = trie_compile(r"(?:\A|(?<=[.!?:;,\n]\s)|(?<=[.!?:;\n])|(?<=\n)|(?i:(?<=\band\s)|(?<=\bthat\s)|(?<=\bsaid\s)"
                     r"|(?<=\bsays\s)))[\"“]?([^\W\d_]+)[\"”]?[ \t]+\Z")
_SPEECH = ("says", "said", "told", "tells", "stated", "states", "claims", "claimed", "swears", "swore", "thinks",
           "thought", "knows", "knew", "saw", "seen", "heard", "texted", "called", "yelled", "admitted", "denied")
# "the bus stop says", "next door told", "work said": up to three words, then a person's verb
_PLACE_THEN_VERB = trie_compile(r"(?:[^\W\d_]+(?:['’][^\W\d_]+)?[ \t]+){1,3}(?i:" + "|".join(_SPEECH) + r")\b")
# who sends a paper ("memo from the chief", "note from the court"), not where a person is found
_OFFICES = frozenset({t.lower() for t in OFFICER_TITLES} | {
    "court", "judge", "office", "department", "dept", "city", "county", "state", "school", "principal", "landlord",
    "management", "manager", "boss", "company", "bank", "hr", "da", "doctor", "hospital", "insurance", "lawyer"})


def _name_like(word: str) -> bool:
    low = word.lower()
    if low in CAPS_STOP_WORDS or low in NOT_NAME_WORDS or low in ("will", "may", "can"):
        return False
    return everyday_given(word) or word_kind(word) == "strong" or unknown_word(word)


def from_subjects(text: str) -> list[tuple[int, int]]:
    """Spans of the name in "<name> from <up to three words> <speech verb>" (see the module doc). A literal test
    for "from" gates the regexes."""
    if "from" not in text and "FROM" not in text and "From" not in text:
        return []
    out = []
    for m in _FROM.finditer(text):
        before = _BEFORE.search(text, max(0, m.start() - 30), m.start())
        place = _PLACE_THEN_VERB.match(text, m.end()) if before is not None else None
        if before is None or place is None or not _name_like(before.group(1)):
            continue
        if before.group(1).lower() in dictionary_words() and _OFFICES & set(place.group().lower().split()):
            continue  # "Memo from the chief said": a paper
        out.append(before.span(1))
    return out
