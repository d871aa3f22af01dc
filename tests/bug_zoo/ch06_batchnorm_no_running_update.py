"""BatchNormalization never updates running_mean and running_var while training."""
CHECK = "ch06: BatchNormalization keeps running averages and uses them in test mode"
DIAGNOSIS = "running_not_updated"
PATCHES = [("common/layers.py",
            """            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mean
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
""",
            "")]
