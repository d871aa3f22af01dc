"""Writing files so that no reader, and no interrupted run, ever sees half of one."""
import os
import tempfile
from pathlib import Path


def atomic_write(path, data):
    """Write ``data`` (str, written as UTF-8, or bytes) to ``path``: into a temporary file of
    the same folder first, renamed over ``path`` only when complete. Creates the folder."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def stale_paths(files, root, present):
    """Relative paths where the generated tree ``files`` ({path: text}) and the folder
    ``root`` disagree: generated files missing or different there, and ``present`` paths
    (what the folder holds) that nothing generates any more."""
    root = Path(root)
    stale = [rel for rel, text in files.items()
             if rel not in present or (root / rel).read_text(encoding="utf-8") != text]
    return sorted(stale + sorted(set(present) - set(files)))


def sync_tree(files, root, stale):
    """Make the ``stale`` paths of ``root`` what ``files`` says: rewrite or delete them."""
    root = Path(root)
    for rel in stale:
        target = root / rel
        if rel in files:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(files[rel], encoding="utf-8")
        else:
            target.unlink()
