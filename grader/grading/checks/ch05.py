"""Chapter 5: backpropagation. The computational-graph nodes of ch05/layer_naive.py, the
layers Relu, Sigmoid, Affine and SoftmaxWithLoss of common/layers.py, and the TwoLayerNet
of ch05/two_layer_net.py, down to training it on MNIST. 100 points."""

import functools

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from grader.feedback.messages import Message as M
from grader.grading import diagnose, oracles, standins
from grader.grading.checking import (
    GRADIENT_TOLERANCE,
    Mismatch,
    as_array,
    check,
    expect_close,
    expect_finite,
    expect_gradient,
    expect_shape,
    relative_error,
)
from grader.grading.checks.common import (
    LOSS_RTOL,
    away_from_zero,
    expect_backprop,
    mnist_images,
    mnist_labels,
    note_own_layers,
    rng_for,
)
from grader.grading.diagnose import Diagnosis
from grader.grading.errors import StudentError
from grader.grading.probes import layer
from grader.grading.probes.ch05 import (
    KEYS,
    NAIVE,
    PREDICT_SAMPLES,
    probe_apples,
    probe_net_api,
    probe_net_gradient,
    probe_net_numerical_gradient,
    probe_net_outputs,
    probe_net_shared,
    probe_train_mnist,
)

L = "common.layers"


def run_layer(ctx, cls, init=(), forward=(), douts=(), attributes=(), module=L):
    """Build ``module.cls(*init)`` in the worker, run forward, then backward once per dout."""
    return ctx.call(layer, module=module, cls=cls, init=list(init), forward=list(forward),
                    douts=list(douts), attributes=list(attributes))


def once(ctx, probe, **inputs):
    """A function that calls ``probe`` in the worker the first time it is called and then
    returns the same value (or raises the same error): several cases judging one call."""
    box: dict = {}

    def get():
        if not box:
            try:
                box["value"] = ctx.call(probe, **inputs)
            except StudentError as exc:
                box["error"] = exc
        if "error" in box:
            raise box["error"]
        return box["value"]

    return get


def diagnosed_errors(diagnosis, *words):
    """A context manager: a StudentError whose English text holds one of ``words``, or whose
    message's catalogue id is one of them, gets ``diagnosis`` (e.g. a broadcast error where
    labels were taken for one-hot targets)."""
    class Refine:
        def __enter__(self):
            return self

        def __exit__(self, kind, exc, tb):
            if diagnosis and isinstance(exc, StudentError) and exc.diagnosis is None \
                    and (getattr(exc.message, "id", None) in words or any(w in exc.english for w in words)):
                exc.diagnosis = Diagnosis(diagnosis)
            return False

    return Refine()


def pair(value, what):
    """The (dx, dy) that a node's backward returns."""
    if isinstance(value, np.ndarray) and value.ndim >= 1 and len(value) == 2:
        value = list(value)
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        if isinstance(value, (list, tuple)):
            raise Mismatch(M("ch05.pair.many", what=what, n=len(value)))
        raise Mismatch(M("ch05.pair.one", what=what))
    return value


def expect_unchanged(after, before, what):
    """An argument as it is after the call, compared with its value before: a change is the
    diagnosis 'mutates_input'."""
    try:
        expect_close(after, before, what, rtol=0, atol=0)
    except Mismatch as exc:
        exc.diagnosis = Diagnosis("mutates_input")
        raise


def seeds():
    return st.integers(0, 2**32 - 1)


def shapes(min_dims=1, max_dims=4, max_side=5):
    return hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=1, max_side=max_side)


def scores(rng, n, k):
    """Logits in [-1.5, 1.5]: every softmax probability is >= exp(-3) / k >= 0.005 for k <= 10."""
    return rng.uniform(-1.5, 1.5, size=(n, k))


# ------------------------------------------------------------------ computational graph nodes

@check("ch05", "MulLayer.forward gives x * y and backward gives (dout * y, dout * x)", points=5, book="5.4.1")
def mul_layer(ctx):
    rng = rng_for(ctx)
    swapped = "mul_backward_swapped"
    with ctx.case(M("ch05.mul.case.apples"), weight=2):
        got = ctx.call(probe_apples, price=100.0, count=2.0, tax=1.1, dout=1.0)
        expect_close(got["apple_price"], 200.0, "100 * 2")
        expect_close(got["total"], 220.0, "200 * 1.1")
        expect_close(got["d_tax"], 200.0, M("ch05.what.d_tax"), known=[(swapped, 1.1)])
        expect_close(got["d_apple_price"], 1.1, M("ch05.what.d_apple_price"), known=[(swapped, 200.0)])
        expect_close(got["d_price"], 2.2, M("ch05.what.d_price"), known=[(swapped, 110.0)])
        expect_close(got["d_count"], 110.0, M("ch05.what.d_count"), known=[(swapped, 2.2)])
    with ctx.case(M("ch05.case.arrays", shape=(3, 4)), weight=3):
        x, y, dout = (rng.normal(size=(3, 4)) for _ in range(3))
        got = run_layer(ctx, "MulLayer", forward=[x, y], douts=[dout], module=NAIVE)
        expect_close(got["out"], x * y, "forward(x, y)")
        dx, dy = pair(got["backward"][0], "MulLayer.backward")
        expect_close(dx, dout * y, M("ch05.what.should_be", name="dx", formula="dout * y"),
                     known=[(swapped, dout * x)])
        expect_close(dy, dout * x, M("ch05.what.should_be", name="dy", formula="dout * x"),
                     known=[(swapped, dout * y)])


@check("ch05", "AddLayer.forward gives x + y and backward gives (dout, dout)", points=4, book="5.4.2")
def add_layer(ctx):
    rng = rng_for(ctx)
    with ctx.case(M("ch05.add.case.fruit")):
        got = run_layer(ctx, "AddLayer", forward=[200.0, 450.0], douts=[1.1], module=NAIVE)
        expect_close(got["out"], 650.0, "200 + 450")
        dx, dy = pair(got["backward"][0], "AddLayer.backward")
        expect_close(dx, 1.1, "dx")
        expect_close(dy, 1.1, "dy")
    with ctx.case(M("ch05.case.arrays", shape=(2, 5)), weight=2):
        x, y, dout = (rng.normal(size=(2, 5)) for _ in range(3))
        got = run_layer(ctx, "AddLayer", forward=[x, y], douts=[dout], module=NAIVE)
        expect_close(got["out"], x + y, "forward(x, y)")
        dx, dy = pair(got["backward"][0], "AddLayer.backward")
        expect_close(dx, dout, M("ch05.what.should_be", name="dx", formula="dout"))
        expect_close(dy, dout, M("ch05.what.should_be", name="dy", formula="dout"))


# ------------------------------------------------------------------ Relu and Sigmoid

@check("ch05", "Relu.forward gives max(0, x) for any shape", points=5, book="5.5.1")
def relu_forward(ctx):
    def values(shape, seed):
        x = np.random.default_rng(seed).normal(0, 2, size=shape)
        got = run_layer(ctx, "Relu", forward=[x])
        expect_close(got["out"], np.maximum(x, 0), M("ch05.what.forward_shape", shape=shape),
                     known=[("mask_inverted", np.minimum(x, 0))])

    with ctx.case(M("ch05.case.shapes"), weight=4):
        ctx.forall(values, shapes(), seeds(), examples=15)
    with ctx.case(M("ch05.relu.case.zeros")):
        x = np.array([[0.0, -0.0, 1.5], [-2.0, 0.0, 3.0]])
        got = run_layer(ctx, "Relu", forward=[x])
        expect_close(got["out"], np.maximum(x, 0), M("ch05.what.forward_zeros"),
                     known=[("mask_inverted", np.minimum(x, 0))])


@check("ch05", "Relu.forward leaves its input unchanged", points=3, book="5.5.1")
def relu_input(ctx):
    rng = rng_for(ctx)
    for shape in ((4, 6), (2, 3, 2, 2)):
        with ctx.case(M("ch05.relu.case.unchanged", shape=shape)):
            x = rng.normal(0, 2, size=shape)
            got = run_layer(ctx, "Relu", forward=[x.copy()], douts=[rng.normal(size=shape)])
            after = got["forward_after"][0]
            if np.any(np.asarray(after) != x):
                raise Mismatch(M("ch05.relu.wrote_into_x"), "mutates_input")
            # An input left unchanged counts with the right output only (zeros leave it unchanged too).
            expect_close(got["out"], np.maximum(x, 0), M("ch05.what.forward_shape", shape=shape),
                         known=[("mask_inverted", np.minimum(x, 0))])


@check("ch05", "Relu.backward matches the numerical gradient", points=5, book="5.5.1")
def relu_backward(ctx):
    def gradient(shape, seed):
        rng = np.random.default_rng(seed)
        x = away_from_zero(rng, shape)
        dout = rng.normal(size=shape)
        got = run_layer(ctx, "Relu", forward=[x], douts=[dout])
        expect_gradient(got["backward"][0], oracles.output_gradient(oracles.relu, x, dout),
                        M("ch05.what.dx_shape", shape=shape), dout=dout)

    with ctx.case(M("ch05.relu.case.backward")):
        rng = rng_for(ctx)
        x = away_from_zero(rng, (5, 7))
        dout = rng.normal(size=(5, 7))
        got = run_layer(ctx, "Relu", forward=[x], douts=[dout])
        expect_close(got["backward"][0], np.where(x > 0, dout, 0.0), "dx", dout=dout,
                     known=[("mask_inverted", np.where(x > 0, 0.0, dout))])
    with ctx.case(M("ch05.case.dout_shapes"), weight=3):
        ctx.forall(gradient, shapes(), seeds(), examples=15)


@check("ch05", "Sigmoid.forward gives 1 / (1 + exp(-x)) for any shape", points=4, book="5.5.2")
def sigmoid_forward(ctx):
    def values(shape, seed):
        x = np.random.default_rng(seed).normal(0, 3, size=shape)
        got = run_layer(ctx, "Sigmoid", forward=[x.copy()])
        expect_close(got["out"], oracles.sigmoid(x), M("ch05.what.forward_shape", shape=shape), rtol=1e-7,
                     known=[("sigmoid_sign", oracles.sigmoid(-x))])
        expect_unchanged(got["forward_after"][0], x, M("ch05.what.x_after_forward"))

    with ctx.case(M("ch05.case.shapes")):
        ctx.forall(values, shapes(), seeds(), examples=15)


@check("ch05", "Sigmoid.backward matches the numerical gradient", points=5, book="5.5.2")
def sigmoid_backward(ctx):
    def gradient(shape, seed):
        rng = np.random.default_rng(seed)
        x = rng.normal(0, 2, size=shape)
        dout = rng.normal(size=shape)
        got = run_layer(ctx, "Sigmoid", forward=[x], douts=[dout])
        expect_gradient(got["backward"][0], oracles.output_gradient(oracles.sigmoid, x, dout),
                        M("ch05.what.dx_shape", shape=shape), dout=dout,
                        known=[("sigmoid_backward_uses_x", dout * x * (1 - x))])

    with ctx.case(M("ch05.case.dout_shapes")):
        ctx.forall(gradient, shapes(), seeds(), examples=15)


# ------------------------------------------------------------------ Affine

def affine_inputs(seed, n, feature_shape, m):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, *feature_shape))
    d = int(np.prod(feature_shape))
    W = rng.normal(size=(d, m))
    b = rng.normal(size=m)
    dout = rng.normal(size=(n, m))
    return x, W, b, dout


def batch_sizes():
    return st.integers(1, 5)


def outputs():
    return st.integers(1, 6)


@check("ch05", "Affine.forward gives x @ W + b, flattening N-D input", points=7, book="5.6.2")
def affine_forward(ctx):
    def values(n, feature_shape, m, seed):
        x, W, b, _ = affine_inputs(seed, n, feature_shape, m)
        flattened = len(feature_shape) > 1  # a product without flattening fails or keeps the extra axes
        try:
            got = run_layer(ctx, "Affine", init=[W, b], forward=[x])
        except StudentError as exc:
            if flattened and exc.diagnosis is None:
                exc.diagnosis = Diagnosis("affine_no_flatten")
            raise
        try:
            expect_close(got["out"], oracles.affine(x, W, b), M("ch05.what.forward_affine", x=x.shape, W=W.shape))
        except Mismatch as exc:
            if flattened and np.shape(got["out"]) != (n, m):
                exc.diagnosis = Diagnosis("affine_no_flatten")
            raise

    with ctx.case(M("ch05.affine.case.2d"), weight=3):
        ctx.forall(values, batch_sizes(), shapes(1, 1, 7), outputs(), seeds(), examples=15)
    with ctx.case(M("ch05.affine.case.nd"), weight=3):
        ctx.forall(values, batch_sizes(), shapes(2, 3, 4), outputs(), seeds(), examples=10)
    with ctx.case(M("ch05.affine.case.unchanged"), property_only=True):
        x, W, b, dout = affine_inputs(ctx.check.seed, 3, (2, 3, 3), 4)
        got = run_layer(ctx, "Affine", init=[W.copy(), b.copy()], forward=[x.copy()], douts=[dout])
        for name, before, after in (("x", x, got["forward_after"][0]), ("W", W, got["init_after"][0]),
                                    ("b", b, got["init_after"][1])):
            expect_unchanged(after, before, M("ch05.what.after_forward_backward", name=name))


@check("ch05", "Affine.backward returns dx in the input's shape, matching the numerical gradient", points=6,
       book="5.6.2")
def affine_backward_dx(ctx):
    def gradient(n, feature_shape, m, seed):
        x, W, b, dout = affine_inputs(seed, n, feature_shape, m)
        got = run_layer(ctx, "Affine", init=[W, b], forward=[x], douts=[dout])
        expect_gradient(got["backward"][0], oracles.output_gradient(lambda v: oracles.affine(v, W, b), x, dout),
                        M("ch05.what.dx_shape", shape=x.shape), batch=n)

    with ctx.case(M("ch05.affine.case.2d_dout"), weight=2):
        ctx.forall(gradient, batch_sizes(), shapes(1, 1, 7), outputs(), seeds(), examples=12)
    with ctx.case(M("ch05.affine.case.4d_dx"), weight=2):
        ctx.forall(gradient, batch_sizes(), shapes(3, 3, 3), outputs(), seeds(), examples=8)


@check("ch05", "Affine.backward sets dW and db matching the numerical gradient", points=7, book="5.6.2")
def affine_backward_params(ctx):
    def gradient(n, feature_shape, m, seed, key):
        x, W, b, dout = affine_inputs(seed, n, feature_shape, m)
        got = run_layer(ctx, "Affine", init=[W, b], forward=[x], douts=[dout], attributes=["dW", "db"])
        if key == "dW":
            expected = oracles.output_gradient(lambda v: oracles.affine(x, v, b), W, dout)
        else:
            expected = oracles.output_gradient(lambda v: oracles.affine(x, W, v), b, dout)
        expect_gradient(got["attributes"][key], expected, M("ch05.what.param_affine", key=key, x=x.shape, W=W.shape),
                        batch=n)

    for key, what in (("dW", M("ch05.affine.dW_shape")), ("db", M("ch05.affine.db_shape"))):
        with ctx.case(M("ch05.affine.case.param_2d", what=what), weight=2):
            ctx.forall(functools.partial(gradient, key=key), batch_sizes(), shapes(1, 1, 7), outputs(),
                       seeds(), examples=10)
        with ctx.case(M("ch05.affine.case.param_4d", key=key)):
            gradient(3, (2, 3, 2), 4, ctx.check.seed, key)


# ------------------------------------------------------------------ SoftmaxWithLoss

def softmax_loss_cases(rng):
    """(label, x, t, t as labels) for the SoftmaxWithLoss checks."""
    cases = []
    for n, k in ((5, 4), (1, 6), (8, 10)):
        x = scores(rng, n, k)
        labels = rng.integers(0, k, size=n)
        cases.append((M("ch05.swl.case.one_hot", n=n), x, np.eye(k)[labels], labels))
    for n, k in ((6, 3), (1, 5), (7, 10)):
        x = scores(rng, n, k)
        labels = rng.integers(0, k, size=n)
        cases.append((M("ch05.swl.case.labels", n=n), x, labels, labels))
    return cases


def loss_of_scores(x, labels):
    """The loss of a forward that forgot the softmax: the cross-entropy of the raw scores."""
    with np.errstate(all="ignore"):
        return float(-np.mean(np.log(x[np.arange(len(x)), labels] + 1e-7)))


@check("ch05", "SoftmaxWithLoss.forward gives the mean cross-entropy of softmax(x)", points=6, book="5.6.3")
def softmax_with_loss_forward(ctx):
    for label, x, t, labels in softmax_loss_cases(rng_for(ctx)):
        with ctx.case(label):
            got = run_layer(ctx, "SoftmaxWithLoss", forward=[x, t])
            expected = oracles.softmax_cross_entropy(x, labels)
            loss = expect_finite(got["out"], M("ch05.what.the_loss"))
            if loss.size != 1:
                raise Mismatch(M("ch05.swl.not_one_number", shape=loss.shape))
            expect_close(loss.reshape(()), expected, M("ch05.what.the_loss"), rtol=LOSS_RTOL, batch=len(x),
                         known=lambda x=x, labels=labels: [("loss_without_softmax", loss_of_scores(x, labels))])


def softmax_backward_mistakes(x, t, labels):
    """What the usual mistakes of SoftmaxWithLoss.backward give for dout = 1."""
    n = len(x)
    y = oracles.softmax(x)
    found = []
    if np.ndim(t) == 2:
        found.append(("precedence", y - t / n))
    else:
        try:
            found.append(("labels_as_one_hot", (y - np.asarray(t, dtype=np.float64)) / n))
        except ValueError:  # labels and probabilities do not broadcast: the code raises instead
            pass
    return found


@check("ch05", "SoftmaxWithLoss.backward gives (y - t) / N, the numerical gradient of the loss", points=7,
       book="5.6.3")
def softmax_with_loss_backward(ctx):
    for label, x, t, labels in softmax_loss_cases(rng_for(ctx)):
        with ctx.case(label):
            with diagnosed_errors("labels_as_one_hot", "broadcast"):
                got = run_layer(ctx, "SoftmaxWithLoss", forward=[x, t], douts=[1])
            expected = oracles.numerical_gradient(lambda v, labels=labels: oracles.softmax_cross_entropy(v, labels), x)
            expect_gradient(got["backward"][0], expected, M("ch05.what.dx_batch", n=len(x)), batch=len(x),
                            known=lambda x=x, t=t, labels=labels: softmax_backward_mistakes(x, t, labels))


# ------------------------------------------------------------------ TwoLayerNet

@check("ch05", "TwoLayerNet has the book's params, layers and methods", points=6, book="5.7.2")
def net_api(ctx):
    sizes = {"input_size": 40, "hidden_size": 30, "output_size": 10}
    get = once(ctx, probe_net_api, **sizes)
    with ctx.case(M("ch05.net.case.builds")):
        get()
    with ctx.case(M("ch05.net.case.params"), weight=2):
        params = get()["params"]
        if params is None:
            raise Mismatch(M("ch05.net.no_params"))
        expected = {"W1": [40, 30], "b1": [30], "W2": [30, 10], "b2": [10]}
        missing = [k for k in KEYS if k not in params]
        if missing:
            raise Mismatch(M("ch05.net.params_missing", missing=", ".join(missing), keys=sorted(params)))
        for key in KEYS:
            if list(params[key]) != expected[key]:
                raise Mismatch(M("ch05.net.param_shape", key=key, shape=tuple(params[key]),
                                 expected=tuple(expected[key])))
    with ctx.case(M("ch05.net.case.layers")):
        api = get()
        if api["layers"] is None:
            raise Mismatch(M("ch05.net.no_layers"))
        if api["layers"] != ["Affine1", "Relu1", "Affine2"]:
            raise Mismatch(M("ch05.net.layer_keys", keys=api["layers"]))
        if not all(api["layer_kinds"].values()):
            raise Mismatch(M("ch05.net.layer_methods"))
        if not api["last_layer"]:
            raise Mismatch(M("ch05.net.no_last_layer"))
    with ctx.case(M("ch05.net.case.methods")):
        missing = [m for m, ok in get()["methods"].items() if not ok]
        if missing:
            raise Mismatch(M("ch05.net.no_method", names=", ".join(missing)))
    with ctx.case(M("ch05.net.case.init")):
        params = get()["default_params"]
        if params is None or any(k not in params for k in KEYS):
            raise Mismatch(M("ch05.net.params_missing_some"))
        for key in ("W1", "W2"):
            std = float(np.std(as_array(params[key], f"params['{key}']")))
            if not 0.008 < std < 0.012:
                # Say what the student's code does: its own default, when it declares one.
                declared = get().get("default_std")
                if declared is None:
                    raise Mismatch(M("ch05.net.init_std_no_default", key=key, std=std))
                if declared != 0.01:
                    raise Mismatch(M("ch05.net.init_std_other_default", key=key, std=std, default=declared))
                raise Mismatch(M("ch05.net.init_std", key=key, std=std))
        for key in ("b1", "b2"):
            if np.any(as_array(params[key], f"params['{key}']") != 0):
                raise Mismatch(M("ch05.net.bias_not_zero", key=key))


NET_SIZES = {"input_size": 7, "hidden_size": 6, "output_size": 4}
NET_STD = 0.5  # gradients far from zero, yet (with x ~ N(0, 0.5**2)) softmax probabilities above ~0.01


def net_scores(params, x):
    return oracles.affine(oracles.relu(oracles.affine(x, params["W1"], params["b1"])), params["W2"], params["b2"])


def net_params(value):
    """The params the worker returned, checked for the four keys."""
    if not isinstance(value, dict) or any(k not in value for k in KEYS):
        raise Mismatch(M("ch05.net.params_four_keys"))
    return {k: as_array(value[k], f"params['{k}']") for k in KEYS}


def net_data(rng, n, sizes=NET_SIZES):
    x = rng.normal(0, 0.5, size=(n, sizes["input_size"]))
    labels = rng.integers(0, sizes["output_size"], size=n)
    return x, labels, np.eye(sizes["output_size"])[labels]


@check("ch05", "TwoLayerNet predict, loss and accuracy match Affine-Relu-Affine-Softmax", points=6, book="5.7.2")
def net_outputs(ctx):
    x, labels, one_hot = net_data(rng_for(ctx), 20)

    def run(method, t):
        with diagnosed_errors("one_hot_labels" if method == "accuracy" and np.ndim(t) == 2 else None, "broadcast"):
            got = ctx.call(probe_net_outputs, sizes=NET_SIZES, weight_init_std=NET_STD, x=x, t=t, method=method)
        return net_params(got["params"]), got["value"]

    with ctx.case(M("ch05.net.case.predict"), weight=2):
        params, value = run("predict", one_hot)
        expect_close(value, net_scores(params, x), "predict(x)")
    for kind, t in (("one_hot", one_hot), ("labels", labels)):
        with ctx.case(M(f"ch05.net.case.loss_{kind}")):
            params, value = run("loss", t)
            expected = oracles.mlp_loss(params, x, labels, hidden_layers=1)
            expect_close(value, expected, M(f"ch05.what.loss_{kind}"), rtol=LOSS_RTOL,
                         atol=oracles.small_constant_room(net_scores(params, x), labels), batch=len(x))
    for kind, t in (("one_hot", one_hot), ("labels", labels)):
        with ctx.case(M(f"ch05.net.case.accuracy_{kind}")):
            params, value = run("accuracy", t)
            expected = np.mean(np.argmax(net_scores(params, x), axis=1) == labels)
            expect_close(value, expected, M(f"ch05.what.accuracy_{kind}"))


def grad_of(grads, key, what="gradient(x, t)"):
    if not isinstance(grads, dict):
        raise Mismatch(M("ch05.net.grads_not_dict", what=what, kind=type(grads).__name__))
    if key not in grads:
        raise Mismatch(M("ch05.net.grads_no_key", what=what, key=key, keys=sorted(grads)))
    return grads[key]


@check("ch05", "TwoLayerNet.gradient matches the numerical gradient for W1, b1, W2 and b2", points=10,
       book="5.7.2")
def net_gradient(ctx):
    rng = rng_for(ctx)
    x, labels, one_hot = net_data(rng, 5)
    call = once(ctx, probe_net_gradient, sizes=NET_SIZES, weight_init_std=NET_STD, x=x, t=one_hot)
    numerical: dict = {}

    def get():
        with diagnosed_errors("forward_not_run", "'NoneType' object", standins.NO_FORWARD):
            return call()

    def expected():
        if not numerical:
            params = net_params(get()["params"])
            numerical.update(oracles.numerical_gradients(
                lambda p: oracles.mlp_loss(p, x, labels, hidden_layers=1), params))
        return numerical

    for key, weight in (("W1", 2), ("b1", 1.5), ("W2", 2), ("b2", 1.5)):
        with ctx.case(M("ch05.net.case.gradient_key", key=key), weight=weight):
            expect_backprop(get().get("calls"), "TwoLayerNet")
            grads = get()["grads"]
            others = {k: v for k, v in expected().items() if k != key}
            expect_gradient(grad_of(grads, key), expected()[key], f"gradient['{key}']", batch=len(x), others=others)
    with ctx.case(M("ch05.net.case.gradient_labels"), weight=3):
        x2, labels2, _ = net_data(rng, 7)
        with diagnosed_errors("forward_not_run", "'NoneType' object", standins.NO_FORWARD):
            got = ctx.call(probe_net_gradient, sizes=NET_SIZES, weight_init_std=NET_STD, x=x2, t=labels2)
        expect_backprop(got.get("calls"), "TwoLayerNet")
        params = net_params(got["params"])
        numerical2 = oracles.numerical_gradients(lambda p: oracles.mlp_loss(p, x2, labels2, hidden_layers=1),
                                                 params)
        for key in KEYS:
            others = {k: v for k, v in numerical2.items() if k != key}
            expect_gradient(grad_of(got["grads"], key), numerical2[key], M("ch05.what.gradient_labels", key=key),
                            batch=len(x2), others=others)
    if all(case.passed for case in ctx.result.cases):
        def right(stand_ins):
            got = ctx.call(probe_net_gradient, sizes=NET_SIZES, weight_init_std=NET_STD, x=x, t=one_hot,
                           stand_ins=stand_ins)
            params = net_params(got["params"])
            numerical = oracles.numerical_gradients(lambda p: oracles.mlp_loss(p, x, labels, hidden_layers=1),
                                                    params)
            for key in KEYS:
                expect_gradient(grad_of(got["grads"], key), numerical[key], f"gradient['{key}']")

        note_own_layers(ctx, right, get()["stand_ins"])



@check("ch05", "TwoLayerNet layers share the arrays of params (in-place updates reach predict)", points=4,
       book="5.7.2")
def net_shared(ctx):
    rng = rng_for(ctx)
    x, _, _ = net_data(rng, 6)
    groups = (("W1", "b1"), ("W2", "b2"))
    for keys in groups:
        with ctx.case(M("ch05.net.case.shared", first=keys[0], second=keys[1])):
            shapes_ = {"W1": (7, 6), "b1": (6,), "W2": (6, 4), "b2": (4,)}
            steps = {k: rng.normal(0, 0.5, size=shapes_[k]) for k in keys}
            got = ctx.call(probe_net_shared, sizes=NET_SIZES, weight_init_std=NET_STD, x=x, steps=steps)
            params = net_params(got["params"])
            expected = net_scores(params, x)
            predicted = expect_shape(got["predict"], expected.shape, "predict(x)")
            if not np.allclose(predicted, expected, rtol=1e-6, atol=1e-9):
                raise Mismatch(M("ch05.net.old_values", first=keys[0], second=keys[1]), "params_copied")


@check("ch05", "TwoLayerNet.numerical_gradient approximates the gradient of the loss", points=3, book="4.4.2")
def net_numerical_gradient(ctx):
    sizes = {"input_size": 4, "hidden_size": 3, "output_size": 3}
    x, labels, one_hot = net_data(rng_for(ctx), 3, sizes)
    with ctx.case(M("ch05.net.case.numerical")):
        got = ctx.call(probe_net_numerical_gradient, sizes=sizes, weight_init_std=NET_STD, x=x, t=one_hot)
        params = net_params(got["params"])
        numerical = oracles.numerical_gradients(lambda p: oracles.mlp_loss(p, x, labels, hidden_layers=1), params)
        for key in KEYS:
            what = f"numerical_gradient['{key}']"
            value = expect_shape(grad_of(got["grads"], key, "numerical_gradient(x, t)"), numerical[key].shape,
                                 what, numerical[key])
            expect_finite(value, what)
            # h = 1e-4 in float64: central differences land within about 1e-6 of the truth.
            error, index = relative_error(value, numerical[key])
            if error > 100 * GRADIENT_TOLERANCE:
                diagnosis = "numgrad_copy" if not np.any(value) else diagnose.diagnose(value, numerical[key])
                raise Mismatch(M("ch05.net.numerical_off", key=key, error=error, index=index, got=value[index],
                                 expected=numerical[key][index]), diagnosis)


# ------------------------------------------------------------------ MNIST

MNIST_ITERATIONS = 600
MNIST_BATCH = 100
MNIST_LR = 0.1
SPOT_STEPS = 3  # steps at which the parent checks the gradient the submission returned
SPOT_COORDINATES = 6  # random coordinates per parameter array at each of those steps


def mnist_loss(params, x, labels):
    """The grader's own mean cross-entropy of Affine-Relu-Affine-softmax on (x, labels)."""
    return oracles.softmax_cross_entropy(net_scores(params, x), labels)


def check_spot_gradients(spots, spot_steps, rng):
    """The gradients the submission returned at the steps ``spot_steps``, at random coordinates,
    against central differences of the grader's own loss at the params of that step."""
    x_train, _ = mnist_images()
    train_labels, _ = mnist_labels()
    if not isinstance(spots, list) or [s.get("step") if isinstance(s, dict) else None for s in spots] != spot_steps:
        raise Mismatch(M("ch05.mnist.spots_missing"))
    for spot in spots:
        params = net_params(spot["params"])
        batch = np.asarray(spot["batch"], dtype=np.int64).ravel()
        if batch.size == 0 or batch.min() < 0 or batch.max() >= x_train.shape[0]:
            raise Mismatch(M("ch05.mnist.spots_missing"))
        x, labels = np.asarray(x_train[batch], dtype=np.float64), train_labels[batch]
        grads = spot["grads"] if isinstance(spot.get("grads"), dict) else {}
        for key in KEYS:
            value = expect_shape(grads.get(key), params[key].shape, M("ch05.mnist.spot_what", key=key))
            for _ in range(SPOT_COORDINATES):
                index = tuple(int(rng.integers(0, n)) for n in params[key].shape)
                expected = _coordinate_gradient(params, key, index, x, labels)
                got = float(value[index])
                if abs(got - expected) > 1e-3 * max(abs(expected), 1e-2):
                    raise Mismatch(M("ch05.mnist.spot_wrong", step=spot["step"], key=key, index=index, got=got,
                                     expected=expected))


def _coordinate_gradient(params, key, index, x, labels, h=1e-5):
    """Central difference of the grader's loss in one coordinate of params[key]."""
    shifted = params[key].copy()
    shifted[index] += h
    up = mnist_loss({**params, key: shifted}, x, labels)
    shifted[index] -= 2 * h
    down = mnist_loss({**params, key: shifted}, x, labels)
    return (up - down) / (2 * h)


def learning_curve(curve, train_labels, test_labels):
    """The probe's curve with accuracies computed here, in the grader's process: plain data
    for grader.feedback.pictures (iterations, loss, checkpoints, train_acc, test_acc)."""
    if not isinstance(curve, dict):
        return None
    try:
        def accuracies(predictions, labels):
            return [float(np.mean(np.asarray(p).ravel() == labels[:np.size(p)])) for p in predictions]

        return {"iterations": [int(i) for i in curve["iterations"]],
                "loss": [float(v) for v in curve["loss"]],
                "checkpoints": [int(i) for i in curve["checkpoints"]],
                "train_acc": accuracies(curve["train_predicted"], train_labels),
                "test_acc": accuracies(curve["test_predicted"], test_labels)}
    except (KeyError, TypeError, ValueError):
        return None


def learning_diagnosis(curve):
    """Why an MNIST run missed its threshold, from its learning curve."""
    return diagnose.learning_curve(curve) or Diagnosis("accuracy_below_threshold")


# Calibration of the threshold (reference solution; 600 SGD steps of lr 0.1 on mini-batches
# of 100 drawn from all 60000 training images, weight_init_std 0.01; accuracy on all 10000
# test images; 10 seeds): min 0.9041, median 0.9078, max 0.9097 (300 steps: min 0.8748,
# median 0.8833; 1000 steps: min 0.9180, median 0.9219). The threshold 0.88 lies 2.4 points
# below the worst seed. Mistakes that break learning end near chance: layers holding copies
# of params 11.2%, SoftmaxWithLoss.backward as y - t / N 11.3% or without / N 11.3%,
# Relu.backward ignoring dout 11.3%, Relu keeping the negative part 38.8%. Training and
# predicting take about 1.3 s for the reference.
MNIST_THRESHOLD = 0.88


@check("ch05", "TwoLayerNet learns MNIST with SGD and backpropagation", points=7, timeout=120, slow=True,
       book="5.7.4")
def net_mnist(ctx):
    """The grader sets the initial params, checks the gradient at random steps of the
    training against its own loss, computes the test accuracy with its own forward pass on
    the trained params (the worker never needs the test labels) and compares the
    submission's predict with that forward pass."""
    rng = rng_for(ctx)
    init = {"W1": 0.01 * rng.standard_normal((784, 50)), "b1": np.zeros(50),
            "W2": 0.01 * rng.standard_normal((50, 10)), "b2": np.zeros(10)}
    spot_steps = sorted(int(s) for s in rng.choice(MNIST_ITERATIONS, SPOT_STEPS, replace=False))
    predicted = None
    with ctx.case(M("ch05.mnist.case", iterations=MNIST_ITERATIONS, lr=MNIST_LR, batch=MNIST_BATCH,
                    threshold=MNIST_THRESHOLD), weight=4):
        got = ctx.call(probe_train_mnist, iterations=MNIST_ITERATIONS, batch_size=MNIST_BATCH, lr=MNIST_LR,
                       init=init, spot_steps=spot_steps)
        train_labels, test_labels = mnist_labels()
        curve = learning_curve(got.get("curve"), train_labels, test_labels)
        if curve:
            ctx.attach("learning_curve", {**curve, "threshold": MNIST_THRESHOLD})
        params = net_params(got.get("params"))
        _, x_test = mnist_images()
        predicted = np.argmax(net_scores(params, np.asarray(x_test, dtype=np.float64)), axis=1)
        accuracy = float(np.mean(predicted == test_labels))
        if accuracy < MNIST_THRESHOLD:  # first: the learning curve says why
            raise Mismatch(M("ch05.mnist.low", accuracy=accuracy, threshold=MNIST_THRESHOLD),
                           learning_diagnosis(curve))
        check_spot_gradients(got.get("spots"), spot_steps, rng)
    if predicted is not None:  # (a training that did not finish has cost this check already)
        with ctx.case(M("ch05.mnist.predict_case", n=PREDICT_SAMPLES), weight=1):
            theirs = expect_shape(got.get("predicted"), (PREDICT_SAMPLES,), M("what.predicted_labels"))
            agree = float(np.mean(theirs == predicted[:PREDICT_SAMPLES]))
            if agree < 0.99:
                raise Mismatch(M("ch05.mnist.predict_differs", agree=agree))
