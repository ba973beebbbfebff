"""A gang's name where a card or a note writes it: the value of a gang label ("GANG: NORTE", "Set - Eastside",
"AFFIL: SURENO") and a bracketed standing after a person ("TRAN, KEVIN (ACTIVE NORTE)", "(documented sureno)").

Why: an FI card or a gang roster puts the gang beside the people, in capitals; the NER reads a capitalised word after
a label or in brackets after a name as a person, and a gang is no person. Only the NER's own guesses are kept this way
(a record value, a cued name or an alias still goes): the label word ends right before the span ("GANG:" then the
span), or the bracket opens with a standing word and the span is that standing and what follows it.
"""

from __future__ import annotations

import re

from redaction.wordtrie import trie_compile

# A gang label and its colon or dash, right before the span: "GANG:", "GANG AFFIL -", "SET:", "CLIQUE:".
_LABEL = trie_compile(r"(?<![\w'’\-/])(?:gang(?:[ \t]+(?:affil(?:iation)?|name|set))?|set|clique|affil(?:iation)?|"
                      r"gang[ \t]+affil\.?)[ \t]*[:\-][ \t]*\Z", re.IGNORECASE)
# A bracket opening with a gang standing: "(ACTIVE", "(INACTIVE", "(DOCUMENTED", "(VALIDATED", "(ASSOCIATE OF".
_STANDING = trie_compile(r"\([ \t]*(?:active|inactive|documented|validated|self[ \t\-]admitted|admitted|affiliated)"
                         r"(?:[ \t]+(?:member|associate))?(?:[ \t]+(?:of|w/|with))?[ \t]*\Z", re.IGNORECASE)
_STANDING_WORDS = ("active", "inactive", "documented", "validated", "self", "admitted", "affiliated")


def gang_value(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a gang named by a label or a bracketed standing (see the module doc)."""
    low = text[max(0, start - 24):start].lower()
    if ("gang" in low or "set" in low or "clique" in low or "affil" in low) and _LABEL.search(low):
        return True
    first = text[start:end].split(maxsplit=1)[0].lower() if text[start:end].strip() else ""
    if first in _STANDING_WORDS and text[max(0, start - 2):start].strip() == "(":
        return True  # the NER's span begins with the standing word: "(ACTIVE NORTE)"
    return "(" in low and _STANDING.search(text[max(0, start - 40):start]) is not None
