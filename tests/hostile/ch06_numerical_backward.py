"""Backprop never written in chapter 6's layers: BatchNormalization.backward is central
differences of its own training forward (for x, gamma and beta, the running averages put back
afterwards) and Dropout.backward central differences of x * mask; the rest of the reference
unchanged."""
BASE = "reference"
SCORE = (0, 88)  # without BatchNormalization.backward (8) and Dropout.backward (4)
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


_bn_forward = BatchNormalization.forward


def _bn_remembering_forward(self, x, train_flg=True):
    if train_flg:
        self._x = np.array(x, dtype=np.float64)
    return _bn_forward(self, x, train_flg)


def _bn_backward(self, dout):
    x = self._x
    kept = (self.running_mean.copy(), self.running_var.copy())

    def total():
        return float(np.sum(_bn_forward(self, x, True) * dout))

    gamma, beta = np.asarray(self.gamma, dtype=np.float64), np.asarray(self.beta, dtype=np.float64)
    self.gamma, self.beta = gamma, beta
    self.dgamma = _central_differences(total, gamma)
    self.dbeta = _central_differences(total, beta)
    dx = _central_differences(total, x)
    _bn_forward(self, x, True)
    self.running_mean, self.running_var = kept
    return dx


BatchNormalization.forward = _bn_remembering_forward
BatchNormalization.backward = _bn_backward

_dropout_forward = Dropout.forward


def _dropout_remembering_forward(self, x, train_flg=True):
    self._x = np.array(x, dtype=np.float64)
    return _dropout_forward(self, x, train_flg)


def _dropout_backward(self, dout):
    x = self._x.copy()
    return _central_differences(lambda: float(np.sum(x * self.mask * dout)), x)


Dropout.forward = _dropout_remembering_forward
Dropout.backward = _dropout_backward
""")]
