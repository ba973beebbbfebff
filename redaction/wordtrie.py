"""Long alternations of cue words as a trie, which Python's regular-expression engine tries far faster.

``re`` tries every alternative of ``(?:with|warned|watched|...)`` at every position; written as a trie
(``w(?:a(?:rned|tched)|ith)``) it tries a few letters. The names, people and positions modules search many texts
for a hundred or more cue words each, so their cue patterns are built here.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

try:  # the engine's own parser and code generator (CPython's ``re`` package); without them, plain ``re.compile``
    _sre: Any = importlib.import_module("_sre")
    _compiler: Any = importlib.import_module("re._compiler")
    _constants: Any = importlib.import_module("re._constants")
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - another Python implementation
    _sre = _compiler = _constants = _parser = None


def word_trie(words: Iterable[str], space: str = r"\s+") -> str:
    """A regular expression matching exactly ``words`` (escaped; a space in a word matches ``space``), as a trie.

    Where one word is a prefix of another the longer one is tried first, as in an alternation sorted by length.
    """
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [(space if ch == " " else re.escape(ch)) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return ("(?:" + body + ")?") if "" in node else body

    return emit(tree)


@lru_cache(maxsize=4096)  # as ``re.compile`` keeps its last patterns: the same pattern is parsed once
def trie_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with the alternatives of each alternation grouped by their first character
    (see the module doc): the same matches, groups and flags. Falls back to ``re.compile`` where the engine's
    internals are not those of CPython 3.11 to 3.13."""
    try:
        tree = _parser.parse(pattern, flags)
        _group_tree(tree, bool((flags | tree.state.flags) & re.IGNORECASE))
        code = _compiler._code(tree, flags)
        names = tree.state.groupdict
        index: list[str | None] = [None] * tree.state.groups
        for name, i in names.items():
            index[i] = name
        return _sre.compile(pattern, flags | tree.state.flags, code, tree.state.groups - 1, names, tuple(index))
    except (AttributeError, TypeError, ValueError):  # pragma: no cover - other internals
        return re.compile(pattern, flags)


def _first(alt: Any, ignore_case: bool) -> str | None:
    """The ASCII character an alternative opens with (lower case when case is ignored), or None."""
    if not alt.data or alt.data[0][0] is not _constants.LITERAL or alt.data[0][1] > 127:
        return None  # an ASCII character matches no other ASCII character, even ignoring case
    ch = chr(alt.data[0][1])
    return ch.lower() if ignore_case else ch


def _grouped(state: Any, alts: list[Any], ignore_case: bool) -> list[Any]:
    """``alts`` with each run of alternatives opening with a literal grouped by that literal, in first-seen order.
    Only runs are grouped: an alternative opening otherwise may match where the literals do, so nothing moves
    across it."""
    out: list[Any] = []
    i = 0
    while i < len(alts):
        j = i
        while j < len(alts) and _first(alts[j], ignore_case) is not None:
            j += 1
        if j == i:
            out.append(alts[i])
            i += 1
            continue
        groups: dict[str, list[Any]] = {}
        for alt in alts[i:j]:
            groups.setdefault(_first(alt, ignore_case) or "", []).append(alt)
        for members in groups.values():
            if len(members) == 1:
                out.append(members[0])
                continue
            rests = _grouped(state, [_parser.SubPattern(state, list(m.data[1:])) for m in members], ignore_case)
            tail = list(rests[0].data) if len(rests) == 1 else [(_constants.BRANCH, (None, rests))]
            out.append(_parser.SubPattern(state, [members[0].data[0], *tail]))
        i = j
    return out


def _group_tree(sub: Any, ignore_case: bool) -> None:
    """Group the alternatives of every alternation in the parsed pattern ``sub``, in place."""
    c = _constants
    data = []
    for op, av in sub.data:
        if op is c.SUBPATTERN:
            _group_tree(av[3], (ignore_case or bool(av[1] & c.SRE_FLAG_IGNORECASE))
                        and not av[2] & c.SRE_FLAG_IGNORECASE)
        elif op is c.BRANCH:
            for alt in av[1]:
                _group_tree(alt, ignore_case)
            av = (av[0], _grouped(sub.state, av[1], ignore_case))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            _group_tree(av[2], ignore_case)
        elif op in (c.ASSERT, c.ASSERT_NOT):
            _group_tree(av[1], ignore_case)
        elif op is c.ATOMIC_GROUP:
            _group_tree(av, ignore_case)
        elif op is c.GROUPREF_EXISTS:
            _group_tree(av[1], ignore_case)
            if av[2] is not None:
                _group_tree(av[2], ignore_case)
        data.append((op, av))
    sub.data[:] = data
    sub.width = None
