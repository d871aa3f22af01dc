"""The optimizer checks at their actual inputs: every correct placement of the small constant
(1e-7 or 1e-8, outside or inside the square root, Adam's bias corrections on v or folded into the
step size as the book does) gets full marks, and the usual mistakes still lose points.

The checks run in this process: a stand-in worker runs their probes on the optimizers below."""
import itertools

import numpy as np
import pytest

from grader.grading.checking import REGISTRY, run_check
from grader.grading.checks import ch06
from grader.grading.probes import ch06 as ch06_probes

EPS = (1e-7, 1e-8)


def root(value, eps, inside):
    """sqrt(value) + eps, or sqrt(value + eps)."""
    return np.sqrt(value + eps) if inside else np.sqrt(value) + eps


class AdaGrad:
    eps, inside = 1e-7, False

    def __init__(self, lr=0.01):
        self.lr, self.h = lr, None

    def update(self, params, grads):
        if self.h is None:
            self.h = {key: np.zeros_like(value) for key, value in params.items()}
        for key in params:
            self.h[key] += grads[key] ** 2
            params[key] -= self.lr * grads[key] / root(self.h[key], self.eps, self.inside)


class RMSprop:
    eps, inside = 1e-7, False

    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr, self.decay_rate, self.h = lr, decay_rate, None

    def update(self, params, grads):
        if self.h is None:
            self.h = {key: np.zeros_like(value) for key, value in params.items()}
        for key in params:
            self.h[key] = self.decay_rate * self.h[key] + (1 - self.decay_rate) * grads[key] ** 2
            params[key] -= self.lr * grads[key] / root(self.h[key], self.eps, self.inside)


class Adam:
    """``folded``: the book's form, both corrections in lr_t and the constant added to v's root;
    else the paper's, the constant added to v_hat's root. ``bias_correction`` False and
    ``per_key_clock`` True are the usual mistakes."""
    eps, inside, folded, bias_correction, per_key_clock = 1e-7, False, True, True, False

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr, self.beta1, self.beta2, self.iter, self.m, self.v = lr, beta1, beta2, 0, None, None

    def update(self, params, grads):
        if self.m is None:
            self.m = {key: np.zeros_like(value) for key, value in params.items()}
            self.v = {key: np.zeros_like(value) for key, value in params.items()}
        if not self.per_key_clock:
            self.iter += 1
        for key in params:
            if self.per_key_clock:
                self.iter += 1
            t = self.iter
            self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * grads[key]
            self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * grads[key] ** 2
            if not self.bias_correction:
                params[key] -= self.lr * self.m[key] / root(self.v[key], self.eps, self.inside)
            elif self.folded:
                lr_t = self.lr * np.sqrt(1 - self.beta2**t) / (1 - self.beta1**t)
                params[key] -= lr_t * self.m[key] / root(self.v[key], self.eps, self.inside)
            else:
                m_hat, v_hat = self.m[key] / (1 - self.beta1**t), self.v[key] / (1 - self.beta2**t)
                params[key] -= self.lr * m_hat / root(v_hat, self.eps, self.inside)


def variant(cls, **settings):
    return type(cls.__name__, (cls,), settings)


class LocalWorker:
    """Runs a check's probes in this process, with ``optimizer`` as the submission's class."""

    def __init__(self, optimizer, monkeypatch):
        monkeypatch.setattr(ch06_probes, "load", lambda module, name: optimizer)

    def call(self, probe, inputs, seed, time_limit):
        np.random.seed(seed % 2**32)
        return probe(**inputs)


CHECKS = {"AdaGrad": ch06.adagrad_update, "RMSprop": ch06.rmsprop_update, "Adam": ch06.adam_update}


def grade_optimizer(optimizer, monkeypatch):
    check_ = next(c for c in REGISTRY if c.function is CHECKS[optimizer.__name__])
    return run_check(check_, LocalWorker(optimizer, monkeypatch))


CORRECT = [variant(cls, eps=eps, inside=inside)
           for cls, eps, inside in itertools.product((AdaGrad, RMSprop), EPS, (False, True))]
CORRECT += [variant(Adam, eps=eps, inside=inside, folded=folded)
            for eps, inside, folded in itertools.product(EPS, (False, True), (False, True))]


def _name(cls):
    form = ("book" if cls.folded else "paper") if cls.__name__ == "Adam" else ""
    return f"{cls.__name__}-{form}-eps{cls.eps:g}-{'inside' if cls.inside else 'outside'}"


@pytest.mark.parametrize("optimizer", CORRECT, ids=[_name(c) for c in CORRECT])
def test_every_placement_of_the_small_constant_gets_full_marks(optimizer, monkeypatch):
    result = grade_optimizer(optimizer, monkeypatch)
    assert result.status == "passed", result.reason_in("en")


MISTAKES = {
    "adam_no_bias_correction": variant(Adam, bias_correction=False),
    "adam_step_count": variant(Adam, per_key_clock=True),
}


@pytest.mark.parametrize("diagnosis", sorted(MISTAKES))
@pytest.mark.parametrize("eps,inside", [(1e-7, False), (1e-8, True)])
def test_adam_mistakes_still_lose_points_and_are_named(diagnosis, eps, inside, monkeypatch):
    result = grade_optimizer(variant(MISTAKES[diagnosis], eps=eps, inside=inside), monkeypatch)
    assert result.status != "passed"
    assert result.diagnosis == diagnosis
