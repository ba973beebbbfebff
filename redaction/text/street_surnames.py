"""A given name before a surname that is also a street or place word ("Robert Lane is 23", "statement from Mina Park").

Why: "Lane", "Court", "Park", "Hill", "Woods" after a capitalized word read as a street or a place: the NER windows
skip "Given Lane" as a street name, and ``negatives._place`` keeps "Mina Park" after "from". A listed given name
before such a word (``data/place_surnames.txt``) is a person when the words around say so: an age after it
("Robert Lane, 23,", "is 23", "(23)"), a verb only a person does right after it ("Marcus Court said"), or a slot
that takes a person right before it ("statement from", "spoke with", "interviewed", "per"). A number or a place
word before the given name ("1400 Robert Lane", "on Robert Lane", "walked to Mina Park") keeps the street.

``street_surnames`` finds such pairs (for ``analysis``); ``person_place`` tells ``negatives._place`` not to keep them.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from redaction.recognizers.words import fold, word_list
from redaction.text.names import AMBIGUOUS_GIVEN, given_names
from redaction.text.positions import PERSON_VERBS
from redaction.wordtrie import trie_compile, word_trie

_DATA = os.path.join(os.path.dirname(__file__), "data")


@lru_cache(maxsize=1)
def place_surnames() -> frozenset[str]:
    """Surnames that are a street suffix or a place head (``data/place_surnames.txt``)."""
    return word_list(os.path.join(_DATA, "place_surnames.txt"))


@lru_cache(maxsize=1)
def _from_nouns() -> frozenset[str]:
    return word_list(os.path.join(_DATA, "from_person_nouns.txt"))


@lru_cache(maxsize=1)
def _pair_rx() -> re.Pattern[str]:
    heads = "|".join(sorted(place_surnames(), key=len, reverse=True))
    return trie_compile(r"(?<![\w'’\-])([^\W\d_]{3,})[ \t]+(?:" + heads + r")(?![\w'’\-])", re.IGNORECASE)


# An age right after the name: "Robert Lane, 23,", "Robert Lane (23)", "Robert Lane is 23", "ROBERT LANE, AGE 23".
_AGE_AFTER = trie_compile(r"[ \t]*(?:,[ \t]*(?:age[ \t]*)?\d{1,2}(?:[ \t]*(?:yo|y/o|yrs?|years?))?[ \t]*(?:[,.;)]|\Z)"
                        r"|\([ \t]*\d{1,2}[ \t]*\)|[ \t]+(?:is|was)[ \t]+(?:age[ \t]+)?\d{1,2}(?![\d:/.]\d))",
                        re.IGNORECASE)
# What only happens to a person: "Kenneth Drive was arrested", "Sonia Terrace is injured".
_DONE_TO_PERSON = trie_compile(r"[ \t]+(?:was|is|got|has[ \t]+been|had[ \t]+been)[ \t]+(?:arrested|cited|detained|booked|"
                             r"interviewed|hospitalized|injured|handcuffed|mirandized|admonished|released[ \t]+to)\b",
                             re.IGNORECASE)
_WORD_AFTER = trie_compile(r"[ \t]+([^\W\d_]+)")
_TWO_BEFORE = trie_compile(r"(?:([\w'’/]+)[ \t]+)?([\w'’/]+)[ \t]*\Z")
# Words before a given name that place what follows: a street or a park, not a person.
_PLACE_BEFORE = frozenset({"on", "at", "onto", "near", "of", "to", "via", "off", "along", "across", "past", "down",
                           "up", "block", "into", "toward", "towards", "behind", "around", "from", "the", "in",
                           "eb", "wb", "nb", "sb", "northbound", "southbound", "eastbound", "westbound", "n/b", "s/b",
                           "e/b", "w/b", "north", "south", "east", "west", "corner", "between", "crossing"})
# Words right before a name that take a person there ("spoke with", "per", "interviewed").
_PERSON_BEFORE = frozenset({"per", "told", "interviewed", "contacted", "texted", "notified", "advised", "asked",
                            "warned", "met", "thanked"})
_WITH_PERSON = frozenset({"spoke", "talked", "speaking", "talking", "spoken", "met", "meeting", "argued", "arguing",
                          "fighting", "lives", "living", "stays", "staying", "interview", "contact"})


def _person_before(text: str, start: int) -> bool | None:
    """True: a person's slot before ``start``; False: a number or a place word; None: neither."""
    m = _TWO_BEFORE.search(text, max(0, start - 40), start)
    if m is None:
        return None
    prev = m.group(2).lower()
    prev2 = (m.group(1) or "").lower()
    if any(c.isdigit() for c in prev):
        return False  # "1400 Robert Lane"
    if prev == "from" and prev2 in _from_nouns():
        return True  # "statement from Mina Park"
    if prev == "with" and prev2 in _WITH_PERSON:
        return True  # "spoke with Gina Brooks"
    if prev in _PERSON_BEFORE:
        return True
    return False if prev in _PLACE_BEFORE else None


def _person_after(text: str, end: int) -> bool:
    if _AGE_AFTER.match(text, end) or _DONE_TO_PERSON.match(text, end):
        return True
    m = _WORD_AFTER.match(text, end)
    return m is not None and m.group(1).lower() in PERSON_VERBS


def person_place(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is "Given PlaceWord" (a listed given name, a ``place_surnames`` word) with a person's sign
    around it (see the module doc)."""
    m = _pair_rx().fullmatch(text, start, end)
    if m is None:
        return False
    given = fold(m.group(1)).lower()
    if given not in given_names() and given not in AMBIGUOUS_GIVEN:
        return False
    before = _person_before(text, start)
    return before is True or (before is None and _person_after(text, end))


@lru_cache(maxsize=1)
def _head_rx() -> re.Pattern[str]:  # a trie after a space: this runs on every text
    return trie_compile(r"[ \t](" + word_trie(place_surnames()) + r")(?![\w'’\-])", re.IGNORECASE)


_WORD_BEFORE = trie_compile(r"(?<![\w'’\-])[^\W\d_]{3,}[ \t]+\Z")


def street_surnames(text: str) -> list[tuple[int, int]]:
    """The "Given PlaceWord" pairs of ``text`` that are a person (``person_place``). The place word is found first
    (one regex), then the word before it."""
    out = []
    for h in _head_rx().finditer(text):
        w = _WORD_BEFORE.search(text, max(0, h.start(1) - 24), h.start(1))
        if w is not None and person_place(text, w.start(), h.end()):
            out.append((w.start(), h.end()))
    return out
