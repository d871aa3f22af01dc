"""Backprop never written at the network level: TwoLayerNet.gradient returns numerical_gradient,
central differences of the network's own loss, with the reference's layers otherwise."""
BASE = "reference"
SCORE = (0, 86)  # without the 10 points of TwoLayerNet.gradient and the 7 of MNIST (too slow to train)
PATCHES = [("ch05/two_layer_net.py", """        self.loss(x, t)
        dout = self.lastLayer.backward(1)
""", """        return self.numerical_gradient(x, t)
        dout = self.lastLayer.backward(1)
""")]
