"""Relu.backward returns the 0/1 derivative of relu and forgets to multiply by dout."""
CHECK = "ch05: Relu.backward matches the numerical gradient"
DIAGNOSIS = "missing_dout"
PATCHES = [("common/layers.py",
            "        return dout * ~self.mask",
            "        return 1.0 * ~self.mask")]
