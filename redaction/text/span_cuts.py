"""PERSON spans cut to the name: titles, report words, verbs, alias cues, lists and ordinary words left out."""

from __future__ import annotations

import re
from collections.abc import Sequence

from redaction.recognizers.person_cue import not_name
from redaction.recognizers.street_word_surnames import street_surname, street_surname_ok
from redaction.recognizers.words import CAPS_STOP_WORDS, OFFICER_TITLES, SUFFIX_LOWER, VEHICLE_WORDS
from redaction.text import confidence as C
from redaction.text.alias_cues import cue_inside
from redaction.text.candidates import FOLLOWED_BY_SUFFIX, KEY_TOKEN, Cand, RecordMatches, name_tokens
from redaction.text.identity import split_list
from redaction.text.initials import initials_lists
from redaction.text.ink_lists import off_body_places
from redaction.text.name_runs import cut_runs
from redaction.text.names import AMBIGUOUS_GIVEN, CUE_WORDS, given_names, surnames
from redaction.text.negatives import refine
from redaction.text.party_lines import label_before
from redaction.text.people import is_initials
from redaction.text.speech_tags import quoted_word
from redaction.text.street_before import name_start
from redaction.text.vocabulary import NARRATIVE_VERBS, REPORT_ABBREVIATIONS, dictionary_words, known_words
from redaction.wordtrie import trie_compile

_LEADING_TITLE = trie_compile(
    r"\A(?:(?:" + "|".join(re.escape(t) for t in sorted(OFFICER_TITLES + ["Mr", "Mrs", "Ms", "Miss", "Dr"],
                                                         key=len, reverse=True)) + r")\.?\s+)+", re.IGNORECASE)
_SAINT_AFTER = trie_compile(r"\s+(?i:st)\.\s+(?:[A-Z][a-z]|(?i:john|james|clair|pierre|louis|cyr|germain|jean|denis|"
                          r"george|paul|mary|amand|croix|laurent|martin|onge|hilaire|vincent)\b)")


_ALIAS_CUE_WORD = trie_compile(r"(?i:a/k/a|a\.k\.a\.?|aka)")
_TOKEN_IN_SPAN = trie_compile(r"\S+")


def split_merged(text: str, chosen: list[Cand], own: frozenset[str], people: Sequence[frozenset[str]] = ()
                 ) -> list[Cand]:
    """A PERSON span holding a report word, a verb form or an alias cue is cut there, the word left out ("SZ
    CONFIRMED K.K.", "LUCKY, ASSOC INGRID DÍAZ", "LONG STOPPED HADDAD, AMIR E"): the pieces are names of possibly
    different people, and the word between them is no name. Two names listed around a comma are cut there too
    (``identity.split_list``)."""
    out: list[Cand] = []
    for c in _split_lists(text, chosen, people):
        if c.entity == "PERSON" and "." in text[c.start:c.end]:  # "at Jefferson St. EDUARDO said": no street
            c = Cand(name_start(text, c.start, c.end, own), c.end, c.entity, c.key, c.priority, c.conf)
        toks = list(_TOKEN_IN_SPAN.finditer(text, c.start, c.end)) if c.entity == "PERSON" else []
        cut = [_split_word(t.group(), own) for t in toks]
        if len(toks) < 2 or not any(cut) or all(cut):
            out.extend(Cand(s, e, c.entity, c.key, c.priority, c.conf) for s, e in (  # full names run together
                cut_runs(text, c.start, c.end) if len(toks) >= 4 and not any(cut) else [(c.start, c.end)]))
            continue
        piece: list[re.Match] = []
        for t, stop in zip([*toks, None], [*cut, True], strict=True):
            if stop and piece:
                end = piece[-1].end()
                while end > piece[0].start() and text[end - 1] in ",;:":
                    end -= 1
                out.append(Cand(piece[0].start(), end, c.entity, c.key, c.priority, c.conf))
                piece = []
            elif not stop and t is not None:
                piece.append(t)
    return out


def _split_lists(text: str, chosen: list[Cand], people: Sequence[frozenset[str]]) -> list[Cand]:
    out: list[Cand] = []
    for c in chosen:
        parts = split_list(text, c.start, c.end, people) if c.entity == "PERSON" and "," in text[c.start:c.end] \
            else [(c.start, c.end)]
        out.extend(Cand(s, e, c.entity, c.key, c.priority, c.conf) for s, e in parts)
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
    return (_verb_form(word) or (low in CUE_WORDS and low not in AMBIGUOUS_GIVEN and len(word) > 2)) and word.isalpha()


def _inflected(low: str) -> bool:
    """"confirmed", "stopped", "using": an English verb with its ending ("xiaoling" is none: "xiaol" is no verb). A
    form no vocabulary holds needs a dictionary stem ("stoped"): "Guled", "Fahed" have only rare ones ("gul", "fah")."""
    stem = low[:-2] if low.endswith("ed") else low[:-3]
    stems = (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else "")
    words = known_words() if low in known_words() else dictionary_words()
    return any(len(x) >= 3 and x in words for x in stems)


_SPAN_WORD = trie_compile(r"(?:(?:St|ST)\.?\s+(?=[^\W\d_a-z]))?[^\s,]+")  # "ST. CLAIR" is one word, "St. darnell" two


def _verb_form(word: str) -> bool:
    """An English verb's form in -ed or -ing ("suffered", "forcing") that is no listed name ("Ahmed", "Reed") and no
    name that merely ends like one ("Xiaoling", "Guled": no English stem, ``_inflected``)."""
    low = word.strip(".,").lower()
    return len(low) > 4 and low.endswith(("ed", "ing")) and low not in given_names() and low not in surnames() \
        and _inflected(low)


# Alias cues the NER reads as part of a name ("Keisha Kealoha a.k.a", "NICKNAME CHICO"): a name ends before one.
_CUE_INITIALS = frozenset({"a.k.a", "f.k.a", "n.k.a", "o.k.a"})
_PREFIXES_ALONE = frozenset({"lil", "li'l", "li’l", "lil'", "lil’", "yung"})
_ALIAS_WORDS = {"aka", "a.k.a", "a/k/a", "aka's", "akas", "nickname", "nicknamed", "nn", "s/n", "n/n", "alias",
                "moniker", "f/k/a", "f.k.a", "fka", "n/k/a", "n.k.a", "nka"}


_FAMILY_WORDS = frozenset({"family", "families", "household", "residence"})  # after a surname: its family, no name


def _stop_word(word: str, n_words: int) -> bool:
    """A report or common word at the edge of a detected name (a lone Title-case one too: "Reached")."""
    low = word.strip(".,:;").lower()
    if not_name(word) or low in CUE_WORDS or low in _ALIAS_WORDS or low in REPORT_ABBREVIATIONS:  # "VICTIM'S DAUGHTER, TEMPERANCE ..."
        return True
    return n_words == 1 and word.strip(".,").lower() in CAPS_STOP_WORDS


def drop_negatives(text: str, chosen: list[Cand], rec: RecordMatches | None, kept: list[C.Decision],
                    aliases: list[tuple[int, int]], whole: Sequence[tuple[int, int]] = ()) -> list[Cand]:
    """PERSON spans trimmed, split or dropped where the sentence uses their words otherwise (``negatives.py``);
    the characters of ``whole`` (as of the record's own names) are never cut."""
    persons = [c for c in chosen if c.entity == "PERSON"]
    fixed = [(c.start, c.end) for c in rec.cands if c.entity == "PERSON"] if rec is not None else []
    fixed += whole
    out = [c for c in chosen if c.entity != "PERSON"]
    for c, pieces in zip(persons, refine(text, [(c.start, c.end) for c in persons], fixed, aliases), strict=True):
        if pieces != [(c.start, c.end)]:
            kept.append(C.Decision(c.start, c.end, "PERSON", False, C.KEEP_ORDINARY_WORD))
        out.extend(Cand(a, b, "PERSON", c.key, c.priority, c.conf) for a, b in pieces)
    return sorted(out, key=lambda c: c.start)


def family_initials(text: str, chosen: list[Cand], own: frozenset[str]) -> list[Cand]:
    """Lists of a family's initials beside a surname the record or the text names ("RG OR JG": ``initials.py``)."""
    if not any(c.isupper() for c in text):
        return chosen
    words = [w for w in own if not w.startswith("#")]
    words += [w for c in chosen if c.entity == "PERSON" for w in KEY_TOKEN.findall(text, c.start, c.end) if len(w) > 1]
    found = [(s, e) for s, e in initials_lists(text, words) if not any(c.start < e and s < c.end for c in chosen)]
    if not found:
        return chosen
    return sorted(chosen + [Cand(s, e, "PERSON", None, 1, C.REDACT_CUED) for s, e in found], key=lambda c: c.start)


# A line that opens with a label, as export forms write a party: "W: ", "RP - ", "S1/", "DRVR/".
_LINE_LABEL = trie_compile(r"\n[ \t]*[^\W\d_][\w/#]{0,11}\.?[ \t]*(?:[:/]|-(?=[ \t]))")


def _before_line_label(text: str, start: int, end: int) -> int:
    """``end``, or the end of the span's first line when the next line opens with a label ("LOPEZ, MARIA\nW: TRAN":
    the NER ran the name into the next party's label and name)."""
    p = text.find("\n", start, end)
    while p != -1:
        if _LINE_LABEL.match(text, p):
            return len(text[start:p].rstrip()) + start
        p = text.find("\n", p + 1, end)
    return end


_CLOSING_QUOTE = trie_compile(r"(?<=[^\W\d_])['’\"”](?=\s)")
_OPENING_QUOTE = trie_compile(r"(?:^|(?<=[\s(]))['‘\"“](?=\w)")


def _before_closing_quote(text: str, start: int, end: int) -> int:
    """The end of a name the NER ran past a quote that closes before it ("'RIP TONY' R HAND" -> "TONY"): a
    quote the span never opened (a nickname quoted inside the span stays: "Darnell 'Boo' Ochoa")."""
    if not any(q in text[start:end] for q in "'’\"”"):
        return end
    close = _CLOSING_QUOTE.search(text, start, end)
    if close is None or _OPENING_QUOTE.search(text[start:close.start()]) is not None:
        return end
    return close.start() if close.start() > start else end


def person_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim titles and possessives from a detected name; None when it is not a person's name."""
    if text[start:end].strip().rstrip(".").lower() in _CUE_INITIALS:
        return None  # "n.k.a.", "f.k.a.": an alias cue, not a person's initials
    start, end = off_body_places(text, start, end)  # "TONY R HAND": a tattoo's place ("LT ARM" is no initials)
    if start >= end:
        return None
    if is_initials(text[start:end]):
        return start, end
    end = _before_line_label(text, start, end)
    end = _before_closing_quote(text, start, end)
    start = label_before(text, start, end)
    m = _LEADING_TITLE.match(text[start:end])
    if m:
        start += m.end()
    if text[end - 2:end].lower() in ("'s", "’s"):
        end -= 2
    span = text[start:end]
    if not span.strip() or any(c.isdigit() or c == "@" for c in span):
        return None
    if FOLLOWED_BY_SUFFIX.match(text, end) and not _SAINT_AFTER.match(text, end):
        return None  # a street named after a person ("Jefferson St"), unless St. is Saint ("Amir St. John")
    if span.split()[-1].strip(".").lower() in SUFFIX_LOWER:
        return None  # a street named after a person: "Martin Luther King Jr Blvd"
    if re.search(r"(?i)\b(?:jr|sr)\.?\s*$", span) and FOLLOWED_BY_SUFFIX.match(text, end):
        return None
    # Trim report words at either end ("DUARTE RESPONDED TO THE", "Reached"): NER guesses in capitals.
    words = list(_SPAN_WORD.finditer(text, start, end))
    initial = (len(words) > 1 and words[-1].group() in ("A", "I")  # "KIM, KWAME A": a middle initial
               and text[end:end + 1] != "/")  # not the "A" of "A/K/A"
    street_name = len(words) > 1 and street_surname(words[0].group().rstrip(",")) and street_surname_ok(
        text, start, end)  # "Lane, Robert": a surname (street_word_surnames.py)
    while words and not street_name and (_stop_word(words[0].group(), len(words)) or (
            len(words) > 1 and words[0].group().strip(".,").lower() in NARRATIVE_VERBS)):
        words.pop(0)  # "exit Sam's Club": a verb before the NER's name
    if len(words) > 1 and quoted_word(text, words[0].start(), words[-1].end()):
        words.pop(0)  # "Wait, Tamika said, I saw him": the quoted order (speech_tags.py)
    while words and not initial and (_stop_word(words[-1].group(), len(words)) or (
            len(words) > 1 and words[-1].group().strip(".,").lower() in _FAMILY_WORDS)):  # "OCHOA FAMILY"
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
            return person_span(text, words[0].start(), words[-1].end())
    cut = max((i for i, w in enumerate(words[:-1]) if w.group().strip(".,").lower() in SUFFIX_LOWER
               and not (i == 0 and street_name)), default=-1)
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
    if (FOLLOWED_BY_SUFFIX.match(text, end) and not _SAINT_AFTER.match(text, end)) or \
            span.split()[-1].strip(".").lower() in SUFFIX_LOWER:
        return None  # a street named after a person: "Martin Luther King Jr Blvd"
    lowered = {w.strip(".,").lower() for w in span.split()}
    if not name_tokens(span) or lowered & VEHICLE_WORDS or lowered <= _PREFIXES_ALONE:
        return None  # "the LIL kid", "LIL BRO SAID": an alias's prefix with no alias after it is no name
    return start, end
