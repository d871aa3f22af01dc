"""A learner who plots in the graded files: common/functions.py imports matplotlib and draws the
sigmoid when imported; common/gradient.py plots under ``if __name__ == "__main__"``."""
CHAPTERS = ["ch04"]
PATCHES = [("common/functions.py",
            """def mean_squared_error(y, t):""",
            """import matplotlib.pyplot as plt  # noqa: E402

_xs = np.arange(-5.0, 5.0, 0.1)
plt.plot(_xs, 1 / (1 + np.exp(-_xs)))
plt.ylim(-0.1, 1.1)
plt.savefig("sigmoid.png")
plt.show()


def mean_squared_error(y, t):"""),
           ("common/gradient.py",
            """import numpy as np""",
            """import matplotlib.pylab as plt
import numpy as np

if __name__ == "__main__":
    plt.plot([0, 1], [0, 1])
    plt.show()""")]
