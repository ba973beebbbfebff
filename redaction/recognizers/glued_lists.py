"""Property lists typed with commas and no spaces ("IPHONE,AIRPODS,WALLET"), not ``LAST,FIRST`` names.

Why: ``person_last_first`` reads any "WORD,WORD" as "Surname, Given"; officers list stolen or recovered property
glued by commas ("PROPERTY: LAPTOP,CHARGER,BACKPACK,KEYS"). A match whose comma has no space after it is a list
item when the list goes on past it (a third glued item before or after) or a property label opens the line
("Stolen:", "RECOVERED", "items taken"), and the word after the comma is no listed given name: "SMITH,JOHN,DOB"
and "Stolen: ...LOPEZ,MARIA" keep the name.
"""

from __future__ import annotations

import re

_GLUED_AFTER = re.compile(r",[^\W\d_]")
_GLUED_BEFORE = re.compile(r"[^\W\d_],\Z")
_PROPERTY_LABEL = re.compile(r"(?i:stolen|taken|missing|recovered|property|items?|lost|loss|found|seized|"
                             r"booked|inventory|contents?)\b[^\n]*\Z")


def glued_list_item(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` ("WORD,WORD") is part of a comma-glued list of things (see the module doc)."""
    comma = text.find(",", start, end)
    if comma < 0 or comma + 1 >= end or text[comma + 1].isspace():
        return False
    chained = _GLUED_AFTER.match(text, end) is not None or _GLUED_BEFORE.search(text, max(0, start - 2), start)
    if not chained and not _PROPERTY_LABEL.search(text, max(0, start - 60), start):
        return False
    from redaction.text.names import given_names  # the name lists live with the text rules

    given = re.match(r"[^\W\d_]+", text[comma + 1:end])
    return given is None or given.group().lower() not in given_names()
