"""The MNIST checks' training loops are the grader's code: a gradient that cannot update its
parameter is an error that names the key and both shapes, never a bare numpy broadcast error."""
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from grader.api import grade
from grader.feedback.messages import render
from grader.grading.probes import update_gradients
from grader.isolation.submission import MissingItem
from tests.grader.mutants import build, patched

PARAMS = {"W1": np.zeros((4, 3)), "b1": np.zeros(3)}


def _error(grads):
    with pytest.raises(MissingItem) as raised:
        update_gradients(grads, PARAMS, list(PARAMS))
    return raised.value.message


@given(st.lists(st.integers(1, 5), min_size=0, max_size=3).map(tuple).filter(lambda s: s != (3,)))
def test_a_gradient_of_another_shape_names_the_key_and_both_shapes(shape):
    message = _error({"W1": np.zeros((4, 3)), "b1": np.zeros(shape)})
    assert message.id == "error.training_grad_shape"
    assert message.params == {"key": "b1", "shape": shape, "expected": (3,)}
    for language in ("en", "ko"):
        text = render(message, language)
        assert "b1" in text and str(shape) in text and "(3,)" in text


def test_a_missing_gradient_names_the_key_and_the_keys_returned():
    message = _error({"W1": np.zeros((4, 3))})
    assert message.id == "error.training_grad_missing"
    assert message.params == {"key": "b1", "keys": "W1"}


def test_gradients_that_are_not_a_dict_or_not_numbers_say_so():
    assert _error((np.zeros((4, 3)), np.zeros(3))).id == "error.training_grads_not_dict"
    assert _error({"W1": np.zeros((4, 3)), "b1": "db"}).id == "error.training_grad_not_numbers"


def test_right_gradients_pass_through_as_float64():
    grads = update_gradients({"W1": np.ones((4, 3), dtype=np.float32), "b1": [1, 2, 3]}, PARAMS, list(PARAMS))
    assert grads["W1"].dtype == np.float64 and grads["b1"].tolist() == [1.0, 2.0, 3.0]


@pytest.mark.slow
def test_a_transposed_dW_in_training_is_named_with_both_shapes(tmp_path):
    member = patched("dw_transposed", "common/layers.py", "        self.dW = self.x.T @ dout",
                     "        self.dW = np.dot(dout.T, self.x)")
    (result,) = grade(build(member, tmp_path / "s"), chapters=("ch05",), select=lambda c: c.slow)
    reason = result.reason_in("en")
    assert result.score < result.check.points
    assert "params['W1']" in reason and "(50, 784)" in reason and "(784, 50)" in reason
    assert "broadcast" not in reason
