"""Mini-batch training loop with a choice of optimizer (chapter 6)."""
import numpy as np

from common.optimizer import SGD, AdaGrad, Adam, Momentum, Nesterov, RMSprop

OPTIMIZERS = {
    "sgd": SGD,
    "momentum": Momentum,
    "nesterov": Nesterov,
    "adagrad": AdaGrad,
    "rmsprop": RMSprop,
    "adam": Adam,
}


class Trainer:
    """Trains ``network`` (with params, gradient, loss, accuracy) on mini-batches.

    optimizer: a name from OPTIMIZERS, any case; optimizer_param: its keyword arguments.
    An epoch is max(train_size / mini_batch_size, 1) iterations. At the start of every
    epoch the train and test accuracy (on the first evaluate_sample_num_per_epoch
    samples, or all) are appended to train_acc_list and test_acc_list, so each list
    ends with one entry per epoch. train_loss_list holds the loss of every iteration.
    """

    def __init__(self, network, x_train, t_train, x_test, t_test, epochs=20, mini_batch_size=100,
                 optimizer="SGD", optimizer_param={"lr": 0.01},
                 evaluate_sample_num_per_epoch=None, verbose=True):
        self.network = network
        self.verbose = verbose
        self.x_train = x_train
        self.t_train = t_train
        self.x_test = x_test
        self.t_test = t_test
        self.epochs = epochs
        self.batch_size = mini_batch_size
        self.evaluate_sample_num_per_epoch = evaluate_sample_num_per_epoch
        self.train_size = x_train.shape[0]
        self.iter_per_epoch = max(self.train_size / mini_batch_size, 1)
        self.max_iter = int(epochs * self.iter_per_epoch)
        self.current_iter = 0
        self.current_epoch = 0
        self.train_loss_list = []
        self.train_acc_list = []
        self.test_acc_list = []
        raise NotImplementedError("Trainer constructor (ch06): not implemented yet; write it in common/trainer.py")

    def train_step(self):
        """One iteration: sample a mini-batch, update the parameters, record the loss."""
        raise NotImplementedError("Trainer.train_step (ch06): not implemented yet; write it in common/trainer.py")

    def _record_accuracy(self):
        samples = self.evaluate_sample_num_per_epoch
        x_train, t_train = self.x_train[:samples], self.t_train[:samples]
        x_test, t_test = self.x_test[:samples], self.t_test[:samples]
        train_acc = self.network.accuracy(x_train, t_train)
        test_acc = self.network.accuracy(x_test, t_test)
        self.train_acc_list.append(train_acc)
        self.test_acc_list.append(test_acc)
        if self.verbose:
            print(f"=== epoch: {self.current_epoch}, train acc: {train_acc}, test acc: {test_acc} ===")

    def train(self):
        """Run max_iter iterations, then report the accuracy on the whole test set."""
        for _ in range(self.max_iter):
            self.train_step()
        test_acc = self.network.accuracy(self.x_test, self.t_test)
        if self.verbose:
            print(f"=============== Final Test Accuracy ===============\ntest acc: {test_acc}")
        return test_acc
