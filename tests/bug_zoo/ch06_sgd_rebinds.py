"""SGD.update rebinds params[key] to a new array instead of updating it in place."""
CHECK = "ch06: SGD.update moves params by -lr * grad, in place"
DIAGNOSIS = "rebinds_params"
PATCHES = [("common/optimizer.py",
            """        for key in params:
            params[key] -= self.lr * grads[key]
        ### END SOLUTION""",
            """        for key in params:
            params[key] = params[key] - self.lr * grads[key]
        ### END SOLUTION""")]
