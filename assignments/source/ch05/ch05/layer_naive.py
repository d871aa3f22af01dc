"""Multiplication and addition nodes of a computational graph (chapter 5.4)."""


class MulLayer:
    """out = x * y. Keeps x and y: each one's gradient is the other times dout."""

    def __init__(self):
        self.x = None
        self.y = None

    def forward(self, x, y):
        raise NotImplementedError("MulLayer.forward (ch05): not implemented yet; write it in ch05/layer_naive.py")

    def backward(self, dout):
        """Returns (dx, dy) = (dout * y, dout * x)."""
        raise NotImplementedError("MulLayer.backward (ch05): not implemented yet; write it in ch05/layer_naive.py")


class AddLayer:
    """out = x + y. The gradient passes through unchanged to both inputs."""

    def __init__(self):
        pass

    def forward(self, x, y):
        raise NotImplementedError("AddLayer.forward (ch05): not implemented yet; write it in ch05/layer_naive.py")

    def backward(self, dout):
        """Returns (dx, dy) = (dout, dout)."""
        raise NotImplementedError("AddLayer.backward (ch05): not implemented yet; write it in ch05/layer_naive.py")
