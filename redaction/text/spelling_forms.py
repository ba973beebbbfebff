"""Whether a word ending in "-ed" is an English past form by the spelling rules (``ed_form``): "walked", "hoped",
"robbed", "tried", "agreed" are; "naveed", "waleed", "fareed" (an "-e" stem takes "-d" alone: "nave" would give
"naved") and "hamed", "maged" (a one-syllable stem doubles its consonant: "hammed") are not. ``names.inflected``
asks only whether a dictionary word lies under the ending; listed surnames that are no such form read as names.
"""

from __future__ import annotations

from redaction.text.vocabulary import dictionary_words
from redaction.text.word_pos import base_verb

_VOWELS = frozenset("aeiou")


def _doubling(stem: str) -> bool:
    """A one-syllable stem of consonant, vowel, consonant ("ham", "rob"): English doubles its last letter before
    "-ed" ("hammed"), so the undoubled form is none of it ("hamed")."""
    return len(stem) == 3 and stem[0] not in _VOWELS and stem[1] in _VOWELS and stem[2] not in _VOWELS | set("wxy")


def ed_form(low: str) -> bool:
    """``low`` (lower case, ending in "-ed") is the past form of a dictionary word by the spelling rules."""
    if not low.endswith("ed") or len(low) < 5:
        return False
    stem, words = low[:-2], dictionary_words()
    if stem in words and not stem.endswith("e") and not _doubling(stem):
        return True  # "walked"; not "naveed" ("nave"), "hamed" ("ham")
    if base_verb(stem + "e"):
        return True  # "hoped", "agreed"; not "hamed" ("hame" is no verb)
    if stem[-1:] == stem[-2:-1] and stem[:-1] in words:
        return True  # "robbed"
    return stem.endswith("i") and stem[:-1] + "y" in words  # "tried"


def s_verb(low: str) -> bool:
    """``low`` is a verb with its "-s" ("dumps", "parks", "yells") and no name list's word: "neighbor dumps trash"
    says what the neighbor does, not who."""
    if not low.endswith("s") or len(low) < 4 or low.endswith("ss"):
        return False
    stem = low[:-2] if low.endswith(("ches", "shes", "sses", "xes")) else low[:-1]
    return base_verb(stem) and stem in dictionary_words()
