"""Probes shared by the chapters: they run in the worker and call the submission.

A probe takes plain data (arrays, numbers, strings, lists, dicts) and returns plain
data; ``grader.isolation.wire`` converts what it returns. Arrays passed to the submission are the
probe's own copies; returning them afterwards shows whether the submission changed them.
"""
import resource
import sys
import threading
import time
import tracemalloc

import numpy as np

from grader.feedback.messages import Message
from grader.grading import oracles
from grader.isolation.submission import MissingItem, load

# Backprop is the exercise. A backward pass that differentiates numerically runs the forward
# pass twice per input element; an analytic one does about the work of the forward pass
# (the reference's and the book's layers, loops over output positions included: at most 3
# times its function calls). Past this many times the forward's calls, plus a constant for a
# few helper calls, a backward is taken for numerical differences.
NUMERICAL_FACTOR = 8
NUMERICAL_SLACK = 40
LAYERS = "common.layers"


def count_calls(function, *args, **kwargs):
    """(result, calls, tampered): ``function(*args, **kwargs)`` and the number of Python and
    C function calls it made (counted by a profiler); ``tampered`` when the code under test
    removed or replaced the profiler."""
    calls = [0]

    def profiler(frame, event, arg):
        if event == "call" or event == "c_call":
            calls[0] += 1

    previous, previous_in_threads = sys.getprofile(), threading.getprofile()
    sys.setprofile(profiler)
    threading.setprofile(profiler)  # a thread started by the code under test counts too
    try:
        result = function(*args, **kwargs)
    finally:
        tampered = sys.getprofile() is not profiler
        sys.setprofile(previous)
        threading.setprofile(previous_in_threads)
    return result, calls[0], tampered


def count_own_calls(function, *args):
    """(result, calls, tampered) as ``count_calls``, where a call into the grader's stand-in layers
    counts once and what runs inside it not at all (their backward is numerical by design):
    the work of the submission's own code."""
    from grader.grading import standins

    source = standins.__file__
    excluded = {source, source[:-1] if source.endswith("c") else source, standins._input.__code__.co_filename}
    calls, inside = [0], [None]

    def profiler(frame, event, arg):
        if inside[0] is not None:
            if event == "return" and frame is inside[0]:
                inside[0] = None
            return
        if event == "call" or event == "c_call":
            calls[0] += 1
            if event == "call" and frame.f_code.co_filename in excluded:
                inside[0] = frame

    previous = sys.getprofile()
    sys.setprofile(profiler)
    try:
        result = function(*args)
    finally:
        tampered = sys.getprofile() is not profiler
        sys.setprofile(previous)
    return result, calls[0], tampered


def network_gradient(net, x, t, loss_args=()):
    """``net.gradient(x, t)`` (its arrays copied) and the cost of backprop: the calls that the
    gradient made and those that ``net.loss(x, t, *loss_args)`` made afterwards (counted by
    ``count_own_calls``), for the grader to judge (``grader.grading.checks.common.expect_backprop``).
    The loss runs after the gradient, so that the gradient finds the network as it was built."""
    grads, gradient_calls, tampered = count_own_calls(net.gradient, x, t)
    if isinstance(grads, dict):
        grads = {key: np.array(value, copy=True) if isinstance(value, np.ndarray) else value
                 for key, value in grads.items()}
    _, loss_calls, tampered_in_loss = count_own_calls(net.loss, x, t, *loss_args)
    return grads, {"gradient": gradient_calls, "loss": loss_calls, "tampered": tampered or tampered_in_loss}


def numerical_backward(cls, forward_calls, backward_calls, tampered):
    """The error for a backward that differentiates numerically, or None for an analytic one."""
    if tampered:
        return MissingItem(Message("error.backward_profiler", cls=cls))
    if backward_calls > NUMERICAL_FACTOR * max(forward_calls, 1) + NUMERICAL_SLACK:
        return MissingItem(Message("error.numerical_backward", cls=cls, backward=backward_calls,
                                   forward=forward_calls))
    return None


# At the checks' sizes (tens of numbers) a backward pass that differentiates numerically with
# arrays instead of a loop, stacking perturbed copies of the input into one array, makes few
# calls and needs little memory. Run once more on the check's own input repeated along the
# batch axis to thousands of numbers, it cannot hide: the central differences of an input of n
# numbers take 2n forward passes of work, in whatever pieces they are cut (each piece holds
# copies of the input: memory; many small pieces: calls; either way: CPU time), where backprop
# does about the forward's work and holds about what the forward held (the reference's and the
# book's layers, loops over positions included: at most 2 times the memory and n/1000 forwards'
# CPU time).
SCALE_NUMBERS = 8192  # the input is repeated to at least this many numbers
SCALE_MEMORY_FACTOR = 16
SCALE_MEMORY_SLACK = 1 << 20  # bytes: Python's own objects
SCALE_CALLS_PER_NUMBER = 4  # central differences make at least 6 calls per number of the input
SCALE_CPU_SHARE = 8  # more CPU than n / 8 forward passes: a quarter of central differences' least
SCALE_CPU_FLOOR = 0.1  # seconds
OTHER_THREAD_SECONDS = 0.05


def measure(function, *args, **kwargs):
    """(result, work): ``function(*args, **kwargs)`` and what it took: ``calls`` and ``tampered``
    as ``count_calls`` (the memory tracer stopped counts as tampering); ``peak``, the most bytes
    it held allocated at once (numpy's arrays included); ``cpu``, the CPU seconds of the process
    and of the child processes it waited for, and ``own_cpu``, the calling thread's."""
    def children():
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    started = not tracemalloc.is_tracing()
    if started:
        tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    cpu, own_cpu = time.process_time() + children(), time.thread_time()
    try:
        result, calls, tampered = count_calls(function, *args, **kwargs)
    finally:
        own_cpu, cpu = time.thread_time() - own_cpu, time.process_time() + children() - cpu
        tampered = tampered or not tracemalloc.is_tracing()  # stopped: no peak to read
        peak = tracemalloc.get_traced_memory()[1] - base
        if started:
            tracemalloc.stop()
    return result, {"calls": calls, "tampered": tampered, "peak": peak, "cpu": cpu, "own_cpu": own_cpu}


def _nbytes(values):
    return sum(np.asarray(v).nbytes for v in values if isinstance(v, (np.ndarray, float, int)))


SCALE_AGREEMENT = 1e-4  # relative difference allowed between the backward at scale and at the check's size


def _repeated(value, batch, times, order):
    """``value`` repeated ``times`` along its first axis, rows in ``order``, when that axis is
    the batch's."""
    if isinstance(value, np.ndarray) and value.ndim >= 1 and value.shape[0] == batch:
        return np.concatenate([value] * times)[order]
    return value


def _disagreement(large, small, batch, times, order):
    """How far the backward's result at scale is from its result at the check's size, repeated
    as the input was, times the positive factor that fits best (a mean over a batch k times
    larger is k times smaller): a relative difference, or None where the two are not to be
    compared (no array of the batch's rows, or not finite, or zero at the check's size)."""
    if not isinstance(small, np.ndarray) or small.ndim < 1 or small.shape[0] != batch:
        return None
    try:
        expected = _repeated(np.asarray(small, dtype=np.float64), batch, times, order)
        got = np.asarray(large, dtype=np.float64)
    except (TypeError, ValueError):
        return 1.0
    if not np.all(np.isfinite(expected)) or not np.any(expected):
        return None
    if got.shape != expected.shape or not np.all(np.isfinite(got)):
        return 1.0
    factor = float(np.sum(got * expected) / np.sum(expected * expected))
    if factor <= 0:
        return 1.0
    return float(np.linalg.norm(got - factor * expected) / (factor * np.linalg.norm(expected)))


def _right_for_its_forward(Layer, init, forward, dout, small, init_kwargs, forward_kwargs):
    """Whether ``small``, the backward's dx for ``forward`` and ``dout``, is the central
    difference of the layer's own forward (within 10 SCALE_AGREEMENT): what numerical
    differences give by construction, and backprop when it is right. A wrong backward is the
    checks' to grade, with its partial credit; only a right one must agree with itself at scale."""
    x = np.array(forward[0], dtype=np.float64)
    if x.size > 4096 or not isinstance(small, np.ndarray) or small.shape != x.shape:
        return False
    try:
        layer = Layer(*init, **init_kwargs)
        grad = oracles.output_gradient(
            lambda v: np.asarray(layer.forward(v.copy(), *forward[1:], **forward_kwargs), dtype=np.float64),
            x, np.asarray(dout, dtype=np.float64)).reshape(-1)
    except Exception:  # noqa: BLE001 - a forward that fails here leaves the judgement to the checks
        return False
    expected = np.asarray(small, dtype=np.float64).reshape(-1)
    scale = max(float(np.linalg.norm(expected)), float(np.linalg.norm(grad)), 1e-12)
    return bool(np.linalg.norm(grad - expected) <= 10 * SCALE_AGREEMENT * scale)


def backprop_at_scale(Layer, cls, init, forward, dout, init_kwargs=None, forward_kwargs=None, small=None):
    """The error for a backward of ``Layer`` that is not backprop, judged on ``forward`` and
    ``dout`` (what a check has just run, without error, giving ``small``) repeated along the
    batch axis, rows shuffled, to at least SCALE_NUMBERS numbers, or None for backprop, or for
    an input without a batch axis. Where ``small`` is right for the layer's own forward
    (``_right_for_its_forward``), the result there must agree with it (but for Dropout, whose
    mask is drawn anew): a backward that gives up at scale is not judged backprop."""
    def right_at_small_size():
        return _right_for_its_forward(Layer, init, small_forward, small_dout, small, init_kwargs, forward_kwargs)

    small_forward, small_dout = forward, dout
    x = forward[0] if forward else None
    if not isinstance(x, np.ndarray) or x.ndim < 1 or x.size == 0:
        return None
    batch, times = len(x), -(-SCALE_NUMBERS // x.size)
    order = np.random.default_rng().permutation(batch * times)
    forward = [_repeated(value, batch, times, order) for value in forward]
    dout = _repeated(dout, batch, times, order)
    size = forward[0].size
    init_kwargs, forward_kwargs = init_kwargs or {}, forward_kwargs or {}
    try:
        layer = Layer(*init, **init_kwargs)
        layer.forward(*_copies(forward), **forward_kwargs)
        layer.backward(*_copies([dout]))  # the imports and caches of a first call are not the backward's work
        forwards = [measure(layer.forward, *_copies(forward), **forward_kwargs) for _ in range(3)]
        large, work = measure(layer.backward, *_copies([dout]))
    except MemoryError:
        if not right_at_small_size():
            return None
        return MissingItem(Message("error.numerical_backward_out_of_memory", cls=cls, size=size))
    except Exception as exc:  # noqa: BLE001 - what the student's code raised is reported
        if not right_at_small_size():
            return None  # a wrong backward's errors are the checks' to report
        return MissingItem(Message("error.backward_fails_at_scale", cls=cls, size=size, small=x.size,
                                   error=f"{type(exc).__name__}: {exc}"))
    out, forward_work = forwards[-1]
    if work["tampered"]:
        return MissingItem(Message("error.backward_profiler", cls=cls))
    if work["calls"] > max(NUMERICAL_FACTOR * forward_work["calls"] + NUMERICAL_SLACK, SCALE_CALLS_PER_NUMBER * size):
        return MissingItem(Message("error.numerical_backward", cls=cls, backward=work["calls"],
                                   forward=forward_work["calls"]))
    held = max(forward_work["peak"], _nbytes([*init, *forward, dout, out]))
    if work["peak"] > SCALE_MEMORY_FACTOR * held + SCALE_MEMORY_SLACK:
        return MissingItem(Message("error.numerical_backward_memory", cls=cls, size=size,
                                   backward=work["peak"] / 1024**2, forward=held / 1024**2))
    elsewhere = work["cpu"] - work["own_cpu"]
    if elsewhere > max(OTHER_THREAD_SECONDS, work["own_cpu"]):
        return MissingItem(Message("error.backward_elsewhere", cls=cls, seconds=elsewhere))
    forward_cpu = min(w["cpu"] for _, w in forwards)
    if work["cpu"] > max(SCALE_CPU_FLOOR, size / SCALE_CPU_SHARE * forward_cpu):
        return MissingItem(Message("error.numerical_backward_time", cls=cls, size=size, backward=work["cpu"],
                                   forward=forward_cpu))
    difference = None if cls == "Dropout" else _disagreement(large, small, batch, times, order)
    if difference is not None and difference > SCALE_AGREEMENT and right_at_small_size():
        return MissingItem(Message("error.backward_disagrees_at_scale", cls=cls, size=size, small=x.size,
                                   difference=difference))
    return None


def copy_array(value):
    """A copy of an array, anything else as it is."""
    return np.array(value, copy=True) if isinstance(value, np.ndarray) else value


def _copies(values):
    """Each call its own arrays: a layer that changes its input (a bug the checks grade) does
    not change what the next call is given."""
    return [copy_array(value) for value in values]


_judged_at_scale: dict = {}  # (module, class name) -> the error of backprop_at_scale, or None


def expect_backprop_at_scale(module, cls, Layer, init, forward, dout, small, init_kwargs=None, forward_kwargs=None):
    """Raise the error of ``backprop_at_scale`` for ``module.cls`` (judged once per worker, on
    the first input that a check has run through it: ``forward`` and ``dout`` as they were
    before that run, ``small`` the backward's result)."""
    key = (module, cls)
    if key not in _judged_at_scale:
        _judged_at_scale[key] = (backprop_at_scale(Layer, cls, init, forward, dout, init_kwargs, forward_kwargs, small)
                                 if module == LAYERS else None)
    if _judged_at_scale[key] is not None:
        raise _judged_at_scale[key]


def import_module(module):
    """Import one submission module (the worker remembers it)."""
    load(module)
    return True


def call(module, name, args=(), kwargs=None):
    """Result of ``module.name(*args, **kwargs)`` and the arguments as they are afterwards."""
    function = load(module, name)
    result = function(*args, **(kwargs or {}))
    return {"result": result, "args_after": list(args)}


def layer(module, cls, init=(), init_kwargs=None, forward=(), forward_kwargs=None,
          douts=(), backward_kwargs=None, attributes=(), forward_twice=False):
    """Build ``cls(*init)``, run forward on ``forward``, then backward for every upstream
    gradient of ``douts`` (each on the same forward pass); read ``attributes`` at the end.

    Returns out, the list of backward results, the forward arguments afterwards, and the
    attributes (None when missing). Raises MissingItem for a backward that is not backprop at
    scale (``expect_backprop_at_scale``) or does many times
    the work of the forward (``numerical_backward``): differences of the forward, not backprop.
    """
    Layer = load(module, cls)
    before = [copy_array(value) for value in forward], copy_array(douts[0]) if douts else None
    obj = Layer(*init, **(init_kwargs or {}))
    out, forward_calls, _ = count_calls(obj.forward, *forward, **(forward_kwargs or {}))
    if forward_twice:
        out, forward_calls, _ = count_calls(obj.forward, *forward, **(forward_kwargs or {}))
    backs = []
    for dout in douts:
        back, backward_calls, tampered = count_calls(obj.backward, dout, **(backward_kwargs or {}))
        problem = numerical_backward(cls, forward_calls, backward_calls, tampered)
        if problem is not None:
            raise problem
        backs.append(back)
    if douts:
        expect_backprop_at_scale(module, cls, Layer, init, before[0], before[1], copy_array(backs[0]),
                                 init_kwargs, forward_kwargs)
    return {
        "out": out,
        "backward": backs,
        "forward_after": list(forward),
        "init_after": list(init),
        "attributes": {name: getattr(obj, name, None) for name in attributes},
    }


def update_gradients(grads, params, keys):
    """{key: grads[key] as float64} for the training loop's update ``params[key] -= step`` of
    every key of ``keys``, each of its param's shape. The update is the grader's code: a
    gradient that is missing, not numbers, or of another shape (a transposed dW, a db summed
    over every axis) is an error that names the key and both shapes, where numpy would raise
    a broadcast error that names neither."""
    if not isinstance(grads, dict):
        raise MissingItem(Message("error.training_grads_not_dict", kind=type(grads).__name__))
    found = {}
    for key in keys:
        if key not in grads:
            raise MissingItem(Message("error.training_grad_missing", key=key,
                                      keys=", ".join(sorted(str(k) for k in grads)) or "-"))
        try:
            value = np.asarray(grads[key], dtype=np.float64)
        except (TypeError, ValueError):
            raise MissingItem(Message("error.training_grad_not_numbers", key=key,
                                      kind=type(grads[key]).__name__)) from None
        if value.shape != np.shape(params[key]):
            raise MissingItem(Message("error.training_grad_shape", key=key, shape=tuple(value.shape),
                                      expected=tuple(np.shape(params[key]))))
        found[key] = value
    return found
