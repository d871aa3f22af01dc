"""The original Japanese repository's name for the loss: sum_squared_error (same 0.5 * sum)."""
CHAPTERS = ["ch04"]
PATCHES = [("common/functions.py",
            """def mean_squared_error(y, t):""",
            """def sum_squared_error(y, t):""")]
