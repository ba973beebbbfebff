"""The person a records query was run on, in the query's own line ("dl ran: ochoa maria", "ran 10-29 on: tran kevin",
"NCIC: BEGAY, LUIS", "CLETS: nguyen, thanh - no wants"), in any casing.

Why: a query line writes the name surname first, often without its comma and in lower case, so neither the NER nor
the "surname, given" rules see a name; a surname that is a word too ("ochoa" is in the model's vocabulary) stays
shown beside a hidden given name. After a query cue and its colon or dash, two words that both read as name words
(``word_kind``), at least one of them a given name or a name no dictionary holds, are the person ("dl ran: valid, no
wants", "NCIC: NO HITS", "ran 10-29 on: the vehicle" hold none).
"""

from __future__ import annotations

import re

from redaction.recognizers.words import CAPS_STOP_WORDS
from redaction.text.word_kinds import word_kind

_WORD = r"([^\W\d_]{2,}(?:['’\-][^\W\d_]+)*)"
_QUERY = re.compile(
    r"(?<![\w'’/])(?i:(?:dl|cdl|id|name|subj|subject|plate)[ \t]+ran|ran(?:[ \t]+(?:dl|id|name|subj|subject|"
    r"10-2[789]|2[789]|wants(?:/warrants)?|warrants))?(?:[ \t]+(?:on|for))?|ncic(?:/clets)?|clets(?:/ncic)?|nlets|"
    r"cjis|dmv|records[ \t]+check|warrants?[ \t]+check|wants[ \t]+check|10-2[789](?:[ \t]+(?:on|for|return))?|"
    r"2[789][ \t]+return(?:[ \t]+on)?|returns?[ \t]+on)[ \t]*[:\-][ \t]*" + _WORD + r"(?:[ \t]*,[ \t]*|[ \t]+)" + _WORD
    + r"(?![\w'’\-])")
_GATE = re.compile(r"(?:ran|ncic|clets|nlets|cjis|dmv|check|10-2[789]|2[789]|on|for)[ \t]*[:\-]")
_NAME_KINDS = ("strong", "given", "weak")


def _name_word(word: str) -> str:
    return "" if word.lower() in CAPS_STOP_WORDS else word_kind(word)


def query_lines(text: str) -> list[tuple[int, int]]:
    """The surname and given name after a records query's cue (see the module doc)."""
    if _GATE.search(text.lower()) is None:
        return []  # the cheap test first: no query cue before a colon or a dash
    out: list[tuple[int, int]] = []
    for m in _QUERY.finditer(text):
        kinds = (_name_word(m.group(1)), _name_word(m.group(2)))
        if all(kinds) and any(k in _NAME_KINDS for k in kinds):
            out.append((m.start(1), m.end(2)))
    return out
