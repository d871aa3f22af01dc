"""SoftmaxWithLoss.backward returns y - t, forgetting that the loss is averaged over the batch."""
CHECK = "ch05: SoftmaxWithLoss.backward gives (y - t) / N, the numerical gradient of the loss"
DIAGNOSIS = "factor_n"
PATCHES = [("common/layers.py", "        return dx * (dout / n)", "        return dx * dout")]
