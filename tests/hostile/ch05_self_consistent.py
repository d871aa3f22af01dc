"""Nothing right, everything consistent: the layers' forward and backward return zeros of the
right shape and never write into their inputs. Properties that wrong results can have earn
nothing."""
from tests.hostile.self_consistent import append

BASE = "template"
SCORE = (0, 0)
PATCHES = []


def MAKE(folder):
    append(folder, "common/layers.py", '''class Relu:
    def forward(self, x):
        self.shape = np.shape(x)
        return np.zeros(self.shape)

    def backward(self, dout):
        return np.zeros(self.shape)


class Sigmoid(Relu):
    pass


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b
        self.dW, self.db = np.zeros_like(W), np.zeros_like(b)

    def forward(self, x):
        self.shape = np.shape(x)
        return np.zeros((self.shape[0], np.shape(self.W)[1]))

    def backward(self, dout):
        return np.zeros(self.shape)


class SoftmaxWithLoss:
    def forward(self, x, t):
        self.shape = np.shape(x)
        return 0.0

    def backward(self, dout=1):
        return np.zeros(self.shape)
''')
