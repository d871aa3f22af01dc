"""Nesterov.update is plain momentum: the look-ahead terms are left out."""
CHECK = "ch06: Nesterov.update follows Nesterov's momentum rule across steps"
DIAGNOSIS = "nesterov_plain_momentum"
PATCHES = [("common/optimizer.py",
            """            params[key] += mu * mu * self.v[key] - (1 + mu) * self.lr * grads[key]
            self.v[key] = mu * self.v[key] - self.lr * grads[key]""",
            """            self.v[key] = mu * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]""")]
