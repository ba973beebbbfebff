"""Spanish courtesy titles ("Sra. Rosa Maldonado", "Sr. Ochoa", "Srta. Ana", "Doña Elena Reyes", "Don Ramon Ibarra").

* ``spanish_titled``: the one or two name words after a title, in any casing: a title says a name follows
  ("Spoke with Sra. Maldonado"). "Sr." (also "senior") and "Don" (also a given name, "Don Whitaker") take a name
  only when it reads as one: after "Sr." a name word, after "Don" a listed given name ("Don Ramon").
* ``title_trim``: a found name that opens with such a title loses the title ("[Sra.] Rosa Maldonado"); the title
  alone ("Srta") is no name. "Don" is a title only before a listed given name ("Don Ramon Ibarra"); "Don Whitaker"
  stays one name.
"""

from __future__ import annotations

import re
from dataclasses import replace

from redaction.text.candidates import Cand
from redaction.text.names import given_names
from redaction.text.vocabulary import NARRATIVE_VERBS, unknown_word
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile

_NAME = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_TITLED = trie_compile(r"(?<![\w'’\-./])(?i:(srta|sra|sr|do[ñn]a|don))(\.?)[ \t]+(" + _NAME + r")(?:[ \t]+(" + _NAME + r"))?")
_TITLE_START = trie_compile(r"(?i:(srta|sra|sr|do[ñn]a|don))(\.?)(?:(?<=\.)[ \t]*|[ \t]+)(?=[^\W\d_])")
_GATE = trie_compile(r"(?:sr|sra|srta|don|dona|doña)[. \t]")
_TITLE_ALONE = frozenset({"sra", "srta", "dona", "doña"})


def _reads_as_name(word: str, mixed: bool) -> bool:
    return bool(word_kind(word)) or unknown_word(word) or (mixed and word[:1].isupper() and not word.isupper())


def _name_word(word: str, mixed: bool) -> bool:
    low = word.lower()
    return low not in NARRATIVE_VERBS and len(low) > 1 and _reads_as_name(word, mixed)


def _titled(title: str, dot: str, word: str) -> bool:
    """Whether ``title`` before ``word`` is a courtesy title (see the module doc)."""
    if title == "don":
        return word.lower() in given_names()
    return title != "sr" or dot == "."


def spanish_titled(text: str) -> list[tuple[int, int]]:
    """The name words after a Spanish courtesy title (see the module doc)."""
    if _GATE.search(text.lower()) is None:
        return []  # the cheap test first: no title
    out: list[tuple[int, int]] = []
    mixed = None
    for m in _TITLED.finditer(text):
        title, dot, first, second = m.group(1).lower(), m.group(2), m.group(3), m.group(4)
        if not _titled(title, dot, first):
            continue
        if mixed is None:
            mixed = any(c.islower() for c in text) and any(c.isupper() for c in text)
        if not _name_word(first, mixed):
            continue
        end = m.end(4) if second is not None and _name_word(second, mixed) else m.end(3)
        out.append((m.start(3), end))
    return out


def title_trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """``(start, end)`` without a Spanish title at its start; None when the span is a title alone ("Srta")."""
    m = _TITLE_START.match(text, start, end)
    if m is None:
        low = text[start:end].rstrip(".").lower()
        return None if low in _TITLE_ALONE else (start, end)
    nxt = re.match(_NAME, text[m.end():end])
    if nxt is None or not _titled(m.group(1).lower(), m.group(2), nxt.group()):
        return (start, end)
    return (m.end(), end)


def trim_titles(text: str, chosen: list[Cand]) -> list[Cand]:
    """Detected names (not record values) without a Spanish title at their start; a title alone goes."""
    if _GATE.search(text.lower()) is None or not any(c.entity == "PERSON" and c.priority == 1 for c in chosen):
        return chosen  # no title in the text, or no name found by a rule
    out = []
    for c in chosen:
        got = title_trim(text, c.start, c.end) if c.entity == "PERSON" and c.priority == 1 \
            and text[c.start] in "SsDd" else (c.start, c.end)
        if got is not None:
            out.append(c if got == (c.start, c.end) else replace(c, start=got[0], end=got[1]))
    return out
