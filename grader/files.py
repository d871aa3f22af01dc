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


# ---------------------------------------------------------------- walking what a student handed in

class TooLarge(Exception):
    """A folder over the walking limits; ``found`` (a grader.feedback.messages.Message) says what was
    found: too deep, too many files or too many bytes."""

    def __init__(self, found):
        from grader.feedback.messages import render

        super().__init__(render(found, "en"))
        self.found = found


def regular_files(root, limits, skip_hidden=True):
    """Every regular file under ``root``, as (relative path as bytes, absolute path as bytes,
    size), in the order of the names' bytes. Never follows a symbolic link; links, FIFOs,
    sockets and devices are not files: they are collected in ``special`` (the second value of
    the returned pair). Names starting with '.' and __pycache__ are skipped with
    ``skip_hidden``. Raises TooLarge past ``limits`` ({"depth", "files", "bytes"}) before
    reading anything.

    Returns (files, special): lists of tuples, and of relative paths (bytes)."""
    from grader.feedback.messages import Message
    from grader.feedback.sanitise import visible

    files, special, total = [], [], 0
    pending = [(os.fsencode(root), b"", 0)]
    while pending:
        folder, relative, depth = pending.pop()
        if depth > limits["depth"]:
            raise TooLarge(Message("batch.found_deep", depth=limits["depth"],
                                   path=visible(os.fsdecode(relative[:120])) + "..."))
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
        inner = []
        for entry in entries:
            if skip_hidden and (entry.name.startswith(b".") or entry.name == b"__pycache__"):
                continue
            rel = relative + b"/" + entry.name if relative else entry.name
            if entry.is_dir(follow_symlinks=False):
                inner.append((entry.path, rel, depth + 1))
            elif entry.is_file(follow_symlinks=False):
                size = entry.stat(follow_symlinks=False).st_size
                total += size
                files.append((rel, entry.path, size))
                if len(files) > limits["files"]:
                    raise TooLarge(Message("batch.found_files", count=limits["files"]))
                if total > limits["bytes"]:
                    raise TooLarge(Message("batch.found_bytes", size=limits["bytes"] // 1024**2,
                                           path=visible(os.fsdecode(rel))))
            else:
                special.append(rel)
        pending.extend(reversed(inner))
    files.sort(key=lambda f: f[0].split(b"/"))
    return files, special
