"""US Social Security numbers: 123-45-6789, 123 45 6789; bare nine digits need an "SSN" cue."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers._base import ContextPatternRecognizer


class OsdUsSsnRecognizer(ContextPatternRecognizer):
    """SSNs with the SSA's structural rules (no 000/666/9xx area, no 00 group, no 0000 serial)."""

    ENTITY = "SSN"
    PATTERNS = [
        Pattern("separated", r"(?<![\w\-])\d{3}([\- ])\d{2}\1\d{4}(?![\w\-])", 0.85),
        Pattern("ctx:bare", r"(?<![\w\-])\d{9}(?![\w\-])", 0.6),
    ]
    REQUIRES = {"separated": (r"\d{4}",)}
    CONTEXT_PREFILTER = True
    CONTEXT = ["ssn", "social security", "social", "ss#", "ss #", "soc sec"]
    GAP = r"[\s:#.,\-()]*(?:(?:no|num|number|is|of|was|reads|reading|bearing|on)\b[\s:#.,\-()]*)*"
    CONTEXT_WINDOW = 25

    def validate_result(self, pattern_text: str) -> bool | None:
        """Structural validity of the area, group and serial numbers."""
        digits = "".join(c for c in pattern_text if c.isdigit())
        area, group, serial = digits[:3], digits[3:5], digits[5:]
        if area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000":
            return False
        return None
