"""TwoLayerNet.gradient takes W1's gradient from Affine2 and W2's from Affine1."""
CHECK = "ch05: TwoLayerNet.gradient matches the numerical gradient for W1, b1, W2 and b2"
DIAGNOSIS = "grads_swapped"
PATCHES = [("ch05/two_layer_net.py",
            """            "W1": self.layers["Affine1"].dW,
            "b1": self.layers["Affine1"].db,
            "W2": self.layers["Affine2"].dW,""",
            """            "W1": self.layers["Affine2"].dW,
            "b1": self.layers["Affine1"].db,
            "W2": self.layers["Affine1"].dW,""")]
