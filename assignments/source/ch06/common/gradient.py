"""Numerical differentiation (chapter 4)."""
import numpy as np


def numerical_gradient(f, x):
    """Gradient of the scalar function f at x by central differences.

    f: callable taking x and returning a float. The book's networks pass
       ``lambda W: net.loss(x, t)``, which ignores its argument and reads the
       parameters that this function perturbs in place: so x must be changed in place,
       one element at a time, and restored afterwards.
    x: float array of any shape. Returns an array of x's shape with
       (f(x + h e_i) - f(x - h e_i)) / (2h), h = 1e-4. On return x holds its original values.
    Hint: ``np.nditer(x, flags=['multi_index'])`` visits every index of an N-D array.
    """
    raise NotImplementedError("numerical_gradient (ch04): not implemented yet; write it in common/gradient.py")
