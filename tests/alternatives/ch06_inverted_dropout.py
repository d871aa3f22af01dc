"""Inverted dropout: the kept units are scaled by 1 / (1 - ratio) in training, test mode returns x."""
CHAPTERS = ["ch06"]
PATCHES = [("common/layers.py",
            """        if train_flg:
            self.mask = np.random.rand(*x.shape) > self.dropout_ratio
            return x * self.mask
        return x * (1.0 - self.dropout_ratio)""",
            """        if train_flg:
            keep = 1.0 - self.dropout_ratio
            self.mask = (np.random.rand(*x.shape) < keep) / keep
            return x * self.mask
        return x""")]
