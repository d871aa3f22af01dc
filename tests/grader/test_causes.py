"""Failures by cause: a failure is put under another only when the run showed the link (a
network's note naming the student's layer, a training check that failed while checks of the
code it trains failed too), and the training's message names those checks then and only then."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from grader.api import grade
from grader.feedback import report
from grader.feedback.messages import Message as M
from grader.feedback.messages import render
from grader.grading import causes
from grader.grading.checking import Case, Result
from grader.grading.checks import all_checks
from tests.grader.mutants import BUG_ZOO, build, load_member

CHECKS = {c.slug: c for c in all_checks()}


def passed(slug):
    return Result(CHECKS[slug], [Case(M("raw", text="case"), 1.0, True)])


def failed(slug, diagnosis=None):
    return Result(CHECKS[slug], [Case(M("raw", text="case"), 1.0, False, M("raw", text="wrong"), diagnosis)])


def noted(slug, *layers):
    """A network check that passed on the grader's layers, with the note naming ``layers``."""
    note = M("net.own_layers", causes=", ".join(layers)) if layers else M("net.own_layers_together")
    return Result(CHECKS[slug], [Case(M("raw", text="case"), 1.0, True),
                                 Case(M("net.own_layers.case"), 0, False, note)])


def linked(*results):
    results = list(results)
    causes.link(results)
    return results


def slugs(results):
    return [r.check.slug for r in results]


def test_a_training_failure_goes_under_the_failed_layer_its_network_note_names():
    layer, network, mnist = linked(failed("ch05_softmax_with_loss_backward"),
                                   noted("ch05_net_gradient", "SoftmaxWithLoss"), failed("ch05_net_mnist"))
    assert slugs(network.caused_by) == slugs(mnist.caused_by) == ["ch05_softmax_with_loss_backward"]
    (group,) = causes.groups([layer, network, mnist])
    assert group.cause is layer and group.consequences == [network, mnist]
    text = mnist.reason_in("en")
    assert "Likely cause: checks of this run found mistakes in code that this training runs" in text
    assert '"ch05: SoftmaxWithLoss.backward gives (y - t) / N' in text
    assert "SoftmaxWithLoss" in mnist.reason_in("ko") and "추정 원인" in mnist.reason_in("ko")


UNRELATED = {
    "ch05_net_mnist": ["ch05_mul_layer", "ch05_add_layer", "ch05_sigmoid_backward", "ch05_relu_input",
                       "ch05_net_numerical_gradient", "ch05_net_outputs", "ch06_adam_update"],
    "ch06_mnist_training": ["ch06_sgd_update", "ch06_dropout_forward", "ch06_dropout_backward",
                            "ch06_net_gradient", "ch06_net_weight_decay", "ch06_trainer_optimizer_names",
                            "ch06_net_extend_dropout", "ch05_softmax_with_loss_backward"],
    "ch07_simple_convnet_mnist": ["ch07_simple_convnet_accuracy", "ch07_conv_output_size_values",
                                  "ch05_softmax_with_loss_backward", "ch07_pooling_backward"],
}


@pytest.mark.parametrize("training", sorted(UNRELATED))
def test_a_training_failure_is_never_put_under_unrelated_failures(training):
    """Failures of code the training does not run, or that the network's note did not blame,
    are not named: the training's message stays as it was."""
    results = linked(*[failed(slug) for slug in UNRELATED[training]], failed(training))
    assert results[-1].caused_by == []
    assert "code that this training runs" not in results[-1].reason_in("en")
    assert all(not group.consequences for group in causes.groups(results))


@pytest.mark.parametrize("training, cause", [
    ("ch05_net_mnist", "ch05_net_gradient"), ("ch05_net_mnist", "ch05_net_shared"),
    ("ch06_mnist_training", "ch06_adam_update"), ("ch06_mnist_training", "ch06_batchnorm_running"),
    ("ch06_mnist_training", "ch06_trainer_loop"), ("ch06_mnist_training", "ch06_net_extend_gradient"),
    ("ch07_simple_convnet_mnist", "ch07_simple_convnet_gradient"),
])
def test_a_failed_check_of_what_the_training_runs_is_its_cause(training, cause):
    results = linked(failed(cause), failed(training))
    assert results[1].caused_by == [results[0]]


def test_a_training_that_passed_names_no_cause():
    results = linked(failed("ch05_affine_backward_params"), noted("ch05_net_gradient", "Affine"),
                     passed("ch05_net_mnist"))
    assert results[2].caused_by == [] and results[2].reason_in("en") == ""
    assert [slugs(g.consequences) for g in causes.groups(results)] == [["ch05_net_gradient"]]


def test_a_structure_failure_causes_the_training_only_when_params_were_copied():
    other = linked(failed("ch07_simple_convnet_structure", "weight_init_std"), failed("ch07_simple_convnet_mnist"))
    assert other[1].caused_by == []
    copied = linked(failed("ch07_simple_convnet_structure", "params_copied"), failed("ch07_simple_convnet_mnist"))
    assert copied[1].caused_by == [copied[0]]


def test_a_note_whose_layer_has_no_failed_check_heads_its_own_group():
    """ch06 graded alone: the note blames Affine, graded in ch05; the training goes under the note."""
    network, mnist = linked(noted("ch06_net_extend_gradient", "Affine"), failed("ch06_mnist_training"))
    assert network.caused_by == [] and mnist.caused_by == [network]
    (group,) = causes.groups([network, mnist])
    assert group.cause is network and group.consequences == [mnist]


def test_a_hidden_check_that_comes_after_the_training_still_heads_it():
    mnist, state = failed("ch05_net_mnist"), failed("ch05_layer_state")
    network = noted("ch05_net_gradient", "Relu")
    results = linked(network, mnist, state)
    (group,) = causes.groups(results)
    assert group.cause is state and group.consequences == [network, mnist]


@given(st.lists(st.sampled_from(sorted(CHECKS)), unique=True, max_size=12), st.data())
def test_every_failure_is_listed_once_under_a_failure_that_comes_first_in_no_cycle(chosen, data):
    results = [failed(slug) if data.draw(st.booleans()) else passed(slug) for slug in chosen]
    causes.link(results)
    listed = [r for g in causes.groups(results) for r in [g.cause, *g.consequences]]
    assert sorted(map(id, listed)) == sorted(id(r) for r in results if r.status != "passed")
    for group in causes.groups(results):
        assert group.cause.caused_by == []
        for result in group.consequences:
            assert result.caused_by and all(c.status != "passed" for c in result.caused_by)


def test_the_report_lists_failures_by_cause_only_when_one_explains_another():
    alone = linked(failed("ch05_relu_backward"), failed("ch06_sgd_update"))
    assert "What to fix first" not in report.table(alone, width=100, language="en")
    results = linked(failed("ch05_softmax_with_loss_backward"), failed("ch06_sgd_update"),
                     noted("ch05_net_gradient", "SoftmaxWithLoss"), failed("ch05_net_mnist"))
    text = report.table(results, width=100, language="en")
    section = text[text.index("What to fix first"):]
    assert section.index("1. ch05: SoftmaxWithLoss.backward") < section.index("-> ch05: TwoLayerNet.gradient") \
        < section.index("-> ch05: TwoLayerNet learns MNIST") < section.index("2. ch06: SGD.update")
    assert "full points on the grader's layers; fails with your own" in section
    korean = report.table(results, width=100, language="ko")
    assert "먼저 고칠 것" in korean and "SGD.update" in korean
    data = report.gradescope(results, language="en")
    mnist = next(t for t in data["tests"] if "MNIST" in t["name"])
    assert mnist["extra_data"]["caused_by"] == [f"ch05: {CHECKS['ch05_softmax_with_loss_backward'].name}"]


@pytest.mark.slow
def test_a_layer_mistake_heads_the_network_and_training_it_breaks(tmp_path):
    member = load_member(BUG_ZOO / "ch05_softmax_backward_not_averaged.py")
    results = grade(build(member, tmp_path / "s"), chapters=("ch05",), include_hidden=False)
    groups = causes.groups(results)
    assert [g.cause.check.slug for g in groups] == ["ch05_softmax_with_loss_backward"]
    assert slugs(groups[0].consequences) == ["ch05_net_gradient", "ch05_net_mnist"]
    mnist = groups[0].consequences[1]
    assert mnist.score < mnist.check.points
    assert "SoftmaxWithLoss.backward" in render(causes.training_cause(mnist), "en")
