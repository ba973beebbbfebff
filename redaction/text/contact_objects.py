"""A person named right after a verb of police contact, in lower case or capitals (``contact_objects``).

An officer's verbs of contact take a person as their object: "i contacted xiaoling at the bench", "detained ochoa
without incident", "patted down moua for weapons", "pulled over grzegorz for", "spoke w xiaoling abt her car",
"callback reached faamanu", "welfare chk on tuiasosopo", "ran dl for nowak", "called young back". When the object is one word and the clause
goes on with a preposition, a conjunction or a stop, that word is a name if any list or vocabulary reads it as one
(``word_kind``): a rare word the model saw ("xiaoling"), a surname that is a word ("king", "rice", "young"), an
everyday given name ("hope"). Ordinary objects stay: "contacted dispatch", "contacted security at the desk",
"detained both", "detained two males", "detained white and hispanic males" (a colour, or an adjective before "and").
In mixed-case text a lower-case word there is the writer's, not a name (the other rules judge it), so only a
capitalized one is taken.
"""

from __future__ import annotations

from redaction.text.names import mixed_case
from redaction.text.vocabulary import COLOURS, REPORT_ABBREVIATIONS
from redaction.text.word_kinds import ADJECTIVES, THINGS, word_kind
from redaction.wordtrie import trie_compile, word_trie

_NAME = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
# The verbs (and their particles) of contact; "called" only before "back" ("called young back").
_VERBS = ("contacted", "interviewed", "detained", "arrested", "cited", "admonished", "handcuffed", "frisked",
          "transported", "questioned", "released", "patted down", "pulled over", "woke", "woke up", "spoke w",
          "spoke w/", "spoke with", "spoke to", "talked w", "talked w/", "talked with", "talked to", "met w",
          "met w/", "met with", "reached", "check on", "chk on", "welfare check on", "welfare chk on", "ran dl for",
          "ran dl on", "ran id for", "ran id on", "ran name for", "ran name on", "called", "arr", "ckd", "ck'd",
          "trespassed", "xported", "10-15")
# Force on a person ("he pushed trinity into the wall", "SHE SLAPPED DESTINY ACROSS THE FACE"): these take things too
# ("punched holes in", "pushed forward into"), so their object must be a given name or a word no dictionary holds.
_FORCE = frozenset({"pushed", "shoved", "punched", "slapped", "kicked", "choked", "strangled", "stabbed", "bit",
                    "scratched", "assaulted", "attacked", "tackled", "headbutted", "elbowed", "pepper sprayed"})
_CUE = trie_compile(r"(?<![\w'’\-])(?i:" + word_trie((*_VERBS, *sorted(_FORCE)), r"[ \t]+") + r")[ \t]+(?=[^\W\d_])")
# What may follow the one-word object: a stop, or a word that goes on with the clause.
_GOES_ON = (r"[ \t]*(?:[,.;:!?)]|\Z)|[ \t]+(?i:at|in|on|about|abt|near|outside|inside|behind|without|for|and|n|&|who"
            r"|after|before|from|by|regarding|re|to|back|again|w/|with|per|while|until|when|during|because|but|so"
            r"|later|today|yesterday|earlier|twice|into|against|across|onto)\b")
_OBJECT = trie_compile(r"(" + _NAME + r")(?=" + _GOES_ON + r")")
_BACK = trie_compile(r"(" + _NAME + r")(?=[ \t]+(?i:back)\b)")
_AND_AFTER = trie_compile(r"[ \t]+(?i:and|n|&)\b")


def contact_objects(text: str) -> list[tuple[int, int]]:
    """One-word names right after a verb of contact, before a preposition, a conjunction or a stop."""
    out: list[tuple[int, int]] = []
    mixed = None
    for c in _CUE.finditer(text):
        called = c.group().rstrip(" \t").lower() == "called"
        m = (_BACK if called else _OBJECT).match(text, c.end())
        if m is None:
            continue
        word = m.group(1)
        low = word.lower()
        kind = word_kind(word)
        if not kind or low in THINGS or low in COLOURS or low in REPORT_ABBREVIATIONS:
            continue  # "contacted dispatch", "detained black and ..."
        if kind not in ("strong", "given") and " ".join(c.group().lower().split()) in _FORCE:
            continue  # "punched holes in", "pushed forward into"
        if low in ADJECTIVES and _AND_AFTER.match(text, m.end(1)):
            continue  # "detained young and old alike"
        if mixed is None:
            mixed = mixed_case(text)
        if mixed and not word[:1].isupper():
            continue  # "Contacted rice at ...": in mixed case a lower-case word is the writer's
        out.append(m.span(1))
    return out
