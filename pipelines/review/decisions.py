"""The officer's review decisions: the file format (docs/review.md), its parser and where it is read from.

A decisions file names records by export file sha256 + row (``release`` | ``withhold``) and per-agency ``deny`` and
``allow`` terms. Refusals name the file, the line and a code, never a term."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipelines import settings
from pipelines.errors import OsdError

DECISIONS = ("release", "withhold")
_RECORD_KEYS = {"file_sha256", "row", "decision", "text_sha256", "file", "note"}
_TERM_KEYS = {"term", "agency", "entity", "note"}
_TOP_KEYS = {"records", "deny", "allow"}
_HASH_KEYS = {"file_sha256", "text_sha256"}
_SHA256 = re.compile(r"[0-9a-f]{64}")
_ENTITY = re.compile(r"[A-Z][A-Z_]{0,31}")


def decisions_key(dataset: str) -> str:
    """Private-store key of a dataset's review decisions (YAML)."""
    return f"review/{dataset}/decisions.yaml"


class DecisionError(OsdError, ValueError):
    """A decisions file that cannot be applied; the message names the file, the line and a code, never a term."""

    def __init__(self, where: str, code: str, detail: str) -> None:
        super().__init__(f"{where}: {detail} ({code})")
        self.where, self.code = where, code


@dataclass(frozen=True)
class RecordDecision:
    """``release`` or ``withhold`` for one record: an export file (sha256) and a row of it."""

    file_sha256: str
    row: int
    decision: str
    text_sha256: str | None
    where: str


@dataclass(frozen=True)
class TermRule:
    """A deny or allow term, for one agency or (``agency`` None) every agency of the dataset."""

    term: str
    agency: str | None
    entity: str | None
    where: str

    def pattern(self) -> str:
        words = [re.escape(w) for w in self.term.split()]
        return r"(?<![0-9A-Za-z])" + r"\s+".join(words) + r"(?![0-9A-Za-z])"


@dataclass
class Decisions:
    """A dataset's review decisions, parsed and checked."""

    records: dict[tuple[str, int], RecordDecision] = field(default_factory=dict)
    deny: tuple[TermRule, ...] = ()
    allow: tuple[TermRule, ...] = ()
    source: str | None = None  # where they were read from

    def __len__(self) -> int:
        return len(self.records) + len(self.deny) + len(self.allow)


class _LineLoader(yaml.SafeLoader):
    """Safe YAML whose mappings remember their line (``__line__``)."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    out: dict[str, Any] = {str(k): v for k, v in loader.construct_mapping(node, deep=True).items()}
    for key_node, value_node in node.value:  # hashes as written: YAML reads 16 decimal digits as a number
        if key_node.value in _HASH_KEYS and isinstance(value_node, yaml.ScalarNode):
            out[key_node.value] = value_node.value
    out["__line__"] = node.start_mark.line + 1
    return out


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def parse_decisions(text: str, name: str) -> Decisions:
    """Parse a decisions file (``name`` is how errors name it). Unknown keys, missing keys, bad values and two
    decisions for one record are refused with the file and line."""
    try:
        doc = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise DecisionError(f"{name}{line}", "review-yaml", "not valid YAML") from None
    if doc is None:
        return Decisions(source=name)
    if not isinstance(doc, dict):
        raise DecisionError(f"{name}:1", "review-bad-value", "the file must be a mapping with records/deny/allow")
    unknown = sorted(set(doc) - _TOP_KEYS - {"__line__"})
    if unknown:
        raise DecisionError(f"{name}:{doc['__line__']}", "review-unknown-key",
                            f"unknown key(s) {_key_names(unknown)}; allowed: {sorted(_TOP_KEYS)}")
    out = Decisions(source=name)
    for entry, where in _entries(doc, "records", name):
        d = _record(entry, where)
        key = (d.file_sha256, d.row)
        if key in out.records:
            raise DecisionError(where, "review-duplicate",
                                f"a second decision for row {d.row} of the same file (first at {out.records[key].where})")
        out.records[key] = d
    out.deny = tuple(_term(e, w) for e, w in _entries(doc, "deny", name))
    out.allow = tuple(_term(e, w) for e, w in _entries(doc, "allow", name))
    return out


def _entries(doc: Mapping[str, Any], section: str, name: str) -> Iterable[tuple[dict[str, Any], str]]:
    items = doc.get(section)
    if items is None:
        return
    if not isinstance(items, list):
        raise DecisionError(f"{name}:{doc['__line__']}", "review-bad-value", f"{section} must be a list")
    for item in items:
        if not isinstance(item, dict):
            raise DecisionError(f"{name}:{doc['__line__']}", "review-bad-value", f"each {section} entry must be a mapping")
        yield item, f"{name}:{item['__line__']}"


_KEY_NAME = re.compile(r"[a-z][a-z0-9_]{0,30}")


def _key_names(keys: Sequence[str]) -> list[str]:
    """Unknown keys as the message may show them: a key that does not look like a key name (it might be a value
    typed in the wrong place: a name, a case number) is not repeated."""
    return [k if _KEY_NAME.fullmatch(k) else "<not a key name>" for k in keys]


def _check_keys(entry: Mapping[str, Any], allowed: set[str], required: Sequence[str], where: str) -> None:
    unknown = sorted(set(entry) - allowed - {"__line__"})
    if unknown:
        raise DecisionError(where, "review-unknown-key",
                            f"unknown key(s) {_key_names(unknown)}; allowed: {sorted(allowed)}")
    missing = [k for k in required if entry.get(k) in (None, "")]
    if missing:
        raise DecisionError(where, "review-missing-key", f"missing {missing}")


def _record(entry: Mapping[str, Any], where: str) -> RecordDecision:
    _check_keys(entry, _RECORD_KEYS, ("file_sha256", "row", "decision"), where)
    sha = str(entry["file_sha256"]).strip().lower()
    if not _SHA256.fullmatch(sha):
        raise DecisionError(where, "review-bad-value", "file_sha256 must be 64 hexadecimal digits")
    row = entry["row"]
    if isinstance(row, bool) or not isinstance(row, int) or row < 1:
        raise DecisionError(where, "review-bad-value", "row must be a positive whole number (the export's row)")
    decision = str(entry["decision"]).strip().lower()
    if decision not in DECISIONS:
        raise DecisionError(where, "review-bad-value", f"decision must be one of {list(DECISIONS)}")
    text_sha = entry.get("text_sha256")
    if text_sha is not None:
        text_sha = str(text_sha).strip().lower()
        if not re.fullmatch(r"[0-9a-f]{16,64}", text_sha):
            raise DecisionError(where, "review-bad-value", "text_sha256 must be hexadecimal (from the review report)")
    return RecordDecision(sha, int(row), decision, text_sha, where)


def _term(entry: Mapping[str, Any], where: str) -> TermRule:
    _check_keys(entry, _TERM_KEYS, ("term",), where)
    term = entry["term"]
    if not isinstance(term, str | int) or not str(term).strip():
        raise DecisionError(where, "review-bad-value", "term must be a non-empty text")
    entity = entry.get("entity")
    if entity is not None and not _ENTITY.fullmatch(str(entity)):
        raise DecisionError(where, "review-bad-value", "entity must be an entity type in capitals, e.g. PERSON")
    agency = entry.get("agency")
    return TermRule(" ".join(str(term).split()), None if agency in (None, "") else str(agency).strip(),
                    None if entity is None else str(entity), where)


def load_decisions(store: Any, dataset: str) -> Decisions:
    """The dataset's decisions: ``$OSD_REVIEW_DECISIONS/<dataset>.yaml`` when that folder is set, else the
    private store's `decisions_key`; none when neither exists."""
    folder = settings.get("OSD_REVIEW_DECISIONS")
    if folder:
        path = Path(folder) / f"{dataset}.yaml"
        if path.is_file():
            return parse_decisions(path.read_text(encoding="utf-8"), str(path))
        return Decisions()
    key = decisions_key(dataset)
    if not store.exists(key):
        return Decisions()
    with store.fs.open_input_stream(store.path(key)) as fh:
        text = fh.read().decode("utf-8")
    return parse_decisions(text, key)


def allow_terms_for(decisions: Decisions, agency: str | None) -> list[str]:
    """The allow terms that apply to an agency's free text (those without an agency included), sorted."""
    return sorted({r.term for r in decisions.allow if r.agency is None or r.agency == agency})


def terms_fingerprint(terms: Sequence[str]) -> str:
    """What de-identify records of the allow terms it redacted with (a hash: the terms stay in the decisions)."""
    return hashlib.sha256("\n".join(sorted(terms)).encode("utf-8")).hexdigest()[:16]

