"""Backprop never written at the network level: MultiLayerNet.gradient (and so
MultiLayerNetExtend's) returns numerical_gradient, central differences of the network's own
loss; the weight decay's term of the gradient comes with it."""
BASE = "reference"
SCORE = (0, 81)  # without MultiLayerNet(Extend).gradient (12), decay's gradient case (2) and MNIST (7)
PATCHES = [("common/multi_layer_net.py", """        self.loss(x, t, train_flg=True)
        dout = self.last_layer.backward(1)
""", """        return self.numerical_gradient(x, t)
        dout = self.last_layer.backward(1)
""")]
