"""Licence plates: 2-8 letters and digits (both present) right after a plate cue."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers._base import CASE_SENSITIVE, ContextPatternRecognizer
from redaction.recognizers.words import VEHICLE_WORDS


class OsdLicensePlateRecognizer(ContextPatternRecognizer):
    """Upper-case plates such as "7ABC123", "ABC-1234", "ABC 123" after "plate", "tag", "LP", "reg"."""

    ENTITY = "PLATE"
    PATTERNS = [
        Pattern(
            "ctx:plate",
            r"(?<![\w\-])(?=[A-Z0-9 \-]{0,8}\d)(?=[0-9 \-]{0,8}[A-Z])(?!(?i:tag|tags|plate|plates|lp|reg|lic)\b)[A-Z0-9]{1,4}[ \-]?[A-Z0-9]{1,5}(?![\w\-])",
            0.8,
        ),
        # the same in a narrative typed in lower case ("plate 1xkp590"): only used when the text has no capital
        Pattern(
            "ctx:plate lower",
            r"(?<![\w\-])(?=[a-z0-9 \-]{0,8}\d)(?=[0-9 \-]{0,8}[a-z])(?!(?:tag|tags|plate|plates|lp|reg|lic)\b)[a-z0-9]{1,4}[ \-]?[a-z0-9]{1,5}(?![\w\-])",
            0.7,
        ),
    ]
    CONTEXT_PREFILTER = True
    REQUIRES = {"ctx:plate": (r"\d",), "ctx:plate lower": (r"\d",)}  # a plate has a digit (the look-ahead)
    CONTEXT = ["plate", "plates", "tag", "tags", "lp", "lic", "lic plate", "license plate", "registration", "reg",
               "plate #", "plate no"]
    GAP = r"[\s:#.,\-()]*(?:(?:no|num|number|is|of|was|reads|reading|bearing|on)\b[\s:#.,\-()]*)*"
    CONTEXT_WINDOW = 22
    FLAGS = CASE_SENSITIVE

    def refine(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Lower-case plates only in texts without a capital letter."""
        if any(name == "ctx:plate lower" for _, _, name in found) and any(c.isupper() for c in text):
            return [f for f in found if f[2] != "ctx:plate lower"]
        return found

    def validate_result(self, pattern_text: str) -> bool | None:
        """2-8 characters once separators are removed, with at least one letter and one digit."""
        n = sum(c.isalnum() for c in pattern_text)
        ok = 2 <= n <= 8 and any(c.isdigit() for c in pattern_text) and any(c.isalpha() for c in pattern_text)
        return None if ok else False


class OsdVehiclePlateRecognizer(ContextPatternRecognizer):
    """A plate written right after the vehicle's description, without a plate cue ("VEH: gray Nissan Altima
    JAD9670", "TAN LINCOLN TOWN CAR SYY9456"): five to eight letters and digits, both present, after a make or
    model (``VEHICLE_WORDS``) or "VEH"."""

    ENTITY = "PLATE"
    PATTERNS = [
        Pattern("ctx:plate after vehicle",
                r"(?<![\w\-])(?=[A-Za-z0-9 \-]{0,8}\d)(?=[0-9 \-]{0,8}[A-Za-z])"  # (the cheap tests first)
                r"(?!(?i:lic|tag|tags|plate|reg|lp|veh|dl|" + "|".join(sorted(VEHICLE_WORDS, key=len, reverse=True))
                + r")\b)[A-Za-z0-9]{2,4}[ \-]?[A-Za-z0-9]{2,5}(?![\w\-])"
                r"(?<!(?i:\s(?:hrs|hours|was|is|and|had|with|the|for)))", 0.7),
    ]
    CONTEXT_PREFILTER = True
    REQUIRES = {"ctx:plate after vehicle": (r"\d",)}
    CONTEXT = sorted(VEHICLE_WORDS | {"veh", "vehicle", "car", "town car", "grand marquis", "lesabre", "benz"})
    GAP = r"(?:[\s,:]+[A-Za-z\-]+){0,3}[\s,:]+"  # up to three more words of the description
    CONTEXT_WINDOW = 40
    FLAGS = CASE_SENSITIVE

    def validate_result(self, pattern_text: str) -> bool | None:
        """Five to eight characters once separators are removed, at least two letters and two digits."""
        chars = [c for c in pattern_text if c.isalnum()]
        ok = 5 <= len(chars) <= 8 and sum(c.isdigit() for c in chars) >= 2 and sum(c.isalpha() for c in chars) >= 2
        return None if ok else False
