"""Nothing right, everything consistent: optimizers update params in place by nothing, Dropout
draws a new mask every time but returns the mask alone, BatchNormalization standardises each
column with the wrong sign and keeps running averages of 0, and MultiLayerNetExtend predicts
ones in test mode and ones plus noise of mean 0 in training. Properties that wrong results can
have earn nothing."""
from tests.hostile.self_consistent import append

BASE = "template"
SCORE = (0, 0)
PATCHES = []


def MAKE(folder):
    append(folder, "common/optimizer.py", '''class _InPlace:
    def __init__(self, lr=0.01, *args, **kwargs):
        self.lr = lr

    def update(self, params, grads):
        for key in params:
            params[key][...] = params[key]


class SGD(_InPlace):
    pass


class Momentum(_InPlace):
    pass


class Nesterov(_InPlace):
    pass


class AdaGrad(_InPlace):
    pass


class RMSprop(_InPlace):
    pass


class Adam(_InPlace):
    pass
''')
    append(folder, "common/layers.py", '''class Dropout:
    def __init__(self, dropout_ratio=0.5):
        self.ratio = dropout_ratio

    def forward(self, x, train_flg=True):
        if train_flg:
            self.mask = np.random.rand(*np.shape(x)) > 0.5
            return self.mask.astype(float)
        return np.ones(np.shape(x))

    def backward(self, dout):
        return np.zeros(np.shape(dout))


class BatchNormalization:
    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None):
        self.gamma, self.beta = gamma, beta
        self.running_mean = np.zeros(np.size(gamma)) if running_mean is None else running_mean
        self.running_var = np.zeros(np.size(gamma)) if running_var is None else running_var

    def forward(self, x, train_flg=True):
        flat = np.asarray(x, dtype=np.float64).reshape(len(x), -1)
        self.shape = np.shape(x)
        return (-(flat - flat.mean(axis=0)) / flat.std(axis=0)).reshape(self.shape)

    def backward(self, dout):
        self.dgamma, self.dbeta = np.zeros(np.size(self.gamma)), np.zeros(np.size(self.beta))
        return np.zeros(self.shape)
''')
    append(folder, "common/multi_layer_net_extend.py", '''class MultiLayerNetExtend:
    def __init__(self, input_size, hidden_size_list, output_size, use_dropout=False, dropout_ration=0.5,
                 **kwargs):
        self.output_size = output_size
        self.params = {}

    def predict(self, x, train_flg=False):
        ones = np.ones((len(x), self.output_size))
        return ones + np.random.normal(0, 0.1, size=ones.shape) if train_flg else ones
''')
