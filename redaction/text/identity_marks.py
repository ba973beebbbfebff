"""Two more cues that keep apart two people whose words are the same (``identity_apart``'s, continued), and one that
says a full name without a rank is an officer's.

* **Another title in the same sentence**: "Dr. Lee examined Mr. Lee", "Sgt. Ruiz and Ofc. Ruiz responded": one
  sentence naming a surname twice under two different titles or ranks names two people (across sentences a writer
  may well call one officer "Ofc." and later "Officer", which are one rank here).
* **Another age**: "Lamar Cole, 38, and Lamar Cole, 17, were detained": the same full name with two different ages
  in apposition is two people (a father and a son, most often).
* **An officer's duty after a full name**: "Rosa Diaz responded", "Rosa Diaz was dispatched", "Rosa Diaz arrived
  on scene": the full name is an officer's, so a later "Ofc. Diaz" is that person (``identity_apart``'s rank rule
  reads it as a badge after the name).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from redaction.wordtrie import trie_compile


class Mention(Protocol):
    """What these cues read of a mention (``identity_apart.Mention``)."""

    lone: bool
    start: int
    end: int
    sentence: int


class Person(Protocol):
    """What these cues read of a person met so far (``identity_apart.Person``)."""

    starts: list[int]


class Context(Protocol):
    """What these cues read of the text (``identity_apart.Context``)."""

    text: str
    met: dict[int, list[tuple[int, frozenset[str]]]]
    every_end: dict[int, int]

_MARK = trie_compile(r"(?<![\w/])(dr|doctor|mr|mrs|ms|miss|mx|sgt|sergeant|ofc|officer|p/?o|det|detective|lt|"
                   r"lieutenant|cpl|corporal|capt|captain|dep|deputy|cmdr|commander|agent|tpr|trooper|judge|nurse)"
                   r"\.?[ \t]+\Z", re.IGNORECASE)
_ONE_RANK = {"doctor": "dr", "officer": "ofc", "po": "ofc", "p/o": "ofc", "sergeant": "sgt", "detective": "det",
             "lieutenant": "lt", "corporal": "cpl", "captain": "capt", "deputy": "dep", "commander": "cmdr",
             "trooper": "tpr"}
_AGE = trie_compile(r"[ \t]*(?:,[ \t]*(?:age[ \t]*)?|\([ \t]*(?:age[ \t]*)?)(\d{1,2})[ \t]*(?:,|\)|yo\b|y/o\b|yrs\b)",
                  re.IGNORECASE)
_DUTY = trie_compile(r"[ \t]+(?:responded|was[ \t]+dispatched|were[ \t]+dispatched|arrived[ \t]+on[ \t]+scene|"
                   r"was[ \t]+the[ \t]+(?:reporting|responding|assisting|arresting)[ \t]+officer)\b", re.IGNORECASE)


def mark_before(text: str, s: int) -> str:
    """The title or rank right before ``s`` ("dr", "mr", "sgt", "ofc" for "Officer" too), or ""."""
    m = _MARK.search(text, max(0, s - 14), s)
    if m is None:
        return ""
    word = m.group(1).lower()
    return _ONE_RANK.get(word, word)


def age_after(text: str, e: int) -> str:
    """The age in apposition right after a name ending at ``e`` (", 38,", "(17)"), or ""."""
    m = _AGE.match(text, e)
    return m.group(1) if m else ""


def duty_after(text: str, e: int) -> bool:
    """An officer's duty right after a name ending at ``e`` ("responded", "was dispatched")."""
    return _DUTY.match(text, e) is not None


def other_marks(m: Mention, cands: list[int], persons: Sequence[Person], ctx: Context) -> list[int]:
    """``cands`` without the people met in the same sentence under another title (a lone mention), or written
    with another age (a full name)."""
    text = ctx.text
    if m.lone:
        mark = mark_before(text, m.start)
        met = ctx.met.get(m.sentence)
        if not mark or not met:
            return cands
        here = {pid for pid, _ in met}
        return [k for k in cands if k not in here or not persons[k].starts
                or mark_before(text, persons[k].starts[-1]) in ("", mark)]
    age = age_after(text, m.end)
    if not age:
        return cands
    return [k for k in cands if all(age_after(text, ctx.every_end.get(s, s)) in ("", age) for s in persons[k].starts)]
