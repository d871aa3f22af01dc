"""How a wrong answer is wrong: pure functions on the expected and the actual arrays.

A check that finds a wrong array asks ``diagnose`` (or one detector) what kind of wrong it is:
off by a constant factor (1/N, N, -1), transposed, reshaped, the right numbers in the wrong
places, right only where a mask is true, wrong only where windows overlap, normalised over the
whole batch, ... The answer is a ``Diagnosis``: a stable id (counted by tests and by the class
report) and the parameters of its explanation in ``grader.feedback.messages`` (``diagnosis.<id>``).

Detectors run only after a comparison has failed, so they cost nothing on right answers.
"""
from dataclasses import dataclass, field

import numpy as np


@dataclass
class Diagnosis:
    """``id`` names the mistake; ``params`` fill its explanation; ``section`` (a book section
    such as "5.6.3") overrides the one the diagnosis or the check would cite; ``text``, the
    catalogue id of the explanation when it is not ``diagnosis.<id>``."""
    id: str
    params: dict = field(default_factory=dict)
    section: str | None = None
    text: str | None = None


def as_diagnosis(value):
    if value is None or isinstance(value, Diagnosis):
        return value
    if isinstance(value, str):
        return Diagnosis(value)
    raise TypeError(f"not a diagnosis: {value!r}")


# Every diagnosis: the book section it cites by default, or CHECK to cite the check's own
# section (the idea the check is about), or None to cite nothing (not a mistake of mathematics).
CHECK = "check"
KINDS = {
    # generic shapes of a wrong array
    "factor_1_over_n": CHECK,
    "factor_n": CHECK,
    "sign_flipped": CHECK,
    "constant_factor": CHECK,
    "transposed": CHECK,
    "reshaped": CHECK,
    "misplaced_values": CHECK,
    "sum_without_axis": CHECK,
    "right_only_on_mask": CHECK,
    "wrong_only_at_overlaps": "7.4.3",
    "missing_dout": "5.3",
    "all_zero": CHECK,
    "not_finite": CHECK,
    "grads_swapped": CHECK,
    "mutates_input": None,
    # errors of the submission's code
    "not_started": None,
    "syntax_error": None,
    "missing_item": None,
    "timeout": None,
    "crash": None,
    "out_of_memory": None,
    "numpy_alias_removed": None,
    # chapter 4
    "softmax_whole_batch": "3.5.1",
    "overflow": "3.5.2",
    "log_of_zero": "4.2.2",
    "labels_as_one_hot": "4.2.4",
    "mse_mean": "4.2.1",
    "forward_difference": "4.3.1",
    "numgrad_copy": "4.4",
    "x_not_restored": "4.4",
    "zeros_not_zeros_like": None,
    # chapter 5
    "mul_backward_swapped": "5.4.1",
    "mask_inverted": "5.5.1",
    "sigmoid_sign": "3.2.4",
    "sigmoid_backward_uses_x": "5.5.2",
    "affine_no_flatten": "5.6.2",
    "precedence": "5.6.3",
    "loss_without_softmax": "5.6.3",
    "one_hot_labels": "4.5.1",
    "forward_not_run": "5.7.2",
    "params_copied": CHECK,
    "state_shared": None,
    # chapter 6
    "rebinds_params": "6.1.2",
    "state_reset": CHECK,
    "default_hyperparameters": CHECK,
    "adam_no_bias_correction": "6.1.6",
    "adam_step_count": "6.1.6",
    "nesterov_plain_momentum": "6.1.4",
    "rmsprop_no_one_minus": "6.1.5",
    "dropout_new_mask": "6.4.3",
    "dropout_mask_reused": "6.4.3",
    "dropout_test_scale": "6.4.3",
    "dropout_missing": "6.4.3",
    "batchnorm_running_in_training": "6.3.1",
    "batchnorm_batch_stats_in_test": "6.3.1",
    "batchnorm_no_gamma_beta": "6.3.1",
    "running_not_updated": "6.3.1",
    "momentum_swapped": "6.3.1",
    "batchnorm_missing_term": "6.3.1",
    "batchnorm_after_activation": "6.3.1",
    "he_as_xavier": "6.2.3",
    "xavier_as_he": "6.2.2",
    "decay_missing_half": "6.4.2",
    "decay_missing_in_gradient": "6.4.2",
    "decay_on_biases": "6.4.2",
    "optimizer_name_case": None,
    "optimizer_key_spelling": None,
    "optimizer_class_missing": None,
    "iterations_per_epoch": "4.5.3",
    # chapter 7
    "true_division": "7.2.4",
    "single_padding": "7.2.3",
    "padding_ignored": "7.4.2",
    "stride_ignored": "7.4.2",
    "mean_pooling": "7.3",
    "argmax_axis": "7.4.4",
    "tied_maxima_all_take": "7.4.4",
    "pool_not_halved": "7.5",
    "pool_output_ignores_pad": "7.4.4",
    "short_batch_dropped": None,
    "accumulator_overwritten": None,
    # learning curves (MNIST)
    "curve_diverged": CHECK,
    "curve_flat": CHECK,
    "accuracy_below_threshold": CHECK,
}


# The kind of mistake behind an error of the submission (grader.grading.errors.StudentError), by
# the id of its message: what the worker or the runner said happened.
ERROR_DIAGNOSES = {
    "error.not_started": "not_started", "error.not_started_plain": "not_started",
    "error.syntax": "syntax_error", "error.missing_file": "missing_item", "error.missing_name": "missing_item",
    "error.numpy_alias": "numpy_alias_removed", "error.memory": "out_of_memory", "runner.timeout": "timeout",
    "runner.out_of_memory": "out_of_memory",
}


def diagnosis_of_error(message_id, kind):
    """The diagnosis id of a submission's error whose message is ``message_id``; ``kind`` is
    'error', 'timeout' or 'crash' (grader.grading.errors.StudentError). None when unknown."""
    return ERROR_DIAGNOSES.get(message_id) or ("crash" if kind == "crash" else None)


# Diagnoses whose reason already says all (no "Likely cause" after it); still counted.
SELF_EXPLAINED = {"not_started"}

# A diagnosis whose symptom another mistake of the same chapter produces too: when both are
# found in one grading of a chapter, only the other is printed, for two likely causes that
# contradict each other must never be printed together.
EXPLAINED_BY = {
    # Layers that hold copies of params never see numerical_gradient perturb params either, so
    # a correct numerical_gradient returns zeros: nothing points at numerical_gradient itself.
    "numgrad_copy": ("params_copied",),
}


def explained_by(diagnosis_id, found):
    """The diagnosis among ``found`` (ids found in the same chapter) that explains
    ``diagnosis_id`` away, or None when it stands."""
    return next((other for other in EXPLAINED_BY.get(diagnosis_id, ()) if other in found), None)


def section_for(diagnosis, check_section):
    """The book section to cite for ``diagnosis`` in a check about ``check_section``."""
    if diagnosis.section:
        return diagnosis.section
    kind = KINDS.get(diagnosis.id)
    return check_section if kind == CHECK else kind


# ---------------------------------------------------------------- elementary tests

def _arrays(actual, expected):
    return np.asarray(actual, dtype=np.float64), np.asarray(expected, dtype=np.float64)


def same(actual, expected, tol=1e-4):
    """Equal shapes and values within ``tol`` of the larger array's largest magnitude (so that
    numerical noise on near-zero entries does not count)."""
    actual, expected = _arrays(actual, expected)
    if actual.shape != expected.shape or not (np.all(np.isfinite(actual)) and np.all(np.isfinite(expected))):
        return False
    scale = max(float(np.max(np.abs(expected), initial=0.0)), float(np.max(np.abs(actual), initial=0.0)))
    return bool(np.all(np.abs(actual - expected) <= tol * scale + 1e-12))


def elementwise_wrong(actual, expected, tol=1e-4):
    """Boolean array: where ``actual`` differs from ``expected`` (same shapes)."""
    actual, expected = _arrays(actual, expected)
    scale = max(float(np.max(np.abs(expected), initial=0.0)), float(np.max(np.abs(actual), initial=0.0)))
    return ~(np.abs(actual - expected) <= tol * scale + 1e-12)


# ---------------------------------------------------------------- detectors

def constant_factor(actual, expected, rtol=1e-3):
    """The factor c with actual = c * expected everywhere (c != 1), or None."""
    actual, expected = _arrays(actual, expected)
    if actual.shape != expected.shape or not np.all(np.isfinite(actual)):
        return None
    scale = float(np.max(np.abs(expected), initial=0.0))
    if scale == 0:
        return None
    support = np.abs(expected) > 1e-3 * scale
    if np.count_nonzero(support) < 1 or np.any(np.abs(actual[~support]) > 1e-3 * max(scale, np.max(np.abs(actual)))):
        return None
    ratios = actual[support] / expected[support]
    if abs(ratios[0]) < 1e-12 or not np.allclose(ratios, ratios[0], rtol=rtol):
        return None
    if np.isclose(ratios[0], 1.0, rtol=rtol):
        return None
    return float(ratios[0])


# A ratio of two numbers says nothing: "a constant factor everywhere" needs at least this many
# nonzero elements sharing it. The specific factors (-1, 1/N, N) are named on a single number too.
MIN_SHARED_RATIO = 3


def shared_ratio_size(expected):
    """How many elements of ``expected`` a common ratio would rest on (the clearly nonzero ones)."""
    expected = np.asarray(expected, dtype=np.float64)
    scale = float(np.max(np.abs(expected), initial=0.0))
    return int(np.count_nonzero(np.abs(expected) > 1e-3 * scale)) if scale > 0 else 0


def classify_factor(factor, batch=None, shared=MIN_SHARED_RATIO):
    """A Diagnosis for ``actual = factor * expected``: sign, 1/N, N, or some constant (the
    last only when ``shared``, the number of elements with that ratio, is at least
    MIN_SHARED_RATIO)."""
    if factor is None:
        return None
    if np.isclose(factor, -1.0, rtol=1e-3):
        return Diagnosis("sign_flipped")
    if batch and batch > 1:
        if np.isclose(factor, 1.0 / batch, rtol=1e-3):
            return Diagnosis("factor_1_over_n", {"n": int(batch)})
        if np.isclose(factor, float(batch), rtol=1e-3):
            return Diagnosis("factor_n", {"n": int(batch)})
    if shared < MIN_SHARED_RATIO:
        return None
    return Diagnosis("constant_factor", {"factor": float(factor)})


def is_transposed(actual, expected):
    """actual is expected with its two axes swapped (2-D; square matrices too)."""
    actual, expected = _arrays(actual, expected)
    if actual.ndim != 2 or expected.ndim != 2 or actual.shape != expected.shape[::-1]:
        return False
    return same(actual.T, expected) and not same(actual, expected)


def is_reshaped(actual, expected):
    """The right numbers in the right order, in another shape (not one bare number)."""
    actual, expected = _arrays(actual, expected)
    return actual.shape != expected.shape and actual.size == expected.size and actual.ndim > 0 \
        and same(actual.ravel(), expected.ravel())


def is_summed_over_everything(actual, expected):
    """One number, the sum of every entry of the expected array (a sum without axis=)."""
    actual, expected = _arrays(actual, expected)
    if actual.size != 1 or expected.ndim == 0 or (expected.size < 2 and actual.ndim > 0):
        return False
    total = float(expected.sum())
    return bool(np.isclose(float(actual.ravel()[0]), total, rtol=1e-4, atol=1e-9 * np.max(np.abs(expected))))


def is_permuted(actual, expected):
    """The same multiset of numbers in other places (a reshape where a transpose was due)."""
    actual, expected = _arrays(actual, expected)
    if actual.size != expected.size or actual.size < 2:
        return False
    if actual.shape == expected.shape and same(actual, expected):
        return False
    return same(np.sort(actual.ravel()), np.sort(expected.ravel()))


def is_all_zero(actual, expected):
    actual, expected = _arrays(actual, expected)
    return actual.size > 0 and not np.any(actual) and bool(np.any(expected))


def right_only_on(actual, expected, mask=None):
    """Right wherever ``mask`` is true (default: where the expected value is not zero) and
    wrong somewhere else: e.g. a gradient that leaks past the maximum of a pooling window."""
    actual, expected = _arrays(actual, expected)
    if actual.shape != expected.shape:
        return False
    if mask is None:
        scale = float(np.max(np.abs(expected), initial=0.0))
        mask = np.abs(expected) > 1e-9 * scale
    mask = np.asarray(mask, dtype=bool)
    if not np.any(mask) or np.all(mask):
        return False
    wrong = elementwise_wrong(actual, expected)
    return not np.any(wrong[mask]) and bool(np.any(wrong[~mask]))


def wrong_only_in(actual, expected, region):
    """Every wrong entry lies in ``region`` (e.g. the pixels that several windows cover), and
    the region is not everything."""
    actual, expected = _arrays(actual, expected)
    region = np.asarray(region, dtype=bool)
    if actual.shape != expected.shape or region.shape != actual.shape or np.all(region):
        return False
    wrong = elementwise_wrong(actual, expected)
    return bool(np.any(wrong)) and not np.any(wrong[~region])


def ignores_upstream(actual, expected, dout):
    """actual * dout = expected: the local derivative, not multiplied by the upstream gradient."""
    actual, expected = _arrays(actual, expected)
    dout = np.asarray(dout, dtype=np.float64)
    if actual.shape != expected.shape or dout.shape != actual.shape or same(actual, expected):
        return False
    return same(actual * dout, expected)


def is_normalised_over_whole(actual, expected):
    """Rows of probabilities (``expected`` rows sum to 1) normalised over the whole array
    instead of each row: every row is proportional to the right one, and all rows together
    sum to 1."""
    actual, expected = _arrays(actual, expected)
    if actual.ndim != 2 or actual.shape != expected.shape or actual.shape[0] < 2:
        return False
    if not np.allclose(expected.sum(axis=1), 1.0) or not np.isclose(actual.sum(), 1.0, rtol=1e-6):
        return False
    return same(actual, expected * actual.sum(axis=1, keepdims=True)) and not same(actual, expected)


def matching_key(actual, others):
    """The key of ``others`` (a dict of expected arrays) whose array ``actual`` equals."""
    actual = np.asarray(actual, dtype=np.float64)
    for key, value in (others or {}).items():
        if same(actual, value):
            return key
    return None


def matching_candidate(actual, known):
    """The first (diagnosis, array) of ``known`` whose array ``actual`` equals. ``known`` may
    be a callable that returns the pairs (computed only when asked) or a dict."""
    if known is None:
        return None
    if callable(known):
        known = known()
    pairs = known.items() if isinstance(known, dict) else known
    actual = np.asarray(actual, dtype=np.float64)
    for diagnosis, candidate in pairs:
        candidate = np.asarray(candidate, dtype=np.float64)
        if candidate.shape == actual.shape and same(actual, candidate, tol=1e-5):
            return as_diagnosis(diagnosis)
    return None


def diagnose(actual, expected, *, batch=None, dout=None, mask=None, region=None, known=None, others=None):
    """The most specific Diagnosis for a wrong ``actual`` (None when nothing fits).

    batch: the batch size N (to name factors 1/N and N); dout: the upstream gradient a
    backward was given; mask: where a right answer may be nonzero; region: where a mistake
    would be expected to sit (e.g. pixels under several windows); known: (diagnosis, array)
    pairs of known mistakes; others: the expected arrays of the other keys (for swapped keys).
    """
    actual, expected = _arrays(actual, expected)
    found = matching_candidate(actual, known)
    if found:
        return found
    key = matching_key(actual, others)
    if key is not None:
        return Diagnosis("grads_swapped", {"key": key})
    if actual.shape != expected.shape:
        if is_transposed(actual, expected):
            return Diagnosis("transposed")
        if is_summed_over_everything(actual, expected):
            return Diagnosis("sum_without_axis")
        if is_reshaped(actual, expected):
            return Diagnosis("reshaped", {"shape": tuple(actual.shape), "expected": tuple(expected.shape)})
        if is_permuted(actual, expected):
            return Diagnosis("misplaced_values")
        return None
    if not np.all(np.isfinite(actual)):
        return None
    if is_all_zero(actual, expected):
        return Diagnosis("all_zero")
    factor = classify_factor(constant_factor(actual, expected), batch, shared_ratio_size(expected))
    if factor:
        return factor
    if dout is not None and ignores_upstream(actual, expected, dout):
        return Diagnosis("missing_dout")
    if is_transposed(actual, expected):
        return Diagnosis("transposed")
    if is_normalised_over_whole(actual, expected):
        return Diagnosis("softmax_whole_batch")
    if region is not None and wrong_only_in(actual, expected, region):
        return Diagnosis("wrong_only_at_overlaps")
    if right_only_on(actual, expected, mask):
        return Diagnosis("right_only_on_mask")
    if is_permuted(actual, expected):
        return Diagnosis("misplaced_values")
    return None


# ---------------------------------------------------------------- learning curves

def learning_curve(curve):
    """A Diagnosis for the training loss of an MNIST run that failed its threshold:
    ``curve_diverged`` (the loss became nan or inf, or ended far above its start),
    ``curve_flat`` (it hardly fell), or None (it fell: the network learns, too slowly)."""
    if not isinstance(curve, dict):
        return None
    loss = np.asarray(curve.get("loss") or [], dtype=np.float64).ravel()
    steps = np.asarray(curve.get("iterations") or list(range(len(loss))), dtype=np.float64).ravel()
    if loss.size < 4:
        return None
    bad = ~np.isfinite(loss)
    # The explanations name no picture: a learning curve is drawn only where a report is
    # written with matplotlib, whose own line names the picture.
    if np.any(bad):
        first = int(np.argmax(bad))
        return Diagnosis("curve_diverged", {"iteration": int(steps[first]) if first < steps.size else first},
                         text="curve.diverged")
    quarter = max(1, loss.size // 4)
    # medians: single spikes of a mini-batch do not count
    start, end = float(np.median(loss[:quarter])), float(np.median(loss[-quarter:]))
    limit = 1.5 * min(start, loss[0]) + 0.1
    if end > limit:  # ever larger than where it started
        return Diagnosis("curve_diverged", {"iteration": int(steps[int(np.argmax(loss > limit))])},
                         text="curve.diverged")
    if end > 0.9 * start:
        return Diagnosis("curve_flat", {"start": start, "end": end}, text="curve.rose" if end > start else "curve.flat")
    return None
