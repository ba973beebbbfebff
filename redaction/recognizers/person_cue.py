"""Names right after a role or courtesy cue ("witness Maria Gonzalez", "V/ DOE, JANE", "Mr. Nguyen")."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from redaction.recognizers._base import CASE_SENSITIVE, ContextPatternRecognizer
from redaction.recognizers.words import (
    NOT_NAME_WORDS,
    OFFICER_TITLES,
    PERSON_CUES,
    SUFFIX_LOWER,
    VEHICLE_WORDS,
)

_WORD_RE = re.compile(r"[^\s,]+")
_NAME_WORD = r"(?:(?:St\.\s+|ST\.?\s+)?(?:(?:Mc|Mac|O'|D')?[A-Z][a-z'\-]+(?:[A-Z][a-z]+)?|[A-Z][A-Z'\-]+))"
_INITIAL = r"(?:\s+[A-Z]\.?(?![\w'\-]))?"
SPEECH_VERBS = ["stated", "told", "advised", "said", "reported", "admitted", "denied", "explained", "indicated",
                "refused", "declined", "fled", "resides", "lives", "was arrested", "was cited", "was transported"]


def _cue_regex(cues: list[str]) -> str:
    alts = "|".join(c.replace("/", r"\/").replace(" ", r"\s+") for c in sorted(cues, key=len, reverse=True))
    return (
        r"(?<=(?<![A-Za-z])(?i:" + alts + r")\.?[:,]?\s*(?:\#\d\s*)?)"
        + _NAME_WORD + r"(?:,?\s+(?:[A-Z]\.?\s+)?" + _NAME_WORD + r"){0,3}" + _INITIAL + r"(?![\w'\-])"
    )


def _verb_regex(verbs: list[str]) -> str:
    """Two to four capitalized words (optional initial) right before a speech or action verb."""
    return (
        r"(?<![\w'\-])" + _NAME_WORD + r"(?:,?\s+(?:[A-Z]\.?\s+)?" + _NAME_WORD + r"){1,3}" + _INITIAL
        + r"(?=\s+(?:" + "|".join(v.replace(" ", r"\s+") for v in verbs) + r")\b)"
    )


class OsdCueNameRecognizer(ContextPatternRecognizer):
    """One to three capitalized words after a person cue (roles, Mr/Ms, officer titles).

    Officer names are detected too; whether they stay is the redactor's decision (``officers_public``).
    """

    ENTITY = "PERSON"
    PATTERNS = [
        Pattern("cue name", _cue_regex(PERSON_CUES + OFFICER_TITLES), 0.8),
        Pattern("name before verb", _verb_regex(SPEECH_VERBS), 0.7),
    ]
    CONTEXT = []
    FLAGS = CASE_SENSITIVE

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        """Trim trailing words that are not names (street suffixes, jargon) from each match."""
        out = []
        for res in super().analyze(text, entities, nlp_artifacts, regex_flags):
            words = [(m.start(), m.end(), m.group().strip(".,").lower())
                     for m in _WORD_RE.finditer(text, res.start, res.end)]
            while words and (words[-1][2] in NOT_NAME_WORDS or words[-1][2] in SUFFIX_LOWER):
                words.pop()
            while words and words[0][2] in NOT_NAME_WORDS:
                words.pop(0)
            if not words or any(w[2] in VEHICLE_WORDS for w in words):
                continue
            res.start, res.end = words[0][0], words[-1][1]
            if all((o.start, o.end) != (res.start, res.end) for o in out):
                out.append(res)
        return out
