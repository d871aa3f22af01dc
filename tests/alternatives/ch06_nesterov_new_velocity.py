"""Nesterov as in the book's own code: the velocity is updated first and the new one used."""
CHAPTERS = ["ch06"]
PATCHES = [("common/optimizer.py",
            """            params[key] += mu * mu * self.v[key] - (1 + mu) * self.lr * grads[key]
            self.v[key] = mu * self.v[key] - self.lr * grads[key]""",
            """            self.v[key] *= mu
            self.v[key] -= self.lr * grads[key]
            params[key] += mu * mu * self.v[key]
            params[key] -= (1 + mu) * self.lr * grads[key]""")]
