"""BatchNormalization with eps 10e-7 and a backward pass staged through the variance and the mean."""
CHAPTERS = ["ch06"]
PATCHES = [("common/layers.py",
            """        eps = 1e-7
        if self.running_mean is None:""",
            """        eps = 10e-7
        if self.running_mean is None:"""),
           ("common/layers.py",
            """        dxn = self.gamma * dout2
        dx = (dxn - dxn.mean(axis=0) - self.xn * np.mean(dxn * self.xn, axis=0)) / self.std""",
            """        dxn = self.gamma * dout2
        dxc = dxn / self.std
        dstd = -np.sum(dxn * self.xc / (self.std * self.std), axis=0)
        dvar = 0.5 * dstd / self.std
        dxc += (2.0 / self.batch_size) * self.xc * dvar
        dmu = np.sum(dxc, axis=0)
        dx = dxc - dmu / self.batch_size""")]
