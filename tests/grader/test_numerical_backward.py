"""Backprop is the exercise: a backward pass made of numerical differences of the forward
pass is told apart from an analytic one by the work it does (grader.grading.probes)."""
import sys

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
