"""The `k_anonymity` policy parsed and checked (`parse_config`), and the report of what the search did."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from redaction.errors import SdcError
from redaction.sdc.ladders import DEFAULT_LEVELS, LADDERS, SUPPRESSED

# --------------------------------------------------------------------------------------------------- the policy


@dataclass(frozen=True)
class QuasiIdentifier:
    """One quasi-identifier: its column, its ladder kind and the level names in order (level 0 first)."""

    name: str
    ladder: str
    levels: tuple[str, ...]


@dataclass(frozen=True)
class Floor:
    """A utility floor: `column` is published at `at_least` (a level name; None: as recorded) or finer in at least
    `share` of the rows that have a value (rows blanked by local suppression or removed count against it)."""

    column: str
    share: float
    at_least: str | None = None

    def describe(self) -> str:
        """The floor as the policy writes it."""
        if self.at_least is None:
            return f"{self.column}: kept_in_at_least {self.share:g}"
        return f"{self.column}: at_least {self.at_least} in_at_least {self.share:g}"


@dataclass(frozen=True)
class SdcConfig:
    """A parsed `k_anonymity` policy (see the module docstring)."""

    quasi_identifiers: tuple[QuasiIdentifier, ...]
    k: int = 5
    max_suppression: float = 0.01
    sensitive: str | None = None
    l_diversity: int | None = None
    max_local_suppression: float = 0.0
    sacrifice: tuple[str, ...] = ()
    weights: tuple[tuple[str, float], ...] = ()
    floors: tuple[Floor, ...] = ()
    purpose: str = ""
    floors_from_rows: int = 0  # smaller tables where k and the floors conflict: floors give way (reported); k holds
    strata: tuple[tuple[str, str], ...] = ()
    unit: str | None = None  # column naming one person's record (a complaint): k counts its distinct values  # (QI, level): levels may be chosen per stratum (`redaction.sdc.strata`)

    @property
    def qi_columns(self) -> list[str]:
        """The QI column names, in policy order."""
        return [q.name for q in self.quasi_identifiers]

    def weight(self, name: str) -> float:
        """A QI's weight in the loss: explicit, else its rank in the order of sacrifice (first given up: 1), else
        one more than the last; every QI weighs 1 when the policy says nothing."""
        explicit = dict(self.weights)
        if name in explicit:
            return explicit[name]
        if name in self.sacrifice:
            return float(self.sacrifice.index(name) + 1)
        return float(len(self.sacrifice) + 1)

    def to_dict(self) -> dict[str, Any]:
        """The policy as plain data (field and level names only)."""
        return {
            "k": self.k,
            "max_suppression": self.max_suppression,
            "max_local_suppression": self.max_local_suppression,
            "quasi_identifiers": {q.name: {"ladder": q.ladder, "levels": list(q.levels)} for q in self.quasi_identifiers},
            "sensitive": self.sensitive,
            "l_diversity": self.l_diversity,
            "sacrifice": list(self.sacrifice),
            "floors": [f.describe() for f in self.floors],
            "strata": dict(self.strata),
            "unit": self.unit,
        }


_CFG_KEYS = {"k", "max_suppression", "quasi_identifiers", "sensitive", "l_diversity", "max_local_suppression", "utility",
             "unit"}
_UTILITY_KEYS = {"purpose", "sacrifice", "weights", "floors", "floors_from_rows", "strata"}


def _share(v: Any, what: str) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float) or not 0 <= v <= 1:
        raise SdcError(f"sdc-config: {what} must be a number in [0, 1]")
    return float(v)


def _parse_utility(raw: Any, qis: Sequence[QuasiIdentifier]) -> tuple[tuple[str, ...], tuple[tuple[str, float], ...],
                                                                     tuple[Floor, ...], str, int]:
    if raw is None:
        return (), (), (), "", 0
    if not isinstance(raw, Mapping):
        raise SdcError("sdc-config: utility must be a mapping")
    unknown = sorted(set(raw) - _UTILITY_KEYS)
    if unknown:
        raise SdcError(f"sdc-config: utility has unknown key(s) {unknown}")
    by_name = {q.name: q for q in qis}
    sac = raw.get("sacrifice") or []
    if isinstance(sac, str) or not isinstance(sac, Sequence) or len(set(sac)) != len(sac):
        raise SdcError("sdc-config: utility.sacrifice must be a list of distinct quasi-identifiers")
    bad = [c for c in sac if c not in by_name]
    if bad:
        raise SdcError(f"sdc-config: utility.sacrifice names {bad}, which are not quasi-identifiers")
    weights = []
    for c, w in (raw.get("weights") or {}).items():
        if c not in by_name:
            raise SdcError(f"sdc-config: utility.weights names {c!r}, which is not a quasi-identifier")
        if isinstance(w, bool) or not isinstance(w, int | float) or w <= 0:
            raise SdcError(f"sdc-config: utility.weights of {c!r} must be a positive number")
        weights.append((str(c), float(w)))
    floors = []
    for c, spec in (raw.get("floors") or {}).items():
        if c not in by_name:
            raise SdcError(f"sdc-config: utility.floors names {c!r}, which is not a quasi-identifier")
        if not isinstance(spec, Mapping):
            raise SdcError(f"sdc-config: utility.floors of {c!r} must be a mapping")
        extra = sorted(set(spec) - {"kept_in_at_least", "at_least", "in_at_least"})
        if extra:
            raise SdcError(f"sdc-config: utility.floors of {c!r} has unknown key(s) {extra}")
        q = by_name[c]
        if "kept_in_at_least" in spec:
            if "at_least" in spec or "in_at_least" in spec:
                raise SdcError(f"sdc-config: utility.floors of {c!r}: kept_in_at_least, or at_least with in_at_least")
            floors.append(Floor(str(c), _share(spec["kept_in_at_least"], f"utility.floors.{c}.kept_in_at_least")))
            continue
        lv = spec.get("at_least")
        if lv is None or str(lv) not in q.levels or str(lv) == SUPPRESSED:
            raise SdcError(f"sdc-config: utility.floors of {c!r}: at_least must be a level of its ladder {list(q.levels)}")
        floors.append(Floor(str(c), _share(spec.get("in_at_least", 1.0), f"utility.floors.{c}.in_at_least"), str(lv)))
    fr = raw.get("floors_from_rows", 0)
    if isinstance(fr, bool) or not isinstance(fr, int) or fr < 0:
        raise SdcError("sdc-config: utility.floors_from_rows must be an integer >= 0")
    return tuple(str(c) for c in sac), tuple(weights), tuple(floors), str(raw.get("purpose") or ""), fr


def _parse_strata(raw: Any, qis: Sequence[QuasiIdentifier]) -> tuple[tuple[str, str], ...]:
    """`utility.strata`: QI -> the level whose values make the strata (`{agency: value, occurred_date: year}`)."""
    if raw is None:
        return ()
    if not isinstance(raw, Mapping) or not raw:
        raise SdcError("sdc-config: utility.strata must be a non-empty mapping of quasi-identifier to level")
    by_name = {q.name: q for q in qis}
    out = []
    for c, lv in raw.items():
        q = by_name.get(c)
        if q is None:
            raise SdcError(f"sdc-config: utility.strata names {c!r}, which is not a quasi-identifier")
        if str(lv) not in q.levels or str(lv) == SUPPRESSED:
            raise SdcError(f"sdc-config: utility.strata of {c!r}: the level must be one of its ladder {list(q.levels)}")
        out.append((str(c), str(lv)))
    return tuple(out)


def parse_config(cfg: SdcConfig | Mapping[str, Any]) -> SdcConfig:
    """Validate a `k_anonymity` mapping (or a policy mapping holding one) into an SdcConfig; raise SdcError."""
    if isinstance(cfg, SdcConfig):
        return cfg
    if not isinstance(cfg, Mapping):
        raise SdcError("sdc-config: k_anonymity must be a mapping")
    if "k_anonymity" in cfg and "quasi_identifiers" not in cfg:
        cfg = cfg["k_anonymity"]
        if not isinstance(cfg, Mapping):
            raise SdcError("sdc-config: k_anonymity must be a mapping")
    unknown = sorted(set(cfg) - _CFG_KEYS)
    if unknown:
        raise SdcError(f"sdc-config: unknown key(s) {unknown}")
    k = cfg.get("k", 5)
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise SdcError("sdc-config: k must be an integer >= 1")
    ms = _share(cfg.get("max_suppression", 0.01), "max_suppression")
    mls = _share(cfg.get("max_local_suppression", 0.0), "max_local_suppression")
    qis_raw = cfg.get("quasi_identifiers")
    if not isinstance(qis_raw, Mapping) or not qis_raw:
        raise SdcError("sdc-config: quasi_identifiers must be a non-empty mapping")
    qis = []
    for name, spec in qis_raw.items():
        spec = spec or {}
        if not isinstance(spec, Mapping):
            raise SdcError(f"sdc-config: quasi-identifier {name!r} must be a mapping")
        extra = sorted(set(spec) - {"ladder", "levels"})
        if extra:
            raise SdcError(f"sdc-config: quasi-identifier {name!r} has unknown key(s) {extra}")
        ladder = spec.get("ladder", "none")
        if ladder not in (*LADDERS, "columns"):
            raise SdcError(f"sdc-config: quasi-identifier {name!r} has unknown ladder {ladder!r}")
        levels = spec.get("levels")
        if levels is None:
            if ladder == "columns":
                raise SdcError(f"sdc-config: quasi-identifier {name!r}: a columns ladder needs levels")
            levels = DEFAULT_LEVELS[ladder]
        if isinstance(levels, str) or not isinstance(levels, Sequence) or not levels:
            raise SdcError(f"sdc-config: quasi-identifier {name!r}: levels must be a non-empty list")
        levels = tuple(str(x) for x in levels)
        if len(set(levels)) != len(levels):
            raise SdcError(f"sdc-config: quasi-identifier {name!r}: repeated level")
        if SUPPRESSED in levels[:-1] or levels[0] == SUPPRESSED:
            raise SdcError(f"sdc-config: quasi-identifier {name!r}: '*' may only be the last level, not the first")
        if ladder != "columns":
            allowed = LADDERS[ladder]
            bad = [lv for lv in levels if lv != SUPPRESSED and lv not in allowed]
            if bad:
                raise SdcError(f"sdc-config: quasi-identifier {name!r}: unknown level(s) {bad} for ladder {ladder!r}")
            real = [allowed.index(lv) for lv in levels if lv != SUPPRESSED]
            if real != sorted(real):
                raise SdcError(f"sdc-config: quasi-identifier {name!r}: levels must go from fine to coarse")
        qis.append(QuasiIdentifier(str(name), ladder, levels))
    sensitive = cfg.get("sensitive")
    ld = cfg.get("l_diversity")
    if sensitive is not None and not isinstance(sensitive, str):
        raise SdcError("sdc-config: sensitive must be a column name")
    if ld is not None:
        if isinstance(ld, bool) or not isinstance(ld, int) or ld < 1:
            raise SdcError("sdc-config: l_diversity must be an integer >= 1")
        if sensitive is None:
            raise SdcError("sdc-config: l_diversity needs a sensitive column")
    if sensitive is not None and sensitive in {q.name for q in qis}:
        raise SdcError("sdc-config: the sensitive column cannot be a quasi-identifier")
    sac, weights, floors, purpose, from_rows = _parse_utility(cfg.get("utility"), qis)
    strata = _parse_strata((cfg.get("utility") or {}).get("strata"), qis)
    unit = cfg.get("unit")
    if unit is not None and (not isinstance(unit, str) or unit in {q.name for q in qis} or unit == sensitive):
        raise SdcError("sdc-config: unit must be a column name that is neither a quasi-identifier nor sensitive")
    return SdcConfig(tuple(qis), int(k), float(ms), sensitive, None if ld is None else int(ld),
                     mls, sac, weights, floors, purpose, from_rows, strata, unit)


# --------------------------------------------------------------------------------------------------- the report


@dataclass
class SdcReport:
    """What k_anonymize did: counts, level names and figures only (no values)."""

    k_target: int
    k_achieved: int
    levels: dict[str, str]
    rows_in: int
    rows_suppressed: int
    suppressed_share: float
    information_loss: float
    l_target: int | None = None
    l_achieved: int | None = None
    nodes_evaluated: int = 0
    nodes_total: int = 0
    classes: int = 0
    loss_by_column: dict[str, float] = field(default_factory=dict)
    max_suppression: float = 0.01
    metric: str = "ncp"
    cells_blanked: dict[str, int] = field(default_factory=dict)  # local suppression: "*" cells per QI
    rows_with_blanks: int = 0
    max_local_suppression: float = 0.0
    kept_shares: dict[str, float] = field(default_factory=dict)  # per floor: share of valued rows kept
    floors: list[str] = field(default_factory=list)
    floors_binding: bool = True  # False: k and the floors conflicted on fewer rows than floors_from_rows
    weights: dict[str, float] = field(default_factory=dict)
    sacrifice: list[str] = field(default_factory=list)
    level_shares: dict[str, dict[str, float]] = field(default_factory=dict)  # per QI: share of rows per level
    strata: list[dict[str, Any]] = field(default_factory=list)  # per group: rows and levels (names, counts only)

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form for provenance and check metadata."""
        return asdict(self)
