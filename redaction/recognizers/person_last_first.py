"""Names written ``LAST, FIRST [M.]`` ("Doe, Jane", "DOE, JANE M", "NÚÑEZ, ZOË ANA") as in records and logs."""

from __future__ import annotations

import regex as re
from presidio_analyzer import Pattern

from redaction.recognizers._base import CASE_SENSITIVE, ContextPatternRecognizer
from redaction.recognizers.glued_lists import glued_list_item
from redaction.recognizers.street_word_surnames import street_surname, street_surname_ok
from redaction.recognizers.words import (
    CAPS_STOP_WORDS,
    LOWER,
    NOT_NAME_WORDS,
    SUFFIX_LOWER,
    UPPER,
    US_STATES,
)

# A name word: Title case ("María", "McCarthy" via the prefix) or ALL CAPS ("RAMÍREZ"), accents included.
_WORD = rf"(?:{UPPER}{LOWER}[{LOWER[1:-1]}'\-]*(?:{UPPER}{LOWER}+)?|{UPPER}[{UPPER[1:-1]}'\-]+)"
_PARTICLES = (r"(?:(?:Van|VAN|van|Von|VON|von|Der|DER|der|Den|DEN|den|De|DE|de|Del|DEL|del|Della|della|La|LA|la|Le|LE|le|"
              r"Da|DA|da|Di|DI|di|Du|DU|du|Dos|DOS|dos|St\.|ST\.?)\s+){0,2}")
_PARTICLE_RE = re.compile(r"^" + _PARTICLES + r"(?=\S)")
_NEXT_WORD = re.compile(r"[ \t]+(" + _WORD + r")(?![\w'\-])")  # a second given name on the same line
LAST_FIRST_REGEX = (
    r"(?<![\w'\-])" + _PARTICLES + r"(?:Mc|Mac|O'|" + UPPER + r"['’])?" + _WORD + r"(?:-" + _WORD + r")?,\s*"
    + r"(?:" + UPPER + r"['’])?" + _WORD
    + r"(?:[ \t]+" + UPPER + r"\.?(?![\w'\-]))?(?![\w'\-])"  # a middle initial on the same line ("W:" opens the next)
)


def _stop(word: str) -> bool:
    """A word that cannot be part of a name (ALL-CAPS words are also checked against common words)."""
    w = word.strip(".").lower()
    return (len(w) < 2 or w in NOT_NAME_WORDS or w in SUFFIX_LOWER
            or (word.isupper() and w in CAPS_STOP_WORDS))


class OsdLastFirstNameRecognizer(ContextPatternRecognizer):
    """``Surname, Given [Second]`` pairs; rejected when either part is a common word, a place or report jargon.

    A second given name ("NÚÑEZ, ZOË ANA") is added when the next word has the first given name's case
    and is not a common or report word, so "DOE, JANE OBSERVED" stays two words.
    """

    ENTITY = "PERSON"
    PATTERNS = [Pattern("last, first", LAST_FIRST_REGEX, 0.7)]
    CONTEXT = []
    FLAGS = CASE_SENSITIVE

    def validate_result(self, pattern_text: str) -> bool | None:
        """Both sides must be name-like words."""
        last, _, first = pattern_text.partition(",")
        first_words = first.split()
        words = _PARTICLE_RE.sub("", last).split() + first_words[:1]
        if len(words) == 2 and all(len(w) == 2 and w.isupper() for w in words):
            return False  # "According to OL, CF was angry": two people's initials, found one by one
        if any(_stop(w) for w in words) and not (
                street_surname(last) and not any(_stop(w) for w in first_words[:1])):  # "Lane, Robert"
            return False
        # "Springfield, Illinois" / "Austin, TX": a state after the comma, unless a middle initial follows.
        if len(first_words) == 1 and first_words[0].strip(".").lower() in US_STATES:
            return False
        return None

    def refine(self, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Each match extended by a second given name when one follows; none inside a glued property list."""
        return [(start, extend_given_names(text, start, end), name) for start, end, name in found
                if not glued_list_item(text, start, end)
                and (not street_surname(text[start:end].partition(",")[0]) or street_surname_ok(text, start, end))]


def extend_given_names(text: str, start: int, end: int) -> int:
    """End of a ``LAST, FIRST`` name at ``start:end`` after at most one more given name of the same case."""
    given = text[start:end].rpartition(",")[2].split()
    if not given or len(given) > 1:
        return end
    m = _NEXT_WORD.match(text, end)
    if m is None or m.group(1).isupper() != given[0].isupper() or _stop(m.group(1)):
        return end
    return m.end()
