"""SoftmaxWithLoss by log-sum-exp on its own, labels turned into one-hot rows with np.eye."""
CHAPTERS = ["ch05"]
PATCHES = [("common/layers.py",
            """        self.t = t
        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)
        return self.loss""",
            """        if t.ndim == 1:
            t = np.eye(x.shape[1])[t]
        self.t = t
        shifted = x - x.max(axis=1, keepdims=True)
        log_y = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        self.y = np.exp(log_y)
        self.loss = float(-np.sum(self.t * log_y) / x.shape[0])
        return self.loss"""),
           ("common/layers.py",
            """        n = self.y.shape[0]
        dx = self.y.copy()
        if self.t.size == self.y.size:
            dx -= self.t
        else:
            dx[np.arange(n), self.t] -= 1
        return dx * (dout / n)""",
            """        return dout * (self.y - self.t) / len(self.y)""")]
