"""Names found by where a sentence puts them, when no list holds the word.

* ``subjects``: a word at the start of a sentence (or after "that") right before a verb of a narrative is its
  subject: "svety ran off", "JUA ADVISED US", "Oma advised" — a person when the word is a listed given name or a
  word English does not know (``vocabulary.unknown_word``), never a report word ("DRVR", "Vehicle").
* ``bracketed_nicknames``: ``First (Nick) Last`` in any case — a bracketed word or two between two name-like
  words, one of them a listed or unknown name ("Tatiana (Frosty) DuBois", "FOLAKE (SCRAPPY) IYER").
* ``given_before``: the given name before a found surname ("łukasz [hughes]").
* ``surnames_before``: ``surname, given`` in any case, found from the given name: the word before ", " and a
  found one-word name is its surname when it is a listed surname or an unknown word ("hughes, omar",
  "okafor, d'andre").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, fold
from redaction.text.names import AMBIGUOUS_GIVEN, CUE_WORDS, PARTICLES, given_names, surnames
from redaction.text.vocabulary import NARRATIVE_VERBS, uncommon_word, unknown_word

_NAME = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_SUBJECT = re.compile(
    r"(?:\A|(?<=[.!?:;|])\s+|(?<=\n)|(?i:\b(?:that|think|thinks|believe|believes|guess|because|when|and|but))\s+)"
    r"([\"“]?)(" + _NAME + r")[\"”]?(?=\s+(?:(?:also|then|later|never|just)\s+)?([^\W\d_]+)\b)")
_BRACKETED = re.compile(r"(?<![\w'’\-])(" + _NAME + r")\s+\(\s*[\"“'‘]?([^\W\d_]+(?:['’\-][^\W\d_]+)*"
                        r"(?:\s[^\W\d_]+)?)[\"”'’]?\s*\)\s+((?:(?:" + "|".join(sorted(PARTICLES - {"st."}, key=len))
                        + r")\s+)*" + _NAME + r")(?![\w'’\-])", re.IGNORECASE)
_BEFORE_COMMA = re.compile(r"(?<![\w'’\-])(" + _NAME + r")\s*,\s*\Z")


_FUNCTION = {"the", "a", "an", "his", "her", "their", "him", "them", "and", "or", "is", "was", "of", "see", "i", "he",
             "she", "they", "it", "if", "not", "no", "yes", "again", "unk", "unknown", "approx"}
_WORD_BEFORE = re.compile(r"(?<![\w'’\-])(" + _NAME + r") \Z")
# Words before which an everyday word that is also a given name is the verb or modal it looks like ("to chase").
_NOT_AFTER = {"to", "would", "could", "will", "did", "can", "and", "i", "we", "they", "he", "she", "you", "not", "may",
              "might", "must", "should", "who", "that", "it"}


_NOT_GIVEN = (CAPS_STOP_WORDS | (NOT_NAME_WORDS - AMBIGUOUS_GIVEN) | CUE_WORDS | {
    "male", "lady", "man", "boy", "baby", "officer", "sergeant", "judge", "general", "black", "white", "brown",
    "green", "gray", "grey", "young", "long", "an", "in", "so", "see", "ma", "pa", "al", "kin", "bay", "tan", "hang",
    "major", "king", "prince", "duke", "else", "love", "early", "golden", "marine", "royal"})


_DETERMINERS = {"the", "a", "an", "this", "these", "those", "your", "our", "its", "some", "any", "no", "each", "every"}


def _listed(word: str, names: frozenset[str]) -> bool:
    low = fold(word).lower().replace("’", "'")
    return low in names or low.replace("'", "") in names or (
        "-" in low and all(p in names for p in low.split("-") if p))


def _common(word: str) -> bool:
    low = word.lower()
    return low in CAPS_STOP_WORDS or low in NOT_NAME_WORDS


def subjects(text: str) -> list[tuple[int, int]]:
    """Sentence subjects that are names: a listed given name or an unknown word right before a narrative verb."""
    out: list[tuple[int, int]] = []
    given = given_names()
    for m in _SUBJECT.finditer(text):
        word, verb = m.group(2), m.group(3).lower()
        if verb not in NARRATIVE_VERBS or word.lower() in CAPS_STOP_WORDS:
            continue
        if m.group(1) or (not _common(word) and (_listed(word, given) or unknown_word(word) or uncommon_word(word))):
            out.append(m.span(2))  # a quoted subject is what someone is called ('"Smoke" was seen')
    return out


def bracketed_nicknames(text: str) -> list[tuple[int, int]]:
    """``First (Nick) Last``: the three parts, when the words around the bracket are a name (see module doc)."""
    out: list[tuple[int, int]] = []
    given, family = given_names(), surnames()
    for m in _BRACKETED.finditer(text):
        first, nick, last = m.group(1), m.group(2), m.group(3).split()[-1]
        if first.lower() in CAPS_STOP_WORDS or last.lower() in CAPS_STOP_WORDS or nick.split()[0].lower() in _FUNCTION:
            continue  # an aside in brackets ("told him (again) that"), not a nickname
        if _listed(first, given) or _listed(last, family) or unknown_word(first) or unknown_word(last):
            out.extend([m.span(1), m.span(2), m.span(3)])
    return out


def surnames_before(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The surname before ", " and a found one-word name (``surname, given``), see the module doc."""
    out: list[tuple[int, int]] = []
    family = surnames()
    for s, e in spans:
        if len(text[s:e].split()) != 1:
            continue
        m = _BEFORE_COMMA.search(text, max(0, s - 40), s)
        if m is None or _common(m.group(1)) or m.group(1).lower() in PARTICLES:
            continue
        if _listed(m.group(1), family) or unknown_word(m.group(1)):
            out.append(m.span(1))
    return out


def given_before(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The given name right before a found name ("łukasz [hughes]", "OLUWASEUN [SANTOS]", "will [anderson]"): a
    listed or unknown word, or an everyday word that is also a given name when written like the name after it and
    not after "to" or a modal ("to chase [smith]" is a verb)."""
    out: list[tuple[int, int]] = []
    given = given_names()
    for s, _e in spans:
        m = _WORD_BEFORE.search(text, max(0, s - 30), s)
        if m is None or m.group(1).lower() in _NOT_GIVEN:
            continue
        word, after = m.group(1), text[s:s + 1]
        prev = _WORD_BEFORE.search(text, max(0, m.start(1) - 30), m.start(1))
        if prev is not None and prev.group(1).lower() in _DETERMINERS:
            continue  # "over the lane [X]", "a Berkeley [X]": a thing before a name, not a given name
        if _listed(word, given) or unknown_word(word):
            out.append(m.span(1))
        elif word.lower() in AMBIGUOUS_GIVEN and word[:1].isupper() == after.isupper() and (
                prev is None or prev.group(1).lower() not in _NOT_AFTER):
            out.append(m.span(1))
    return out
