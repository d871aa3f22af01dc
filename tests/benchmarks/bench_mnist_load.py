"""Time the MNIST loader: first load (parse the .gz files) and cached load.

Run from the project root:

    python tests/benchmarks/bench_mnist_load.py [--rounds N]

The .gz files are copied to a temporary folder, so the benchmark neither
reads nor replaces the real cache next to the dataset.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dataset import mnist  # noqa: E402


def timed(func, rounds, before=None):
    times = []
    for _ in range(rounds):
        if before is not None:
            before()
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def report(label, times):
    print(f"{label:<44} min {min(times):7.3f} s   median {statistics.median(times):7.3f} s"
          f"   ({len(times)} rounds)")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="rounds per measurement (default 5)")
    args = parser.parse_args(argv)
    rounds = max(1, args.rounds)

    with tempfile.TemporaryDirectory(prefix="mnist-bench-") as tmp:
        folder = Path(tmp)
        for part in mnist.PARTS.values():
            shutil.copyfile(mnist.DATASET_DIR / part.filename, folder / part.filename)
        cache = folder / mnist.CACHE_NAME

        def drop_cache():
            cache.unlink(missing_ok=True)

        print(f"MNIST loader benchmark, numpy {mnist.np.__version__}, Python {sys.version.split()[0]}")
        report("parse .gz only (no cache)",
               timed(lambda: mnist.load_raw(folder, use_cache=False, download=False), rounds))
        report("first load (parse .gz + write cache)",
               timed(lambda: mnist.load_raw(folder, download=False), rounds, before=drop_cache))
        if not cache.exists():
            print("cache could not be written; cached figures unavailable")
            return 1
        report("cached load, load_raw (uint8)",
               timed(lambda: mnist.load_raw(folder, download=False), rounds))

        previous = os.environ.get(mnist.ENV_VAR)
        os.environ[mnist.ENV_VAR] = str(folder)
        try:
            report("cached load, load_mnist() (float32 [0,1])", timed(mnist.load_mnist, rounds))
            report("cached load, load_mnist(normalize=False)",
                   timed(lambda: mnist.load_mnist(normalize=False), rounds))
        finally:
            if previous is None:
                os.environ.pop(mnist.ENV_VAR, None)
            else:
                os.environ[mnist.ENV_VAR] = previous
    return 0


if __name__ == "__main__":
    sys.exit(main())
