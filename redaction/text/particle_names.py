"""A name whose surname opens with particles, typed in lower case and with no cue: "pieter de vries was driving",
"the landlord is hendrik van der merwe", "síle ní bhriain called", "ruairí mac an tsaoir"; and written ``surname,
given`` where a clause or a list item starts ("unit 5: ní bhriain, faith and ...", "seen with de los santos, major").

The regex finds the particles first (a literal prefilter gates it); the word before them must read as a given name
(a listed given name, accents folded, or a word no dictionary holds) and not open a place or a phrase
(``data/particle_place_words.txt``: "casa de", "camino del", "cinco de mayo"); the word after them must read as a
name (``word_kind``) and be no function, report or verb word. In mixed-case text both words need their capitals (the
NER reads those).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from redaction.recognizers.words import CAPS_STOP_WORDS, word_list
from redaction.text.names import CUE_WORDS, given_names, mixed_case, plain
from redaction.text.vocabulary import NARRATIVE_VERBS
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile

_PLACES = Path(__file__).resolve().parent / "data" / "particle_place_words.txt"
_PARTICLES = ("van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "dos", "das", "la", "le", "ní", "nic",
              "ter", "ten", "bin", "ibn")
_PARTICLE = r"(?:mac[ \t]+an|st\.|" + "|".join(sorted(_PARTICLES, key=len, reverse=True)) + r")"  # "tevita st. john"
_WORD = r"[^\W\d_]{2,}(?:['’\-][^\W\d_]+)*"
_NAME = trie_compile(r"(?<![\w'’\-.])(" + _WORD + r")[ \t]+((?i:" + _PARTICLE + r")[ \t]+(?:(?i:" + _PARTICLE
                   + r")[ \t]+){0,2})(" + _WORD + r")(?![\w'’\-])")
# "ní bhriain, faith", "seen with de los santos, major": ``surname, given`` whose surname opens with particles, where
# a clause or a list item starts (no given name before the particles).
_LAST_FIRST = trie_compile(r"(?<![\w'’\-.])((?i:" + _PARTICLE + r")[ \t]+(?:(?i:" + _PARTICLE + r"|los|las)[ \t]+){0,2})("
                         + _WORD + r"),[ \t]*(" + _WORD + r")(?=[ \t]*(?:[.,;:!?)\n]|\Z|(?i:and|&)\b|[ \t][^\W\d_]))")
_CLAUSE_START = trie_compile(r"(?:\A|[:;,(]|(?<![\w'’\-])(?i:with|and|by|to|from|for|of|saw|told|is|was))[ \t]*\Z")
_ON = trie_compile(r"(?:\d|(?<![\w'’\-])(?i:on|at|down|up|along|off|near|onto|from|to|of|past|via))[ \t]+\Z")
_GATE = trie_compile(r"(?i)[ \t]" + _PARTICLE + r"[ \t]")


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    return word_list(_PLACES)


def _no_name(low: str) -> bool:
    return low in CAPS_STOP_WORDS or low in CUE_WORDS or low in NARRATIVE_VERBS or low.endswith(("ing", "ed"))


def particle_names(text: str) -> list[tuple[int, int]]:
    """Spans of "given particles surname" with no cue (see the module doc)."""
    if _GATE.search(text) is None:
        return []
    mixed = mixed_case(text)
    out: list[tuple[int, int]] = []
    for m in _NAME.finditer(text):
        first, last = m.group(1), m.group(3)
        if mixed and not (first[:1].isupper() and last[:1].isupper()):
            continue
        low1, low2 = plain(first), plain(last)
        if m.group(2).lower().startswith("st.") and (mixed or _ON.search(text, max(0, m.start() - 12), m.start())):
            continue  # "the kid on ashby st. james saw", "6171 Jefferson St. Hon.": a street (the NER's in mixed case)
        if low1 in _place_words() or _no_name(low1) or _no_name(low2) or low1 in _PARTICLES:
            continue
        kind1, kind2 = word_kind(first), word_kind(last)
        if kind2 not in ("strong", "weak", "surname", "given"):
            continue
        sure = low1 in given_names() or kind1 == "strong"
        if sure or (kind1 in ("weak", "given") and kind2 in ("strong", "weak", "surname")):
            out.append((m.start(1), m.end(3)))
    for m in _LAST_FIRST.finditer(text):
        if _CLAUSE_START.search(text, max(0, m.start() - 8), m.start()) is None and m.start() > 0:
            continue
        last, first = m.group(2), m.group(3)
        if mixed and not (last[:1].isupper() and first[:1].isupper()):
            continue
        if _no_name(plain(last)) or _no_name(plain(first)) or plain(first) in _PARTICLES:
            continue
        if word_kind(last) in ("strong", "weak", "surname", "given") and word_kind(first) in _NAME_KINDS:
            out.append((m.start(1), m.end(3)))
    return out


_NAME_KINDS = ("strong", "weak", "given", "surname")
