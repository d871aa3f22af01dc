"""TwoLayerNet.accuracy compares argmax labels with t directly, without turning one-hot t into labels."""
CHECK = "ch05: TwoLayerNet predict, loss and accuracy match Affine-Relu-Affine-Softmax"
DIAGNOSIS = "one_hot_labels"
PATCHES = [("ch05/two_layer_net.py",
            """        if t.ndim != 1:
            t = np.argmax(t, axis=1)
        return float(np.mean(y == t))""",
            """        return np.sum(y == t) / float(x.shape[0])""")]
