"""Shared test settings: deterministic hypothesis, no example database."""
import sys
from pathlib import Path

from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

settings.register_profile("kit", derandomize=True, database=None, deadline=None, max_examples=30)
settings.load_profile("kit")
