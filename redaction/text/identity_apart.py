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

* **A relation of the sentence's first person**: "Caller Earl Banks says his neighbor Earl is stealing mail",
  "Pablo Ortiz stated that Pablo (his cousin) has a gun", "Ines Vidal says Vidal (her ex) keeps calling": a
  name word alone right after "his/her/their <relation>" or right before "(his/her <relation>)" is not the person
  who opened the sentence, even when it is their own given name or surname: nobody is their own neighbour.

When in doubt the numbering gives two numbers rather than one: a reader misled that two people are one is worse
off than a reader who cannot tell that two mentions are one person. None of this changes what is redacted, only
the numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

_NO_RELATION = re.compile(r"[\s,(\[\-–—]*(?:no\s+relation|not\s+related|unrelated)\b", re.IGNORECASE)


_RELATIONS = (r"(?:ex-|step-?|half-|great-|grand)*(?:neighbou?r|cousin|friend|roommate|room\s+mate|co-?worker|"
              r"landlord|landlady|tenant|boss|ex|brother|sister|son|daughter|father|mother|dad|mom|uncle|aunt|nephew|"
              r"niece|husband|wife|boyfriend|girlfriend|bf|gf|partner|fianc[eé]e?|child|kid|parent|sibling)"
              r"(?:-in-law|\s+in\s+law)?")
_RELATION_BEFORE = re.compile(r"(?<![\w'’])(?:his|her|their|my)\s+" + _RELATIONS + r"\s*,?\s+\Z", re.IGNORECASE)
_RELATION_AFTER = re.compile(r"\s*[(,]\s*(?:his|her|their|my)\s+" + _RELATIONS + r"\b", re.IGNORECASE)


def relation_around(text: str, s: int, e: int) -> bool:
    """The mention ``text[s:e]`` follows "his neighbor" or is followed by "(her ex)", ", his cousin"."""
    return _RELATION_BEFORE.search(text, max(0, s - 32), s) is not None \
        or (("(" in text[e:e + 3] or "," in text[e:e + 3]) and _RELATION_AFTER.match(text, e) is not None)


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
