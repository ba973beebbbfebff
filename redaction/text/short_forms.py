"""Short forms of given names that the other rules leave: a record person's short form signing the text ("pls
come this time - mo", "-pat"), and a two-letter short form before a speech verb in any casing, record or not
("MO TOLD OFFICERS THAT", "Al said he was not there").

Why: a complaint typed on a phone is signed with the writer's pet name after a dash, and a short form there is
the writer whatever word it spells ("- will", "- mo"); ``letters`` reads the signatures after a closing word
("thanks, bill"), not after a dash. Two-letter short forms ("Mo", "Al", "Ed", "Jo", "Ty") are abbreviations as
often ("MO" a modus operandi, "AL" a state), but an abbreviation never says or tells anything: before a speech
verb, and not after a determiner ("the MO said nothing about"), they are a person.
"""

from __future__ import annotations

from redaction.text.value_match import DETERMINERS
from redaction.wordtrie import trie_compile

_SIGNED = trie_compile(r"(?:^|[ \t\n.!?])[-–—~]+[ \t]*([^\W\d_]+)[ \t]*[.!]*[ \t]*\Z")
_TWO_LETTER_FORMS = ("al", "bo", "cy", "di", "ed", "jo", "lu", "mo", "si", "sy", "ty", "vi", "ze")
_SPEECH = ("said", "says", "told", "tells", "stated", "states", "asked", "asks", "advised", "admitted", "denied",
           "explained", "replied", "yelled", "texted")
_DETERMINER_BEFORE = trie_compile(r"(?<![\w'’])(?:" + "|".join(DETERMINERS) + r") \Z")  # "the MO said nothing"
# run on the text in lower case (a case-sensitive search is five times faster than an IGNORECASE one)
_SPEAKER = trie_compile(r"(?<![\w'’\-/.])(?:" + "|".join(_TWO_LETTER_FORMS) + r")(?=[ \t]+(?:"
                      + "|".join(_SPEECH) + r")\b)")


def signed_short_form(text: str, forms: set[str] | frozenset[str]) -> list[tuple[int, int]]:
    """The span of the word that signs ``text`` after a dash, when it is one of ``forms`` (lower case)."""
    if "-" not in text[-24:] and "~" not in text[-24:] and "—" not in text[-24:] and "–" not in text[-24:]:
        return []
    m = _SIGNED.search(text, max(0, len(text) - 24))
    return [m.span(1)] if m is not None and m.group(1).lower() in forms else []


def speaking_short_forms(text: str) -> list[tuple[int, int]]:
    """Spans of two-letter short forms before a speech verb (see the module doc)."""
    low = text.lower()
    if len(low) != len(text):
        return []
    return [m.span() for m in _SPEAKER.finditer(low) if not _DETERMINER_BEFORE.search(low, max(0, m.start() - 6),
                                                                                       m.start())]
