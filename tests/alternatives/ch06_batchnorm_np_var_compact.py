"""BatchNormalization with np.var, eps 1e-5, and the compact one-line backward over sums."""
CHAPTERS = ["ch06"]
PATCHES = [("common/layers.py",
            """        eps = 1e-7
        if self.running_mean is None:""",
            """        eps = 1e-5
        if self.running_mean is None:"""),
           ("common/layers.py",
            "            var = np.mean(self.xc**2, axis=0)",
            "            var = np.var(x2, axis=0)"),
           ("common/layers.py",
            """        dxn = self.gamma * dout2
        dx = (dxn - dxn.mean(axis=0) - self.xn * np.mean(dxn * self.xn, axis=0)) / self.std""",
            """        n = dout2.shape[0]
        dx = (self.gamma / (n * self.std)) * (n * dout2 - self.dbeta - self.xn * self.dgamma)""")]
