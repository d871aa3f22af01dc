"""Backprop never written in chapter 7's layers: Convolution.backward (for x, W and b) and
Pooling.backward are central differences of the layer's own forward, the rest of the reference
unchanged."""
BASE = "reference"
SCORE = (0, 76)  # without the 24 points of Convolution.backward and Pooling.backward
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


_numerical(Convolution, ("W", "b"))
_numerical(Pooling)
""")]
