"""US phone numbers: (555) 123-4567, 555-123-4567, 555.123.4567, +1 555 123 4567, and bare ten digits.

Bare ten-digit runs ("notified at 3242455196") are phones when they have the North American shape (area code and
exchange not starting with 0 or 1), unless a case or report word comes right before them.
"""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from redaction.recognizers._base import ContextPatternRecognizer

_CASE_WORD = re.compile(r"(?i:\b(?:case|report|incident|complaint|cad|file|ref|dr|rd|control|event)\b"
                        r"[\s:#.,\-]*(?:(?:no|num|number)\b[\s:#.,\-]*)?)$")
_AREA = r"(?:\(\s*[2-9]\d{2}\s*\)\s*|[2-9]\d{2}\s*[.\-/ ]\s*)"


class OsdUsPhoneRecognizer(ContextPatternRecognizer):
    """Ten-digit North American numbers, with or without separators."""

    ENTITY = "PHONE"
    PATTERNS = [
        Pattern("separated", r"(?<![\w\-])(?:\+?1[\s.\-]?)?" + _AREA + r"\d{3}\s*[.\- ]\s*\d{4}(?![\w\-])", 0.85),
        Pattern("bare", r"(?<![\w\-])(?:\+?1)?[2-9]\d{2}[2-9]\d{6}(?![\w\-])", 0.6),
    ]
    REQUIRES = {"separated": (r"\d{3}\s*[.\- ]\s*\d{4}",), "bare": (r"\d{10}",)}  # each one's digits as they stand
    GAP = r"[\s:#.,\-()]*(?:(?:no|num|number|is|of|was|reads|reading|bearing|on)\b[\s:#.,\-()]*)*"
    CONTEXT = ["phone", "ph", "tel", "telephone", "cell", "mobile", "call", "called", "callback", "contact",
               "number", "#"]

    def refine(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Bare digits right after a case or report word are that number, not a phone."""
        return [f for f in found if f[2] != "bare" or _CASE_WORD.search(text, max(0, f[0] - 25), f[0]) is None]

    def validate_result(self, pattern_text: str) -> bool | None:
        """Reject numbers whose ten digits are one repeated digit (filler such as 555-555-5555 stays)."""
        digits = "".join(c for c in pattern_text if c.isdigit())[-10:]
        return None if len(set(digits)) > 1 else False
