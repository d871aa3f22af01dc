"""Adam as in the paper: bias-corrected m_hat and v_hat, eps 1e-8 outside the root."""
CHAPTERS = ["ch06"]
PATCHES = [("common/optimizer.py",
            """        self.iter += 1
        # Folding both bias corrections into the step size saves two array passes.
        lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)
        for key in params:
            g = grads[key]
            # m <- beta1 * m + (1 - beta1) * g, as an in-place step from m towards g.
            self.m[key] += (1 - self.beta1) * (g - self.m[key])
            self.v[key] += (1 - self.beta2) * (g * g - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)""",
            """        self.iter += 1
        t = self.iter
        for key in params:
            g = grads[key]
            self.m[key] = self.beta1 * self.m[key] + (1 - self.beta1) * g
            self.v[key] = self.beta2 * self.v[key] + (1 - self.beta2) * np.square(g)
            m_hat = self.m[key] / (1 - self.beta1**t)
            v_hat = self.v[key] / (1 - self.beta2**t)
            params[key] -= self.lr * m_hat / (np.sqrt(v_hat) + 1e-8)""")]
