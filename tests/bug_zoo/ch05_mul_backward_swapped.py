"""MulLayer.backward returns (dout * x, dout * y): each input gets its own value, not the other's."""
CHECK = "ch05: MulLayer.forward gives x * y and backward gives (dout * y, dout * x)"
DIAGNOSIS = "mul_backward_swapped"
PATCHES = [("ch05/layer_naive.py",
            "        return dout * self.y, dout * self.x",
            "        return dout * self.x, dout * self.y")]
