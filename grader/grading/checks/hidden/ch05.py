"""Hidden checks of chapter 5: layers keep their state per instance and per forward pass.

A network holds several instances of one layer class (MultiLayerNet of chapter 6 has one Relu
per hidden layer), and a layer runs forward again on every mini-batch, and on batches of other
sizes between training steps (accuracy on the test set). Keeping what backward needs at class
or module level, or only from the first forward pass, passes every check that builds one layer
and runs it once, and breaks backpropagation in the deeper networks of chapters 6 and 7.

Each layer is compared with itself: what it gives in the pair (or after a second forward) must be
what a fresh instance gives alone for the same input, and what it gives alone must be right:
code that returns the same wrong values every time (zeros) keeps no state to get wrong, and
earns nothing here.
"""
import numpy as np

from grader.feedback.messages import Message as M
from grader.grading import oracles
from grader.grading.checking import Mismatch, as_array, check, expect_close, expect_gradient
from grader.grading.checks.common import away_from_zero
from grader.grading.diagnose import Diagnosis
from grader.grading.errors import StudentError
from grader.grading.probes.hidden import probe_alone, probe_two_forwards, probe_two_instances


def call_pair(ctx, probe, alone, **inputs):
    """ctx.call(probe, **inputs); an error that the same layers do not raise alone (``alone``:
    the inputs of probe_alone) is a sign of shared state, and is diagnosed so."""
    try:
        return ctx.call(probe, **inputs)
    except StudentError as exc:
        if exc.kind == "error" and exc.diagnosis is None:
            try:
                ctx.call(probe_alone, **alone)
            except StudentError:
                raise exc from None
            exc.diagnosis = Diagnosis("state_shared")
        raise


def item(values, index, what):
    if not isinstance(values, (list, tuple)) or len(values) <= index:
        raise Mismatch(M("hidden.state.missing", what=what))
    return values[index]


def expect_as_alone(value, alone, what):
    """``value`` equals what the same layer gives alone (to rounding)."""
    try:
        expect_close(value, alone, what, rtol=1e-9, atol=1e-12)
    except Mismatch as exc:
        exc.diagnosis = Diagnosis("state_shared")
        raise


def compare_pair(got, what_of, attribute_whats=None):
    """Each layer of the pair against itself alone: dx, and the attributes asked for."""
    alone = got.get("alone") or []
    for i in range(len(alone)):
        expect_as_alone(item(got["backward"], i, what_of(i)), alone[i]["backward"], what_of(i))
        for name, what in (attribute_whats or {}).items():
            attributes = item(got["attributes"], i, M("hidden.state.what.attributes", cls="Affine", n=i + 1))
            expect_as_alone(attributes.get(name), alone[i]["attributes"].get(name), what(i))


def expect_right_alone(value, expected, cls):
    """What a fresh ``cls`` gives alone matches ``expected`` (the grader's numerical gradient of
    its own forward), up to a positive factor: keeping state right counts only for a layer whose
    results point the right way. A wrong scale (a missing 1 / N) costs the layer's own checks,
    not this one too."""
    try:
        expect_gradient(value, expected, "dx")
        return
    except Mismatch:
        pass
    got, want = np.ravel(as_array(value, "dx")), np.ravel(expected)
    norms = float(np.linalg.norm(got) * np.linalg.norm(want))
    if got.shape != want.shape or not norms or not float(got @ want) / norms > 1 - 1e-6:
        raise Mismatch(M("hidden.state.wrong_alone", cls=cls))


def alone_item(got, i):
    alone = got.get("alone") if isinstance(got, dict) else None
    return item(alone if isinstance(alone, list) else [alone], i, M("hidden.state.what.alone"))


@check("ch05", "Relu, Sigmoid, Affine and SoftmaxWithLoss keep their own state per instance and per forward pass",
       points=3, hidden=True)
def layer_state(ctx):
    rng = np.random.default_rng(ctx.check.seed)

    with ctx.case(M("hidden.state.case.relu")):
        xs = [away_from_zero(rng, (4, 5)), away_from_zero(rng, (3, 2))]
        douts = [rng.normal(size=x.shape) for x in xs]
        pair = {"cls": "Relu", "inits": [[], []], "forwards": [[x] for x in xs], "douts": douts}
        got = call_pair(ctx, probe_two_instances, pair, **pair)
        compare_pair(got, lambda i: M("hidden.state.what.relu_own_mask", n=i + 1))
        for i, (x, dout) in enumerate(zip(xs, douts)):
            expect_right_alone(alone_item(got, i)["backward"], oracles.output_gradient(oracles.relu, x, dout), "Relu")

    with ctx.case(M("hidden.state.case.sigmoid")):
        xs = [rng.normal(size=(2, 3)), rng.normal(size=(5, 1))]
        douts = [rng.normal(size=x.shape) for x in xs]
        pair = {"cls": "Sigmoid", "inits": [[], []], "forwards": [[x] for x in xs], "douts": douts}
        got = call_pair(ctx, probe_two_instances, pair, **pair)
        compare_pair(got, lambda i: M("hidden.state.what.sigmoid_own_output", n=i + 1))
        for i, (x, dout) in enumerate(zip(xs, douts)):
            expect_right_alone(alone_item(got, i)["backward"], oracles.output_gradient(oracles.sigmoid, x, dout),
                               "Sigmoid")

    with ctx.case(M("hidden.state.case.affine")):
        shapes = [((3, 4), (4, 2)), ((2, 2, 3, 1), (6, 5))]
        xs = [rng.normal(size=x_shape) for x_shape, _ in shapes]
        params = [(rng.normal(size=w_shape), rng.normal(size=w_shape[1])) for _, w_shape in shapes]
        douts = [rng.normal(size=(x.shape[0], W.shape[1])) for x, (W, _) in zip(xs, params)]
        pair = {"cls": "Affine", "inits": [[W, b] for W, b in params], "forwards": [[x] for x in xs], "douts": douts}
        got = call_pair(ctx, probe_two_instances, pair, **pair, attributes=["dW", "db"])
        compare_pair(got, lambda i: M("hidden.state.what.affine_own_shape", n=i + 1, shape=xs[i].shape),
                     {"dW": lambda i: M("hidden.state.what.dW", n=i + 1)})
        for i, (x, (W, b), dout) in enumerate(zip(xs, params, douts)):
            expect_right_alone(alone_item(got, i)["backward"],
                               oracles.output_gradient(lambda v, W=W, b=b: oracles.affine(v, W, b), x, dout), "Affine")

    with ctx.case(M("hidden.state.case.softmax")):
        xs = [rng.uniform(-1.5, 1.5, size=(5, 4)), rng.uniform(-1.5, 1.5, size=(2, 4))]
        labels = [rng.integers(0, 4, size=len(x)) for x in xs]
        pair = {"cls": "SoftmaxWithLoss", "inits": [[], []],
                "forwards": [[x, np.eye(4)[t]] for x, t in zip(xs, labels)], "douts": [1, 1]}
        got = call_pair(ctx, probe_two_instances, pair, **pair)
        compare_pair(got, lambda i: M("hidden.state.what.softmax_batch", n=i + 1, batch=len(xs[i])))
        for i, (x, t) in enumerate(zip(xs, labels)):
            expect_right_alone(alone_item(got, i)["backward"],
                               oracles.output_gradient(lambda v, t=t: oracles.softmax_cross_entropy(v, t), x, 1.0),
                               "SoftmaxWithLoss")

    with ctx.case(M("hidden.state.case.second_forward")):
        first, second = away_from_zero(rng, (6, 3)), away_from_zero(rng, (2, 3))
        dout = rng.normal(size=second.shape)
        got = call_pair(ctx, probe_two_forwards,
                        {"cls": "Relu", "inits": [[]], "forwards": [[second]], "douts": [dout]},
                        cls="Relu", init=[], forwards=[[first], [second]], dout=dout)
        expect_as_alone(got["backward"], got["alone"]["backward"], M("hidden.state.what.relu_latest"))
        expect_right_alone(alone_item(got, 0)["backward"], oracles.output_gradient(oracles.relu, second, dout), "Relu")
        W, b = rng.normal(size=(12, 3)), rng.normal(size=3)
        first, second = rng.normal(size=(4, 3, 4)), rng.normal(size=(2, 2, 6))
        dout = rng.normal(size=(2, 3))
        got = call_pair(ctx, probe_two_forwards,
                        {"cls": "Affine", "inits": [[W, b]], "forwards": [[second]], "douts": [dout]},
                        cls="Affine", init=[W, b], forwards=[[first], [second]], dout=dout, attributes=["dW"])
        expect_as_alone(got["backward"], got["alone"]["backward"],
                        M("hidden.state.what.affine_latest", shape=second.shape))
        expect_as_alone(got["attributes"]["dW"], got["alone"]["attributes"]["dW"],
                        M("hidden.state.what.affine_latest_dW"))
        expect_right_alone(alone_item(got, 0)["backward"],
                           oracles.output_gradient(lambda v: oracles.affine(v, W, b), second, dout), "Affine")
