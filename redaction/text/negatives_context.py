"""The words of one text as the precision pass (``negatives.refine``) reads them: their case, the names around
them and the spans no rule may cut (record values), with the word splitting the rules share.

Moved out of ``negatives`` so that module stays one size; ``negatives`` imports these back.
"""

from __future__ import annotations

from collections.abc import Sequence

from redaction.recognizers.words import fold
from redaction.text.names import given_names, surnames, under_half_capitals
from redaction.wordtrie import trie_compile

WORD = trie_compile(r"[^\W_]+(?:['’\-][^\W_]+)*(?:['’][sS](?![\w]))?")
POSSESSIVE = ("'s", "’s", "'S", "’S")


def low_word(word: str) -> str:
    w = fold(word).lower().strip(".,:;")
    return w[:-2] if w.endswith(("'s", "’s")) else w


def listed(low: str) -> bool:
    return low in given_names() or low in surnames()


class Context:
    """The words of one text with their case and the spans that stay whatever the rules say."""

    def __init__(self, text: str, people: Sequence[tuple[int, int]], fixed: Sequence[tuple[int, int]],
                 aliases: Sequence[tuple[int, int]] = ()) -> None:
        self.text = text
        self.alias_words = frozenset(low_word(m.group()) for s, e in aliases for m in WORD.finditer(text, s, e))
        self.words = [m.span() for m in WORD.finditer(text)]
        self.starts = {s: i for i, (s, _) in enumerate(self.words)}
        self.people = people
        self.fixed = fixed
        self._lows: dict[int, str] = {}
        self._mixed: bool | None = None

    @property
    def mixed(self) -> bool:
        """Written in mixed case (not all capitals nor all lower case): capitals there mark names."""
        if self._mixed is None:
            self._mixed = under_half_capitals(self.text)
        return self._mixed

    def word(self, i: int) -> str:
        if 0 <= i < len(self.words):
            s, e = self.words[i]
            return self.text[s:e]
        return ""

    def low(self, i: int) -> str:
        if i not in self._lows:
            self._lows[i] = low_word(self.word(i))
        return self._lows[i]

    def in_fixed(self, i: int) -> bool:
        s, e = self.words[i]
        return any(a < e and s < b for a, b in self.fixed)

    def in_person(self, i: int) -> bool:
        s, e = self.words[i]
        return any(a < e and s < b for a, b in self.people)

    def sentence_start(self, i: int) -> bool:
        before = self.text[:self.words[i][0]].rstrip(" \t\"“(")
        return not before or before[-1] in ".!?:;\n|/-"

    def name_cased(self, i: int) -> bool:
        """A capitalized word in mid-sentence of a mixed-case text: written as a name."""
        return self.mixed and self.word(i)[:1].isupper() and not self.sentence_start(i)

    def gap(self, i: int, j: int) -> str:
        """The characters between word i and word j (i < j)."""
        return self.text[self.words[i][1]:self.words[j][0]]
