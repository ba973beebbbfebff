"""People listed after a field-contact label, one to three words an item: "Contacts: ochoa; nguyen; pierre",
"persons contacted: Tran (S); Le (W)", "Assoc: marco ruiz; flaco".

Why: a records system or an officer typing fast lists the people of a contact by surname alone, separated by
semicolons, in any casing. One surname alone ("ochoa") is no name by any single-word rule in lower case, and the
NER sees a list with no sentence around it. After a party label, a list of two or more items separated by ";" whose
every word reads as a name (``word_kinds.word_kind``: a listed name or a word no vocabulary holds) and none is a
function or report word is a list of people. "Persons contacted: none", "Contacts: dispatch; Sgt Miller" and
"Assoc: 2 males; 1 female" are no such list: one item that fails keeps them all.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS
from redaction.text.lists import semicolon_items
from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile

_LABEL = trie_compile(r"(?<![\w'’\-])(?i:contacts|contacted|persons(?:[ \t]+contacted)?|parties|subjects|associates"
                    r"|assocs?|companions|occupants|involved|present|fi['’]?d)[ \t]*:[ \t]*")
_NAME = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_ITEM = trie_compile(r"[ \t]*((?:" + _NAME + r")(?:[ \t]+" + _NAME + r"){0,2})(?:[ \t]*\([^()\n]{1,8}\))?[ \t]*"
                   r"(;|(?=[.|\t\n]|\Z))")
_WORD = trie_compile(_NAME)


def _person_item(item: str) -> bool:
    """Every word of the item reads as a name, none a function or report word."""
    words = _WORD.findall(item)
    return all(word_kind(w) and w.lower() not in STOP_WORDS and w.lower() not in CAPS_STOP_WORDS
               and w.lower() not in NOT_NAME_WORDS for w in words)


def party_lists(text: str) -> list[tuple[int, int]]:
    """Spans of the items of a ``;`` list of two or more people after a party label (see the module doc)."""
    if ";" not in text or ":" not in text:
        return []
    out: list[tuple[int, int]] = []
    for m in _LABEL.finditer(text):
        items = semicolon_items(_ITEM, text, m.end(), 2)
        if len(items) >= 2 and all(_person_item(it.group(1)) for it in items):
            out.extend(it.span(1) for it in items)
    return out
