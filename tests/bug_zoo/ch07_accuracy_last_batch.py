"""SimpleConvNet.accuracy overwrites the count with each batch (= instead of +=), so only the last batch counts."""
CHECK = "ch07: SimpleConvNet.accuracy evaluated in batches counts every sample"
DIAGNOSIS = "accumulator_overwritten"
PATCHES = [("ch07/simple_convnet.py",
            "            correct += np.sum(np.argmax(y, axis=1) == t[start : start + batch_size])",
            "            correct = np.sum(np.argmax(y, axis=1) == t[start : start + batch_size])")]
