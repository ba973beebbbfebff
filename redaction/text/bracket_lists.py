"""The next person of a list where each is written "SURNAME (NICKNAME)": "ASSOCIATES: BEGAY (TINY), TRAN (SMOKE),
OCHOA (BOO)", "associates: begay (tiny), king (boo)".

Why: a gang card lists a subject's associates each with a moniker in brackets; a surname that is a word too ("king",
"ochoa" in the spaCy vocabulary) is taken by no "surname, given" or list rule once a bracket stands between it and the
name before it. Right after a found name and its bracket, a comma, a semicolon or a slash, then a word and a
bracketed word or two of the same shape: the word and the bracket's words are the next person and that person's alias,
when none is a function, role or report word ("BEGAY (TINY), UNK (NFI)", "BEGAY (TINY), DRIVER (MALE)" stay).
"""

from __future__ import annotations

from collections.abc import Sequence

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS
from redaction.text.names import CUE_WORDS
from redaction.text.vocabulary import NARRATIVE_VERBS, REPORT_ABBREVIATIONS
from redaction.wordtrie import trie_compile

_NAME = r"[^\W\d_]{2,}(?:['’\-][^\W\d_]+)*"
_NEXT = trie_compile(r"[ \t]*\([ \t]*[^()\n]{1,24}\)[ \t]*[,;/][ \t]*(" + _NAME + r")[ \t]*\([ \t]*[\"'“‘]?(" + _NAME
                     + r"(?:[ \t]+" + _NAME + r")?)[\"'”’]?[ \t]*\)")


def bracket_list_next(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the next "SURNAME (NICKNAME)" people after found names (see the module doc); a bracket right after a
    found name gates the regex."""
    out: list[tuple[int, int]] = []
    for _s, e in spans:
        pos = e
        while (rest := text[pos:pos + 3].lstrip(" \t")) and rest[:1] == "(":
            m = _NEXT.match(text, pos)
            if m is None or not all(_plain(w) for w in (m.group(1), *m.group(2).split())):
                break
            out += [m.span(1), m.span(2)]
            pos = m.end(1)
    return out


def _plain(word: str) -> bool:
    low = word.lower()
    return not (low in CAPS_STOP_WORDS or low in NOT_NAME_WORDS or low in CUE_WORDS or low in REPORT_ABBREVIATIONS
                or low in NARRATIVE_VERBS)
