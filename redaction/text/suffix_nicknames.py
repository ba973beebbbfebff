"""Nicknames a man gets from his generational suffix: "Junior" or "JR" of a JR, "Trey", "Tre", "Tripp" of a III,
"Deuce" of a II (``data/suffix_nicknames.tsv``). A record name ending in the suffix ("PRICE, MARCUS JR",
"WELLS, ANTHONY III") brings them with its given name's nicknames (``variants.name_nicknames``); most are everyday
words ("junior high", "rolled a deuce", "a trip"), so they are all taken as everyday nicknames: before a narrative
verb ("JR RAN", "deuce pulled a knife") or Title case inside a sentence, never alone in any case."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from redaction.wordtrie import trie_compile

_DATA = Path(__file__).resolve().parent / "data" / "suffix_nicknames.tsv"
_WORD = trie_compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    """suffix -> its nicknames, lower case."""
    table: dict[str, set[str]] = {}
    with open(_DATA, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(cols) < 2 or cols[0] == "suffix":
                continue
            table.setdefault(cols[0].strip().lower(), set()).add(cols[1].strip().lower())
    return {k: frozenset(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def suffix_words() -> frozenset[str]:
    """Every nickname of the table: everyday nicknames (``variants.ordinary_nickname``)."""
    return frozenset().union(*_table().values())


def suffix_nicknames(value: str) -> frozenset[str]:
    """The nicknames of a record name's generational suffix, a word after its first ("PRICE, MARCUS JR",
    "PRICE JR, MARCUS" -> "junior", "jr"); none for a name without one. Lower case."""
    table = _table()
    low = value.lower()
    if not any(k in low for k in table):
        return frozenset()  # most names hold no suffix: no word split
    return frozenset().union(*(table.get(w, frozenset()) for w in _WORD.findall(low)[1:]))


def suffix_forms(suffix: str) -> frozenset[str]:
    """The nicknames of one suffix ("jr" -> "junior", "jr"), lower case: a person written "Marcus Price Jr." is the
    "Junior" of the same text (``identity.number_people``)."""
    return _table().get(suffix.lower(), frozenset())
