"""Relu keeps its mask on the class: a second Relu's forward overwrites the first one's mask."""
CHECK = "ch05: Relu, Sigmoid, Affine and SoftmaxWithLoss keep their own state per instance and per forward pass"
DIAGNOSIS = "state_shared"
PATCHES = [("common/layers.py",
            """        self.mask = x <= 0
        return np.maximum(x, 0)""",
            """        Relu.mask = x <= 0
        return np.maximum(x, 0)"""),
           ("common/layers.py",
            """        return dout * ~self.mask""",
            """        return dout * ~Relu.mask""")]
