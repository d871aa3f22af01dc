"""SimpleConvNet gives the layers copies of the weights, so updates of params never reach them."""
CHECK = "ch07: SimpleConvNet builds params and layers as in the book"
DIAGNOSIS = "params_copied"
PATCHES = [("ch07/simple_convnet.py",
            '        self.layers["Conv1"] = Convolution(self.params["W1"], self.params["b1"], stride, pad)',
            '        self.layers["Conv1"] = Convolution(self.params["W1"].copy(), self.params["b1"].copy(),'
            ' stride, pad)'),
           ("ch07/simple_convnet.py",
            '        self.layers["Affine1"] = Affine(self.params["W2"], self.params["b2"])',
            '        self.layers["Affine1"] = Affine(self.params["W2"].copy(), self.params["b2"].copy())')]
