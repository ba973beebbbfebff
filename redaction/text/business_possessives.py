"""A business named with a possessive ("Wendy's", "Denny's": ``not_names.yaml`` phrases) that is a person's name
after all: the possessive of someone's relative ("Wendy's mother said", "Denny's brother Kevin").

Why: a detected name inside a business phrase is kept (``redactor._drop_places``), but a shop does not have a
mother; a kin word right after the possessive makes it a person's. Work words ("Wendy's manager", "Denny's
employee") stay the business's.
"""

from __future__ import annotations

import re

from redaction.text.names import RELATION_CUES
from redaction.wordtrie import trie_compile

_WORK = frozenset({"manager", "employee", "supervisor", "boss", "coworker", "co-worker", "landlord", "landlady",
                   "tenant", "keyholder", "owner", "associate", "assoc", "caretaker", "partner"})
_KIN = sorted((c for c in RELATION_CUES if c.replace("-", "").isalpha() and c not in _WORK), key=len, reverse=True)
_KIN_AFTER = trie_compile(r"(?:['’][sS])?[ \t]+(?i:" + "|".join(map(re.escape, _KIN)) + r")(?![\w'’\-])")


def kin_after(text: str, end: int) -> bool:
    """The name ending at ``end`` is a possessive that a kin word follows ("Wendy's mother", "DENNY'S BROTHER")."""
    owned = text[end:end + 1] in ("'", "’") or text[end - 2:end].lower() in ("'s", "’s")
    return owned and _KIN_AFTER.match(text, end) is not None
