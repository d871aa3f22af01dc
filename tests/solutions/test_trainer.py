"""common/trainer.py: the mini-batch loop, its bookkeeping and the optimizer table."""
import numpy as np
import pytest

from ch05.two_layer_net import TwoLayerNet
from common.multi_layer_net import MultiLayerNet
from common.optimizer import SGD, AdaGrad, Adam, Momentum, Nesterov, RMSprop
from common.trainer import Trainer


def blobs(rng, n, k=3, d=2, spread=0.4):
    """k well separated Gaussian blobs in d dimensions; labels 0..k-1."""
    centres = np.array([[np.cos(2 * np.pi * i / k), np.sin(2 * np.pi * i / k)] for i in range(k)]) * 3
    centres = np.hstack([centres, np.zeros((k, d - 2))]) if d > 2 else centres
    labels = rng.integers(0, k, size=n)
    x = centres[labels] + rng.normal(scale=spread, size=(n, d))
    return x, labels


@pytest.fixture
def data(rng):
    x_train, t_train = blobs(rng, 60)
    x_test, t_test = blobs(rng, 30)
    return x_train, t_train, x_test, t_test


class CountingNet:
    """Wraps a network and records the sizes of the batches it sees."""

    def __init__(self, net):
        self.net = net
        self.params = net.params
        self.gradient_sizes = []
        self.accuracy_sizes = []

    def gradient(self, x, t):
        self.gradient_sizes.append(x.shape[0])
        return self.net.gradient(x, t)

    def loss(self, x, t):
        return self.net.loss(x, t)

    def accuracy(self, x, t):
        self.accuracy_sizes.append(x.shape[0])
        return self.net.accuracy(x, t)


def test_bookkeeping_when_batch_size_divides_train_size(data):
    net = TwoLayerNet(2, 8, 3, weight_init_std=0.5)
    trainer = Trainer(net, *data, epochs=4, mini_batch_size=20, verbose=False)
    assert trainer.iter_per_epoch == 3
    assert trainer.max_iter == 12
    trainer.train()
    assert len(trainer.train_loss_list) == 12
    assert len(trainer.train_acc_list) == 4
    assert len(trainer.test_acc_list) == 4
    assert all(0.0 <= a <= 1.0 for a in trainer.train_acc_list + trainer.test_acc_list)
    assert all(np.isfinite(loss) for loss in trainer.train_loss_list)


def test_batch_larger_than_train_size_is_one_iteration_per_epoch(data):
    x_train, t_train, x_test, t_test = data
    net = TwoLayerNet(2, 8, 3)
    trainer = Trainer(net, x_train[:10], t_train[:10], x_test, t_test, epochs=3, mini_batch_size=20,
                      verbose=False)
    assert trainer.iter_per_epoch == 1
    assert trainer.max_iter == 3
    trainer.train()
    assert len(trainer.train_loss_list) == 3
    assert len(trainer.test_acc_list) == 3


def test_train_step_samples_mini_batches_and_updates_params_in_place(data):
    net = TwoLayerNet(2, 8, 3, weight_init_std=0.5)
    counting = CountingNet(net)
    arrays = {k: v for k, v in net.params.items()}
    before = {k: v.copy() for k, v in net.params.items()}
    trainer = Trainer(counting, *data, epochs=1, mini_batch_size=7, optimizer="sgd",
                      optimizer_param={"lr": 0.1}, verbose=False)
    trainer.train_step()
    trainer.train_step()
    assert counting.gradient_sizes == [7, 7]
    assert len(trainer.train_loss_list) == 2
    for key in arrays:
        assert net.params[key] is arrays[key]
    assert any(not np.array_equal(net.params[k], before[k]) for k in before)


def test_evaluate_sample_num_per_epoch_limits_the_accuracy_samples(data):
    counting = CountingNet(TwoLayerNet(2, 8, 3))
    trainer = Trainer(counting, *data, epochs=2, mini_batch_size=30, evaluate_sample_num_per_epoch=12,
                      verbose=False)
    for _ in range(int(trainer.max_iter)):
        trainer.train_step()
    # two epochs, each with a train and a test evaluation on the first 12 samples
    assert counting.accuracy_sizes == [12, 12, 12, 12]
    assert len(trainer.train_acc_list) == 2


def test_accuracy_uses_every_sample_by_default(data):
    counting = CountingNet(TwoLayerNet(2, 8, 3))
    trainer = Trainer(counting, *data, epochs=1, mini_batch_size=60, verbose=False)
    trainer.train_step()
    assert counting.accuracy_sizes[:2] == [60, 30]


@pytest.mark.parametrize(
    ("name", "cls"),
    [("SGD", SGD), ("sgd", SGD), ("Momentum", Momentum), ("MOMENTUM", Momentum), ("momentum", Momentum),
     ("Nesterov", Nesterov), ("nesterov", Nesterov), ("AdaGrad", AdaGrad), ("adagrad", AdaGrad),
     ("ADAGRAD", AdaGrad), ("RMSprop", RMSprop), ("rmsprop", RMSprop), ("RMSProp", RMSprop),
     ("Adam", Adam), ("adam", Adam), ("ADAM", Adam)],
)
def test_optimizer_names_in_any_case(data, name, cls):
    net = TwoLayerNet(2, 8, 3, weight_init_std=0.5)
    trainer = Trainer(net, *data, epochs=1, mini_batch_size=20, optimizer=name,
                      optimizer_param={"lr": 0.02}, verbose=False)
    assert type(trainer.optimizer) is cls
    assert trainer.optimizer.lr == 0.02
    trainer.train()
    assert len(trainer.train_loss_list) == trainer.max_iter == 3


def test_default_optimizer_is_sgd_with_lr_0_01(data):
    trainer = Trainer(TwoLayerNet(2, 8, 3), *data, verbose=False)
    assert type(trainer.optimizer) is SGD
    assert trainer.optimizer.lr == 0.01
    assert trainer.epochs == 20
    assert trainer.batch_size == 100


def test_optimizer_param_reaches_the_optimizer(data):
    trainer = Trainer(TwoLayerNet(2, 8, 3), *data, optimizer="Adam",
                      optimizer_param={"lr": 0.05, "beta1": 0.8}, verbose=False)
    assert (trainer.optimizer.lr, trainer.optimizer.beta1, trainer.optimizer.beta2) == (0.05, 0.8, 0.999)


@pytest.mark.parametrize(("name", "lr"), [("SGD", 0.5), ("Momentum", 0.1), ("AdaGrad", 0.3), ("Adam", 0.05)])
def test_training_learns_the_blobs(data, name, lr):
    net = MultiLayerNet(2, [10], 3, weight_init_std=0.5)
    x_train, t_train, x_test, t_test = data
    trainer = Trainer(net, x_train, t_train, x_test, t_test, epochs=30, mini_batch_size=20, optimizer=name,
                      optimizer_param={"lr": lr}, verbose=False)
    trainer.train()
    assert np.mean(trainer.train_loss_list[-5:]) < 0.5 * np.mean(trainer.train_loss_list[:3])
    assert net.accuracy(x_test, t_test) >= 0.9


def test_verbose_prints_and_quiet_does_not(data, capsys):
    Trainer(TwoLayerNet(2, 8, 3), *data, epochs=1, mini_batch_size=20, verbose=False).train()
    assert capsys.readouterr().out == ""
    Trainer(TwoLayerNet(2, 8, 3), *data, epochs=1, mini_batch_size=20, verbose=True).train()
    assert "acc" in capsys.readouterr().out
