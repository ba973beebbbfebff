"""A child or a person handed over to a relative, named by a given name alone ("released nacho to his tia", "left
junior with his abuela", "released jaylen to his mother", "dropped off mari with her tia", "handed nacho over to
his mom", "left junior w/ his abuela", "released nacho to tia"), in any casing.

Why: a lone given name that is also a word ("nacho", "junior") after "released" or "left" reads to the NER as the
word, in lower case as in capitals. The shape says a person: a release verb, one word, "to" or "with", a possessive
and a kin word. The word must read as a name (``word_kind``: a listed given name, a name no dictionary holds, or a
listed short form: "nacho" of Ignacio): "released the juvenile to his tia", "left keys with his aunt", "released
property to his mother" name nobody.
"""

from __future__ import annotations

from redaction.text.nicknames import short_forms
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile

_KIN = (r"mother|mom|mommy|mama|moms|father|dad|daddy|papa|grandmother|grandma|granny|nana|abuela|abuelita|abuelo|"
        r"grandfather|grandpa|aunt|auntie|aunty|tia|tio|uncle|sister|brother|cousin|guardian|parents?|stepmother|"
        r"stepfather|stepmom|stepdad|godmother|godfather|madrina|padrino|foster[ \t]+mother|foster[ \t]+parents?")
_HANDED = trie_compile(
    r"(?<![\w'’])(?i:released|release|releasing|left|leave|leaving|dropped[ \t]+off|dropping[ \t]+off|handed[ \t]+over|"
    r"handed|turned[ \t]+over|returned|returning|sent|took|brought|reunited)[ \t]+"
    r"([^\W\d_]{2,}(?:['’\-][^\W\d_]+)*)[ \t]+(?:(?i:over)[ \t]+)?(?i:to|with|w/)[ \t]*(?:(?i:his|her|their)[ \t]+)?"
    r"(?i:" + _KIN + r")(?![\w'’])")

_GATE = trie_compile(r"(?:to|with|w/)[ \t]*(?:(?:his|her|their)[ \t]+)?(?:mo|ma|fa|da|pa|gr|ab|au|ti|un|si|br|co|gu|st|go|na|fo)")


def kin_objects(text: str) -> list[tuple[int, int]]:
    """The given name handed over to a relative (see the module doc)."""
    if _GATE.search(text.lower()) is None:
        return []  # the cheap test first: no "to his", "with her"
    out: list[tuple[int, int]] = []
    for m in _HANDED.finditer(text):
        word = m.group(1)
        if word_kind(word) in ("strong", "given", "weak") or word.lower() in short_forms():
            out.append(m.span(1))
    return out
