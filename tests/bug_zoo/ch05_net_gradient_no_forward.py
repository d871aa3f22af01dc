"""TwoLayerNet.gradient starts the backward pass without running the forward pass on x first."""
CHECK = "ch05: TwoLayerNet.gradient matches the numerical gradient for W1, b1, W2 and b2"
DIAGNOSIS = "forward_not_run"
PATCHES = [("ch05/two_layer_net.py",
            """        self.loss(x, t)
        dout = self.lastLayer.backward(1)""",
            """        dout = self.lastLayer.backward(1)""")]
