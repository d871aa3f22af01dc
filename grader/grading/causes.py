"""Which failures of a run come from which: a student fixes the first cause first.

A link is made only from what the run itself showed, never assumed:

- a network check passed on the grader's stand-in layers, and its note says that the student's
  own layer classes make it fail (grader.grading.checks.common.note_own_layers): it belongs under
  the failed checks of those classes (LAYER_CHECKS);
- a training check (MNIST) failed: it belongs under the failed checks of the code it trains whose
  failure breaks the training or its evaluation (TRAINING), and under the failed checks of the
  layers that the note of its network's gradient check names (the note measured that those layers
  break the network); under that network check itself when those layers have no failed check in
  the run.

``link`` records the causes of each result (``Result.caused_by``); ``groups`` orders the
failures by cause, first cause first, each with the failures it explains.
"""
from dataclasses import dataclass, field

from grader.feedback.messages import CATALOGUE
from grader.feedback.messages import Message as M

# The checks of a layer class that a network's computation exercises (check slugs).
LAYER_CHECKS = {
    "Relu": ("ch05_relu_forward", "ch05_relu_backward", "ch05_layer_state"),
    "Sigmoid": ("ch05_sigmoid_forward", "ch05_sigmoid_backward", "ch05_layer_state"),
    "Affine": ("ch05_affine_forward", "ch05_affine_backward_dx", "ch05_affine_backward_params", "ch05_layer_state"),
    "SoftmaxWithLoss": ("ch05_softmax_with_loss_forward", "ch05_softmax_with_loss_backward", "ch05_layer_state"),
    "BatchNormalization": ("ch06_batchnorm_forward", "ch06_batchnorm_running", "ch06_batchnorm_backward"),
    "Convolution": ("ch07_convolution_forward", "ch07_convolution_backward", "ch07_im2col_values",
                    "ch07_col2im_adjoint"),
    "Pooling": ("ch07_pooling_forward", "ch07_pooling_backward", "ch07_im2col_values"),
}


@dataclass(frozen=True)
class Training:
    """What a training check depends on: ``network``, the slug of the gradient check of the network it
    trains (whose note names the layers that break it); ``breaks``, the checks whose failure breaks the
    training or its evaluation: a slug, or (slug, diagnosis id) when only that mistake of the check does."""
    network: str
    breaks: tuple = ()


TRAINING = {
    # plain SGD on TwoLayerNet.gradient; the updates of params must reach the layers
    "ch05_net_mnist": Training("ch05_net_gradient", ("ch05_net_gradient", "ch05_net_shared")),
    # the Trainer, Adam, and batch normalization's running averages at evaluation
    "ch06_mnist_training": Training("ch06_net_extend_gradient", (
        "ch06_net_extend_gradient", "ch06_adam_update", "ch06_trainer_loop", "ch06_batchnorm_running")),
    # Adam written by the grader on SimpleConvNet.gradient; the updates must reach the layers
    "ch07_simple_convnet_mnist": Training("ch07_simple_convnet_gradient", (
        "ch07_simple_convnet_gradient", ("ch07_simple_convnet_structure", "params_copied"))),
}


def failed(result):
    return result.status != "passed"


def noted_layers(result):
    """The layer classes that the note of a network check names as making it fail with the
    student's own layers (empty without such a note)."""
    for case in result.cases:
        reason = case.reason
        if not case.passed and getattr(reason, "id", None) == "net.own_layers":
            return [name.strip() for name in str(reason.params.get("causes", "")).split(",") if name.strip()]
    return []


def has_note(result):
    """A network check that passed on the stand-in layers but fails with the student's own."""
    return any(not case.passed and getattr(case.reason, "id", None) in ("net.own_layers", "net.own_layers_together")
               for case in result.cases)


def _layer_failures(names, by_slug):
    return [by_slug[slug] for name in names for slug in LAYER_CHECKS.get(name, ())
            if slug in by_slug and failed(by_slug[slug])]


def _unique(results):
    seen, found = set(), []
    for result in results:
        if id(result) not in seen:
            seen.add(id(result))
            found.append(result)
    return found


def link(results):
    """Set ``caused_by`` of every result (the results of the run that explain its failure, in
    run order); ``results`` in place, returned."""
    by_slug = {result.check.slug: result for result in results}
    order = {id(result): i for i, result in enumerate(results)}
    for result in results:
        causes = []
        if has_note(result):
            causes = _layer_failures(noted_layers(result), by_slug)
        training = TRAINING.get(result.check.slug)
        if training is not None and failed(result):
            for entry in training.breaks:
                slug, diagnosis = entry if isinstance(entry, tuple) else (entry, None)
                other = by_slug.get(slug)
                if other is not None and failed(other) and (diagnosis is None or diagnosis in other.diagnoses):
                    causes.append(other)
            network = by_slug.get(training.network)
            if network is not None and has_note(network):
                layers = _layer_failures(noted_layers(network), by_slug)
                causes.extend(layers or [network])
        result.caused_by = sorted(_unique(c for c in causes if c is not result), key=lambda c: order[id(c)])
    return results


@dataclass
class Group:
    """A failure that nothing else in the run explains, and the failures it explains."""
    cause: object
    consequences: list = field(default_factory=list)


def _root(result):
    """The first cause of ``result``'s first cause, and so on: the failure to fix first."""
    seen = {id(result)}
    while result.caused_by and id(result.caused_by[0]) not in seen:
        result = result.caused_by[0]
        seen.add(id(result))
    return result


def groups(results):
    """The run's failures (and notes of networks that fail with the student's own layers) by
    cause: a group per failure that nothing in the run explains, in run order, holding the
    failures that it explains first (in run order)."""
    shown = [r for r in results if failed(r) or has_note(r)]
    by_root: dict[int, Group] = {}
    for result in shown:
        root = _root(result)
        by_root.setdefault(id(root), Group(root))
        if root is not result:
            by_root[id(root)].consequences.append(result)
    order = {id(r): i for i, r in enumerate(results)}
    return sorted(by_root.values(), key=lambda group: order[id(group.cause)])


def title(check):
    """The check's name as a message: its catalogue entry, which Korean reports show in Korean."""
    key = f"check.{check.chapter}.{getattr(check.function, '__name__', '')}"
    entry = CATALOGUE.get(key)
    name = M(key) if entry is not None and entry["en"] == check.name else M("raw", text=check.name)
    return M("causes.check", chapter=check.chapter, title=name)


def training_cause(result):
    """The message that names the failed checks which likely made a training check fail, or None."""
    if not getattr(result, "caused_by", None):
        return None
    return M("causes.training", checks=[title(c.check) for c in result.caused_by])
