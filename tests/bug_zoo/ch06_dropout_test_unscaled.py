"""Dropout returns x unchanged in test mode although training keeps units unscaled."""
CHECK = "ch06: Dropout.forward drops units in training and keeps the expected output in test mode"
DIAGNOSIS = "dropout_test_scale"
PATCHES = [("common/layers.py",
            "        return x * (1.0 - self.dropout_ratio)",
            "        return x")]
