"""Names written ``LAST, FIRST [M.]`` ("Doe, Jane", "DOE, JANE M") as in records and booking logs."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers._base import CASE_SENSITIVE, ContextPatternRecognizer
from redaction.recognizers.words import NOT_NAME_WORDS, SUFFIX_LOWER, US_STATES

_WORD = r"(?:[A-Z][a-z'\-]+(?:[A-Z][a-z]+)?|[A-Z][A-Z'\-]+)"
_PARTICLES = r"(?:(?:Van|VAN|van|Von|VON|von|Der|DER|der|Den|DEN|De|DE|de|Del|DEL|Della|La|LA|Le|LE|Da|DA|Di|DI|Du|DU|St\.|ST\.?)\s+){0,2}"
LAST_FIRST_REGEX = (
    r"(?<![\w'\-])" + _PARTICLES + r"(?:Mc|Mac|O')?" + _WORD + r"(?:-" + _WORD + r")?,\s*" + _WORD
    + r"(?:\s+[A-Z]\.?(?![\w'\-]))?(?![\w'\-])"
)


class OsdLastFirstNameRecognizer(ContextPatternRecognizer):
    """``Surname, Given`` pairs; rejected when either part is a common word, a place or report jargon."""

    ENTITY = "PERSON"
    PATTERNS = [Pattern("last, first", LAST_FIRST_REGEX, 0.7)]
    CONTEXT = []
    FLAGS = CASE_SENSITIVE

    def validate_result(self, pattern_text: str) -> bool | None:
        """Both sides must be name-like words."""
        last, _, first = pattern_text.partition(",")
        first_words = first.split()
        words = [w.strip(".").lower() for w in (last.split() + first_words[:1])]
        if any(len(w) < 2 or w in NOT_NAME_WORDS or w in SUFFIX_LOWER for w in words):
            return False
        # "Springfield, Illinois" / "Austin, TX": a state after the comma, unless a middle initial follows.
        if len(first_words) == 1 and first_words[0].strip(".").lower() in US_STATES:
            return False
        return None
