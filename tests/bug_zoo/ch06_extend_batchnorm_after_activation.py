"""MultiLayerNetExtend puts BatchNorm after the activation instead of between Affine and activation."""
CHECK = "ch06: MultiLayerNetExtend.gradient with batch normalization matches numerical gradient"
DIAGNOSIS = "batchnorm_after_activation"
PATCHES = [("common/multi_layer_net_extend.py",
            """        self.layers[f"Affine{idx}"] = Affine(self.params[f"W{idx}"], self.params[f"b{idx}"])
        if self.use_batchnorm:""",
            """        self.layers[f"Affine{idx}"] = Affine(self.params[f"W{idx}"], self.params[f"b{idx}"])
        self.layers[f"Activation_function{idx}"] = ACTIVATIONS[activation.lower()]()
        if self.use_batchnorm:"""),
           ("common/multi_layer_net_extend.py",
            """                self.params[f"gamma{idx}"], self.params[f"beta{idx}"])
        self.layers[f"Activation_function{idx}"] = ACTIVATIONS[activation.lower()]()""",
            """                self.params[f"gamma{idx}"], self.params[f"beta{idx}"])""")]
