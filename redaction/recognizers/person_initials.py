"""Initials that stand for a person: "A.B.", "J. M.", "complainant AC", "Officer FQ", "P/O JT", "AC stated".

Agencies that already shorten names to initials (Philadelphia's complaint summaries) still publish who is
meant when the initials appear next to the record's other facts. Dotted initials are taken anywhere (a
short list of dotted abbreviations such as "A.M." or "U.S." excepted); two or three capitals need a
person cue before them or a speech verb after them, and are never a common or report word ("ON", "PD").
"""

from __future__ import annotations

from presidio_analyzer import Pattern

from redaction.recognizers._base import CASE_SENSITIVE, ContextPatternRecognizer
from redaction.recognizers.person_cue import SPEECH_VERBS
from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, OFFICER_TITLES, US_STATES

DOTTED_ABBREVIATIONS = {
    "am", "pm", "us", "usa", "dob", "ne", "nw", "se", "sw", "id", "po", "dc", "la", "ny", "rp", "dl", "oln",
    "ie", "eg", "aka", "mr", "ms", "jr", "sr", "ok", "uk", "tv", "md", "do", "rn", "np", "pa", "va", "nj",
    "bs", "ba", "ma", "phd", "mo", "dui", "dwi", "bac", "wm", "bm", "hm", "wf", "bf", "hf", "em", "cc",
}
INITIALS_CUES = [
    "complainant", "complainants", "victim", "witness", "suspect", "subject", "accused", "arrestee", "caller",
    "reporting party", "driver", "passenger", "mother", "father", "son", "daughter", "wife", "husband",
    "girlfriend", "boyfriend", "brother", "sister", "neighbor", "neighbour", "roommate", "friend", "juvenile",
    "Mr", "Mrs", "Ms", "Miss", "P/O", "PO", "C/", "V/", "W/", "S/", "RP", *OFFICER_TITLES,
]
_CUES = "|".join(c.replace("/", r"\/").replace(" ", r"\s+") for c in sorted(INITIALS_CUES, key=len, reverse=True))
_VERBS = "|".join(v.replace(" ", r"\s+") for v in SPEECH_VERBS)

INITIALS_PATTERNS = [
    Pattern("dotted", r"(?<![\w.])(?i:[A-Z]\.\s?[A-Z]\.(?:\s?[A-Z]\.)?)(?!\w|\s?(?i:[A-Z])\.)", 0.8),
    Pattern("after cue", r"(?<=(?<![A-Za-z])(?i:" + _CUES + r")\.?(?:\s+|(?<=/)\s*)\(?)[A-Z]{2,3}(?![\w'\-])", 0.8),
    Pattern("before verb", r"(?<![\w'\-])[A-Z]{2,3}(?=\)?\s+(?i:" + _VERBS + r")\b)", 0.7),
]


def _letters(s: str) -> str:
    return "".join(c for c in s if c.isalpha()).lower()


class OsdInitialsRecognizer(ContextPatternRecognizer):
    """Initials as described in the module docstring."""

    ENTITY = "PERSON"
    PATTERNS = INITIALS_PATTERNS
    CONTEXT = []
    FLAGS = CASE_SENSITIVE
    MAX_UPPER_RATIO = 0.5  # "before verb": only in mixed-case texts, where capitals stand out

    def validate_result(self, pattern_text: str) -> bool | None:
        """Not a dotted abbreviation, a common word, a report word or a state."""
        w = _letters(pattern_text)
        if w in DOTTED_ABBREVIATIONS or w in NOT_NAME_WORDS or w in CAPS_STOP_WORDS or w in US_STATES:
            return False
        return None

    def refine(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """"before verb" only in mixed-case texts (in capitals every word is two or three capitals)."""
        if any(name == "before verb" for _, _, name in found):
            letters = [c for c in text if c.isalpha()]
            if letters and sum(c.isupper() for c in letters) / len(letters) > self.MAX_UPPER_RATIO:
                found = [f for f in found if f[2] != "before verb"]
        return found
