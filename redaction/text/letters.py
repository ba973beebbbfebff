"""Names where a letter, an e-mail or a voicemail puts its writer or caller: after a closing ("sincerely,\nlatonya",
"thanks , marisol", "thank you for your time,\ndunleavy", "signed, wanbli", an e-mail's "-- " line) and after "this
is" in a call's opening ("hi this is mercy calling about my son").

Complaints typed on a phone, e-mails forwarded into a report and voicemail transcripts name their writer there in any
casing; a dictionary word in that place is the name too ("mercy", "hope"), so the slot alone decides, and only the
words that are never a name (report words, relations: "thanks, mom", "this is dispatch") are left.
"""

from __future__ import annotations

import re
from itertools import chain

from redaction.recognizers.words import CAPS_STOP_WORDS
from redaction.text.cue_words import TEXTING_WORDS
from redaction.text.lexicon import lexicon
from redaction.text.names import CUE_WORDS
from redaction.text.ner_edges import closing_at
from redaction.text.positions import word_kind
from redaction.text.signatures import group_signature
from redaction.wordtrie import trie_compile

_NAME = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_FOR_YOUR = r"\s+for\s+your\s+(?:time|help|attention|assistance|consideration)"  # "thank you for your time,"
_CLOSINGS = (r"sincerely|regards|best\s+regards|kind\s+regards|warm\s+regards|respectfully|respectfully\s+submitted|"
             r"thanks(?:" + _FOR_YOUR + r")?|thank\s+you(?:" + _FOR_YOUR + r")?|thank\s+u|thx|cheers|yours\s+truly|yours|"
             r"cordially|take\s+care|god\s+bless|best|love|signed")
_ONLY_AT_END = frozenset({"best", "love"})  # closings only where they close the text or a line ("love, marisol")
# A closing, a comma or a line break, then one or two words that end the text, its line or its sentence.
_SIGNED = trie_compile(r"(?<![\w'’\-])(?i:" + _CLOSINGS + r")[ \t]*(?:,[ \t]*\n?|\n)[ \t]*(" + _NAME + r")(?:[ \t]+("
                     + _NAME + r"))?[ \t]*(?=[.!\n]|\Z)")
# "--" opening its line, as an e-mail's signature starts: the writer's name on the next line.
_DASHED = trie_compile(r"(?<![^\n])--[ \t]*\n[ \t]*(" + _NAME + r")(?:[ \t]+(" + _NAME + r"))?[ \t]*(?=[.!\n]|\Z)")
# The start of a word, a quote mark allowed before it ("message says 'this is anselm from the shelter'").
_OPEN = r"(?<![\w\-])(?<![\w][’'])"
# "this is mercy calling", "hi, this is dmitri", "hello its kwame again": the caller says who calls.
# "its me again, shanice", "this is me, dmitri": the caller names herself after "me".
_ME = trie_compile(_OPEN + r"(?i:it['’]?s|this\s+is)[ \t]+(?i:me)(?:[ \t]+(?i:again))?[ \t]*,[ \t]*(" + _NAME
                 + r")(?=[ \t]*(?:[,.!\n]|\Z))")
_CALLER = trie_compile(_OPEN + r"(?i:this\s+is|it['’]?s|my\s+name\s+is)[ \t]+(" + _NAME + r")(?:[ \t]+(" + _NAME
                     + r"))?")
_GREETING = trie_compile(r"(?<![\w'’\-])(?i:hi|hello|hey|yo|hiya|good\s+morning|good\s+afternoon|good\s+evening)[ \t]*[,.!]?[ \t]*\Z")
# Who calls for a service, not a person ("this is dispatch calling", "this is the school calling").
_NOT_CALLER = CAPS_STOP_WORDS | CUE_WORDS | TEXTING_WORDS | {
    "dispatch", "security", "police", "school", "office", "management", "maintenance", "reception", "billing",
    "animal", "county", "city", "state", "hospital", "clinic", "pharmacy", "bank", "me", "officer", "deputy", "just"}
# Words after a closing that are no writer's name ("thanks, mom", "thanks again", "regards, the team").
_NEVER = _NOT_CALLER | {"everyone", "all", "guys", "sir", "madam", "maam", "team", "so", "much", "for", "in",
                        "advance", "you", "u", "again", "the", "a", "an", "about", "regarding", "re", "not", "really"}
_PAUSE = trie_compile(r"[ \t]*(?:[,.!?\n]|\Z)")
_CALLS = trie_compile(r"[ \t]+(?i:calling|speaking|here|again|from)\b")


def _name_word(word: str) -> bool:
    return word.lower() not in _NEVER and len(word) > 1


def _group_signature(m: re.Match[str]) -> bool:
    """The one or two words after a closing sign for a group or a role ("Thanks,\nDay Shift"), not a person."""
    return group_signature(w for w in (m.group(1), m.group(2)) if w is not None)


def _opening_its(text: str, start: int, end: int, word: str) -> bool:
    """ "its tavita, the guy next door ...": "its" opening a message (the text, a line, or after a colon or a quote
    mark) before a word no dictionary holds and a pause."""
    before = text[:start].rstrip(" \t")
    return (not before or before[-1] in ":\n\"'“‘") and word_kind(word) == "strong" and bool(_PAUSE.match(text, end))


def letter_names(text: str) -> list[tuple[int, int]]:
    """Spans of the writer's name after a closing and of the caller's after "this is" (see the module doc)."""
    out: list[tuple[int, int]] = []
    for m in chain(_SIGNED.finditer(text), _DASHED.finditer(text) if "--" in text else ()):
        if m.group().split(",")[0].strip().lower() in _ONLY_AT_END and not closing_at(text, m.start()):
            continue  # "love, bogdan and dustin love argued": a surname first
        if _name_word(m.group(1)) and not _group_signature(m):
            two = m.group(2) is not None and _name_word(m.group(2))
            out.append((m.start(1), m.end(2) if two else m.end(1)))
    out += [m.span(1) for m in _ME.finditer(text) if m.group(1).lower() not in _NOT_CALLER]
    for m in _CALLER.finditer(text):
        greeted = _GREETING.search(text, max(0, m.start() - 20), m.start()) is not None
        w1, w2 = m.group(1), m.group(2)
        opening = not greeted and m.group().lower().startswith("it") and _opening_its(text, m.start(), m.end(1), w1)
        if w1.lower() in _NOT_CALLER or (not greeted and m.group().lower().startswith("it") and not opening):
            continue  # "this is dispatch calling"; "its" only after a greeting or opening a message
        if w2 is not None and w2.lower() not in _NOT_CALLER and word_kind(w2) and _CALLS.match(text, m.end(2)):
            out.append((m.start(1), m.end(2)))  # "this is mercy okafor calling"
        elif opening or _CALLS.match(text, m.end(1)) or (greeted and (word_kind(w1) in ("strong", "given") or (
                _PAUSE.match(text, m.end(1)) and w1.lower() not in lexicon()[0]))):  # not "hi this is crazy."
            out.append(m.span(1))  # "this is mercy calling", "hi this is dmitri, ...", "hey its kwame"
    return out


_BEFORE_CALLER = trie_compile(_OPEN + r"(?i:this\s+is|it['’]?s|my\s+name\s+is)[ \t]+\Z")
_BEFORE_SIGNED = trie_compile(r"(?<![\w'’\-])(?i:" + _CLOSINGS + r")[ \t]*(?:,[ \t]*\n?|\n)[ \t]*\Z")


def in_letter_slot(text: str, start: int, end: int) -> bool:
    """The word at ``start``-``end`` stands where ``letter_names`` takes a name: a dictionary word there ("mercy",
    "hope") is the caller's or writer's name, not an ordinary word (``negatives``)."""
    lo = max(0, start - 40)
    if _BEFORE_CALLER.search(text, lo, start) is not None:
        return any(s <= start and end <= e for s, e in letter_names(text[lo:end + 20]) for s, e in [(s + lo, e + lo)])
    sig = _BEFORE_SIGNED.search(text, lo, start)
    if sig is None or not _name_word(text[start:end]):
        return False
    m = _SIGNED.match(text, sig.start())
    return m is None or not _group_signature(m)  # "Regards, Patrol Division": a dictionary word stays one
