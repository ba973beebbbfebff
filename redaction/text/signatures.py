"""Signatures that name a group, a unit or a role, never a person ("Regards, Patrol Division", "Thanks,\\nDay Shift",
"Respectfully,\\nWatch Commander", "Best,\\nConcerned Parent").

Why: after a letter's closing, the writer's name stands, in any casing and even as a dictionary word ("thanks,
hope"), and "Regards, Patrol" reads as "surname, given" too; a unit, shift or role word there (``data/
signature_words.txt``) says the letter is signed for a group, so its words stay shown. A leaf module: ``letters``
(the writer after a closing) and ``ner_edges`` (a closing before a "surname, given" guess) share it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import lru_cache

from redaction.recognizers.words import word_list


@lru_cache(maxsize=1)
def signature_words() -> frozenset[str]:
    """Words that sign for a group, a unit or a role (``data/signature_words.txt``), lower case."""
    return word_list(os.path.join(os.path.dirname(__file__), "data", "signature_words.txt"))


def group_signature(words: Iterable[str]) -> bool:
    """One of the one or two words after a closing signs for a group or a role, and the first is no listed given
    name ("Thanks, Jasmine Day" is a person): no person's name."""
    from redaction.text.names import given_names

    low = [w.lower() for w in words]
    sign = signature_words()
    return bool(low) and low[0] not in given_names() and any(w in sign for w in low)
