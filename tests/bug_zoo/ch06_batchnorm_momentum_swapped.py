"""BatchNormalization weights the running averages the wrong way round: (1 - momentum) on the old value."""
CHECK = "ch06: BatchNormalization keeps running averages and uses them in test mode"
DIAGNOSIS = "momentum_swapped"
PATCHES = [("common/layers.py",
            """            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mean
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var""",
            """            self.running_mean = (1 - self.momentum) * self.running_mean + self.momentum * mean
            self.running_var = (1 - self.momentum) * self.running_var + self.momentum * var""")]
