"""A surname written before a given name that carries its own nickname in brackets or quotes: "LANE, ROBERT (BOBBY)",
"ford, william 'billy'", "Banks, Teresa "Tess"". The word before the comma is the surname whatever else it spells (a
street word, a car maker, a colour), because the nickname after the given name is one of its pet forms (the
``nicknames`` tables: ``nicknames.forms_of``) or clips it ("Alexander (Xan)").

Why: a booking sheet or a gang card writes "SURNAME, GIVEN (NICK)"; a surname that is also an everyday word is not
taken there by the "surname, given" rules, which want a listed or unknown word. The nickname that fits the given name
proves the shape. A greeting or a role word before the comma ("Hi, Robert (Bobby)", "Driver, Robert (Bobby)") is no
surname.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from redaction.recognizers.words import CAPS_STOP_WORDS, fold
from redaction.text.names import CUE_WORDS
from redaction.text.nicknames import forms_of
from redaction.wordtrie import trie_compile

_NAME = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_SHAPE = trie_compile(r"(?<![\w'’\-])(" + _NAME + r"),[ \t]*(" + _NAME + r")[ \t]*(?:\([ \t]*[\"“'‘]?(" + _NAME
                    + r")[\"”'’]?[ \t]*\)|[\"“'‘](" + _NAME + r")[\"”'’])")
# a greeting, a closing or a word that opens a sentence before a comma ("Update, Robert (Bobby) was released")
_NOT_SURNAMES = frozenset({"hi", "hey", "hello", "dear", "thanks", "thank", "yo", "sincerely", "regards", "best",
                           "aka", "update", "note", "btw", "ok", "okay", "yes", "well", "anyway", "today", "yesterday",
                           "tonight", "earlier", "later", "now", "again", "sorry", "please", "pls", "fyi", "oh"})


def _fits(given: str, nick: str) -> bool:
    """``nick`` is a pet form of ``given`` ("robert", "bobby") or clips it ("alexander", "xan")."""
    g, n = fold(given).lower(), fold(nick).lower()
    return n != g and (n in forms_of(g) or (len(n) >= 3 and n in g))


def nicknamed_surnames(text: str) -> list[tuple[int, int]]:
    """Spans of "surname, given" and of the nickname in "surname, given (nickname)" (see the module doc).
    A bracket or a quote and a comma gate the regex."""
    if "," not in text or not any(c in text for c in "(\"“'‘"):
        return []
    out = []
    for m in _SHAPE.finditer(text):
        surname, given = m.group(1).lower(), m.group(2)
        nick_group = 3 if m.group(3) else 4
        if surname in _NOT_SURNAMES or surname in STOP_WORDS or surname in CUE_WORDS or surname in CAPS_STOP_WORDS:
            continue
        if _fits(given, m.group(nick_group)):
            out += [(m.start(1), m.end(2)), m.span(nick_group)]
    return out
