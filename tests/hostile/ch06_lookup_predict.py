"""No backprop and no training: MultiLayerNetExtend.predict looks every test image up in
MNIST's own test labels, gradient returns zeros, and Trainer.train does nothing."""
from tests.hostile.lookup import LOOKUP

BASE = "template"
SCORE = (0, 2.25)  # the untouched template's own points: nothing for MNIST
PATCHES = [("common/multi_layer_net_extend.py", "class MultiLayerNetExtend(MultiLayerNet):",
            LOOKUP + """class MultiLayerNetExtend:
    def __init__(self, input_size, hidden_size_list, output_size, activation="relu",
                 weight_init_std="relu", weight_decay_lambda=0, use_dropout=False, dropout_ration=0.5,
                 use_batchnorm=False):
        sizes = [input_size, *hidden_size_list, output_size]
        self.params = {}
        for i in range(1, len(sizes)):
            self.params[f"W{i}"] = 0.01 * np.random.randn(sizes[i - 1], sizes[i])
            self.params[f"b{i}"] = np.zeros(sizes[i])
        self.output_size = output_size

    def predict(self, x, train_flg=False):
        return _one_hot_scores(x, self.output_size)

    def loss(self, x, t, train_flg=False):
        return 2.302585

    def accuracy(self, x, t):
        return 1.0

    def gradient(self, x, t):
        return {key: np.zeros_like(value) for key, value in self.params.items()}


class _Unused(MultiLayerNet):"""),
    ("common/trainer.py", "class Trainer:", """class Trainer:
    def __init__(self, network, x_train, t_train, x_test, t_test, epochs=20, mini_batch_size=100,
                 optimizer="SGD", optimizer_param=None, evaluate_sample_num_per_epoch=None, verbose=True):
        self.network = network
        self.train_loss_list, self.train_acc_list, self.test_acc_list = [], [], []

    def train_step(self):
        pass

    def train(self):
        pass


class _Unused:""")]
