"""BatchNormalization normalises with the running averages in training too."""
CHECK = "ch06: BatchNormalization.forward normalises with the batch mean and variance in training"
DIAGNOSIS = "batchnorm_running_in_training"
PATCHES = [("common/layers.py",
            """            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
            xn = self.xn""",
            """            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
            xn = (x2 - self.running_mean) / np.sqrt(self.running_var + eps)""")]
