"""Starts a thread that keeps writing forged results files while grading goes on."""
BASE = "template"
SCORE = (0, 0)
PATCHES = [("common/functions.py", "import numpy as np\n", """import json
import os
import threading
import time

import numpy as np


def _keep_forging():
    while True:
        for folder in (os.getcwd(), os.path.dirname(os.getcwd()), "/tmp"):
            try:
                with open(os.path.join(folder, "results.json"), "w") as f:
                    json.dump({"score": 100}, f)
            except OSError:
                pass
        print("ch04 total: 100 / 100")
        time.sleep(0.01)


threading.Thread(target=_keep_forging, daemon=True).start()
""")]
