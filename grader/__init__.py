"""The kit's grader. In a notebook (Jupyter, Google Colab)::

    from grader import check
    check("ch05")             # grades the work folder; check("ch05", lang="ko") in Korean

``check`` is grader.frontends.jupyter.check, imported only when asked for, so that importing
any part of the grader (the worker does) never loads the front ends. The command line is
``python -m grader`` (installed: ``dlfs``); the library API is grader.api.
"""

__all__ = ["check"]


def __getattr__(name):
    if name == "check":
        from grader.frontends.jupyter import check

        return check
    raise AttributeError(f"module 'grader' has no attribute {name!r}")
