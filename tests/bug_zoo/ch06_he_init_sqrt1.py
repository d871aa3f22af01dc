"""He initialisation with sqrt(1 / fan_in), the Xavier scale, for relu."""
CHECK = "ch06: MultiLayerNet draws He, Xavier and fixed-std initial weights"
DIAGNOSIS = "he_as_xavier"
PATCHES = [("common/multi_layer_net.py",
            "            return np.sqrt(2.0 / fan_in)",
            "            return np.sqrt(1.0 / fan_in)")]
