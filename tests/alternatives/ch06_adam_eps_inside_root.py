"""The book's Adam (bias corrections folded into lr_t) with the small constant inside the root,
np.sqrt(v + 1e-7): on the first step v is about 1e-3 g**2, so this moves the step by 2.5e-4
relative to the constant outside, and it is still a correct Adam."""
CHAPTERS = ["ch06"]
PATCHES = [("common/optimizer.py",
            """            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)""",
            """            params[key] -= lr_t * self.m[key] / np.sqrt(self.v[key] + 1e-7)""")]
