"""Names spelled with Vietnamese letters ("Nguyễn Văn Thành", "trần thị lan", "ĐỖ", "Lê Văn Hùng"), in any casing.

Why: folded to plain letters a Vietnamese name is often an English word ("Hùng" is "hung", "Đỗ" is "do", "Lê" is
"le"), so the name lists and the dictionary call it a word, and the NER stops a name at its first accented syllable.
A letter only Vietnamese spells (ă, đ, ơ, ư, and the vowels with a dot below or a hook or tone marks stacked on a
circumflex or breve: U+1EA0 to U+1EF9) says the word is Vietnamese, and in an English narrative a Vietnamese word is a
name; the run of words around it that carry an accent, or are capitalized listed or unknown names in mixed-case text,
is the whole name. The
titles and kin terms said before a name ("ông", "bà", "chị"), places, dishes and the commonest words of a quoted
sentence (``data/vietnamese_words.txt``) are no name and end the run.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from redaction.recognizers.words import word_list
from redaction.text.names import CUE_WORDS, given_names, mixed_case, surnames
from redaction.text.vocabulary import unknown_word
from redaction.wordtrie import trie_compile

_VIETNAMESE = trie_compile(r"[ăđơưĂĐƠƯ\u1ea0-\u1ef9]")
_WORD = trie_compile(r"[^\W\d_]+")
_SPACE = trie_compile(r"[ \t]+")
_MAX_WORDS = 4


@lru_cache(maxsize=1)
def vietnamese_words() -> frozenset[str]:
    """Vietnamese words that are no name (``data/vietnamese_words.txt``), lower case."""
    return word_list(os.path.join(os.path.dirname(__file__), "data", "vietnamese_words.txt"))


def _part(word: str, mixed: bool) -> bool:
    """A word that continues a Vietnamese name: an accent, or a capital in mixed-case text; no function word."""
    low = word.lower()
    if low in vietnamese_words() or low in STOP_WORDS or low in CUE_WORDS:
        return False
    if not word.isascii():
        return True
    return mixed and word[:1].isupper() and not word.isupper() and (
        unknown_word(word) or low in given_names() or low in surnames())


def vietnamese_names(text: str) -> list[tuple[int, int]]:
    """Spans of the runs of name words around a Vietnamese-spelled word (see the module doc)."""
    if text.isascii() or _VIETNAMESE.search(text) is None:
        return []
    words = list(_WORD.finditer(text))
    mixed = mixed_case(text)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        w = words[i]
        if _VIETNAMESE.search(w.group()) is None or w.group().lower() in vietnamese_words():
            i += 1
            continue
        lo = hi = i
        while lo > 0 and hi - lo + 1 < _MAX_WORDS and _joined(text, words[lo - 1], words[lo]) \
                and _part(words[lo - 1].group(), mixed):
            lo -= 1
        while hi + 1 < len(words) and hi - lo + 1 < _MAX_WORDS and _joined(text, words[hi], words[hi + 1]) \
                and _part(words[hi + 1].group(), mixed):
            hi += 1
        out.append((words[lo].start(), words[hi].end()))
        i = hi + 1
    return out


def _joined(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    """Only spaces between two words (no comma, no line break)."""
    return _SPACE.fullmatch(text, a.end(), b.start()) is not None
