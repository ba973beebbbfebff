"""US street addresses with a house number and an optional unit.

Block-level locations ("4500 block of Elm Ave") and intersections ("Elm Ave and 5th St") have no house
number and are left alone on purpose: they are what agencies publish.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers._base import CASE_SENSITIVE, ContextPatternRecognizer
from redaction.recognizers.words import SUFFIX_WORDS, UNIT_WORDS

_SUFFIX = "(?i:" + "|".join(SUFFIX_WORDS) + r")\.?"
_DIR = r"(?:(?i:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)"
# A street-name word: Capitalized, ALL CAPS or an ordinal (5th, 21ST).
_STOP = r"(?!(?i:and|to|on|at|of|the|in|near|from|with|by|for|into|onto|toward|towards|via|block)\b)"
_WORD = _STOP + r"(?:[A-Z][A-Za-z'\-]*\.?|\d{1,3}(?i:st|nd|rd|th))"
_UNIT = (
    r"(?:,?\s*(?:(?i:" + "|".join(w for w in UNIT_WORDS if w != "#") + r")\.?\s*#?\s*|#\s*)"
    r"(?=[A-Za-z0-9\-]*\d)[A-Za-z0-9][A-Za-z0-9\-]{0,5}\b)"
)
_HOUSE = r"(?<![\w/\-.])\d{1,6}(?:-?[A-Z])?(?!\s*(?i:block|blk|hundred|hrs|hours|hr|minutes|mins|mph|feet|ft|yards|miles)\b)"

ADDRESS_REGEX = _HOUSE + r"\s+" + _DIR + "?" + _WORD + r"(?:\s+" + _WORD + "){0,4}?" + r"\s+" + _SUFFIX + r"(?:\s+(?i:N|S|E|W|NE|NW|SE|SW)\.?(?![A-Za-z]))?" + _UNIT + "?" + r"(?![A-Za-z])"


class OsdUsAddressRecognizer(ContextPatternRecognizer):
    """House-number street addresses ("123 N Main St Apt 4B", "77 WEST 21ST STREET #12")."""

    ENTITY = "ADDRESS"
    PATTERNS = [Pattern("street address", ADDRESS_REGEX, 0.85)]
    CONTEXT = ["address", "residence", "lives", "resides", "home", "located at"]
    FLAGS = CASE_SENSITIVE
