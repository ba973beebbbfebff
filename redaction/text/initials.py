"""Initials of the record's own people, found in its narrative ("COMPLAINANT FOX, HEATHER ... HF STATES"), and
lists of a family's initials ("SHALL NOT CONTACT GARCÍA-LÓPEZ, ANASTASIA, RG OR JG": the children by initials beside
the mother's surname).

Why: agencies that abbreviate people in summaries (Philadelphia-style complaint summaries) write the
complainant or a relative as two capitals. A generic two-capital rule cannot tell "HF" from "PD", but the
record's own name fields can: the initials of a person named in the record are that person wherever they
stand in the record's text. Only upper-case forms are matched ("HF", "H.F.", "H. F."), never inside a
word; initials that are also a common word ("AS", "NO") need a cue or a following statement verb, so
"SUCH AS" stays.

Children are written by their own initials, which no record field holds, next to a parent's name: two or more
pairs of capitals joined by "OR", "AND", "&" or commas, all ending in the same letter, the first letter of a
surname the record or the text names ("RG OR JG" beside "GARCÍA-LÓPEZ"). Police abbreviations do not make such a
list ("DV OR PC" end in different letters; "RP" alone is no list).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from redaction.text.names import PARTICLES

_WORD = re.compile(r"[^\W\d_]+")
_PARTICLES = PARTICLES | {"mac", "an", "st"}
# Two-letter words that are also initials: matched only with a statement verb after or a cue before.
_COMMON = frozenset({
    "am", "an", "as", "at", "be", "by", "do", "go", "he", "hi", "if", "in", "is", "it", "me", "my", "no",
    "of", "oh", "ok", "on", "or", "so", "to", "up", "us", "we", "pd", "po", "id", "tv", "pm", "dl", "ne",
    "nw", "se", "sw", "st", "rd", "dr", "mr", "ms", "lt",
})
_AFTER = re.compile(r"(?:'S\b|\s+(?:STATES|STATED|SAID|SAYS|WAS|IS|DENIES|DENIED|CONFIRMED|REPORTED|ALLEGES|"
                    r"ADVISED|CLAIMS|CLAIMED|WAS|HAD|HAS|AND\s+[A-Z]{2}\b|\())")
_BEFORE = re.compile(r"(?:COMPLAINANT|WITNESS|VICTIM|SUBJECT|ACCORDING\s+TO|OFFICER|P/?O|P\.O\.|SGT\.?|"
                     r"LT\.?|DET\.?|CPL\.?|MOTHER|FATHER|PARENT|SISTER|BROTHER|SIBLING|SPOUSE|SON|DAUGHTER)"
                     r",?\s+$")


def name_parts(value: str) -> tuple[str, list[str]] | None:
    """(given name, surname words) of a record value written "LAST, FIRST M" or "First M Last"."""
    if "," in value:
        last, _, rest = value.partition(",")
        given = _WORD.findall(rest)
        surname = _WORD.findall(last)
    else:
        words = _WORD.findall(value)
        if len(words) < 2:
            return None
        given, surname = words[:1], words[1:]
        while len(surname) > 1 and surname[0].lower() not in _PARTICLES and len(surname[0]) == 1:
            surname = surname[1:]  # a middle initial
        while len(surname) > 1 and surname[0].lower() not in _PARTICLES:
            surname = surname[1:]  # middle names: the surname is the last word and its particles
    if not given or not surname:
        return None
    return given[0], surname


def initials_of(value: str) -> set[str]:
    """Upper-case two-letter initials a narrative may use for the person ``value``: given then surname.

    A surname with particles gives both its first letter and its main word's ("DA SILVA" -> D and S).
    """
    parts = name_parts(value)
    if parts is None:
        return set()
    given, surname = parts
    firsts = {surname[0][0]}
    main = [w for w in surname if w.lower() not in _PARTICLES]
    if main:
        firsts.add(main[0][0])
    return {(given[0] + s).upper() for s in firsts if given[0].isalpha() and s.isalpha()}


@lru_cache(maxsize=2048)
def _initials_regex(ini: str) -> re.Pattern[str]:
    """The regex of two initials ("HF", "H.F.", "H. F"), compiled once per pair: the per-record value regexes
    fill ``re``'s own cache and would otherwise evict these (at most 26 x 26 pairs in Latin letters)."""
    a, b = re.escape(ini[0]), re.escape(ini[1])
    return re.compile(r"(?<![\w.])" + a + r"(?:\.\s?)?" + b + r"\.?(?![\w])")


def initials_spans(text: str, values: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of the record people's initials in ``text`` (upper case, with or without dots)."""
    out: list[tuple[int, int]] = []
    for ini in sorted({i for v in values for i in initials_of(v)}):
        for m in _initials_regex(ini).finditer(text):
            end = m.end() - 1 if m.group().endswith(".") and len(m.group()) <= 3 else m.end()
            if ini.lower() in _COMMON and not (_AFTER.match(text, m.end()) or _BEFORE.search(text, 0, m.start())):
                continue
            out.append((m.start(), end))
    return out


_PAIR_LIST = re.compile(r"(?<![\w./])[A-Z]{2}(?:(?:\s*,\s*|\s+(?:OR|AND|or|and|&)\s+|\s*&\s*|\s*/\s*)[A-Z]{2})+"
                        r"(?![\w/])")
_PAIR = re.compile(r"[A-Z]{2}")


def initials_lists(text: str, name_words: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of the pairs of a family's initials list ("RG OR JG") whose common last letter opens one of
    ``name_words`` (the surnames and names the record or the text holds)."""
    letters = {w[0].upper() for w in name_words if w and w[0].isalpha()}
    out: list[tuple[int, int]] = []
    for m in _PAIR_LIST.finditer(text):
        pairs = [p for p in _PAIR.finditer(text, m.start(), m.end()) if p.group() not in ("OR", "AN")]
        if len(pairs) < 2 or len({p.group()[1] for p in pairs}) != 1 or pairs[0].group()[1] not in letters:
            continue
        out.extend(p.span() for p in pairs)
    return out
