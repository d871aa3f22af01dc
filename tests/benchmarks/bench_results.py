"""Where the benchmarks write their results: JSON files under build/bench/, one per run, so that
runs can be compared."""
import datetime
import json
import os
import platform
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_JSON_DIR = ROOT / "build" / "bench"


def default_json_path(kind):
    """build/bench/<kind>-<date>-<time>.json"""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    return DEFAULT_JSON_DIR / f"{kind}-{stamp}.json"


def machine_info():
    """What the figures depend on: platform, cores, versions, BLAS thread settings, load."""
    info = {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "threads_env": {k: os.environ.get(k) for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")},
    }
    if hasattr(os, "getloadavg"):
        info["load_average_start"] = os.getloadavg()
    return info


def write_json(results, kind, path=None):
    """Write results (a dict) as JSON to path (default: a new file under build/bench/); returns the path."""
    results.setdefault("created", datetime.datetime.now().isoformat(timespec="seconds"))
    if hasattr(os, "getloadavg"):
        results.setdefault("machine", {})["load_average_end"] = os.getloadavg()
    path = Path(path) if path else default_json_path(kind)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1))
    print(f"\nresults written to {path}")
    return path
