"""Adam.update rebinds params[key] to a new array, so the network's layers never see the update."""
CHECK = "ch06: Adam.update follows Adam with bias correction across steps"
DIAGNOSIS = "rebinds_params"
PATCHES = [("common/optimizer.py",
            "            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)",
            "            params[key] = params[key] - lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)")]
