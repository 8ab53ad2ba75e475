"""Scalars in YAML front matter that every reader reads back as the text they are: YAML 1.1
(PyYAML, python-frontmatter) and 1.2 (ruamel, editors) alike."""

from __future__ import annotations

import json
import re

_YAML_PLAIN = re.compile(r"(?:[a-z]|[0-9]{8}-[0-9]{6}-)[a-z0-9_-]*")
_YAML_WORDS = frozenset(("y", "n", "yes", "no", "true", "false", "on", "off", "null"))
"""Ids that YAML 1.1 or 1.2 reads as true, false or nothing when they are not quoted."""
# Characters YAML will not read raw inside a quoted string, or reads as a line break.
_YAML_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")


def yaml_scalar(text: str) -> str:
    """`text` plain where every YAML reader reads it back as that text — an exercise id that
    starts with a letter, a reflection id that starts with its time — else quoted: YAML 1.1
    (PyYAML, python-frontmatter) reads `no`, `on` and `null` as false, true and nothing,
    `0x1f` and `1_000` as numbers, and YAML 1.2 reads `0o17` and `1e3` as numbers."""
    plain = _YAML_PLAIN.fullmatch(text) and text not in _YAML_WORDS
    return text if plain else yaml_string(text)


def yaml_string(text: str) -> str:
    """A double-quoted scalar that both JSON and YAML read back as `text`."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)
