"""MNIST as the worker sees it: the training images and labels and the test images, never the
test labels, which are the MNIST checks' expected values.

The grader's own process writes ``mnist_worker.npz`` once (``prepare``) from the kit's verified
loader; the worker's copy of the kit has this module as ``dataset/mnist.py``, so that a probe's
``from dataset.mnist import load_mnist`` reads that file, and only that file is in the worker's
sandbox.
"""
import atexit
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np

FILE_NAME = "mnist_worker.npz"
ENV_VAR = "MNIST_WORKER_FILE"  # where the worker finds it
NO_LABEL = -1  # the test labels' place holder: the worker never has them


_prepared: dict[str, str] = {}  # directory -> the file written for it by this process


def find(directory):
    """The path of the worker's file for the MNIST files of ``directory``, or None."""
    path = Path(directory) / FILE_NAME
    if path.is_file():
        return str(path)
    return _prepared.get(str(directory))


def prepare(directory, load_mnist):
    """Write the worker's file beside the MNIST files of ``directory``, or, where that folder is
    read-only, in a new folder of this process's own (a shared temporary path could be planted
    by anyone), removed when the process ends; returns its path, or None. ``load_mnist``: the
    kit's loader (verified data)."""
    found = find(directory)
    if found:
        return found
    for folder in (Path(directory), None):
        try:
            if folder is None:
                folder = Path(tempfile.mkdtemp(prefix="dlfs-mnist-worker-"))
                atexit.register(shutil.rmtree, folder, ignore_errors=True)
                os.chmod(folder, 0o755)  # a worker of another user id reads it
            (x_train, t_train), (x_test, _) = load_mnist(normalize=False, flatten=True, one_hot_label=False)
            fd, temporary = tempfile.mkstemp(dir=folder, suffix=".npz")
            try:
                with os.fdopen(fd, "wb") as out:
                    np.savez(out, x_train=x_train, t_train=t_train, x_test=x_test)
                os.chmod(temporary, 0o644)
                os.replace(temporary, folder / FILE_NAME)
            except OSError:
                Path(temporary).unlink(missing_ok=True)  # a full disk leaves no half-written file
                raise
            _prepared[str(directory)] = str(folder / FILE_NAME)
            return str(folder / FILE_NAME)
        except OSError:
            continue
    return None


def load_mnist(normalize=True, flatten=True, one_hot_label=False):
    """The book's ``load_mnist``, as the worker has it: ``(x_train, t_train), (x_test, t_test)``
    with ``t_test`` all ``NO_LABEL`` (all-zero rows with ``one_hot_label``)."""
    path = os.environ.get(ENV_VAR, "")
    if not path or not os.path.isfile(path):
        raise FileNotFoundError("MNIST is not available to the worker (the grader prepares it for MNIST checks)")
    with np.load(path, allow_pickle=False) as data:
        x_train, t_train, x_test = data["x_train"], data["t_train"], data["x_test"]
    t_test = np.full(len(x_test), NO_LABEL, dtype=np.int64)

    def images(values):
        if normalize:
            values = values.astype(np.float32) / np.float32(255.0)
        return values if flatten else values.reshape(-1, 1, 28, 28)

    def labels(values):
        if not one_hot_label:
            return values
        rows = np.zeros((len(values), 10), dtype=np.float32)
        known = values >= 0
        rows[np.flatnonzero(known), values[known].astype(np.int64)] = 1
        return rows

    return (images(x_train), labels(t_train)), (images(x_test), labels(t_test))
