"""US phone numbers: (555) 123-4567, 555-123-4567, 555.123.4567, +1 555 123 4567; bare 10 digits need context."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers._base import ContextPatternRecognizer

_AREA = r"(?:\(\s*[2-9]\d{2}\s*\)\s*|[2-9]\d{2}\s*[.\-/ ]\s*)"


class OsdUsPhoneRecognizer(ContextPatternRecognizer):
    """Ten-digit North American numbers with separators; bare 10-digit runs only next to a phone word."""

    ENTITY = "PHONE"
    PATTERNS = [
        Pattern("separated", r"(?<![\w\-])(?:\+?1[\s.\-]?)?" + _AREA + r"\d{3}\s*[.\- ]\s*\d{4}(?![\w\-])", 0.85),
        Pattern("ctx:bare", r"(?<![\w\-])(?:\+?1)?[2-9]\d{2}[2-9]\d{6}(?![\w\-])", 0.6),
    ]
    GAP = r"[\s:#.,\-()]*(?:(?:no|num|number|is|of|was|reads|reading|bearing|on)\b[\s:#.,\-()]*)*"
    CONTEXT = ["phone", "ph", "tel", "telephone", "cell", "mobile", "call", "called", "callback", "contact",
               "number", "#"]

    def validate_result(self, pattern_text: str) -> bool | None:
        """Reject numbers whose ten digits are one repeated digit (filler such as 555-555-5555 stays)."""
        digits = "".join(c for c in pattern_text if c.isdigit())[-10:]
        return None if len(set(digits)) > 1 else False
