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
from grader.checks.hidden.probes import probe_two_forwards, probe_two_instances


def item(values, index, what):
    if not isinstance(values, (list, tuple)) or len(values) <= index:
        raise Mismatch(f"{what} is missing")
    return values[index]


@check("ch05", "Relu, Sigmoid, Affine and SoftmaxWithLoss keep their own state per instance and per forward pass",
       points=3, hidden=True)
def layer_state(ctx):
    rng = np.random.default_rng(ctx.check.seed)

    with ctx.case("two Relu layers: forward a, forward b, backward a, backward b"):
        xs = [away_from_zero(rng, (4, 5)), away_from_zero(rng, (3, 2))]
        douts = [rng.normal(size=x.shape) for x in xs]
        got = ctx.call(probe_two_instances, cls="Relu", inits=[[], []], forwards=[[x] for x in xs], douts=douts)
        for i, (x, dout) in enumerate(zip(xs, douts)):
            expect_close(item(got["backward"], i, f"dx of Relu {i + 1}"), np.where(x > 0, dout, 0.0),
                         f"dx of Relu {i + 1} (its own mask, not the other layer's)")

    with ctx.case("two Sigmoid layers: forward a, forward b, backward a, backward b"):
        xs = [rng.normal(size=(2, 3)), rng.normal(size=(5, 1))]
        douts = [rng.normal(size=x.shape) for x in xs]
        got = ctx.call(probe_two_instances, cls="Sigmoid", inits=[[], []], forwards=[[x] for x in xs], douts=douts)
        for i, (x, dout) in enumerate(zip(xs, douts)):
            expect_gradient(item(got["backward"], i, f"dx of Sigmoid {i + 1}"),
                            oracles.output_gradient(oracles.sigmoid, x, dout),
                            f"dx of Sigmoid {i + 1} (its own output, not the other layer's)")

    with ctx.case("two Affine layers: forward a, forward b (4-D input), backward a, backward b"):
        shapes = [((3, 4), (4, 2)), ((2, 2, 3, 1), (6, 5))]
        xs = [rng.normal(size=x_shape) for x_shape, _ in shapes]
        params = [(rng.normal(size=w_shape), rng.normal(size=w_shape[1])) for _, w_shape in shapes]
        douts = [rng.normal(size=(x.shape[0], W.shape[1])) for x, (W, _) in zip(xs, params)]
        got = ctx.call(probe_two_instances, cls="Affine", inits=[[W, b] for W, b in params],
                       forwards=[[x] for x in xs], douts=douts, attributes=["dW", "db"])
        for i, (x, (W, b), dout) in enumerate(zip(xs, params, douts)):
            name = f"Affine {i + 1}"
            expect_gradient(item(got["backward"], i, f"dx of {name}"),
                            oracles.output_gradient(lambda v, W=W, b=b: oracles.affine(v, W, b), x, dout),
                            f"dx of {name} (in the shape of its own input {x.shape})")
            attributes = item(got["attributes"], i, f"the attributes of {name}")
            expect_gradient(attributes.get("dW"),
                            oracles.output_gradient(lambda v, x=x, b=b: oracles.affine(x, v, b), W, dout),
                            f"dW of {name}")

    with ctx.case("two SoftmaxWithLoss layers with batches of 5 and 2: forward a, forward b, backward a, backward b"):
        xs = [rng.uniform(-1.5, 1.5, size=(5, 4)), rng.uniform(-1.5, 1.5, size=(2, 4))]
        labels = [rng.integers(0, 4, size=len(x)) for x in xs]
        got = ctx.call(probe_two_instances, cls="SoftmaxWithLoss", inits=[[], []],
                       forwards=[[x, np.eye(4)[t]] for x, t in zip(xs, labels)], douts=[1, 1])
        for i, (x, t) in enumerate(zip(xs, labels)):
            expected = oracles.numerical_gradient(lambda v, t=t: oracles.softmax_cross_entropy(v, t), x)
            expect_gradient(item(got["backward"], i, f"dx of SoftmaxWithLoss {i + 1}"), expected,
                            f"dx of SoftmaxWithLoss {i + 1} (batch of {len(x)})")

    with ctx.case("one Relu and one Affine: a second forward on another batch, then backward"):
        first, second = away_from_zero(rng, (6, 3)), away_from_zero(rng, (2, 3))
        dout = rng.normal(size=second.shape)
        got = ctx.call(probe_two_forwards, cls="Relu", init=[], forwards=[[first], [second]], dout=dout)
        expect_close(got["backward"], np.where(second > 0, dout, 0.0),
                     "dx of Relu after two forward passes (the mask of the latest)")
        W, b = rng.normal(size=(12, 3)), rng.normal(size=3)
        first, second = rng.normal(size=(4, 3, 4)), rng.normal(size=(2, 2, 6))
        dout = rng.normal(size=(2, 3))
        got = ctx.call(probe_two_forwards, cls="Affine", init=[W, b], forwards=[[first], [second]], dout=dout,
                       attributes=["dW"])
        expect_gradient(got["backward"], oracles.output_gradient(lambda v: oracles.affine(v, W, b), second, dout),
                        "dx of Affine after two forward passes (the input of the latest, in its shape (2, 2, 6))")
        expect_gradient(got["attributes"]["dW"],
                        oracles.output_gradient(lambda v: oracles.affine(second, v, b), W, dout),
                        "dW of Affine after two forward passes")
