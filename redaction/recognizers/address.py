"""US street addresses with a house number and an optional unit.

Hundred-block locations ("the 4700 block of W HILLCREST AVE", any casing) are addresses too: in a narrative
they sit next to the record's other facts and narrow a home down to a few houses. Intersections ("Elm Ave and
5th St") have no number and are left alone.
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
    r"(?:(?=[A-Za-z0-9\-]*\d)[A-Za-z0-9][A-Za-z0-9\-]{0,5}\b|[A-Za-z]\b(?![.'’]\w)))"
)
_HOUSE = r"(?<![\w/\-.])(?:\d{1,4}[xX]{2}|\d{1,6}(?:-?[A-Z])?)(?!\s*(?i:block|blk|hundred|hrs|hours|hr|minutes|mins|mph|feet|ft|yards|miles)\b)"

ADDRESS_REGEX = _HOUSE + r"\s+" + _DIR + "?" + _WORD + r"(?:\s+" + _WORD + "){0,4}?" + r"\s+" + _SUFFIX + r"(?:\s+(?i:N|S|E|W|NE|NW|SE|SW)\.?(?![A-Za-z]))?" + _UNIT + "?" + r"(?![A-Za-z])"
# "4700 block of W HILLCREST AVE", "47xx blk Hillcrest", "the 100 block of larchmont rd": any casing; street names
# of up to five words ("1300 block of Martin Luther King Jr Way").
_WORD_I = (r"(?!(?i:and|near|on|at|in|the|of|to|for|from|between|by|when|where|while|after|with|was|is)\b)"
           r"(?:[A-Za-z][A-Za-z'\-]*\.?|\d{1,3}(?i:st|nd|rd|th))")
_BLOCK_HEAD = (r"(?<![\w/\-.])\d{1,5}(?:[xX]{2})?(?:\s*-\s*\d{1,5})?\s*(?i:hundred\s+)?(?i:block|blk)\.?\s+(?i:of\s+)?"
               r"(?:(?i:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+)?")
BLOCK_REGEX = _BLOCK_HEAD + r"(?:" + _WORD_I + r"\s+){0,4}" + "(?i:" + "|".join(SUFFIX_WORDS) + r")\b\.?"
BLOCK_WORD_REGEX = _BLOCK_HEAD + _WORD_I + r"(?![\w'])"
# A house-number address in any casing ("lives at 147 girard ave apt 12"): only after an address cue.
ANY_CASE_ADDRESS_REGEX = (r"(?<![\w/\-.])(?:\d{1,4}[xX]{2}|\d{1,6}(?:-?[A-Za-z])?)\s+" + _DIR + "?" + _WORD_I + r"(?:\s+" + _WORD_I + "){0,4}?"
                          + r"\s+" + _SUFFIX + _UNIT + "?" + r"(?![A-Za-z])")


class OsdUsAddressRecognizer(ContextPatternRecognizer):
    """House-number street addresses ("123 N Main St Apt 4B", "77 WEST 21ST STREET #12") and hundred blocks."""

    ENTITY = "ADDRESS"
    PATTERNS = [Pattern("street address", ADDRESS_REGEX, 0.85), Pattern("hundred block", BLOCK_REGEX, 0.8),
                Pattern("hundred block word", BLOCK_WORD_REGEX, 0.7),
                Pattern("ctx:street address any case", ANY_CASE_ADDRESS_REGEX, 0.7)]
    CONTEXT = ["address", "residence", "lives", "lives at", "resides", "home", "located at", "neighbor", "neighbour",
               "addr", "at", "to", "from", "res", "r/o", "@", "of", "reside", "residing", "apartment"]
    CONTEXT_WINDOW = 20
    FLAGS = CASE_SENSITIVE

    def refine(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """One match per place: a match inside a longer one, or at the same span as an earlier one, is dropped."""
        out: list[tuple[int, int, str]] = []
        for f in found:
            if any(o[0] <= f[0] and f[1] <= o[1] and o[1] - o[0] > f[1] - f[0] for o in found) or \
                    any(o[:2] == f[:2] for o in out):
                continue
            out.append(f)
        return out
