"""A name right before a sex and race code, as cards and dispatch notes write a person (``coded_names``):
"susp desc: tsosie m/n 20s red hoodie", "fi: begay, darnell m/n/32", "BOLO YAZZIE M/N/40".

The code ("m/n", "f/a/19", "n/m") says a person was just named. The word before it (and a name word before that,
after a comma or a space) is taken when it reads as a name (``word_kind``) and is no report word, role, colour or
thing: "subj m/n", "driver m/h 30s", "unk m/b", "black m/b", "tall m/w", "loitering m/n" stay.
"""

from __future__ import annotations

from redaction.recognizers.words import SUFFIX_LOWER
from redaction.text.names import CUE_WORDS
from redaction.text.vocabulary import COLOURS, REPORT_ABBREVIATIONS
from redaction.text.word_kinds import THINGS, word_kind
from redaction.text.word_pos import lexicon
from redaction.wordtrie import trie_compile

_NAME = r"[^\W\d_]{2,}(?:['’\-][^\W\d_]+)*"
_CODE = trie_compile(r"(?<![\w/])(?:[mfMF]/[wbhaiounlpWBHAIOUNLP]|[wbhaiounlpWBHAIOUNLP]/[mfMF])(?:/\d{1,3}|(?![\w/]))")
_BEFORE = trie_compile(r"(?<![\w'’\-])(?:(" + _NAME + r"),?[ \t]+)?(" + _NAME + r")[ \t]+\Z")


def _reads_as_name(word: str) -> bool:
    low, kind = word.lower(), word_kind(word)
    if kind in ("surname", "given") and low in lexicon()[0]:
        return False  # "tall m/w", "young m/b": how the person looks, a dictionary adjective
    return bool(kind) and not (low in REPORT_ABBREVIATIONS or low in THINGS or low in COLOURS or low in CUE_WORDS
                               or low in SUFFIX_LOWER)


def coded_names(text: str) -> list[tuple[int, int]]:
    """The name word or two right before a sex and race code (see the module doc)."""
    out: list[tuple[int, int]] = []
    for c in _CODE.finditer(text):
        m = _BEFORE.search(text, max(0, c.start() - 60), c.start())
        if m is None or not _reads_as_name(m.group(2)):
            continue
        out.append(m.span(2))
        if m.group(1) and _reads_as_name(m.group(1)):
            out.append(m.span(1))
    return out
