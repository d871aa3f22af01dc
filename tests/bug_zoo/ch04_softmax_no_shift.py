"""softmax without subtracting the maximum: exp overflows for large logits."""
CHECK = "ch04: softmax does not overflow for logits of 1000"
DIAGNOSIS = "overflow"
PATCHES = [("common/functions.py",
            "    shifted = x - np.max(x, axis=-1, keepdims=True)",
            "    shifted = x")]
