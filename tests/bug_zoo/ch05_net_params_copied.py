"""TwoLayerNet gives the Affine layers copies of params, so updates of params never reach them."""
CHECK = "ch05: TwoLayerNet layers share the arrays of params (in-place updates reach predict)"
DIAGNOSIS = "params_copied"
PATCHES = [("ch05/two_layer_net.py",
            """        self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"])""",
            """        self.layers["Affine1"] = Affine(self.params["W1"].copy(), self.params["b1"].copy())"""),
           ("ch05/two_layer_net.py",
            """        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])""",
            """        self.layers["Affine2"] = Affine(self.params["W2"].copy(), self.params["b2"].copy())""")]
