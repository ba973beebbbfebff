"""Case, report and badge numbers written in a narrative (``ID``).

Agencies write their case numbers as ``YY-NNNN`` ("14-0190"), ``YYYY-NNNN[-X]`` ("2016-0002-P"),
``XX14-0190``; another complaint's number in a summary links two records and can name a person through the
other record. Badge numbers follow a rank and a name ("Officer Smith #4521", "P/O FQ #1234") or the word
"badge". Both patterns can be replaced per agency through the constructor (``patterns=``).
"""

from __future__ import annotations

import re

from presidio_analyzer import Pattern

from redaction.recognizers._base import CASE_SENSITIVE, ContextPatternRecognizer
from redaction.recognizers.words import OFFICER_TITLES

_NANP = re.compile(r"1?[2-9]\d\d[2-9]\d{6}")
_NOT_TIME = r"(?!\s*(?i:hrs|hours|hr|h)\b)"
CASE_NUMBER_PATTERNS = [
    Pattern("yy-nnnn", r"(?<![\w\-/.])(?:[A-Z]{1,4}-?)?\d{2}-\d{4,7}(?:-[A-Z0-9]{1,3})?(?![\w\-/]|\.\d)" + _NOT_TIME,
            0.8),
    Pattern("yyyy-nnnn", r"(?<![\w\-/.])(?:[A-Z]{1,4}-?)?(?:19|20)\d{2}-\d{3,8}(?:-[A-Z0-9]{1,3})?(?![\w\-/]|\.\d)"
            + _NOT_TIME, 0.8),
    # a bare run of six to twelve digits, or one to three letters and six or more digits ("J18312652", "142003"):
    # a case, booking or licence number (telephone numbers are the phone recognizer's: `validate_result`)
    Pattern("long number", r"(?<![\w\-/.$,#])[A-Za-z]{0,3}\d{6,12}(?![\w\-/]|[.,]\d)", 0.6),
    Pattern("ctx:case no", r"(?<![\w\-/.])[A-Z0-9][A-Z0-9\-]{3,16}(?<!-)(?![\w\-])", 0.7),
]
BADGE_PATTERNS = [Pattern("ctx:badge", r"(?<![\w#])#\s?\d{2,7}(?![\w\-])|(?<=(?i:badge|serial|star)\s*(?i:no\.?|number|#)?\s*)\d{2,7}(?![\w\-])", 0.8)]


class OsdCaseNumberRecognizer(ContextPatternRecognizer):
    """Case numbers in common agency formats; any code right after "case #", "report no", "CCRB"."""

    ENTITY = "ID"
    PATTERNS = CASE_NUMBER_PATTERNS
    CONTEXT = ["case", "case #", "case no", "case number", "report", "report #", "report no", "incident #",
               "incident no", "complaint #", "complaint no", "cad", "cad #", "rd", "rd #", "dr #", "file #", "ref #"]
    GAP = r"[\s:#.,\-()]*(?:(?:no|num|number|is|was)\b[\s:#.,\-()]*)*"
    CONTEXT_WINDOW = 25
    FLAGS = CASE_SENSITIVE
    # each pattern's digits as they stand in it; after a cue, a digit (four anywhere in the code: ``validate_result``)
    REQUIRES = {"yy-nnnn": (r"\d{2}-\d{4}",), "yyyy-nnnn": (r"(?:19|20)\d{2}-\d{3}",), "long number": (r"\d{6}",),
                "ctx:case no": (r"\d",)}

    def refine(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """One match per span (a number after "case" is found by two patterns)."""
        out: dict[tuple[int, int], tuple[int, int, str]] = {}
        for f in found:
            out.setdefault((f[0], f[1]), f)
        return list(out.values())

    def validate_result(self, pattern_text: str) -> bool | None:
        """A code needs at least four digits (words after "case" such as "CLOSED" are no numbers)."""
        digits = "".join(c for c in pattern_text if c.isdigit())
        if len(digits) < 4 or (digits == pattern_text and _NANP.fullmatch(digits)):
            return False  # "CLOSED" after "case"; ten digits of a telephone number
        return None


class OsdBadgeRecognizer(ContextPatternRecognizer):
    """``#NNNN`` within a few words after an officer title, or a number right after "badge"/"serial"."""

    ENTITY = "ID"
    PATTERNS = BADGE_PATTERNS
    CONTEXT = [*OFFICER_TITLES, "P/O", "PO", "badge", "serial", "star"]
    CONTEXT_WINDOW = 45
    REQUIRES = {"ctx:badge": (r"#\s?\d{2}|(?i:badge|serial|star)",)}  # one of the pattern's two cues
    FLAGS = CASE_SENSITIVE
