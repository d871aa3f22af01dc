"""A straightforward implementation in the book's manner, used as a speed baseline.

It is laid out like a submission (``common/``, ``ch05/``, ``ch07/``) and follows the book's
algorithms: im2col and col2im with loops over the filter offsets, max pooling through im2col,
argmax and col2im. Its modules import each other as ``common.*``, so put this folder (not
its parent) on ``sys.path`` to use it. It is a benchmark baseline, not a reference: nothing
in the kit imports it except the benchmarks and their tests.
"""
