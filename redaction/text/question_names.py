"""Names asked about in interview and body-camera transcripts ("Q: who's tavita?", "Where's Mbali now?", "DID OBINNA
HAVE THE GUN?", "how do you know kalea?", "S: that's keoni."), in any casing.

Why: a transcript's questions put a person right after "who's", "where's", "why did", "did", "do you know", and its
answers after "that's"; in lower case or capitals the NER sees no name there, and no role or relation cue stands
before it. Only in a text that asks something (a "?" in it) is the word after such a question cue taken, and only
when it reads as a name and never as a word: a word no vocabulary holds ("ikaika", "obinna"), or a listed given
name or surname that no dictionary holds as a common word ("jaylen", "bashir"); a surname or an unknown word right
after it is the same person's ("do you know marcus whitfield?"). "Where's the car?", "did anyone see", "that's
crazy" name nobody.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from redaction.text.cue_words import TEXTING_WORDS
from redaction.text.names import CUE_WORDS, given_names, inflected, surnames
from redaction.text.vocabulary import NARRATIVE_VERBS, REPORT_ABBREVIATIONS, uncommon_word, unknown_word
from redaction.wordtrie import trie_compile

_NAME = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
_CUE = trie_compile(r"(?<![\w'’])(?i:who['’]?s|who[ \t]+(?:is|was)|where['’]?s|where[ \t]+(?:is|was|did|does)|"
                  r"(?:why|when|how)[ \t]+(?:did|does|is|was)|did|does|(?:do|did)[ \t]+(?:you|u|ya)[ \t]+know|"
                  r"have[ \t]+(?:you|u)[ \t]+seen|that['’]?s|this[ \t]+is)[ \t]+(" + _NAME + r")(?:[ \t]+(" + _NAME
                  + r"))?")
_POSSESSIVE = trie_compile(r"['’][sS]\Z")


def _reads_as_name(word: str, surname_only: bool = False) -> bool:
    """A word no vocabulary holds, or a listed given name or surname no dictionary holds as a common word."""
    low = _POSSESSIVE.sub("", word).lower()
    if (len(low) < 3 or low in STOP_WORDS or low in CUE_WORDS or low in TEXTING_WORDS or low in REPORT_ABBREVIATIONS
            or low in NARRATIVE_VERBS):
        return False
    listed = low in surnames() if surname_only else (low in given_names() or low in surnames())
    return unknown_word(low) or (listed and uncommon_word(low) and not inflected(low))


def question_names(text: str) -> list[tuple[int, int]]:
    """Spans of the names asked about or pointed at in a text that asks a question (see the module doc)."""
    if "?" not in text:
        return []
    out: list[tuple[int, int]] = []
    for m in _CUE.finditer(text):
        if not _reads_as_name(m.group(1)):
            continue
        end = m.end(1)
        if m.group(2) and not _POSSESSIVE.search(m.group(1)) and _reads_as_name(m.group(2), surname_only=True):
            end = m.end(2)
        if _POSSESSIVE.search(text[m.start(1):end]):
            end -= 2
        out.append((m.start(1), end))
    return out
