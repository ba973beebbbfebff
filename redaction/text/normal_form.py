"""The one form the redactor reads and writes texts and record values in, whatever form an export wrote them in.

* Unicode's composed form (NFC): "José" typed as "e" and a combining accent (NFD, as Mac-made files and some
  records systems write it) is the one letter "é" that the patterns, name lists and NER read as part of a name.
* Plain spacing (``_PLAIN_SPACING``): Unicode's space separators (no-break, thin, ideographic spaces) are " ", line
  and paragraph separators "\n", the hyphen and no-break hyphen "-" ("Anne\u2011Marie"); zero-width spaces, word
  joiners, byte-order marks and soft hyphens go (they split a name's letters: "Kev\u200bin"). The joiners that
  shape a script or an emoji (U+200C, U+200D) stay.
* HTML character references that web forms leave in a text (``&nbsp;``, ``&#39;``, ``&ntilde;``) are the
  characters they stand for when that is a letter, a space, a quote, a dash or "&" ("O&#39;Brien", "Pe&ntilde;a");
  never "<" or ">", so that no escaped markup comes back to life.
* A backtick between two letters is the apostrophe a keyboard missed ("O`BRIEN", "D`Arcy").

Spans and outputs refer to this form; a text already in it (most ASCII text) is returned unchanged.
"""

from __future__ import annotations

import html
import re
import unicodedata

from redaction.wordtrie import trie_compile

_PLAIN_SPACING = {cp: " " for cp in range(0x80, 0x3001) if unicodedata.category(chr(cp)) == "Zs"} | {
    0x2028: "\n", 0x2029: "\n", 0x2010: "-", 0x2011: "-", 0x200B: None, 0x2060: None, 0xFEFF: None, 0x00AD: None}
_REFERENCE = trie_compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_QUOTES_AND_DASHES = frozenset("'\"&-\u2018\u2019\u201c\u201d\u2013\u2014")
_BACKTICK = trie_compile(r"(?<=[^\W\d_])`(?=[^\W\d_])")


def _character(m: re.Match[str]) -> str:
    """The character a reference stands for, when it is one a name or a sentence is written with; else as written."""
    char = html.unescape(m.group())
    if len(char) == 1 and (char.isalpha() or char.isspace() or char in _QUOTES_AND_DASHES):
        return char
    return m.group()


def normal_form(text: str) -> str:
    """``text`` as the redactor reads and writes it (see the module docstring)."""
    if "&" in text and ";" in text:
        text = _REFERENCE.sub(_character, text)
    if "`" in text:
        text = _BACKTICK.sub("'", text)
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text).translate(_PLAIN_SPACING)
