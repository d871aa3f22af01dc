"""Momentum's default momentum is 0.8 instead of the book's 0.9: the first step (v = 0) is right,
the later ones are not, which looks like a state kept wrong but is only the default."""
CHECK = "ch06: Momentum.update follows v = momentum * v - lr * grad, W += v across steps"
DIAGNOSIS = "default_hyperparameters"
PATCHES = [("common/optimizer.py",
            '    """Momentum SGD: v <- momentum * v - lr * dW; W <- W + v (v starts at 0)."""\n\n'
            "    def __init__(self, lr=0.01, momentum=0.9):",
            '    """Momentum SGD: v <- momentum * v - lr * dW; W <- W + v (v starts at 0)."""\n\n'
            "    def __init__(self, lr=0.01, momentum=0.8):")]
