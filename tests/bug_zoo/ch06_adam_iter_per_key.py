"""Adam counts its time step once per parameter instead of once per update call."""
CHECK = "ch06: Adam.update follows Adam with bias correction across steps"
DIAGNOSIS = "adam_step_count"
PATCHES = [("common/optimizer.py",
            """        self.iter += 1
        # Folding both bias corrections into the step size saves two array passes.
        lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)
        for key in params:
            g = grads[key]""",
            """        for key in params:
            self.iter += 1
            lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)
            g = grads[key]""")]
