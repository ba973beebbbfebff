"""Cues that keep two people apart whom their words alone would make one (``identity``'s step 3, continued).

``identity.number_people`` gives a mention the person whose words hold its words. These cues say the text means
*someone else*, and each is one a careful human editor would act on:

* **"No relation"**: "Officer Diaz spoke with Rosa Diaz, no relation", "Grace Oduya (not related)": the writer
  says outright that the mention is not the person met before with the same surname, so it is a new person.
* **A rank against a civilian**: "Officer Diaz", "Sgt. Kim", "P/O Nowak" name an officer; a full name with no rank
  before it ("a bystander, Teresa Nowak") is not a person the text has named only by rank and surname, and a rank
  and surname is not a person the text named in full without a rank ("Hugo Lindqvist was stopped. Officer
  Lindqvist ran his plate"). Among several people sharing the surname, a rank goes to the one met with a rank.
* **The same two words in swapped order in one sentence**: "Jordan Taylor and Taylor Jordan were in the car",
  "Abdi Hassan says Hassan Abdi owes him": nobody names one person in two orders within a sentence (``LAST,
  FIRST`` with its comma is another matter: that is the same person, and is left alone).

When in doubt the numbering gives two numbers rather than one: a reader misled that two people are one is worse
off than a reader who cannot tell that two mentions are one person. None of this changes what is redacted, only
the numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

_NO_RELATION = re.compile(r"[\s,(\[\-–—]*(?:no\s+relation|not\s+related|unrelated)\b", re.IGNORECASE)


def no_relation_after(text: str, e: int) -> bool:
    """The mention ending at ``e`` is followed by "no relation", "(not related)" or ", unrelated"."""
    return "relat" in text[e:e + 24].lower() and _NO_RELATION.match(text, e) is not None


def swapped(given: Collection[str], surnames: Collection[str], other_given: Collection[str],
            other_surnames: Collection[str]) -> bool:
    """A full name whose given name is the other's surname and whose surname is the other's given name ("Taylor
    Jordan" beside "Jordan Taylor")."""
    return bool(given) and bool(surnames) and not set(given) & set(other_given) \
        and set(given) <= set(other_surnames) and set(surnames) <= set(other_given)


def rank_only(starts: list[int], role_at: Callable[[int], str]) -> bool:
    """A person mentioned, and every time under a rank ("Officer Diaz", "Sgt. Kim")."""
    return bool(starts) and all(role_at(s) == "officer" for s in starts)


def ever_ranked(starts: list[int], role_at: Callable[[int], str]) -> bool:
    """A person mentioned at least once under a rank."""
    return any(role_at(s) == "officer" for s in starts)
