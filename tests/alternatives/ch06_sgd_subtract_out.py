"""SGD in place through np.subtract(..., out=...)."""
CHAPTERS = ["ch06"]
PATCHES = [("common/optimizer.py",
            """        for key in params:
            params[key] -= self.lr * grads[key]
        ### END SOLUTION""",
            """        for key in params:
            np.subtract(params[key], self.lr * grads[key], out=params[key])
        ### END SOLUTION""")]
