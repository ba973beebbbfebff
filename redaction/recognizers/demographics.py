"""Demographic descriptors that single a person out once joined to the published columns.

"32/W/F", "W/M 20s", "B/F/45", "WM 30", "age 34", "aged 34", "a 27 year old", "27 y/o", "born 1987",
"in her 30s", "b. 1966", "43 H/F", "AM 20s": k-anonymity is computed on the structured columns, so the same facts written in the narrative
would undo it. They are replaced by one unnumbered ``[DEMOGRAPHICS]`` placeholder.
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers._base import CASE_INSENSITIVE, ContextPatternRecognizer

_RACE = r"[WBHAIOUNLP]"
_SEX = r"[MF]"
_AGE = r"\d{1,3}"
_DECADE = r"(?:(?:early|mid|late)[\s\-]*)?[1-9]0'?s"
_END = r"(?![\w/])"
_START = r"(?<![\w/])"

PATTERNS = [
    Pattern("age/race/sex", _START + _AGE + r"\s*/\s*" + _RACE + r"\s*/\s*" + _SEX + _END, 0.9),
    Pattern("race/sex/age", _START + _RACE + r"\s*/\s*" + _SEX + r"(?:\s*/\s*" + _AGE + r"|\s*,?\s+(?:" + _DECADE
            + "|" + _AGE + r"(?!\s*(?:hrs|hours|mph|block|blk)\b)))?" + _END, 0.9),
    # "WM 30", "BF/40", "AM 20s", "OF/41": glued race and sex ("AM", "OF" are words: only before "/" or a decade)
    Pattern("racesex age", _START + r"(?:[WBH][MF][AJ]?|[AO][MF][AJ](?=\s*\d)|[AO][MF](?=\s*/|\s*,?\s*" + _DECADE + r"))\s*[/,]?\s*(?:"
            + _DECADE + "|" + _AGE + r"(?!\s*(?:hrs|hours|mph|block|blk)\b))" + _END, 0.8),
    # "M/B/34", "(M/34)", "(F, 34)", "B/M/A 30": sex first, sex and age alone in brackets, an adult/juvenile letter
    Pattern("sex/race/age", _START + _SEX + r"\s*/\s*" + _RACE + r"\s*/\s*" + _AGE + _END, 0.9),
    Pattern("(sex/age)", r"(?<=\()\s*" + _SEX + r"\s*[/,]\s*" + _AGE + r"\s*(?=\))", 0.8),
    Pattern("race/sex/adult age", _START + _RACE + r"\s*/\s*" + _SEX + r"\s*/\s*[AJ](?:\s*/?\s*" + _AGE + r")?" + _END,
            0.9),
    # "male, 34,", "a Hispanic female 25 years": a two-digit age right after a sex word
    Pattern("sex word, age", r"(?<=\b(?:male|female|man|woman|boy|girl)\s*,\s*)[1-9]\d(?=\s*[,.;)]|\s*$)", 0.8),
    # "ages 16 and 17": the second age too
    Pattern("second age", r"(?<=\bages?\s*:?\s*\d{1,3}\s*(?:,|and|&|to|-)\s*)" + _AGE + r"\b", 0.9),
    # "43 H/F", "18 O/M": an age before race/sex
    Pattern("age race/sex", _START + _AGE + r"\s+" + _RACE + r"\s*/\s*" + _SEX + _END, 0.9),
    # an age or birth year written with its word: only the number goes ("age [DEMOGRAPHICS]")
    Pattern("age", r"(?<=\b(?:age|aged|ages)\s*:?\s*)" + _AGE + r"\b", 0.9),
    Pattern("years old", r"\b" + _AGE + r"(?:\s*(?:-|to)\s*" + _AGE + r")?(?=[\s\-]*(?:years?|yrs?)[\s\-]*(?:old|of\s+age)\b)",
            0.9),
    # "34 y/o", "(27 YOA)": only the number goes, as with "34 years old"; "34yo" is one word and goes whole
    Pattern("y/o", r"\b" + _AGE + r"(?=\s+(?:y/o|yo|yoa|yom|yof|y\.o\.)(?![\w/]))", 0.9),
    # "34yr old", "(27yrs)", "34yrs": the number and its unit are one word, which goes whole
    Pattern("nnyrs", r"\b" + _AGE + r"(?:yrs?|years?)(?=[\s\-]*(?:old|of\s+age)\b|\s*\)|\s*,)", 0.9),
    # "DOE, JANE, 34, OF OAKLAND", "the driver, 27, said": a two-digit age between commas after a word
    Pattern("age between commas", r"(?<=[^\W\d_]{2},\s)[1-9]\d(?=,\s|\s+(?i:of|from|who|was|is|and|years?|yrs?)\b)",
            0.7),
    # "she is 34.", "the victim, who was 17 years", "he turned 21": an age said of a person
    Pattern("is age", r"(?<=\b(?i:he|she|they|who|victim|subject|suspect|complainant|driver)\s+(?i:is|was|turned|"
            r"is\s+now)\s+)[1-9]\d(?=\s*(?:[.,;)]|$|(?i:years?|yrs?|y/o|yo)\b))", 0.7),
    Pattern("nnyo", r"\b" + _AGE + r"[\s\-]?(?:y/o|yo|yoa|yom|yof|y\.o\.)(?![\w/])(?<!\s(?:y/o|yo|yoa|yom|yof|y\.o\.))", 0.9),
    Pattern("born year", r"(?<=\b(?:born|dob|d\.o\.b\.?|birth\s+year|yob|b\.)\s*:?\s*(?:in\s+)?)(?:19|20)\d{2}"
            r"(?![\w/\-.]\d)", 0.9),
    # "COLLINS (45) ADMITTED", "SMITH, JOHN M. (34)", "Lee [34 yrs]": a two-digit age in brackets right after a word
    Pattern("age in parentheses", r"(?<=[^\W\d_]\.?,?\s?[(\[])\d{2}(?=\s*(?i:yrs?|years?|y/o|yoa)?\.?\s*[)\]])", 0.7),
    Pattern("decade", r"\bin\s+(?:his|her|their|the)\s+" + _DECADE + r"\b", 0.8),
]


_DIGIT_DECADE = r"(?:(?:early|mid|late)[\s\-]*)?\d"
_YEARS_OLD = r"(?:y/o|yo|yoa|yom|yof|y\.o\.)"
_REQUIRED = {  # what each pattern's match implies somewhere in the text (its core without the look-arounds)
    "age/race/sex": r"\d\s*/",
    "race/sex/age": _RACE + r"\s*/\s*" + _SEX,
    "racesex age": r"[WBHAO][MF][AJ]?\s*[/,]?\s*" + _DIGIT_DECADE,
    "sex/race/age": _SEX + r"\s*/\s*" + _RACE + r"\s*/\s*\d",
    "(sex/age)": r"\(\s*" + _SEX + r"\s*[/,]\s*\d",
    "race/sex/adult age": _RACE + r"\s*/\s*" + _SEX + r"\s*/\s*[AJ]",
    "sex word, age": r"(?:male|female|man|woman|boy|girl)\s*,\s*[1-9]\d",
    "second age": r"ages?\s*:?\s*\d{1,3}\s*(?:,|and|&|to|-)\s*\d",
    "age race/sex": r"\d\s+" + _RACE + r"\s*/\s*" + _SEX,
    "age": r"(?:age|aged|ages)\s*:?\s*\d",
    "years old": r"(?:years?|yrs?)[\s\-]*(?:old|of\s+age)",
    "y/o": r"\d\s+" + _YEARS_OLD,
    "nnyrs": r"\d(?:yrs?|years?)",
    "age between commas": r"[^\W\d_]{2},\s[1-9]\d",
    "is age": r"(?:is|was|turned|now)\s+[1-9]\d",
    "nnyo": r"\d[\s\-]?" + _YEARS_OLD,
    "born year": r"(?:born|dob|d\.o\.b\.?|birth\s+year|yob|b\.)\s*:?\s*(?:in\s+)?(?:19|20)\d{2}",
    "age in parentheses": r"[(\[]\d{2}",
    "decade": r"in\s+(?:his|her|their|the)\s+" + _DIGIT_DECADE,
}


class OsdDemographicsRecognizer(ContextPatternRecognizer):
    """Age, race and sex written together or an age or birth year on its own (see the module docstring)."""

    ENTITY = "DEMOGRAPHICS"
    PATTERNS = PATTERNS
    CONTEXT = []
    FLAGS = CASE_INSENSITIVE
    # What each pattern's match implies somewhere in the text (its core without the look-arounds): most texts hold a
    # digit and a "/", few hold these, and each pattern would otherwise be tried at every position (those that
    # open with a look-behind at great cost).
    REQUIRES = {p.name: (_REQUIRED[p.name],) for p in PATTERNS}  # a pattern without one fails at import
