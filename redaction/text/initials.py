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

from collections.abc import Iterable

from redaction.text.names import PARTICLES
from redaction.wordtrie import trie_compile

_WORD = trie_compile(r"[^\W\d_]+")
_PARTICLES = PARTICLES | {"mac", "an", "st"}
# Two-letter words that are also initials: matched only with a statement verb after or a cue before.
_COMMON = frozenset({
    "am", "an", "as", "at", "be", "by", "do", "go", "he", "hi", "if", "in", "is", "it", "me", "my", "no",
    "of", "oh", "ok", "on", "or", "so", "to", "up", "us", "we", "pd", "po", "id", "tv", "pm", "dl", "ne",
    "nw", "se", "sw", "st", "rd", "dr", "mr", "ms", "lt",
})
_AFTER = trie_compile(r"(?:'S\b|\s+(?:STATES|STATED|SAID|SAYS|WAS|IS|DENIES|DENIED|CONFIRMED|REPORTED|ALLEGES|"
                    r"ADVISED|CLAIMS|CLAIMED|WAS|HAD|HAS|AND\s+[A-Z]{2}\b|\())")
_BEFORE = trie_compile(r"(?:COMPLAINANT|WITNESS|VICTIM|SUBJECT|ACCORDING\s+TO|OFFICER|P/?O|P\.O\.|SGT\.?|"
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


def _word_char(c: str) -> bool:
    """``re``'s ``\\w`` for one character (empty: the text's end)."""
    return c != "" and (c.isalnum() or c == "_")


def _pair_end(text: str, p: int, b: str) -> int:
    """Where ``a(?:\\.\\s?)?b\\.?(?!\\w)`` matching at ``p`` (``text[p]`` is ``a``) ends, or -1: the regex's own
    backtracking order ("H. F", then "H.F", then "HF"; a trailing dot when no word character follows it)."""
    q = p + 1
    tries = [q] if text[q:q + 1] != "." else ([q + 2] if text[q + 1:q + 2].isspace() else []) + [q + 1, q]
    for r in tries:
        if text[r:r + 1] == b:
            s = r + 1
            if text[s:s + 1] == "." and not _word_char(text[s + 1:s + 2]):
                return s + 1
            if not _word_char(text[s:s + 1]):
                return s
    return -1


def _initials_matches(text: str, ini: str) -> list[tuple[int, int]]:
    """What ``re.finditer(r"(?<![\\w.])a(?:\\.\\s?)?b\\.?(?!\\w)", text)`` finds for the pair ``ini`` = ab ("HF",
    "H.F.", "H. F"), without compiling a regex per pair (a cold process met hundreds of pairs, ~0.2 ms each)."""
    a, b = ini[0], ini[1]
    out: list[tuple[int, int]] = []
    p = text.find(a)
    while p >= 0:
        end = -1 if p > 0 and (_word_char(text[p - 1]) or text[p - 1] == ".") else _pair_end(text, p, b)
        if end > p:
            out.append((p, end))
        p = text.find(a, max(end, p + 1))
    return out


def initials_spans(text: str, values: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of the record people's initials in ``text`` (upper case, with or without dots)."""
    out: list[tuple[int, int]] = []
    for ini in sorted({i for v in values for i in initials_of(v)}):
        for start, stop in _initials_matches(text, ini):
            end = stop - 1 if text[stop - 1] == "." and stop - start <= 3 else stop
            if ini.lower() in _COMMON and not (_AFTER.match(text, stop) or _BEFORE.search(text, 0, start)):
                continue
            out.append((start, end))
    return out


_PAIR_LIST = trie_compile(r"(?<![\w./])[A-Z]{2}(?:(?:\s*,\s*|\s+(?:OR|AND|or|and|&)\s+|\s*&\s*|\s*/\s*)[A-Z]{2})+"
                        r"(?![\w/])")
_PAIR = trie_compile(r"[A-Z]{2}")


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
