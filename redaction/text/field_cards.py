"""Names on field-interview (FI) cards and in street-contact notes, where the card's own words say who follows.

* "FI CARD COMPLETED ON HUNTER", "FIs done on Rojas and Pineda", "FI'D YOUNG, KING, WOOD", "F/I COMPLETED FOR
  ALL THREE: ...": the card is written on people, so the words after "on" / "for" are names, everyday words
  ("hunter", "young", "king", "wood") too, as long as each reads as a name (``word_kind``) and is no report word
  ("FI CARD COMPLETED ON SUBJ" stays);
* "ID'D VIA DL AS carter, mason", "IDENTIFIED BY HIS CA ID AS ...": the words after the "as" of an identification
  with its means between ("ID'D AS ..." itself is ``naming``'s);
* numbered parties of a card or a stop ("(2) summers, april", "2) diaz, roman", "OCC 3 - luna, pedro"): a
  ``surname, given`` pair after the number, a listed surname and a word that reads as a given name;
* a card's name fields typed without their colon or run together ("LASTNAME COOPER FIRSTNAME DAKOTA", "LNAME
  COOPER"): the word after the label, when it reads as a name;
* a single initial and a two-letter surname ("ASSOC W/ banks, chase AND m. ma", "T. NG"), from
  ``data/short_surnames.txt``;
* a quoted name someone gave ('GAVE NAME "JUNE BUG"', 'provided a false name of "Tay Rivers"'): the quoted words,
  at most three, letters only;
* ``SURNAME,GIVEN`` typed with no space after the comma ("PARK,MIN-JUN 18YOA", "le,khoa"), as cards are typed:
  a listed surname, even one that is a place word too ("park"), or a word no vocabulary holds, then a word that
  reads as a given name.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS as SPACY_STOP

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, word_list
from redaction.text.names import CUE_WORDS, given_names, surnames
from redaction.text.vocabulary import NARRATIVE_VERBS, REPORT_ABBREVIATIONS
from redaction.text.word_kinds import listed, word_kind
from redaction.wordtrie import trie_compile

_NAME = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
# The card and the verb of writing it, then "on" / "for": "FI CARD COMPLETED ON", "FIs done on", "FI'D".
_FI_CUE = trie_compile(
    r"(?<![\w'’\-/])(?i:(?:f/i|fi|field[ \t]+interview)(?:'?s)?(?:[ \t]+(?:cards?|forms?))?[ \t]+"
    r"(?:(?:was|were|is|has[ \t]+been|have[ \t]+been)[ \t]+)?"
    r"(?:completed|done|written|filled(?:[ \t]+out)?|conducted|made|submitted|issued|entered)[ \t]+(?:on|for|w/|with)"
    r"|fi'?d|f/i'?d|(?:f/i|fi)(?:[ \t]+card)?(?=[ \t]*[:\-]))[ \t]*[:\-]?[ \t]+"
    r"(?i:(?:all|both)(?:[ \t]+(?:two|three|four|\d))?[ \t]*:?[ \t]+)?"
    r"(?i:(?:(?:\d{1,2}|two|three|four)[ \t]+)?(?:subjs?|subjects|juvs?|males|females|persons|people|ppl|parties)"
    r"[ \t]*[:\-]?[ \t]+)?")  # "FI'D YOUNG, KING", "fi'd 2 subj: tran/kevin", "fi: 3 subj - pham, vu, dang"
# A word of the list after the cue, or what joins two of its words.
_TOKEN = trie_compile(r"[ \t]*(?:(?P<sep>,|;|/|&|\+|(?i:and)(?![\w'’\-]))|(?P<word>" + _NAME + r"))")
# An identification and its means, then "as": "ID'D VIA DL AS", "IDENTIFIED BY HIS CA ID AS".
_ID_VIA = trie_compile(r"(?<![\w'’\-])(?i:id'?d|identified|i\.d\.'?d)[ \t]+(?i:via|by|thru|through|from|w/|with)"
                     r"[ \t]+(?:[\w#'’/.\-]+[ \t]+){0,3}?(?i:as)[ \t]+(" + _NAME + r"(?:,?[ \t]+" + _NAME + r"){0,2})")
# A numbered party: "(2)", "2)", "#2", "OCC 2 -", "SUBJ 2:", then "surname, given".
_NUMBERED = trie_compile(r"(?:(?<![\w)])\(\d{1,2}\)|(?<![\w(#])\d{1,2}\)|(?<![\w'’\-])(?i:occ|subj|susp|p|s)[ \t]?#?\d{1,2}"
                       r"[ \t]*[:\-])[ \t]*(" + _NAME + r"),[ \t]*(" + _NAME + r")(?![\w'’\-])")
_READS_AS_NAME = ("strong", "weak", "given", "surname")
_NAME_FIELD = trie_compile(r"(?<![\w'’\-])(?i:last[ \t]?name|lastname|lname|surname|first[ \t]?name|firstname|fname"
                         r"|given[ \t]+name|middle[ \t]?name|mname)[ \t]*[:\-#]?[ \t]*(" + _NAME + r")(?![\w'’\-])")
_GIVEN_KINDS = ("strong", "weak", "given")
_GAVE_NAME = trie_compile(r"(?<![\w'’\-])(?i:gave|give|gives|giving|provided|provides|used|uses)[ \t]+(?i:(?:the|a|an|his|her)"
                        r"[ \t]+)?(?i:(?:false|fake|fictitious|fictional|different|first|last|full|nick)[ \t]*)?(?i:name)"
                        r"(?:[ \t]+(?i:of|as))?[ \t]*:?[ \t]*[\"“](" + _NAME + r"(?:[ \t]+" + _NAME + r"){0,2})[\"”]")
_INITIAL_SHORT = trie_compile(r"(?<![\w'’.\-])[^\W\d_]\.[ \t]?([^\W\d_]{2})(?![\w'’\-]|\.[^\W\d_])")
_GLUED_COMMA = trie_compile(r"(?<=[^\W\d_]),(?=[^\W\d_])")
_WORD_END = trie_compile(_NAME + r"\Z")
_WORD_START = trie_compile(_NAME + r"(?![\w'’\-])")


def field_card_names(text: str) -> list[tuple[int, int]]:
    """Spans of the names an FI card, an identification or a numbered party names (see the module doc)."""
    low = text.lower()
    out: list[tuple[int, int]] = []
    if "fi" in low or "f/i" in low or "field interview" in low:
        out += _card_names(text)
    if ". " in low:
        short = _short_surnames()
        out += [m.span() for m in _INITIAL_SHORT.finditer(text) if m.group(1).lower() in short]
    if "name" in low:
        out += [m.span(1) for m in _GAVE_NAME.finditer(text) if not all(
            w.lower() in CAPS_STOP_WORDS or w.lower() in NOT_NAME_WORDS for w in _words(m.group(1)))]  # "unknown"
        out += [m.span(1) for m in _NAME_FIELD.finditer(text) if _field_value(m.group(1))]
    if "id" in low or "i.d." in low:
        out += [m.span(1) for m in _ID_VIA.finditer(text) if _all_names(m.group(1))]
    if "," in low or ")" in low or "-" in low or ":" in low:
        family = surnames()
        out += _glued_pairs(text, family)
        for m in _NUMBERED.finditer(text):
            if listed(m.group(1), family) and word_kind(m.group(1)) in _READS_AS_NAME \
                    and word_kind(m.group(2)) in ("strong", "weak", "given"):
                out += [m.span(1), m.span(2)]
    return out


@lru_cache(maxsize=1)
def _short_surnames() -> frozenset[str]:
    return word_list(os.path.join(os.path.dirname(__file__), "data", "short_surnames.txt"))


def _glued_pairs(text: str, family: frozenset[str]) -> list[tuple[int, int]]:
    """``SURNAME,GIVEN`` with no space after the comma: a listed surname, then a given name (see the module doc)."""
    out: list[tuple[int, int]] = []
    for c in _GLUED_COMMA.finditer(text):
        last = _WORD_END.search(text, max(0, c.start() - 30), c.start())
        first = _WORD_START.match(text, c.end())
        if last is None or first is None or text[last.start() - 1:last.start()] in (",", "-", "'", "’"):
            continue
        strong = word_kind(last.group()) == "strong"
        if (listed(last.group(), family) or strong) and (_given(first.group()) or (strong and (
                listed(first.group(), given_names()) or word_kind(first.group()) == "surname"))):
            out += [last.span(), first.span()]
    return out


def _given(word: str) -> bool:
    """A word that reads as a given name; a hyphenated one ("min-jun") when each part is listed or no word."""
    if word_kind(word) in _GIVEN_KINDS:
        return True
    return "-" in word and all(word_kind(p) in _GIVEN_KINDS or listed(p, given_names()) for p in word.split("-"))


def _card_names(text: str) -> list[tuple[int, int]]:
    """The list after an FI cue: name words, runs of them joined by commas, "and", "&" or "/", at most eight words;
    a word that reads as no name ends the list ("FI'D ROJAS RELEASED")."""
    out: list[tuple[int, int]] = []
    for m in _FI_CUE.finditer(text):
        pos, run, words = m.end(), None, 0
        while words < 8:
            t = _TOKEN.match(text, pos)
            if t is None or (t.group("word") and not _card_word(t.group("word"))):
                break
            if t.group("sep"):
                if run is None:
                    break
                out.append(run)
                run = None
            else:
                run = (t.start("word") if run is None else run[0], t.end("word"))
                words += 1
            pos = t.end()
        if run is not None:
            out.append(run)
    return out


def _card_word(word: str) -> bool:
    """A word an FI card is written on: one that reads as a name, or a listed surname that is a place word too
    ("park"); no role or relation word."""
    return word_kind(word) in _READS_AS_NAME or (listed(word, surnames()) and word.lower() not in CUE_WORDS
                                                  and word.lower() not in REPORT_ABBREVIATIONS) \
        or word.lower() in _short_surnames()  # "pham, vu, dang"


def _field_value(word: str) -> bool:
    """The word after a name field's label: a name word, or any word that is no function, report or role word and
    no verb form ("LASTNAME Le"; "LAST NAME UNKNOWN", "FIRST NAME ONLY", "first name spelled" stay)."""
    low = word.lower()
    if word_kind(word) in _READS_AS_NAME:
        return True
    return len(low) >= 2 and not (low in CAPS_STOP_WORDS or low in NOT_NAME_WORDS or low in CUE_WORDS
                                  or low in SPACY_STOP or low in NARRATIVE_VERBS or low.endswith(("ed", "ing")))


def _words(span: str) -> list[str]:
    return re.findall(_NAME, span)


def _all_names(span: str) -> bool:
    """Every word of ``span`` reads as a name (``word_kind``)."""
    words = _words(span)
    return bool(words) and all(word_kind(w) in _READS_AS_NAME for w in words)
