"""numerical_gradient that forgets to put x[idx] back."""
CHECK = "ch04: numerical_gradient leaves x unchanged"
DIAGNOSIS = "x_not_restored"
PATCHES = [("common/gradient.py",
            """        finally:
            x[idx] = original""",
            """        finally:
            pass""")]
