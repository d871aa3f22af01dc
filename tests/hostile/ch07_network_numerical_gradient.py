"""Backprop never written at the network level: SimpleConvNet.gradient returns
numerical_gradient, central differences of the network's own loss."""
BASE = "reference"
SCORE = (0, 83)  # without SimpleConvNet.gradient's gradient cases (7) and MNIST (10)
PATCHES = [("ch07/simple_convnet.py", """        self.loss(x, t)
        dout = self.last_layer.backward(1)
""", """        return self.numerical_gradient(x, t)
        dout = self.last_layer.backward(1)
""")]
