"""The optimizer table of the Trainer spells RMSprop's key 'rmsprpo' (as the book's own code does)."""
CHECK = "ch06: Trainer accepts every optimizer name in any case"
DIAGNOSIS = "optimizer_key_spelling"
PATCHES = [("common/trainer.py",
            '    "rmsprop": RMSprop,',
            '    "rmsprpo": RMSprop,')]
