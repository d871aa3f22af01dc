"""MultiLayerNetExtend draws its own initial weights (as the book's class does) and uses
Xavier's sqrt(1 / fan_in) where weight_init_std='relu' asks for He's sqrt(2 / fan_in)."""
CHECK = "ch06: MultiLayerNet draws He, Xavier and fixed-std initial weights"
DIAGNOSIS = "he_as_xavier"
PATCHES = [("common/multi_layer_net_extend.py",
            """        super().__init__(input_size, hidden_size_list, output_size, activation,
                         weight_init_std, weight_decay_lambda)
""",
            """        super().__init__(input_size, hidden_size_list, output_size, activation,
                         weight_init_std, weight_decay_lambda)
        sizes = [input_size, *hidden_size_list, output_size]
        for idx in range(1, len(sizes)):
            if str(weight_init_std).lower() in ("relu", "he"):
                scale = np.sqrt(1.0 / sizes[idx - 1])
                self.params[f"W{idx}"][...] = scale * np.random.randn(sizes[idx - 1], sizes[idx])
""")]
