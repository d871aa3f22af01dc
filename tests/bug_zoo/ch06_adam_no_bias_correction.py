"""Adam without the bias corrections: the step uses m and v as they are."""
CHECK = "ch06: Adam.update follows Adam with bias correction across steps"
DIAGNOSIS = "adam_no_bias_correction"
PATCHES = [("common/optimizer.py",
            "        lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)",
            "        lr_t = self.lr")]
