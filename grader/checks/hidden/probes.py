"""The probes of the hidden checks: what runs in the worker, apart from the checks' logic.

The worker's copy of this package holds only this module (see grader.isolation), so that a
submission graded with hidden checks never sees what they compare or expect.
"""
from grader.submission import load

L = "common.layers"


def probe_two_instances(cls, inits, forwards, douts, attributes=()):
    """Build one layer per ``inits``; run every forward, then every backward, in that order."""
    Layer = load(L, cls)
    layers = [Layer(*init) for init in inits]
    outs = [layer.forward(*inputs) for layer, inputs in zip(layers, forwards)]
    backs = [layer.backward(dout) for layer, dout in zip(layers, douts)]
    return {"out": outs, "backward": backs,
            "attributes": [{name: getattr(layer, name, None) for name in attributes} for layer in layers]}


def probe_two_forwards(cls, init, forwards, dout, attributes=()):
    """One layer; forward on each of ``forwards`` in turn, then one backward."""
    layer = load(L, cls)(*init)
    out = None
    for inputs in forwards:
        out = layer.forward(*inputs)
    back = layer.backward(dout)
    return {"out": out, "backward": back, "attributes": {name: getattr(layer, name, None) for name in attributes}}
