"""Front matter ``nocite``: entries listed in the bibliography without a citation marker.

As in pandoc: ``nocite: "@a, @b"`` (any text holding ``@key``s), a list of such strings, or
``"@*"`` for every entry of the bibliography.
"""

from __future__ import annotations

from collections.abc import Sequence

from .syntax import parse_key

HOW_TO = 'write nocite: "@key1, @key2" (or "@*" for every entry)'


def nocite_keys(value: object, all_keys: Sequence[str]) -> tuple[list[str], str]:
    """``(keys in order, problem)``: the problem is "" when the value is well formed."""
    texts = value if isinstance(value, list) else [value]
    if not all(isinstance(text, str) for text in texts):
        return [], f"nocite must be text holding @keys; {HOW_TO}"
    keys: list[str] = []
    for text in texts:
        assert isinstance(text, str)
        found = _keys_in(text)
        if not found and text.strip():
            return keys, f"nocite '{text.strip()}' names no @key; {HOW_TO}"
        keys += found
    if "*" in keys:
        return list(all_keys), ""
    return keys, ""


def _keys_in(text: str) -> list[str]:
    keys, at = [], text.find("@")
    while at >= 0:
        if text.startswith("@*", at):
            keys.append("*")
        else:
            found = parse_key(text, at)
            if found is not None:
                keys.append(found[0])
        at = text.find("@", at + 1)
    return keys
