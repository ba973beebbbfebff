"""Everyday words that are given names, made names by the words around them: "sunny the landlord refuses" (a name,
"the" and what the person is), "precious was the one driving" (who did it), "hunter and i got into a fight" (a
name opening a sentence beside "i"), "she (teresa) throws trash" (a name alone in brackets: after a pronoun or a
person word any given name, elsewhere a listed given name no dictionary holds); "the okafor family" and "in the
back seat was dashawn." take a word no dictionary holds only (after "was" and alone after a comma ending the
clause, "i told you already, deshawn.", a listed one: not "it was venmo.").

A listed given name that is also an everyday word ("sunny", "precious", "hunter") is a person in these shapes in any
casing; a modal or verb ("will", "may", "hope") is not taken where it could be one ("hope the landlord calls").
"""

from __future__ import annotations

import re

from redaction.text.lexicon import base_verb
from redaction.text.names import CUE_WORDS, given_names, surnames
from redaction.text.positions import _STREET_AHEAD, everyday_given, word_kind
from redaction.wordtrie import trie_compile, word_trie

_NAME = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_ROLES = sorted(c for c in CUE_WORDS if " " not in c and "/" not in c and c.isalpha() and len(c) > 2)
# Each pattern starts at its fixed words; the name before them is read back with ``_BEFORE`` (a regex that opened
# with a name would be tried at every word of every text).
_BEFORE = trie_compile(r"(?<![\w'’\-])(" + _NAME + r")[ \t]*\Z")
_CLAUSE_START = trie_compile(r"(?:\A|[.!?;:\n(,][ \t]*)\Z")
# "sunny the landlord", "mike the mechanic": a name, "the" and a relation or role.
_TITLED = trie_compile(r"[ \t]+(?i:the)[ \t]+(?i:" + word_trie(_ROLES) + r")(?![\w'’\-])")
# "precious was the one driving", "it was kiet who": who did it.
_THE_ONE = trie_compile(r"[ \t]+(?i:is|was)[ \t]+(?i:the)[ \t]+(?i:one|ones)[ \t]+"
                      r"(?i:who|that|driving|with|holding|talking|yelling)\b")
# "hunter and i got into a fight": a name opening a clause beside "i".
_AND_I = trie_compile(r"[ \t]+(?i:and|n|&)[ \t]+(?i:i)[ \t]+[^\W\d_]")
# "she (teresa) throws trash", "resident of 14 oak st (luis)": one name word alone in brackets.
_BRACKETED = trie_compile(r"\([ \t]*(" + _NAME + r")[ \t]*\)")
_PERSON_BEFORE = trie_compile(r"(?<![\w'’\-])(?i:she|he|her|him|they|them|guy|girl|lady|man|woman|boy|kid|child|"
                            r"someone|somebody)[ \t]*\Z")
# "the okafor family", "the nguyen household": a surname between "the" and the family's word.
_FAMILY = trie_compile(r"(?<![\w'’\-])(?i:the)[ \t]+(" + _NAME + r")[ \t]+(?i:family|families|household|residence|"
                     r"kids|brothers|sisters|twins|boys|girls)\b")
# "please bring deshawn tomorrow": a verb, then a word that is only a given name (listed, in no dictionary).
_VERB_THEN = trie_compile(r"(?<![\w'’\-])([^\W\d_]{2,})(?=[ \t]+(" + _NAME + r")(?![\w'’\-]))")
# "i told you already, deshawn.": a name alone after a comma, ending the clause (a listed one: not ", venmo.").
_TRAILING = trie_compile(r",[ \t]*(" + _NAME + r")(?=[ \t]*(?:[.!?;\n]|\Z))")
# "in the back seat was dashawn.": a name after a verb of being, ending the clause.
_WAS_NAME = trie_compile(r"(?<![\w'’\-])(?i:was|were|is|are)[ \t]+(" + _NAME + r")(?=[ \t]*(?:[,.!?;\n]|\Z))")


def _word_before(text: str, pos: int) -> re.Match[str] | None:
    return _BEFORE.search(text, max(0, pos - 40), pos)


def _name_word(word: str) -> bool:
    return word_kind(word) in ("strong", "given") or everyday_given(word)


def epithet_names(text: str) -> list[tuple[int, int]]:
    """Spans of everyday-word given names in the shapes of the module doc."""
    out: list[tuple[int, int]] = []
    for m in _TITLED.finditer(text):
        w = _word_before(text, m.start())
        if w is not None and _name_word(w.group(1)) and not base_verb(w.group(1).lower()) \
                and w.group(1).lower() not in ("will", "may"):  # not "hope the landlord calls"
            out.append(w.span(1))
    for rx, opening in ((_THE_ONE, False), (_AND_I, True)):
        for m in rx.finditer(text):
            w = _word_before(text, m.start())
            if w is not None and _name_word(w.group(1)) and (
                    not opening or _CLAUSE_START.search(text, max(0, w.start(1) - 4), w.start(1))):
                out.append(w.span(1))
    given = given_names()
    out += [m.span(1) for m in _FAMILY.finditer(text) if word_kind(m.group(1)) in ("strong", "weak")]
    out += [m.span(1) for rx in (_WAS_NAME, _TRAILING) for m in rx.finditer(text)
            if word_kind(m.group(1)) in ("strong", "weak")
            and (m.group(1).lower() in given or m.group(1).lower() in surnames())]  # not "it was venmo."
    for m in _VERB_THEN.finditer(text):
        verb, word = m.group(1).lower(), m.group(2)
        if word.lower() in given and (base_verb(verb) or verb.endswith("ed")) and word_kind(word) == "strong" \
                and verb not in given and not _STREET_AHEAD.match(text, m.end(2)):  # not "seen harriet tubman ave"
            out.append(m.span(2))
    for m in _BRACKETED.finditer(text):
        word = m.group(1)
        person = _PERSON_BEFORE.search(text, max(0, m.start() - 12), m.start()) is not None
        if (word.lower() in given and word_kind(word) in ("strong", "weak")) or (person and _name_word(word)):
            out.append(m.span(1))  # "(luis)", not "(honda)"; "she (hope)"
    return out
