"""Driver's licence numbers: 5-15 letters and digits (at least two digits) right after a licence cue."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers._base import ContextPatternRecognizer


class OsdDriverLicenseRecognizer(ContextPatternRecognizer):
    """State licence numbers (formats vary by state, so a cue such as "DL#" or "OLN" is required)."""

    ENTITY = "DRIVER_LICENSE"
    PATTERNS = [
        Pattern("ctx:licence", r"(?<![\w\-])(?=(?:[A-Za-z\-]*\d){2})[A-Za-z0-9][A-Za-z0-9\-]{4,15}(?<!-)(?![\w\-])", 0.8),
    ]
    CONTEXT_PREFILTER = True
    REQUIRES = {"ctx:licence": (r"\d",)}  # two digits at least (the look-ahead)
    CONTEXT = ["dl", "d/l", "dl#", "oln", "driver's license", "drivers license", "driver license",
               "driver's licence", "license number", "license #", "license no", "lic#", "lic #", "lic no", "id#"]
    GAP = (r"[\s:#.,\-()]*(?:(?:no|num|number|is|of|was|reads|reading|bearing|on|susp|suspended|exp|expired|valid|"
           r"invalid|revoked|status)\b[\s:#.,\-()]*)*")
    CONTEXT_WINDOW = 22
