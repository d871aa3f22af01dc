"""SoftmaxWithLoss.backward for one-hot targets written y - t / batch_size, which divides only t."""
CHECK = "ch05: SoftmaxWithLoss.backward gives (y - t) / N, the numerical gradient of the loss"
DIAGNOSIS = "precedence"
PATCHES = [("common/layers.py",
            """        n = self.y.shape[0]
        dx = self.y.copy()
        if self.t.size == self.y.size:
            dx -= self.t
        else:
            dx[np.arange(n), self.t] -= 1
        return dx * (dout / n)""",
            """        batch_size = self.t.shape[0]
        if self.t.size == self.y.size:
            dx = self.y - self.t / batch_size
        else:
            dx = self.y.copy()
            dx[np.arange(batch_size), self.t] -= 1
            dx = dx / batch_size
        return dx""")]
