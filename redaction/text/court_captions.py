"""The parties a court caption names ("People v. Haskins", "STATE OF OHIO V. MBATHA", "commonwealth vs. delgado-rios",
"In re the Marriage of Sefo and Tuilagi"), in any casing.

Why: probation, court and warrant notes copy the case's caption into the narrative; after the government's name and
"v." (or "vs.") stands the defendant, and after "In re (the marriage, matter, custody, guardianship, estate) of" the
people the case is about. The slot alone decides, as after a letter's closing: one to three words that are no function
word (a surname, "surname, given", a full name, hyphens and apostrophes allowed), and after "In re ... of" a second
party after "and". The government's own name ("People", "State of Ohio", "U.S.") stays shown.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from redaction.text.names import CUE_WORDS, given_names, surnames
from redaction.text.vocabulary import dictionary_words
from redaction.wordtrie import trie_compile

_NAME = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_PARTY = _NAME + r"(?:,?[ \t]+" + _NAME + r"){0,2}"
_GOVERNMENT = (r"people(?:[ \t]+of[ \t]+the[ \t]+state[ \t]+of[ \t]+[^\W\d_]+)?|state(?:[ \t]+of[ \t]+[^\W\d_]+)?|"
               r"commonwealth(?:[ \t]+of[ \t]+[^\W\d_]+)?|united[ \t]+states(?:[ \t]+of[ \t]+america)?|u\.?[ \t]?s\.?|"
               r"usa|city(?:[ \t]+of[ \t]+[^\W\d_]+)?|county(?:[ \t]+of[ \t]+[^\W\d_]+)?")
_VERSUS = trie_compile(r"(?<![\w'’\-])(?i:" + _GOVERNMENT + r")[ \t]+(?i:vs?\.?|versus)[ \t]+(" + _PARTY + r")")
_IN_RE = trie_compile(r"(?<![\w'’\-])(?i:in[ \t]+re)[ \t]+(?:(?i:the[ \t]+)?(?i:marriage|matter|custody|guardianship|estate|"
                    r"welfare|adoption)[ \t]+(?i:of)[ \t]+)?(" + _PARTY + r")(?:[ \t]+(?i:and)[ \t]+(" + _PARTY + r"))?")
_WORD = trie_compile(_NAME)
_NO_PARTY = frozenset({"minor", "minors", "child", "children", "unknown"})


def _party(text: str, start: int, end: int, strict: bool = False) -> tuple[int, int] | None:
    """The party's words from ``start``: up to the first function or cue word, and after the first word (every word
    when ``strict``) up to a dictionary word no name list holds (none left: no party)."""
    last = start
    for i, w in enumerate(_WORD.finditer(text, start, end)):
        low = w.group().lower()
        if low in STOP_WORDS or low in CUE_WORDS or low in _NO_PARTY:
            break
        if (i or strict) and low in dictionary_words() and low not in given_names() and low not in surnames():
            break  # "State v. Okafor hearing", "in re hab"
        last = w.end()
    return (start, last) if last > start else None


def caption_names(text: str) -> list[tuple[int, int]]:
    """Spans of the parties a court caption names (see the module doc)."""
    low = text.lower()
    if " v. " not in low and " vs" not in low and " v " not in low and " versus " not in low and "in re " not in low:
        return []
    out: list[tuple[int, int]] = []
    for m in _VERSUS.finditer(text):
        out += [sp for sp in [_party(text, m.start(1), m.end(1))] if sp is not None]
    for m in _IN_RE.finditer(text):
        bare = m.group().lower().split()[2:3] == [m.group(1).split()[0].lower()]  # "In re Haskins": no "of"
        for g in (1, 2):
            if m.group(g):
                out += [sp for sp in [_party(text, m.start(g), m.end(g), strict=bare)] if sp is not None]
    return out
