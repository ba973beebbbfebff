"""Dates of birth: a date right after a cue ("DOB", "born", "date of birth"). Other dates are left alone."""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers._base import ContextPatternRecognizer

_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_NUMERIC = r"(?<![\d/\-.])(?:0?[1-9]|1[0-2])([/\-.])(?:0?[1-9]|[12]\d|3[01])\1(?:19|20)?\d{2}(?![\d/\-]|\.\d)"
_ISO = r"(?<![\d/\-.])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d/\-]|\.\d)"
_WRITTEN = r"\b" + _MONTHS + r"\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b"
_WRITTEN_DMY = r"\b(?:0?[1-9]|[12]\d|3[01])\s+" + _MONTHS + r",?\s+(?:19|20)\d{2}\b"


class OsdDateOfBirthRecognizer(ContextPatternRecognizer):
    """03/14/1987, 3/14/87, 1987-03-14, March 14, 1987, 14 March 1987 -- each needs a birth cue before it."""

    ENTITY = "DATE_OF_BIRTH"
    PATTERNS = [
        Pattern("ctx:numeric", _NUMERIC, 0.85),
        Pattern("ctx:iso", _ISO, 0.85),
        Pattern("ctx:written", _WRITTEN, 0.85),
        Pattern("ctx:written dmy", _WRITTEN_DMY, 0.85),
    ]
    CONTEXT_PREFILTER = True
    REQUIRES = {p.name: (r"\d",) for p in PATTERNS}  # every date has digits
    CONTEXT = ["dob", "d.o.b", "d/o/b", "born", "date of birth", "birth date", "birthdate", "birthday", "b/d"]
    GAP = r"[\s:#.,\-()]*(?:(?:no|num|number|is|of|was|reads|reading|bearing|on)\b[\s:#.,\-()]*)*"
    CONTEXT_WINDOW = 25
