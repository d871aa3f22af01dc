"""Backprop never written: every layer's backward is central differences of the layer's own
forward (for x and for its parameters), the rest of the reference unchanged."""
BASE = "reference"
SCORE = (0, 73)  # without the 30 points of the layers' backward checks
PATCHES = [("common/layers.py", """        return dx_padded[:, :, p : h + p, p : w + p]
        ### END SOLUTION
""", """        return dx_padded[:, :, p : h + p, p : w + p]
        ### END SOLUTION


def _central_differences(f, array, h=1e-5):
    grad = np.zeros(array.shape)
    flat, out = array.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):
        keep = flat[i]
        flat[i] = keep + h
        up = f()
        flat[i] = keep - h
        down = f()
        flat[i] = keep
        out[i] = (up - down) / (2 * h)
    return grad


def _numerical(cls, params=(), loss=False):
    forward = cls.forward

    def remembering_forward(self, *args, **kwargs):
        self._args = [np.array(a, dtype=np.float64) if i == 0 else a for i, a in enumerate(args)]
        self._kwargs = kwargs
        return forward(self, *args, **kwargs)

    def backward(self, dout=1):
        x = self._args[0]

        def total():
            out = forward(self, x, *self._args[1:], **self._kwargs)
            return float(np.sum(np.asarray(out) * dout))

        for name in params:
            array = getattr(self, name)
            setattr(self, "d" + name, _central_differences(total, array))
        dx = _central_differences(total, x)
        forward(self, x, *self._args[1:], **self._kwargs)
        return dx

    cls.forward = remembering_forward
    cls.backward = backward


for _cls in (Relu, Sigmoid):
    _numerical(_cls)
_numerical(Affine, ("W", "b"))
_numerical(SoftmaxWithLoss, loss=True)
""")]
