"""Probes shared by the chapters: they run in the worker and call the submission.

A probe takes plain data (arrays, numbers, strings, lists, dicts) and returns plain
data; ``grader.wire`` converts what it returns. Arrays passed to the submission are the
probe's own copies; returning them afterwards shows whether the submission changed them.
"""
from grader.submission import load


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
    attributes (None when missing).
    """
    Layer = load(module, cls)
    obj = Layer(*init, **(init_kwargs or {}))
    out = obj.forward(*forward, **(forward_kwargs or {}))
    if forward_twice:
        out = obj.forward(*forward, **(forward_kwargs or {}))
    backs = []
    for dout in douts:
        backs.append(obj.backward(dout, **(backward_kwargs or {})))
    return {
        "out": out,
        "backward": backs,
        "forward_after": list(forward),
        "init_after": list(init),
        "attributes": {name: getattr(obj, name, None) for name in attributes},
    }
