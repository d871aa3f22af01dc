"""What the checks of several chapters share: their random inputs and MNIST (labels, images)."""
import numpy as np

from grader.feedback.messages import Message as M
from grader.grading.checking import Mismatch
from grader.grading.errors import StudentError
from grader.grading.probes import NUMERICAL_FACTOR, NUMERICAL_SLACK

# Room for + 1e-7 inside the log, or clipping, in a mean cross-entropy loss (the checks keep the
# target's probability >= 0.005).
LOSS_RTOL = 1e-4


def rng_for(ctx):
    """The random generator of a check: seeded by the check's name, the same on every run."""
    return np.random.default_rng(ctx.check.seed)


def away_from_zero(rng, shape, scale=2.0):
    """Normal values with |x| >= 0.05: no kink of relu within reach of a numerical step."""
    x = rng.normal(0, scale, size=shape)
    return np.sign(x + (x == 0)) * (np.abs(x) + 0.05)


_MNIST_LABELS: dict[str, np.ndarray] = {}


def mnist_labels():
    """(train labels, test labels) of MNIST as int64, loaded once in the grader's process."""
    if not _MNIST_LABELS:
        from dataset.mnist import load_mnist

        (_, t_train), (_, t_test) = load_mnist()
        _MNIST_LABELS["train"] = np.asarray(t_train, dtype=np.int64)
        _MNIST_LABELS["test"] = np.asarray(t_test, dtype=np.int64)
    return _MNIST_LABELS["train"], _MNIST_LABELS["test"]


_MNIST_IMAGES: dict[str, np.ndarray] = {}


def mnist_images():
    """(train images, test images) of MNIST as float32 rows of 784 in [0, 1], loaded once in
    the grader's process (which computes MNIST accuracies with its own forward passes)."""
    if not _MNIST_IMAGES:
        from dataset.mnist import load_mnist

        (x_train, _), (x_test, _) = load_mnist(normalize=True, flatten=True)
        _MNIST_IMAGES["train"], _MNIST_IMAGES["test"] = x_train, x_test
    return _MNIST_IMAGES["train"], _MNIST_IMAGES["test"]


def note_own_layers(ctx, right, used):
    """After a network passed on the stand-in layers ``used``: whether it also passes with the
    student's own layers (``right(stand_ins)`` raises when the network's result is wrong with
    only those classes swapped in). If not, a note (a case of weight 0: no points) names the
    layer classes whose own version makes it fail: the mistake was counted by their checks."""
    if not used:
        return
    with ctx.case(M("net.own_layers.case"), weight=0):
        try:
            right(())
            return
        except (Mismatch, StudentError):
            pass
        causes = []
        for name in used:
            try:
                right(tuple(n for n in used if n != name))
            except (Mismatch, StudentError):
                causes.append(name)
        raise Mismatch(M("net.own_layers", causes=", ".join(causes)) if causes else M("net.own_layers_together"))


def expect_backprop(calls, cls):
    """A network's gradient() is backpropagation: it does about the work of one loss() (a forward
    pass, then a backward pass as costly), counted in the worker (``calls``: the function calls
    of gradient and of loss, not counting what runs inside the grader's stand-in layers, and
    whether the counter was removed). Central differences of the loss call it twice per
    parameter: a Mismatch that says so."""
    if not isinstance(calls, dict) or not all(isinstance(calls.get(k), int) for k in ("gradient", "loss")):
        raise Mismatch(M("net.gradient_uncounted", cls=cls))
    if calls.get("tampered") is not False:
        raise Mismatch(M("net.gradient_profiler", cls=cls))
    gradient, loss = calls["gradient"], calls["loss"]
    if gradient > NUMERICAL_FACTOR * max(loss, 1) + NUMERICAL_SLACK:
        raise Mismatch(M("net.numerical_gradient", cls=cls, gradient=gradient, loss=loss))
