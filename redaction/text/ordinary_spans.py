"""The NER's own guesses that are ordinary words: "Marijuana in plain view", "Graffiti", "Callers reported", "RP saw
subject vomit", "Stop for tags and brake lights", "PAT SEARCH FOR WEAPONS, INVENTORY OF VEHICLE".

The model behind the redactor is trained to find names in any casing, so on short officer notes it takes a
sentence's first noun, a noun in capitals or a lower-case noun for a person. A guess with no cue and no record value
behind it is kept when the words themselves say it is no name:

* every word is a common or report word that no name list holds ("marijuana", "callers", "weapons");
* in mixed-case text (where the writer capitalizes), every word is written in lower case and is a dictionary word
  that no given-name list holds ("tags", "brake lights", "hammer": surnames too, but typed as the nouns they are).

Names found by a cue, a record value or the re-cased reading of listed names are not judged here (recall first).
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS as SPACY_STOP

from redaction.text.names import AMBIGUOUS_GIVEN, given_names, mixed_case, plain, surnames
from redaction.text.vocabulary import COLOURS, NARRATIVE_VERBS, dictionary_words
from redaction.text.word_kinds import word_kind
from redaction.text.word_pos import lexicon
from redaction.wordtrie import trie_compile

_WORD = trie_compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_NAMED = trie_compile(r"(?<![\w'’])(?i:named|called|aka|a/k/a|a\.k\.a\.?|alias|nicknamed|goes[ \t]+by|known[ \t]+as)"
                    r"[ \t:,\"“(]+\Z")
_OPENS = trie_compile(r"(?:\A|[.!?:;\n]|[.!?:;][ \t]+|\n[ \t]*)\Z")
_WORD_BEFORE = trie_compile(r"([^\W\d_]+)[ \t]+\Z")
_THING_BEFORE = trie_compile(r"(?<![\w'’])(?:the|a|an|in|into|during)[ \t]+\Z")
_GLOSSED = trie_compile(r"[ \t]*[(\"“]")
_SPEAKS = trie_compile(r"[ \t]+([^\W\d_]+)\b")


def _listed(low: str) -> bool:
    return low in given_names() or low in AMBIGUOUS_GIVEN or low in surnames()


def _plain_word(word: str) -> bool:
    """A common or report word no name list holds, each part of a hyphenated one too ("al-Masri" is a name)."""
    parts = [word, *word.split("-")] if "-" in word else [word]
    return all(word_kind(p) == "" and not _listed(plain(p).replace("’", "'")) for p in parts if p)


def _colour_before(words: list[str], i: int) -> bool:
    """A colour before a thing ("GOLD WATCH", "BLACK WALLET", "GREEN HAT"): a description, no "Gold" or "Black"."""
    if words[i].lower() not in COLOURS or i + 1 >= len(words):
        return False
    nxt = plain(words[i + 1])
    return _common(nxt) and nxt not in NARRATIVE_VERBS and not nxt.endswith("ed")


def _title_text(text: str) -> bool:
    """Most words start with a capital ("Gold Watch, Green Jacket Taken From"): a capital marks nothing there."""
    words = _WORD.findall(text)
    return len(words) > 3 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _epithet(word: str) -> bool:
    """An adjective or a word WordNet holds as no noun ("Wily", "Squeaky"): a nickname may be one ("Nomad was found"
    is a noun)."""
    adjectives, nouns, _, _ = lexicon()
    low = word.lower()
    return low in adjectives or low not in nouns


def _speaks(text: str, end: int) -> bool:
    """A narrative verb follows ("WILY ADVISED", "Wily said"): the subject of a report verb may be an epithet."""
    m = _SPEAKS.match(text, end)
    return m is not None and m.group(1).lower() in NARRATIVE_VERBS


def _common(low: str) -> bool:
    """A dictionary word, or the plural of one ("tags", "lights"), that no given-name list holds."""
    words = dictionary_words()
    known = low in words or (low.endswith("s") and (low[:-1] in words or (low.endswith("es") and low[:-2] in words)))
    return known and low not in given_names() and low not in AMBIGUOUS_GIVEN


def ordinary_span(text: str, start: int, end: int, lower: bool = True) -> bool:
    """True when the NER's ``text[start:end]`` is made of ordinary words (see the module doc); ``lower``: the
    lower-case dictionary words of mixed-case text too."""
    words = _WORD.findall(text, start, end)
    words = words[:1] + [w for w in words[1:-1] if w.lower() not in SPACY_STOP] + words[1:][-1:]  # "GRAFFITI ON WALL"
    if not words or any(len(w) < 3 for w in words):
        return False  # "P.W.", "Officer AY": initials ("GRAFFITI ON WALL" is none)
    before = _WORD_BEFORE.search(text, max(0, start - 12), start)  # "SILVER [RING, GOLD WATCH]"
    colour = before is not None and before.group(1).lower() in COLOURS
    if not (colour or words[0].islower() or words[0].lower() in COLOURS or _plain_word(words[0])):
        return False  # most names: their first word is a name word (the cheap test first)
    if _NAMED.search(text, max(0, start - 16), start):
        return False  # "a b/m named spider": a name whatever its word
    if mixed_case(text) and words[0].istitle() and not _OPENS.search(text, max(0, start - 3), start) \
            and not _title_text(text):
        return False  # "asked for Peanut": a capital inside a sentence of mixed-case text says a name
    lows = [plain(w).replace("’", "'") for w in words]
    words = ([before.group(1)] if before is not None and colour else []) + words
    described = [_colour_before(words, i) for i in range(len(words))]  # "GOLD WATCH": the colour and its thing
    if all(_plain_word(w) or described[i] or (i and described[i - 1]) for i, w in enumerate(words)):
        # not an epithet that speaks or is glossed ("WILY ADVISED", "squeaky (")
        return not ((len(words) == 1 and _epithet(words[0]) and _speaks(text, end)) or _GLOSSED.match(text, end))
    if not (lower and all(w.islower() for w in words) and mixed_case(text)):
        return False
    if len(words) == 1 and _THING_BEFORE.search(text, max(0, start - 12), start) and lows[0] in dictionary_words():
        return True  # "in rain", "the door bell": a given name that is a word, after an article or "in"
    return all(map(_common, lows))


def within_phrases(text: str, start: int, end: int, phrases: list[tuple[int, int]]) -> bool:
    """Every word of ``text[start:end]`` lies in one of ``phrases`` (``not_names.yaml``): "Trader Joe's", and a
    guess across two of them ("TINTED [WINDOWS, Brake] light": "tinted windows", "brake light")."""
    return bool(phrases) and all(any(s <= m.start() and m.end() <= e for s, e in phrases)
                                 for m in _WORD.finditer(text, start, end))
