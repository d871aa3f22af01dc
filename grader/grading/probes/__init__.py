"""Probes shared by the chapters: they run in the worker and call the submission.

A probe takes plain data (arrays, numbers, strings, lists, dicts) and returns plain
data; ``grader.isolation.wire`` converts what it returns. Arrays passed to the submission are the
probe's own copies; returning them afterwards shows whether the submission changed them.
"""
import sys

import numpy as np

from grader.feedback.messages import Message
from grader.isolation.submission import MissingItem, load

# Backprop is the exercise. A backward pass that differentiates numerically runs the forward
# pass twice per input element; an analytic one does about the work of the forward pass
# (the reference's and the book's layers, loops over output positions included: at most 3
# times its function calls). Past this many times the forward's calls, plus a constant for a
# few helper calls, a backward is taken for numerical differences.
NUMERICAL_FACTOR = 8
NUMERICAL_SLACK = 40


def count_calls(function, *args, **kwargs):
    """(result, calls, tampered): ``function(*args, **kwargs)`` and the number of Python and
    C function calls it made (counted by a profiler); ``tampered`` when the code under test
    removed or replaced the profiler."""
    calls = [0]

    def profiler(frame, event, arg):
        if event == "call" or event == "c_call":
            calls[0] += 1

    previous = sys.getprofile()
    sys.setprofile(profiler)
    try:
        result = function(*args, **kwargs)
    finally:
        tampered = sys.getprofile() is not profiler
        sys.setprofile(previous)
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
    attributes (None when missing). Raises MissingItem for a backward that does many times
    the work of the forward (``numerical_backward``): differences of the forward, not backprop.
    """
    Layer = load(module, cls)
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
