"""The probes of chapter 04's checks: what runs in the worker and calls the submission.

Only these functions and what they need run in the worker (see grader.isolation.levels); the checks
that compare what they return, and the formulas they compare it with, stay in
grader/grading/checks/ch04.py, in the grader's own process.
"""
import numpy as np

from grader.isolation.submission import load

TEST_FUNCTIONS = {  # name: f as the worker computes it (the checks know its exact gradient)
    "sum of cubes": lambda x: float(np.sum(x**3)),
    "sum of exp": lambda x: float(np.sum(np.exp(x))),
    "x0**2 + x1**2": lambda x: float(x[0] ** 2 + x[1] ** 2),
}


def probe_numerical_gradient(function_name, x, captured):
    """numerical_gradient(f, x); with ``captured`` f ignores its argument and reads x
    through a closure, as the book's networks do."""
    numerical_gradient = load("common.gradient", "numerical_gradient")
    f = TEST_FUNCTIONS[function_name]
    target = x
    if captured:
        grad = numerical_gradient(lambda _unused: f(target), x)
    else:
        grad = numerical_gradient(f, x)
    return {"grad": grad, "x_after": x}
