"""ALL-CAPS person names inside mixed-case text ("R/P JOHN Q PUBLIC", "ZOË NÚÑEZ"), which spaCy often misses."""

from __future__ import annotations

from functools import lru_cache

from presidio_analyzer import Pattern

from redaction.recognizers._base import CASE_SENSITIVE, ContextPatternRecognizer
from redaction.recognizers.words import CAPITAL_START, CAPS_STOP_WORDS, NOT_NAME_WORDS, SUFFIX_LOWER, UPPER

_TOKEN = rf"(?:ST\.?\s+)?{UPPER}[{UPPER[1:-1]}'\-]*{UPPER}"
CAPS_NAME_REGEX = (
    r"(?<![\w'\-])" + _TOKEN + rf"(?:\s+{UPPER}\.?)?(?:\s+" + _TOKEN + r"){1,2}(?:\s+(?:JR|SR|II|III|IV)\.?)?(?![\w'\-])"
)


@lru_cache(maxsize=256)
def upper_ratio(text: str) -> float:
    """Share of upper-case letters among the letters of ``text`` (cached: several detectors ask it of each text)."""
    letters = "".join(filter(str.isalpha, text))
    return sum(map(str.isupper, letters)) / len(letters) if letters else 0.0


class OsdAllCapsNameRecognizer(ContextPatternRecognizer):
    """Two or three ALL-CAPS words (optional middle initial) none of which is report jargon or a place word.

    Inactive on texts that are mostly upper case (whole-narrative caps), where every phrase would match;
    those rely on the record-aware matching and the cue-based recognizer.
    """

    ENTITY = "PERSON"
    PATTERNS = [Pattern("caps name", CAPS_NAME_REGEX, 0.7)]
    ANCHORS = {"caps name": CAPITAL_START}  # a match opens with a capital
    CONTEXT = []
    FLAGS = CASE_SENSITIVE
    MAX_UPPER_RATIO = 0.5

    def validate_result(self, pattern_text: str) -> bool | None:
        """Every word must look like a name word (not jargon, a street suffix or a US state)."""
        raw = [w.strip(".").lower() for w in pattern_text.split()]
        # "ST." before another word is Saint ("JAMES ST. CLAIR"), not Street.
        words = [w for i, w in enumerate(raw) if len(w) > 1 and w not in ("jr", "sr", "ii", "iii", "iv")
                 and not (w == "st" and i < len(raw) - 1)]
        if len(words) < 2 or any(w in NOT_NAME_WORDS or w in SUFFIX_LOWER or w in CAPS_STOP_WORDS for w in words):
            return False
        return None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Skip texts that are mostly upper case."""
        if upper_ratio(text) > self.MAX_UPPER_RATIO:
            return []
        return super().find(text)
