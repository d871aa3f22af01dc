"""Chapter 6: optimizers (SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam), Dropout,
Batch Normalization, weight initialisation and weight decay in MultiLayerNet(Extend),
the Trainer, and a short MNIST training run. 100 points."""
import functools
from typing import Any

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from grader.feedback.messages import Message as M
from grader.grading import diagnose, oracles
from grader.grading.checking import (
    GRADIENT_TOLERANCE,
    Mismatch,
    as_array,
    check,
    expect_close,
    expect_finite,
    expect_shape,
    relative_errors,
)
from grader.grading.checks.common import expect_backprop, mnist_images, mnist_labels, note_own_layers, rng_for
from grader.grading.diagnose import Diagnosis
from grader.grading.errors import StudentError
from grader.grading.probes.ch06 import (
    MNIST_HIDDEN,
    MNIST_TEST,
    probe_batchnorm,
    probe_dropout,
    probe_mnist_extend,
    probe_net,
    probe_net_dropout,
    probe_net_init,
    probe_optimizer,
    probe_optimizer_classes,
    probe_trainer,
)

# ================================================================== optimizers

# The grader's own update rules: step(state, W, g, t) -> new W, state a dict per key.

def _sgd(lr):
    def step(state, W, g, t):
        return W - lr * g
    return step


def _momentum(lr, momentum):
    def step(state, W, g, t):
        state["v"] = momentum * state.get("v", 0.0) - lr * g
        return W + state["v"]
    return step


def _nesterov_bengio(lr, momentum):
    """W += mu**2 * v - (1 + mu) * lr * g with the OLD v, then v = mu * v - lr * g."""
    def step(state, W, g, t):
        v = state.get("v", 0.0)
        state["v"] = momentum * v - lr * g
        return W + momentum**2 * v - (1 + momentum) * lr * g
    return step


def _nesterov_new_velocity(lr, momentum):
    """v = mu * v - lr * g first, then W += mu**2 * v - (1 + mu) * lr * g with the NEW v."""
    def step(state, W, g, t):
        state["v"] = momentum * state.get("v", 0.0) - lr * g
        return W + momentum**2 * state["v"] - (1 + momentum) * lr * g
    return step


def _root(value, eps, inside):
    """sqrt(value) + eps, or sqrt(value + eps): both are the book's idea of a small constant
    that keeps the division finite."""
    return np.sqrt(value + eps) if inside else np.sqrt(value) + eps


def _adagrad(lr, eps=1e-7, inside=False):
    def step(state, W, g, t):
        state["h"] = state.get("h", 0.0) + g * g
        return W - lr * g / _root(state["h"], eps, inside)
    return step


def _rmsprop(lr, decay_rate, eps=1e-7, inside=False):
    def step(state, W, g, t):
        state["h"] = decay_rate * state.get("h", 0.0) + (1 - decay_rate) * g * g
        return W - lr * g / _root(state["h"], eps, inside)
    return step


def _adam(lr, beta1, beta2, eps=1e-8, inside=False, folded=False):
    """Kingma and Ba's form: bias-corrected m_hat and v_hat, the constant added to v_hat's
    root; ``folded``: the book's form, both corrections folded into the step size
    lr_t = lr * sqrt(1 - beta2**t) / (1 - beta1**t) and the constant added to v's root."""
    def step(state, W, g, t):
        state["m"] = beta1 * state.get("m", 0.0) + (1 - beta1) * g
        state["v"] = beta2 * state.get("v", 0.0) + (1 - beta2) * g * g
        if folded:
            lr_t = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
            return W - lr_t * state["m"] / _root(state["v"], eps, inside)
        m_hat = state["m"] / (1 - beta1**t)
        v_hat = state["v"] / (1 - beta2**t)
        return W - lr * m_hat / _root(v_hat, eps, inside)
    return step


SMALL_CONSTANTS = (1e-7, 1e-8)  # the book's and the paper's


def with_small_constants(rule, **form):
    """The accepted forms of ``rule``: its small constant 1e-7 or 1e-8, outside or inside the
    root. Early on, Adam's v is about (1 - beta2) * g**2 (1e-3 g**2 with the defaults), so the
    place of the constant moves a step by up to 3e-4 relative: more than the tolerance, hence
    each form is a rule of its own rather than a looser tolerance."""
    return [functools.partial(rule, eps=eps, inside=inside, **form)
            for eps in SMALL_CONSTANTS for inside in (False, True)]


# Rules of the usual mistakes, to name them (never to accept them).

def _rmsprop_no_one_minus(lr, decay_rate, eps=1e-7, inside=False):
    def step(state, W, g, t):
        state["h"] = decay_rate * state.get("h", 0.0) + g * g
        return W - lr * g / _root(state["h"], eps, inside)
    return step


def _adam_no_bias_correction(lr, beta1, beta2, eps=1e-8, inside=False):
    def step(state, W, g, t):
        state["m"] = beta1 * state.get("m", 0.0) + (1 - beta1) * g
        state["v"] = beta2 * state.get("v", 0.0) + (1 - beta2) * g * g
        return W - lr * state["m"] / _root(state["v"], eps, inside)
    return step


def oracle_trajectory(step, params, grads, fresh=False, clock=None):
    """The values of every parameter after each step of the rule ``step``. ``fresh``: the
    state starts anew at every call (the time step stays 1); ``clock(t, i, k)``: the time
    step of the i-th of k parameters at call t (default t)."""
    values = {key: np.array(value, dtype=np.float64) for key, value in params.items()}
    states: dict[str, dict] = {key: {} for key in params}
    trajectory = []
    for t, g in enumerate(grads, start=1):
        new = {}
        for i, key in enumerate(values):
            if fresh:
                states[key] = {}
            time = 1 if fresh else clock(t, i, len(values)) if clock else t
            new[key] = step(states[key], values[key], g[key], time)
        values = new
        trajectory.append(values)
    return trajectory


def _per_key_clock(t, i, k):
    """A time step counted once per parameter instead of once per update call."""
    return (t - 1) * k + i + 1


def optimizer_inputs(rng, steps=5):
    """W1 (3, 4) and b1 (4,), and ``steps`` gradients. Each entry keeps one sign over the
    steps (so no displacement cancels out) with a magnitude in [0.4, 1.2] drawn anew each
    step: with gradients of this size the small constant (1e-7 or 1e-8, inside or outside
    the root, the paper's or the book's Adam) moves a step by less than 1e-4 relative."""
    params = {"W1": rng.normal(0, 1, size=(3, 4)), "b1": rng.normal(0, 1, size=4)}
    signs = {key: rng.choice([-1.0, 1.0], size=value.shape) for key, value in params.items()}
    grads = [{key: signs[key] * rng.uniform(0.4, 1.2, size=value.shape) for key, value in params.items()}
             for _ in range(steps)]
    return params, grads


OPTIMIZER_RTOL = 1e-4


def compare_trajectory(steps, expected, initial, rule):
    """The student's steps against ``expected``: displacement from the start after each step.
    ``rule`` (a Message) states the update rule in the reason."""
    if not isinstance(steps, list) or len(steps) != len(expected):
        raise Mismatch(M("ch06.opt.no_trajectory"))
    for number, (got, want) in enumerate(zip(steps, expected), start=1):
        for key, value in want.items():
            what = M("ch06.what.after_step", key=repr(key), step=number)
            moved = expect_finite(expect_shape(got["values"][key], value.shape, what), what) - initial[key]
            target = value - initial[key]
            close = np.isclose(moved, target, rtol=OPTIMIZER_RTOL, atol=1e-10)
            if not np.all(close):
                worst = np.argmax(np.abs(moved - target) / (np.abs(target) + 1e-300))
                index = np.unravel_index(worst, target.shape)
                where = tuple(int(i) for i in index)
                kind = "ch06.opt.moved_later" if number > 1 else "ch06.opt.moved"
                raise Mismatch(M(kind, step=number, key=repr(key), moved=moved[index], index=where,
                                 expected=target[index], rule=rule))


def without_state_hint(mismatch):
    """``mismatch`` with its reason no longer pointing at the state: a diagnosed mistake says
    more, and two likely causes must never both be printed."""
    if mismatch.diagnosis and getattr(mismatch.message, "id", None) == "ch06.opt.moved_later":
        mismatch.message = M("ch06.opt.moved", **mismatch.message.params)
    return mismatch


def follows(steps, expected, initial):
    """Whether the student's steps follow the trajectory ``expected`` (no reason needed)."""
    try:
        compare_trajectory(steps, expected, initial, "")
        return True
    except Mismatch:
        return False


def expect_in_place(steps):
    for number, got in enumerate(steps, start=1):
        for key, same in got["same"].items():
            if not same:
                raise Mismatch(M("ch06.opt.new_array", step=number, key=repr(key)), "rebinds_params")
            try:
                expect_close(got["original"][key], got["values"][key], M("ch06.what.original_array", key=repr(key)),
                             rtol=0, atol=0)
            except Mismatch as exc:
                exc.diagnosis = Diagnosis("rebinds_params")
                raise


def _kwargs_text(kwargs):
    return ", ".join(f"{k}={v}" for k, v in kwargs.items())


def optimizer_check(ctx, cls, rules, kwargs, defaults, rule_text, mistakes=()):
    """Cases of one optimizer: a trajectory with chosen hyper-parameters, one with the
    defaults, and the in-place update. ``rules`` builds every accepted form of the rule;
    ``mistakes``: (diagnosis, rule, options of oracle_trajectory) of the usual wrong forms,
    to name them; a state started anew at every call is always looked for."""
    rng = rng_for(ctx)

    def trajectory_case(init_kwargs, hyper):
        params, grads = optimizer_inputs(rng)
        steps = ctx.call(probe_optimizer, cls=cls, init_kwargs=init_kwargs, params=params, grads=grads)
        failures = []
        for rule in rules:
            try:
                compare_trajectory(steps, oracle_trajectory(rule(**hyper), params, grads), params, rule_text)
                return steps
            except Mismatch as exc:
                failures.append(exc)
        candidates = [("state_reset", rule, {"fresh": True}) for rule in rules] + list(mistakes)
        for diagnosis, rule, options in candidates:
            if follows(steps, oracle_trajectory(rule(**hyper), params, grads, **options), params):
                failures[0].diagnosis = Diagnosis(diagnosis)
                break
        raise without_state_hint(failures[0])

    right_with_chosen = []
    with ctx.case(M("ch06.opt.case.steps", call=f"{cls}({_kwargs_text(kwargs)})"), weight=3):
        trajectory_case(kwargs, kwargs)
        right_with_chosen.append(True)
    with ctx.case(M("ch06.opt.case.defaults", cls=cls, call=f"{cls}({_kwargs_text(defaults)})")):
        try:
            trajectory_case({}, defaults)
        except Mismatch as exc:
            exc.diagnosis = exc.diagnosis or (Diagnosis("default_hyperparameters") if right_with_chosen else None)
            reason = without_state_hint(exc).message
            raise Mismatch(M("ch06.opt.defaults_question", text=reason, defaults=_kwargs_text(defaults)),
                           exc.diagnosis) from None
    with ctx.case(M("ch06.opt.case.in_place"), weight=2, property_only=True):
        params, grads = optimizer_inputs(rng, steps=3)
        expect_in_place(ctx.call(probe_optimizer, cls=cls, init_kwargs=kwargs, params=params, grads=grads))


@check("ch06", "SGD.update moves params by -lr * grad, in place", points=4, book="6.1.2")
def sgd_update(ctx):
    optimizer_check(ctx, "SGD", [_sgd], {"lr": 0.05}, {"lr": 0.01}, M("ch06.rule.sgd"))

    def one_step(shape, lr, seed):
        rng = np.random.default_rng(seed)
        params = {"W": rng.normal(0, 1, size=shape)}
        grads = [{"W": rng.normal(0, 1, size=shape)}]
        steps = ctx.call(probe_optimizer, cls="SGD", init_kwargs={"lr": lr}, params=params, grads=grads)
        compare_trajectory(steps, oracle_trajectory(_sgd(lr), params, grads), params,
                           M("ch06.rule.sgd_shape", shape=shape, lr=lr))

    with ctx.case(M("ch06.opt.case.any_shape")):
        ctx.forall(one_step, hnp.array_shapes(min_dims=1, max_dims=4, max_side=5),
                   st.sampled_from([1e-3, 0.02, 0.3, 1.0]), st.integers(0, 2**16), examples=10)


@check("ch06", "Momentum.update follows v = momentum * v - lr * grad, W += v across steps", points=6,
       book="6.1.4")
def momentum_update(ctx):
    # A positive velocity (v = mu * v + g; W -= lr * v) gives the same trajectory.
    optimizer_check(ctx, "Momentum", [_momentum], {"lr": 0.05, "momentum": 0.8},
                    {"lr": 0.01, "momentum": 0.9}, M("ch06.rule.momentum"))


@check("ch06", "Nesterov.update follows Nesterov's momentum rule across steps", points=5, book="6.1.4")
def nesterov_update(ctx):
    # Both the Bengio et al. form and the form with the new velocity (the book's code) pass.
    optimizer_check(ctx, "Nesterov", [_nesterov_bengio, _nesterov_new_velocity],
                    {"lr": 0.05, "momentum": 0.8}, {"lr": 0.01, "momentum": 0.9}, M("ch06.rule.nesterov"),
                    mistakes=[("nesterov_plain_momentum", _momentum, {})])


@check("ch06", "AdaGrad.update divides by the root of the summed squared gradients", points=5, book="6.1.5")
def adagrad_update(ctx):
    optimizer_check(ctx, "AdaGrad", with_small_constants(_adagrad), {"lr": 0.1}, {"lr": 0.01},
                    M("ch06.rule.adagrad"))


@check("ch06", "RMSprop.update divides by the root of a decaying average of squared gradients", points=5,
       book="6.1.5")
def rmsprop_update(ctx):
    optimizer_check(ctx, "RMSprop", with_small_constants(_rmsprop), {"lr": 0.02, "decay_rate": 0.9},
                    {"lr": 0.01, "decay_rate": 0.99}, M("ch06.rule.rmsprop"),
                    mistakes=[("rmsprop_no_one_minus", rule, {})
                              for rule in with_small_constants(_rmsprop_no_one_minus)])


@check("ch06", "Adam.update follows Adam with bias correction across steps", points=6, book="6.1.6")
def adam_update(ctx):
    # The paper's form and the book's (bias corrections folded into lr_t) both pass.
    optimizer_check(ctx, "Adam", with_small_constants(_adam) + with_small_constants(_adam, folded=True),
                    {"lr": 0.01, "beta1": 0.8, "beta2": 0.99},
                    {"lr": 0.001, "beta1": 0.9, "beta2": 0.999}, M("ch06.rule.adam"),
                    mistakes=[("adam_no_bias_correction", rule, {})
                              for rule in with_small_constants(_adam_no_bias_correction)]
                    + [("adam_step_count", rule, {"clock": _per_key_clock})
                       for rule in with_small_constants(_adam) + with_small_constants(_adam, folded=True)])


# ================================================================== Dropout

def _dropout_inputs(rng):
    x = rng.uniform(0.5, 1.5, size=(200, 200))  # no zeros: a zero in the output means a dropped unit
    dout = rng.normal(0, 1, size=x.shape)
    dout[np.abs(dout) < 1e-3] = 0.5
    return x, dout


def _scale(out, x, what):
    """The common factor out / x of the kept (nonzero) units of ``out``."""
    out = expect_shape(out, x.shape, what)
    expect_finite(out, what)
    kept = out != 0
    if not np.any(kept):
        raise Mismatch(M("ch06.dropout.all_zero", what=what))
    ratios = out[kept] / x[kept]
    if not np.allclose(ratios, ratios[0], rtol=1e-6):
        raise Mismatch(M("ch06.dropout.no_common_factor", what=what, low=ratios.min(), high=ratios.max()))
    return float(ratios[0]), float(np.mean(~kept))


@check("ch06", "Dropout.forward drops units in training and keeps the expected output in test mode",
       points=5, book="6.4.3")
def dropout_forward(ctx):
    rng = rng_for(ctx)
    x, _ = _dropout_inputs(rng)
    ratio = 0.3
    training, testing = M("ch06.what.training_output"), M("ch06.what.test_output")
    with ctx.case(M("ch06.dropout.case.fraction"), weight=2):
        got = ctx.call(probe_dropout, x=x, dout=None, init_args=[ratio], train_calls=1)
        _, dropped = _scale(got["trains"][0], x, training)
        if abs(dropped - ratio) > 0.015:
            raise Mismatch(M("ch06.dropout.fraction", dropped=dropped, ratio=ratio))
    with ctx.case(M("ch06.dropout.case.test_mode")):
        got = ctx.call(probe_dropout, x=x, dout=None, init_args=[ratio], train_calls=1)
        _, dropped = _scale(got["tests"][0], x, testing)
        if dropped:
            raise Mismatch(M("ch06.dropout.test_drops", dropped=dropped))
        expect_close(got["tests"][1], got["tests"][0], M("ch06.what.second_test_output"), rtol=0, atol=0)
    with ctx.case(M("ch06.dropout.case.mean"), weight=2):
        got = ctx.call(probe_dropout, x=x, dout=None, init_args=[ratio], train_calls=1)
        train_mean = float(np.mean(as_array(got["trains"][0], training)))
        test_mean = float(np.mean(as_array(got["tests"][0], testing)))
        if not np.isclose(train_mean, test_mean, rtol=0.03):
            raise Mismatch(M("ch06.dropout.means", train=train_mean, test=test_mean), "dropout_test_scale")
    with ctx.case(M("ch06.dropout.case.new_mask"), property_only=True):
        got = ctx.call(probe_dropout, x=x, dout=None, init_args=[ratio], train_calls=2)
        first, second = (as_array(out, training) for out in got["trains"])
        if np.array_equal(first == 0, second == 0):
            raise Mismatch(M("ch06.dropout.same_units"), "dropout_mask_reused")
    with ctx.case(M("ch06.dropout.case.default")):
        got = ctx.call(probe_dropout, x=x, dout=None, init_args=[], train_calls=1)
        _, dropped = _scale(got["trains"][0], x, training)
        if abs(dropped - 0.5) > 0.015:
            raise Mismatch(M("ch06.dropout.default", dropped=dropped), "default_hyperparameters")


@check("ch06", "Dropout.backward passes the gradient through the units kept by the last forward", points=4,
       book="6.4.3")
def dropout_backward(ctx):
    rng = rng_for(ctx)
    x, dout = _dropout_inputs(rng)
    got = {}
    training = M("ch06.what.training_output")
    with ctx.case(M("ch06.dropout.case.backward_mask"), weight=2):
        got = ctx.call(probe_dropout, x=x, dout=dout, init_args=[0.3], train_calls=2)
        out = expect_shape(got["trains"][-1], x.shape, training)
        dx = expect_shape(got["dx"], x.shape, "dx")
        expect_finite(dx, "dx")
        wrong = (dx == 0) != (out == 0)
        if np.any(wrong):
            raise Mismatch(M("ch06.dropout.backward_zeros", zeros=int(np.sum(dx == 0)), dropped=int(np.sum(out == 0)),
                             differ=int(np.sum(wrong))), "dropout_new_mask")
    with ctx.case(M("ch06.dropout.case.backward_scale"), weight=2):
        if not got:
            got = ctx.call(probe_dropout, x=x, dout=dout, init_args=[0.3], train_calls=2)
        out = expect_shape(got["trains"][-1], x.shape, training)
        expect_close(got["dx"], dout * out / x, "dx", rtol=1e-6, atol=1e-9, dout=dout)


# ================================================================== BatchNormalization

def _bn_batch(rng, shape):
    """Columns with different means and spreads, so that normalising over the wrong axis shows."""
    flat = rng.normal(0, 1, size=(shape[0], int(np.prod(shape[1:]))))
    # Batch variance at least 16 per column: with eps anywhere from 1e-8 to 1e-5 the outputs
    # and gradients then agree with the grader's (eps 1e-7) to 1e-6 relative, even where
    # the terms of dx nearly cancel.
    flat = (flat - flat.mean(axis=0)) / flat.std(axis=0)
    flat *= rng.uniform(4, 12, size=flat.shape[1])
    flat += rng.uniform(-20, 20, size=flat.shape[1])
    return flat.reshape(shape)


BN_RTOL = 1e-4  # room for eps anywhere between 1e-8 and 1e-5


def _normalised_by_running(x, gamma, beta, forwards):
    """A training forward that normalises with the running averages (momentum 0.9, from 0)
    after ``forwards`` updates by this batch: the mistake 'running averages in training'."""
    flat = x.reshape(len(x), -1)
    share = 1 - 0.9**forwards
    out = gamma * (flat - share * flat.mean(axis=0)) / np.sqrt(share * flat.var(axis=0) + 1e-7) + beta
    return out.reshape(x.shape)


@check("ch06", "BatchNormalization.forward normalises with the batch mean and variance in training", points=6,
       book="6.3.1")
def batchnorm_forward(ctx):
    rng = rng_for(ctx)
    output = M("ch06.what.output")
    for shape, weight in (((8, 5), 2), ((4, 2, 3, 3), 2)):
        label = M("ch06.bn.case.forward_4d" if len(shape) == 4 else "ch06.bn.case.forward", shape=shape)
        with ctx.case(label, weight=weight):
            d = int(np.prod(shape[1:]))
            x = _bn_batch(rng, shape)
            gamma, beta = rng.uniform(0.5, 2.0, size=d), rng.normal(0, 1, size=d)
            got = ctx.call(probe_batchnorm, gamma=gamma, beta=beta, batches=[x])
            expected = oracles.batchnorm_train(x, gamma, beta)[0]
            out = expect_shape(got["outs"][0], shape, output, expected)
            plain = oracles.batchnorm_train(x, np.ones(d), np.zeros(d))[0]
            if np.allclose(out, plain, rtol=BN_RTOL, atol=1e-6) and not np.allclose(plain, expected):
                raise Mismatch(M("ch06.bn.no_gamma_beta"), "batchnorm_no_gamma_beta")
            expect_close(out, expected, output, rtol=BN_RTOL, atol=1e-6,
                         known=lambda x=x, gamma=gamma, beta=beta: [
                             ("batchnorm_running_in_training", _normalised_by_running(x, gamma, beta, 1))])
    with ctx.case(M("ch06.bn.case.twice"), weight=1):
        x = _bn_batch(rng, (6, 4))
        got = ctx.call(probe_batchnorm, gamma=np.ones(4), beta=np.zeros(4), batches=[x, x])
        try:
            expect_close(got["batches_after"][0], x, M("ch06.what.x_after_forward"), rtol=0, atol=0)
        except Mismatch as exc:
            exc.diagnosis = Diagnosis("mutates_input")
            raise
        expect_close(got["outs"][1], oracles.batchnorm_train(x, np.ones(4), np.zeros(4))[0],
                     M("ch06.what.second_output"), rtol=BN_RTOL, atol=1e-6,
                     known=lambda x=x: [("batchnorm_running_in_training",
                                         _normalised_by_running(x, np.ones(4), np.zeros(4), 2))])
    with ctx.case(M("ch06.bn.case.standardised"), weight=1, property_only=True):
        x = _bn_batch(rng, (10, 3))
        got = ctx.call(probe_batchnorm, gamma=np.ones(3), beta=np.zeros(3), batches=[x])
        out = expect_shape(got["outs"][0], (10, 3), output)
        expect_close(out.mean(axis=0), np.zeros(3), M("ch06.what.column_means"), rtol=0, atol=1e-6)
        expect_close(out.var(axis=0), np.ones(3), M("ch06.what.column_variances"), rtol=1e-4)


def _running_oracle(batches, momentum, mean0, var0, ddof):
    mean, var = np.array(mean0, dtype=np.float64), np.array(var0, dtype=np.float64)
    history = []
    for x in batches:
        flat = x.reshape(len(x), -1)
        mean = momentum * mean + (1 - momentum) * flat.mean(axis=0)
        var = momentum * var + (1 - momentum) * flat.var(axis=0, ddof=ddof)
        history.append((mean, var))
    return history


def _follows_running(got_running, history):
    try:
        for got, (mean, var) in zip(got_running, history):
            expect_close(got["mean"], mean, "running_mean", rtol=1e-6)
            expect_close(got["var"], var, "running_var", rtol=1e-6)
        return True
    except Mismatch:
        return False


def expect_running(got_running, batches, momentum, mean0, var0):
    """The running averages after each batch; the biased (book) or unbiased batch variance.
    Returns the variance convention that matched (ddof)."""
    failure = None
    for ddof in (0, 1):
        try:
            for number, (got, (mean, var)) in enumerate(
                    zip(got_running, _running_oracle(batches, momentum, mean0, var0, ddof)), start=1):
                expect_close(got["mean"], mean, M("ch06.what.running_after", name="running_mean", n=number),
                             rtol=1e-6)
                expect_close(got["var"], var, M("ch06.what.running_after", name="running_var", n=number),
                             rtol=1e-6)
            return ddof
        except Mismatch as exc:
            failure = failure or exc
    assert failure is not None  # both conventions failed
    diagnosis = None
    if _follows_running(got_running, [(np.asarray(mean0), np.asarray(var0))] * len(batches)):
        diagnosis = Diagnosis("running_not_updated")
    elif any(_follows_running(got_running, _running_oracle(batches, 1 - momentum, mean0, var0, ddof))
             for ddof in (0, 1)):
        diagnosis = Diagnosis("momentum_swapped")
    raise Mismatch(M("ch06.bn.running_rule", text=failure.message), diagnosis)


@check("ch06", "BatchNormalization keeps running averages and uses them in test mode", points=5, book="6.3.1")
def batchnorm_running(ctx):
    rng = rng_for(ctx)
    d = 5
    gamma, beta = rng.uniform(0.5, 2.0, size=d), rng.normal(0, 1, size=d)
    batches = [_bn_batch(rng, (8, d)) for _ in range(3)]
    test_x = _bn_batch(rng, (6, d))
    ddof = 0
    runs: list[dict] = []

    def run():
        if not runs:
            runs.append(ctx.call(probe_batchnorm, gamma=gamma, beta=beta, batches=batches, test_x=test_x))
        return runs[0]

    with ctx.case(M("ch06.bn.case.running"), weight=2):
        ddof = expect_running(run()["running"], batches, 0.9, np.zeros(d), np.zeros(d))
    with ctx.case(M("ch06.bn.case.constructor")):
        mean0, var0 = rng.normal(0, 1, size=d), rng.uniform(0.5, 2, size=d)
        other = ctx.call(probe_batchnorm, gamma=gamma, beta=beta, batches=batches,
                         init_kwargs={"momentum": 0.6, "running_mean": mean0.copy(),
                                      "running_var": var0.copy()})
        expect_running(other["running"], batches, 0.6, mean0, var0)
    with ctx.case(M("ch06.bn.case.test_mode"), weight=2):
        got = run()
        mean, var = _running_oracle(batches, 0.9, np.zeros(d), np.zeros(d), ddof)[-1]
        expected = gamma * (test_x - mean) / np.sqrt(var + 1e-7) + beta
        out = expect_shape(got["test_out"], test_x.shape, M("ch06.what.test_output"))
        batch = oracles.batchnorm_train(test_x, gamma, beta)[0]
        if np.allclose(out, batch, rtol=BN_RTOL, atol=1e-6):
            raise Mismatch(M("ch06.bn.batch_stats_in_test"), "batchnorm_batch_stats_in_test")
        expect_close(out, expected, M("ch06.what.test_output"), rtol=BN_RTOL, atol=1e-6)
    with ctx.case(M("ch06.bn.case.test_unchanged"), property_only=True):
        got = run()
        after = got["running_after_test"]
        expect_close(after["mean"], as_array(got["running"][-1]["mean"], "running_mean"),
                     M("ch06.what.after_test", name="running_mean"), rtol=0, atol=0)
        expect_close(after["var"], as_array(got["running"][-1]["var"], "running_var"),
                     M("ch06.what.after_test", name="running_var"), rtol=0, atol=0)


def expect_gradients(got, expected, what=None, known=None):
    """Every array of the dict ``got`` matches the grader's numerical gradient ``expected``.
    Entries far below the largest gradient of all parameters are judged on that scale (so
    a gradient that is zero in theory, such as a bias before batch normalization, passes
    when it is about zero). Names are ``what[key]`` (``key`` alone without ``what``);
    ``known``: a callable giving (diagnosis, dict of arrays) pairs of known mistakes."""
    def name(key):
        return key if what is None else f"{what}[{key!r}]"

    if not isinstance(got, dict):
        raise Mismatch(M("ch06.grads.not_dict", what=what or "gradient"))
    missing = [key for key in expected if key not in got]
    if missing:
        raise Mismatch(M("ch06.grads.missing", what=what or "gradient", keys=", ".join(repr(k) for k in missing)))
    floor = 1e-3 * max(float(np.max(np.abs(e), initial=0.0)) for e in expected.values()) + 1e-12
    worst: tuple[float, Any, Any, Any] = (-1.0, None, None, None)  # error, key, index, errors
    arrays = {}
    for key, e in expected.items():
        a = expect_shape(got[key], e.shape, name(key), e, others={k: v for k, v in expected.items() if k != key})
        expect_finite(a, name(key))
        arrays[key] = a
        errors = np.abs(a - e) / np.maximum(np.abs(a) + np.abs(e), floor)
        index = np.unravel_index(int(np.argmax(errors)), errors.shape) if errors.ndim else ()
        if errors[index] > worst[0]:
            worst = (float(errors[index]), key, index, errors)
    error, key, index, errors = worst
    if error > GRADIENT_TOLERANCE:
        a, e = arrays[key], expected[key]
        diagnosis = None
        for found, candidate in (known() if known else []):
            if all(diagnose.same(arrays[k], candidate[k], tol=1e-4) for k in expected):
                diagnosis = Diagnosis(found)
                break
        diagnosis = diagnosis or diagnose.diagnose(a, e, others={k: v for k, v in expected.items() if k != key})
        plot = {"kind": "gradient_error", "errors": relative_errors(a, e), "what": name(key)}
        if index:
            message = M("cmp.gradient_at", what=name(key), error=error, index=tuple(int(i) for i in index),
                        got=a[index], expected=e[index])
        else:
            message = M("cmp.gradient", what=name(key), error=error, got=float(a), expected=float(e))
        raise Mismatch(message, diagnosis, plot)


def _bn_output_sum(x, gamma, beta, dout):
    """sum(batchnorm(x) * dout): its gradients are what backward(dout) should give."""
    return float(np.sum(oracles.batchnorm_train(x, gamma, beta)[0] * dout))


def _bn_dx_without_variance_term(x, gamma, dout):
    """dx of a backward that forgot the path through the batch variance."""
    flat = x.reshape(len(x), -1)
    dxn = dout.reshape(len(x), -1) * gamma
    dx = (dxn - dxn.mean(axis=0)) / np.sqrt(flat.var(axis=0) + 1e-7)
    return dx.reshape(x.shape)


@check("ch06", "BatchNormalization.backward matches numerical gradient for x, gamma and beta", points=8,
       book="6.3.1")
def batchnorm_backward(ctx):
    rng = rng_for(ctx)
    for shape in ((6, 4), (3, 2, 2, 3)):
        d = int(np.prod(shape[1:]))
        x = _bn_batch(rng, shape)
        gamma, beta = rng.uniform(0.5, 2.0, size=d), rng.normal(0, 1, size=d)
        dout = rng.normal(0, 1, size=shape)
        inputs = {"gamma": gamma, "beta": beta, "batches": [x], "dout": dout}
        got = {}
        with ctx.case(M("ch06.bn.case.dx", shape=shape), weight=2):
            got = ctx.call(probe_batchnorm, **inputs)
            expected = oracles.numerical_gradient(lambda v: _bn_output_sum(v, gamma, beta, dout), x)  # noqa: B023
            expect_gradients({"dx": got["dx"]}, {"dx": expected}, "backward",
                             known=lambda x=x, gamma=gamma, dout=dout: [
                                 ("batchnorm_missing_term", {"dx": _bn_dx_without_variance_term(x, gamma, dout)})])
        with ctx.case(M("ch06.bn.case.dgamma", shape=shape)):
            got = got or ctx.call(probe_batchnorm, **inputs)
            expected = {
                "dgamma": oracles.numerical_gradient(lambda v: _bn_output_sum(x, v, beta, dout), gamma),  # noqa: B023
                "dbeta": oracles.numerical_gradient(lambda v: _bn_output_sum(x, gamma, v, dout), beta),  # noqa: B023
            }
            expect_gradients({"dgamma": got["dgamma"], "dbeta": got["dbeta"]}, expected)


# ================================================================== MultiLayerNet

def _net_inputs(rng, sizes, n=5, batchnorm=False, scale=0.7):
    """Parameters (W std ``scale``), x: (n, sizes[0]) and labels t: (n,)."""
    params = {}
    for i in range(1, len(sizes)):
        params[f"W{i}"] = rng.normal(0, scale, size=(sizes[i - 1], sizes[i]))
        params[f"b{i}"] = rng.normal(0, 0.3, size=sizes[i])
        if batchnorm and i < len(sizes) - 1:
            params[f"gamma{i}"] = rng.uniform(0.5, 1.5, size=sizes[i])
            params[f"beta{i}"] = rng.normal(0, 0.3, size=sizes[i])
    x = rng.normal(0, 1, size=(n, sizes[0]))
    t = rng.integers(0, sizes[-1], size=n)
    return params, x, t


def _bn_net_inputs(rng, sizes, n, activation):
    """Like _net_inputs, with large weights in front of each batch normalization, redrawn
    until every input of one has a batch variance of at least 10 per unit (so that the
    choice of eps, 1e-8 to 1e-5, does not matter)."""
    act = oracles.relu if activation == "relu" else oracles.sigmoid
    for _ in range(1000):  # one to a few draws in practice
        params, x, t = _net_inputs(rng, sizes, n=n, batchnorm=True)
        for i in range(1, len(sizes) - 1):
            params[f"W{i}"] *= 8
        h, smallest = x, np.inf
        for i in range(1, len(sizes) - 1):
            h = oracles.affine(h, params[f"W{i}"], params[f"b{i}"])
            smallest = min(smallest, float(h.var(axis=0).min()))
            h = act(oracles.batchnorm_train(h, params[f"gamma{i}"], params[f"beta{i}"])[0])
        if smallest >= 10:
            return params, x, t
    raise RuntimeError("no network inputs with large enough batch variances were drawn")


def _net_result(got, cls, init):
    call = f"{cls}({_kwargs_text(init)})"
    if got.get("problem") == "missing":
        raise Mismatch(M("ch06.net.no_key", call=call, key=repr(got["key"])))
    if got.get("problem") == "shape":
        raise Mismatch(M("ch06.net.key_shape", call=call, key=repr(got["key"]), shape=tuple(got["shape"]),
                         expected=tuple(got["expected"])))
    return got


INIT_SIZES = (400, 300, 200)  # W1: 400 inputs -> 300, W2: 300 -> 200: enough weights for a 4 % std test
INIT_STDS = {  # weight_init_std: (std as a function of fan_in, in words)
    "relu": (lambda n: np.sqrt(2 / n), "sqrt(2 / fan_in)"),
    "he": (lambda n: np.sqrt(2 / n), "sqrt(2 / fan_in)"),
    "sigmoid": (lambda n: np.sqrt(1 / n), "sqrt(1 / fan_in)"),
    "xavier": (lambda n: np.sqrt(1 / n), "sqrt(1 / fan_in)"),
    0.05: (lambda n: 0.05, M("ch06.init.the_number")),
}


@check("ch06", "MultiLayerNet draws He, Xavier and fixed-std initial weights", points=5, book="6.2")
def net_initialisation(ctx):
    cases = [("MultiLayerNet", setting) for setting in INIT_STDS] + [("MultiLayerNetExtend", "relu")]
    for cls, setting in cases:
        std_of, words = INIT_STDS[setting]
        label = M("ch06.init.case", setting=repr(setting), words=words) if cls == "MultiLayerNet" else \
            M("ch06.init.case_class", cls=cls, setting=repr(setting), words=words)
        with ctx.case(label):
            params = ctx.call(probe_net_init, sizes=list(INIT_SIZES), weight_init_std=setting, cls=cls)
            expect_initial_weights(params, setting, std_of, words)


def expect_initial_weights(params, setting, std_of, words):
    """params of a network of INIT_SIZES: W{i} of std std_of(fan_in) and mean about 0, b{i} zero."""
    if not isinstance(params, dict):
        raise Mismatch(M("ch06.init.not_dict"))
    for i in range(1, len(INIT_SIZES)):
        fan_in, fan_out = INIT_SIZES[i - 1], INIT_SIZES[i]
        if f"W{i}" not in params or f"b{i}" not in params:
            raise Mismatch(M("ch06.init.missing", i=i))
        W = expect_shape(params[f"W{i}"], (fan_in, fan_out), f"W{i}")
        expect_close(params[f"b{i}"], np.zeros(fan_out), f"b{i}", rtol=0, atol=0)
        want = std_of(fan_in)
        if abs(W.std() / want - 1) > 0.04 or abs(W.mean()) > 0.1 * want:
            diagnosis = None
            if abs(W.std() / np.sqrt(1 / fan_in) - 1) <= 0.04 and setting in ("relu", "he"):
                diagnosis = "he_as_xavier"
            elif abs(W.std() / np.sqrt(2 / fan_in) - 1) <= 0.04 and setting in ("sigmoid", "xavier"):
                diagnosis = "xavier_as_he"
            raise Mismatch(M("ch06.init.std", i=i, fan_in=fan_in, mean=W.mean(), std=W.std(), words=words,
                             want=want), diagnosis)


def _net_call(ctx, cls, init, params, x, t, train_flg=None, stand_ins=None):
    """probe_net's result (on every stand-in layer unless ``stand_ins`` names fewer)."""
    more = {} if stand_ins is None else {"stand_ins": stand_ins}
    return _net_result(ctx.call(probe_net, cls=cls, init_kwargs=init, params=params, x=x, t=t,
                                train_flg=train_flg, **more), cls, init)


def _note_own_layers(ctx, cls, runs):
    """After a network check passed on the stand-in layers: the note that says whether the
    network also passes with the student's own layers (grader.grading.checks.common.note_own_layers).
    ``runs``: dicts of a run's inputs (init, params, x, t, train_flg), what it must give (loss:
    (value, atol) or None; gradients) and the stand-ins the network held (used)."""
    if not all(case.passed for case in ctx.result.cases):
        return

    def right(stand_ins):
        for run in runs:
            got = _net_call(ctx, cls, run["init"], run["params"], run["x"], run["t"], run["train_flg"],
                            stand_ins=stand_ins)
            if run["loss"] is not None:
                expected, atol = run["loss"]
                expect_close(got["loss"], expected, M("what.loss"), rtol=1e-4, atol=atol)
            expect_gradients(got["grads"], run["gradients"], "gradient")

    note_own_layers(ctx, right, sorted({name for run in runs for name in run["used"]}))


def _sizes_kwargs(sizes, **more):
    return {"input_size": sizes[0], "hidden_size_list": list(sizes[1:-1]), "output_size": sizes[-1], **more}


@check("ch06", "MultiLayerNet weight decay adds 0.5 * lambda * sum(W**2) to the loss and lambda * W to dW",
       points=6, book="6.4.2")
def net_weight_decay(ctx):
    rng = rng_for(ctx)
    sizes = (5, 4, 3, 3)
    lam = 0.1
    params, x, t = _net_inputs(rng, sizes)
    squares = sum(np.sum(params[f"W{i}"] ** 2) for i in range(1, len(sizes)))
    runs = {}

    def run(decay):
        if decay not in runs:
            runs[decay] = _net_call(ctx, "MultiLayerNet", _sizes_kwargs(sizes, weight_decay_lambda=decay),
                                    params, x, t)
        return runs[decay]

    with ctx.case(M("ch06.decay.case.loss", lam=lam), weight=2):
        loss = M("what.loss")
        difference = float(as_array(run(lam)["loss"], loss)) - float(as_array(run(0)["loss"], loss))
        if not np.isclose(difference, 0.5 * lam * squares, rtol=1e-6):
            diagnosis = None
            biases = sum(np.sum(params[f"b{i}"] ** 2) for i in range(1, len(sizes)))
            if np.isclose(difference, lam * squares, rtol=1e-6):
                diagnosis = "decay_missing_half"
            elif np.isclose(difference, 0.5 * lam * (squares + biases), rtol=1e-6):
                diagnosis = "decay_on_biases"
            raise Mismatch(M("ch06.decay.adds", difference=difference, expected=0.5 * lam * squares), diagnosis)
    with ctx.case(M("ch06.decay.case.gain"), weight=2):
        expect_backprop(run(lam).get("calls"), "MultiLayerNet")
        for key in params:
            grads = [run(decay)["grads"] for decay in (lam, 0)]
            if not all(isinstance(g, dict) and key in g for g in grads):
                raise Mismatch(M("ch06.decay.no_key", key=repr(key)))
            gain = as_array(grads[0][key], f"gradient[{key!r}]") - as_array(grads[1][key], f"gradient[{key!r}]")
            weight = key.startswith("W")
            want = lam * params[key] if weight else np.zeros_like(params[key])
            known = [("decay_missing_in_gradient", np.zeros_like(params[key]))] if weight else \
                [("decay_on_biases", lam * params[key])]
            expect_close(gain, want, M("ch06.what.decay_gain", key=repr(key)), rtol=1e-6, atol=1e-9, known=known)
    with ctx.case(M("ch06.decay.case.numerical"), weight=2):
        expected = oracles.numerical_gradients(
            lambda p: oracles.mlp_loss(p, x, t, len(sizes) - 2, weight_decay=lam), params)
        undecayed = lambda: [("decay_missing_in_gradient", oracles.numerical_gradients(  # noqa: E731
            lambda p: oracles.mlp_loss(p, x, t, len(sizes) - 2), params))]
        expect_backprop(run(lam).get("calls"), "MultiLayerNet")
        expect_gradients(run(lam)["grads"], expected, "gradient", known=undecayed)


def _mlp_gradients(params, x, t, hidden, activation, batchnorm=False):
    return oracles.numerical_gradients(
        lambda p: oracles.mlp_loss(p, x, t, hidden, activation, batchnorm=batchnorm), params)


def _mlp_loss_batchnorm_after_activation(params, x, t, hidden, activation):
    """The loss of a network that normalises after the activation instead of before it."""
    act = oracles.relu if activation == "relu" else oracles.sigmoid
    h = np.asarray(x, dtype=np.float64)
    for i in range(1, hidden + 1):
        h = act(oracles.affine(h, params[f"W{i}"], params[f"b{i}"]))
        h = oracles.batchnorm_train(h, params[f"gamma{i}"], params[f"beta{i}"])[0]
    last = hidden + 1
    return oracles.softmax_cross_entropy(oracles.affine(h, params[f"W{last}"], params[f"b{last}"]), t)


@check("ch06", "MultiLayerNet.gradient matches numerical gradient (relu and sigmoid)", points=6, book="5.7.2")
def net_gradient(ctx):
    rng = rng_for(ctx)
    sizes = (5, 4, 3, 3)
    runs = []
    for activation in ("relu", "sigmoid"):
        params, x, t = _net_inputs(rng, sizes)
        init = _sizes_kwargs(sizes, activation=activation)
        loss, gradients = oracles.mlp_loss(params, x, t, 2, activation), _mlp_gradients(params, x, t, 2, activation)
        room = oracles.small_constant_room(oracles.mlp_scores(params, x, 2, activation), t)
        got = {}
        with ctx.case(M("ch06.net.case.loss", activation=repr(activation))):
            got = _net_call(ctx, "MultiLayerNet", init, params, x, t)
            expect_close(got["loss"], loss, M("what.loss"), rtol=1e-4, atol=room, batch=len(x))
        with ctx.case(M("ch06.net.case.gradient", activation=repr(activation)), weight=2):
            got = got or _net_call(ctx, "MultiLayerNet", init, params, x, t)
            expect_backprop(got.get("calls"), "MultiLayerNet")
            expect_gradients(got["grads"], gradients, "gradient")
        runs.append({"init": init, "params": params, "x": x, "t": t, "train_flg": None, "loss": (loss, room),
                     "gradients": gradients, "used": got.get("stand_ins", ()) if got else ()})
    _note_own_layers(ctx, "MultiLayerNet", runs)


@check("ch06", "MultiLayerNetExtend.gradient with batch normalization matches numerical gradient", points=6,
       book="6.3.1")
def net_extend_gradient(ctx):
    rng = rng_for(ctx)
    runs = []
    for activation, sizes, weight in (("relu", (5, 4, 3, 3), 2), ("sigmoid", (4, 3, 3), 1)):
        hidden = len(sizes) - 2
        params, x, t = _bn_net_inputs(rng, sizes, 8, activation)
        init = _sizes_kwargs(sizes, activation=activation, use_batchnorm=True)
        gradients = _mlp_gradients(params, x, t, hidden, activation, batchnorm=True)
        got = {}
        with ctx.case(M("ch06.net.case.extend", activation=repr(activation), hidden=hidden), weight=weight):
            got = _net_call(ctx, "MultiLayerNetExtend", init, params, x, t, train_flg=True)
            expect_backprop(got.get("calls"), "MultiLayerNetExtend")

            def after_activation(params=params, x=x, t=t, hidden=hidden, activation=activation):
                return [("batchnorm_after_activation", oracles.numerical_gradients(
                    lambda p: _mlp_loss_batchnorm_after_activation(p, x, t, hidden, activation), params))]

            expect_gradients(got["grads"], gradients, "gradient", known=after_activation)
        runs.append({"init": init, "params": params, "x": x, "t": t, "train_flg": True, "loss": None,
                     "gradients": gradients, "used": got.get("stand_ins", ()) if got else ()})
    _note_own_layers(ctx, "MultiLayerNetExtend", runs)


# The mean of 1000 training-mode predictions is within 1.8 % to 3 % (5 seeds) of the
# test-mode prediction for standard and inverted dropout alike; a test output off by the
# factor 1 - dropout_ratio lands at 30 %.
DROPOUT_REPEATS = 1000


def expect_test_mode_scores(scores, params, x, keep):
    """Test-mode scores of Affine-Relu-Dropout-Affine: the Dropout passes its input (inverted
    dropout) or scales it by ``keep`` (the book's)."""
    if not isinstance(params, dict) or any(k not in params for k in ("W1", "b1", "W2", "b2")):
        raise Mismatch(M("ch06.dropnet.params_missing"))
    W1, b1, W2, b2 = (as_array(params[k], f"params['{k}']") for k in ("W1", "b1", "W2", "b2"))
    hidden = oracles.relu(oracles.affine(x, W1, b1))
    candidates = [oracles.affine(scale * hidden, W2, b2) for scale in (keep, 1.0)]
    if not any(np.allclose(scores, c, rtol=1e-6, atol=1e-9) for c in candidates):
        expect_close(scores, candidates[0], "predict(x, train_flg=False)")


@check("ch06", "MultiLayerNetExtend with dropout is random in training, deterministic in test mode", points=3,
       book="6.4.3")
def net_extend_dropout(ctx):
    rng = rng_for(ctx)
    x = rng.normal(0, 1, size=(20, 6))
    got = {}
    with ctx.case(M("ch06.dropnet.case.test_twice")):
        got = ctx.call(probe_net_dropout, x=x, repeats=DROPOUT_REPEATS)
        first = expect_shape(got["tests"][0], (20, 3), "predict(x, train_flg=False)")
        expect_close(got["tests"][1], first, M("ch06.what.second_predict"), rtol=0, atol=0)
        expect_test_mode_scores(first, got.get("params"), x, keep=0.7)
    with ctx.case(M("ch06.dropnet.case.random"), property_only=True):
        if not got:
            got = ctx.call(probe_net_dropout, x=x, repeats=DROPOUT_REPEATS)
        a, b = (expect_shape(v, (20, 3), "predict(x, train_flg=True)") for v in got["trains"][:2])
        if np.array_equal(a, b):
            raise Mismatch(M("ch06.dropnet.identical"), "dropout_missing")
    with ctx.case(M("ch06.dropnet.case.mean"), property_only=True):
        if not got:
            got = ctx.call(probe_net_dropout, x=x, repeats=DROPOUT_REPEATS)
        test = as_array(got["tests"][0], "predict(x, train_flg=False)")
        mean = np.mean([as_array(v, "predict(x, train_flg=True)") for v in got["trains"]], axis=0)
        error = float(np.linalg.norm(mean - test) / np.linalg.norm(test))
        if not error < 0.1:
            raise Mismatch(M("ch06.dropnet.mean", repeats=DROPOUT_REPEATS, error=error), "dropout_test_scale")


# ================================================================== Trainer

def _optimizer_class_missing(ctx, name):
    """Whether common/optimizer.py has no class called ``name`` in any case (so a table of
    the Trainer has nothing to map the name to)."""
    try:
        classes = ctx.call(probe_optimizer_classes)
    except StudentError:
        return True
    return name.lower() not in {str(c).lower() for c in classes}


def _train(ctx, data, W, b, kwargs):
    """probe_trainer, with a KeyError on the optimizer's name explained."""
    try:
        return ctx.call(probe_trainer, data=data, W=W, b=b, kwargs=kwargs)
    except StudentError as exc:
        name = kwargs["optimizer"]
        text = exc.english
        if text.startswith("KeyError") and name.lower() in text.lower():
            looked_up = text.split("'")[1] if text.count("'") >= 2 else ""
            if _optimizer_class_missing(ctx, name):
                diagnosis = Diagnosis("optimizer_class_missing", {"name": name})
            elif looked_up == name and name != name.lower():
                diagnosis = Diagnosis("optimizer_name_case")
            else:
                diagnosis = Diagnosis("optimizer_key_spelling")
            raise Mismatch(M("ch06.trainer.not_found", name=repr(name), error=exc.message), diagnosis) from None
        raise


def _trainer_data(rng, train, test, features=4, classes=3):
    centres = rng.normal(0, 2, size=(classes, features))
    t_train = rng.integers(0, classes, size=train)
    t_test = rng.integers(0, classes, size=test)
    return {"x_train": centres[t_train] + rng.normal(0, 1, size=(train, features)), "t_train": t_train,
            "x_test": centres[t_test] + rng.normal(0, 1, size=(test, features)), "t_test": t_test}


def _in(values, pool, what):
    for v in values:
        if not np.any(np.isclose(v, pool, rtol=1e-12, atol=1e-12)):
            raise Mismatch(M("ch06.trainer.never_returned", what=what, value=v))


@check("ch06", "Trainer runs epochs * train_size / mini_batch_size iterations, one accuracy per epoch",
       points=5, book="4.5.3")
def trainer_loop(ctx):
    rng = rng_for(ctx)
    data = _trainer_data(rng, 300, 120)
    W, b = rng.normal(0, 0.1, size=(4, 3)), np.zeros(3)
    kwargs = {"epochs": 3, "mini_batch_size": 100, "optimizer": "SGD", "optimizer_param": {"lr": 0.1}}
    got: dict = {}

    def run():
        return got or _train(ctx, data, W, b, kwargs)

    with ctx.case(M("ch06.trainer.case.iterations"), weight=2):
        got = run()
        if len(got["batch_sizes"]) != 9:
            raise Mismatch(M("ch06.trainer.gradient_calls", n=len(got["batch_sizes"])), "iterations_per_epoch")
        if len(got["train_loss_list"]) != 9:
            raise Mismatch(M("ch06.trainer.loss_entries", n=len(got["train_loss_list"])))
    with ctx.case(M("ch06.trainer.case.batch_size")):
        got = run()
        if any(size != 100 for size in got["batch_sizes"]):
            raise Mismatch(M("ch06.trainer.batch_sizes", sizes=sorted(set(got["batch_sizes"]))))
    with ctx.case(M("ch06.trainer.case.accuracies"), weight=2):
        got = run()
        for name in ("train_acc_list", "test_acc_list"):
            if len(got[name]) != 3:
                raise Mismatch(M("ch06.trainer.accuracy_entries", name=name, n=len(got[name])))
    with ctx.case(M("ch06.trainer.case.own_values")):
        got = run()
        _in(got["train_acc_list"] + got["test_acc_list"], got["accuracies"], M("ch06.what.accuracy_list"))
        _in(got["train_loss_list"], got["losses"], "train_loss_list")
    with ctx.case(M("ch06.trainer.case.updates")):
        got = run()
        if np.allclose(as_array(got["params"]["W"], "network.params['W']"), W, rtol=0, atol=1e-12):
            raise Mismatch(M("ch06.trainer.unchanged"))
    with ctx.case(M("ch06.trainer.case.small")):
        small = _trainer_data(rng, 200, 60)
        other = _train(ctx, small, W, b,
                       {"epochs": 2, "mini_batch_size": 20, "optimizer": "sgd",
                        "optimizer_param": {"lr": 0.1}, "evaluate_sample_num_per_epoch": 30})
        if len(other["batch_sizes"]) != 20 or len(other["train_acc_list"]) != 2:
            raise Mismatch(M("ch06.trainer.small_counts", iterations=len(other["batch_sizes"]),
                             accuracies=len(other["train_acc_list"])),
                           "iterations_per_epoch" if len(other["batch_sizes"]) != 20 else None)
        if other["accuracy_sizes"][:4].count(30) != 4:
            raise Mismatch(M("ch06.trainer.evaluated_on", sizes=other["accuracy_sizes"][:4]))


OPTIMIZER_NAMES = ("SGD", "sgd", "Momentum", "Nesterov", "AdaGrad", "RMSprop", "rmsprop", "Adam")


@check("ch06", "Trainer accepts every optimizer name in any case", points=3)
def trainer_optimizer_names(ctx):
    rng = rng_for(ctx)
    data = _trainer_data(rng, 100, 40)
    W, b = rng.normal(0, 0.1, size=(4, 3)), np.zeros(3)
    for name in OPTIMIZER_NAMES:
        with ctx.case(f"optimizer={name!r}"):
            got = _train(ctx, data, W, b, {"epochs": 1, "mini_batch_size": 50, "optimizer": name,
                                           "optimizer_param": {"lr": 0.01}})
            cls = got["optimizer_class"]
            if cls is not None and cls.lower() != name.lower():
                raise Mismatch(M("ch06.trainer.made", name=repr(name), cls=cls))
            if np.allclose(as_array(got["params"]["W"], "network.params['W']"), W, rtol=0, atol=1e-12):
                raise Mismatch(M("ch06.trainer.name_unchanged", name=repr(name)))


# ================================================================== MNIST

BN_EPS = 1e-7  # the grader's epsilon of batch normalization (the book's 10e-7 changes no label)


def mnist_initial_params(rng):
    """The grader's initial params: He initialisation (the book's 'relu'), gamma 1, beta 0."""
    sizes = (784, *MNIST_HIDDEN, 10)
    params = {}
    for i in range(1, len(sizes)):
        params[f"W{i}"] = np.sqrt(2.0 / sizes[i - 1]) * rng.standard_normal((sizes[i - 1], sizes[i]))
        params[f"b{i}"] = np.zeros(sizes[i])
        if i < len(sizes) - 1:
            params[f"gamma{i}"], params[f"beta{i}"] = np.ones(sizes[i]), np.zeros(sizes[i])
    return params


def inference_scores(got, init, x):
    """The grader's own forward pass in inference mode (batch normalization by the running
    statistics) on the params and statistics the worker returned."""
    params = got.get("params") if isinstance(got.get("params"), dict) else {}
    running = got.get("running") if isinstance(got.get("running"), dict) else {}
    params = {key: expect_shape(params.get(key), value.shape, f"params['{key}']") for key, value in init.items()}
    h = np.asarray(x, dtype=np.float64)
    for i in range(1, len(MNIST_HIDDEN) + 1):
        h = oracles.affine(h, params[f"W{i}"], params[f"b{i}"])
        if running.get(f"mean{i}") is None or running.get(f"var{i}") is None:
            raise Mismatch(M("ch06.mnist.no_running", i=i))
        mean = expect_shape(running[f"mean{i}"], (MNIST_HIDDEN[i - 1],), f"BatchNorm{i}.running_mean")
        var = expect_shape(running[f"var{i}"], (MNIST_HIDDEN[i - 1],), f"BatchNorm{i}.running_var")
        h = (h - mean) / np.sqrt(np.maximum(var, 0) + BN_EPS) * params[f"gamma{i}"] + params[f"beta{i}"]
        h = oracles.relu(h)
    last = len(MNIST_HIDDEN) + 1
    return oracles.affine(h, params[f"W{last}"], params[f"b{last}"])


def learning_curve(got):
    """The Trainer's lists as plain data for grader.feedback.pictures; accuracies are recorded at
    the start of each epoch, as the book's Trainer does."""
    lists = got.get("lists") if isinstance(got, dict) else None
    if not isinstance(lists, dict) or not lists.get("train_loss_list"):
        return None
    loss = [float(v) for v in lists["train_loss_list"]]
    accuracies = min(len(lists.get("train_acc_list", [])), len(lists.get("test_acc_list", [])))
    per_epoch = int(got.get("iter_per_epoch", 1))
    return {"iterations": list(range(1, len(loss) + 1)), "loss": loss,
            "checkpoints": [i * per_epoch for i in range(accuracies)],
            "train_acc": [float(v) for v in lists["train_acc_list"][:accuracies]],
            "test_acc": [float(v) for v in lists["test_acc_list"][:accuracies]]}


# Calibration: the reference, over 10 worker seeds (0-9), classifies the 2000 test images
# with accuracy min 0.875, median 0.8835, max 0.8915, in 1-2 s per run. The threshold keeps
# 4.5 points of margin below the worst seed; the learning-breaking mistakes of the bug zoo
# land far below it (see below).
MNIST_THRESHOLD = 0.83


@check("ch06", "MultiLayerNetExtend trained by Trainer with Adam learns MNIST", points=7, timeout=120,
       slow=True, book="6.3.2")
def mnist_training(ctx):
    """The grader sets the initial params, computes the accuracy with its own forward pass
    (inference mode) on the trained params and running statistics, and compares the
    submission's predict with that forward pass; the worker never sees the test labels."""
    labels = mnist_labels()[1][:MNIST_TEST]
    init = mnist_initial_params(rng_for(ctx))
    predicted = None
    with ctx.case(M("ch06.mnist.case"), weight=4):
        got = ctx.call(probe_mnist_extend, init=init)
        curve = learning_curve(got)
        if curve:
            ctx.attach("learning_curve", {**curve, "threshold": MNIST_THRESHOLD})
        x_test = mnist_images()[1][:MNIST_TEST]
        predicted = np.argmax(inference_scores(got, init, x_test), axis=1)
        accuracy = float(np.mean(predicted == labels))
        if accuracy < MNIST_THRESHOLD:
            raise Mismatch(M("ch06.mnist.low", accuracy=accuracy, n=MNIST_TEST, threshold=MNIST_THRESHOLD),
                           diagnose.learning_curve(curve) or Diagnosis("accuracy_below_threshold"))
    if predicted is not None:  # (a training that did not finish has cost this check already)
        with ctx.case(M("ch05.mnist.predict_case", n=MNIST_TEST), weight=1):
            theirs = expect_shape(got.get("predicted"), (MNIST_TEST,), M("what.predicted_labels"))
            agree = float(np.mean(theirs == predicted))
            if agree < 0.99:
                raise Mismatch(M("ch05.mnist.predict_differs", agree=agree))
