"""YAML spec files read with the line of every key, refusing what YAML would silently misread.

Refused: duplicate keys (YAML keeps the last one), unquoted ``Yes:``/``No:``/``On:``/``Off:`` keys and values (YAML
1.1 reads them as booleans, so a code ``Yes`` would never match), and ``null`` keys. Every problem names the file
and line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipelines.errors import OsdError

_BOOL_TAG = "tag:yaml.org,2002:bool"
_NULL_TAG = "tag:yaml.org,2002:null"
_TRUE_FALSE = {"true", "false"}

Loc = tuple[str | int, ...]


class SpecError(OsdError):
    """A dataset spec, schema, source contract or mapping is missing or malformed.

    ``problems`` lists every problem found (``file:line: message``); ``str()`` joins them, one per line.
    """

    code = "spec-error"

    def __init__(self, problems: str | list[str]) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


class _Loader(yaml.SafeLoader):
    """Refuses duplicate keys: YAML would silently keep the last one, hiding a second treatment."""

    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


@dataclass
class YamlDoc:
    """A parsed YAML file with the line (1-based) of each key and list item, by path."""

    path: Path
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line(self, loc: Loc) -> int:
        """The line of the longest known prefix of `loc` (1 when none)."""
        for n in range(len(loc), -1, -1):
            if loc[:n] in self.lines:
                return self.lines[loc[:n]]
        return 1

    def where(self, loc: Loc) -> str:
        return f"{self.path}:{self.line(loc)}"


def _walk(node: yaml.Node, loc: Loc, lines: dict[Loc, int], problems: list[str], path: Path) -> None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            key: str | int = k.value if isinstance(k, yaml.ScalarNode) else "?"
            line = k.start_mark.line + 1
            if isinstance(k, yaml.ScalarNode) and k.tag == _BOOL_TAG:
                problems.append(f"{path}:{line}: key {k.value} is read by YAML as a boolean; quote it: \"{k.value}\":")
            elif isinstance(k, yaml.ScalarNode) and k.tag == _NULL_TAG:
                problems.append(f"{path}:{line}: key {k.value or '(empty)'} is read by YAML as null; quote it")
            lines[(*loc, key)] = line
            _walk(v, (*loc, key), lines, problems, path)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[(*loc, i)] = item.start_mark.line + 1
            _walk(item, (*loc, i), lines, problems, path)
    elif isinstance(node, yaml.ScalarNode) and node.tag == _BOOL_TAG and node.value.lower() not in _TRUE_FALSE:
        problems.append(
            f"{path}:{node.start_mark.line + 1}: value {node.value} is read by YAML as a boolean; "
            f"write true/false, or quote it: \"{node.value}\""
        )


def load(path: Path) -> YamlDoc:
    """Parse one YAML file; raise SpecError listing every problem (file and line), never a partial result."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(f"{path}: cannot be read ({type(exc).__name__})") from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SpecError(f"{path}{line}: not valid YAML ({problem})") from None
    finally:
        loader.dispose()
    doc = YamlDoc(path, data)
    problems: list[str] = []
    if node is not None:
        _walk(node, (), doc.lines, problems, path)
    if problems:
        raise SpecError(problems)
    return doc
