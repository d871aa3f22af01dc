"""Tests for dataset/mnist.py: parsing, checks, downloads and the array cache."""

import gzip
import hashlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dataset import mnist  # noqa: E402
from dataset.mnist import MnistFileError, load_mnist  # noqa: E402

DATA_DIR = ROOT / "dataset"

# SHA-256 of the decompressed canonical MNIST files (independent copy of the values).
EXPECTED_SHA256 = {
    "train-images-idx3-ubyte.gz": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    "train-labels-idx1-ubyte.gz": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    "t10k-images-idx3-ubyte.gz": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    "t10k-labels-idx1-ubyte.gz": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
}
TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
SMALL = "t10k-labels-idx1-ubyte.gz"  # 4.5 kB, the first file the loader reads
BIG = "train-images-idx3-ubyte.gz"


# ---------------------------------------------------------------------------
# Fixtures and helpers
# ---------------------------------------------------------------------------

@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Only file:// URLs may be opened; anything else fails like an offline machine."""
    real_open = mnist._open_url

    def guarded(url, timeout):
        if not url.startswith("file:"):
            raise OSError(f"network access disabled in tests: {url}")
        return real_open(url, timeout)

    monkeypatch.setattr(mnist, "_open_url", guarded)
    monkeypatch.delenv(mnist.ENV_VAR, raising=False)


@pytest.fixture(scope="session")
def parsed():
    """The four arrays parsed straight from the committed .gz files (no cache)."""
    return mnist._read_all_files(DATA_DIR, download=False)


@pytest.fixture
def data_copy(tmp_path):
    """A private folder holding copies of the four .gz files."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in EXPECTED_SHA256:
        shutil.copyfile(DATA_DIR / name, folder / name)
    return folder


@pytest.fixture
def small_data(monkeypatch, parsed):
    """Shrink the dataset to a few items and replace the .gz parser by a fake.

    Keeps the cache tests fast: the cache logic does not depend on the size.
    Returns the small arrays and the list of calls made to the parser.
    """
    parts = {
        key: part._replace(count=60 if key.startswith("train") else 20)
        for key, part in mnist.PARTS.items()
    }
    arrays = {key: parsed[key][: parts[key].count].copy() for key in parsed}
    # The checksums of the small content: what the cache is verified against.
    parts = {key: part._replace(sha256=mnist._content_sha256(arrays[key], part)) for key, part in parts.items()}
    monkeypatch.setattr(mnist, "PARTS", parts)
    calls = []

    def fake(directory, mirrors=None, download=True):
        calls.append(directory)
        return {key: value.copy() for key, value in arrays.items()}

    monkeypatch.setattr(mnist, "_read_all_files", fake)
    return arrays, calls


def content_of(name):
    return gzip.decompress((DATA_DIR / name).read_bytes())


def leftovers(folder):
    """Temporary files left behind in ``folder``."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".part", ".tmp")))


def assert_clean_error(excinfo, filename, *keywords):
    exc = excinfo.value
    message = str(exc)
    assert isinstance(exc, MnistFileError)
    assert filename in message
    for word in keywords:
        assert word in message.lower()
    assert "numpy" not in message
    assert not any("numpy" in str(entry.path) for entry in excinfo.traceback)
    if exc.__cause__ is not None:
        assert not type(exc.__cause__).__module__.startswith("numpy")


def assert_same_raw(arrays, parsed):
    assert set(arrays) == set(parsed)
    for key in parsed:
        assert arrays[key].dtype == np.uint8
        np.testing.assert_array_equal(arrays[key], parsed[key])


# ---------------------------------------------------------------------------
# Contents
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("normalize", [True, False])
@pytest.mark.parametrize("flatten", [True, False])
@pytest.mark.parametrize("one_hot_label", [False, True])
def test_load_mnist_shapes_dtypes_ranges(parsed, normalize, flatten, one_hot_label):
    (x_train, t_train), (x_test, t_test) = load_mnist(
        normalize=normalize, flatten=flatten, one_hot_label=one_hot_label
    )
    for x, t, n, prefix in ((x_train, t_train, 60000, "train"), (x_test, t_test, 10000, "test")):
        assert x.shape == ((n, 784) if flatten else (n, 1, 28, 28))
        rows = x.reshape(n, 784)[::37]  # a sample of rows keeps the test fast
        expected = parsed[prefix + "_img"][::37]
        if normalize:
            assert x.dtype == np.float32
            assert x.min() == 0.0 and x.max() == 1.0
            np.testing.assert_allclose(rows, expected / 255.0, rtol=0, atol=1e-7)
        else:
            assert x.dtype == np.uint8
            assert x.max() == 255
            np.testing.assert_array_equal(rows, expected)

        labels = parsed[prefix + "_label"]
        if one_hot_label:
            assert t.shape == (n, 10)
            assert ((t == 0) | (t == 1)).all()
            np.testing.assert_array_equal(t.sum(axis=1), np.ones(n))
            np.testing.assert_array_equal(t.argmax(axis=1), labels)
        else:
            assert t.shape == (n,)
            assert t.dtype == np.uint8
            np.testing.assert_array_equal(t, labels)


def test_label_counts(parsed):
    assert np.bincount(parsed["train_label"], minlength=10).tolist() == TRAIN_COUNTS
    assert np.bincount(parsed["test_label"], minlength=10).tolist() == TEST_COUNTS


def test_pixel_means(parsed):
    assert parsed["train_img"].mean() / 255 == pytest.approx(0.1307, abs=5e-4)
    assert parsed["test_img"].mean() / 255 == pytest.approx(0.1325, abs=5e-4)


@pytest.mark.parametrize("name", sorted(EXPECTED_SHA256))
def test_committed_files_match_checksums(name):
    assert hashlib.sha256(content_of(name)).hexdigest() == EXPECTED_SHA256[name]
    recorded = {part.filename: part.sha256 for part in mnist.PARTS.values()}
    assert recorded[name] == EXPECTED_SHA256[name]


def test_import_from_another_directory(tmp_path):
    code = (
        "from dataset.mnist import load_mnist\n"
        "(x, t), (xt, tt) = load_mnist(normalize=False)\n"
        "print(x.shape, xt.shape)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop(mnist.ENV_VAR, None)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(60000, 784) (10000, 784)"


def test_env_var_selects_folder(monkeypatch, tmp_path):
    monkeypatch.setenv(mnist.ENV_VAR, str(tmp_path))
    assert mnist.default_directory() == tmp_path
    monkeypatch.delenv(mnist.ENV_VAR)
    assert mnist.default_directory() == DATA_DIR


# ---------------------------------------------------------------------------
# Damaged files
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", [SMALL, BIG])
def test_truncated_gzip(data_copy, name):
    raw = (data_copy / name).read_bytes()
    (data_copy / name).write_bytes(raw[: len(raw) // 2])
    with pytest.raises(MnistFileError) as excinfo:
        mnist.load_raw(data_copy, use_cache=False, download=False)
    assert_clean_error(excinfo, name, "truncated", "delete")


@pytest.mark.parametrize("payload", [b"", b"this is not a gzip file\n" * 10, b"\x00" * 100])
def test_not_gzip(data_copy, payload):
    (data_copy / SMALL).write_bytes(payload)
    with pytest.raises(MnistFileError) as excinfo:
        mnist.load_raw(data_copy, use_cache=False, download=False)
    assert_clean_error(excinfo, SMALL)
    assert "gzip" in str(excinfo.value) or "empty" in str(excinfo.value)


def test_corrupted_compressed_stream(data_copy):
    raw = bytearray((data_copy / SMALL).read_bytes())
    for i in range(100, 200):
        raw[i] ^= 0xFF
    (data_copy / SMALL).write_bytes(bytes(raw))
    with pytest.raises(MnistFileError) as excinfo:
        mnist.load_raw(data_copy, use_cache=False, download=False)
    assert_clean_error(excinfo, SMALL)


def test_wrong_checksum(data_copy):
    content = bytearray(content_of(SMALL))
    content[-1] = (content[-1] + 1) % 10  # still a well-formed label file
    (data_copy / SMALL).write_bytes(gzip.compress(bytes(content)))
    with pytest.raises(MnistFileError) as excinfo:
        mnist.load_raw(data_copy, use_cache=False, download=False)
    assert_clean_error(excinfo, SMALL, "checksum", "delete")


def test_bad_magic(data_copy):
    # A label file stored under an image file name.
    (data_copy / "t10k-images-idx3-ubyte.gz").write_bytes((data_copy / SMALL).read_bytes())
    with pytest.raises(MnistFileError) as excinfo:
        mnist.load_raw(data_copy, use_cache=False, download=False)
    assert_clean_error(excinfo, "t10k-images-idx3-ubyte.gz", "magic")


def test_truncated_content_in_valid_gzip(data_copy):
    content = content_of(SMALL)
    (data_copy / SMALL).write_bytes(gzip.compress(content[:5000]))
    with pytest.raises(MnistFileError) as excinfo:
        mnist.load_raw(data_copy, use_cache=False, download=False)
    assert_clean_error(excinfo, SMALL, "truncated")


def test_damaged_file_reported_by_load_mnist(monkeypatch, data_copy):
    (data_copy / SMALL).write_bytes(b"garbage")
    monkeypatch.setenv(mnist.ENV_VAR, str(data_copy))
    with pytest.raises(MnistFileError) as excinfo:
        load_mnist()
    assert_clean_error(excinfo, SMALL)
    assert not (data_copy / mnist.CACHE_NAME).exists()


def test_missing_file_without_download(data_copy):
    (data_copy / SMALL).unlink()
    with pytest.raises(MnistFileError) as excinfo:
        mnist.load_raw(data_copy, use_cache=False, download=False)
    assert_clean_error(excinfo, SMALL, "missing")


# ---------------------------------------------------------------------------
# Downloads
# ---------------------------------------------------------------------------

class FakeResponse:
    """Minimal stand-in for an HTTP response, optionally failing midway."""

    def __init__(self, payload, fail_with=None, on_second_read=None, length=None):
        self.stream = io.BytesIO(payload)
        self.headers = {"Content-Length": str(len(payload) if length is None else length)}
        self.fail_with = fail_with
        self.on_second_read = on_second_read
        self.reads = 0
        self.closed = False

    def read(self, size=-1):
        self.reads += 1
        if self.reads == 2:
            if self.on_second_read is not None:
                self.on_second_read()
            if self.fail_with is not None:
                raise self.fail_with
        return self.stream.read(min(size, 1000))

    def close(self):
        self.closed = True


def test_missing_file_is_downloaded(monkeypatch, data_copy, tmp_path, parsed, capsys):
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    # Mirrors serve differently compressed files: only the content must match.
    served = gzip.compress(content_of(SMALL), compresslevel=1, mtime=0)
    (mirror / SMALL).write_bytes(served)
    (data_copy / SMALL).unlink()
    monkeypatch.setattr(mnist, "MIRRORS", [(tmp_path / "offline").as_uri() + "/", mirror.as_uri()])

    arrays = mnist.load_raw(data_copy, use_cache=False)

    assert (data_copy / SMALL).read_bytes() == served
    assert_same_raw(arrays, parsed)
    assert leftovers(data_copy) == []
    assert "Downloading" in capsys.readouterr().err


@pytest.mark.parametrize("error", [ConnectionResetError("connection lost"), KeyboardInterrupt()])
def test_interrupted_download_leaves_no_file(monkeypatch, tmp_path, error):
    target = tmp_path / SMALL
    seen = []

    def check_midway():
        seen.append((target.exists(), leftovers(tmp_path)))

    payload = (DATA_DIR / SMALL).read_bytes()
    response = FakeResponse(payload, fail_with=error, on_second_read=check_midway)
    monkeypatch.setattr(mnist, "_open_url", lambda url, timeout: response)

    expected = KeyboardInterrupt if isinstance(error, KeyboardInterrupt) else MnistFileError
    with pytest.raises(expected) as excinfo:
        mnist.download_file(SMALL, tmp_path, mirrors=["https://mirror.example/mnist/"],
                            stream=io.StringIO())
    if expected is MnistFileError:
        assert_clean_error(excinfo, SMALL, "could not be downloaded")
    assert seen and seen[0][0] is False and len(seen[0][1]) == 1  # only a temp file midway
    assert not target.exists()
    assert leftovers(tmp_path) == []
    assert response.closed


def test_short_download_rejected(monkeypatch, tmp_path):
    payload = (DATA_DIR / SMALL).read_bytes()
    monkeypatch.setattr(
        mnist, "_open_url",
        lambda url, timeout: FakeResponse(payload[:2000], length=len(payload)),
    )
    with pytest.raises(MnistFileError) as excinfo:
        mnist.download_file(SMALL, tmp_path, mirrors=["https://mirror.example/"],
                            stream=io.StringIO())
    assert_clean_error(excinfo, SMALL, "incomplete")
    assert not (tmp_path / SMALL).exists()
    assert leftovers(tmp_path) == []


def test_download_with_wrong_content_rejected(monkeypatch, tmp_path):
    content = bytearray(content_of(SMALL))
    content[100] = (content[100] + 1) % 10
    payload = gzip.compress(bytes(content))
    monkeypatch.setattr(mnist, "_open_url", lambda url, timeout: FakeResponse(payload))
    with pytest.raises(MnistFileError) as excinfo:
        mnist.download_file(SMALL, tmp_path, mirrors=["https://a.example/", "https://b.example/"],
                            stream=io.StringIO())
    assert_clean_error(excinfo, SMALL, "checksum")
    assert "a.example" in str(excinfo.value) and "b.example" in str(excinfo.value)
    assert not (tmp_path / SMALL).exists()
    assert leftovers(tmp_path) == []


def test_download_verified_and_progress_shown_on_terminal(monkeypatch, tmp_path):
    payload = (DATA_DIR / SMALL).read_bytes()
    monkeypatch.setattr(mnist, "_open_url", lambda url, timeout: FakeResponse(payload))

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    out = Terminal()
    path = mnist.download_file(SMALL, tmp_path, mirrors=["https://mirror.example"], stream=out)
    assert path == tmp_path / SMALL
    assert path.read_bytes() == payload
    text = out.getvalue()
    assert text.count("\n") == 1 and "\r" in text
    assert "100%" in text and f"{len(payload):,}/{len(payload):,} bytes" in text


def test_no_mirror_reachable(data_copy):
    (data_copy / SMALL).unlink()
    with pytest.raises(MnistFileError) as excinfo:
        mnist.load_raw(data_copy, mirrors=["https://mirror.example/mnist/"])
    assert_clean_error(excinfo, SMALL, "could not be downloaded")
    assert not (data_copy / SMALL).exists()
    assert leftovers(data_copy) == []


# ---------------------------------------------------------------------------
# Cache
# ---------------------------------------------------------------------------

def test_second_load_uses_cache(monkeypatch, parsed):
    first = load_mnist(normalize=False)  # builds the cache if needed

    def refuse(*args, **kwargs):
        raise AssertionError("the .gz files should not be parsed again")

    monkeypatch.setattr(mnist, "_read_all_files", refuse)
    monkeypatch.setattr(mnist, "_load_part", refuse)
    second = load_mnist(normalize=False)
    for a, b in zip(first, second, strict=True):
        np.testing.assert_array_equal(a[0], b[0])
        np.testing.assert_array_equal(a[1], b[1])
    np.testing.assert_array_equal(second[0][1], parsed["train_label"])


def test_cache_is_built_and_reused(tmp_path, small_data):
    parsed, fake_parse = small_data
    assert_same_raw(mnist.load_raw(tmp_path), parsed)
    assert len(fake_parse) == 1
    assert (tmp_path / mnist.CACHE_NAME).exists()
    assert_same_raw(mnist.load_raw(tmp_path), parsed)
    assert len(fake_parse) == 1
    assert leftovers(tmp_path) == []


def _garbage(path):
    path.write_bytes(b"PK\x03\x04 definitely not a zip archive")


def _half_written(path):
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])


def _other_version(path):
    with np.load(path) as npz:
        arrays = {key: npz[key] for key in npz.files}
    arrays["version"] = np.array("mnist-cache-v0;outdated")
    with open(path, "wb") as f:
        np.savez(f, **arrays)


def _missing_key(path):
    with np.load(path) as npz:
        arrays = {key: npz[key] for key in npz.files if key != "test_img"}
    with open(path, "wb") as f:
        np.savez(f, **arrays)


def _wrong_shape(path):
    with np.load(path) as npz:
        arrays = {key: npz[key] for key in npz.files}
    arrays["train_img"] = arrays["train_img"][:-1]
    with open(path, "wb") as f:
        np.savez(f, **arrays)


def _pickled(path):
    with open(path, "wb") as f:
        np.savez(f, version=np.array([{"a": 1}], dtype=object))


def _empty(path):
    path.write_bytes(b"")


@pytest.mark.parametrize(
    "damage", [_garbage, _half_written, _other_version, _missing_key, _wrong_shape, _pickled, _empty]
)
def test_bad_cache_is_ignored_and_rebuilt(tmp_path, small_data, damage):
    parsed, fake_parse = small_data
    cache = tmp_path / mnist.CACHE_NAME
    assert mnist._save_cache(tmp_path, parsed)
    damage(cache)
    assert mnist._load_cache(tmp_path) is None

    assert_same_raw(mnist.load_raw(tmp_path), parsed)
    assert len(fake_parse) == 1
    assert_same_raw(mnist._load_cache(tmp_path), parsed)  # rebuilt and valid again
    assert leftovers(tmp_path) == []


def _poisoned_labels(path):
    """Right version tag, shapes and dtypes; the test labels shifted by one."""
    with np.load(path) as npz:
        arrays = {key: npz[key] for key in npz.files}
    arrays["test_label"] = (arrays["test_label"] + 1) % 10
    with open(path, "wb") as f:
        np.savez(f, **arrays)


def _one_pixel(path):
    with np.load(path) as npz:
        arrays = {key: npz[key] for key in npz.files}
    arrays["train_img"][0, 300] ^= 1
    with open(path, "wb") as f:
        np.savez(f, **arrays)


@pytest.mark.parametrize("poison", [_poisoned_labels, _one_pixel])
def test_a_poisoned_cache_with_the_right_tag_is_never_used(tmp_path, small_data, poison):
    parsed, fake_parse = small_data
    assert mnist._save_cache(tmp_path, parsed)
    poison(tmp_path / mnist.CACHE_NAME)
    assert mnist._load_cache(tmp_path) is None
    assert_same_raw(mnist.load_raw(tmp_path), parsed)
    assert len(fake_parse) == 1


def test_the_cache_check_is_the_files_own_checksum(parsed):
    for key, part in mnist.PARTS.items():
        assert mnist._content_sha256(parsed[key], part) == part.sha256


def test_changed_checksums_invalidate_cache(monkeypatch, tmp_path, small_data):
    parsed, _ = small_data
    assert mnist._save_cache(tmp_path, parsed)
    assert mnist._load_cache(tmp_path) is not None
    parts = dict(mnist.PARTS)
    parts["test_label"] = parts["test_label"]._replace(sha256="0" * 64)
    monkeypatch.setattr(mnist, "PARTS", parts)
    assert mnist._load_cache(tmp_path) is None


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_interrupted_cache_write_leaves_no_cache(monkeypatch, tmp_path, small_data, error):
    parsed, fake_parse = small_data
    real_savez = np.savez

    def failing_savez(file, *args, **kwargs):
        file.write(b"PK\x03\x04partial")
        raise error

    monkeypatch.setattr(mnist.np, "savez", failing_savez)
    if isinstance(error, OSError):
        assert_same_raw(mnist.load_raw(tmp_path), parsed)  # works without a cache
    else:
        with pytest.raises(KeyboardInterrupt):
            mnist.load_raw(tmp_path)
    assert not (tmp_path / mnist.CACHE_NAME).exists()
    assert leftovers(tmp_path) == []

    monkeypatch.setattr(mnist.np, "savez", real_savez)
    assert_same_raw(mnist.load_raw(tmp_path), parsed)
    assert (tmp_path / mnist.CACHE_NAME).exists()


def test_unwritable_folder_skips_cache(monkeypatch, tmp_path, small_data):
    parsed, fake_parse = small_data
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(mnist.tempfile, "mkstemp", refuse)
    assert_same_raw(mnist.load_raw(tmp_path), parsed)
    assert_same_raw(mnist.load_raw(tmp_path), parsed)
    assert len(fake_parse) == 2
    assert list(tmp_path.iterdir()) == []


def test_mutating_results_does_not_leak(tmp_path, small_data):
    parsed, fake_parse = small_data
    # First call parses (and writes the cache), second reads the cache.
    for _ in range(2):
        arrays = mnist.load_raw(tmp_path)
        assert_same_raw(arrays, parsed)
        for value in arrays.values():
            assert value.flags.writeable
            value[...] = 7
    assert len(fake_parse) == 1


def test_mutating_load_mnist_results_does_not_leak(parsed):
    for _ in range(2):
        (x_train, t_train), (x_test, t_test) = load_mnist(normalize=False, flatten=False)
        np.testing.assert_array_equal(x_train.reshape(60000, 784), parsed["train_img"])
        np.testing.assert_array_equal(t_test, parsed["test_label"])
        x_train[...] = 0
        t_train[...] = 0
        x_test[...] = 0
        t_test[...] = 0


def test_a_read_only_data_folder_caches_in_the_users_cache_folder(tmp_path, monkeypatch):
    """An installed kit's dataset/ may be read-only: the parsed arrays go to the user's cache."""
    data = tmp_path / "installed" / "dataset"
    data.mkdir(parents=True)
    for part in mnist.PARTS.values():
        shutil.copyfile(mnist.DATASET_DIR / part.filename, data / part.filename)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    real_access = os.access
    monkeypatch.setattr(mnist.os, "access", lambda path, mode: False if Path(path) == data else real_access(path, mode))
    first = mnist.load_raw(data)
    assert not (data / mnist.CACHE_NAME).exists()
    assert (tmp_path / "cache" / "dlfs-kit" / mnist.CACHE_NAME).is_file()
    assert_same_raw(mnist.load_raw(data), first)


def test_the_workers_file_for_an_unwritable_folder_is_removed_when_the_grader_ends(tmp_path):
    """Where the MNIST folder cannot be written, the worker's file goes to a folder of the
    grader's own, and nothing of it is left behind once the grader's process ends."""
    script = (
        "import numpy as np\n"
        "from grader.isolation import worker_dataset\n"
        "def load(**kwargs):\n"
        "    return (np.zeros((2, 784), np.uint8), np.zeros(2, np.uint8)), (np.zeros((1, 784), np.uint8), None)\n"
        f"path = worker_dataset.prepare({str(tmp_path / 'missing')!r}, load)\n"
        "assert np.load(path)['x_test'].shape == (1, 784)\n"
        "print(path)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    path = Path(done.stdout.strip())
    assert path.name == "mnist_worker.npz" and not (tmp_path / "missing").exists()
    assert not path.parent.exists()
