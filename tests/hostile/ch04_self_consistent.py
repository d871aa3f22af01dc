"""Nothing right, everything consistent: softmax gives probabilities that sum to 1 and follow
the logits' order (their ranks, not exp), the loss is large where the target's probability is 0
and 0 where it is 1 (not a cross-entropy), numerical_gradient leaves x unchanged and returns
zeros. Properties that wrong results can have earn nothing."""
from tests.hostile.self_consistent import append

BASE = "template"
SCORE = (0, 0)
PATCHES = []


def MAKE(folder):
    append(folder, "common/functions.py", '''def softmax(x):
    x = np.asarray(x, dtype=np.float64)
    ranks = np.argsort(np.argsort(x, axis=-1), axis=-1) + 1.0
    ties = x == np.max(x, axis=-1, keepdims=True)
    ranks = np.where(ties, np.max(ranks, axis=-1, keepdims=True), ranks)
    return ranks / np.sum(ranks, axis=-1, keepdims=True)


def cross_entropy_error(y, t):
    y = np.asarray(y, dtype=np.float64)
    t = np.asarray(t)
    if y.ndim == 1:
        y, t = y.reshape(1, -1), t.reshape(1, -1) if t.ndim == 1 and t.size == y.size else t.reshape(-1)
    if t.size == y.size:
        t = np.argmax(t, axis=1)
    return float(20 * np.mean(1 - y[np.arange(len(y)), t]))
''')
    append(folder, "common/gradient.py", '''def numerical_gradient(f, x):
    return np.zeros_like(x)
''')
