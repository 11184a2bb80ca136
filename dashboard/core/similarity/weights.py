"""The criteria of the peer method and their weights: the presets, and the weights as a short URL parameter."""

from __future__ import annotations

import math
from collections.abc import Mapping

from dashboard.core.similarity.profiles import Catalogue

# Criterion keys: "size", "ind.<indicator id>", "org.<dimension id>".
SIZE = "size"
IND = "ind."
ORG = "org."

MAX_WEIGHT = 5.0

# Weight presets. Size counts as much as three single criteria because it drives most of what a team faces.
PRESETS = ("default", "organisation", "context")
_PRESET_BLOCKS = {  # (size, each indicator, each org dimension)
    "default": (3.0, 1.0, 1.0),
    "organisation": (0.0, 0.0, 1.0),
    "context": (3.0, 1.0, 0.0),
}


def criteria(cat: Catalogue) -> list[str]:
    """Every criterion key, in display order: size, comparable indicators, org dimensions."""
    return [SIZE] + [IND + i for i in cat.comparable_indicators] + [ORG + d for d in cat.dimensions]


def preset_weights(preset: str, cat: Catalogue) -> dict[str, float]:
    """Weights of a preset; tentative dimensions start at 0 (left out) whatever the preset."""
    size, ind, org = _PRESET_BLOCKS.get(preset, _PRESET_BLOCKS["default"])
    out = {SIZE: size}
    out.update({IND + i: ind for i in cat.comparable_indicators})
    out.update({ORG + d: 0.0 if d in cat.tentative else org for d in cat.dimensions})
    return out


def weights_to_param(weights: Mapping[str, float], preset: str, cat: Catalogue) -> str:
    """Only the weights that differ from the preset, as 'size:2,org.triage:0' (short, shareable URLs)."""
    base = preset_weights(preset, cat)
    parts = [f"{k}:{_num_token(weights[k])}" for k in criteria(cat) if k in weights and weights[k] != base[k]]
    return ",".join(parts)


def weights_from_param(param: str | None, preset: str, cat: Catalogue) -> dict[str, float]:
    """Inverse of weights_to_param. Unknown keys and bad numbers are ignored (URLs get edited by hand)."""
    weights = preset_weights(preset, cat)
    for part in (param or "").split(","):
        key, sep, raw = part.strip().rpartition(":")
        if not sep or key not in weights:
            continue
        try:
            value = float(raw)
        except ValueError:
            continue
        if math.isfinite(value):
            weights[key] = min(max(value, 0.0), MAX_WEIGHT)
    return weights


def _num_token(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"
