"""Sigmoid.backward applies y * (1 - y) to the input x instead of the output y."""
CHECK = "ch05: Sigmoid.backward matches the numerical gradient"
DIAGNOSIS = "sigmoid_backward_uses_x"
PATCHES = [("common/layers.py",
            """        self.out = sigmoid(x)
        return self.out""",
            """        self.x = x
        self.out = sigmoid(x)
        return self.out"""),
           ("common/layers.py",
            "        return dout * self.out * (1.0 - self.out)",
            "        return dout * self.x * (1.0 - self.x)")]
