"""The probes of the hidden checks: what runs in the worker, apart from the checks' logic.

Instructors only, like grader/grading/checks/hidden/ (the student release leaves both out). The worker
gets this module, never the hidden checks' logic (see grader.isolation.levels), so that a submission
graded with hidden checks never sees what they compare or expect.
"""
from grader.grading.probes import copy_array, count_calls, expect_backprop_at_scale, numerical_backward
from grader.isolation.submission import load

L = "common.layers"


def _alone(cls, Layer, init, inputs, dout, attributes):
    """A fresh layer: one forward of ``inputs``, one backward of ``dout`` (MissingItem for a
    backward that is not backprop: ``grader.grading.probes.numerical_backward`` and
    ``expect_backprop_at_scale``)."""
    before = [copy_array(v) for v in (*inputs, dout)]
    layer = Layer(*init)
    _, forward_calls, _ = count_calls(layer.forward, *inputs)
    back, backward_calls, tampered = count_calls(layer.backward, dout)
    problem = numerical_backward(Layer.__name__, forward_calls, backward_calls, tampered)
    if problem is not None:
        raise problem
    expect_backprop_at_scale(L, cls, Layer, init, before[:-1], before[-1], copy_array(back))
    return {"backward": back, "attributes": {name: getattr(layer, name, None) for name in attributes}}


def probe_two_instances(cls, inits, forwards, douts, attributes=()):
    """Build one layer per ``inits``; run every forward, then every backward, in that order;
    and each layer's input through a fresh instance alone."""
    Layer = load(L, cls)
    layers = [Layer(*init) for init in inits]
    for layer, inputs in zip(layers, forwards):
        layer.forward(*inputs)
    backs = [layer.backward(dout) for layer, dout in zip(layers, douts)]
    alone = [_alone(cls, Layer, init, inputs, dout, attributes) for init, inputs, dout in zip(inits, forwards, douts)]
    return {"backward": backs, "alone": alone,
            "attributes": [{name: getattr(layer, name, None) for name in attributes} for layer in layers]}


def probe_two_forwards(cls, init, forwards, dout, attributes=()):
    """One layer; forward on each of ``forwards`` in turn, then one backward; and a fresh
    instance on the last input alone."""
    Layer = load(L, cls)
    layer = Layer(*init)
    for inputs in forwards:
        layer.forward(*inputs)
    back = layer.backward(dout)
    return {"backward": back, "alone": _alone(cls, Layer, init, forwards[-1], dout, attributes),
            "attributes": {name: getattr(layer, name, None) for name in attributes}}


def probe_alone(cls, inits, forwards, douts):
    """Each (init, forward, dout) on a fresh layer alone; True when none raises."""
    Layer = load(L, cls)
    for init, inputs, dout in zip(inits, forwards, douts):
        _alone(cls, Layer, init, inputs, dout, ())
    return True
