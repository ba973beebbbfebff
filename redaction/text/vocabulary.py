"""Which words English text knows: a name nobody listed ("folake", "okafor", "svety") is a word the model never saw.

The name lists (Census, SSA) miss most nicknames and many surnames; the spaCy model's string table holds the
words of its training text (about 49,000 distinct letter-only words, common names among them). A word in
neither is rare in English: where a sentence puts a person (the subject of "said", the surname before ", given
name"), such a word is taken as a name. ``known_words`` reads the table from the model package's files, not from
a loaded pipeline, whose table grows with every text it reads.

``NARRATIVE_VERBS`` are the verbs that follow a person in a narrative ("svety ran off", "JUA ADVISED"); they are
never part of a name, so a name guess that swallows one is trimmed ("eduardo hangs" -> "eduardo").
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

from redaction.recognizers.words import CAPS_STOP_WORDS, NOT_NAME_WORDS, OFFICER_TITLES, fold, word_list
from redaction.text.base import DEFAULT_MODEL

NARRATIVE_VERBS = frozenset({
    "stated", "states", "said", "says", "told", "tells", "advised", "advises", "reported", "reports", "admitted",
    "admits", "denied", "denies", "declined", "declines", "refused", "refuses", "confirmed", "confirms", "agreed",
    "arrived", "left", "leaves", "were", "are", "saw", "sees", "knows", "knew", "heard", "asked", "asks", "called", "calls",
    "texted", "threatened", "threatens", "drives", "drove", "lives", "lived", "stays", "stayed", "hangs", "hung",
    "works", "worked", "was", "is", "has", "had", "ran", "runs", "went", "goes", "came", "comes", "got", "gets",
    "took", "takes", "sells", "sold", "stashes", "yelled", "yells", "broke", "owes", "owed", "keeps", "kept",
    "carries", "carried", "fled", "walked", "wants", "wanted", "tried", "tries", "showed", "shows", "brought",
    "gave", "gives", "punched", "hit", "hits", "pushed", "grabbed", "uses", "used", "plays", "played", "shares",
    "share", "sleeps", "slept", "deals", "dealt", "claims", "claimed", "explained", "explains", "spoke", "speaks",
    "indicated", "indicates", "stole", "steals", "hides", "hid", "fights", "fought", "sits", "sat", "seemed",
    "seems", "appeared", "appears", "became", "becomes", "remained", "returned", "returns", "joined", "met",
    "meets", "would", "could", "did", "does", "might", "must", "should", "let", "lets", "flagged", "waved",
    "opened", "answered", "threw", "throws", "exit", "exits", "exited", "entered", "enters",
    "struck", "strikes", "swung", "swings", "spat", "stabs", "kicks", "slaps", "chokes", "shoves", "bites",
})
# Report abbreviations no dictionary holds that stand where a subject would ("DRVR ADVISED", "SUSP FLED").
_ABBREVIATIONS = frozenset({"drvr", "dvr", "susp", "sus", "unlic", "psgr", "pass", "wit", "vict", "comp", "compl",
                            "ofcr", "offr", "ptl", "tpr", "rpt", "rptd", "advsd", "trans", "xport", "resp", "subj",
                            "assoc", "assn", "asst", "approx", "rcvd", "recd", "vehs", "ppl", "info", "narr", "supp"}
                           | {t.lower() for t in OFFICER_TITLES} | {"dep", "ofc", "cpl", "det", "sgt", "capt", "insp"}
                           | {"poss", "req", "reqs", "pty", "ro", "goa", "unk", "adv", "advd", "sts", "stated", "rp", "rps",
                              "comp", "comps", "vic", "vics", "wits", "invl", "invlvd", "def", "deft", "dft", "ofcs", "ofcrs", "offcs", "offrs", "deps", "dets", "sgts"})
_ABBREVIATIONS |= word_list(Path(__file__).resolve().parent / "data" / "typed_shorthand.txt")  # "abt", "mgmt"
REPORT_ABBREVIATIONS = _ABBREVIATIONS  # dispatch and report shorthand: never a name word ("COMP", "PTY", "POSS")


def _model_root(name: str) -> Path:
    """The model's folder: ``OSD_SPACY_MODEL`` may name an installed package or a model folder (as spacy.load takes)."""
    if os.path.isdir(name):
        return Path(name)
    import spacy.util

    return Path(spacy.util.get_package_path(name))


def _model_name(model: str | None) -> str:
    return model or os.environ.get("OSD_SPACY_MODEL", DEFAULT_MODEL)


def known_words(model: str | None = None) -> frozenset[str]:
    """Lower-case, unaccented letter-only words of the model's string table; empty when it cannot be read (then
    ``unknown_word`` is never true; ``analysis._engine`` refuses such a model rather than run without the rules)."""
    return _known_words(_model_name(model))


@lru_cache(maxsize=4)
def _known_words(name: str) -> frozenset[str]:
    """``known_words`` of a resolved model name: cached by the name, so the default and its spelled-out name share."""
    try:
        root = _model_root(name)
        path = next(root.glob("*/vocab/strings.json"), None) or next(root.glob("vocab/strings.json"), None)
        if path is None:
            return frozenset()
        strings = json.loads(path.read_text(encoding="utf-8"))
    except (ImportError, OSError, ValueError):
        return frozenset()
    words = {fold(s).lower() for s in strings if isinstance(s, str) and s.isalpha()}
    return frozenset(words | dictionary_words(name))


def dictionary_words(model: str | None = None) -> frozenset[str]:
    """The lemmatizer's word index alone (WordNet's common words, few names): "wily", "lay", not "sio" or "pri"."""
    return _dictionary_words(_model_name(model))


@lru_cache(maxsize=4)
def _dictionary_words(name: str) -> frozenset[str]:
    words = frozenset(w for sub in _model_dirs(name) for w in _lemma_index(sub))
    return words | new_words() if words else words


# Colour words (``data/colours.txt``): a vehicle's, clothing's or property's colour, not a person.
COLOURS = word_list(Path(__file__).resolve().parent / "data" / "colours.txt")
_NEW_WORDS = Path(__file__).resolve().parent / "data" / "everyday_new_words.txt"


@lru_cache(maxsize=1)
def new_words() -> frozenset[str]:
    """Everyday words of apps and texting that WordNet predates ("app", "venmo", "lyft": ``data/everyday_new_words.txt``):
    common words to every rule."""
    return word_list(_NEW_WORDS)


def _lookups(root: Path) -> dict:
    """The lemmatizer's tables of a model folder (``lemma_index``, ``lemma_exc``, ...); empty when it has none."""
    try:
        import srsly

        return srsly.msgpack_loads((root / "lemmatizer" / "lookups" / "lookups.bin").read_bytes())
    except (ImportError, OSError, ValueError):
        return {}


def _model_dirs(name: str) -> list[Path]:
    """The model's folder and its subfolders (a package nests the model one level down)."""
    try:
        root = _model_root(name)
    except (ImportError, OSError, ValueError):
        return []
    return [sub for sub in [root, *root.iterdir()] if sub.is_dir()]


def _lemma_index(root: Path) -> set[str]:
    """The lemmatizer's word index (WordNet's nouns, verbs, adjectives and adverbs: "driveway", "meth"), which the
    string table lacks; empty when the model has none."""
    out: set[str] = set()
    for words in (_lookups(root).get("lemma_index") or {}).values():
        out.update(w.lower() for w in words if isinstance(w, str) and w.isalpha())
    return out


def irregular_verb_forms(model: str | None = None) -> frozenset[str]:
    """The irregular verb forms the lemmatizer lists ("began", "taught", "strode"), no -ed or -ing form: never a
    name's second word ("her partner Wes began CPR"), though the census lists some as surnames."""
    return _irregular_verb_forms(_model_name(model))


@lru_cache(maxsize=4)
def _irregular_verb_forms(name: str) -> frozenset[str]:
    out: set[str] = set()
    for sub in _model_dirs(name):
        for forms in (_lookups(sub).get("lemma_exc") or {}).values():
            if "began" in forms:  # the verbs' table (its name is hashed in the file)
                out.update(w.lower() for w in forms if isinstance(w, str) and w.isalpha()
                           and not w.lower().endswith(("ed", "ing")))
    return frozenset(out)


@lru_cache(maxsize=65536)
def unknown_word(word: str) -> bool:
    """A word of three letters or more (hyphens and apostrophes allowed) that neither the model's vocabulary nor
    the report-word lists hold: a name no list has, where the sentence puts a person."""
    known = known_words()
    if not known:
        return False
    low = fold(word).lower().strip(".,").replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]  # "okafor's"; "aka's" is the cue "aka"
    parts = [p for p in low.replace("'", "-").split("-") if p]
    if len(low) < 4 or not parts or not all(p.isalpha() for p in parts):
        return False  # three letters or fewer: as often an abbreviation ("wma") as a name
    if low in CAPS_STOP_WORDS or low in NOT_NAME_WORDS or low in _ABBREVIATIONS or low in NARRATIVE_VERBS:
        return False
    whole = "".join(parts)
    if whole in known or (whole.endswith("s") and whole[:-1] in known) or _compound(whole, known) \
            or _verb_form(whole):
        return False  # "mikes", "stoplamp", "keyholder", "texting": an inflection or two English words run together
    return all(p not in known or len(p) <= 3 for p in parts)


def _verb_form(word: str) -> bool:
    """An -ing or -ed form of a dictionary verb the vocabulary lacks ("texting", "vaped"): no name."""
    words = dictionary_words()
    for end in ("ing", "ed"):
        if word.endswith(end) and len(word) > len(end) + 2:
            stem = word[:-len(end)]
            if stem in words or stem + "e" in words or (stem[-1:] == stem[-2:-1] and stem[:-1] in words):
                return True
    return False


def _compound(word: str, known: frozenset[str]) -> bool:
    """Two dictionary words run together ("speedingwindow", "keyholder"); a three-letter part only in a long word
    ("ivanova" is no "iva" + "nova", "anahera" no "ana" + "hera")."""
    if len(word) < 7:
        return False
    common = dictionary_words() or known
    least = 3 if len(word) >= 9 else 4
    return any(word[:i] in common and word[i:] in common for i in range(least, len(word) - least + 1))


@lru_cache(maxsize=65536)
def uncommon_word(word: str) -> bool:
    """A word of three letters or more that no dictionary lists as a common word (it may be a name the model saw:
    "sio", "pri", "aha"); only where a sentence puts a person is it taken as one."""
    common = dictionary_words()
    low = fold(word).lower().strip(".,")
    if not common or len(low) < 3 or not low.isalpha() or low in common:
        return False
    if low.endswith("s") and low[:-1] in common or _compound(low, known_words()):
        return False  # "headlights", "stoplamp"
    return not (low in CAPS_STOP_WORDS or low in NOT_NAME_WORDS or low in _ABBREVIATIONS or low in NARRATIVE_VERBS)
