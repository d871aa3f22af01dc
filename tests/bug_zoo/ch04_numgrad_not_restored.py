"""numerical_gradient that forgets to put x[idx] back."""
CHECK = "ch04: numerical_gradient leaves x unchanged"
PATCHES = [("common/gradient.py",
            """        finally:
            x[idx] = original""",
            """        finally:
            pass""")]
