"""How a check is written, and how one is run.

A check is a function of the grader's own process, registered with ``@check``. It sends
inputs to probes (functions that run in the worker and call the submission), compares
what comes back with the grader's own oracles, and is split into weighted cases for
partial credit::

    @check("ch05", "Affine.forward computes x @ W + b", points=4)
    def affine_forward(ctx):
        with ctx.case("2-D input"):
            out = ctx.call(probe_affine_forward, x=x, W=W, b=b)
            expect_close(out, x @ W + b, "output")

A case passes when its block finishes; it fails on a ``Mismatch`` (a wrong result) or a
``StudentError`` (the submission raised, hung or crashed). The first failing case gives
the one-line reason shown to the student.
"""
import contextlib
import zlib
from dataclasses import dataclass, field

import numpy as np

from grader.runner import StudentError, WorkerStartError

REGISTRY = []


class Mismatch(Exception):
    """The submission's result is not what the mathematics says; the message says how."""


@dataclass
class Check:
    chapter: str
    name: str
    points: float
    function: object
    timeout: float = 20.0
    hidden: bool = False
    slow: bool = False  # trains on MNIST: seconds, not milliseconds

    @property
    def seed(self):
        return zlib.crc32(self.name.encode())


def check(chapter, name, points, timeout=20.0, hidden=False, slow=False):
    """Register a check worth ``points`` of ``chapter``; each call to the worker may take
    up to ``timeout`` seconds."""
    def register(function):
        if any(c.chapter == chapter and c.name == name for c in REGISTRY):
            raise ValueError(f"two checks named {name!r} in {chapter}")
        REGISTRY.append(Check(chapter, name, points, function, timeout, hidden, slow))
        return function
    return register


@dataclass
class Case:
    label: str
    weight: float
    passed: bool
    reason: str = ""


@dataclass
class Result:
    check: Check
    cases: list = field(default_factory=list)
    error: str = ""  # set when the check could not be judged at all
    grader_fault: bool = False

    @property
    def fraction(self):
        total = sum(c.weight for c in self.cases)
        if self.error or total == 0:
            return 0.0
        return sum(c.weight for c in self.cases if c.passed) / total

    @property
    def score(self):
        return round(self.check.points * self.fraction, 2)

    @property
    def status(self):
        if self.grader_fault:
            return "error"
        if self.fraction == 1.0:
            return "passed"
        return "partial" if self.fraction > 0 else "failed"

    @property
    def reason(self):
        if self.error:
            return self.error
        failed = [c for c in self.cases if not c.passed]
        if not failed:
            return ""
        first = failed[0]
        more = f" (+{len(failed) - 1} more failing case{'s' if len(failed) > 2 else ''})" if len(failed) > 1 else ""
        return f"{first.label}: {first.reason}{more}"


class Context:
    """What a check function gets: calls into the worker, and cases."""

    def __init__(self, check_, worker, time_limit=None):
        self.check = check_
        self.time_limit = check_.timeout if time_limit is None else min(time_limit, check_.timeout)
        self.worker = worker
        self.result = Result(check_)
        self._fatal = None  # a hang or crash: later calls of this check fail at once
        self._calls = 0

    def call(self, probe, seed=None, **inputs):
        """Run ``probe(**inputs)`` in the worker; returns plain data (float64 arrays, ...)."""
        if self._fatal is not None:
            raise self._fatal
        self._calls += 1
        if seed is None:
            seed = self.check.seed + self._calls
        try:
            return self.worker.call(probe, inputs, seed, self.time_limit)
        except StudentError as exc:
            if exc.kind in ("timeout", "crash"):
                self._fatal = exc
            raise

    @contextlib.contextmanager
    def case(self, label, weight=1.0):
        try:
            yield
        except (Mismatch, StudentError) as exc:
            self.result.cases.append(Case(label, weight, False, str(exc)))
        else:
            self.result.cases.append(Case(label, weight, True))

    def forall(self, test, *strategies, examples=25):
        """Run ``test`` on ``examples`` values drawn from hypothesis ``strategies``,
        deterministically; a failure is shrunk to a small example and re-raised."""
        from hypothesis import HealthCheck, Phase, given, settings
        from hypothesis import strategies as st
        from hypothesis.errors import Flaky
        from hypothesis.reporting import with_reporter

        @settings(derandomize=True, database=None, deadline=None, max_examples=examples,
                  suppress_health_check=list(HealthCheck), report_multiple_bugs=False,
                  phases=[Phase.explicit, Phase.generate, Phase.shrink], print_blob=False)
        @given(st.tuples(*strategies))
        def run(values):
            test(*values)

        with with_reporter(lambda _: None):
            try:
                run()
            except Flaky as exc:
                raise Mismatch(f"behaves inconsistently on repeated calls ({type(exc).__name__})") from None


def run_check(check_, worker, time_limit=None):
    """Run one check; never raises because of the submission."""
    ctx = Context(check_, worker, time_limit)
    try:
        check_.function(ctx)
    except (Mismatch, StudentError) as exc:
        ctx.result.error = str(exc)
    except WorkerStartError:
        raise
    except Exception as exc:  # noqa: BLE001  (a fault of the grader itself: say so)
        ctx.result.error = f"grader fault: {type(exc).__name__}: {exc}"
        ctx.result.grader_fault = True
    if not ctx.result.cases and not ctx.result.error:
        ctx.result.error = "grader fault: the check judged nothing"
        ctx.result.grader_fault = True
    return ctx.result


# ---------------------------------------------------------------- comparisons

def as_array(value, what):
    """The student's value as a float64 ndarray, or a Mismatch saying why it is not one."""
    if value is None:
        raise Mismatch(f"{what} is None (a missing return, or an attribute never set?)")
    if isinstance(value, (dict, str)):
        raise Mismatch(f"{what} is a {type(value).__name__}, not numbers")
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise Mismatch(f"{what} is not an array of numbers") from None
    return array


def expect_shape(value, shape, what):
    array = as_array(value, what)
    if array.shape != tuple(shape):
        raise Mismatch(f"{what} has shape {array.shape}, expected {tuple(shape)}")
    return array


def expect_finite(value, what):
    array = as_array(value, what)
    if not np.all(np.isfinite(array)):
        bad = "nan" if np.any(np.isnan(array)) else "inf"
        raise Mismatch(f"{what} contains {bad}")
    return array


def expect_close(value, expected, what, rtol=1e-6, atol=1e-9):
    """``value`` equals ``expected`` (shape and numbers) within rtol/atol."""
    expected = np.asarray(expected, dtype=np.float64)
    array = expect_shape(value, expected.shape, what)
    expect_finite(array, what)
    close = np.isclose(array, expected, rtol=rtol, atol=atol)
    if not np.all(close):
        index = np.unravel_index(np.argmax(np.abs(array - expected) - rtol * np.abs(expected)),
                                 expected.shape) if expected.ndim else ()
        where = f" at index {tuple(int(i) for i in index)}" if expected.ndim else ""
        raise Mismatch(f"{what} is wrong{where}: got {array[index]:.6g}, expected {expected[index]:.6g}"
                       + (f" ({np.count_nonzero(~close)} of {close.size} values differ)" if close.size > 1 else ""))
    return array


def relative_error(actual, expected):
    """Worst elementwise |a - e| / max(|a| + |e|, floor), floor = 1e-3 * max|e| (+1e-12):
    elements far smaller than the largest gradient are judged on the scale of the largest,
    so that numerical noise on near-zero entries does not count. Returns (error, index)."""
    actual = np.asarray(actual, dtype=np.float64)
    expected = np.asarray(expected, dtype=np.float64)
    floor = 1e-3 * float(np.max(np.abs(expected), initial=0.0)) + 1e-12
    errors = np.abs(actual - expected) / np.maximum(np.abs(actual) + np.abs(expected), floor)
    index = np.unravel_index(int(np.argmax(errors)), errors.shape) if errors.ndim else ()
    return float(errors[index]), tuple(int(i) for i in index)


# A correct float64 backward lands below 1e-7 against the grader's numerical gradient
# (central differences, h = 1e-6, of its own float64 formulas); the usual mistakes (a
# missing 1/N, a transpose, a lost mask) land above 1e-2. Small-constant choices inside
# logs and square roots (1e-7 vs 1e-8, clip vs +eps) stay below 1e-5.
GRADIENT_TOLERANCE = 1e-4


def expect_gradient(value, expected, what):
    """``value`` (a student's analytic gradient) matches ``expected`` (the grader's
    numerical gradient) within GRADIENT_TOLERANCE relative error."""
    expected = np.asarray(expected, dtype=np.float64)
    array = expect_shape(value, expected.shape, what)
    expect_finite(array, what)
    error, index = relative_error(array, expected)
    if error > GRADIENT_TOLERANCE:
        where = f" at index {index}" if index else ""
        ratio = _ratio_hint(array, expected)
        raise Mismatch(f"{what} does not match the numerical gradient: relative error {error:.2g}{where} "
                       f"(got {array[index]:.4g}, expected {expected[index]:.4g}){ratio}")
    return array


def _ratio_hint(actual, expected):
    """Name a constant factor between the two, the commonest shape of a backward bug."""
    mask = np.abs(expected) > 1e-3 * np.max(np.abs(expected), initial=0.0)
    if np.count_nonzero(mask) < 2:
        return ""
    scale = np.max(np.abs(expected), initial=0.0)
    if np.any(np.abs(actual[~mask]) > 1e-3 * scale):
        return ""  # wrong where the answer is (nearly) zero: not a constant factor
    ratios = actual[mask] / expected[mask]
    if np.allclose(ratios, ratios[0], rtol=1e-3) and abs(ratios[0]) > 1e-12 and not np.isclose(ratios[0], 1.0):
        return f"; everywhere off by a factor of {ratios[0]:.4g}"
    return ""
