"""A vehicle's occupants as a stop card numbers or seats them: "OCC #2 BEGAY", "OCC #1 (DRIVER) OCHOA D;",
"occupant 3: luna p.", "PASS #1 - TRAN", "R/F: BEGAY L", "RR PASS: OCHOA" (a seat with its colon or dash
only: "broken rear pass tail lamp" is a car part).

Why: a car stop's card writes each occupant after a number or a seat, often with the surname alone or with an
initial and no given name, so no "surname, given" rule and no cue word takes it, in capitals or lower case. After
the slot label (and a bracketed seat or role, "(DRIVER)", "(R/P)") the first word is a name when it reads as one
(``word_kinds.word_kind``) or is a listed surname, and is no report, role or function word ("OCC #2 UNK", "OCC #1
(DRIVER) FLED"); a single initial right after it goes with it.
"""

from __future__ import annotations

import re

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS
from redaction.text.names import CUE_WORDS, surnames
from redaction.text.vocabulary import NARRATIVE_VERBS, REPORT_ABBREVIATIONS
from redaction.text.word_kinds import listed, word_kind
from redaction.wordtrie import trie_compile

_NAME = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_SEAT = r"(?:r/p|r/f|l/r|r/r|f/p|l/f|rrp|lrp|rfp)"
_GATES = ("occ", "pass", "psgr", "psngr", "r/p", "r/f", "l/r", "r/r", "f/p", "l/f", "rrp", "lrp", "rfp")
_SLOT = trie_compile(
    r"(?<![\w'’\-/])(?:(?:occ|occupant)[ \t]*(?:#[ \t]?\d{1,2}|\d{1,2}(?![\w/]))|"
    r"(?:pass|passenger|psgr|psngr)[ \t]*#[ \t]?\d{1,2}|"
    r"(?:(?:rear|front|rr|rf|fr|lr)[ \t]+(?:pass|passenger|psgr)|" + _SEAT + r")(?=[ \t]*[:\-]))"
    r"[ \t]*[:\-]?[ \t]*(?:\([^()\n]{1,14}\)[ \t]*[:\-]?[ \t]*)?(" + _NAME + r")(?:[ \t]+([^\W\d_])(?![\w'’\-/]))?",
    re.IGNORECASE)
_NAME_KINDS = ("strong", "weak", "given", "surname")


def occupant_names(text: str) -> list[tuple[int, int]]:
    """Spans of the names in an occupant's slot (see the module doc); "occ", "pass", "psgr" or "/" or a seat code gates the regex."""
    low = text.lower()
    if not any(g in low for g in _GATES):
        return []
    out = []
    for m in _SLOT.finditer(text):
        if not _name_word(m.group(1)):
            continue
        out.append((m.start(1), m.end(2) if m.group(2) and m.group(2).lower() not in ("a", "i") else m.end(1)))
    return out


def _name_word(word: str) -> bool:
    low = word.lower()
    if len(low) < 2 or low in CAPS_STOP_WORDS or low in NOT_NAME_WORDS or low in CUE_WORDS \
            or low in REPORT_ABBREVIATIONS or low in NARRATIVE_VERBS or low.endswith(("ed", "ing")):
        return False
    return word_kind(word) in _NAME_KINDS or listed(word, surnames())
