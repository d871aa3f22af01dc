"""Momentum.update creates the velocity anew at every call, so it never accumulates."""
CHECK = "ch06: Momentum.update follows v = momentum * v - lr * grad, W += v across steps"
DIAGNOSIS = "state_reset"
PATCHES = [("common/optimizer.py",
            """        if self.v is None:
            self.v = {key: np.zeros_like(value) for key, value in params.items()}
        for key in params:
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]""",
            """        self.v = {key: np.zeros_like(value) for key, value in params.items()}
        for key in params:
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]""")]
