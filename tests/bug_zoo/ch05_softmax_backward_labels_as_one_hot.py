"""SoftmaxWithLoss.backward subtracts t as if it were always one-hot, also when t holds labels."""
CHECK = "ch05: SoftmaxWithLoss.backward gives (y - t) / N, the numerical gradient of the loss"
DIAGNOSIS = "labels_as_one_hot"
PATCHES = [("common/layers.py",
            """        dx = self.y.copy()
        if self.t.size == self.y.size:
            dx -= self.t
        else:
            dx[np.arange(n), self.t] -= 1
        return dx * (dout / n)""",
            """        dx = (self.y - self.t) / n
        return dx * dout""")]
