"""BatchNormalization keeps the unbiased batch variance (ddof=1) in running_var, as some libraries do."""
CHAPTERS = ["ch06"]
PATCHES = [("common/layers.py",
            "            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var",
            """            unbiased = var * x2.shape[0] / (x2.shape[0] - 1)
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * unbiased""")]
