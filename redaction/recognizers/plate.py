"""Licence plates: 2-8 letters and digits (both present) right after a plate cue."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers._base import CASE_SENSITIVE, ContextPatternRecognizer


class OsdLicensePlateRecognizer(ContextPatternRecognizer):
    """Upper-case plates such as "7ABC123", "ABC-1234", "ABC 123" after "plate", "tag", "LP", "reg"."""

    ENTITY = "PLATE"
    PATTERNS = [
        Pattern(
            "ctx:plate",
            r"(?<![\w\-])(?!(?i:tag|tags|plate|plates|lp|reg|lic)\b)(?=[A-Z0-9 \-]{0,8}\d)(?=[0-9 \-]{0,8}[A-Z])[A-Z0-9]{1,4}[ \-]?[A-Z0-9]{1,5}(?![\w\-])",
            0.8,
        ),
    ]
    CONTEXT = ["plate", "plates", "tag", "tags", "lp", "lic plate", "license plate", "registration", "reg",
               "plate #", "plate no"]
    GAP = r"[\s:#.,\-()]*(?:(?:no|num|number|is|of|was|reads|reading|bearing|on)\b[\s:#.,\-()]*)*"
    CONTEXT_WINDOW = 22
    FLAGS = CASE_SENSITIVE

    def validate_result(self, pattern_text: str) -> bool | None:
        """2-8 characters once separators are removed, with at least one letter and one digit."""
        n = sum(c.isalnum() for c in pattern_text)
        ok = 2 <= n <= 8 and any(c.isdigit() for c in pattern_text) and any(c.isalpha() for c in pattern_text)
        return None if ok else False
