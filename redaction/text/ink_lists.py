"""Names in a list of tattoos, each with the place it is inked ("TATTOOS: RIP TONY R HAND, MARIA L FOREARM",
"tat: maria on neck; rip tony r arm"), and the end of a name the NER ran into such a place.

Why: a field card lists marks as "<the words inked> <side> <body part>", item after item, with no quotes and no
cue word before a name ("RIP" is one only for the first). ``tattoo_names`` takes a name after a cue word; here the
place after the ink proves the shape: each item of the list after "tattoo(s)"/"tat(s)" up to the end of the sentence
is cut before its place (``data/body_places.txt``, after an optional "on"/"at", a side "L"/"R"/"LT"/"RT"/"left"/
"right"/"upper"), and the last one or two words left are a name when they read as one (``word_kinds.word_kind``;
never a gang word of ``data/gang_words.txt``: "NORTE R HAND", nor a cue or common word: "LOVE"; nor after an
article: "a rose on left arm").
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from redaction.recognizers.words import word_list
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile

_TATS = trie_compile(r"(?<![\w'’\-])(?:tatt?oos?|tats?)(?:[ \t]+(?:of|on|reading|reads|that[ \t]+reads?))?[ \t]*[:\-]?"
                     r"[ \t]+", re.IGNORECASE)
_END = trie_compile(r"\.(?:\s|\Z)|[\n!?]|\Z")
_ITEM_SEP = trie_compile(r"[,;/]|[ \t]+(?:and|&)[ \t]+", re.IGNORECASE)
_WORD = trie_compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SIDES = frozenset({"l", "r", "lt", "rt", "left", "right", "upper", "lower", "inner", "outer", "both"})
_PLACE_LEADS = frozenset({"on", "at", "across", "over", "under", "behind", "of"})
_CUES = frozenset({"rip", "r.i.p", "loves", "love", "mom", "mama", "dad", "baby", "forever", "in", "memory", "the",
                   "name", "names", "and", "with", "tattoo", "tattoos", "tat", "tats", "of", "reading", "reads", "a"})
_NAME_KINDS = ("strong", "weak", "given")
_ARTICLES = frozenset({"a", "an", "the", "his", "her", "their"})
_PLACE_IN_SPAN = trie_compile(r"[ \t]+(?:(?:on|at)[ \t]+)?(?:l|r|lt|rt|left|right)\.?[ \t]+([^\W\d_]+)", re.IGNORECASE)


@lru_cache(maxsize=1)
def body_places() -> frozenset[str]:
    return word_list(os.path.join(os.path.dirname(__file__), "data", "body_places.txt"))


@lru_cache(maxsize=1)
def gang_words() -> frozenset[str]:
    return word_list(os.path.join(os.path.dirname(__file__), "data", "gang_words.txt"))


def ink_list_names(text: str) -> list[tuple[int, int]]:
    """Name spans inked in the items of a tattoo list (see the module doc); "tat" in the text gates the regex."""
    if "tat" not in text and "TAT" not in text and "Tat" not in text:
        return []
    out: list[tuple[int, int]] = []
    for t in _TATS.finditer(text):
        end = _END.search(text, t.end())
        stop = end.start() if end is not None else len(text)
        pos = t.end()
        while pos < stop:
            sep = _ITEM_SEP.search(text, pos, stop)
            out += _item_name(text, pos, sep.start() if sep else stop)
            pos = sep.end() if sep else stop
    return out


def _item_name(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The inked name of one item ("RIP TONY R HAND" -> "TONY"), when a body place ends the item."""
    words = list(_WORD.finditer(text, start, end))
    places = body_places()
    cut = next((i for i, w in enumerate(words) if i and w.group().lower() in places), None)
    if cut is None:
        return []
    while cut and (words[cut - 1].group().lower() in _SIDES or words[cut - 1].group().lower() in _PLACE_LEADS):
        cut -= 1
    ink = words[:cut][-2:]
    if not ink or ink[0].group().lower() in _CUES or len(words[:cut]) > 4:
        ink = ink[1:]
    if ink and any(w.group().lower() in _ARTICLES for w in words[:cut]):
        return []  # "tattoo of a rose on left arm": a drawn thing
    ink = [w for w in ink if _inked_name(w.group())]
    return [(ink[0].start(), ink[-1].end())] if ink else []


def _inked_name(word: str) -> bool:
    low = word.lower()
    return len(low) >= 2 and low not in _CUES and low not in gang_words() and word_kind(word) in _NAME_KINDS


def off_body_places(text: str, start: int, end: int) -> tuple[int, int]:
    """A name span without the body places a tattoo list put around it: "TONY R HAND" -> "TONY", "HAND, MARIA L"
    (read as "surname, given initial") -> "MARIA"; only in a text that speaks of tattoos (the cheap test first)."""
    if "tat" not in text and "TAT" not in text and "Tat" not in text:
        return start, end
    if start < end and (text[start].isupper() or text[start].islower()):
        first = _WORD.match(text, start)
        side = _SIDE_BEFORE.search(text, max(0, start - 8), start)
        if first is not None and side is not None and first.group().lower() in body_places():
            nxt = _WORD.search(text, first.end(), end)
            if nxt is None:
                return start, start
            start = nxt.start()
    end = _before_body_place(text, start, end)
    last = _LAST_SIDE.search(text, start, end)
    if last is not None and (after := _WORD.match(text, end + 1)) is not None and after.group().lower() in body_places():
        end = last.start()
    return start, end


_SIDE_BEFORE = trie_compile(r"(?<![\w'’\-])(?:l|r|lt|rt|left|right)\.?[ \t]+\Z", re.IGNORECASE)
_LAST_SIDE = trie_compile(r"[ \t]+(?:l|r|lt|rt|left|right)\.?\Z", re.IGNORECASE)


def _before_body_place(text: str, start: int, end: int) -> int:
    """The end of a name the NER ran into a body place ("TONY R HAND, MARIA L" -> "TONY")."""
    m = _PLACE_IN_SPAN.search(text, start, end)
    while m is not None:
        if m.group(1).lower() in body_places():
            return m.start()
        m = _PLACE_IN_SPAN.search(text, m.end(1), end)
    return end


def side_body_place(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a body place after a side ("R HAND", "left arm"): never a surname beside a name."""
    return text[start:end].lower() in body_places() and _SIDE_BEFORE.search(text, max(0, start - 8), start) is not None
