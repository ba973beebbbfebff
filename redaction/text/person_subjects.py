"""A given name that is also a word, as its sentence's subject, before what is said only of people ("Penny was found
unresponsive", "joy was transported to the hospital", "CHASE WAS DETAINED"): a name, with no record and no cue.

Why: "Penny", "Hope", "Joy", "Amber", "Chase" are listed given names that are everyday words, never a candidate
without a cue (``names.AMBIGUOUS_GIVEN``), and the NER often passes them by (always in lower case or capitals). A
sentence's first word that a given-name list holds, followed (after "was", "is", "got", "had been"; "found",
"later", "then") by a word of ``data/person_predicates.txt`` ("unresponsive", "transported", "arrested", "crying")
is the person, an age between them too ("Penny, 14, was found unresponsive"). Things are found, released or lost, so "Penny was found on the floor", "Hope was lost", "Chase
ended" keep their word (``thing_subjects`` judges those).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from redaction.recognizers.words import word_list
from redaction.text.names import AMBIGUOUS_GIVEN, given_names
from redaction.wordtrie import trie_compile


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = sorted(word_list(os.path.join(os.path.dirname(__file__), "data", "person_predicates.txt")),
                   key=len, reverse=True)
    pred = r"(?:" + "|".join(map(re.escape, words)) + r")(?![\w'’\-])"
    gate = trie_compile(r"(?<![\w'’\-])(?i:" + pred + r")")
    subject = trie_compile(
        r"(?:\A|(?<=[.!?;:\n]))[ \t\"“(]*([^\W\d_]+)(?:[ \t]*,[ \t]*\d{1,2}[ \t]*,|[ \t]*\(\d{1,2}\))?[ \t]+"
        r"(?i:(?:was|is|were|got|gets|had[ \t]+been|has[ \t]+been|became)[ \t]+)?"
        r"(?i:(?:found|later|then|also|still|visibly|very|extremely|being|now)[ \t]+)*(?i:" + pred + r")")
    return gate, subject


def person_subjects(text: str) -> list[tuple[int, int]]:
    """Spans of sentence-opening given names before a person's predicate (see the module doc)."""
    gate, subject = _patterns()
    if gate.search(text) is None:
        return []
    out = []
    for m in subject.finditer(text):
        low = m.group(1).lower()
        if low in AMBIGUOUS_GIVEN or low in given_names():
            out.append(m.span(1))
    return out
