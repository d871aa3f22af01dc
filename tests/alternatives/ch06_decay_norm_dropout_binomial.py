"""Weight decay from the Frobenius norm, 0.5 * lambda * np.linalg.norm(W)**2; Dropout's mask drawn with
np.random.binomial (an integer mask of ones and zeros)."""
CHAPTERS = ["ch06"]
PATCHES = [("common/multi_layer_net.py",
            "        decay = sum(np.sum(self.params[f\"W{idx}\"] ** 2) "
            "for idx in range(1, self.hidden_layer_num + 2))",
            "        decay = sum(np.linalg.norm(self.params[f\"W{idx}\"]) ** 2 "
            "for idx in range(1, self.hidden_layer_num + 2))"),
           ("common/layers.py",
            """            self.mask = np.random.rand(*x.shape) > self.dropout_ratio""",
            """            self.mask = np.random.binomial(1, 1.0 - self.dropout_ratio, size=x.shape)""")]
