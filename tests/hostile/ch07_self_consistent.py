"""Nothing right, everything consistent: im2col and col2im return zeros of the right shape.
Properties that wrong results can have earn nothing."""
from tests.hostile.self_consistent import append

BASE = "template"
SCORE = (0, 0)
PATCHES = []


def MAKE(folder):
    append(folder, "common/util.py", '''def _size(size, filter_size, stride, pad):
    return (size + 2 * pad - filter_size) // stride + 1


def im2col(input_data, filter_h, filter_w, stride=1, pad=0):
    n, c, h, w = np.shape(input_data)
    rows = n * _size(h, filter_h, stride, pad) * _size(w, filter_w, stride, pad)
    return np.zeros((rows, c * filter_h * filter_w))


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    return np.zeros(input_shape)
''')
