"""BatchNormalization.backward forgets the term that flows through the batch variance."""
CHECK = "ch06: BatchNormalization.backward matches numerical gradient for x, gamma and beta"
DIAGNOSIS = "batchnorm_missing_term"
PATCHES = [("common/layers.py",
            "        dx = (dxn - dxn.mean(axis=0) - self.xn * np.mean(dxn * self.xn, axis=0)) / self.std",
            "        dx = (dxn - dxn.mean(axis=0)) / self.std")]
