"""Chapter 4 (with the functions of chapters 3 and 4): activations, softmax, losses,
numerical differentiation. 100 points."""
import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from grader import oracles
from grader.checking import Mismatch, as_array, check, expect_close, expect_finite, expect_shape
from grader.probes import call
from grader.submission import load

F = "common.functions"


def rng_for(ctx):
    return np.random.default_rng(ctx.check.seed)


def function(ctx, name, *args, module=F):
    """Call ``module.name(*args)`` in the worker; return its result."""
    return ctx.call(call, module=module, name=name, args=list(args))["result"]


def shapes(min_dims=1, max_dims=2, min_side=1, max_side=7):
    return hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=min_side, max_side=max_side)


def arrays(shape_strategy, low=-8.0, high=8.0):
    return hnp.arrays(np.float64, shape_strategy, elements=st.floats(low, high, allow_nan=False, width=64))


@check("ch04", "step_function, sigmoid, relu and identity_function give the right values", points=12)
def activation_values(ctx):
    rng = rng_for(ctx)
    x = rng.normal(0, 3, size=(4, 5))
    x[x == 0] = 0.5
    with ctx.case("step_function is 1 where x > 0, else 0"):
        expect_close(function(ctx, "step_function", x), (x > 0).astype(float), "step_function(x)")
    with ctx.case("sigmoid = 1 / (1 + exp(-x)) for any shape", weight=2):
        ctx.forall(lambda v: expect_close(function(ctx, "sigmoid", v), oracles.sigmoid(v), "sigmoid(x)",
                                          rtol=1e-9), arrays(shapes(1, 3)), examples=15)
    with ctx.case("sigmoid of -1000 and 1000 is 0 and 1, not nan"):
        expect_close(function(ctx, "sigmoid", np.array([-1000.0, 0.0, 1000.0])), [0.0, 0.5, 1.0],
                     "sigmoid([-1000, 0, 1000])", atol=1e-12)
    with ctx.case("relu = max(0, x)"):
        expect_close(function(ctx, "relu", x), np.maximum(x, 0), "relu(x)")
    with ctx.case("identity_function returns x"):
        expect_close(function(ctx, "identity_function", x), x, "identity_function(x)")


@check("ch04", "sigmoid_grad and relu_grad are the derivatives", points=8)
def activation_derivatives(ctx):
    rng = rng_for(ctx)
    x = rng.normal(0, 3, size=(3, 4))
    x[np.abs(x) < 0.05] = 0.5
    with ctx.case("sigmoid_grad(x) = s * (1 - s), s = sigmoid(x)"):
        s = oracles.sigmoid(x)
        expect_close(function(ctx, "sigmoid_grad", x), s * (1 - s), "sigmoid_grad(x)")
    with ctx.case("relu_grad(x) is 1 where x > 0 and 0 where x < 0, in x's shape"):
        try:
            got = function(ctx, "relu_grad", x)
        except Exception as exc:
            if "zeros" in str(exc) or "integer" in str(exc):
                raise Mismatch(f"{exc} -- np.zeros(x) makes an array whose shape is x; "
                               "np.zeros_like(x) makes one shaped like x") from None
            raise
        expect_close(got, (x > 0).astype(float), "relu_grad(x)")


@check("ch04", "softmax rows are probabilities that sum to 1", points=10)
def softmax_sums(ctx):
    def rows_sum_to_one(x):
        y = expect_shape(function(ctx, "softmax", x), x.shape, f"softmax(x) for x of shape {x.shape}")
        expect_finite(y, "softmax(x)")
        if np.any(y < 0):
            raise Mismatch(f"softmax(x) has negative entries for x of shape {x.shape}")
        expect_close(y.sum(axis=-1), np.ones(x.shape[:-1]), f"row sums of softmax(x), x of shape {x.shape}")
        # Probabilities that sum to 1 must also follow the logits: a larger logit, a larger probability.
        x2, y2 = x.reshape(-1, x.shape[-1]), y.reshape(-1, x.shape[-1])
        rows = np.arange(len(x2))
        spread = x2.max(axis=1) - x2.min(axis=1) > 1e-3
        high, low = y2[rows, x2.argmax(axis=1)], y2[rows, x2.argmin(axis=1)]
        if np.any(spread & (high <= low)):
            raise Mismatch(f"softmax(x) does not give the largest logit the largest probability (x of shape {x.shape})")

    with ctx.case("each row of a 2-D batch sums to 1 (batch of 1, odd sizes)", weight=3):
        ctx.forall(rows_sum_to_one, arrays(shapes(2, 2)), examples=20)
    with ctx.case("a 1-D input sums to 1"):
        rows_sum_to_one(np.array([0.3, -1.2, 2.0, 0.1]))


@check("ch04", "softmax equals exp(x) / sum(exp(x)) per row, whatever constant is added to a row", points=10)
def softmax_values(ctx):
    rng = rng_for(ctx)
    x = rng.normal(0, 2, size=(5, 7))
    with ctx.case("values per row of a batch", weight=2):
        expect_close(function(ctx, "softmax", x), oracles.softmax(x), "softmax(x)")
    with ctx.case("values of a 1-D input"):
        expect_close(function(ctx, "softmax", x[0]), oracles.softmax(x[0]), "softmax(x) for 1-D x")
    with ctx.case("adding a different constant to each row changes nothing", weight=2):
        shift = rng.normal(0, 20, size=(5, 1))
        expect_close(function(ctx, "softmax", x + shift), oracles.softmax(x), "softmax(x + c)", rtol=1e-6)


@check("ch04", "softmax does not overflow for logits of 1000", points=8)
def softmax_overflow(ctx):
    x = np.array([[1000.0, 1010.0, 990.0], [-1000.0, -1000.5, -999.0]])
    with ctx.case("a batch with logits around +-1000"):
        expect_close(function(ctx, "softmax", x), oracles.softmax(x), "softmax of large logits")
    with ctx.case("a 1-D input with logits around 1000"):
        expect_close(function(ctx, "softmax", x[0]), oracles.softmax(x[0]), "softmax of large 1-D logits")


def _probabilities(rng, n, k):
    # Bounded away from 0, so that +1e-7 inside the log or clipping changes little.
    y = rng.uniform(0.05, 1.0, size=(n, k))
    return y / y.sum(axis=1, keepdims=True)


LOSS_RTOL = 1e-4  # room for + 1e-7 inside the log (probabilities here are >= 0.005)


@check("ch04", "cross_entropy_error with one-hot targets is averaged over the batch", points=10)
def cross_entropy_one_hot(ctx):
    rng = rng_for(ctx)
    for n in (1, 4, 9):
        with ctx.case(f"batch of {n}"):
            y = _probabilities(rng, n, 6)
            t = np.eye(6)[rng.integers(0, 6, size=n)]
            got = function(ctx, "cross_entropy_error", y, t)
            expect_close(got, oracles.cross_entropy(y, t), f"loss for a batch of {n}", rtol=LOSS_RTOL)
    with ctx.case("one sample given as 1-D arrays"):
        y = _probabilities(rng, 1, 5)[0]
        t = np.eye(5)[2]
        expect_close(function(ctx, "cross_entropy_error", y, t), oracles.cross_entropy(y, t),
                     "loss of one 1-D sample", rtol=LOSS_RTOL)


@check("ch04", "cross_entropy_error with label targets is averaged over the batch", points=10)
def cross_entropy_labels(ctx):
    rng = rng_for(ctx)
    for n in (1, 5, 8):
        with ctx.case(f"batch of {n}"):
            y = _probabilities(rng, n, 4)
            t = rng.integers(0, 4, size=n)
            got = function(ctx, "cross_entropy_error", y, t)
            expect_close(got, oracles.cross_entropy(y, t), f"loss for labels, batch of {n}", rtol=LOSS_RTOL)
    with ctx.case("labels and one-hot targets give the same loss"):
        y = _probabilities(rng, 6, 3)
        t = rng.integers(0, 3, size=6)
        a = as_array(function(ctx, "cross_entropy_error", y, t), "loss with labels")
        b = as_array(function(ctx, "cross_entropy_error", y, np.eye(3)[t]), "loss with one-hot")
        expect_close(a, b, "loss with labels compared with one-hot", rtol=1e-9)


@check("ch04", "cross_entropy_error is finite when a probability is 0", points=6)
def cross_entropy_zero(ctx):
    y = np.array([[0.0, 1.0, 0.0], [0.5, 0.5, 0.0]])
    t = np.array([0, 2])
    with ctx.case("target class with probability 0"):
        loss = float(expect_finite(function(ctx, "cross_entropy_error", y, t), "loss"))
        if loss < 5:
            raise Mismatch(f"loss is {loss:.4g}: a target probability of 0 must give a large loss")
    with ctx.case("perfect prediction gives a loss near 0"):
        y = np.array([[0.0, 1.0], [1.0, 0.0]])
        loss = float(expect_finite(function(ctx, "cross_entropy_error", y, np.array([1, 0])), "loss"))
        if abs(loss) > 1e-4:
            raise Mismatch(f"loss is {loss:.4g}, expected about 0")


@check("ch04", "mean_squared_error is 0.5 * sum((y - t)**2)", points=6)
def mean_squared(ctx):
    rng = rng_for(ctx)
    with ctx.case("one sample"):
        y, t = rng.random(10), np.eye(10)[3]
        expect_close(function(ctx, "mean_squared_error", y, t), 0.5 * np.sum((y - t) ** 2), "loss")
    with ctx.case("a batch"):
        y, t = rng.random((4, 3)), np.eye(3)[[0, 2, 1, 1]]
        expect_close(function(ctx, "mean_squared_error", y, t), 0.5 * np.sum((y - t) ** 2), "loss")


# ------------------------------------------------------------------ numerical_gradient

TEST_FUNCTIONS = {
    # name: (f as the worker computes it, its exact gradient)
    "sum of cubes": (lambda x: float(np.sum(x**3)), lambda x: 3 * x**2),
    "sum of exp": (lambda x: float(np.sum(np.exp(x))), lambda x: np.exp(x)),
    "x0**2 + x1**2": (lambda x: float(x[0] ** 2 + x[1] ** 2), lambda x: np.array([2 * x[0], 2 * x[1]])),
}


def probe_numerical_gradient(function_name, x, captured):
    """numerical_gradient(f, x); with ``captured`` f ignores its argument and reads x
    through a closure, as the book's networks do."""
    numerical_gradient = load("common.gradient", "numerical_gradient")
    f = TEST_FUNCTIONS[function_name][0]
    target = x
    if captured:
        grad = numerical_gradient(lambda _unused: f(target), x)
    else:
        grad = numerical_gradient(f, x)
    return {"grad": grad, "x_after": x}


NUMERICAL_RTOL = 1e-5  # central differences with h = 1e-4 err by about h**2


def _numgrad(ctx, name, x, captured=False):
    return ctx.call(probe_numerical_gradient, function_name=name, x=x, captured=captured)


@check("ch04", "numerical_gradient on 1-D input matches the known derivatives", points=8)
def numerical_gradient_1d(ctx):
    with ctx.case("f(x) = x0**2 + x1**2 at (3, 4) gives (6, 8)"):
        x = np.array([3.0, 4.0])
        expect_close(_numgrad(ctx, "x0**2 + x1**2", x)["grad"], [6.0, 8.0], "gradient", rtol=NUMERICAL_RTOL)
    with ctx.case("f(x) = sum(x**3): central, not forward, differences", weight=2):
        x = np.array([0.5, -1.5, 2.0, 1.0])
        expect_close(_numgrad(ctx, "sum of cubes", x)["grad"], 3 * x**2, "gradient",
                     rtol=NUMERICAL_RTOL, atol=1e-6)


@check("ch04", "numerical_gradient on N-D input matches the known derivatives", points=8)
def numerical_gradient_nd(ctx):
    rng = rng_for(ctx)
    for shape in ((3, 4), (2, 3, 2)):
        with ctx.case(f"f(x) = sum(exp(x)) on shape {shape}"):
            x = rng.normal(size=shape)
            expect_close(_numgrad(ctx, "sum of exp", x)["grad"], np.exp(x), "gradient",
                         rtol=NUMERICAL_RTOL, atol=1e-6)
    with ctx.case("f reads x through a closure (the book's lambda W: net.loss(x, t))", weight=2):
        x = rng.normal(size=(2, 3))
        expect_close(_numgrad(ctx, "sum of cubes", x, captured=True)["grad"], 3 * x**2,
                     "gradient when f ignores its argument", rtol=NUMERICAL_RTOL, atol=1e-6)


@check("ch04", "numerical_gradient leaves x unchanged", points=4)
def numerical_gradient_restores(ctx):
    rng = rng_for(ctx)
    x = rng.normal(size=(3, 3))
    with ctx.case("x holds its values afterwards"):
        after = _numgrad(ctx, "sum of exp", x.copy())["x_after"]
        expect_close(after, x, "x after numerical_gradient", rtol=1e-12, atol=1e-15)
