"""Two-letter initials that stand for a person where the capitals-only patterns of
``recognizers.person_initials`` do not reach: dotted pairs in any case or without their last full stop
("witness j.t. said", "P/O T.J stated", "W/ j. t. was"), two capitals after a role or an occupation that is no
officer title ("the juvenile DR was released", "Dispatcher SD called", "THE JUVENILE DR WAS") and two capitals
before a bracketed role ("DR (juvenile), KB (mother)"); and, for a record person, their initials in lower case or
dotted before a narrative verb ("jt said", "rj was driving", "j.r. told me": ``record_initials``).

Why: complaint summaries and notes typed in lower case abbreviate people as well as capitals do, and the words
that say a person follows ("juvenile", "dispatcher") make two letters a person even when the two letters spell a
title ("DR", "MS"): a doctor or a courtesy title is followed by a name, initials by a verb or a stop. Police
abbreviations ("PD", "DV", "ER", "ID", "OK") stay: they are never initials here, nor are dotted abbreviations
("a.m.", "i.e.", "u.s."). Cheap: the pair shapes are found first, the cue and the verb only looked at around them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from redaction.recognizers.person_initials import (
    ABBREVIATIONS,
    DOTTED_ABBREVIATIONS,
    INITIALS_CUES,
    KIN_WORDS,
    STREET_ABBREVIATIONS,
)
from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, US_STATES
from redaction.text.cue_words import OCCUPATIONS
from redaction.text.initials import initials_of
from redaction.text.value_match import DETERMINERS
from redaction.text.verb_nicknames import given_initials
from redaction.text.vocabulary import NARRATIVE_VERBS
from redaction.wordtrie import trie_compile

# Two letters that spell a title or a street or time word but are initials after a role and before a verb.
_TITLE_LIKE = frozenset({"dr", "ms", "mr", "sd", "am", "st", "lt", "jr", "sr", "er"})
_TITLES = frozenset({"dr", "mr", "ms", "mx"})
_NEVER = (frozenset(ABBREVIATIONS) | STREET_ABBREVIATIONS | {w for w in NOT_NAME_WORDS | CAPS_STOP_WORDS if len(w) <= 3}
          | {"dv", "pc", "oc", "mx"}) - _TITLE_LIKE
_ROLE_SET = frozenset({c.lower().rstrip(".") for c in INITIALS_CUES} | set(OCCUPATIONS) | {"interviewed", "juv", "minor"})
_VERBS = sorted(NARRATIVE_VERBS - {"would", "could", "might", "must", "should", "let", "lets"}, key=len, reverse=True)
_VERB_AFTER = trie_compile(r"[ \t]*\)?,?[ \t]+(?i:" + "|".join(_VERBS) + r")\b")
_STOP_AFTER = trie_compile(r"[ \t]*(?:[,;:)]|\.(?![\w])|\n|\Z)")
_ROLE_AFTER = trie_compile(r"[ \t]*\((?i:" + "|".join(sorted({c.lower() for c in INITIALS_CUES if c[-1:].isalpha()}
                                                           | set(KIN_WORDS) | {"juvenile", "minor", "juv"},
                                                           key=len, reverse=True)) + r")\)")
_CAPS_PAIR = trie_compile(r"(?<![\w'’\-/.#])[A-Z]{2}(?![\w'’\-/])")
_DOTTED = trie_compile(r"(?<![\w'’\-/.])([^\W\d_])\.[ \t]?([^\W\d_])(?:\.(?![^\W\d_]))?(?![\w'’\-])")


def _cued(text: str, start: int) -> bool:
    """A role or occupation (one or two words, maybe abbreviated with a stop, then maybe ":", "," or "(") ends
    ``text`` right before ``start``: "the juvenile DR", "Dispatcher SD", "P/O T.J", "security guard: KB"."""
    words = text[max(0, start - 32):start].rstrip(" \t(").rstrip(":,").rstrip(" \t").rstrip(".").lower().split()
    return bool(words) and (words[-1] in _ROLE_SET or (len(words) > 1 and words[-2] + " " + words[-1] in _ROLE_SET))


def _dotted_person(text: str, m: re.Match) -> bool:
    """A dotted pair after a role or before a narrative verb, not an abbreviation ("a.m.", "u.s.")."""
    w = (m.group(1) + m.group(2)).lower()
    if w in DOTTED_ABBREVIATIONS or w in ("ie", "eg", "vs", "ok"):
        return False
    cued = _cued(text, m.start())
    if w in ("am", "pm") and not cued:
        return False
    return cued or _VERB_AFTER.match(text, m.end()) is not None


def initial_pairs(text: str) -> list[tuple[int, int]]:
    """Spans of the initials the module doc describes (see there)."""
    out: list[tuple[int, int]] = []
    if "." in text:
        out += [m.span() for m in _DOTTED.finditer(text) if _dotted_person(text, m)]
    for m in _CAPS_PAIR.finditer(text):
        w = m.group().lower()
        if w in _NEVER:
            continue
        e = m.end()
        if "(" in text[e:e + 3] and _ROLE_AFTER.match(text, e):
            if w not in US_STATES:
                out.append(m.span())
            continue
        if not _cued(text, m.start()):
            continue
        if _VERB_AFTER.match(text, e) or (  # a state ("SD", "PA") only as the subject of a verb
                w not in US_STATES and w not in _TITLES and _STOP_AFTER.match(text, e)):  # "MR. TSOSIE": a title
            out.append(m.span())
    return out


@lru_cache(maxsize=65536)
def initial_words(value: str) -> frozenset[str]:
    """The record person ``value``'s initials as lower-case words ("jt" of TURNER, JAMES; "tj" of THOMAS JAMES),
    none that is a word or an abbreviation ("pd" of DOE, PAUL; "as")."""
    pairs = {i.lower() for i in initials_of(value)} | {given_initials(value)}
    return frozenset(p for p in pairs if len(p) == 2 and p not in _NEVER and p not in _TITLES)  # "ms." of MERCY STORY


_POSSESSIVE = trie_compile(r"['’]s\b")
# Words a person follows as an object ("told jt to leave", "spoke with jt and kb").
_OBJECT_BEFORE = trie_compile(r"(?<![\w'’])(?i:told|tell|asked|ask|with|and|saw|see|called|call|texted|text|hit|"
                            r"punched|pushed|grabbed|by|for|against|from|met|about|per|&)[ \t]+\Z")
_NOT_DETERMINED = "".join(r"(?<!\b" + d + " )" for d in DETERMINERS)  # "the dj played": a disc jockey


_TAIL = r"(?:\.(?![^\W\d_]))?(?![\w\-])(?!['’](?![sS]\b))"  # "jt", "j.t.", "jt's"; never "jtx", "j.t.x"
# A pair of letters, dotted or not, standing alone and after no determiner, matched where a word starts (compiled
# once: the record's pairs are compared with what it finds, "the dj played" being a disc jockey).
_PAIR_AT = trie_compile(r"(?<![\w'’\-/.])" + _NOT_DETERMINED + r"([^\W\d_])\.?[ \t]?([^\W\d_])" + _TAIL,
                      re.IGNORECASE)


def record_initials(folded: str, words: dict[str, list[int]] | None, value: str) -> list[tuple[int, int]]:
    """Where the record person ``value``'s initials (given and surname, "JT" of TURNER, JAMES; given and middle,
    "tj" of THOMAS JAMES) stand in any case, dotted or not, before a narrative verb or a possessive, after a role
    or where a person is an object: "jt said", "rj was driving", "j.r. told me", "jt's car", "told jt to leave".
    Not two letters that are a word or an abbreviation ("DA", "OK"). ``words``: the lower-case word index of
    ``folded`` (``AsciiText.word_starts``), None when the text is not ASCII (then every word start is tried)."""
    pairs = initial_words(value)
    if not pairs:
        return []
    if words is None:  # not ASCII (rare): every word start, when the text holds a pair at all
        low = folded.lower()
        if not any(p in low or p[0] + "." in low for p in pairs):
            return []
        starts = [m.start() for m in _WORD_START.finditer(folded)]
    else:  # "jt" is a word of the text; "j.t." two one-letter words
        starts = sorted({q for p in pairs for w in (p, p[0]) for q in words.get(w, ())
                         if len(w) == 2 or p[1] in words})
    out = []
    for q in starts:
        m = _PAIR_AT.match(folded, q)
        if m is None or (m.group(1) + m.group(2)).lower() not in pairs:
            continue
        if (_VERB_AFTER.match(folded, m.end()) or _POSSESSIVE.match(folded, m.end()) or _cued(folded, m.start())
                or _OBJECT_BEFORE.search(folded, max(0, m.start() - 10), m.start())):
            out.append(m.span())
    return out


_WORD_START = trie_compile(r"(?<!\w)[^\W\d_]")
