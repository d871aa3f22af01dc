"""AddLayer.backward passes dout to x only and returns 0 for y."""
CHECK = "ch05: AddLayer.forward gives x + y and backward gives (dout, dout)"
DIAGNOSIS = "all_zero"
PATCHES = [("ch05/layer_naive.py", "        return dout * 1, dout * 1", "        return dout, 0")]
