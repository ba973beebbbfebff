"""Which PERSON spans holding commas are lists of people, cut at the commas (``split_list``, run before the numbering
of ``identity``): "Fatoumata Dvořák, Jesús Dvořák" is two people, "SMITH, JOHN" one; "gloria, tyrone and keisha"
three; "Per Ximena, Avi ..." two (an attribution's source, then someone else); "Associates: Tiny, Boo" two street
names, "Associates: Brooks, Chidi" one ``surname, given``; "as Mac, Trevor McAllister" an alias, then a name."""

from __future__ import annotations

import re
from collections.abc import Sequence

from redaction.recognizers.words import OFFICER_TITLES, fold
from redaction.text.alias_cues import cue_pattern
from redaction.text.names import AMBIGUOUS_GIVEN, PARTICLES, given_names, surnames
from redaction.text.people import record_tokens
from redaction.text.vocabulary import unknown_word
from redaction.wordtrie import trie_compile

# An alias cue ends right before a span: what follows is an alias (or a list of them).
CUE_END = trie_compile(r"(?<![\w/])(?:" + cue_pattern(finds=True) + r")\s*[:\-]?\s*[\"“‘'(]?\s*\Z", re.IGNORECASE)
_NAME_WORD = trie_compile(r"[^\W\d_]{2,}(?:['’\-][^\W\d_]+)*")


def split_list(text: str, s: int, e: int, people: Sequence[frozenset[str]]) -> list[tuple[int, int]]:
    """A span holding two names around a comma, cut there ("Fatoumata Dvořák, Jesús Dvořák", "Dragana, Sterling
    Story"; "TUILAGI, Ó BRIAIN" when each side belongs to another record person): a comma inside one name is
    ``surname, given``, with a one-word surname (particles apart, never a listed given name that is no surname)
    and never two people of the record."""
    span = text[s:e]
    if span.count(",") >= 2:
        return _split_commas(text, s, e)
    if span.count(",") != 1:
        return [(s, e)]
    cut = s + span.index(",")
    left = [w for w in _NAME_WORD.findall(text, s, cut) if fold(w).lower() not in PARTICLES]
    right = [w for w in _NAME_WORD.findall(text, cut + 1, e) if fold(w).lower() not in PARTICLES]
    whole = record_tokens(span)
    if any(whole <= p for p in people):
        return [(s, e)]
    if 1 <= len(_NAME_WORD.findall(text, s, cut)) <= 2 and len(right) >= 2 and CUE_END.search(text, max(0, s - 60), s):
        return [(s, cut), (_skip_space(text, cut + 1, e), e)]  # "as Mac, Trevor McAllister": an alias, then a name
    if not left or not right:
        return [(s, e)]
    if len(left) == 1 and len(right) == 1 and text[e:e + 2].lower() in ("'s", "’s"):
        return [(s, cut), (_skip_space(text, cut + 1, e), e)]  # "tyrone, keisha's brother": two people
    if len(left) == len(right) == 1 and CUE_END.search(text, max(0, s - 60), s) and not _reads_as_lf(left[0], right[0]):
        return [(s, cut), (_skip_space(text, cut + 1, e), e)]  # "Associates: Tiny, Boo": two aliases, no ``last, first``
    lone = fold(left[0]).lower() if len(left) == 1 else ""
    two = len(right) >= 2 and (len(left) >= 2 or (lone in given_names() and lone not in surnames()))
    two = two or (len(left) == len(right) == 1 and _listed_pair(text, s, e, lone, fold(right[0]).lower()))
    two = two or (len(left) == 1 and len(right) >= 2 and (lone not in surnames() or lone in given_names())
                  and _full_name_next(text, e))  # "saw dragana, sterling story and wojciech watanabe": three
    if not two and people:
        lk, rk = record_tokens(text[s:cut]), record_tokens(text[cut + 1:e])
        owners = [{i for i, p in enumerate(people) if k and k <= p} for k in (lk, rk)]
        two = bool(owners[0]) and bool(owners[1]) and not owners[0] & owners[1]
    if not two:
        return [(s, e)]
    return [(s, cut), (_skip_space(text, cut + 1, e), e)]


def _reads_as_lf(left: str, right: str) -> bool:
    """"Brooks, Chidi", "Ivanova, Carlos": a surname (listed or no word of the vocabulary), then a given name (listed,
    a short form or no word of the vocabulary); not "Tiny, Boo", two street names made of common words."""
    lo, ro = fold(left).lower(), fold(right).lower()
    return (lo in surnames() or unknown_word(left)) and (ro in given_names() or ro in AMBIGUOUS_GIVEN
                                                          or unknown_word(right))


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start



ATTRIBUTION = trie_compile(r"(?<![\w'’\-])(?:per|according\s+to|via)\s+(?:(?:" + "|".join(
    re.escape(t) for t in sorted({*OFFICER_TITLES, "mr", "mrs", "ms", "dr"}, key=len, reverse=True)) + r")\.?\s+)?\Z",
    re.IGNORECASE)  # "Per Ximena, Avi ...", "Per Officer Lee, Tyrone ran"
_LIST_GOES_ON = trie_compile(r"\s*,?\s+(?:and|&|or)\s+(" + _NAME_WORD.pattern + r")", re.IGNORECASE)


def _listed_pair(text: str, s: int, e: int, left: str, right: str) -> bool:
    """"Ximena, Avi" is two people, not ``surname, given``, when the left word is a given name no surname list
    holds ("ximena, avi"), when the pair opens an attribution ("Per Gloria, Tyrone was ...": "per" names one
    source) or when the list goes on with "and" and a given name ("gloria, tyrone and keisha")."""
    if ATTRIBUTION.search(text, max(0, s - 40), s):
        return True
    given = given_names()
    if right not in given and right not in AMBIGUOUS_GIVEN:
        return False
    if left in given and left not in surnames():
        return True
    more = _LIST_GOES_ON.match(text, e)
    return more is not None and fold(more.group(1)).lower() in given and left in given


_FULL_NAME_AFTER = trie_compile(r"\s+(?:and|&)\s+(" + _NAME_WORD.pattern + r")\s+" + _NAME_WORD.pattern + r"(?!\s*,)",
                              re.IGNORECASE)


def _full_name_next(text: str, e: int) -> bool:
    """The list goes on with "and" and a full name written ``given surname`` (no comma): its items are names in that
    order, so "dragana, sterling story" before it is two of them, not ``surname, given middle``."""
    m = _FULL_NAME_AFTER.match(text, e)
    return m is not None and (fold(m.group(1)).lower() in given_names() or unknown_word(m.group(1)))


def _split_commas(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A span holding two commas or more is a list ("Tiny, Boo Man, Lil' Pete"): a name holds one comma at most
    ("SMITH, JOHN, JR": a suffix stays with the name before it), so it is cut at each comma."""
    out: list[tuple[int, int]] = []
    pos = s
    for piece in text[s:e].split(","):
        a, b = pos, pos + len(piece)
        pos = b + 1
        while a < b and text[a].isspace():
            a += 1
        if a == b:
            continue
        if out and fold(text[a:b]).strip(". ").lower() in {"jr", "sr", "ii", "iii", "iv"}:
            out[-1] = (out[-1][0], b)
            continue
        out.append((a, b))
    return out
