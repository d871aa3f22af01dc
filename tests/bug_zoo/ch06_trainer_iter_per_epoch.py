"""The Trainer counts an epoch as train_size iterations instead of train_size / mini_batch_size."""
CHECK = "ch06: Trainer runs epochs * train_size / mini_batch_size iterations, one accuracy per epoch"
DIAGNOSIS = "iterations_per_epoch"
PATCHES = [("common/trainer.py",
            "        self.iter_per_epoch = max(self.train_size / mini_batch_size, 1)",
            "        self.iter_per_epoch = max(self.train_size, 1)")]
