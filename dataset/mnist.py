"""Loader for the MNIST handwritten-digit dataset.

The four gzip-compressed IDX files live next to this module (or in the folder
named by the ``MNIST_DIR`` environment variable).  A missing file is downloaded
from a public mirror; every file is checked against the SHA-256 of its
decompressed content before use.  The parsed arrays are cached in
``mnist_cache.npz`` in the same folder so later loads are fast (where that folder is read-only,
as in a kit installed for all users, in the user's cache folder: ``$XDG_CACHE_HOME/dlfs-kit``,
else ``~/.cache/dlfs-kit``); the cached arrays are checked
against the same checksums (of the content they would be parsed from) on every load, so a
cache with other data (wrong labels, edited images) is rebuilt, never used.

Main entry point::

    from dataset.mnist import load_mnist
    (x_train, t_train), (x_test, t_test) = load_mnist(normalize=True, flatten=True)

Shapes and dtypes:

* images: ``(N, 784)`` (``flatten=True``) or ``(N, 1, 28, 28)``; ``float32`` in
  ``[0, 1]`` when ``normalize=True``, otherwise ``uint8`` in ``0..255``;
* labels: ``uint8`` of shape ``(N,)``, or ``float32`` one-hot of shape
  ``(N, 10)`` when ``one_hot_label=True``;
* ``N`` is 60000 for the training set and 10000 for the test set.
"""

from __future__ import annotations

import gzip
import hashlib
import http.client
import os
import struct
import sys
import tempfile
import urllib.request
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import IO, NamedTuple

import numpy as np

__all__ = [
    "MnistFileError",
    "load_mnist",
    "load_raw",
    "download_file",
    "default_directory",
    "DATASET_DIR",
    "MIRRORS",
    "CACHE_NAME",
    "PARTS",
]

#: Folder holding this module; the default location of the data files.
DATASET_DIR = Path(__file__).resolve().parent

#: Environment variable that, when set, replaces :data:`DATASET_DIR`.
ENV_VAR = "MNIST_DIR"

#: Base URLs tried in order when a file has to be downloaded.
MIRRORS = [
    "https://ossci-datasets.s3.amazonaws.com/mnist/",
    "https://storage.googleapis.com/cvdf-datasets/mnist/",
]

#: Name of the cache of parsed arrays, stored next to the data files.
CACHE_NAME = "mnist_cache.npz"

#: Bump when the layout of the cache file changes.
CACHE_FORMAT = 1

DOWNLOAD_TIMEOUT = 30.0  # seconds, per network operation
DOWNLOAD_CHUNK = 64 * 1024

IMAGE_MAGIC = 2051
LABEL_MAGIC = 2049
ROWS = COLS = 28
IMAGE_SIZE = ROWS * COLS
NUM_CLASSES = 10


class MnistPart(NamedTuple):
    """Description of one MNIST file."""

    filename: str  # name of the gzip file
    magic: int  # IDX magic number (2051 images, 2049 labels)
    count: int  # number of items it holds
    sha256: str  # SHA-256 of the decompressed content


#: The four files, smallest first so that a damaged label file is reported
#: before the large training-image file is decompressed.
PARTS: dict[str, MnistPart] = {
    "test_label": MnistPart(
        "t10k-labels-idx1-ubyte.gz", LABEL_MAGIC, 10000,
        "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
    ),
    "train_label": MnistPart(
        "train-labels-idx1-ubyte.gz", LABEL_MAGIC, 60000,
        "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    ),
    "test_img": MnistPart(
        "t10k-images-idx3-ubyte.gz", IMAGE_MAGIC, 10000,
        "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    ),
    "train_img": MnistPart(
        "train-images-idx3-ubyte.gz", IMAGE_MAGIC, 60000,
        "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    ),
}

_REPAIR_ADVICE = (
    "Delete this file and run again to download a fresh copy, "
    "or copy the original from the exercise kit's dataset folder."
)

# Errors that mean "this mirror did not work, try the next one".
_NETWORK_ERRORS = (OSError, http.client.HTTPException, ValueError, EOFError)


class MnistFileError(RuntimeError):
    """A data file is missing, unreadable, or does not hold the expected data.

    Attributes:
        path: the offending file.
        problem: short description of what is wrong.
    """

    def __init__(self, path: os.PathLike | str, problem: str, advice: str = _REPAIR_ADVICE):
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"MNIST file '{self.path.name}' ({self.path}): {problem}. {advice}")


def user_cache_directory() -> Path:
    """Where the parsed arrays are cached when the data files' folder is read-only."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dlfs-kit"


def _cache_directories(directory: Path) -> list[Path]:
    """Where the cache of ``directory``'s files is: beside them, or, only when that folder is
    read-only, in the user's cache folder."""
    if not directory.is_dir() or os.access(directory, os.W_OK):
        return [directory]
    return [user_cache_directory()]


def default_directory() -> Path:
    """Folder holding the data files: ``$MNIST_DIR`` if set, else this package's folder."""
    env = os.environ.get(ENV_VAR)
    return Path(env).expanduser() if env else DATASET_DIR


# ---------------------------------------------------------------------------
# Reading and checking one file
# ---------------------------------------------------------------------------

def _decompress(path: Path) -> bytes:
    """Return the decompressed content of the gzip file at ``path``."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise MnistFileError(
            path, "file is missing",
            "Run again with network access to download it, "
            "or copy it from the exercise kit's dataset folder.",
        ) from exc
    except OSError as exc:
        raise MnistFileError(path, f"file cannot be read ({exc})") from exc
    if not raw:
        raise MnistFileError(path, "file is empty")
    if raw[:2] != b"\x1f\x8b":
        raise MnistFileError(path, "not a gzip file (wrong leading bytes)")
    try:
        return gzip.decompress(raw)
    except EOFError as exc:
        raise MnistFileError(path, "file is truncated (compressed data ends early)") from exc
    except (gzip.BadGzipFile, zlib.error, ValueError) as exc:
        raise MnistFileError(path, f"compressed data is corrupted ({exc})") from exc
    except OSError as exc:
        raise MnistFileError(path, f"file cannot be decompressed ({exc})") from exc


def _check_header(path: Path, data: bytes, part: MnistPart) -> int:
    """Validate the IDX header in ``data``; return the header length in bytes."""
    is_image = part.magic == IMAGE_MAGIC
    header_len = 16 if is_image else 8
    kind = "image" if is_image else "label"
    if len(data) < header_len:
        raise MnistFileError(
            path, f"file is truncated (only {len(data)} bytes, shorter than an IDX header)"
        )
    magic, count = struct.unpack_from(">II", data, 0)
    if magic != part.magic:
        raise MnistFileError(
            path, f"bad magic number {magic} (expected {part.magic} for an MNIST {kind} file)"
        )
    if count != part.count:
        raise MnistFileError(path, f"header announces {count} items, expected {part.count}")
    item_size = 1
    if is_image:
        rows, cols = struct.unpack_from(">II", data, 8)
        if (rows, cols) != (ROWS, COLS):
            raise MnistFileError(path, f"images are {rows}x{cols}, expected {ROWS}x{COLS}")
        item_size = IMAGE_SIZE
    expected = header_len + count * item_size
    if len(data) < expected:
        raise MnistFileError(
            path, f"file is truncated ({len(data)} bytes of content, expected {expected})"
        )
    if len(data) > expected:
        raise MnistFileError(
            path, f"file has extra data ({len(data)} bytes of content, expected {expected})"
        )
    return header_len


def _load_part(path: Path, part: MnistPart) -> np.ndarray:
    """Decompress, verify and parse one file.

    Returns a new writable ``uint8`` array: ``(count, 784)`` for images,
    ``(count,)`` for labels.  Raises :class:`MnistFileError` on any problem.
    """
    data = _decompress(path)
    header_len = _check_header(path, data, part)
    digest = hashlib.sha256(data).hexdigest()
    if digest != part.sha256:
        raise MnistFileError(
            path, f"checksum mismatch (SHA-256 of content is {digest}, expected {part.sha256})"
        )
    try:
        values = np.frombuffer(data, dtype=np.uint8, offset=header_len)
        if part.magic == IMAGE_MAGIC:
            values = values.reshape(part.count, IMAGE_SIZE)
        return values.copy()
    except ValueError as exc:
        raise MnistFileError(path, f"content cannot be parsed ({exc})") from exc


# ---------------------------------------------------------------------------
# Downloading
# ---------------------------------------------------------------------------

def _open_url(url: str, timeout: float):
    """Open ``url`` and return a file-like response (separate so it can be replaced)."""
    return urllib.request.urlopen(url, timeout=timeout)


def _part_for(filename: str) -> MnistPart:
    for part in PARTS.values():
        if part.filename == filename:
            return part
    raise ValueError(f"unknown MNIST file name {filename!r}")


def _content_length(response) -> int | None:
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    try:
        value = headers.get("Content-Length")
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _is_tty(stream: IO[str]) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


class _Progress:
    """One-line progress display (redrawn with carriage returns on a terminal)."""

    WIDTH = 30

    def __init__(self, name: str, url: str, total: int | None, stream: IO[str]):
        self.name = name
        self.total = total
        self.stream = stream
        self.tty = _is_tty(stream)
        self.last_shown = -1
        if not self.tty:
            self._write(f"Downloading {name} from {url} ...\n")

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            pass

    def update(self, done: int) -> None:
        if not self.tty:
            return
        if self.total:
            percent = min(100, done * 100 // self.total)
            if percent == self.last_shown:
                return
            self.last_shown = percent
            filled = self.WIDTH * percent // 100
            bar = "#" * filled + "-" * (self.WIDTH - filled)
            self._write(f"\rDownloading {self.name} [{bar}] {percent:3d}% "
                        f"{done:,}/{self.total:,} bytes")
        else:
            step = done // (1 << 20)
            if step == self.last_shown:
                return
            self.last_shown = step
            self._write(f"\rDownloading {self.name} {done:,} bytes")

    def abort(self) -> None:
        if self.tty and self.last_shown >= 0:
            self._write("\n")

    def finish(self, done: int) -> None:
        if self.tty:
            self.last_shown = -1
            self.update(done)
            self._write("\n")
        else:
            self._write(f"  {self.name}: {done:,} bytes received\n")


def _fetch(url: str, target: Path, part: MnistPart, stream: IO[str]) -> None:
    """Download ``url`` to ``target`` via a temporary file, verifying it first."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            response = _open_url(url, DOWNLOAD_TIMEOUT)
            try:
                total = _content_length(response)
                progress = _Progress(target.name, url, total, stream)
                done = 0
                try:
                    while True:
                        chunk = response.read(DOWNLOAD_CHUNK)
                        if not chunk:
                            break
                        out.write(chunk)
                        done += len(chunk)
                        progress.update(done)
                except BaseException:
                    progress.abort()
                    raise
                progress.finish(done)
            finally:
                response.close()
        if total is not None and done != total:
            raise MnistFileError(target, f"download incomplete ({done} of {total} bytes)")
        _load_part(tmp, part)  # raises if the content is not the expected data
        try:
            os.chmod(tmp, 0o644)
        except OSError:
            pass
        os.replace(tmp, target)
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


def download_file(
    filename: str,
    directory: os.PathLike | str | None = None,
    mirrors: Iterable[str] | None = None,
    stream: IO[str] | None = None,
) -> Path:
    """Download one MNIST file into ``directory`` and return its path.

    Mirrors (default :data:`MIRRORS`) are tried in order.  The data are written
    to a temporary file in ``directory`` and renamed to ``filename`` only after
    the decompressed content has passed the checksum, so an interrupted or bad
    download never leaves a file under the final name.  Progress goes to
    ``stream`` (default ``sys.stderr``).  Raises :class:`MnistFileError` when
    no mirror delivers a valid file.
    """
    part = _part_for(filename)
    directory = Path(directory) if directory is not None else default_directory()
    mirrors = list(MIRRORS if mirrors is None else mirrors)
    stream = sys.stderr if stream is None else stream
    target = directory / filename
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MnistFileError(
            target, f"file is missing and its folder cannot be created ({exc})",
            "Create the folder or set MNIST_DIR to a writable folder.",
        ) from exc
    failures = []
    for base in mirrors:
        url = base if base.endswith("/") else base + "/"
        url += filename
        try:
            _fetch(url, target, part, stream)
            return target
        except MnistFileError as exc:
            failures.append(f"{url}: {exc.problem}")
        except _NETWORK_ERRORS as exc:
            failures.append(f"{url}: {exc}")
    detail = "; ".join(failures) if failures else "no download mirror is configured"
    raise MnistFileError(
        target, f"file is missing and could not be downloaded ({detail})",
        f"Check the network connection and run again, or copy the file from the "
        f"exercise kit's dataset folder into {directory}.",
    )


# ---------------------------------------------------------------------------
# Cache of parsed arrays
# ---------------------------------------------------------------------------

def _cache_tag() -> str:
    sums = ";".join(f"{key}={part.sha256}" for key, part in sorted(PARTS.items()))
    return f"mnist-cache-v{CACHE_FORMAT};{sums}"


def _expected_shape(part: MnistPart) -> tuple[int, ...]:
    return (part.count, IMAGE_SIZE) if part.magic == IMAGE_MAGIC else (part.count,)


def _idx_header(part: MnistPart) -> bytes:
    """The IDX header of ``part``'s file, as the checksum of its content covers it."""
    if part.magic == IMAGE_MAGIC:
        return struct.pack(">IIII", part.magic, part.count, ROWS, COLS)
    return struct.pack(">II", part.magic, part.count)


def _content_sha256(values: np.ndarray, part: MnistPart) -> str:
    """SHA-256 of the IDX content that ``values`` would be parsed from: equal to
    ``part.sha256`` exactly when the arrays are MNIST's own."""
    digest = hashlib.sha256(_idx_header(part))
    digest.update(np.ascontiguousarray(values).tobytes())
    return digest.hexdigest()


def _load_cache(directory: Path) -> dict[str, np.ndarray] | None:
    """Return the cached arrays, or ``None`` if the cache is absent or unusable."""
    path = directory / CACHE_NAME
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as npz:
            if "version" not in npz.files or str(npz["version"][()]) != _cache_tag():
                return None
            arrays = {}
            for key, part in PARTS.items():
                if key not in npz.files:
                    return None
                arr = npz[key]
                if arr.dtype != np.uint8 or arr.shape != _expected_shape(part):
                    return None
                if _content_sha256(arr, part) != part.sha256:  # a cache with other data
                    return None
                arrays[key] = arr
            return arrays
    except Exception:  # any unreadable cache is simply rebuilt from the .gz files
        return None


def _save_cache(directory: Path, arrays: dict[str, np.ndarray]) -> bool:
    """Write the cache atomically; return False (and leave no file) if that fails."""
    tmp = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{CACHE_NAME}.", suffix=".tmp", dir=directory)
        tmp = Path(tmp_name)
        with os.fdopen(fd, "wb") as out:
            np.savez(out, version=np.array(_cache_tag()), **arrays)
        try:
            os.chmod(tmp, 0o644)
        except OSError:
            pass
        os.replace(tmp, directory / CACHE_NAME)
        tmp = None
        return True
    except OSError:  # read-only folder, disk full, ...: work without a cache
        return False
    finally:
        if tmp is not None:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:
                pass


# ---------------------------------------------------------------------------
# Public loaders
# ---------------------------------------------------------------------------

def _read_all_files(
    directory: Path, mirrors: Iterable[str] | None = None, download: bool = True
) -> dict[str, np.ndarray]:
    """Parse the four .gz files in ``directory``, downloading missing ones first."""
    for part in PARTS.values():
        path = directory / part.filename
        if not path.exists():
            if not download:
                raise MnistFileError(
                    path, "file is missing",
                    "Copy it from the exercise kit's dataset folder.",
                )
            download_file(part.filename, directory, mirrors)
    return {key: _load_part(directory / part.filename, part) for key, part in PARTS.items()}


def load_raw(
    directory: os.PathLike | str | None = None,
    *,
    mirrors: Iterable[str] | None = None,
    use_cache: bool = True,
    download: bool = True,
) -> dict[str, np.ndarray]:
    """Load MNIST as raw ``uint8`` arrays.

    Returns a dict of new, writable arrays:

    * ``"train_img"``: ``(60000, 784)`` ``uint8``, pixel values 0..255;
    * ``"train_label"``: ``(60000,)`` ``uint8``, digits 0..9;
    * ``"test_img"``: ``(10000, 784)`` ``uint8``;
    * ``"test_label"``: ``(10000,)`` ``uint8``.

    Args:
        directory: folder of the .gz files and the cache (default
            :func:`default_directory`).
        mirrors: base URLs for missing files (default :data:`MIRRORS`).
        use_cache: read and write ``mnist_cache.npz`` in ``directory`` (or, where that is
            read-only, in :func:`user_cache_directory`).
        download: fetch missing files; if False a missing file is an error.

    Raises:
        MnistFileError: a file is missing and cannot be downloaded, or is
            damaged (not gzip, truncated, wrong checksum, bad header).
    """
    directory = Path(directory) if directory is not None else default_directory()
    if use_cache:
        for place in _cache_directories(directory):
            cached = _load_cache(place)  # verified against the checksums wherever it lies
            if cached is not None:
                return cached
    arrays = _read_all_files(directory, mirrors=mirrors, download=download)
    if use_cache:
        for place in _cache_directories(directory):
            try:
                place.mkdir(parents=True, exist_ok=True)
            except OSError:
                continue
            if _save_cache(place, arrays):
                break
    return arrays


def load_mnist(normalize=True, flatten=True, one_hot_label=False):
    """Load the MNIST dataset.

    Args:
        normalize: scale pixels to ``float32`` in ``[0, 1]``; if False keep
            ``uint8`` values 0..255.
        flatten: images as ``(N, 784)`` rows; if False as ``(N, 1, 28, 28)``.
        one_hot_label: labels as ``(N, 10)`` ``float32`` one-hot rows (a 1 in
            the column of the digit, 0 elsewhere); if False as ``(N,)`` ``uint8``.

    Returns:
        ``(x_train, t_train), (x_test, t_test)`` with ``N = 60000`` for the
        training set and ``N = 10000`` for the test set.  The arrays are new on
        every call, so callers may modify them freely.

    Raises:
        MnistFileError: a data file is missing and cannot be downloaded, or is
            damaged.
    """
    raw = load_raw()

    def images(values: np.ndarray) -> np.ndarray:
        if normalize:
            values = values.astype(np.float32)
            values /= np.float32(255.0)
        if not flatten:
            values = values.reshape(-1, 1, ROWS, COLS)
        return values

    def labels(values: np.ndarray) -> np.ndarray:
        if one_hot_label:
            return np.eye(NUM_CLASSES, dtype=np.float32)[values]
        return values

    return (
        (images(raw["train_img"]), labels(raw["train_label"])),
        (images(raw["test_img"]), labels(raw["test_label"])),
    )
