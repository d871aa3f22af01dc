"""common/gradient.py: numerical_gradient by central differences, h = 1e-4."""
import hypothesis.extra.numpy as hnp
import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from common.gradient import numerical_gradient


def test_square_sum_1d():
    x = np.array([3.0, 4.0])
    grad = numerical_gradient(lambda v: np.sum(v**2), x)
    np.testing.assert_allclose(grad, [6.0, 8.0], rtol=1e-9)
    assert grad.shape == x.shape


def test_book_example_at_origin_and_mixed_signs():
    x = np.array([0.0, 2.0, -3.0])
    grad = numerical_gradient(lambda v: v[0] ** 2 + v[1] ** 2 + v[2] ** 2, x)
    np.testing.assert_allclose(grad, [0.0, 4.0, -6.0], atol=1e-9)


def test_n_dimensional_input(rng):
    for shape in [(2, 3), (2, 3, 4), (1, 2, 3, 2)]:
        x = rng.normal(size=shape)
        grad = numerical_gradient(lambda v: np.sum(np.sin(v)), x)
        assert grad.shape == shape
        np.testing.assert_allclose(grad, np.cos(x), rtol=0, atol=1e-8)


def test_uses_central_difference_with_h_1e_4():
    # For f = sum(x**3) the central difference is exactly 3x^2 + h^2, a fingerprint of h.
    x = np.array([[-2.0, -0.5, 0.0], [0.25, 1.0, 2.0]])
    grad = numerical_gradient(lambda v: np.sum(v**3), x)
    np.testing.assert_allclose(grad - 3 * x**2, 1e-8, rtol=0, atol=1e-10)


def test_input_is_restored(rng):
    x = rng.normal(size=(3, 4))
    before = x.copy()
    numerical_gradient(lambda v: np.sum(v**2 * np.arange(12).reshape(3, 4)), x)
    np.testing.assert_array_equal(x, before)


def test_input_is_perturbed_in_place_for_closures(rng):
    # The book's networks pass a function that ignores its argument and reads the captured
    # parameter array: the perturbation must reach that very array.
    W = rng.normal(size=(3, 2))
    a = rng.normal(size=(4, 3))
    b = rng.normal(size=(4, 2))
    before = W.copy()

    def loss():
        return np.sum((a @ W) * b)

    grad = numerical_gradient(lambda _: loss(), W)
    np.testing.assert_allclose(grad, a.T @ b, rtol=1e-7, atol=1e-9)
    np.testing.assert_array_equal(W, before)


def test_does_not_change_values_seen_after_the_call():
    calls = []
    x = np.array([1.0, 2.0])

    def f(v):
        calls.append(v.copy())
        return float(np.sum(v))

    numerical_gradient(f, x)
    # every call sees exactly one coordinate moved by +-h; the others are the originals
    assert len(calls) == 2 * x.size
    for seen in calls:
        moved = np.flatnonzero(seen != x)
        assert moved.size == 1
        assert abs(abs(seen[moved[0]] - x[moved[0]]) - 1e-4) < 1e-12


@given(st.integers(1, 6), st.data())
def test_quadratic_form(n, data):
    elems = st.floats(-3, 3)
    a = data.draw(hnp.arrays(np.float64, (n, n), elements=elems))
    b = data.draw(hnp.arrays(np.float64, (n,), elements=elems))
    x = data.draw(hnp.arrays(np.float64, (n,), elements=elems))
    before = x.copy()
    grad = numerical_gradient(lambda v: 0.5 * v @ a @ v + b @ v, x)
    np.testing.assert_allclose(grad, 0.5 * (a + a.T) @ before + b, rtol=0, atol=1e-7)
    np.testing.assert_array_equal(x, before)


@given(hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=4, max_side=4), elements=st.floats(-2, 2)))
def test_any_shape_exp_sum(x):
    before = x.copy()
    grad = numerical_gradient(lambda v: np.sum(np.exp(v)), x)
    assert grad.shape == x.shape
    np.testing.assert_allclose(grad, np.exp(before), rtol=1e-7)
    np.testing.assert_array_equal(x, before)
