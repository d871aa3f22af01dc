"""SGD's default learning rate is 0.1 instead of the book's 0.01."""
CHECK = "ch06: SGD.update moves params by -lr * grad, in place"
DIAGNOSIS = "default_hyperparameters"
PATCHES = [("common/optimizer.py",
            '''    """Stochastic gradient descent: W <- W - lr * dW."""

    def __init__(self, lr=0.01):''',
            '''    """Stochastic gradient descent: W <- W - lr * dW."""

    def __init__(self, lr=0.1):''')]
