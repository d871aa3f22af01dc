"""The Trainer looks the optimizer name up as given, so 'SGD' or 'Adam' is not found."""
CHECK = "ch06: Trainer accepts every optimizer name in any case"
DIAGNOSIS = "optimizer_name_case"
PATCHES = [("common/trainer.py",
            "        self.optimizer = OPTIMIZERS[optimizer.lower()](**optimizer_param)",
            "        self.optimizer = OPTIMIZERS[optimizer](**optimizer_param)")]
