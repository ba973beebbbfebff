"""The person a records query was run on, in the query's own line ("dl ran: ochoa maria", "ran 10-29 on: tran kevin",
"NCIC: BEGAY, LUIS", "CLETS: nguyen, thanh - no wants", "dl ran on ochoa, maria", "10-29 ochoa maria neg"), in
any casing.

Why: a query line writes the name surname first, often without its comma and in lower case, so neither the NER nor
the "surname, given" rules see a name; a surname that is a word too ("ochoa" is in the model's vocabulary) stays
shown beside a hidden given name. After a query cue and its colon or dash, two words that both read as name words
(``word_kind``), at least one of them a given name or a name no dictionary holds, are the person ("dl ran: valid, no
wants", "NCIC: NO HITS", "ran 10-29 on: the vehicle" hold none).
"""

from __future__ import annotations

from redaction.recognizers.words import CAPS_STOP_WORDS
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile

_WORD = r"([^\W\d_]{2,}(?:['’\-][^\W\d_]+)*)"
_QUERY = trie_compile(
    r"(?<![\w'’/])(?i:(?:dl|cdl|id|name|subj|subject|plate)[ \t]+ran|ran(?:[ \t]+(?:dl|id|name|subj|subject|"
    r"10-2[789]|2[789]|wants(?:/warrants)?|warrants))?(?:[ \t]+(?:on|for))?|ncic(?:/clets)?|clets(?:/ncic)?|nlets|"
    r"cjis|dmv|records[ \t]+check|warrants?[ \t]+check|wants[ \t]+check|10-2[789](?:[ \t]+(?:on|for|return))?|"
    r"2[789][ \t]+return(?:[ \t]+on)?|returns?[ \t]+on)[ \t]*[:\-][ \t]*" + _WORD + r"(?:[ \t]*,[ \t]*|[ \t]+)" + _WORD
    + r"(?![\w'’\-])")
_GATE = trie_compile(r"(?:ran|ncic|clets|nlets|cjis|dmv|check|10-2[789]|2[789]|on|for)[ \t]*[:\-]")
# Cues that need no colon before the name ("dl ran on ochoa, maria", "10-29 ochoa maria neg", "NCIC BEGAY LUIS").
_SPACED = trie_compile(
    r"(?<![\w'’/])(?i:ran(?:[ \t]+(?:dl|id|wants(?:/warrants)?|warrants))?[ \t]+(?:on|for)|10-2[789](?:[ \t]+(?:on|for))?|"
    r"ncic|clets|nlets)[ \t]+" + _WORD + r"(?:[ \t]*,[ \t]*|[ \t]+)" + _WORD + r"(?![\w'’\-])")
_SPACED_GATE = trie_compile(r"(?:ran (?:dl |id |wants |warrants |wants/warrants )?(?:on|for)|10-2[789]|ncic|clets|nlets) ")
_NAME_KINDS = ("strong", "given", "weak")


def _name_word(word: str) -> str:
    return "" if word.lower() in CAPS_STOP_WORDS else word_kind(word)


def query_lines(text: str) -> list[tuple[int, int]]:
    """The surname and given name after a records query's cue (see the module doc)."""
    low = text.lower()
    rxs = [rx for rx, gate in ((_QUERY, _GATE), (_SPACED, _SPACED_GATE)) if gate.search(low) is not None]
    out: list[tuple[int, int]] = []  # the cheap tests first: a query's cue before a colon, a dash or a space
    for m in (m for rx in rxs for m in rx.finditer(text)):
        kinds = (_name_word(m.group(1)), _name_word(m.group(2)))
        if all(kinds) and any(k in _NAME_KINDS for k in kinds):
            out.append((m.start(1), m.end(2)))
    return out
