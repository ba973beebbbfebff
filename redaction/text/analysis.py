"""Detection without record values: our recognizers on every text, spaCy NER on the windows that need it."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from redaction.errors import RedactionError
from redaction.recognizers.words import (
    CAPS_STOP_WORDS,
    DIRECTIONS,
    NOT_NAME_WORDS,
    SUFFIX_LOWER,
    SUFFIX_WORDS,
    UPPER_CHARS,
    US_STATES,
    fold,
)
from redaction.text.appositions import apposed_names
from redaction.text.bare_possessives import bare_possessives
from redaction.text.base import Span
from redaction.text.boxed_names import boxed_names
from redaction.text.card_initials import card_initials
from redaction.text.chat_speakers import chat_speakers
from redaction.text.clefts import cleft_names
from redaction.text.coded_names import coded_names
from redaction.text.company_subjects import company_subjects
from redaction.text.confidence import DOUBT
from redaction.text.contact_objects import contact_objects
from redaction.text.cued_names import cued_names
from redaction.text.epithets import epithet_names
from redaction.text.field_cards import field_card_names
from redaction.text.from_subjects import from_subjects
from redaction.text.group_members import group_members
from redaction.text.handles import handle_spans
from redaction.text.initial_pairs import initial_pairs
from redaction.text.ink_lists import ink_list_names
from redaction.text.kin_objects import kin_objects
from redaction.text.kin_pairs import kin_pair_names
from redaction.text.letters import letter_names
from redaction.text.lists import semicolon_lists
from redaction.text.message_names import message_names
from redaction.text.names import given_names, mixed_case, name_candidates, plain, recased
from redaction.text.naming import naming_spans
from redaction.text.ner_edges import adjective_phrase, name_end, ner_start, predicate_adjective, verb_end
from redaction.text.ner_model import NerModel, load_ner
from redaction.text.nicknamed_surnames import nicknamed_surnames
from redaction.text.occupant_slots import occupant_names
from redaction.text.owners import owned_names
from redaction.text.particle_names import particle_names
from redaction.text.party_lines import party_line_names
from redaction.text.party_lists import party_lists
from redaction.text.positions import bracketed_nicknames, slot_names, subjects, word_kind
from redaction.text.prepositions import preposition_names
from redaction.text.query_lines import query_lines
from redaction.text.role_copula import role_copula_names
from redaction.text.roles import label_names, role_given, slang_relations, suffix_surnames, titled_names
from redaction.text.short_forms import speaking_short_forms
from redaction.text.short_pairs import short_pairs
from redaction.text.shorthand import shorthand_names
from redaction.text.spanish_titles import spanish_titled
from redaction.text.street_surnames import street_surnames
from redaction.text.tattoo_names import tattoo_names
from redaction.text.vocabulary import COLOURS, known_words, unknown_word
from redaction.text.with_companions import with_companions
from redaction.wordtrie import trie_compile

# --------------------------------------------------------------------------------------------------
# Analyzer (one per process, built lazily)
# --------------------------------------------------------------------------------------------------

_ENGINES: dict[str, Any] = {}
_DIRECTION_WORDS = {f.lower() for forms in DIRECTIONS.values() for f in forms}
_MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                "dec"}
_NER_LABELS = ("PERSON", "PER")


@dataclass
class _Engine:
    ner: NerModel
    recognizers: list[Any]


def _engine(model: str) -> _Engine:
    """The spaCy pipeline (NER only) and our recognizers for ``model``, built once per process.

    Our Presidio recognizers are called through their ``find`` method: Presidio's ``AnalyzerEngine`` adds
    per-text costs (NLP artifacts, context enhancement, result objects) that do not change what is found.
    """
    if model in _ENGINES:
        return _ENGINES[model]
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    from redaction.recognizers import default_recognizers

    ner = load_ner(model)
    # Read the vocabulary now, with the model, not inside the first text's time; the name rules need it: without it
    # they would quietly find nothing, so such a model is refused (and not kept as this model's engine).
    if not known_words(model):
        raise RedactionError(f"spaCy model {model!r}: its vocabulary (vocab/strings.json) cannot be read. Set "
                             "OSD_SPACY_MODEL to an installed model package or a model folder.")
    _ENGINES[model] = _Engine(ner, default_recognizers())
    # The model, vocabularies and name lists live as long as the process: moved out of the cyclic garbage
    # collector's generations, later collections no longer walk their ~100,000 objects (~3% of redaction time
    # in a fresh process). Objects alive now are never cycle-collected; refcounting still frees them.
    gc.collect()
    gc.freeze()
    return _ENGINES[model]


def _worth_analyzing(text: str) -> bool:
    """Cheap pre-screen: every recognizer and the NER need an upper-case letter, a digit or an '@'."""
    return any(c.isupper() or c.isdigit() or c == "@" for c in text)


_CAP_WORD = trie_compile(r"(?<![\w'’\-])[" + UPPER_CHARS + r"][^\W\d_]*(?:['’\-][^\W\d_]{2,})*")
# Capitalized words ending in a street suffix: "Martin Luther King Jr Blvd", "OLD MILL WAY", "Cedar Rd".
_STREET_NAME = trie_compile(
    r"(?<![\w'’\-])(?:[" + UPPER_CHARS + r"0-9][^\W_]*\.?\s+){1,5}"
    r"(?:" + "|".join(SUFFIX_WORDS) + "|" + "|".join(w.upper() for w in SUFFIX_WORDS) + r")\b"
    r"(?!\.?\s+[" + UPPER_CHARS + r"][^\W\d_]*,)")
_NER_CONTEXT = 40  # characters of context on each side of a word that NER has to look at
# Capitalized words that start no NER window (never names, or names NER could not tell from the word).
_NER_SKIP = US_STATES | COLOURS | {
    "number", "social", "security", "noise", "intersection", "welfare", "action", "follow", "present", "loss",
    "born", "bureau", "units", "code", "case", "approx", "dispatch", "contact",
}


def _ner_worthy(word: str) -> bool:
    """A capitalized word that could be (part of) a name nothing else has found."""
    low = fold(word).lower()
    return not (low in NOT_NAME_WORDS or low in CAPS_STOP_WORDS or low in SUFFIX_LOWER or low in _DIRECTION_WORDS
                or low in _MONTH_WORDS or low in _NER_SKIP or len(low) < 2)


def _places_and_ink(text: str) -> list[tuple[int, int]]:
    """Names read as a street or place ("Robert Lane is 23") and names inked in a tattoo ("RIP Marcus")."""
    return street_surnames(text) + tattoo_names(text) + ink_list_names(text)


def ner_windows(text: str, covered: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Parts of ``text`` the NER must read: windows around capitalized words outside ``covered`` spans.

    A capitalized word that is a report or common word, a street word or month, or that lies inside a span
    already found (a pattern match or a record value), needs no NER; every other one gets ``_NER_CONTEXT``
    characters of context on each side (snapped to spaces). Overlapping windows are merged.
    """
    spans = sorted([*covered, *(m.span() for m in _STREET_NAME.finditer(text))])
    windows: list[tuple[int, int]] = []
    k = 0
    for m in _CAP_WORD.finditer(text):
        s, e = m.span()
        while k < len(spans) and spans[k][1] <= s:
            k += 1
        if any(cs <= s and e <= ce for cs, ce in spans[k:k + 4]) or not _ner_worthy(m.group()):
            continue
        lo = text.rfind(" ", 0, max(0, s - _NER_CONTEXT)) + 1
        hi = text.find(" ", min(len(text), e + _NER_CONTEXT))
        hi = len(text) if hi < 0 else hi
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], hi))
        else:
            windows.append((lo, hi))
    return windows


# The rules that find a name by its place in a sentence, a form or a card, each a module of its own (in this order).
_PLACERS: tuple[Callable[[str], list[tuple[int, int]]], ...] = (
    subjects, bracketed_nicknames, slot_names, cued_names, titled_names, role_given, handle_spans, semicolon_lists,
    party_lists, role_copula_names, suffix_surnames, slang_relations, label_names, naming_spans, _places_and_ink,
    letter_names, preposition_names, shorthand_names, epithet_names, owned_names, cleft_names, apposed_names,
    particle_names, boxed_names, kin_pair_names, message_names, initial_pairs, contact_objects, speaking_short_forms,
    from_subjects, nicknamed_surnames, field_card_names, card_initials, coded_names, party_line_names, spanish_titled,
    with_companions, kin_objects, bare_possessives, query_lines, short_pairs, group_members, occupant_names,
    company_subjects,
    chat_speakers,
)


def placed_names(text: str) -> list[tuple[int, int]]:
    """The spans every rule of ``_PLACERS`` finds in ``text``, rule by rule."""
    return [span for placer in _PLACERS for span in placer(text)]


def analyze_texts(texts: Sequence[str], model: str, batch_size: int = 64,
                  covered: Sequence[Sequence[tuple[int, int]]] | None = None, *,
                  windows: bool = True) -> list[list[Span]]:
    """Detected spans (before record-aware matching and filtering) for each text, in order.

    Our recognizers run on every text; spaCy's NER only on ``ner_windows`` (the whole text when
    ``windows`` is False), and on re-cased windows around the words ``names.name_candidates`` picks (names
    typed in lower case or in capitals). ``covered[i]`` adds spans already known for text i (record values).
    """
    engine = _engine(model)
    out: list[list[Span]] = [[] for _ in texts]
    jobs: list[tuple[int, int, str, list[tuple[int, int]] | None]] = []
    for i, text in enumerate(texts):
        if not text:
            continue
        known = list(covered[i] if covered is not None else ())
        cands = name_candidates(text)
        placed = placed_names(text)
        if not cands and not placed and not _worth_analyzing(text) and not any(map(unknown_word, text.split())):
            continue  # nothing that could be a name: no capital, digit, listed or unknown name word
        spans = out[i]
        for rec in engine.recognizers:
            entity = rec.ENTITY
            for start, end, _ in rec.find(text):
                first = ner_start(text, start, end) if entity == "PERSON" else start
                end = name_end(text, start, end) if entity == "PERSON" else end
                if first is not None and not (entity == "PERSON" and predicate_adjective(text, first, end)):  # "SINCERELY, LATONYA" is no "surname, given"
                    spans.append((first, end, entity))
        spans.extend((s, name_end(text, s, e), SURE_PERSON) for s, e in placed)
        known += [(s, e) for s, e, _ in spans]
        # re-cased NER only for candidates nothing has explained yet (a record value, a pattern, a cue)
        cands = [c for c in cands if not any(s <= c[0] and c[1] <= e for s, e in known)]
        jobs.extend((i, lo, recased(text, lo, hi, cands), cands)
                    for lo, hi in _windows_around(text, cands, _RECASED_CONTEXT))
        if not windows:
            jobs.append((i, 0, text, None))
            continue
        jobs.extend((i, lo, text[lo:hi], None) for lo, hi in ner_windows(text, known))
    docs = engine.ner.pipe((j[2] for j in jobs), batch_size=batch_size)
    given = given_names()
    confirmed: dict[int, list[tuple[int, int]]] = {}
    seen_ents: dict[int, list[tuple[int, int]]] = {}
    for (i, lo, _, around), doc in zip(jobs, docs, strict=True):
        for e in doc.ents:
            s, t = lo + e.start_char, lo + e.end_char
            if around is None:
                if " " in e.text or texts[i][t:t + 2] in ("'s", "’s"):  # "Trader Joe's", "Wendy's": a business
                    seen_ents.setdefault(i, []).append((s, t))  # (one word alone, "Jovanni" ORG, is the NER's slip)
                first = ner_start(texts[i], s, t) if e.label_ in _NER_LABELS else None
                if first is not None and not predicate_adjective(texts[i], first, t):
                    out[i].append((first, name_end(texts[i], first, t), "PERSON"))
                continue
            # re-cased window: only entities over the candidate words; a given name first makes an ORG a person
            if not any(s < ce and cs < t for cs, ce in around):
                continue
            if e.label_ in _NER_LABELS or (e.label_ in _RECASED_LABELS and e.text.split()[0].lower() in given):
                first = ner_start(texts[i], s, t)
                if first is not None and not adjective_phrase(texts[i], first, t) \
                        and not predicate_adjective(texts[i], first, t):
                    t = verb_end(texts[i], first, name_end(texts[i], first, t))
                    out[i].append((first, t, "PERSON"))
                    confirmed.setdefault(i, []).append((first, t))
    doubted: set[tuple[int, int, int]] = set()
    for i, _lo, _, around in jobs:  # candidates the re-cased NER did not confirm: doubtful keeps (confidence.py)
        for cs, ce in around or ():
            if ((i, cs, ce) not in doubted and plain(texts[i][cs:ce]) in given
                    and not any(s < ce and cs < t for s, t in confirmed.get(i, ()))):  # a listed given name
                doubted.add((i, cs, ce))
                # a listed given name no dictionary holds ("dmitri", "marisol") is a name whatever the NER says
                out[i].append((cs, ce, SURE_PERSON if word_kind(texts[i][cs:ce]) == "strong" else DOUBT))
    for i, text in enumerate(texts):
        if text and mixed_case(text):
            out[i].extend(title_given(text, out[i], seen_ents.get(i, ()), given))
    return out


def title_given(text: str, spans: Sequence[tuple[int, int, str]], ents: Sequence[tuple[int, int]],
                given: frozenset[str]) -> list[Span]:
    """In mixed-case text, a capitalized listed given name that no dictionary holds ("Thaddeus", "Jovanni"), that
    nothing found and the NER took for nothing (a brand, a place): a name, as it is in lower case."""
    streets: list[tuple[int, int]] | None = None
    found: list[Span] = []
    for m in _CAP_WORD.finditer(text):
        s, e = m.span()
        w = m.group()
        if w.isupper() or text[e:e + 1].isalnum() or fold(w).lower() not in given or word_kind(w) != "strong":
            continue  # "Tre4" is a handle
        if any(a < e and s < b for a, b, _ in spans) or any(a < e and s < b for a, b in ents):
            continue
        streets = [m.span() for m in _STREET_NAME.finditer(text)] if streets is None else streets
        if any(a < e and s < b for a, b in streets):
            continue
        before = _WORD_BEFORE.search(text, max(0, s - 40), s)
        after = _WORD_AFTER.match(text, e)
        if (before is not None and (before.group(1).lower() in _PLACE_BEFORE or before.group(1).endswith("/"))) or (
                after is not None and (after.group(1) or (after.group(2) or "").lower() in SUFFIX_LOWER)):
            continue  # "eastbound on Ashby", "Fulton /Channing", "Channing way", "a bottle of Hennessy"
        found.append((s, e, "PERSON"))
    return found


# The word before a capitalized given name (or a "/" right before it) and the word after it (or a "/").
_WORD_BEFORE = trie_compile(r"([\w/]*)[ \t]*\Z")
_WORD_AFTER = trie_compile(r"[ \t]*(?:(/)|([^\W\d_]+))?")
# Words before a street named without its suffix ("westbound Channing", "on Ashby at King", "past Adeline").
_PLACE_BEFORE = frozenset({"on", "at", "from", "onto", "past", "near", "of", "via", "off", "along", "across", "crossing",
                           "northbound", "southbound", "eastbound", "westbound", "nb", "sb", "eb", "wb", "n/b", "s/b",
                           "e/b", "w/b", "block"})


# A name taken from its cue ("Sgt. West", "her roommate ngozi balogun"): its words are not trimmed as report words.
SURE_PERSON = "PERSON_CUED"
_RECASED_CONTEXT = 24  # characters each side of a re-cased candidate: enough for the NER to judge a name
_RECASED_LABELS = ("ORG", "GPE", "NORP", "FAC", "PRODUCT", "LOC", "WORK_OF_ART")


def _windows_around(text: str, spans: Sequence[tuple[int, int]], context: int = _NER_CONTEXT) -> list[tuple[int, int]]:
    """Merged windows of ``context`` characters on each side of ``spans`` (snapped to spaces)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        lo = text.rfind(" ", 0, max(0, s - context)) + 1
        hi = text.find(" ", min(len(text), e + context))
        hi = len(text) if hi < 0 else hi
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out
