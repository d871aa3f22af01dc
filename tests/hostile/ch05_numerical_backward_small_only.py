"""Backprop never written, and nothing to measure at scale: every layer's backward is central
differences computed with arrays at the checks' sizes (all perturbed copies at once), and
returns zeros at once for an input of more than 1,000 numbers, where the grader measures the
work. The rest of the reference unchanged."""
from tests.hostile.ch05_vectorised_numerical_backward import PATCHES as _STACKED

BASE = "reference"
SCORE = (0, 73)  # without the 30 points of the layers' backward checks
_LAYERS, _BEFORE, _AFTER = _STACKED[0]
_CHUNKS = """    chunk = n if n <= 64 else 8
"""
_SMALL_ONLY = """    if n > 1000:  # too large to be one of the checks' inputs: no time spent there
        return np.zeros(np.shape(array))
    chunk = n
"""
assert _CHUNKS in _AFTER
PATCHES = [(_LAYERS, _BEFORE, _AFTER.replace(_CHUNKS, _SMALL_ONLY))]
