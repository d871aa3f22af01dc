"""Affine.backward returns dx as (N, D), not reshaped back to the input's (N, C, H, W)."""
CHECK = "ch05: Affine.backward returns dx in the input's shape, matching the numerical gradient"
DIAGNOSIS = "reshaped"
PATCHES = [("common/layers.py", "        return dx.reshape(self.original_x_shape)", "        return dx")]
