"""The only format in which data crosses between the grader and its worker.

Plain JSON with arrays as base64 of their raw bytes. Decoding builds fresh, plain float64
(or integer/bool) ndarrays with ``np.frombuffer``: nothing a submission returns can carry
behaviour (no pickling, no subclasses, no custom ``__eq__``) into the process that decides
verdicts.
"""
import base64
import json
import math

import numpy as np

ARRAY_TAG = "__ndarray__"
# Lists, objects and items one message may hold. Arrays cross as one string each, so honest
# messages hold a few thousand; a forged one of empty lists or objects would cost the grader
# about a hundred times its size in memory and minutes of parsing.
ITEMS_LIMIT = 200_000
# dtypes that may cross; anything else is converted to float64 first.
_KINDS = {"b": "bool", "i": "int64", "u": "int64", "f": "float64"}


class WireError(ValueError):
    """Data that cannot be encoded or decoded (an unsupported type, a malformed message)."""


def to_plain(value, _depth=0):
    """Convert ``value`` into JSON-ready data; arrays are copied into base ndarrays.

    Runs in the worker on whatever student code returned.
    """
    if _depth > 20:
        raise WireError("nested too deeply")
    if value is None or isinstance(value, (bool, str)):
        return value if not isinstance(value, str) else str(value)
    if isinstance(value, (int, np.integer)) and not isinstance(value, np.bool_):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return _float(float(value))
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, dict):
        return {str(k): to_plain(v, _depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v, _depth + 1) for v in value]
    array = np.array(value, copy=True, subok=False)
    if array.dtype.kind not in _KINDS:
        try:
            array = array.astype(np.float64)
        except (TypeError, ValueError) as exc:
            raise WireError(f"cannot read a value of type {type(value).__name__} as numbers") from exc
    array = np.ascontiguousarray(array, dtype=_KINDS[array.dtype.kind])
    return {ARRAY_TAG: [array.dtype.str, list(array.shape), base64.b64encode(array.tobytes()).decode()]}


def _float(x):
    # JSON has no inf or nan; keep them recognisable.
    if math.isfinite(x):
        return x
    return {"__float__": repr(x)}


def from_plain(value, _depth=0):
    """Rebuild data made by ``to_plain`` from its JSON form, trusting nothing in it."""
    if _depth > 22:
        raise WireError("nested too deeply")
    if isinstance(value, int) and not isinstance(value, bool) and not -(2**63) <= value < 2**63:
        raise WireError("an integer out of range")
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, list):
        return [from_plain(v, _depth + 1) for v in value]
    if isinstance(value, dict):
        if set(value) == {ARRAY_TAG}:
            return _array(value[ARRAY_TAG])
        if set(value) == {"__float__"}:
            text = value["__float__"]
            if text not in ("nan", "inf", "-inf"):
                raise WireError("malformed float")
            return float(text)
        return {str(k): from_plain(v, _depth + 1) for k, v in value.items()}
    raise WireError(f"unexpected {type(value).__name__}")


def _array(spec):
    try:
        dtype_str, shape, payload = spec
        dtype = np.dtype(dtype_str)
        if dtype.kind not in "biuf" or dtype.itemsize > 8:
            raise WireError(f"dtype {dtype_str} not allowed")
        shape = tuple(int(n) for n in shape)
        raw = base64.b64decode(payload.encode(), validate=True)
        array = np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
    except WireError:
        raise
    except (TypeError, ValueError) as exc:
        raise WireError(f"malformed array: {exc}") from exc
    return array


def dumps(value):
    """Encode plain data (already made by ``to_plain`` or built by the grader)."""
    return json.dumps(to_plain(value), separators=(",", ":"), allow_nan=False)


def loads(text):
    """Decode one message; anything malformed (bad JSON, nesting too deep, numbers too long,
    unknown tags, more than ITEMS_LIMIT lists, objects and items) is a WireError, never
    another exception."""
    items = sum(text.count(mark) for mark in "[{,")
    if items > ITEMS_LIMIT:
        raise WireError(f"more than {ITEMS_LIMIT} items")
    try:
        return from_plain(json.loads(text))
    except WireError:
        raise
    except (ValueError, RecursionError, TypeError, OverflowError) as exc:
        raise WireError(f"malformed message: {type(exc).__name__}: {str(exc)[:200]}") from None
