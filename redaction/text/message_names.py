"""Names where messages, apps and screenshots put them, in any casing: the sender before a quoted line ("reply from
mateus: ok bring the money", "comment from rain: im outside"), who to reach at a number ("text comfort at 718-..."), the name an app or a phone shows ("lyft driver named on
the app as oksana", "saved in her phone as kiki"), and the other side of "between" ("messages between the victim and
ayodele", "texts between folasade and her ex").

Officers transcribe screenshots of chats, rideshare apps and comment threads; the name there is often in lower case
and in no list. The slot decides with ``word_kinds.word_kind``: a word no dictionary holds, or a given name ("rain",
"hope" as a sender); relation, role and report words ("reply from mom:", "message from dispatch:", "listed as
missing", "between the car and the wall") stay. Each shape is found from a literal first (":", " as ", "between").
"""

from __future__ import annotations

import re

from redaction.text.cue_words import OCCUPATIONS, TEXTING_WORDS
from redaction.text.names import CUE_WORDS
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile, word_trie

_NAME = r"[^\W\d_]{2,}(?:['’\-][^\W\d_]+)*"
_KINDS = ("strong", "weak", "given")
# "reply from mateus:", "dm from kaito -", "comment by rain:": a message noun, "from"/"by", one or two words, a colon.
_MESSAGES = ("reply", "replies", "message", "messages", "msg", "msgs", "text", "texts", "txt", "txts", "dm", "dms", "snap",
             "snaps", "comment", "comments", "post", "posts", "email", "emails", "e-mail", "e-mails", "vm", "vms",
             "voicemail", "voicemails", "note", "notes", "response", "responses", "caption", "captions")
_SENDER = trie_compile(r"(?<![\w'’\-])(?i:" + word_trie(_MESSAGES) + r")[ \t]+(?i:from|by)[ \t]+(" + _NAME
                     + r")(?:[ \t]+(" + _NAME + r"))?[ \t]*(?::|[ \t]-[ \t])")
# "text comfort at 718-895-9281", "call tavo on 0412 ...": who to reach at a number.
_REACH = trie_compile(r"(?<![\w'’\-])(?i:" + word_trie(("call", "text", "txt", "message", "msg", "dm", "contact", "reach",
                                                          "ask for"), r"[ \t]+") + r")[ \t]+(" + _NAME
                    + r")(?:[ \t]+(" + _NAME + r"))?[ \t]+(?i:at|on|@)[ \t]*(?=[(+]?\d)")
_MESSAGE_WORDS = frozenset(_MESSAGES)
_REACH_WORDS = frozenset({"call", "text", "txt", "message", "msg", "dm", "contact", "reach", "ask"})
# "named on the app as oksana", "saved in her phone as kiki", "shows up as tavo": up to four words of where, then "as".
_SHOWN_AS = trie_compile(r"(?<![\w'’\-])(?i:named|listed|saved|shown|shows?|showed|came|comes|appears?|appeared|"
                       r"registered|given|provided)(?:[ \t]+(?i:up|on|in|under|the|his|her|their|my|your|app|phone|profile|account|"
                       r"contacts|screen|it|receipt|ticket|order|card|booking|reservation|listing|invoice|lease|form|"
                       r"paperwork)){0,4}[ \t]+(?i:as)[ \t]+(" + _NAME + r")(?:[ \t]+(" + _NAME + r"))?")
# "between the victim and ayodele", "between ayodele and the victim", "between her and ayodele".
_PERSON_NOUNS = ("victim", "suspect", "caller", "complainant", "witness", "driver", "rider", "buyer", "seller", "tenant",
                 "landlord", "neighbor", "neighbour", "roommate", "ex", "mother", "father", "mom", "dad", "sister",
                 "brother", "son", "daughter", "wife", "husband", "boyfriend", "girlfriend", "friend", "cousin", "client",
                 "juvenile", "parties", "male", "female", *(o for o in OCCUPATIONS if o.isalpha()))
_PERSON = (r"(?i:(?:the|her|his|their|my|our|your)[ \t]+(?:[^\W\d_]+[ \t]+)?(?:" + word_trie(set(_PERSON_NOUNS))
           + r")|him|her|them|me|rp|victim|suspect)")
_BETWEEN_FIRST = trie_compile(r"(?<![\w'’\-])(?i:between)[ \t]+" + _PERSON + r"[ \t]+(?i:and|&)[ \t]+(" + _NAME
                            + r")(?:[ \t]+(" + _NAME + r"))?")
_BETWEEN_LAST = trie_compile(r"(?<![\w'’\-])(?i:between)[ \t]+(" + _NAME + r")(?:[ \t]+(" + _NAME
                           + r"))?[ \t]+(?i:and|&)[ \t]+" + _PERSON + r"(?![\w'’\-])")


def _name_word(word: str) -> bool:
    return word.lower() not in CUE_WORDS and word_kind(word) in _KINDS


def _second(word: str | None) -> bool:
    """A surname after the first word: a name word, or a listed surname ("oksana petrenko")."""
    return word is not None and word.lower() not in CUE_WORDS and word_kind(word) in (*_KINDS, "surname")


def _taken(m: re.Match[str]) -> tuple[int, int] | None:
    if not _name_word(m.group(1)):
        return None
    return (m.start(1), m.end(2) if _second(m.group(2)) else m.end(1))


def _reached(m: re.Match[str]) -> tuple[int, int] | None:
    """Who to reach at a number: a name word or a listed surname that is an everyday word ("text comfort at")."""
    if m.group(1).lower() in _WHEN or m.group(1).lower() in TEXTING_WORDS or not _second(m.group(1)):
        return None  # "call anytime at", "text asap at"
    return (m.start(1), m.end(2) if _second(m.group(2)) else m.end(1))


_WHEN = frozenset({"anytime", "asap", "tonight", "tomorrow", "today", "now", "back", "again", "after", "before",
                   "later", "soon", "direct", "directly", "instead", "first", "anyday", "everyday", "daily"})


def message_names(text: str) -> list[tuple[int, int]]:
    """The sender, the shown name and the other side of "between" (see the module doc)."""
    low = text.lower()
    words = frozenset(low.split())
    out: list[tuple[int, int]] = []
    if (":" in text or " - " in text) and not _MESSAGE_WORDS.isdisjoint(words):
        out += [sp for m in _SENDER.finditer(text) if (sp := _taken(m)) is not None]
    if not _REACH_WORDS.isdisjoint(words) and any(c.isdigit() for c in text):
        out += [sp for m in _REACH.finditer(text) if (sp := _reached(m)) is not None]
    if " as " in low:
        out += [sp for m in _SHOWN_AS.finditer(text) if (sp := _taken(m)) is not None]
    if "between" in low:
        for rx in (_BETWEEN_FIRST, _BETWEEN_LAST):
            for m in rx.finditer(text):
                if rx is _BETWEEN_LAST and m.group(2) is not None and not _second(m.group(2)):
                    continue  # "between ayodele and": the second word must be a name too, or absent
                sp = _taken(m)
                if sp is not None:
                    out.append(sp)
    return out
