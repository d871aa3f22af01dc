"""Sigmoid.forward computes 1 / (1 + exp(x)), with the sign of the exponent lost."""
CHECK = "ch05: Sigmoid.forward gives 1 / (1 + exp(-x)) for any shape"
DIAGNOSIS = "sigmoid_sign"
PATCHES = [("common/layers.py",
            """        self.out = sigmoid(x)
        return self.out""",
            """        self.out = 1 / (1 + np.exp(x))
        return self.out""")]
