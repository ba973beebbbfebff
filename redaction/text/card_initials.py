"""A surname and the initial of its given name on a card or a terse note, typed with no capitals and often no
period (``card_initials``): "subj: kowalski t / 5'10", "stop: etsitty, r - no dl", "subj j yazzie known to ofcr",
"spoke w/ j yazzie at the door", "fi: begay d and nez h", "cited dhillon j for 12500"; and a surname and a given
name joined by a slash ("subj ochoa/luis dob ...", "w/ vang/tou and lee/pheng").

After a card's label ("subj", "susp", "stop", "fi", "fi'd", "contact", "w/", "cited" ...) comes a list of people,
each a surname with a single letter before or after it, or a surname, a slash and a given name. The surname must
read as a name (``word_kind``: a listed surname, a word no vocabulary holds) and be no report word; the letter must
stand alone and, after the surname, end the entry (a comma, a slash, a dash, "and", "for", the text's end), so
"subj yazzie a male" and "subj i think" stay; "plate/vin", "his/her" are no names.
"""

from __future__ import annotations

from redaction.recognizers.words import SUFFIX_LOWER
from redaction.text.names import mixed_case
from redaction.text.vocabulary import REPORT_ABBREVIATIONS
from redaction.text.word_kinds import THINGS, word_kind
from redaction.wordtrie import trie_compile

_NAME = r"[^\W\d_]{2,}(?:['’\-][^\W\d_]+)*"
_LABEL = trie_compile(r"(?<![\w'’\-])(?i:subj|susp|stop|fi'?d|fi|f/i|contact|contacted|w/|vict?|wit|drvr|driver|occ|psgr"
                    r"|rp|assoc|cited|arr|ran)(?:[ \t]*#?\d{1,2})?[ \t]*[:\-]?[ \t]+")
# One entry: "kowalski t", "etsitty, r", "j yazzie", "j. yazzie".
_AFTER = trie_compile(r"(" + _NAME + r"),?[ \t]+([^\W\d_])(?![\w'’])\.?(?=[ \t]*(?:[,/;)\-+&]|(?i:and|n|for|at|in|on)\b|\Z))")
_SLASHED = trie_compile(r"(" + _NAME + r")/(" + _NAME + r")(?![\w'’\-/])")  # "ochoa/luis"
_BEFORE = trie_compile(r"([^\W\d_])(?:\.[ \t]*|[ \t]+)(" + _NAME + r")(?![\w'’\-])")
_JOIN = trie_compile(r"[ \t]*(?:[,/;+&]|(?i:and|n)(?![\w'’\-]))[ \t]*")
_NOT_INITIAL = frozenset({"a", "i"})  # an article or a pronoun as often as an initial, without a period


def _surname(word: str) -> bool:
    low = word.lower()
    return bool(word_kind(word)) and low not in REPORT_ABBREVIATIONS and low not in THINGS and low not in SUFFIX_LOWER


def card_initials(text: str) -> list[tuple[int, int]]:
    """Surnames and their single initials in a list after a card's label (see the module doc)."""
    if mixed_case(text):
        return []  # in mixed case the capitals mark the names and the initials; the other rules judge them
    out: list[tuple[int, int]] = []
    for m in _LABEL.finditer(text):
        pos = m.end()
        for _ in range(4):  # at most four entries
            entry = _entry(text, pos)
            if entry is None:
                break
            out += entry[0]
            join = _JOIN.match(text, entry[1])
            if join is None or join.end() == entry[1]:
                break
            pos = join.end()
    return out


def _entry(text: str, pos: int) -> tuple[list[tuple[int, int]], int] | None:
    """The spans of the entry at ``pos`` and where it ends, or None when no surname and initial stand there."""
    a = _AFTER.match(text, pos)
    if a is not None and _surname(a.group(1)):
        return [a.span(1), a.span(2)], a.end()
    s = _SLASHED.match(text, pos)
    if s is not None and _surname(s.group(1)) and _surname(s.group(2)):
        return [s.span(1), s.span(2)], s.end()
    b = _BEFORE.match(text, pos)
    if b is not None and _surname(b.group(2)) and (b.group(1).lower() not in _NOT_INITIAL or "." in b.group()):
        return [b.span(1), b.span(2)], b.end()
    return None
