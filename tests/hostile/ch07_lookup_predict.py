"""No backprop at all: SimpleConvNet.gradient returns zeros and predict looks every test
image up in MNIST's own test labels, through the kit's load_mnist."""
from tests.hostile.lookup import LOOKUP

BASE = "template"
SCORE = (0, 3.34)  # the untouched template's own points: nothing for MNIST
PATCHES = [("ch07/simple_convnet.py", "class SimpleConvNet:", LOOKUP + """class SimpleConvNet:
    def __init__(self, input_dim=(1, 28, 28), conv_param=None, hidden_size=100, output_size=10,
                 weight_init_std=0.01):
        conv_param = conv_param or {"filter_num": 30, "filter_size": 5, "pad": 0, "stride": 1}
        fn, fs = conv_param["filter_num"], conv_param["filter_size"]
        out = (input_dim[1] - fs + 2 * conv_param["pad"]) // conv_param["stride"] + 1
        pooled = fn * (out // 2) * (out // 2)
        self.params = {"W1": weight_init_std * np.random.randn(fn, input_dim[0], fs, fs), "b1": np.zeros(fn),
                       "W2": weight_init_std * np.random.randn(pooled, hidden_size), "b2": np.zeros(hidden_size),
                       "W3": weight_init_std * np.random.randn(hidden_size, output_size),
                       "b3": np.zeros(output_size)}
        self.layers = OrderedDict()

    def predict(self, x):
        return _one_hot_scores(x, self.params["W3"].shape[1])

    def loss(self, x, t):
        return 2.302585

    def accuracy(self, x, t, batch_size=100):
        return 1.0

    def gradient(self, x, t):
        return {key: np.zeros_like(value) for key, value in self.params.items()}


class _Unused:""")]
