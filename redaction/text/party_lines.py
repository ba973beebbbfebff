"""A party on its own line of an export form or card: a role label at the line's start, ":", "/" or " - ", then the
party's name to the line's end ("SUSP - Ngozi Ochoa", "rp - haddad, tamika e.", "PASS/ Nguyen, Xiaoling D.",
"vict: aaliyah d balogun", "W2:Xiaoling R. Lopez").

Why: records systems and officers typing cards put one party a line. The name there may be in any casing, in either
order, with a middle initial and no period; no sentence surrounds it, so neither the NER nor a sentence rule reads
it, and the NER ran such a name into the next line's label ("LOPEZ, MARIA\\nW"). After a listed role label
(``data/party_labels.txt``) at a line's start, a line's rest of two to four words, each a single initial or a word
that reads as a name (``word_kinds.word_kind``) and none a function or report word, is a person's name. "W: none",
"V: unknown", "S - 2 males", "P: refused to give name" are no names: one word that fails keeps the line.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, word_list
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile

_NAME = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_INITIAL = trie_compile(r"[^\W\d_]\.?\Z")
_WORD = trie_compile(_NAME + r"\.?")


@lru_cache(maxsize=1)
def party_labels() -> frozenset[str]:
    """The role labels of ``data/party_labels.txt``, lower case."""
    return word_list(os.path.join(os.path.dirname(__file__), "data", "party_labels.txt"))


@lru_cache(maxsize=1)
def _line() -> re.Pattern[str]:
    """A labelled line: the label (and its number), the separator, then the rest of the line (group ``rest``)."""
    alternation = "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(party_labels(), key=len, reverse=True))
    return re.compile(r"[ \t]*(?i:" + alternation + r")(?:[ \t]?-?[ \t]?#?\d{1,2})?"
                      r"(?:[ \t]*[:/][ \t]*|[ \t]+-[ \t]+)(?P<rest>[^\n]*)")


def _name_words(rest: str) -> list[re.Match[str]] | None:
    """The words of a line's rest that make a name: "surname, given [initial]" or "given [initial] surname"."""
    words = list(_WORD.finditer(rest))
    if not 2 <= len(words) <= 4 or rest[words[-1].end():].strip(" \t.,") or rest[:words[0].start()].strip():
        return None  # more after the name ("(W/M 34)", "DOB ..."), or something before it
    between = [rest[a.end():b.start()] for a, b in zip(words, words[1:], strict=False)]
    if any(sep.strip() not in ("", ",") for sep in between) or sum("," in sep for sep in between) > 1:
        return None
    names = [w.group().rstrip(".") for w in words if not _INITIAL.match(w.group())]
    ok = bool(names) and all(word_kind(w) and w.lower() not in STOP_WORDS and w.lower() not in CAPS_STOP_WORDS
                             and w.lower() not in NOT_NAME_WORDS for w in names)
    return words if ok else None


def label_before(text: str, start: int, end: int) -> int:
    """``start``, or where the name starts when ``start:end`` opens with a role label and its "/", ":" or " - " ("RP/
    Lopez", "V - Brooks", as the NER reads a card's line)."""
    m = _LABEL_OPENING.match(text, start, end)
    return m.end() if m is not None and m.group(1).lower() in party_labels() and m.end() < end else start


_LABEL_OPENING = trie_compile(r"([^\W\d_]{1,10}(?:/[^\W\d_])?)(?:[ \t]?[/:][ \t]*|[ \t]+-[ \t]+)")


def party_line_names(text: str) -> list[tuple[int, int]]:
    """Spans of the names on labelled party lines (see the module doc)."""
    out: list[tuple[int, int]] = []
    line = _line()
    start = 0
    while start != -1:
        m = line.match(text, start)
        words = _name_words(m.group("rest")) if m is not None else None
        if m is not None and words is not None:
            base = m.start("rest")
            out.append((base + words[0].start(), base + words[-1].end() - words[-1].group().endswith(".")))
        start = text.find("\n", start)
        start = start + 1 if start != -1 else -1
    return out
