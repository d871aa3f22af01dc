"""Chapter 4 (with the functions of chapters 3 and 4): activations, softmax, losses,
numerical differentiation. 100 points."""
import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from grader.feedback.messages import Message as M
from grader.grading import diagnose, oracles
from grader.grading.checking import Mismatch, as_array, check, expect_close, expect_finite, expect_shape
from grader.grading.checks.common import LOSS_RTOL, rng_for
from grader.grading.diagnose import Diagnosis
from grader.grading.errors import StudentError
from grader.grading.probes import call
from grader.grading.probes.ch04 import TEST_FUNCTIONS, probe_numerical_gradient

F = "common.functions"


def function(ctx, name, *args, module=F):
    """Call ``module.name(*args)`` in the worker; return its result."""
    return ctx.call(call, module=module, name=name, args=list(args))["result"]


def shapes(min_dims=1, max_dims=2, min_side=1, max_side=7):
    return hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=min_side, max_side=max_side)


def arrays(shape_strategy, low=-8.0, high=8.0):
    return hnp.arrays(np.float64, shape_strategy, elements=st.floats(low, high, allow_nan=False, width=64))


@check("ch04", "step_function, sigmoid, relu and identity_function give the right values", points=12, book="3.2")
def activation_values(ctx):
    rng = rng_for(ctx)
    x = rng.normal(0, 3, size=(4, 5))
    x[x == 0] = 0.5
    with ctx.case(M("ch04.activation.step")):
        expect_close(function(ctx, "step_function", x), (x > 0).astype(float), "step_function(x)")
    with ctx.case(M("ch04.activation.sigmoid"), weight=2):
        ctx.forall(lambda v: expect_close(function(ctx, "sigmoid", v), oracles.sigmoid(v), "sigmoid(x)",
                                          rtol=1e-6), arrays(shapes(1, 3)), examples=15)
    with ctx.case(M("ch04.activation.sigmoid_large")):
        expect_close(function(ctx, "sigmoid", np.array([-1000.0, 0.0, 1000.0])), [0.0, 0.5, 1.0],
                     "sigmoid([-1000, 0, 1000])", atol=1e-12, not_finite="overflow")
    with ctx.case(M("ch04.activation.relu")):
        expect_close(function(ctx, "relu", x), np.maximum(x, 0), "relu(x)")
    with ctx.case(M("ch04.activation.identity")):
        expect_close(function(ctx, "identity_function", x), x, "identity_function(x)")


@check("ch04", "sigmoid_grad and relu_grad are the derivatives", points=8, book="5.5")
def activation_derivatives(ctx):
    rng = rng_for(ctx)
    x = rng.normal(0, 3, size=(3, 4))
    x[np.abs(x) < 0.05] = 0.5
    with ctx.case(M("ch04.derivative.sigmoid")):
        s = oracles.sigmoid(x)
        expect_close(function(ctx, "sigmoid_grad", x), s * (1 - s), "sigmoid_grad(x)")
    with ctx.case(M("ch04.derivative.relu")):
        try:
            got = function(ctx, "relu_grad", x)
        except StudentError as exc:
            if exc.diagnosis is None and ("zeros" in exc.english or "integer" in exc.english):
                exc.diagnosis = Diagnosis("zeros_not_zeros_like")
            raise
        expect_close(got, (x > 0).astype(float), "relu_grad(x)")


@check("ch04", "softmax rows are probabilities that sum to 1", points=10, book="3.5.1")
def softmax_sums(ctx):
    def rows_sum_to_one(x):
        y = expect_shape(function(ctx, "softmax", x), x.shape, M("ch04.what.softmax_of_shape", shape=x.shape))
        expect_finite(y, "softmax(x)", "overflow")
        if np.any(y < 0):
            raise Mismatch(M("ch04.softmax.negative", shape=x.shape))
        try:
            expect_close(y.sum(axis=-1), np.ones(x.shape[:-1]), M("ch04.what.softmax_row_sums", shape=x.shape))
        except Mismatch as exc:
            as_rows = (-1, x.shape[-1])
            if diagnose.is_normalised_over_whole(y.reshape(as_rows), oracles.softmax(x).reshape(as_rows)):
                exc.diagnosis = Diagnosis("softmax_whole_batch")
            raise
        # Probabilities that sum to 1 must also follow the logits: a larger logit, a larger probability.
        x2, y2 = x.reshape(-1, x.shape[-1]), y.reshape(-1, x.shape[-1])
        rows = np.arange(len(x2))
        spread = x2.max(axis=1) - x2.min(axis=1) > 1e-3
        high, low = y2[rows, x2.argmax(axis=1)], y2[rows, x2.argmin(axis=1)]
        if np.any(spread & (high <= low)):
            raise Mismatch(M("ch04.softmax.order", shape=x.shape))
        # Rows that sum to 1 in the logits' order may still be the wrong numbers: their values too.
        expect_close(y, oracles.softmax(x), M("ch04.what.softmax_of_shape", shape=x.shape))

    with ctx.case(M("ch04.softmax.case.rows"), weight=3):
        ctx.forall(rows_sum_to_one, arrays(shapes(2, 2)), examples=20)
    with ctx.case(M("ch04.softmax.case.one_d")):
        rows_sum_to_one(np.array([0.3, -1.2, 2.0, 0.1]))


@check("ch04", "softmax equals exp(x) / sum(exp(x)) per row, whatever constant is added to a row", points=10,
       book="3.5.1")
def softmax_values(ctx):
    rng = rng_for(ctx)
    x = rng.normal(0, 2, size=(5, 7))
    with ctx.case(M("ch04.softmax.case.values"), weight=2):
        expect_close(function(ctx, "softmax", x), oracles.softmax(x), "softmax(x)")
    with ctx.case(M("ch04.softmax.case.values_1d")):
        expect_close(function(ctx, "softmax", x[0]), oracles.softmax(x[0]), M("ch04.what.softmax_1d"))
    with ctx.case(M("ch04.softmax.case.shift"), weight=2):
        shift = rng.normal(0, 20, size=(5, 1))
        expect_close(function(ctx, "softmax", x + shift), oracles.softmax(x), "softmax(x + c)", rtol=1e-6,
                     not_finite="overflow")


@check("ch04", "softmax does not overflow for logits of 1000", points=8, book="3.5.2")
def softmax_overflow(ctx):
    x = np.array([[1000.0, 1010.0, 990.0], [-1000.0, -1000.5, -999.0]])
    with ctx.case(M("ch04.overflow.case.batch")):
        expect_close(function(ctx, "softmax", x), oracles.softmax(x), M("ch04.what.softmax_large"),
                     not_finite="overflow")
    with ctx.case(M("ch04.overflow.case.one_d")):
        expect_close(function(ctx, "softmax", x[0]), oracles.softmax(x[0]), M("ch04.what.softmax_large_1d"),
                     not_finite="overflow")


def _probabilities(rng, n, k):
    # Bounded away from 0, so that +1e-7 inside the log or clipping changes little.
    y = rng.uniform(0.05, 1.0, size=(n, k))
    return y / y.sum(axis=1, keepdims=True)




@check("ch04", "cross_entropy_error with one-hot targets is averaged over the batch", points=10, book="4.2.4")
def cross_entropy_one_hot(ctx):
    rng = rng_for(ctx)
    for n in (1, 4, 9):
        with ctx.case(M("ch04.loss.case.batch", n=n)):
            y = _probabilities(rng, n, 6)
            t = np.eye(6)[rng.integers(0, 6, size=n)]
            got = function(ctx, "cross_entropy_error", y, t)
            expect_close(got, oracles.cross_entropy(y, t), M("ch04.what.loss_batch", n=n), rtol=LOSS_RTOL,
                         not_finite="log_of_zero", batch=n)
    with ctx.case(M("ch04.loss.case.one_d")):
        y = _probabilities(rng, 1, 5)[0]
        t = np.eye(5)[2]
        expect_close(function(ctx, "cross_entropy_error", y, t), oracles.cross_entropy(y, t),
                     M("ch04.what.loss_1d"), rtol=LOSS_RTOL, not_finite="log_of_zero")


def _labels_times_log(y, t):
    """The loss of code written for one-hot targets only, -sum(t * log(y)) / N, given labels."""
    try:
        return -np.sum(t * np.log(y)) / len(y)
    except ValueError:  # labels and probabilities do not broadcast: the code raises instead
        return np.nan


@check("ch04", "cross_entropy_error with label targets is averaged over the batch", points=10, book="4.2.4")
def cross_entropy_labels(ctx):
    rng = rng_for(ctx)

    def loss(y, t):
        try:
            return function(ctx, "cross_entropy_error", y, t)
        except StudentError as exc:
            if exc.diagnosis is None and "broadcast" in exc.english:
                exc.diagnosis = Diagnosis("labels_as_one_hot")
            raise

    for n in (1, 5, 8):
        with ctx.case(M("ch04.loss.case.batch", n=n)):
            y = _probabilities(rng, n, 4)
            t = rng.integers(0, 4, size=n)
            expect_close(loss(y, t), oracles.cross_entropy(y, t), M("ch04.what.loss_labels", n=n), rtol=LOSS_RTOL,
                         batch=n, not_finite="log_of_zero",
                         known=lambda y=y, t=t: [("labels_as_one_hot", _labels_times_log(y, t))])
    with ctx.case(M("ch04.loss.case.labels_one_hot"), property_only=True):
        y = _probabilities(rng, 6, 3)
        t = rng.integers(0, 3, size=6)
        a = as_array(loss(y, t), M("ch04.what.loss_with_labels"))
        b = as_array(loss(y, np.eye(3)[t]), M("ch04.what.loss_with_one_hot"))
        expect_close(a, b, M("ch04.what.loss_labels_vs_one_hot"), rtol=1e-6)


@check("ch04", "cross_entropy_error is finite when a probability is 0", points=6, book="4.2.2")
def cross_entropy_zero(ctx):
    with ctx.case(M("ch04.zero.case.zeros_elsewhere")):
        y = np.array([[0.25, 0.0, 0.75]])  # one sample: a missing average is the business of other checks
        for t in (np.array([2]), np.eye(3)[[2]]):
            expect_close(function(ctx, "cross_entropy_error", y, t), oracles.cross_entropy(y, t),
                         M("ch04.what.loss_zeros_elsewhere"), rtol=LOSS_RTOL, atol=1e-6, not_finite="log_of_zero")
    # Finite where the target's probability is 0, and 0 for a perfect prediction: properties that
    # a wrong loss can have too, counted with the right values of the case above.
    y = np.array([[0.0, 1.0, 0.0], [0.5, 0.5, 0.0]])
    t = np.array([0, 2])
    with ctx.case(M("ch04.zero.case.target_zero"), property_only=True):
        loss = float(expect_finite(function(ctx, "cross_entropy_error", y, t), M("what.loss"), "log_of_zero"))
        if loss < 5:
            raise Mismatch(M("ch04.zero.small_loss", loss=loss))
    with ctx.case(M("ch04.zero.case.perfect"), property_only=True):
        y = np.array([[0.0, 1.0], [1.0, 0.0]])
        loss = float(expect_finite(function(ctx, "cross_entropy_error", y, np.array([1, 0])), M("what.loss"),
                                   "log_of_zero"))
        if abs(loss) > 1e-4:
            raise Mismatch(M("ch04.zero.not_zero", loss=loss))


@check("ch04", "mean_squared_error is 0.5 * sum((y - t)**2)", points=6, book="4.2.1")
def mean_squared(ctx):
    rng = rng_for(ctx)
    for label, (y, t) in ((M("ch04.mse.case.one"), (rng.random(10), np.eye(10)[3])),
                          (M("ch04.mse.case.batch"), (rng.random((4, 3)), np.eye(3)[[0, 2, 1, 1]]))):
        with ctx.case(label):
            expect_close(function(ctx, "mean_squared_error", y, t), 0.5 * np.sum((y - t) ** 2), M("what.loss"),
                         known=lambda y=y, t=t: [("mse_mean", np.mean((y - t) ** 2))])


# ------------------------------------------------------------------ numerical_gradient

NUMERICAL_RTOL = 1e-5  # central differences with h = 1e-4 err by about h**2


def _numgrad(ctx, name, x, captured=False):
    return ctx.call(probe_numerical_gradient, function_name=name, x=x, captured=captured)


def forward_differences(name, x):
    """What forward differences (f(x + h) - f(x)) / h give for the test function ``name``,
    for the steps a student would choose."""
    f = TEST_FUNCTIONS[name]
    found = []
    for h in (1e-4, 1e-5):
        grad = np.zeros_like(x)
        for index in np.ndindex(x.shape):
            up = x.copy()
            up[index] += h
            grad[index] = (f(up) - f(x)) / h
        found.append(("forward_difference", grad))
    return found


@check("ch04", "numerical_gradient on 1-D input matches the known derivatives", points=8, book="4.3.1")
def numerical_gradient_1d(ctx):
    with ctx.case(M("ch04.numgrad.case.known")):
        x = np.array([3.0, 4.0])
        expect_close(_numgrad(ctx, "x0**2 + x1**2", x)["grad"], [6.0, 8.0], M("what.gradient"), rtol=NUMERICAL_RTOL,
                     known=lambda: forward_differences("x0**2 + x1**2", x))
    with ctx.case(M("ch04.numgrad.case.central"), weight=2):
        x = np.array([0.5, -1.5, 2.0, 1.0])
        expect_close(_numgrad(ctx, "sum of cubes", x)["grad"], 3 * x**2, M("what.gradient"),
                     rtol=NUMERICAL_RTOL, atol=1e-6, known=lambda: forward_differences("sum of cubes", x))


@check("ch04", "numerical_gradient on N-D input matches the known derivatives", points=8, book="4.4")
def numerical_gradient_nd(ctx):
    rng = rng_for(ctx)
    for shape in ((3, 4), (2, 3, 2)):
        with ctx.case(M("ch04.numgrad.case.shape", shape=shape)):
            x = rng.normal(size=shape)
            expect_close(_numgrad(ctx, "sum of exp", x)["grad"], np.exp(x), M("what.gradient"),
                         rtol=NUMERICAL_RTOL, atol=1e-6, known=lambda x=x: forward_differences("sum of exp", x))
    with ctx.case(M("ch04.numgrad.case.closure"), weight=2):
        x = rng.normal(size=(2, 3))
        expect_close(_numgrad(ctx, "sum of cubes", x, captured=True)["grad"], 3 * x**2,
                     M("ch04.what.gradient_closure"), rtol=NUMERICAL_RTOL, atol=1e-6,
                     known=[("numgrad_copy", np.zeros_like(x))])


@check("ch04", "numerical_gradient leaves x unchanged", points=4, book="4.4")
def numerical_gradient_restores(ctx):
    rng = rng_for(ctx)
    x = rng.normal(size=(3, 3))
    with ctx.case(M("ch04.numgrad.case.restored")):
        got = _numgrad(ctx, "sum of exp", x.copy())
        try:
            expect_close(got["x_after"], x, M("ch04.what.x_after"), rtol=1e-12, atol=1e-15)
        except Mismatch as exc:
            exc.diagnosis = Diagnosis("x_not_restored")
            raise
        # x untouched counts with a right gradient only (returning zeros leaves x untouched too).
        expect_close(got["grad"], np.exp(x), M("what.gradient"), rtol=NUMERICAL_RTOL, atol=1e-6)
