"""Weights drawn with np.random.normal(0, scale, size), and a Trainer table built from the class names."""
CHAPTERS = ["ch06"]
PATCHES = [("common/multi_layer_net.py",
            "            self.params[f\"W{idx}\"] = scale * np.random.randn(sizes[idx - 1], sizes[idx])",
            "            self.params[f\"W{idx}\"] = np.random.normal(0.0, scale, size=(sizes[idx - 1], sizes[idx]))"),
           ("common/trainer.py",
            """OPTIMIZERS = {
    "sgd": SGD,
    "momentum": Momentum,
    "nesterov": Nesterov,
    "adagrad": AdaGrad,
    "rmsprop": RMSprop,
    "adam": Adam,
}""",
            "OPTIMIZERS = {cls.__name__.lower(): cls for cls in (SGD, Momentum, Nesterov, AdaGrad, RMSprop, Adam)}")]
