"""How a check is written, and how one is run.

A check is a function of the grader's own process, registered with ``@check``. It sends
inputs to probes (functions that run in the worker and call the submission), compares
what comes back with the grader's own oracles, and is split into weighted cases for
partial credit::

    @check("ch05", "Affine.forward computes x @ W + b", points=4, book="5.6.1")
    def affine_forward(ctx):
        with ctx.case(M("ch05.affine.case.2d")):
            out = ctx.call(probe_affine_forward, x=x, W=W, b=b)
            expect_close(out, x @ W + b, "out")

A case passes when its block finishes; it fails on a ``Mismatch`` (a wrong result) or a
``StudentError`` (the submission raised, hung or crashed). Every text a student reads is a
``grader.feedback.messages.Message`` (labels, reasons), rendered in the student's language when shown;
``what`` arguments of the comparisons are code (``"dx"``, ``"params['W1']"``) or messages.
A failing case also carries a diagnosis (``grader.grading.diagnose``): a stable id of the kind of
mistake and its explanation, which cites the book section of the check (``book=``) unless the
diagnosis names its own. The first failing case gives the one-line reason shown to the student.
"""
import contextlib
import os
import zlib
from dataclasses import dataclass, field

import numpy as np

from grader.feedback.messages import Message as M
from grader.feedback.messages import render
from grader.grading import causes, diagnose
from grader.grading.diagnose import Diagnosis, as_diagnosis
from grader.grading.errors import StudentError, WorkerStartError

REGISTRY: list["Check"] = []


class Mismatch(Exception):
    """The submission's result is not what the mathematics says; the message says how.

    message: a Message (or plain text); diagnosis: a Diagnosis or its id, when the kind of
    mistake is known; plot: data for a picture of the mistake (see grader.feedback.pictures)."""

    def __init__(self, message, diagnosis=None, plot=None):
        super().__init__(message)
        self.message = message
        self.diagnosis = as_diagnosis(diagnosis)
        self.plot = plot

    def __str__(self):
        return render(self.message)


@dataclass
class Check:
    chapter: str
    name: str  # the stable English identifier (tests, results.json, nbgrader groups)
    points: float
    function: object
    timeout: float = 20.0
    hidden: bool = False
    slow: bool = False  # trains on MNIST: seconds, not milliseconds
    book: str | None = None  # the book section of the idea checked, e.g. "5.6.3"

    @property
    def seed(self):
        return zlib.crc32(self.name.encode())

    @property
    def slug(self):
        """A file-name-safe identifier: 'ch05_softmax_with_loss_backward'."""
        return f"{self.chapter}_{getattr(self.function, '__name__', 'check')}"


def check(chapter, name, points, timeout=20.0, hidden=False, slow=False, book=None):
    """Register a check worth ``points`` of ``chapter``; each call to the worker may take
    up to ``timeout`` seconds. ``book``: the section of the book that the check is about."""
    def register(function):
        if any(c.chapter == chapter and c.name == name for c in REGISTRY):
            raise ValueError(f"two checks named {name!r} in {chapter}")
        REGISTRY.append(Check(chapter, name, points, function, timeout, hidden, slow, book))
        return function
    return register


@dataclass
class Case:
    label: object  # Message (or plain text)
    weight: float
    passed: bool
    reason: object = ""  # Message (or plain text)
    diagnosis: str | None = None  # id of the kind of mistake (grader.grading.diagnose.KINDS)
    advice: object = None  # Message: the diagnosis explained, with the book section
    plot: dict | None = None
    # A property of the results (in place, input unchanged, deterministic, shape) rather than
    # their values: it earns its weight only when a value case of its check passed too.
    property_only: bool = False
    withheld: bool = False  # a property case that passed, not counted (withhold_properties)

    def _explanation(self):
        if self.advice is None:
            return self.reason
        return M("report.likely_cause", text=self.reason, advice=self.advice)

    def explain(self, language=None):
        """'reason. Likely cause: advice' in ``language``; '' for a passed case."""
        return "" if self.passed else render(self._explanation(), language)

    def describe(self, language=None):
        """'label: reason. Likely cause: advice' in ``language``; '' for a passed case."""
        if self.passed:
            return ""
        return render(M("report.case", label=self.label, reason=self._explanation()), language)


@dataclass
class Result:
    check: Check
    cases: list = field(default_factory=list)
    error: object = ""  # set when the check could not be judged at all (Message or text)
    grader_fault: bool = False
    error_diagnosis: str | None = None
    error_advice: object = None
    plots: dict = field(default_factory=dict)  # data for pictures: {"learning_curve": {...}}
    caused_by: list = field(default_factory=list)  # results of the run that explain this one (grader.grading.causes)

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
    def failed_cases(self):
        """The failing cases, those withheld for want of right values last."""
        failed = [c for c in self.cases if not c.passed]
        return [c for c in failed if not c.withheld] + [c for c in failed if c.withheld]

    @property
    def reason(self):
        """One line, in the language of the moment: the first failing case and why."""
        return self.reason_in()

    def reason_in(self, language=None):
        """The one-line reason in ``language``; for a failure that other failures of the run
        explain (a training run), the checks to fix first (grader.grading.causes)."""
        line = self._first_reason(language)
        cause = causes.training_cause(self) if self.status != "passed" else None
        if line and cause is not None:
            line += ". " + render(cause, language)
        return line

    def _first_reason(self, language):
        if self.error:
            text = M("report.likely_cause", text=self.error, advice=self.error_advice) \
                if self.error_advice is not None else self.error
            return render(text, language)
        failed = self.failed_cases
        if not failed:
            return ""
        line = failed[0].describe(language)
        if len(failed) > 1:
            line += render(M("report.more", count=len(failed) - 1), language)
        return line

    @property
    def diagnosis(self):
        """The id of the first diagnosed mistake (the first failing cases come first)."""
        found = self.diagnoses
        return found[0] if found else None

    @property
    def diagnoses(self):
        """Ids of the diagnosed mistakes, one per failing case (in order), or of the error."""
        if self.error:
            return [self.error_diagnosis] if self.error_diagnosis else []
        return [c.diagnosis for c in self.failed_cases if c.diagnosis]


def advice_for(diagnosis, check_):
    """The explanation of ``diagnosis``, citing the book section that fits it (None when the
    reason itself says all)."""
    if diagnosis.id in diagnose.SELF_EXPLAINED:
        return None
    text = M(diagnosis.text or f"diagnosis.{diagnosis.id}", **diagnosis.params)
    section = diagnose.section_for(diagnosis, check_.book)
    if section:
        return M("advice.see_book", advice=text, section=M(f"book.{section}"))
    return text


def _explaining(diagnosis_id, found):
    """(id, advice) of the diagnosis among ``found`` ({id: the check that found it}) that
    explains ``diagnosis_id`` away, citing that check's section; (None, None) when it stands."""
    other = diagnose.explained_by(diagnosis_id, found)
    if other is None:
        return None, None
    section = diagnose.section_for(Diagnosis(other), found[other].book)
    return other, advice_for(Diagnosis(other, section=section), found[other])


def reconcile(results):
    """Per chapter, replace each diagnosis that another diagnosis of that chapter explains
    (grader.grading.diagnose.EXPLAINED_BY) by that one, advice included; ``results`` in place."""
    chapters: dict[str, list[Result]] = {}
    for result in results:
        chapters.setdefault(result.check.chapter, []).append(result)
    for rows in chapters.values():
        found: dict[str, Check] = {}  # diagnosis id: the first check that found it
        for result in rows:
            for diagnosis in result.diagnoses:
                found.setdefault(diagnosis, result.check)
        for result in rows:
            for case in result.cases:
                other, advice = _explaining(case.diagnosis, found)
                if other:
                    case.diagnosis, case.advice = other, advice
            other, advice = _explaining(result.error_diagnosis, found)
            if other:
                result.error_diagnosis, result.error_advice = other, advice
    return results


def _diagnosis_of(exc):
    return as_diagnosis(getattr(exc, "diagnosis", None))


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
    def case(self, label, weight=1.0, property_only=False):
        """A case worth ``weight``. ``property_only``: the case judges a property of the results that
        code returning wrong values can have as well (in place, input unchanged, deterministic,
        the right shape): it counts only when a value case of the check passed
        (``withhold_properties``)."""
        try:
            yield
        except (Mismatch, StudentError) as exc:
            diagnosis = _diagnosis_of(exc)
            self.result.cases.append(Case(
                label, weight, False, getattr(exc, "message", str(exc)),
                diagnosis.id if diagnosis else None,
                advice_for(diagnosis, self.check) if diagnosis else None,
                getattr(exc, "plot", None), property_only))
        else:
            self.result.cases.append(Case(label, weight, True, property_only=property_only))

    def diagnose_failed(self, diagnosis):
        """Give ``diagnosis`` to the failing cases that have none yet: for mistakes that only
        the pattern of passed and failed cases reveals (e.g. every case with padding fails)."""
        diagnosis = as_diagnosis(diagnosis)
        for case in self.result.cases:
            if not case.passed and case.diagnosis is None:
                case.diagnosis = diagnosis.id
                case.advice = advice_for(diagnosis, self.check)

    def attach(self, name, data):
        """Keep plain ``data`` for a picture drawn when a report is written (never during grading)."""
        self.result.plots[name] = data

    def forall(self, test, *strategies, examples=25):
        """Run ``test`` on ``examples`` values drawn from hypothesis ``strategies``,
        deterministically; a failure is shrunk to a small example and re-raised."""
        from hypothesis import HealthCheck, Phase, given, settings
        from hypothesis import strategies as st
        from hypothesis.errors import Flaky
        from hypothesis.reporting import with_reporter

        keep_hypothesis_files_out_of_the_working_folder()
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
                raise Mismatch(M("cmp.flaky", kind=type(exc).__name__)) from None


_hypothesis_home = None


def keep_hypothesis_files_out_of_the_working_folder():
    """Give hypothesis a folder of the grader's own, removed when the process ends. Its default
    is ``.hypothesis/`` in the working folder, which is the student's folder when a notebook is
    graded (nbgrader would hand it back with the feedback); it writes there even without an
    example database (a cache of the constants of the grader's modules). A folder named by
    HYPOTHESIS_STORAGE_DIRECTORY is kept."""
    global _hypothesis_home
    if _hypothesis_home is not None or os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY"):
        return
    import atexit
    import shutil
    import tempfile

    from hypothesis.configuration import set_hypothesis_home_dir

    _hypothesis_home = tempfile.mkdtemp(prefix="grader-hypothesis-")
    atexit.register(shutil.rmtree, _hypothesis_home, True)
    set_hypothesis_home_dir(_hypothesis_home)


_MALFORMED = (KeyError, IndexError, TypeError, AttributeError, ValueError, OverflowError)


def withhold_properties(result):
    """Property cases of ``result`` that passed while no value case of the check did: not
    counted (code that returns nothing right earns nothing for being consistent about it).
    ``result`` in place."""
    if any(c.passed and not c.property_only and c.weight > 0 for c in result.cases):
        return result
    for case in result.cases:
        if case.property_only and case.passed:
            case.passed, case.withheld = False, True
            case.reason = M("case.property_without_values")
    return result


def run_check(check_, worker, time_limit=None):
    """Run one check; never raises because of the submission."""
    ctx = Context(check_, worker, time_limit)
    try:
        check_.function(ctx)
    except (Mismatch, StudentError) as exc:
        ctx.result.error = getattr(exc, "message", str(exc))
        diagnosis = _diagnosis_of(exc)
        if diagnosis:
            ctx.result.error_diagnosis = diagnosis.id
            ctx.result.error_advice = advice_for(diagnosis, check_)
    except WorkerStartError:
        raise
    except _MALFORMED as exc:
        if ctx._calls:
            # Data from the worker that is not of the form its probe returns (a forged reply, or a
            # value a check did not foresee): that check's loss, never a fault of the grader.
            ctx.result.error = M("runner.unexpected_reply", detail=f"{type(exc).__name__}: {str(exc)[:200]}")
        else:
            ctx.result.error = M("grader.fault", kind=type(exc).__name__, detail=str(exc))
            ctx.result.grader_fault = True
    except Exception as exc:  # noqa: BLE001  (a fault of the grader itself: say so)
        ctx.result.error = M("grader.fault", kind=type(exc).__name__, detail=str(exc))
        ctx.result.grader_fault = True
    if not ctx.result.cases and not ctx.result.error:
        ctx.result.error = M("grader.judged_nothing")
        ctx.result.grader_fault = True
    return withhold_properties(ctx.result)


# ---------------------------------------------------------------- comparisons

def as_array(value, what):
    """The student's value as a float64 ndarray, or a Mismatch saying why it is not one."""
    if value is None:
        raise Mismatch(M("cmp.none", what=what))
    if isinstance(value, (dict, str)):
        raise Mismatch(M("cmp.kind", what=what, kind=type(value).__name__))
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise Mismatch(M("cmp.not_numbers", what=what)) from None
    return array


def expect_shape(value, shape, what, expected=None, **hints):
    """``value`` as an array of ``shape``. With ``expected`` (the right values) a wrong shape
    is diagnosed (transposed, reshaped, summed over every axis, ...; ``hints`` as for
    grader.grading.diagnose.diagnose)."""
    array = as_array(value, what)
    if array.shape != tuple(shape):
        diagnosis = diagnose.diagnose(array, expected, **hints) if expected is not None else None
        raise Mismatch(M("cmp.shape", what=what, shape=array.shape, expected=tuple(shape)), diagnosis)
    return array


def expect_finite(value, what, diagnosis="not_finite"):
    array = as_array(value, what)
    if not np.all(np.isfinite(array)):
        bad = "nan" if np.any(np.isnan(array)) else "inf"
        raise Mismatch(M("cmp.not_finite", what=what, bad=bad), diagnosis)
    return array


def expect_close(value, expected, what, rtol=1e-6, atol=1e-9, not_finite="not_finite", **hints):
    """``value`` equals ``expected`` (shape and numbers) within rtol/atol. A difference is
    diagnosed with ``hints`` (batch, dout, mask, region, known, others: see
    grader.grading.diagnose.diagnose); ``not_finite`` is the diagnosis of nan or inf."""
    expected = np.asarray(expected, dtype=np.float64)
    array = expect_shape(value, expected.shape, what, expected, **hints)
    expect_finite(array, what, not_finite)
    close = np.isclose(array, expected, rtol=rtol, atol=atol)
    if not np.all(close):
        diagnosis = diagnose.diagnose(array, expected, **hints)
        if not expected.ndim:
            raise Mismatch(M("cmp.wrong", what=what, got=float(array), expected=float(expected)), diagnosis)
        index = np.unravel_index(np.argmax(np.abs(array - expected) - rtol * np.abs(expected)), expected.shape)
        place = tuple(int(i) for i in index)
        if close.size == 1:
            raise Mismatch(M("cmp.wrong_at", what=what, index=place, got=array[index], expected=expected[index]),
                           diagnosis)
        raise Mismatch(M("cmp.wrong_at_count", what=what, index=place, got=array[index], expected=expected[index],
                         count=int(np.count_nonzero(~close)), size=int(close.size)), diagnosis)
    return array


def relative_errors(actual, expected):
    """Elementwise |a - e| / max(|a| + |e|, floor), floor = 1e-3 * max|e| (+1e-12):
    elements far smaller than the largest gradient are judged on the scale of the largest,
    so that numerical noise on near-zero entries does not count."""
    actual = np.asarray(actual, dtype=np.float64)
    expected = np.asarray(expected, dtype=np.float64)
    floor = 1e-3 * float(np.max(np.abs(expected), initial=0.0)) + 1e-12
    return np.abs(actual - expected) / np.maximum(np.abs(actual) + np.abs(expected), floor)


def relative_error(actual, expected):
    """The worst of ``relative_errors`` and its index: (error, index)."""
    errors = relative_errors(actual, expected)
    index = np.unravel_index(int(np.argmax(errors)), errors.shape) if errors.ndim else ()
    return float(errors[index]), tuple(int(i) for i in index)


# A correct float64 backward lands below 1e-7 against the grader's numerical gradient
# (central differences, h = 1e-6, of its own float64 formulas); the usual mistakes (a
# missing 1/N, a transpose, a lost mask) land above 1e-2. Small-constant choices inside
# logs and square roots (1e-7 vs 1e-8, clip vs +eps) stay below 1e-5.
GRADIENT_TOLERANCE = 1e-4


def expect_gradient(value, expected, what, not_finite="not_finite", **hints):
    """``value`` (a student's analytic gradient) matches ``expected`` (the grader's
    numerical gradient) within GRADIENT_TOLERANCE relative error. A mismatch is diagnosed
    (``hints`` as for grader.grading.diagnose.diagnose) and carries the map of relative errors."""
    expected = np.asarray(expected, dtype=np.float64)
    array = expect_shape(value, expected.shape, what, expected, **hints)
    expect_finite(array, what, not_finite)
    errors = relative_errors(array, expected)
    index = np.unravel_index(int(np.argmax(errors)), errors.shape) if errors.ndim else ()
    error = float(errors[index])
    if error > GRADIENT_TOLERANCE:
        diagnosis = diagnose.diagnose(array, expected, **hints)
        plot = {"kind": "gradient_error", "errors": errors, "what": what}
        if index:
            message = M("cmp.gradient_at", what=what, error=error, index=tuple(int(i) for i in index),
                        got=array[index], expected=expected[index])
        else:
            message = M("cmp.gradient", what=what, error=error, got=float(array), expected=float(expected))
        raise Mismatch(message, diagnosis, plot)
    return array
