"""The routes into the grader: command line, batch, Gradescope, nbgrader course, nox, release."""
