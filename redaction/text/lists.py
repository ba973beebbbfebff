"""Lists of people written ``surname, given; surname, given`` after a label ("Involved: rivers, joy; banks, precious").

Each item alone may be two everyday words ("rivers, joy"), which no single-item rule can take; a list of two or more
such items separated by semicolons, every item two words of which one reads as a name and neither is a function or report word (``positions.word_kind``), is a list of
people, in any casing.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from redaction.recognizers.words import CAPS_STOP_WORDS
from redaction.text.positions import word_kind
from redaction.wordtrie import trie_compile

_NAME = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_ITEM = trie_compile(r"[ \t]*(" + _NAME + r"),[ \t]*(" + _NAME + r")[ \t]*(;|(?=[.\n]|\Z))")
_START = trie_compile(r"[:;]")


def _item(surname: str, given: str) -> bool:
    """Two words that may be a person's: one reads as a name, neither is a function or report word."""
    words = (surname.lower(), given.lower())
    return any(word_kind(w) for w in (surname, given)) and not any(w in STOP_WORDS or w in CAPS_STOP_WORDS for w in words)


def semicolon_items(item: re.Pattern[str], text: str, pos: int, sep: int) -> list[re.Match[str]]:
    """The items of a list from ``pos`` on: matches of ``item`` one after another while each ends with ";" (its group
    ``sep``); the first that ends otherwise is the last."""
    items: list[re.Match[str]] = []
    while (it := item.match(text, pos)) is not None:
        items.append(it)
        pos = it.end()
        if it.group(sep) != ";":
            break
    return items


def semicolon_lists(text: str) -> list[tuple[int, int]]:
    """Spans of every item (surname to given name) of a ``surname, given;`` list of two or more items (see the module doc)."""
    if text.count(";") < 1:
        return []
    out: list[tuple[int, int]] = []
    for m in _START.finditer(text):
        if m.group() == ";" and out and out[-1][1] > m.start():
            continue
        items = semicolon_items(_ITEM, text, m.end(), 3)
        if len(items) >= 2 and all(_item(it.group(1), it.group(2)) for it in items):
            out.extend((it.start(1), it.end(2)) for it in items)
    return sorted(set(out))
