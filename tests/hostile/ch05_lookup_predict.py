"""No backprop at all: TwoLayerNet.gradient returns zeros and predict looks every test
image up in MNIST's own test labels, through the kit's load_mnist."""
from tests.hostile.lookup import LOOKUP

BASE = "template"
SCORE = (0, 5)  # the untouched template's own points: nothing for MNIST
PATCHES = [("ch05/two_layer_net.py", "class TwoLayerNet:", LOOKUP + """class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, weight_init_std=0.01):
        self.params = {"W1": weight_init_std * np.random.randn(input_size, hidden_size),
                       "b1": np.zeros(hidden_size),
                       "W2": weight_init_std * np.random.randn(hidden_size, output_size),
                       "b2": np.zeros(output_size)}
        self.layers = OrderedDict()

    def predict(self, x):
        return _one_hot_scores(x, self.params["W2"].shape[1])

    def loss(self, x, t):
        return 2.302585

    def accuracy(self, x, t):
        return 1.0

    def gradient(self, x, t):
        return {key: np.zeros_like(value) for key, value in self.params.items()}

    def numerical_gradient(self, x, t):
        return self.gradient(x, t)


class _Unused:""")]
