"""A record person's short form that is an everyday word or has two letters ("will", "al", "sandy" of the record's
WILLIAM, ALBERT, SANDRA), in any case, where only a person stands:

- calling out at the start of a quoted utterance: '"will, stop!"', '"AL, OPEN THE DOOR"';
- alone in parentheses: "the subject (al)";
- after "per" and before a comma ("per sandy, the door was open"), or after a verb of telling or asking and before
  "to", "that", "not" or a pronoun ("told will to leave", "ASKED WILL THAT HE");
- after "spoke/talked to/with" and before "about", "regarding", "who" or a stop ("spoke to al about the fence");
- before ", her neighbor", "(his cousin)" (``identity_apart.relation_around``).

``variants`` takes such forms alone only in Title case inside a sentence, ``verb_nicknames`` before a narrative verb;
these slots hold a person in every casing ("per bill, the door" in an upper-case report is BILL). The report words
("vic", "court", "dob": ``NOT_NAME_WORDS``, ``CAPS_STOP_WORDS``) never (but a past verb they list, "rose", outside
brackets: '"rose, drop it"'), nor two letters in capitals but in a
call-out ("Mobile (AL)", "PER MO,", "per ED,": a state, a modus operandi, the emergency department). A plain ``in``
test gates the search, compiled once.
"""

from __future__ import annotations

import re

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS
from redaction.text.identity_apart import relation_around
from redaction.text.vocabulary import irregular_verb_forms
from redaction.wordtrie import trie_compile

_TELL = r"(?:per|told|tell|tells|asked|ask|asks|advised|informed|warned|instructed|ordered|thanked)"
_SPEAK = r"(?:spoke|spoken|speak|speaks|speaking|talked|talk|talking)\s+(?:to|with)"
_AFTER_TELL = r"(?=[ \t]*,|[ \t]+(?:to|that|not|he|she|they|i|we|if|where|why|how)\b)"
_AFTER_SPEAK = r"(?=[ \t]*[,.;:]|[ \t]+(?:about|regarding|re|who|and|at|on)\b)"
_CUES = ('"', "“", "(", "per", "tell", "told", "ask", "advised", "informed", "warned", "instructed", "ordered",
         "thanked", "spoke", "speak", "talk", "her ", "his ", "my ", "their ")
_W = r"[^\W\d_]+"
# One search for every record, compiled once: any word in a slot, then kept when it is one of the person's forms.
_SLOTS = trie_compile(r"(?<=[\"“])(?P<q>" + _W + r")(?=,\s)"  # '"will, stop!"'
                    r"|(?<=\()(?P<p>" + _W + r")(?=\))"  # "(al)"
                    r"|(?<![\w'’])" + _TELL + r"[ \t]+(?P<t>" + _W + r")" + _AFTER_TELL +  # "per sandy,", "told will to"
                    r"|(?<![\w'’])" + _SPEAK + r"[ \t]+(?P<s>" + _W + r")" + _AFTER_SPEAK +  # "spoke to al about"
                    r"|(?<![\w'’\-])(?P<r>" + _W + r")(?=[ \t]*[(,])", re.IGNORECASE)  # "al, her neighbor"


def slot_nicknames(folded: str, words: set[str] | frozenset[str]) -> list[tuple[int, int]]:
    """Where a word of ``words`` (lower case everyday or two-letter short forms of one record person) stands in a
    person's slot in ``folded`` (the text folded to ASCII, same offsets)."""
    low = folded.lower()
    here = tuple(w for w in words if w in low and w not in CAPS_STOP_WORDS and (
        w not in NOT_NAME_WORDS or w in irregular_verb_forms()))  # "vic", "court": report words; "rose" a verb
    if not here or not any(c in low for c in _CUES):
        return []
    out = []
    for m in _SLOTS.finditer(folded):
        group = m.lastgroup
        s, e = m.span(group) if group else m.span()
        if folded[s:e].lower() not in here:
            continue
        if group == "p" and folded[s:e].lower() in NOT_NAME_WORDS:
            continue  # "prices (rose) sharply": a verb in brackets
        if group == "r" and not relation_around(folded, s, e):
            continue  # "al, her neighbor": only before a relation
        if group != "q" and e - s == 2 and folded[s:e].isupper():
            continue  # "Mobile (AL)", "PER MO,", "per ED,": a state, a modus operandi, the emergency department
        out.append((s, e))
    return out
