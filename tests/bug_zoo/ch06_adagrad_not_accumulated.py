"""AdaGrad keeps only the last squared gradient (h = g * g) instead of summing them."""
CHECK = "ch06: AdaGrad.update divides by the root of the summed squared gradients"
DIAGNOSIS = "state_reset"
PATCHES = [("common/optimizer.py",
            "            self.h[key] += grads[key] ** 2",
            "            self.h[key] = grads[key] ** 2")]
