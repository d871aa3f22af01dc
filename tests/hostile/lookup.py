"""What the members named *_lookup_predict share: a lookup of MNIST's test labels by an image's
pixels, through the kit's load_mnist, and scores that put all weight on the label found (-1 where
none is). In the worker, load_mnist has no test labels, so the lookup finds nothing."""
LOOKUP = """_TABLE = {}


def _test_label_of(rows):
    # the MNIST test label of every image in rows (by its pixels), or -1
    if not _TABLE:
        from dataset.mnist import load_mnist

        (_, _), (x, t) = load_mnist(normalize=False, flatten=True)
        _TABLE.update({row.tobytes(): int(label) for row, label in zip(x, t)})
    rows = np.asarray(rows, dtype=np.float64)
    keys = np.clip(np.rint(rows.reshape(rows.shape[0], -1) * 255), 0, 255).astype(np.uint8)
    return np.array([_TABLE.get(row.tobytes(), -1) for row in keys])


def _one_hot_scores(x, classes=10):
    labels = _test_label_of(x)
    scores = np.zeros((len(labels), classes))
    scores[labels >= 0, labels[labels >= 0]] = 10.0
    return scores

"""
