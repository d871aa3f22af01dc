"""SoftmaxWithLoss.forward feeds the raw scores x to cross_entropy_error, forgetting the softmax."""
CHECK = "ch05: SoftmaxWithLoss.forward gives the mean cross-entropy of softmax(x)"
DIAGNOSIS = "loss_without_softmax"
PATCHES = [("common/layers.py",
            """        self.y = softmax(x)
        self.loss = cross_entropy_error(self.y, self.t)""",
            """        self.y = softmax(x)
        self.loss = cross_entropy_error(x, self.t)""")]
