"""Multiplication and addition nodes of a computational graph (chapter 5.4)."""


class MulLayer:
    """out = x * y. Keeps x and y: each one's gradient is the other times dout."""

    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        ### BEGIN SOLUTION
        self.x = x
        self.y = y
        return x * y
        ### END SOLUTION

    def backward(self, dout):
        """Returns (dx, dy) = (dout * y, dout * x)."""
        ### BEGIN SOLUTION
        return dout * self.y, dout * self.x
        ### END SOLUTION


class AddLayer:
    """out = x + y. The gradient passes through unchanged to both inputs."""

    def __init__(self):
        pass

    def forward(self, x, y):
        ### BEGIN SOLUTION
        return x + y
        ### END SOLUTION

    def backward(self, dout):
        """Returns (dx, dy) = (dout, dout)."""
        ### BEGIN SOLUTION
        return dout * 1, dout * 1
        ### END SOLUTION
