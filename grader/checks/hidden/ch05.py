"""Hidden checks of chapter 5: layers keep their state per instance and per forward pass.

A network holds several instances of one layer class (MultiLayerNet of chapter 6 has one Relu
per hidden layer), and a layer runs forward again on every mini-batch, and on batches of other
sizes between training steps (accuracy on the test set). Keeping what backward needs at class
or module level, or only from the first forward pass, passes every check that builds one layer
and runs it once, and breaks backpropagation in the deeper networks of chapters 6 and 7.
"""
import numpy as np

from grader import oracles
from grader.checking import Mismatch, check, expect_close, expect_gradient
from grader.checks.common import away_from_zero
from grader.messages import Message as M
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


def item(values, index, what):
    if not isinstance(values, (list, tuple)) or len(values) <= index:
        raise Mismatch(M("hidden.state.missing", what=what))
    return values[index]


@check("ch05", "Relu, Sigmoid, Affine and SoftmaxWithLoss keep their own state per instance and per forward pass",
       points=3, hidden=True)
def layer_state(ctx):
    rng = np.random.default_rng(ctx.check.seed)

    with ctx.case(M("hidden.state.case.relu")):
        xs = [away_from_zero(rng, (4, 5)), away_from_zero(rng, (3, 2))]
        douts = [rng.normal(size=x.shape) for x in xs]
        got = ctx.call(probe_two_instances, cls="Relu", inits=[[], []], forwards=[[x] for x in xs], douts=douts)
        for i, (x, dout) in enumerate(zip(xs, douts)):
            dx = item(got["backward"], i, M("hidden.state.what.dx", cls="Relu", n=i + 1))
            expect_close(dx, np.where(x > 0, dout, 0.0),
                         M("hidden.state.what.relu_own_mask", n=i + 1))

    with ctx.case(M("hidden.state.case.sigmoid")):
        xs = [rng.normal(size=(2, 3)), rng.normal(size=(5, 1))]
        douts = [rng.normal(size=x.shape) for x in xs]
        got = ctx.call(probe_two_instances, cls="Sigmoid", inits=[[], []], forwards=[[x] for x in xs], douts=douts)
        for i, (x, dout) in enumerate(zip(xs, douts)):
            expect_gradient(item(got["backward"], i, M("hidden.state.what.dx", cls="Sigmoid", n=i + 1)),
                            oracles.output_gradient(oracles.sigmoid, x, dout),
                            M("hidden.state.what.sigmoid_own_output", n=i + 1))

    with ctx.case(M("hidden.state.case.affine")):
        shapes = [((3, 4), (4, 2)), ((2, 2, 3, 1), (6, 5))]
        xs = [rng.normal(size=x_shape) for x_shape, _ in shapes]
        params = [(rng.normal(size=w_shape), rng.normal(size=w_shape[1])) for _, w_shape in shapes]
        douts = [rng.normal(size=(x.shape[0], W.shape[1])) for x, (W, _) in zip(xs, params)]
        got = ctx.call(probe_two_instances, cls="Affine", inits=[[W, b] for W, b in params],
                       forwards=[[x] for x in xs], douts=douts, attributes=["dW", "db"])
        for i, (x, (W, b), dout) in enumerate(zip(xs, params, douts)):
            expect_gradient(item(got["backward"], i, M("hidden.state.what.dx", cls="Affine", n=i + 1)),
                            oracles.output_gradient(lambda v, W=W, b=b: oracles.affine(v, W, b), x, dout),
                            M("hidden.state.what.affine_own_shape", n=i + 1, shape=x.shape))
            attributes = item(got["attributes"], i, M("hidden.state.what.attributes", cls="Affine", n=i + 1))
            expect_gradient(attributes.get("dW"),
                            oracles.output_gradient(lambda v, x=x, b=b: oracles.affine(x, v, b), W, dout),
                            M("hidden.state.what.dW", n=i + 1))

    with ctx.case(M("hidden.state.case.softmax")):
        xs = [rng.uniform(-1.5, 1.5, size=(5, 4)), rng.uniform(-1.5, 1.5, size=(2, 4))]
        labels = [rng.integers(0, 4, size=len(x)) for x in xs]
        got = ctx.call(probe_two_instances, cls="SoftmaxWithLoss", inits=[[], []],
                       forwards=[[x, np.eye(4)[t]] for x, t in zip(xs, labels)], douts=[1, 1])
        for i, (x, t) in enumerate(zip(xs, labels)):
            expected = oracles.numerical_gradient(lambda v, t=t: oracles.softmax_cross_entropy(v, t), x)
            dx = item(got["backward"], i, M("hidden.state.what.dx", cls="SoftmaxWithLoss", n=i + 1))
            expect_gradient(dx, expected,
                            M("hidden.state.what.softmax_batch", n=i + 1, batch=len(x)))

    with ctx.case(M("hidden.state.case.second_forward")):
        first, second = away_from_zero(rng, (6, 3)), away_from_zero(rng, (2, 3))
        dout = rng.normal(size=second.shape)
        got = ctx.call(probe_two_forwards, cls="Relu", init=[], forwards=[[first], [second]], dout=dout)
        expect_close(got["backward"], np.where(second > 0, dout, 0.0),
                     M("hidden.state.what.relu_latest"))
        W, b = rng.normal(size=(12, 3)), rng.normal(size=3)
        first, second = rng.normal(size=(4, 3, 4)), rng.normal(size=(2, 2, 6))
        dout = rng.normal(size=(2, 3))
        got = ctx.call(probe_two_forwards, cls="Affine", init=[W, b], forwards=[[first], [second]], dout=dout,
                       attributes=["dW"])
        expect_gradient(got["backward"], oracles.output_gradient(lambda v: oracles.affine(v, W, b), second, dout),
                        M("hidden.state.what.affine_latest", shape=second.shape))
        expect_gradient(got["attributes"]["dW"],
                        oracles.output_gradient(lambda v: oracles.affine(second, v, b), W, dout),
                        M("hidden.state.what.affine_latest_dW"))
