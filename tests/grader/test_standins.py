"""One mistake, one deduction: a mistake in a layer costs the layer's checks, not the network's
checks too. The networks are graded on the grader's stand-in layers; a note without points says
which of the student's own layers make the network fail."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.api import grade
from grader.feedback.messages import render
from grader.grading import oracles, standins
from grader.isolation.submission import MissingItem
from tests.grader.mutants import BUG_ZOO, build, load_member

NETWORK_CHECKS = {
    "ch05": ("TwoLayerNet predict, loss and accuracy match Affine-Relu-Affine-Softmax",
             "TwoLayerNet.gradient matches the numerical gradient for W1, b1, W2 and b2",
             "Relu, Sigmoid, Affine and SoftmaxWithLoss keep their own state per instance and per forward pass"),
    "ch06": ("MultiLayerNet weight decay adds 0.5 * lambda * sum(W**2) to the loss and lambda * W to dW",
             "MultiLayerNet.gradient matches numerical gradient (relu and sigmoid)",
             "MultiLayerNetExtend.gradient with batch normalization matches numerical gradient"),
    "ch07": ("SimpleConvNet.gradient matches numerical gradients of the loss",),
}


@pytest.mark.parametrize("member, chapters, blamed", [
    ("ch05_softmax_backward_not_averaged", ("ch05", "ch06"), "SoftmaxWithLoss"),
    ("ch05_affine_dw_transposed", ("ch05", "ch06"), "Affine"),
    pytest.param("ch05_relu_mask_inverted", ("ch05", "ch06"), "Relu", marks=pytest.mark.slow),
    pytest.param("ch07_conv_dW_no_transpose", ("ch07",), "Convolution", marks=pytest.mark.slow),
])
def test_a_layer_mistake_costs_the_layer_checks_only(member, chapters, blamed, tmp_path):
    member = load_member(BUG_ZOO / f"{member}.py")
    submission = build(member, tmp_path / "s")
    chapter, _, name = member.CHECK.partition(": ")
    networks = {n for c in chapters for n in NETWORK_CHECKS[c]}
    results = grade(submission, chapters=chapters, select=lambda c: c.name == name or c.name in networks)
    layer = next(r for r in results if r.check.name == name)
    assert layer.score < layer.check.points
    for result in results:
        if result.check.name in networks:
            assert result.score == result.check.points, (result.check.name, result.reason_in("en"))
    gradient = next(r for r in results if r.check.name in networks and ".gradient" in r.check.name
                    and r.check.chapter == chapter)
    note = gradient.reason_in("en")
    assert f"also fails with your own layers, caused by: {blamed} " in note
    assert gradient.diagnoses == []  # a note, not a mistake of the network


def test_a_network_mistake_still_costs_the_network_and_gets_no_note(tmp_path):
    member = load_member(BUG_ZOO / "ch05_net_grads_swapped.py")
    chapter, _, name = member.CHECK.partition(": ")
    (result,) = grade(build(member, tmp_path / "s"), chapters=(chapter,), select=lambda c: c.name == name)
    assert result.score < result.check.points
    assert "your own layers" not in result.reason_in("en")


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_the_stand_ins_backward_is_the_derivative_of_their_forward(seed):
    """Checked against the chain rule written out by hand for the stand-ins' compositions."""
    rng = np.random.default_rng(seed)
    x, W, b = rng.normal(size=(4, 3)), rng.normal(size=(3, 5)), rng.normal(size=5)
    dout = rng.normal(size=(4, 5))
    affine = standins.Affine(W, b)
    affine.forward(x)
    assert np.allclose(affine.backward(dout), dout @ W.T, atol=1e-7)
    assert np.allclose(affine.dW, x.T @ dout, atol=1e-7) and np.allclose(affine.db, dout.sum(axis=0), atol=1e-7)
    labels = rng.integers(0, 5, size=4)
    loss = standins.SoftmaxWithLoss()
    loss.forward(x @ W, labels)
    expected = (oracles.softmax(x @ W) - np.eye(5)[labels]) / 4
    assert np.allclose(loss.backward(1), expected, atol=1e-7)
    relu = standins.Relu()
    h = x + np.sign(x) * 0.01  # away from the kink
    relu.forward(h)
    assert np.allclose(relu.backward(np.ones_like(h)), (h > 0).astype(float), atol=1e-6)


def test_a_backward_before_any_forward_is_a_catalogue_message_naming_the_layer():
    with pytest.raises(MissingItem) as raised:
        standins.SoftmaxWithLoss().backward(1)
    message = raised.value.message
    assert message.id == standins.NO_FORWARD and message.params == {"layer": "SoftmaxWithLoss"}
    assert "SoftmaxWithLoss.backward" in render(message, "en")
    assert "SoftmaxWithLoss.backward" in render(message, "ko") and "역전파" in render(message, "ko")


@pytest.mark.parametrize("member, noted, clean", [
    ("ch05_softmax_backward_not_averaged",
     {"MultiLayerNet.gradient matches numerical gradient (relu and sigmoid)": "SoftmaxWithLoss",
      "MultiLayerNetExtend.gradient with batch normalization matches numerical gradient": "SoftmaxWithLoss"}, ()),
    ("ch06_batchnorm_backward_missing_term",
     {"MultiLayerNetExtend.gradient with batch normalization matches numerical gradient": "BatchNormalization"},
     ("MultiLayerNet.gradient matches numerical gradient (relu and sigmoid)",)),
])
def test_chapter_6_networks_note_the_own_layer_that_makes_them_fail(member, noted, clean, tmp_path):
    member = load_member(BUG_ZOO / f"{member}.py")
    names = set(noted) | set(clean)
    results = grade(build(member, tmp_path / "s"), chapters=("ch06",), select=lambda c: c.name in names)
    assert len(results) == len(names)
    for result in results:
        assert result.score == result.check.points, (result.check.name, result.reason_in("en"))
        note = result.reason_in("en")
        if result.check.name in noted:
            assert f"also fails with your own layers, caused by: {noted[result.check.name]} " in note
            assert result.diagnoses == []
        else:
            assert "your own layers" not in note, note
