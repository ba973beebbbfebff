"""Names written right before an age or birth-year note: "AHANU YILMAZ (BIRTH YEAR 2001) REPORTED".

Why: report writers tag a person with an age in brackets ("(50 Y/O)", "(Age: 51)", "(b. 1969)", "(38 B/M)", "(M/17)", "(B/F/16)").
Only people get ages, so the words just before such a bracket are a name even when they are in no list and
the text is all capitals or all lower case, where capitalization tells nothing. At most three words are
taken, walking back from the bracket and stopping at the first word that cannot be a name; a bare number
("(42)") needs two such words.
"""

from __future__ import annotations

import re

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS
from redaction.text.names import PARTICLES, _name_like
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile

_AGE = trie_compile(
    r"\s*\(\(?\s*(?:age:?\s*\d{1,3}|\d{1,3}(?:\s*(?:y/?o|yoa|yrs?|years?(?:\s+old)?))?(?:\s*,?\s*[a-z]/?[a-z](?:/[a-z])?)?"
    r"|\d{1,3}\s*y/?o|(?:[a-z]\s*/\s*)?[mf]\s*/\s*\d{1,2}|b\.\s*\d{4}|born\s+(?:in\s+)?\d{4}|birth\s+year:?\s*\d{4}|yob:?\s*\d{4}|dob:?[^)]{4,12})"
    r"\s*\)?\)",
    re.IGNORECASE)
_BARE = trie_compile(r"\s*\(\(?\s*\d{1,3}\s*\)?\)")
_WORD_BEFORE = trie_compile(r"([^\W\d_]+(?:['’\-][^\W\d_]+)*)\s*$")


# "Dontrell/17": a name word, a slash and an age; no date ("3/4/05") or longer number after it. The slash is found
# first (a literal), then the word before it.
_SLASH_AGE = trie_compile(r"(?<=[^\W\d_])/\d{1,2}(?![\d/\-:.]\d)(?![\w/])")
_NAME_BEFORE = trie_compile(r"(?<![\w'’\-/])[^\W\d_]+(?:['’\-][^\W\d_]+)*\Z")


def _slash_aged(text: str) -> list[tuple[int, int]]:
    """A name word no dictionary holds (``word_kinds`` "strong": "Dontrell", "Nguyen"; not "Route", "Floor", "Adam" of a
    call sign) right before "/<age>"."""
    out: list[tuple[int, int]] = []
    for m in _SLASH_AGE.finditer(text):
        w = _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if w is not None and word_kind(w.group()) == "strong" and w.group().lower() not in NOT_NAME_WORDS | CAPS_STOP_WORDS:
            out.append(w.span())
    return out


def age_cued_names(text: str) -> list[tuple[int, int]]:
    """Spans of the (up to three) name words right before an age bracket, and a listed name before "/<age>"."""
    out: list[tuple[int, int]] = _slash_aged(text)
    for m in _AGE.finditer(text):
        if m.start() == 0:
            continue
        start = end = m.start()
        n = 0
        while n < 3:
            w = _WORD_BEFORE.search(text, 0, start)
            if w is None or not (_name_like(w.group(1)) or (n and w.group(1).lower() in PARTICLES)):
                break
            start = w.start(1)
            n += 1
        if n >= (2 if _BARE.fullmatch(m.group()) else 1):  # "exhibit (42)": a bare number needs two words
            out.append((start, end))
    return out
