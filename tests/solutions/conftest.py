"""Shared set-up for the tests of the reference implementation in ``solutions/``.

The reference modules import each other in the book's style (``from common.layers import
Affine``), so ``solutions/`` goes to the front of ``sys.path``; the project root is added too,
for ``from dataset.mnist import load_mnist``.

The helpers below are independent of the code under test: the numerical gradient, the naive
convolution and the naive max pooling are written with plain loops from their definitions.
"""
import sys
from pathlib import Path

import numpy as np
import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SOLUTIONS = PROJECT_ROOT / "solutions"

for _path in (str(PROJECT_ROOT), str(SOLUTIONS)):
    if _path in sys.path:
        sys.path.remove(_path)
# solutions/ first (it must win over anything else called ``common``), then the project root.
sys.path.insert(0, str(PROJECT_ROOT))
sys.path.insert(0, str(SOLUTIONS))


@pytest.fixture(scope="session", autouse=True)
def _reference_modules_come_from_solutions():
    """Fail loudly if ``common`` was imported from somewhere else in this process."""
    import common

    origin = Path(common.__file__).resolve().parent.parent
    if origin != SOLUTIONS:
        pytest.fail(f"'common' was imported from {origin}, not from solutions/; "
                    "run tests/solutions in its own pytest process")


# ----------------------------------------------------------------------------- numerics

def numerical_grad(f, x, h=1e-5):
    """Central-difference gradient of the scalar f() with respect to the array x.

    f takes no argument: it reads x (or an object holding x) itself, so x is perturbed in
    place, one element at a time, and restored.
    """
    grad = np.zeros(x.shape, dtype=np.float64)
    for idx in np.ndindex(x.shape):
        saved = x[idx]
        x[idx] = saved + h
        f_plus = float(f())
        x[idx] = saved - h
        f_minus = float(f())
        x[idx] = saved
        grad[idx] = (f_plus - f_minus) / (2.0 * h)
    return grad


def grad_error(analytic, numeric, floor=1e-8):
    """Largest absolute difference, relative to the larger of the two gradients' scales
    (or to floor, if both gradients are smaller than that)."""
    analytic = np.asarray(analytic, dtype=np.float64)
    numeric = np.asarray(numeric, dtype=np.float64)
    assert analytic.shape == numeric.shape, (analytic.shape, numeric.shape)
    scale = max(np.max(np.abs(analytic), initial=0.0), np.max(np.abs(numeric), initial=0.0), floor)
    return float(np.max(np.abs(analytic - numeric), initial=0.0) / scale)


def assert_grad_close(analytic, numeric, tol=1e-6):
    err = grad_error(analytic, numeric)
    assert err < tol, f"relative gradient error {err:.3e} >= {tol:.0e}"


def numerical_input_grad(forward, x, dout, h=1e-5):
    """Gradient of sum(forward(x) * dout) with respect to x (x is perturbed in place)."""
    return numerical_grad(lambda: np.sum(forward(x) * dout), x, h)


def naive_conv(x, W, b, stride=1, pad=0):
    """Cross-correlation with a loop over every output element."""
    n, c, h, w = x.shape
    fn, c2, fh, fw = W.shape
    assert c == c2
    out_h = (h + 2 * pad - fh) // stride + 1
    out_w = (w + 2 * pad - fw) // stride + 1
    padded = np.zeros((n, c, h + 2 * pad, w + 2 * pad))
    padded[:, :, pad : pad + h, pad : pad + w] = x
    out = np.zeros((n, fn, out_h, out_w))
    for i in range(n):
        for f in range(fn):
            for r in range(out_h):
                for s in range(out_w):
                    window = padded[i, :, r * stride : r * stride + fh, s * stride : s * stride + fw]
                    out[i, f, r, s] = np.sum(window * W[f]) + b[f]
    return out


def naive_max_pool(x, pool_h, pool_w, stride, pad=0):
    """Max over each window, channel by channel (zero padding, as in the book)."""
    n, c, h, w = x.shape
    out_h = (h + 2 * pad - pool_h) // stride + 1
    out_w = (w + 2 * pad - pool_w) // stride + 1
    padded = np.zeros((n, c, h + 2 * pad, w + 2 * pad))
    padded[:, :, pad : pad + h, pad : pad + w] = x
    out = np.zeros((n, c, out_h, out_w))
    for i in range(n):
        for ch in range(c):
            for r in range(out_h):
                for s in range(out_w):
                    window = padded[i, ch, r * stride : r * stride + pool_h, s * stride : s * stride + pool_w]
                    out[i, ch, r, s] = window.max()
    return out


def distinct_values(rng, shape, spacing=0.1, offset=0.0):
    """An array of the given shape whose entries are all different (no ties for max pooling)."""
    size = int(np.prod(shape))
    return (rng.permutation(size).reshape(shape) * spacing + offset).astype(np.float64)


def one_hot(labels, classes):
    labels = np.asarray(labels)
    out = np.zeros((labels.size, classes))
    out[np.arange(labels.size), labels] = 1.0
    return out


class Helpers:
    numerical_grad = staticmethod(numerical_grad)
    numerical_input_grad = staticmethod(numerical_input_grad)
    grad_error = staticmethod(grad_error)
    assert_grad_close = staticmethod(assert_grad_close)
    naive_conv = staticmethod(naive_conv)
    naive_max_pool = staticmethod(naive_max_pool)
    distinct_values = staticmethod(distinct_values)
    one_hot = staticmethod(one_hot)


@pytest.fixture(scope="session")
def helpers():
    """Test-side numerics: numerical gradients, naive convolution and pooling, one-hot."""
    return Helpers


@pytest.fixture
def rng():
    """A generator with a fixed seed, so every test sees the same data on every run."""
    return np.random.default_rng(20240601)


@pytest.fixture(autouse=True)
def _seed_global_rng():
    """Seed numpy's global generator (the initialisers and Dropout draw from it) per test."""
    np.random.seed(1234)
