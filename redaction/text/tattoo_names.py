"""Names written in a tattoo ("tattoo reading RIP Marcus", "Tattoo on neck: LOVES TASHA", "reads 'Mama Lupe'").

Why: a description of marks quotes the words inked on a person, and those are often a loved or lost one's name;
no cue word of a person stands before it ("RIP", "LOVES", "reading" are no roles), and in capitals or lower case
the NER does not take it. After the word "tattoo" in the same sentence, a name word (``word_kinds.word_kind``:
"strong" or "given"; never a common noun: "LOYALTY", "LOVE") right after the words that quote or dedicate ink
("reading", "reads", "says", "the name", "RIP", "in loving memory of", "loves", "mama") is a name, in any case; a
second name word after it goes with it ("RIP Marcus Bell").
"""

from __future__ import annotations

import re

from redaction.text.word_kinds import word_kind
from redaction.wordtrie import trie_compile

_TATTOO = trie_compile(r"tatt?oo", re.IGNORECASE)
_END = trie_compile(r"[.;!?\n]|\Z")
_CUE = (r"(?:rip|r\.i\.p\.?|rest[ \t]+in[ \t]+peace|loves?|i[ \t]+love|in[ \t]+(?:loving[ \t]+)?memory[ \t]+of|"
        r"mama|mom|momma|baby|forever|reading|reads|read|says|saying|that[ \t]+says|stating|spells|spelling|"
        r"(?:of|with)[ \t]+the[ \t]+name|name|named)")
_INKED = trie_compile(r"(?<![\w'’])" + _CUE + r"[ \t:]+[\"'“‘]?(?:" + _CUE + r"[ \t]+[\"'“‘]?){0,2}"
                    r"([^\W\d_]{2,}(?:['’\-][^\W\d_]+)?)(?:[ \t]+([^\W\d_]{2,}))?", re.IGNORECASE)
_NAME_KINDS = ("strong", "weak", "given")


def tattoo_names(text: str) -> list[tuple[int, int]]:
    """Name spans quoted from a tattoo (see the module doc)."""
    out: list[tuple[int, int]] = []
    for t in _TATTOO.finditer(text):
        end = _END.search(text, t.end())
        stop = end.start() if end is not None else len(text)
        for m in _INKED.finditer(text, t.end(), stop):
            if word_kind(m.group(1)) not in _NAME_KINDS or re.fullmatch(_CUE, m.group(1), re.IGNORECASE):
                continue
            last = m.end(2) if m.group(2) and word_kind(m.group(2)) in ("strong", "weak", "surname") else m.end(1)
            out.append((m.start(1), last))
    return out
