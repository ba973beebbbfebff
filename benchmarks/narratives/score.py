"""Score a redactor on the narrative benchmark: token recall and precision per type, and more.

A redactor is any function ``(text, fields) -> redacted text`` that replaces what it finds with
placeholders (``[PERSON 1]``, ``<PERSON>``, ...) and leaves the rest of the text as it was. The scorer
recovers exactly which characters of the original each placeholder replaced (``align``), then counts
on tokens (maximal runs of letters and digits: "O'Neil" is the two tokens "O" and "Neil", "32/W/F" is
"32", "W", "F"):

* **recall** of a type: the share of its gold tokens no longer present, i.e. entirely inside replaced
  characters (a token cut in half counts as present: conservative); "block" and "of" inside an
  ADDRESS ("4700 block of W Hillcrest Ave") are not counted;
* **precision** of a type: of the tokens touched by a placeholder of that type, the share that are gold
  tokens of that type; ``any-entity precision`` accepts gold tokens of any type (a phone number called
  a person is not over-redaction);
* PERSON recall for people named in the record's fields and people named only in the text, by the
  casing of the mention (lower / title / upper), by family, and for the held-out template variants;
* **consistency**: among gold tokens that occur more than once in a record (same type, same person,
  same letters in any case), the groups that are removed at one mention and shown at another;
* **placeholder identity** (numbered placeholders only): records where one number stands for two
  people (merge), and people who got more than one number (split);
* narratives per second, the redactor's own time.

When an output cannot be aligned (the redactor changed text outside its placeholders), tokens are
matched with ``difflib`` instead and the record is counted in ``unaligned``.
"""

from __future__ import annotations

import difflib
import itertools
import math
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

ENTITY_TYPES = ("PERSON", "PHONE", "EMAIL", "ADDRESS", "DATE_OF_BIRTH", "ID", "DEMOGRAPHIC")
# Words inside gold spans that carry nothing ("4700 block of W Hillcrest Ave"): not counted for recall.
UNSCORED = {"ADDRESS": frozenset({"block", "of"})}
TOKEN = re.compile(r"[^\W_]+")
# [PERSON 1] (ours), <PERSON> (Presidio's anonymizer), and a whole-narrative withholding marker.
DEFAULT_PLACEHOLDER = re.compile(
    r"\[(?P<a>[A-Z][A-Z_]*)(?: (?P<num>\d+))?\]|<(?P<b>[A-Z][A-Z_]*)>|\[(?P<w>narrative withheld[^\]]*)\]")

RedactFn = Callable[[str, Mapping[str, str]], str]


@dataclass
class Redactor:
    """A redactor under test: its name, its function, how to read its placeholders.

    ``type_map`` maps a placeholder label to a benchmark type (labels not in it count as ``OTHER``).
    ``redact_batch`` (optional) redacts many texts at once, for redactors that are faster that way.
    """

    name: str
    redact: RedactFn
    type_map: Mapping[str, str] = field(default_factory=dict)
    placeholder: re.Pattern = DEFAULT_PLACEHOLDER
    redact_batch: Callable[[list[str], list[Mapping[str, str]]], list[str]] | None = None

    def label(self, m: re.Match) -> tuple[str, int | None]:
        """(benchmark type, number or None) of one placeholder match."""
        if m.groupdict().get("w"):
            return "WITHHELD", None
        raw = m.group("a") or m.group("b")
        num = m.groupdict().get("num")
        return self.type_map.get(raw, raw if raw in ENTITY_TYPES else "OTHER"), int(num) if num else None


Replaced = tuple[int, int, str, "int | None"]  # start, end in the original, benchmark type, number


def align(original: str, output: str, placeholder: re.Pattern, label: Callable[[re.Match], tuple[str, int | None]],
          boundaries: Iterable[int] = ()) -> list[Replaced] | None:
    """The original characters each placeholder of ``output`` replaced, or None if ``output`` is not
    ``original`` with some substrings replaced by placeholders.

    The literal pieces between placeholders must appear in ``original`` in order, the first at the
    start and the last at the end. Where a piece could sit at several places (``[PERSON 1]. [PERSON 2]``
    over "J. West. Ann Lee"), it goes where the replaced texts begin and end on the most
    ``boundaries`` (the gold spans' starts and ends), the leftmost among equals. Recall never depends
    on the choice; which word a placeholder's type and number are credited to may.
    """
    marks = list(placeholder.finditer(output))
    if not marks:
        return [] if output == original else None
    pieces = [output[a.end() if a else 0:b.start() if b else len(output)]
              for a, b in zip([None, *marks], [*marks, None], strict=True)]
    if not original.startswith(pieces[0]) or not original.endswith(pieces[-1]):
        return None
    n = len(marks)
    latest = [0] * (n + 1)  # the rightmost start of each piece that leaves room for the rest
    latest[n] = len(original) - len(pieces[n])
    for i in range(n - 1, 0, -1):
        latest[i] = original.rfind(pieces[i], 0, latest[i + 1])
        if latest[i] < 0:
            return None
    if n > 1 and latest[1] < len(pieces[0]) or latest[n] < len(pieces[0]):
        return None
    edges = set(boundaries)
    pos = len(pieces[0])
    out: list[Replaced] = []
    for i, m in enumerate(marks, start=1):
        if i == n:
            stop = latest[n]
        else:
            stop, best = -1, -1
            c = original.find(pieces[i], pos)
            while 0 <= c <= latest[i]:
                fit = (c in edges) + (c + len(pieces[i]) in edges)
                if fit > best:
                    stop, best = c, fit
                c = original.find(pieces[i], c + 1)
            if stop < 0:
                return None
        typ, num = label(m)
        if stop > pos:
            out.append((pos, stop, typ, num))
        pos = stop + len(pieces[i])
    return out


@dataclass
class Token:
    """One token of the original text and what the gold says about it."""

    start: int
    end: int
    text: str
    gold: str | None = None  # entity type, None for ordinary text
    in_fields: bool = False
    ref: str | None = None
    casing: str = ""
    form: str = ""  # how a PERSON is written (full, last, ini, alias, ...)
    span: int = -1  # index of its gold span


def tokens(record: Mapping) -> list[Token]:
    """The tokens of a record's text with their gold labels."""
    text = record["text"]
    spans = record["spans"]
    out = []
    j = 0
    for m in TOKEN.finditer(text):
        t = Token(m.start(), m.end(), m.group())
        while j < len(spans) and spans[j]["end"] <= m.start():
            j += 1
        if j < len(spans) and spans[j]["start"] <= m.start() and m.end() <= spans[j]["end"]:
            s = spans[j]
            t.gold, t.in_fields, t.ref, t.span = s["type"], bool(s["in_fields"]), s.get("ref"), j
            t.form = s.get("form", "")
            t.casing = casing_of(text[s["start"]:s["end"]])
        out.append(t)
    return out


def casing_of(s: str) -> str:
    """'lower', 'upper' or 'title' (anything mixed) for a mention."""
    letters = [c for c in s if c.isalpha()]
    if letters and all(c.islower() for c in letters):
        return "lower"
    if letters and all(c.isupper() for c in letters):
        return "upper"
    return "title"


@dataclass
class Counts:
    """Gold tokens seen and removed."""

    gold: int = 0
    removed: int = 0

    @property
    def recall(self) -> float:
        """Share removed (NaN without gold tokens)."""
        return self.removed / self.gold if self.gold else math.nan


@dataclass
class Result:
    """Every figure of one redactor on one set of records."""

    name: str
    n: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # this process's CPU time in the redactor (the machine may be shared)
    recall: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    labelled: Counter = field(default_factory=Counter)  # tokens touched per placeholder type
    labelled_right: Counter = field(default_factory=Counter)  # ... that are gold tokens of that type
    labelled_entity: Counter = field(default_factory=Counter)  # ... that are gold tokens of any type
    person_by: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    by_fields: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))  # "TYPE:in_fields"
    repeated_groups: int = 0
    inconsistent_groups: int = 0
    inconsistent_records: int = 0
    numbered: bool = False
    multi_person_records: int = 0
    merge_records: int = 0
    split_people: int = 0
    people: int = 0
    unaligned: int = 0
    withheld: int = 0
    # Philadelphia-like counts: (records that have it, records where the redactor got it wrong)
    initials: list[int] = field(default_factory=lambda: [0, 0])  # a person's initials ("A.B.", "AB") shown
    descriptors: list[int] = field(default_factory=lambda: [0, 0])  # an NN/R/S descriptor shown
    according: list[int] = field(default_factory=lambda: [0, 0])  # the word "According" redacted

    @property
    def rate(self) -> float:
        """Narratives per second."""
        return self.n / self.seconds if self.seconds > 0 else math.nan

    @property
    def cpu_rate(self) -> float:
        """Narratives per CPU-second of this process: what one process does when it has a core to itself."""
        return self.n / self.cpu_seconds if self.cpu_seconds > 0 else math.nan

    def precision(self, typ: str, any_entity: bool = False) -> float:
        """Token precision of placeholders of ``typ`` (NaN if the redactor never used that type)."""
        n = self.labelled[typ]
        hit = (self.labelled_entity if any_entity else self.labelled_right)[typ]
        return hit / n if n else math.nan

    def overall_precision(self) -> float:
        """Share of all touched tokens that are gold tokens of any type."""
        n = sum(self.labelled.values())
        return sum(self.labelled_entity.values()) / n if n else math.nan


def score_one(result: Result, record: Mapping, output: str, redactor: Redactor) -> None:
    """Add one record's figures to ``result``."""
    toks = tokens(record)
    replaced = align(record["text"], output, redactor.placeholder, redactor.label, _edges(record))
    result.n += 1
    if replaced is None:
        result.unaligned += 1
        removed, labels = _difflib_removed(toks, output, redactor.placeholder)
        touched = removed
    else:
        removed, touched, labels = _covered(toks, replaced)
        result.withheld += any(t == "WITHHELD" for _, _, t, _ in replaced)
    family = record.get("family", "")
    held_out = record.get("split") == "test" and record.get("variant") in (4, 5)
    for i, t in enumerate(toks):
        if t.gold and t.text.casefold() not in UNSCORED.get(t.gold, ()):
            c = result.recall[t.gold]
            c.gold += 1
            c.removed += i in removed
            sub = result.by_fields[f"{t.gold}:{'in_fields' if t.in_fields else 'text_only'}"]
            sub.gold += 1
            sub.removed += i in removed
            if t.gold == "PERSON":
                keys = ["all", "in_fields" if t.in_fields else "text_only", f"case:{t.casing}",
                        f"family:{family}", f"form:{t.form or '?'}"] + (["held_out_variant"] if held_out else [])
                if t.in_fields is False:
                    keys.append(f"text_only:{t.casing}")
                for k in keys:
                    result.person_by[k].gold += 1
                    result.person_by[k].removed += i in removed
        if i in touched:
            typ, _ = labels[i]
            result.labelled[typ] += 1
            result.labelled_right[typ] += t.gold == typ
            result.labelled_entity[typ] += t.gold is not None
    _consistency(result, toks, removed)
    _philadelphia_counts(result, record, toks, removed, touched)
    if replaced is not None:
        _identity(result, record, toks, labels, removed)


def _edges(record: Mapping) -> set[int]:
    return {x for s in record["spans"] for x in (s["start"], s["end"])}


def _covered(toks: list[Token], replaced: list[Replaced]) -> tuple[set[int], set[int], dict[int, tuple]]:
    removed: set[int] = set()
    touched: set[int] = set()
    labels: dict[int, tuple] = {}
    j = 0
    for i, t in enumerate(toks):
        while j < len(replaced) and replaced[j][1] <= t.start:
            j += 1
        k = j
        covered = 0
        best: tuple[int, tuple] = (0, ("OTHER", None))
        while k < len(replaced) and replaced[k][0] < t.end:
            a, b = max(t.start, replaced[k][0]), min(t.end, replaced[k][1])
            if b > a:
                covered += b - a
                best = max(best, (b - a, replaced[k][2:]), key=lambda x: x[0])
            k += 1
        if covered:
            touched.add(i)
            labels[i] = best[1]
            if covered == t.end - t.start:
                removed.add(i)
    return removed, touched, labels


def _difflib_removed(toks: list[Token], output: str, placeholder: re.Pattern) -> tuple[set[int], dict[int, tuple]]:
    masked = placeholder.sub(" \x00 ", output)
    out_toks = [m.group() for m in TOKEN.finditer(masked)]
    sm = difflib.SequenceMatcher(None, [t.text for t in toks], out_toks, autojunk=False)
    kept = {i for a, _, size in sm.get_matching_blocks() for i in range(a, a + size)}
    removed = {i for i in range(len(toks)) if i not in kept}
    return removed, {i: ("OTHER", None) for i in removed}


INITIALS = re.compile(r"[A-Z]\.?[A-Z]\.?")
DESCRIPTOR = re.compile(r"\d+/[A-Z]/[A-Z]|[A-Z]/[A-Z]/\d+|[A-Z]/[A-Z] \d+s", re.I)


def _philadelphia_counts(result: Result, record: Mapping, toks: list[Token], removed: set[int],
                         touched: set[int]) -> None:
    text = record["text"]
    kinds = {"PERSON": (INITIALS, result.initials), "DEMOGRAPHIC": (DESCRIPTOR, result.descriptors)}
    seen: dict[str, list[bool]] = {"PERSON": [], "DEMOGRAPHIC": []}
    for j, sp in enumerate(record["spans"]):
        if sp["type"] == "PERSON" and "form" in sp:
            hit = sp["form"] in ("ini", "ini2")
        else:
            hit = sp["type"] in kinds and bool(kinds[sp["type"]][0].fullmatch(text[sp["start"]:sp["end"]]))
        if hit:
            seen[sp["type"]].append(any(t.span == j and i not in removed for i, t in enumerate(toks)))
    for typ, shown in seen.items():
        if shown:
            kinds[typ][1][0] += 1
            kinds[typ][1][1] += any(shown)
    acc = [i for i, t in enumerate(toks) if t.text.casefold() == "according" and not t.gold]
    if acc:
        result.according[0] += 1
        result.according[1] += any(i in touched for i in acc)


def _consistency(result: Result, toks: list[Token], removed: set[int]) -> None:
    groups: dict[tuple, list[int]] = defaultdict(list)  # one entity's (one person's) same word
    for i, t in enumerate(toks):
        if t.gold and t.text.casefold() not in UNSCORED.get(t.gold, ()):
            groups[(t.gold, t.ref, t.text.casefold())].append(i)
    bad = 0
    for idx in groups.values():
        if len(idx) < 2:
            continue
        result.repeated_groups += 1
        states = {i in removed for i in idx}
        if len(states) == 2:
            bad += 1
    result.inconsistent_groups += bad
    result.inconsistent_records += bad > 0


def _identity(result: Result, record: Mapping, toks: list[Token], labels: dict[int, tuple], removed: set[int]) -> None:
    by_ref: dict[str, set[int]] = defaultdict(set)
    by_num: dict[int, set[str]] = defaultdict(set)
    refs = set()
    for i, t in enumerate(toks):
        if t.gold != "PERSON" or not t.ref:
            continue
        refs.add(t.ref)
        if i in removed:
            typ, num = labels[i]
            if num is not None and typ == "PERSON":
                result.numbered = True
                by_ref[t.ref].add(num)
                by_num[num].add(t.ref)
    result.people += len(refs)
    result.multi_person_records += len(refs) > 1
    result.merge_records += any(len(r) > 1 for r in by_num.values())
    result.split_people += sum(len(n) > 1 for n in by_ref.values())


def evaluate(records: Sequence[Mapping], redactor: Redactor, *, chunk: int = 64) -> Result:
    """Run ``redactor`` over ``records`` (timed) and score its outputs."""
    return run(records, [redactor], chunk=chunk)[0]


def _redact_timed(redactor: Redactor, part: Sequence[Mapping]) -> tuple[list[str], float, float]:
    t0, c0 = time.perf_counter(), time.process_time()
    if redactor.redact_batch is not None:
        out = redactor.redact_batch([r["text"] for r in part], [r["fields"] for r in part])
    else:
        out = [redactor.redact(r["text"], r["fields"]) for r in part]
    return out, time.perf_counter() - t0, time.process_time() - c0


def score_outputs(records: Sequence[Mapping], outputs: Sequence[str], redactor: Redactor,
                  seconds: float = 0.0, cpu_seconds: float = 0.0) -> Result:
    """Score outputs already produced."""
    result = Result(redactor.name, seconds=seconds, cpu_seconds=cpu_seconds)
    for rec, out in zip(records, outputs, strict=True):
        score_one(result, rec, out, redactor)
    return result


def identity_redactor() -> Redactor:
    """Changes nothing (recall 0)."""
    return Redactor("nothing", lambda text, fields: text)


def everything_redactor(label: str = "PERSON") -> Redactor:
    """Replaces every token with a placeholder (recall 1, precision = share of entity tokens)."""
    return Redactor("everything", lambda text, fields: TOKEN.sub(f"[{label} 1]", text))


def run(records: Iterable[Mapping], redactors: Sequence[Redactor], *, chunk: int = 64) -> list[Result]:
    """Evaluate several redactors on the same records, timed in alternating chunks (so that on a
    shared machine each sees the same load). The order goes through every permutation, one per chunk: a redactor
    that always ran right after another would always find the processor's caches filled by it, and one that ran
    right after itself (the same code on the same texts) would always find them warm."""
    recs = list(records)
    outputs: list[list[str]] = [[] for _ in redactors]
    seconds = [0.0] * len(redactors)
    cpu = [0.0] * len(redactors)
    orders = list(itertools.permutations(range(len(redactors))))
    for n, lo in enumerate(range(0, len(recs), chunk)):
        for k in orders[n % len(orders)]:
            red = redactors[k]
            out, dt, dc = _redact_timed(red, recs[lo:lo + chunk])
            if len(out) != len(recs[lo:lo + chunk]):
                raise ValueError(f"redactor {red.name!r} returned {len(out)} texts for {len(recs[lo:lo + chunk])}")
            outputs[k] += out
            seconds[k] += dt
            cpu[k] += dc
    return [score_outputs(recs, out, red, sec, c)
            for red, out, sec, c in zip(redactors, outputs, seconds, cpu, strict=True)]


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: score ours and plain Presidio on a split; list the dev records a redactor gets wrong."""
    import argparse

    from benchmarks.narratives import adapters
    from benchmarks.narratives.generate import load
    from benchmarks.narratives.report import identity_misses, misses, table

    ap = argparse.ArgumentParser(description="Score redactors on the narrative benchmark.")
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--redactor", choices=("ours", "withhold", "presidio", "both"), default="both",
                    help="withhold: ours with the texts it is unsure of withheld whole, as the pipeline publishes")
    ap.add_argument("--family", default=None, help="only this family")
    ap.add_argument("--misses", type=int, default=0,
                    help="list up to N dev records with tokens shown or over-redacted (dev only: never tune on test)")
    ap.add_argument("--identity-misses", type=int, default=0,
                    help="list up to N dev records where a placeholder number stands for 2+ people or a person gets "
                         "2+ numbers (dev only)")
    args = ap.parse_args(argv)
    if (args.misses or args.identity_misses) and args.split != "dev":
        ap.error("--misses and --identity-misses list dev records only (the test split is for reporting, not for "
                 "tuning)")
    records = [r for r in load(args.split) if args.family in (None, r["family"])]
    reds = ([adapters.ours()] if args.redactor in ("ours", "both") else []) + (
        [adapters.ours(withhold=True)] if args.redactor == "withhold" else []) + (
        [adapters.presidio()] if args.redactor in ("presidio", "both") else [])
    results = run(records, reds)
    print("\n".join(table(results)))  # noqa: T201 - a command line tool
    if args.misses or args.identity_misses:
        red = reds[0]
        outs = red.redact_batch([r["text"] for r in records], [r["fields"] for r in records]) if red.redact_batch \
            else [red.redact(r["text"], r["fields"]) for r in records]
        n = k = 0
        for rec, out in zip(records, outs, strict=True):
            shown, extra = misses(rec, out, red)
            if (shown or extra) and n < args.misses:
                n += 1
                print(f"\n{rec['id']} (variant {rec['variant']}, {rec['casing']})\n  in : {rec['text']}\n"  # noqa: T201
                      f"  out: {out}\n  shown: {shown}\n  over-redacted: {extra}")
            wrong = identity_misses(rec, out, red) if k < args.identity_misses else []
            if wrong:
                k += 1
                print(f"\n{rec['id']} (variant {rec['variant']}, {rec['casing']}) fields: {rec['fields']}\n"  # noqa: T201
                      f"  in : {rec['text']}\n  out: {out}\n  " + "\n  ".join(wrong))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
