"""numerical_gradient with a forward difference (f(x+h) - f(x)) / h."""
CHECK = "ch04: numerical_gradient on 1-D input matches the known derivatives"
DIAGNOSIS = "forward_difference"
PATCHES = [("common/gradient.py",
            """            x[idx] = original - h
            f_minus = f(x)""",
            """            x[idx] = original
            f_minus = f(x)"""),
           ("common/gradient.py",
            "        grad[idx] = (f_plus - f_minus) / (2 * h)",
            "        grad[idx] = (f_plus - f_minus) / h")]
