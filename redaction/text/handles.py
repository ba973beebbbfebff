"""Social-media handles: an account name names its holder as surely as a name does (a PERSON, per the guide).

Narratives of threats, harassment and tips quote accounts: "he messaged her from @big_mike_209", "IG: tasha.b",
"his snap is kdawg44", "cash app $jaylen22". Found here:

* ``@name`` not glued to a word or a dot before it (so an e-mail address, ``name@example.com``, stays an EMAIL),
  holding a letter, and not one dictionary word typed after "@" for "at" ("@home", "@work", "@1400");
* a word shaped like a handle after "user", "username", "profile" ('posted by user "ghostface_44"');
* a name after a platform label ("ig", "insta", "snap", "sc", "tiktok", "twitter", "fb", "kik", "venmo", "cash app"
  ...) and a colon, "@", "$", "is" or "handle"/"username"/"account"; right after the label only a word that looks
  like a handle (a digit, an underscore or an inner dot: "snap kdawg44"), so "FB confirmed" stays.

The span is the account name without its "@" or "$" (the sign is no part of the value).
"""

from __future__ import annotations

import re

from redaction.recognizers.words import NOT_NAME_WORDS
from redaction.text.vocabulary import dictionary_words
from redaction.wordtrie import trie_compile

_HANDLE_CHARS = r"[^\W_]\w*(?:\.\w+)*"
_AT = trie_compile(r"(?<![\w.@])@(" + _HANDLE_CHARS + r")")
_PLATFORMS = (r"ig|insta|instagram|snap|snapchat|sc|tiktok|tik[ \t]?tok|twitter|fb|facebook|kik|telegram|"
              r"discord|venmo|cash[ \t]?app|cashtag|threads|youtube|twitch|onlyfans|reddit")
_LABELLED = trie_compile(
    r"(?<![\w@.])(?i:" + _PLATFORMS + r")(?:[ \t]+(?i:handle|name|username|user|account|acct|page|id|tag))?"
    r"(?:[ \t]*(?::|-|=|(?i:is|was|as|at))[ \t]*|[ \t]+)([@$]?)(" + _HANDLE_CHARS + r")")
_HANDLE_LIKE = trie_compile(r"\w*(?:\d|_|[^\W\d_]\.[^\W\d_])\w*")
# An account named without a platform ('posted by user "ghostface_44"', "username kdawg.44"): only a
# word shaped like a handle (a digit, an underscore or an inner dot), so "the user was" stays (an "account" may be a bank's).
_GENERIC = trie_compile(r"(?<![\w@.])(?i:user(?:[ \t]?name)?|profile|gamertag)"
                      r"[ \t]*(?::|-|=)?[ \t]*[\"“'‘]?(" + _HANDLE_CHARS + r")")


def _plausible(handle: str) -> bool:
    """A handle, not an "@" written for "at": a letter in it, and not one plain dictionary word."""
    if not any(c.isalpha() for c in handle):
        return False
    low = handle.lower()
    if low in NOT_NAME_WORDS:
        return False  # "@WALGREENS - GRAVOIS AND HAMPTON": a CAD location, a store or report word after "at"
    return "_" in low or "." in low or any(c.isdigit() for c in low) or low not in dictionary_words()


def handle_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the account names in ``text`` (see the module doc)."""
    low = text.lower()
    generic = [] if "user" not in low and "profile" not in low \
        and "gamertag" not in low else [m.span(1) for m in _GENERIC.finditer(text) if _HANDLE_LIKE.fullmatch(m.group(1))
                                        and not m.group(1).isdigit()]
    if "@" not in text and "$" not in text and not _LABELLED.search(text):
        return generic
    out = generic + [m.span(1) for m in _AT.finditer(text) if _plausible(m.group(1))]
    for m in _LABELLED.finditer(text):
        sign, handle = m.group(1), m.group(2)
        separated = bool(sign) or bool(re.search(r"[:=\-]|(?i:\bis\b|\bwas\b|\bas\b|\bat\b)", text[m.start():m.start(1)]))
        if handle.lower() in ("is", "was", "name", "handle", "account") or not _plausible(handle):
            continue
        if separated or _HANDLE_LIKE.fullmatch(handle):
            out.append(m.span(2))
    return sorted(set(out))
