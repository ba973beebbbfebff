"""Initials that stand for a person: "A.B.", "J. M.", "complainant AC", "Officer FQ", "P/O JT", "AC stated".

Agencies that already shorten names to initials (Philadelphia's complaint summaries) still publish who is
meant when the initials appear next to the record's other facts. Dotted initials are taken anywhere (a
short list of dotted abbreviations such as "A.M." or "U.S." excepted); two or three capitals need a
person cue before them or a speech verb after them, and are never a common or report word ("ON", "PD").
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from redaction.recognizers._base import CASE_SENSITIVE, ContextPatternRecognizer
from redaction.recognizers.person_cue import SPEECH_VERBS
from redaction.recognizers.words import (
    CAPS_STOP_WORDS,
    LETTER,
    NOT_NAME_WORDS,
    OFFICER_TITLES,
    UPPER,
    US_STATES,
)

# Dotted forms that are abbreviations, not initials ("a.m." and "p.m." only after a time: "P.M." may be someone).
DOTTED_ABBREVIATIONS = {"us", "usa", "dob", "ie", "eg", "aka", "dc", "uk", "phd", "pd"}
_TIME_BEFORE = re.compile(r"\d\s*$")
# "RP CB 4106089940", "suspended DL B3018246": letters right before a number label it (a badge keeps its "#")
_LABEL_OF_NUMBER = re.compile(r"\)?\s*:?\s*[A-Za-z]?\d")
INITIALS_CUES = [
    "complainant", "complainants", "victim", "witness", "suspect", "subject", "accused", "arrestee", "caller",
    "reporting party", "driver", "passenger", "mother", "father", "son", "daughter", "wife", "husband",
    "girlfriend", "boyfriend", "brother", "sister", "neighbor", "neighbour", "roommate", "friend", "juvenile",
    "Mr", "Mrs", "Ms", "Miss", "P/O", "PO", "C/", "V/", "W/", "S/", "RP", *OFFICER_TITLES,
]
_CUES = "|".join(c.replace("/", r"\/").replace(" ", r"\s+") for c in sorted(INITIALS_CUES, key=len, reverse=True))
_VERBS = "|".join(v.replace(" ", r"\s+") for v in SPEECH_VERBS)

INITIALS_PATTERNS = [
    Pattern("dotted", rf"(?<![\w.])(?i:{LETTER}\.\s?{LETTER}\.(?:\s?{LETTER}\.)?)(?!\w|\s?{LETTER}\.)", 0.8),
    Pattern("after cue", r"(?<![A-Za-z])(?i:" + _CUES + r")\.?(?:\s+|(?<=/)\s*)\(?(?P<name>" + UPPER + "{2,3})(?![\\w'\\-])",
            0.8),
    Pattern("before verb", r"(?<![\w'\-])" + UPPER + r"{2,3}(?=\)?\s+(?i:" + _VERBS + r")\b)", 0.7),
]


def _letters(s: str) -> str:
    return "".join(c for c in s if c.isalpha()).lower()


class OsdInitialsRecognizer(ContextPatternRecognizer):
    """Initials as described in the module docstring."""

    ENTITY = "PERSON"
    PATTERNS = INITIALS_PATTERNS
    CONTEXT = []
    FLAGS = CASE_SENSITIVE
    MAX_UPPER_RATIO = 0.5  # "before verb": only in mixed-case texts, where capitals stand out

    def refine(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Drop abbreviations. Dotted: a short list, and "a.m."/"p.m." after a time. Two or three capitals: in
        mixed-case text, any after a cue (capitals stand out there), before a verb no common, report or state
        word; in text typed in capitals, never before a verb, and after a cue no common word ("OFFICER ON"). Letters
        right before a number label it ("RP CB 4106089940")."""
        letters = [c for c in text if c.isalpha()]
        caps = bool(letters) and sum(c.isupper() for c in letters) / len(letters) > self.MAX_UPPER_RATIO
        out = []
        for start, end, name in found:
            w = _letters(text[start:end])
            if name == "dotted":
                bad = w in DOTTED_ABBREVIATIONS or (w in ("am", "pm") and _TIME_BEFORE.search(text, 0, start))
            elif name == "before verb":
                bad = caps or w in NOT_NAME_WORDS or w in CAPS_STOP_WORDS or w in US_STATES
            else:  # three letters that are a report word ("SUBJECT AGE", "victim ABH") are that word
                bad = (caps and w in CAPS_STOP_WORDS) or (len(w) == 3 and w in NOT_NAME_WORDS)
            if not bad and _LABEL_OF_NUMBER.match(text, end) is None:
                out.append((start, end, name))
        return out
