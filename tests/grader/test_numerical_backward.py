"""Backprop is the exercise: a backward pass made of numerical differences of the forward
pass is told apart from an analytic one by the work it does (grader.grading.probes)."""
import sys
from pathlib import Path

import numpy as np
import pytest

from grader.feedback.messages import LANGUAGES, render
from grader.grading.probes import count_calls, numerical_backward


class AnalyticRelu:
    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dx = dout.copy()
        dx[self.mask] = 0
        return dx


class NumericalRelu(AnalyticRelu):
    def backward(self, dout, h=1e-5):
        x = self.x if hasattr(self, "x") else None
        grad = np.zeros_like(dout)
        for i in np.ndindex(dout.shape):
            up, down = x.copy(), x.copy()
            up[i] += h
            down[i] -= h
            grad[i] = np.sum((np.maximum(up, 0) - np.maximum(down, 0)) * dout) / (2 * h)
        return grad

    def forward(self, x):
        self.x = x.copy()
        return super().forward(x)


class ProfilerRemover(NumericalRelu):
    def backward(self, dout, h=1e-5):
        sys.setprofile(None)
        return super().backward(dout, h)


def verdict(layer, shape):
    x = np.random.default_rng(0).normal(size=shape)
    _, forward_calls, _ = count_calls(layer.forward, x)
    _, backward_calls, tampered = count_calls(layer.backward, np.ones(shape))
    return numerical_backward(type(layer).__name__, forward_calls, backward_calls, tampered)


@pytest.mark.parametrize("shape", [(1,), (3, 4), (2, 3, 4, 5)])
def test_an_analytic_backward_passes_at_any_size(shape):
    assert verdict(AnalyticRelu(), shape) is None


@pytest.mark.parametrize("shape", [(4, 5), (2, 3, 4, 5)])
def test_numerical_differences_of_the_forward_are_not_backprop(shape):
    problem = verdict(NumericalRelu(), shape)
    assert problem is not None and problem.message.id == "error.numerical_backward"
    for language in LANGUAGES:
        assert "NumericalRelu" in render(problem.message, language)


def test_removing_the_call_counter_is_noticed():
    problem = verdict(ProfilerRemover(), (3, 4))
    assert problem is not None and problem.message.id == "error.backward_profiler"
    assert sys.getprofile() is None


def test_the_counter_leaves_an_earlier_profiler_in_place():
    def mine(frame, event, arg):
        return None

    sys.setprofile(mine)
    try:
        assert count_calls(sum, [1, 2])[0] == 3
        assert sys.getprofile() is mine
    finally:
        sys.setprofile(None)


# ---------------------------------------------------------------- a network's gradient()

class TinyNet:
    """Affine-Relu-Affine with a mean squared loss: gradient by backprop."""

    def __init__(self, hidden=6):
        rng = np.random.default_rng(1)
        self.params = {"W1": rng.normal(size=(4, hidden)), "W2": rng.normal(size=(hidden, 3))}

    def loss(self, x, t):
        self.x, self.h = x, np.maximum(x @ self.params["W1"], 0)
        self.y = self.h @ self.params["W2"]
        return 0.5 * float(np.mean(np.sum((self.y - t) ** 2, axis=1)))

    def gradient(self, x, t):
        self.loss(x, t)
        dy = (self.y - t) / len(x)
        dh = (dy @ self.params["W2"].T) * (self.h > 0)
        return {"W1": self.x.T @ dh, "W2": self.h.T @ dy}


class NumericalNet(TinyNet):
    """gradient() by central differences of its own loss, as numerical_gradient does."""

    def gradient(self, x, t, h=1e-5):
        grads = {}
        for key, array in self.params.items():
            grad = np.zeros_like(array)
            for i in np.ndindex(array.shape):
                keep = array[i]
                array[i] = keep + h
                up = self.loss(x, t)
                array[i] = keep - h
                down = self.loss(x, t)
                array[i] = keep
                grad[i] = (up - down) / (2 * h)
            grads[key] = grad
        return grads


def network_verdict(net):
    from grader.grading.checking import Mismatch
    from grader.grading.checks.common import expect_backprop
    from grader.grading.probes import network_gradient

    x, t = np.random.default_rng(2).normal(size=(5, 4)), np.random.default_rng(3).normal(size=(5, 3))
    grads, calls = network_gradient(net, x, t)
    try:
        expect_backprop(calls, type(net).__name__)
    except Mismatch as exc:
        return grads, exc.message
    return grads, None


@pytest.mark.parametrize("hidden", [2, 6, 50])
def test_a_backprop_gradient_passes_whatever_the_parameter_count(hidden):
    grads, problem = network_verdict(TinyNet(hidden))
    assert problem is None
    assert set(grads) == {"W1", "W2"}


@pytest.mark.parametrize("hidden", [2, 6])
def test_a_network_gradient_by_central_differences_of_its_loss_is_not_backprop(hidden):
    _, problem = network_verdict(NumericalNet(hidden))
    assert problem is not None and problem.id == "net.numerical_gradient"
    for language in LANGUAGES:
        assert "NumericalNet.gradient" in render(problem, language)


def test_removing_the_call_counter_in_gradient_is_noticed():
    class Remover(TinyNet):
        def gradient(self, x, t):
            sys.setprofile(None)
            return super().gradient(x, t)

    _, problem = network_verdict(Remover())
    assert problem is not None and problem.id == "net.gradient_profiler"


def test_the_work_inside_the_grader_stand_in_layers_is_not_counted():
    from grader.grading import standins

    class StandInNet:
        """A network on the stand-in layers, whose backward is numerical by design."""

        def __init__(self):
            rng = np.random.default_rng(4)
            self.affine = standins.Affine(rng.normal(size=(4, 30)), np.zeros(30))
            self.last = standins.SoftmaxWithLoss()

        def loss(self, x, t):
            return self.last.forward(self.affine.forward(x), t)

        def gradient(self, x, t):
            self.loss(x, t)
            self.affine.backward(self.last.backward(1))
            return {"W": self.affine.dW, "b": self.affine.db}

    x, t = np.random.default_rng(5).normal(size=(5, 4)), np.array([0, 1, 2, 3, 4])
    from grader.grading.probes import network_gradient

    _, calls = network_gradient(StandInNet(), x, t)
    assert calls["gradient"] <= 3 * calls["loss"] + 10, calls


# ---------------------------------------------------------------- a layer's backward at scale

def differences_of_relu(x, dout, rows_at_once, h=1e-5):
    """Central differences of sum(relu(x) * dout), ``rows_at_once`` perturbed copies of x
    stacked and run through the formula together."""
    flat, n = x.reshape(-1), x.size
    grad = np.empty(n)
    for start in range(0, n, rows_at_once):
        rows = np.arange(start, min(start + rows_at_once, n))
        step = np.zeros((rows.size, n))
        step[np.arange(rows.size), rows] = h
        up = np.sum(np.maximum(flat + step, 0) * dout.reshape(-1), axis=1)
        down = np.sum(np.maximum(flat - step, 0) * dout.reshape(-1), axis=1)
        grad[rows] = (up - down) / (2 * h)
    return grad.reshape(x.shape)


class StackedRelu(NumericalRelu):
    rows_at_once = 1024

    def backward(self, dout):
        return differences_of_relu(self.x, dout, self.rows_at_once)


class FewAtATimeRelu(StackedRelu):
    rows_at_once = 8


class ThreadedRelu(NumericalRelu):
    """The numerical loop in a thread that the threading module does not know of."""

    def backward(self, dout):
        import _thread

        done, box = _thread.allocate_lock(), {}
        done.acquire()

        def work():
            box["dx"] = NumericalRelu.backward(self, dout)
            done.release()

        _thread.start_new_thread(work, ())
        done.acquire()
        return box["dx"]


class ChildProcessRelu(NumericalRelu):
    """The numerical loop in a child process, which it waits for."""

    def backward(self, dout):
        import subprocess

        script = ("import numpy as np, sys; x = np.frombuffer(sys.stdin.buffer.read()); "
                  "[np.maximum(x, 0).sum() for _ in range(2 * x.size)]")
        subprocess.run([sys.executable, "-c", script], input=self.x.tobytes(), check=True)
        return AnalyticRelu.backward(self, dout)  # what the child would have sent back


class ZerosAtScaleRelu(NumericalRelu):
    """Numerical differences at the checks' sizes, anything quick where the input is large."""

    def backward(self, dout):
        return np.zeros_like(dout) if dout.size > 1000 else super().backward(dout)


class TracerStoppingRelu(StackedRelu):
    """Stacked differences that switch the memory tracer off, so that no peak shows."""

    def backward(self, dout):
        import tracemalloc

        tracemalloc.stop()
        return super().backward(dout)


class OutOfMemoryRelu(NumericalRelu):
    def backward(self, dout):
        if dout.size > 1000:
            raise MemoryError
        return super().backward(dout)


class FailsAtScaleRelu(AnalyticRelu):
    def backward(self, dout):
        if dout.size > 1000:
            raise ValueError("too many")
        return super().backward(dout)


@pytest.fixture
def small_scale(monkeypatch):
    """The judgement at scale on a (4, 8) input repeated to 1024 numbers, its time limits
    shrunk to match: a function of the layer's class giving the error or None."""
    from grader.grading import probes

    monkeypatch.setattr(probes, "SCALE_NUMBERS", 1024)
    monkeypatch.setattr(probes, "SCALE_CPU_FLOOR", 0.002)
    monkeypatch.setattr(probes, "OTHER_THREAD_SECONDS", 0.002)
    rng = np.random.default_rng(6)
    x, dout = rng.normal(size=(4, 8)), rng.normal(size=(4, 8))

    def judge(Layer):
        layer = Layer()
        layer.forward(x.copy())
        return probes.backprop_at_scale(Layer, "Relu", (), [x], dout, small=layer.backward(dout.copy()))

    return judge


def reference_case(cls):
    """(constructor arguments, forward arguments, dout) of a small case of ``cls``."""
    rng = np.random.default_rng(7)
    x, images = rng.normal(size=(3, 5)), rng.normal(size=(2, 3, 6, 6))
    return {
        "Relu": ((), [x], x), "Sigmoid": ((), [x], x),
        "Affine": ((rng.normal(size=(5, 4)), np.zeros(4)), [x], rng.normal(size=(3, 4))),
        "SoftmaxWithLoss": ((), [x, np.eye(5)[[0, 2, 4]]], 1),
        "BatchNormalization": ((np.ones(5), np.zeros(5)), [x, True], x),
        "Dropout": ((0.5,), [x, True], x),
        "Convolution": ((rng.normal(size=(4, 3, 3, 3)), np.zeros(4), 1, 1), [images], rng.normal(size=(2, 4, 6, 6))),
        "Pooling": ((2, 2, 2, 0), [images], rng.normal(size=(2, 3, 3, 3))),
    }[cls]


@pytest.mark.parametrize("cls", ["Relu", "Sigmoid", "Affine", "SoftmaxWithLoss", "BatchNormalization", "Dropout",
                                 "Convolution", "Pooling"])
def test_the_reference_layers_are_backprop_at_scale(cls, monkeypatch):
    import importlib

    from grader.grading.probes import backprop_at_scale
    from tests.grader.mutants import SOLUTIONS

    for name in [m for m in sys.modules if m == "common" or m.startswith("common.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.syspath_prepend(str(SOLUTIONS))
    try:
        layers = importlib.import_module("common.layers")
        assert Path(layers.__file__).is_relative_to(SOLUTIONS)
        init, forward, dout = reference_case(cls)
        layer = getattr(layers, cls)(*init)
        layer.forward(*forward)
        small = layer.backward(np.array(dout, copy=True) if isinstance(dout, np.ndarray) else dout)
        assert backprop_at_scale(getattr(layers, cls), cls, init, forward, dout, small=small) is None
    finally:
        for name in [m for m in sys.modules if m == "common" or m.startswith("common.")]:
            del sys.modules[name]  # the ones this test imported; monkeypatch puts back any earlier


def test_an_analytic_backward_passes_at_scale(small_scale):
    assert small_scale(AnalyticRelu) is None


@pytest.mark.parametrize("Layer, message_id", [
    (StackedRelu, "error.numerical_backward_memory"),
    (FewAtATimeRelu, "error.numerical_backward_time"),
    (ThreadedRelu, "error.backward_elsewhere"),
    (ChildProcessRelu, "error.backward_elsewhere"),
    (OutOfMemoryRelu, "error.numerical_backward_out_of_memory"),
    (FailsAtScaleRelu, "error.backward_fails_at_scale"),
    (ZerosAtScaleRelu, "error.backward_disagrees_at_scale"),
    (TracerStoppingRelu, "error.backward_profiler"),
    (NumericalRelu, "error.numerical_backward"),
])
def test_numerical_differences_show_at_scale_however_they_are_cut(small_scale, Layer, message_id):
    problem = small_scale(Layer)
    assert problem is not None and problem.message.id == message_id
    for language in LANGUAGES:
        assert "Relu" in render(problem.message, language)


def test_a_wrong_backward_is_left_to_the_checks_at_scale(small_scale):
    """A backward that is wrong in a way that depends on the batch size (y - t / N) gives other
    values at scale; that is a mistake for the checks to grade, with partial credit, not a sign
    of numerical differences."""
    class BatchSizeRelu(AnalyticRelu):
        def backward(self, dout):
            return super().backward(dout) - 1 / len(dout)

    assert small_scale(BatchSizeRelu) is None

    class WrongAndFailingAtScaleRelu(BatchSizeRelu):
        def backward(self, dout):
            if dout.size > 1000:
                raise ValueError("too many")
            return super().backward(dout)

    assert small_scale(WrongAndFailingAtScaleRelu) is None
