"""Momentum with a positive velocity: v = momentum * v + dW; W -= lr * v."""
CHAPTERS = ["ch06"]
PATCHES = [("common/optimizer.py",
            """            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]""",
            """            self.v[key] = self.momentum * self.v[key] + grads[key]
            params[key] -= self.lr * self.v[key]""")]
