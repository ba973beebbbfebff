"""Names right after a role or courtesy cue ("witness Maria Gonzalez", "V/ DOE, JANE", "Mr. Nguyen")."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from redaction.recognizers._base import CASE_SENSITIVE, ContextPatternRecognizer
from redaction.recognizers.words import NOT_NAME_WORDS, OFFICER_TITLES, PERSON_CUES, SUFFIX_LOWER

_WORD_RE = re.compile(r"[^\s,]+")
_NAME_WORD = r"(?:(?:Mc|Mac|O'|D')?[A-Z][a-z'\-]+(?:[A-Z][a-z]+)?|[A-Z][A-Z'\-]+)"


def _cue_regex(cues: list[str]) -> str:
    alts = "|".join(c.replace("/", r"\/").replace(" ", r"\s+") for c in sorted(cues, key=len, reverse=True))
    return (
        r"(?<=(?<![A-Za-z])(?i:" + alts + r")\.?:?\s*(?:\#\d\s*)?)"
        + _NAME_WORD + r"(?:,?\s+(?:[A-Z]\.?\s+)?" + _NAME_WORD + r"){0,2}(?![\w'\-])"
    )


class CueNameRecognizer(ContextPatternRecognizer):
    """One to three capitalized words after a person cue (roles, Mr/Ms, officer titles).

    Officer names are detected too; whether they stay is the redactor's decision (``officers_public``).
    """

    ENTITY = "PERSON"
    PATTERNS = [Pattern("cue name", _cue_regex(PERSON_CUES + OFFICER_TITLES), 0.8)]
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
            if not words or words[0][2] in NOT_NAME_WORDS:
                continue
            res.end = words[-1][1]
            out.append(res)
        return out
