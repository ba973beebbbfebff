"""The initials of a hyphenated given name before the surname ("jb pierre-louis", "J.B. Pierre-Louis", "JB
PIERRE-LOUIS", "J-L Moreau"; "am dubois" with DUBOIS, ANNE-MARIE on the record): a name.

Why: two letters before a word are no name to the NER in lower case or capitals, and the initials rules ask for a
surname the lists hold. Initials ("jb", "J.B.", "J-B", "J.-B.") right before a hyphenated pair whose two parts are
listed names (given names or surnames) are a person; so are hyphenated initials ("J-L") before a listed surname or a
word no dictionary holds, and, with a record, its given names' initials right before its surname ("am dubois" of
ANNE-MARIE DUBOIS). Two plain letters that spell a word ("am", "is", "at") are taken only with the record, never
after a number ("at 9 am dubois arrived"); report abbreviations and titles ("RP", "ID", "St.") are no initials.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from redaction.recognizers.words import CAPS_STOP_WORDS, OFFICER_TITLES
from redaction.text.names import AMBIGUOUS_GIVEN, given_names, surnames
from redaction.text.vocabulary import REPORT_ABBREVIATIONS, dictionary_words, unknown_word
from redaction.wordtrie import trie_compile

# initials before a hyphenated word, or hyphenated initials before a word: one of the two holds a hyphen
_PAIR = trie_compile(r"(?<![\w'’\-.])(?:([^\W\d_]\.?[^\W\d_]\.?)[ \t]+([^\W\d_]+-[^\W\d_]+)"
                   r"|([^\W\d_]\.?-[^\W\d_]\.?)[ \t]+([^\W\d_]+(?:-[^\W\d_]+)?))(?![\w'’\-])")
_NUMBER_BEFORE = trie_compile(r"\d[ \t]*\Z")
_NOT_INITIALS = (frozenset(w.lower() for w in REPORT_ABBREVIATIONS) | frozenset(CAPS_STOP_WORDS)
                 | frozenset(t.lower().strip(".") for t in OFFICER_TITLES)
                 | {"rp", "st", "id", "po", "dr", "mr", "ms", "jr", "sr", "wb", "eb", "nb", "sb", "aka", "dob", "bf", "gf",
                    "pd", "ok", "lt", "vs", "pc", "dv"})


def _listed(low: str) -> bool:
    return low in given_names() or low in AMBIGUOUS_GIVEN or low in surnames()


def _surname(word: str) -> bool:
    low = word.lower()
    if "-" in low:
        return all(_listed(p) for p in low.split("-"))
    return low in surnames() or unknown_word(word)


def hyphen_initials(text: str) -> list[tuple[int, int]]:
    """Spans of initials and the surname after them, no record asked (see the module doc)."""
    if "-" not in text:
        return []
    out = []
    for m in _PAIR.finditer(text):
        ini, word = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        letters = re.sub(r"[.\-]", "", ini).lower()
        if _NUMBER_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            continue
        if letters in _NOT_INITIALS or (ini.isalpha() and (letters in STOP_WORDS or letters in dictionary_words())):
            continue  # "is pierre-louis": a word; "RP MIN-JUN SMITH", "St. al-Masri": a role, a title, a saint
        if _surname(word):
            out.append(m.span())
    return out


@lru_cache(maxsize=2048)
def _record_parts(value: str) -> tuple[str, str, str] | None:
    """The two initials of ``value``'s hyphenated given name and its one-word surname, lower case; None without."""
    last, _, given = value.partition(",") if "," in value else (value.split()[-1], "", " ".join(value.split()[:-1]))
    hyphened = [w for w in given.split() if "-" in w.strip(".")]
    if not hyphened or not last.strip() or " " in last.strip():
        return None
    parts = [p for p in hyphened[0].split("-") if p]
    if len(parts) != 2:
        return None
    return parts[0][0].lower(), parts[1][0].lower(), last.strip().lower()


_INITIALS_BEFORE = trie_compile(r"(?<![\w'’\-.])([^\W\d_])(?:\.?-|\.)?([^\W\d_])\.?[ \t]+\Z")


def record_hyphen_initials(text: str, value: str) -> list[tuple[int, int]]:
    """Spans of the initials of the record ``value``'s hyphenated given name and its surname right after them ("am
    dubois" of "DUBOIS, ANNE-MARIE"), in any case, never after a number."""
    parts = _record_parts(value) if "-" in value else None
    if parts is None:
        return []
    a, b, last = parts
    low = text.lower()
    out = []
    at = low.find(last)
    while at >= 0:
        end = at + len(last)
        m = _INITIALS_BEFORE.search(text, max(0, at - 8), at)
        if m is not None and m.group(1).lower() == a and m.group(2).lower() == b and not (
                text[end:end + 1].isalnum() or text[end:end + 1] in "'’-") \
                and not _NUMBER_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            out.append((m.start(), end))
        at = low.find(last, end)
    return out
