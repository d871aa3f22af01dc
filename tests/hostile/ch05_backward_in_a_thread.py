"""Backprop never written, and hidden from the call counter: Relu.backward and Sigmoid.backward
run central differences of their forward in a thread started with the low-level _thread module
(which the threading module's profiler hook does not reach) and wait for it. The rest of the
reference unchanged."""
BASE = "reference"
SCORE = (0, 93)  # without Relu.backward (5) and Sigmoid.backward (5)
PATCHES = [("common/layers.py", """        return dx_padded[:, :, p : h + p, p : w + p]
        ### END SOLUTION
""", """        return dx_padded[:, :, p : h + p, p : w + p]
        ### END SOLUTION


def _in_a_thread(work):
    import _thread

    done, box = _thread.allocate_lock(), {}
    done.acquire()

    def run():
        try:
            box["value"] = work()
        finally:
            done.release()

    _thread.start_new_thread(run, ())
    done.acquire()
    return box["value"]


def _differences(f, x, dout, h=1e-5):
    grad = np.zeros(x.shape)
    flat, out = x.reshape(-1), grad.reshape(-1)
    for i in range(flat.size):
        keep = flat[i]
        flat[i] = keep + h
        up = np.sum(f(x) * dout)
        flat[i] = keep - h
        down = np.sum(f(x) * dout)
        flat[i] = keep
        out[i] = (up - down) / (2 * h)
    return grad


def _threaded(cls, f):
    forward = cls.forward

    def remembering_forward(self, x, *args, **kwargs):
        self._x = np.array(x, dtype=np.float64)
        return forward(self, x, *args, **kwargs)

    def backward(self, dout):
        return _in_a_thread(lambda: _differences(f, self._x, dout))

    cls.forward = remembering_forward
    cls.backward = backward


_threaded(Relu, lambda v: np.maximum(v, 0))
_threaded(Sigmoid, lambda v: 1 / (1 + np.exp(-v)))
""")]
