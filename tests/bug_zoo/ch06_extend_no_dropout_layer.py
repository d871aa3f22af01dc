"""MultiLayerNetExtend ignores use_dropout and never adds the Dropout layers."""
CHECK = "ch06: MultiLayerNetExtend with dropout is random in training, deterministic in test mode"
DIAGNOSIS = "dropout_missing"
PATCHES = [("common/multi_layer_net_extend.py",
            """        if self.use_dropout:
            self.layers[f"Dropout{idx}"] = Dropout(self.dropout_ratio)""",
            "")]
