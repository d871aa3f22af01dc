"""Optimizer state made per key on first sight (dict.setdefault / ``if key not in``), velocities and
averages updated in place (``*=``, ``-=``, ``+=``), squares by np.power, loops over the keys of grads."""
CHAPTERS = ["ch06"]
PATCHES = [("common/optimizer.py",
            """        if self.v is None:
            self.v = {key: np.zeros_like(value) for key, value in params.items()}
        for key in params:
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]""",
            """        if self.v is None:
            self.v = {}
        for key in grads:
            velocity = self.v.setdefault(key, np.zeros_like(params[key]))
            velocity *= self.momentum
            velocity -= self.lr * grads[key]
            params[key] += velocity"""),
           ("common/optimizer.py",
            """        if self.h is None:
            self.h = {key: np.zeros_like(value) for key, value in params.items()}
        for key in params:
            self.h[key] += grads[key] ** 2
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)""",
            """        if self.h is None:
            self.h = {}
        for key in grads:
            if key not in self.h:
                self.h[key] = np.zeros_like(params[key])
            self.h[key] += np.power(grads[key], 2)
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)"""),
           ("common/optimizer.py",
            """            self.h[key] = self.decay_rate * self.h[key] + (1 - self.decay_rate) * grads[key] ** 2""",
            """            self.h[key] *= self.decay_rate
            self.h[key] += (1 - self.decay_rate) * grads[key] * grads[key]""")]
