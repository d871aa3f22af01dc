"""common/optimizer.py: trajectories against the update rules written out here, in-place
updates, state kept across calls, and the book's default hyper-parameters."""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from common.optimizer import SGD, AdaGrad, Adam, Momentum, Nesterov, RMSprop

EPS = 1e-7
STEPS = 6


# Update rules from their formulas. Each takes (params, grads) of plain dicts and a state dict.

def rule_sgd(lr=0.01):
    def step(p, g, state):
        return {k: p[k] - lr * g[k] for k in p}

    return step


def rule_momentum(lr=0.01, momentum=0.9):
    def step(p, g, state):
        v = state.setdefault("v", {k: np.zeros_like(p[k]) for k in p})
        out = {}
        for k in p:
            v[k] = momentum * v[k] - lr * g[k]
            out[k] = p[k] + v[k]
        return out

    return step


def rule_nesterov(lr=0.01, momentum=0.9):
    def step(p, g, state):
        v = state.setdefault("v", {k: np.zeros_like(p[k]) for k in p})
        out = {}
        for k in p:
            out[k] = p[k] + momentum * momentum * v[k] - (1 + momentum) * lr * g[k]
            v[k] = momentum * v[k] - lr * g[k]
        return out

    return step


def rule_adagrad(lr=0.01):
    def step(p, g, state):
        h = state.setdefault("h", {k: np.zeros_like(p[k]) for k in p})
        out = {}
        for k in p:
            h[k] = h[k] + g[k] ** 2
            out[k] = p[k] - lr * g[k] / (np.sqrt(h[k]) + EPS)
        return out

    return step


def rule_rmsprop(lr=0.01, decay_rate=0.99):
    def step(p, g, state):
        h = state.setdefault("h", {k: np.zeros_like(p[k]) for k in p})
        out = {}
        for k in p:
            h[k] = decay_rate * h[k] + (1 - decay_rate) * g[k] ** 2
            out[k] = p[k] - lr * g[k] / (np.sqrt(h[k]) + EPS)
        return out

    return step


def rule_adam(lr=0.001, beta1=0.9, beta2=0.999):
    def step(p, g, state):
        m = state.setdefault("m", {k: np.zeros_like(p[k]) for k in p})
        v = state.setdefault("v", {k: np.zeros_like(p[k]) for k in p})
        t = state["t"] = state.get("t", 0) + 1
        out = {}
        for k in p:
            m[k] = beta1 * m[k] + (1 - beta1) * g[k]
            v[k] = beta2 * v[k] + (1 - beta2) * g[k] ** 2
            m_hat = m[k] / (1 - beta1**t)
            v_hat = v[k] / (1 - beta2**t)
            out[k] = p[k] - lr * m_hat / (np.sqrt(v_hat) + EPS)
        return out

    return step


CASES = {
    "SGD": (SGD, rule_sgd, {"lr": 0.3}),
    "Momentum": (Momentum, rule_momentum, {"lr": 0.05, "momentum": 0.8}),
    "Nesterov": (Nesterov, rule_nesterov, {"lr": 0.05, "momentum": 0.7}),
    "AdaGrad": (AdaGrad, rule_adagrad, {"lr": 0.2}),
    "RMSprop": (RMSprop, rule_rmsprop, {"lr": 0.02, "decay_rate": 0.9}),
    "Adam": (Adam, rule_adam, {"lr": 0.05, "beta1": 0.8, "beta2": 0.95}),
}


def make_problem(rng, steps=STEPS):
    """Parameters of several shapes and a sequence of gradients of magnitude 0.5 to 2."""
    shapes = {"W1": (3, 4), "b1": (4,), "W2": (2, 2, 3), "s": (1,)}
    params = {k: rng.normal(size=s) for k, s in shapes.items()}
    grads = [
        {k: rng.uniform(0.5, 2.0, size=s) * rng.choice([-1.0, 1.0], size=s) for k, s in shapes.items()}
        for _ in range(steps)
    ]
    return params, grads


def run_and_compare(optimizer, rule, params, grads):
    """Run the optimizer and the rule side by side, step by step.

    The gradients are given (they do not depend on the parameters), so the rule's steps can
    be compared with the optimizer's one at a time. rtol 1e-5 accepts both placements of
    the 1e-7 in Adam (after the bias correction, or folded into the step size as the book does).
    """
    ids = {k: id(v) for k, v in params.items()}
    state = {}
    for g in grads:
        before = {k: v.copy() for k, v in params.items()}
        optimizer.update(params, {k: v.copy() for k, v in g.items()})
        after = rule(before, g, state)
        for k in params:
            assert id(params[k]) == ids[k], f"params[{k!r}] was replaced instead of updated in place"
            np.testing.assert_allclose(params[k] - before[k], after[k] - before[k], rtol=1e-5, atol=1e-15)


@pytest.mark.parametrize("name", list(CASES))
def test_trajectory_matches_update_rule(rng, name):
    cls, rule, hyper = CASES[name]
    params, grads = make_problem(rng)
    run_and_compare(cls(**hyper), rule(**hyper), params, grads)


@pytest.mark.parametrize(
    ("cls", "rule"),
    [(SGD, rule_sgd), (Momentum, rule_momentum), (Nesterov, rule_nesterov), (AdaGrad, rule_adagrad),
     (RMSprop, rule_rmsprop), (Adam, rule_adam)],
)
def test_book_default_hyper_parameters(rng, cls, rule):
    # default-constructed optimizer == the rule with the book's defaults
    params, grads = make_problem(rng)
    run_and_compare(cls(), rule(), params, grads)


def test_default_attribute_values():
    assert SGD().lr == 0.01
    assert (Momentum().lr, Momentum().momentum) == (0.01, 0.9)
    assert (Nesterov().lr, Nesterov().momentum) == (0.01, 0.9)
    assert AdaGrad().lr == 0.01
    assert (RMSprop().lr, RMSprop().decay_rate) == (0.01, 0.99)
    assert (Adam().lr, Adam().beta1, Adam().beta2) == (0.001, 0.9, 0.999)


def test_hand_computed_steps():
    p = {"w": np.array([1.0])}
    SGD(lr=0.5).update(p, {"w": np.array([2.0])})
    assert p["w"][0] == pytest.approx(0.0)

    p = {"w": np.array([0.0])}
    opt = Momentum(lr=0.1, momentum=0.5)
    opt.update(p, {"w": np.array([1.0])})  # v = -0.1
    opt.update(p, {"w": np.array([1.0])})  # v = -0.05 - 0.1 = -0.15
    assert p["w"][0] == pytest.approx(-0.25)

    p = {"w": np.array([0.0])}
    opt = Nesterov(lr=0.1, momentum=0.5)
    opt.update(p, {"w": np.array([1.0])})  # w = 0 + 0 - 1.5 * 0.1; v = -0.1
    assert p["w"][0] == pytest.approx(-0.15)
    opt.update(p, {"w": np.array([1.0])})  # w += 0.25 * (-0.1) - 0.15
    assert p["w"][0] == pytest.approx(-0.325)

    p = {"w": np.array([0.0])}
    opt = AdaGrad(lr=1.0)
    opt.update(p, {"w": np.array([3.0])})  # h = 9: step 3 / 3
    opt.update(p, {"w": np.array([4.0])})  # h = 25: step 4 / 5
    assert p["w"][0] == pytest.approx(-1.8, rel=1e-6)

    p = {"w": np.array([0.0])}
    RMSprop(lr=1.0, decay_rate=0.75).update(p, {"w": np.array([2.0])})  # h = 0.25 * 4 = 1
    assert p["w"][0] == pytest.approx(-2.0, rel=1e-6)


def test_adam_first_step_is_lr_times_sign():
    # with bias correction m_hat = g and v_hat = g**2 at the first step
    p = {"w": np.array([1.0, -2.0, 0.5])}
    g = {"w": np.array([0.3, -7.0, 100.0])}
    Adam(lr=0.01).update(p, g)
    np.testing.assert_allclose(p["w"], [0.99, -1.99, 0.49], rtol=1e-6)


def test_adam_counts_its_steps(rng):
    params, grads = make_problem(rng, steps=3)
    opt = Adam()
    for i, g in enumerate(grads, start=1):
        opt.update(params, g)
        assert opt.iter == i


@pytest.mark.parametrize(
    ("cls", "state"),
    [(Momentum, ["v"]), (Nesterov, ["v"]), (AdaGrad, ["h"]), (RMSprop, ["h"]), (Adam, ["m", "v"])],
)
def test_state_is_created_on_first_call_and_kept(rng, cls, state):
    params, grads = make_problem(rng, steps=2)
    opt = cls()
    opt.update(params, grads[0])
    first = {name: getattr(opt, name) for name in state}
    for name in state:
        assert set(first[name]) == set(params)
    snapshot = {name: {k: v.copy() for k, v in first[name].items()} for name in state}
    opt.update(params, grads[1])
    for name in state:
        current = getattr(opt, name)
        assert any(not np.array_equal(current[k], snapshot[name][k]) for k in params)


@pytest.mark.parametrize("name", list(CASES))
def test_update_in_place_reaches_arrays_held_elsewhere(rng, name):
    # a layer holding the same array (as Affine holds params['W1']) sees the update
    cls, _, hyper = CASES[name]
    W = rng.normal(size=(3, 2))
    held_by_layer = W
    params = {"W": W}
    before = W.copy()
    cls(**hyper).update(params, {"W": np.ones_like(W)})
    assert params["W"] is held_by_layer
    assert np.all(held_by_layer < before)


@pytest.mark.parametrize("name", list(CASES))
def test_grads_are_not_modified(rng, name):
    cls, _, hyper = CASES[name]
    params, grads = make_problem(rng, steps=2)
    opt = cls(**hyper)
    for g in grads:
        g0 = {k: v.copy() for k, v in g.items()}
        opt.update(params, g)
        for k in g:
            np.testing.assert_array_equal(g[k], g0[k])


@pytest.mark.parametrize("name", list(CASES))
def test_separate_optimizers_do_not_share_state(rng, name):
    cls, rule, hyper = CASES[name]
    p1, grads1 = make_problem(rng, steps=3)
    p2, grads2 = make_problem(rng, steps=3)
    opt1, opt2 = cls(**hyper), cls(**hyper)
    r1, r2 = rule(**hyper), rule(**hyper)
    e1, e2 = {k: v.copy() for k, v in p1.items()}, {k: v.copy() for k, v in p2.items()}
    s1, s2 = {}, {}
    for g1, g2 in zip(grads1, grads2):
        opt1.update(p1, g1)
        opt2.update(p2, g2)
        e1, e2 = r1(e1, g1, s1), r2(e2, g2, s2)
    for k in p1:
        np.testing.assert_allclose(p1[k], e1[k], rtol=1e-6, atol=1e-9)
        np.testing.assert_allclose(p2[k], e2[k], rtol=1e-6, atol=1e-9)


@given(
    st.sampled_from(list(CASES)),
    st.integers(1, 4),
    st.integers(1, 5),
    st.integers(1, 8),
    st.integers(0, 2**31 - 1),
)
def test_trajectory_property(name, rows, cols, steps, seed):
    rng = np.random.default_rng(seed)
    cls, rule, hyper = CASES[name]
    params = {"W": rng.normal(size=(rows, cols)), "b": rng.normal(size=cols)}
    grads = [
        {k: rng.uniform(0.5, 2.0, size=v.shape) * rng.choice([-1.0, 1.0], size=v.shape) for k, v in params.items()}
        for _ in range(steps)
    ]
    run_and_compare(cls(**hyper), rule(**hyper), params, grads)
