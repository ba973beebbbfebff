"""Clipped forms of a given name found in the text ("Dustin Graham ... Dusty drives", "skyler murphy ... sky
drives", "miriam ... miri left"): the name's first three letters or more, two letters shorter than it at least,
with or without a pet ending ("-y", "-ie", "-i"). They are taken only where ``people.nickname_mentions`` takes an
everyday-word form: right before a narrative verb, after no determiner."""

from __future__ import annotations

from collections.abc import Iterable

from redaction.text.names import given_names

_PET_ENDINGS = ("y", "ie", "i")


def clipped_forms(found: Iterable[str]) -> set[str]:
    """The clipped forms (lower case) of the listed given names among ``found`` (lower-case words)."""
    out: set[str] = set()
    listed = given_names()
    for g in found:
        if len(g) < 5 or g not in listed:
            continue
        for k in range(3, len(g) - 1):
            out.add(g[:k])
            out.update(g[:k] + e for e in _PET_ENDINGS if k + len(e) <= len(g) - 1)
    return out
