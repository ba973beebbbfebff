"""A record person's surname clipped into a nickname, with or without a pet ending: "Sully" of SULLIVAN, "Gonzo"
of GONZALEZ, "Smitty" of SMITH, "Fitz" of FITZGERALD, "Murph" of MURPHY, "Hendo" of HENDERSON.

Why: colleagues, neighbours and officers call a man by his clipped surname as often as by his given name, and no
nickname table lists those forms. A form is the surname's first three letters or more (one fewer than the surname at
least), the last one maybe doubled, then a pet ending ("y", "ie", "o", "s", "sy", "ey") or none: four letters or
more; a dictionary word only with a pet ending ("hall" of HALLORAN and "mars" of MARTINEZ are those words). Never one of the record name's own words, a listed given name ("Johnny" of JOHNSON, "Marty" of MARTINEZ:
another person's name as likely as his). Forms a dictionary holds
("sully", "gonzo") are everyday words: ``candidates`` takes those only before a narrative verb
(``verb_nicknames``), the others wherever they stand. Cheap: a handful of dictionary look-ups per record name
against the text's own word index.
"""

from __future__ import annotations

from functools import lru_cache

from redaction.recognizers.words import fold
from redaction.text.initials import name_parts
from redaction.text.names import AMBIGUOUS_GIVEN, given_names
from redaction.text.vocabulary import dictionary_words

_ENDINGS = ("", "y", "ie", "o", "s", "sy", "ey")
_PLAIN = ("", "s")  # a dictionary word with no pet ending is that word ("hall" of HALLORAN, "mars" of MARTINEZ)


@lru_cache(maxsize=65536)
def surname_forms(value: str) -> tuple[frozenset[str], frozenset[str]]:
    """The clipped forms of the record name ``value``'s surname (lower case; see the module doc): (those no
    dictionary holds, those it does)."""
    parts = name_parts(value)
    if parts is None:
        return frozenset(), frozenset()
    given, surname_words = parts
    surname = fold(surname_words[-1]).lower()
    if len(surname) < 5 or not surname.isalpha():
        return frozenset(), frozenset()
    own = {fold(given).lower()} | {fold(w).lower() for w in surname_words}
    words = dictionary_words()
    forms: set[str] = set()
    for n in range(3, len(surname)):
        stem = surname[:n]
        for base in (stem, stem + stem[-1]):
            forms.update(f for e in _ENDINGS if len(f := base + e) >= 4 and (e not in _PLAIN or f not in words))
    given_list = given_names()
    forms = {f for f in forms if f not in own and f not in given_list and f not in AMBIGUOUS_GIVEN}
    return frozenset(f for f in forms if f not in words), frozenset(f for f in forms if f in words)


@lru_cache(maxsize=65536)
def _surname(value: str) -> str:
    """The last surname word of the record name ``value``, folded, lower case ("" unless five letters or more)."""
    parts = name_parts(value)
    surname = fold(parts[1][-1]).lower() if parts is not None else ""
    return surname if len(surname) >= 5 and surname.isalpha() else ""


def surname_clips(value: str, words: dict[str, list[int]]) -> tuple[list[str], list[str]]:
    """The clipped forms of ``value``'s surname that ``words`` (a text's lower-case word index) holds: (no
    dictionary word, found anywhere; a dictionary word, found only before a narrative verb). The forms are made
    only when a word of the text opens like the surname (most texts hold none but the surname itself)."""
    surname = _surname(value)
    if not surname or not any(w[:3] == surname[:3] and w != surname for w in words):
        return [], []
    plain, worded = surname_forms(value)
    return [f for f in plain if f in words], [f for f in worded if f in words]
