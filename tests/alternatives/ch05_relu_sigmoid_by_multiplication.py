"""Relu as x * (x > 0) and np.where(mask, 0, dout); Sigmoid through tanh, its derivative from the output."""
CHAPTERS = ["ch05"]
PATCHES = [("common/layers.py",
            """        self.mask = x <= 0
        return np.maximum(x, 0)""",
            """        self.mask = x <= 0
        return x * (x > 0)"""),
           ("common/layers.py",
            "        return dout * ~self.mask",
            "        return np.where(self.mask, 0, dout)"),
           ("common/layers.py",
            """        self.out = sigmoid(x)
        return self.out""",
            """        self.out = 0.5 * (1.0 + np.tanh(0.5 * x))
        return self.out"""),
           ("common/layers.py",
            "        return dout * self.out * (1.0 - self.out)",
            "        return dout * (self.out - self.out**2)")]
