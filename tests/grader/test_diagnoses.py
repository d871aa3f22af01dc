"""Diagnoses: how a wrong answer is wrong. The detectors of grader.grading.diagnose on made-up arrays,
and the diagnosis every member of the bug zoo receives on the check named for it."""
import types

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from grader.api import grade
from grader.grading import diagnose
from grader.grading.checking import Mismatch, expect_close, expect_gradient
from tests.grader.mutants import BUG_ZOO, ROOT, build, load_member, members

ZOO = members(BUG_ZOO)
# The mistakes the quick suite checks (one of each kind the feedback is about); the rest of the
# zoo runs with the slow tests (each member is graded in its own worker).
QUICK = {"ch04_loss_not_averaged", "ch04_softmax_whole_batch", "ch04_softmax_no_shift", "ch05_affine_dw_transposed",
         "ch05_softmax_backward_precedence", "ch05_relu_mutates_input", "ch05_net_params_copied",
         "ch06_sgd_rebinds", "ch06_momentum_state_reset", "ch06_adam_no_bias_correction", "ch07_col2im_assign",
         "ch07_conv_forward_no_transpose", "ch07_pool_backward_spread", "ch06_trainer_rmsprpo",
         "ch06_trainer_optimizer_not_written"}
ZOO_CASES = [pytest.param(p, id=p.stem, marks=() if p.stem in QUICK else pytest.mark.slow) for p in ZOO]


def arrays(min_dims=1, max_dims=3):
    return hnp.arrays(np.float64, hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=2, max_side=5),
                      elements=st.floats(0.1, 5.0) | st.floats(-5.0, -0.1))


# ---------------------------------------------------------------- the detectors

@given(arrays(), st.sampled_from([2, 3, 5, 8]))
def test_a_missing_or_extra_one_over_n_is_named(expected, n):
    assert diagnose.diagnose(expected * n, expected, batch=n).id == "factor_n"
    assert diagnose.diagnose(expected / n, expected, batch=n).id == "factor_1_over_n"
    assert diagnose.diagnose(-expected, expected, batch=n).id == "sign_flipped"
    factor = diagnose.diagnose(expected * 0.3, expected, batch=n)
    if expected.size >= diagnose.MIN_SHARED_RATIO:  # fewer numbers sharing a ratio say nothing
        assert factor.id == "constant_factor" and factor.params["factor"] == pytest.approx(0.3)
    else:
        assert factor is None


@given(st.floats(0.1, 50.0) | st.floats(-50.0, -0.1), st.floats(0.1, 50.0), st.sampled_from([1, 2]))
def test_a_ratio_of_one_or_two_numbers_is_not_called_a_constant_factor(ratio, value, size):
    """A loss with swapped arguments or an extra term is some other number: one number (or two)
    sharing a ratio says nothing. The specific factors (-1, 1/N, N) are still named."""
    expected = np.full(size, value)
    found = diagnose.diagnose(expected * ratio, expected, batch=4)
    if np.isclose(ratio, -1.0, rtol=1e-3):
        assert found.id == "sign_flipped"
    elif np.isclose(ratio, 4.0, rtol=1e-3) or np.isclose(ratio, 0.25, rtol=1e-3):
        assert found.id in ("factor_n", "factor_1_over_n")
    else:
        assert found is None or found.id != "constant_factor"
    assert diagnose.diagnose(np.array(8.0), np.array(2.0), batch=4).id == "factor_n"


@given(st.integers(0, 2**32 - 1), st.integers(2, 6), st.integers(2, 6))
def test_unrelated_mistakes_are_not_called_a_constant_factor(seed, rows, columns):
    """One wrong element, a transpose, an offset, rows in another order: none is a common factor."""
    expected = np.random.default_rng(seed).normal(size=(rows, columns))
    one_wrong = expected.copy()
    one_wrong.flat[0] *= 7.9
    offset = expected + 0.5
    rows = expected[::-1]
    for wrong in (one_wrong, offset, rows, expected.T):
        found = diagnose.diagnose(wrong, expected)
        assert found is None or found.id != "constant_factor"


@given(arrays(2, 2))
def test_a_transpose_is_named_for_any_matrix(expected):
    symmetric = expected.shape[0] == expected.shape[1] and np.allclose(expected, expected.T)
    assume(not symmetric)  # a symmetric matrix is its own transpose
    assert diagnose.diagnose(expected.T, expected).id == "transposed"


def test_right_numbers_in_the_wrong_shape_or_places():
    expected = np.arange(1.0, 25.0).reshape(2, 3, 4)
    reshaped = diagnose.diagnose(expected.reshape(2, 12), expected)
    assert reshaped.id == "reshaped" and reshaped.params == {"shape": (2, 12), "expected": (2, 3, 4)}
    assert diagnose.diagnose(expected.transpose(0, 2, 1).reshape(2, 3, 4), expected).id == "misplaced_values"
    assert diagnose.diagnose(np.array(expected.sum()), expected).id == "sum_without_axis"
    assert diagnose.diagnose(np.zeros_like(expected), expected).id == "all_zero"


def test_right_only_on_the_mask_and_wrong_only_at_overlaps():
    rng = np.random.default_rng(0)
    dout = rng.normal(size=(4, 4))
    mask = rng.random((4, 4)) > 0.5
    expected = np.where(mask, dout, 0.0)
    assert diagnose.diagnose(dout, expected).id == "right_only_on_mask"  # a gradient spread over the window
    assert diagnose.diagnose(mask.astype(float), expected, dout=dout).id == "missing_dout"
    overlaps = np.zeros((4, 4), dtype=bool)
    overlaps[1:3, :] = True
    wrong = expected.copy()
    wrong[1, 2] += 1.0
    assert diagnose.diagnose(wrong, expected, region=overlaps).id == "wrong_only_at_overlaps"
    assert diagnose.wrong_only_in(wrong, expected, np.ones_like(overlaps)) is False  # not everywhere


def test_softmax_over_the_whole_batch_is_named():
    x = np.random.default_rng(1).normal(size=(3, 4))
    rows = np.exp(x) / np.exp(x).sum(axis=1, keepdims=True)
    whole = np.exp(x) / np.exp(x).sum()
    assert diagnose.diagnose(whole, rows).id == "softmax_whole_batch"


def test_known_mistakes_and_swapped_keys_come_first():
    expected = np.array([[1.0, 2.0], [3.0, 4.0]])
    other = np.array([5.0, 6.0, 7.0])
    precedence = expected - 0.25
    assert diagnose.diagnose(precedence, expected, known=lambda: [("precedence", precedence)]).id == "precedence"
    swapped = diagnose.diagnose(other, expected, others={"b2": other})
    assert swapped.id == "grads_swapped" and swapped.params == {"key": "b2"}
    assert diagnose.diagnose(expected + np.eye(2), expected) is None  # nothing to say


def test_right_answers_are_never_diagnosed():
    expected = np.random.default_rng(2).normal(size=(3, 3))
    expect_close(expected + 1e-12, expected, "dx", batch=3)
    expect_gradient(expected * (1 + 1e-9), expected, "dx", batch=3)


def test_comparisons_carry_the_diagnosis_and_the_error_map():
    expected = np.random.default_rng(3).normal(size=(5, 4))
    with pytest.raises(Mismatch) as caught:
        expect_gradient(expected * 5, expected, "dx", batch=5)
    assert caught.value.diagnosis.id == "factor_n" and caught.value.diagnosis.params == {"n": 5}
    assert caught.value.plot["kind"] == "gradient_error" and caught.value.plot["errors"].shape == (5, 4)
    with pytest.raises(Mismatch) as caught:
        expect_close(np.array([1.0, np.nan]), np.array([1.0, 2.0]), "softmax(x)", not_finite="overflow")
    assert caught.value.diagnosis.id == "overflow"


@pytest.mark.parametrize("loss, expected", [
    ([2.3, 2.2, np.nan, np.nan, np.nan, np.nan, np.nan, np.nan], "curve_diverged"),
    ([2.3, 14.0, 15.0, 14.5, 14.8, 15.1, 14.2, 14.9], "curve_diverged"),
    ([2.30, 2.31, 5.0, 2.30, 2.29, 2.31, 2.30, 2.30], "curve_flat"),
    ([2.3, 1.9, 1.5, 1.0, 0.8, 0.6, 0.5, 0.45], None),
])
def test_learning_curves_that_diverge_or_stay_flat(loss, expected):
    curve = {"iterations": list(range(0, 10 * len(loss), 10)), "loss": loss}
    found = diagnose.learning_curve(curve)
    assert (found.id if found else None) == expected
    if expected == "curve_diverged" and np.isnan(loss).any():
        assert found.params == {"iteration": 20}


def test_every_diagnosis_cites_a_section_or_says_why_not():
    for kind, section in diagnose.KINDS.items():
        assert section in (None, diagnose.CHECK) or section[0] in "34567", kind


# ---------------------------------------------------------------- the bug zoo

def test_every_member_of_the_zoo_names_its_diagnosis():
    undiagnosed = []
    for path in ZOO:
        member = load_member(path)
        assert hasattr(member, "DIAGNOSIS"), f"{path.stem} has no DIAGNOSIS"
        assert member.DIAGNOSIS is None or member.DIAGNOSIS in diagnose.KINDS, f"{path.stem}: {member.DIAGNOSIS}"
        if member.DIAGNOSIS is None:
            undiagnosed.append(path.stem)
    assert len(undiagnosed) <= len(ZOO) // 10, f"too many members without a specific diagnosis: {undiagnosed}"


def test_the_quick_sample_is_in_the_zoo():
    assert QUICK <= {p.stem for p in ZOO}


@pytest.mark.parametrize("path", ZOO_CASES)
def test_mistake_gets_its_diagnosis(path, tmp_path):
    member = load_member(path)
    chapter, _, name = member.CHECK.partition(": ")
    (result,) = grade(build(member, tmp_path / "submission"), chapters=(chapter,), select=lambda c: c.name == name)
    assert result.score < result.check.points
    assert result.diagnosis == member.DIAGNOSIS, f"{path.stem}: {result.diagnoses} -- {result.reason}"
    if member.DIAGNOSIS is not None and member.DIAGNOSIS not in diagnose.SELF_EXPLAINED:
        for language, words in (("en", "Likely cause: "), ("ko", "추정 원인: ")):
            reason = result.reason_in(language)
            assert words in reason and "\n" not in reason, reason
            assert f"diagnosis.{member.DIAGNOSIS}" not in reason  # ids are for counting, not for reading


def test_an_untouched_template_is_not_started_everywhere_with_file_and_function(tmp_path):
    results = grade(ROOT / "student_template", chapters=("ch05",), select=lambda c: not c.slow)
    assert results
    for result in results:
        assert set(result.diagnoses) == {"not_started"}, (result.check.name, result.diagnoses)
    first = results[0].reason_in("en")
    assert "not started yet: open ch05/layer_naive.py and write MulLayer.forward" in first
    assert "ch05/layer_naive.py 파일을 열어 MulLayer.forward 부분을 작성하세요" in results[0].reason_in("ko")


# ---------------------------------------------------------------- learning curves of the MNIST checks

ONE_OVER_N_TIMES_N = types.SimpleNamespace(__name__="gradient_times_n", PATCHES=[
    ("common/layers.py", "        return dx * (dout / n)", "        return dx * (dout * n)")])


@pytest.mark.slow
@pytest.mark.parametrize("member, chapter, expected", [
    (BUG_ZOO / "ch05_net_params_copied.py", "ch05", "curve_flat"),
    (ONE_OVER_N_TIMES_N, "ch05", "curve_diverged"),
    (BUG_ZOO / "ch07_convnet_layers_copy_params.py", "ch07", "curve_flat"),
    (BUG_ZOO / "ch05_relu_mask_inverted.py", "ch05", "accuracy_below_threshold"),
], ids=["params_copied", "times_n", "convnet_copies", "relu_inverted"])
def test_mnist_learning_curves_are_diagnosed(member, chapter, expected, tmp_path):
    member = load_member(member) if not isinstance(member, types.SimpleNamespace) else member
    (result,) = grade(build(member, tmp_path / "s"), chapters=(chapter,), select=lambda c: c.slow)
    # The training case is lost; predict, compared with the grader's forward pass on the same
    # trained params, may still agree (it is not the mistake).
    assert not result.cases[0].passed and result.score <= result.check.points / 5
    assert result.diagnosis == expected, result.reason
    curve = result.plots["learning_curve"]
    assert len(curve["loss"]) == len(curve["iterations"]) >= 20
    assert len(curve["train_acc"]) == len(curve["test_acc"]) == len(curve["checkpoints"]) >= 4


@pytest.mark.parametrize("loss, said, not_said", [
    ([2.30, 2.30, 2.32, 2.35, 2.38, 2.39, 2.40, 2.40], "rose from 2.3 to 2.4", "hardly fell"),
    ([2.33, 2.31, 2.30, 2.29, 2.28, 2.27, 2.26, 2.25], "hardly fell (from 2.32 to 2.25)", "rose"),
    ([2.3, 2.2, np.nan, np.nan, np.nan, np.nan, np.nan, np.nan], "blew up", "hardly fell"),
])
def test_a_learning_curve_is_told_as_it_went_and_names_no_picture(loss, said, not_said):
    """A loss that rose is not said to have 'hardly fallen'; no route but a written report has the
    learning curve's picture, so the explanation does not send the student to it."""
    from grader.feedback.messages import render
    from grader.grading.checking import advice_for

    class Check:
        book = "5.7.4"

    found = diagnose.learning_curve({"iterations": list(range(len(loss))), "loss": loss})
    for language in ("en", "ko"):
        text = render(advice_for(found, Check()), language)
        assert "learning curve" not in text and "학습 곡선" not in text
    english = render(advice_for(found, Check()), "en")
    assert said in english and not_said not in english
