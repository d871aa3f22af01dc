"""Grade a whole class: ``python -m grader batch SUBMISSIONS_DIR --out OUT_DIR``.

Each subfolder (or ``.zip``) of SUBMISSIONS_DIR is one student. Students are graded in
parallel, each by its own ``python -m grader check`` process (which runs the student's code
in its own sandboxed worker), so one student's crash, hang or hostility stops nothing else.

OUT_DIR receives, per student, ``results/<student>.json`` (Gradescope's format, plus the key
it was graded under) and ``feedback/<student>.txt`` (the report the student would see), and
for the class ``grades.csv`` (per-chapter and total scores). Every file is written atomically.
A student whose key (a hash of the submission's content and of the grader's own code) is
unchanged since the last run is not graded again, so a killed batch resumes where it
stopped, and a re-run on unchanged input writes byte-identical files.
"""
import argparse
import concurrent.futures
import csv
import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from grader.contract import CHAPTERS

KIT_ROOT = Path(__file__).resolve().parent.parent
STUDENT_TIME_LIMIT = 20 * 60  # seconds for one student, all chapters
ZIP_LIMITS = {"files": 2000, "bytes": 200 * 1024**2}


@dataclass
class Student:
    name: str
    source: Path  # a folder or a .zip

    @property
    def is_zip(self):
        return self.source.suffix.lower() == ".zip"


def find_students(folder):
    """Every subfolder and .zip file of ``folder``, sorted by name (hidden entries skipped)."""
    students = []
    for entry in sorted(Path(folder).iterdir()):
        if entry.name.startswith((".", "_")):
            continue
        if entry.is_dir() or (entry.is_file() and entry.suffix.lower() == ".zip"):
            name = entry.stem if entry.is_file() else entry.name
            students.append(Student(name, entry))
    return students


def grader_version():
    """Hash of the grader's own code: new checks or fixes invalidate old results."""
    digest = hashlib.sha256()
    for path in sorted((KIT_ROOT / "grader").rglob("*.py")):
        digest.update(path.relative_to(KIT_ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def content_hash(student):
    """Hash of what the student handed in (file names and bytes; caches and hidden files skipped)."""
    digest = hashlib.sha256()
    if student.is_zip:
        digest.update(student.source.read_bytes())
        return digest.hexdigest()[:16]
    for path in sorted(student.source.rglob("*")):
        relative = path.relative_to(student.source)
        if any(part.startswith(".") or part == "__pycache__" for part in relative.parts) or not path.is_file():
            continue
        digest.update(relative.as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


class BadSubmission(Exception):
    """A submission that cannot be graded at all (e.g. a broken zip)."""


def unpack(zip_path, target):
    """Extract a student's zip safely: no paths outside ``target``, bounded size and count."""
    try:
        with zipfile.ZipFile(zip_path) as archive:
            members = archive.infolist()
            if len(members) > ZIP_LIMITS["files"]:
                raise BadSubmission(f"the zip holds {len(members)} files (limit {ZIP_LIMITS['files']})")
            if sum(m.file_size for m in members) > ZIP_LIMITS["bytes"]:
                raise BadSubmission("the zip unpacks to more than 200 MB")
            root = Path(target).resolve()
            for member in members:
                destination = (root / member.filename).resolve()
                if root not in destination.parents and destination != root:
                    raise BadSubmission(f"the zip holds a path outside its folder: {member.filename}")
            archive.extractall(root)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise BadSubmission(f"the zip cannot be read ({exc})") from None
    return Path(target)


def atomic_write(path, text):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def grade_student(student, key, out_dir, chapters, time_limit=STUDENT_TIME_LIMIT, check_time_limit=None):
    """Grade one student in a child process; write results/<name>.json and feedback/<name>.txt.

    Returns the results dict (with ``key`` and ``status``)."""
    with tempfile.TemporaryDirectory(prefix="grade-") as tmp:
        status, problem = "graded", ""
        results = None
        feedback = ""
        try:
            folder = unpack(student.source, Path(tmp) / "unzipped") if student.is_zip else student.source
            json_path = Path(tmp) / "results.json"
            command = [sys.executable, "-m", "grader", "check", "--submission", str(folder), "--json",
                       str(json_path), "--quiet", "--no-color"]
            for chapter in chapters:
                command += ["--chapter", chapter]
            if check_time_limit:
                command += ["--time-limit", str(check_time_limit)]
            env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
            done = subprocess.run(command, cwd=KIT_ROOT, capture_output=True, text=True, timeout=time_limit,
                                  env=env, start_new_session=True)
            feedback = done.stdout
            if json_path.exists() and done.returncode in (0, 1):
                results = json.loads(json_path.read_text(encoding="utf-8"))
            else:
                message = (done.stderr.strip().splitlines() or ["grading failed"])[-1]
                status, problem = "not graded", message
        except BadSubmission as exc:
            status, problem = "not graded", str(exc)
        except subprocess.TimeoutExpired:
            status, problem = "not graded", f"grading took longer than {time_limit} s"
        if results is None:
            results = {"score": 0, "max_score": 100 * len(chapters), "tests": []}
            feedback = f"Could not grade this submission: {problem}\n"
        results = {**results, "key": key, "status": status, "problem": problem}
        atomic_write(Path(out_dir) / "results" / f"{student.name}.json",
                     json.dumps(results, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
        atomic_write(Path(out_dir) / "feedback" / f"{student.name}.txt", feedback)
        return results


def chapter_scores(results, chapters):
    scores = {chapter: 0.0 for chapter in chapters}
    for test in results.get("tests", []):
        chapter = test["name"].split(":", 1)[0]
        if chapter in scores:
            scores[chapter] += float(test["score"])
    return scores


def write_grades(students, out_dir, chapters):
    """grades.csv from the per-student results, in a stable order, atomically."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["student", *chapters, "total", "status", "problem"])
    for student in students:
        path = Path(out_dir) / "results" / f"{student.name}.json"
        if not path.exists():
            writer.writerow([student.name, *[""] * len(chapters), "", "missing", "not graded yet"])
            continue
        results = json.loads(path.read_text(encoding="utf-8"))
        scores = chapter_scores(results, chapters)
        writer.writerow([student.name, *[f"{scores[c]:g}" for c in chapters],
                         f"{sum(scores.values()):g}", results.get("status", ""), results.get("problem", "")])
    atomic_write(Path(out_dir) / "grades.csv", buffer.getvalue())


def previous_key(out_dir, student):
    path = Path(out_dir) / "results" / f"{student.name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("key")
    except (OSError, ValueError):
        return None


class Progress:
    """One status line: students done, failures, time left."""

    def __init__(self, total, stream=sys.stderr):
        self.total, self.done, self.failed = total, 0, 0
        self.start = time.monotonic()
        self.stream = stream
        self.lock = threading.Lock()
        self.tty = hasattr(stream, "isatty") and stream.isatty()

    def update(self, name, ok):
        with self.lock:
            self.done += 1
            self.failed += 0 if ok else 1
            elapsed = time.monotonic() - self.start
            left = elapsed / self.done * (self.total - self.done)
            width = 30
            filled = int(width * self.done / max(self.total, 1))
            line = (f"[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} graded, "
                    f"{self.failed} not graded, about {left:.0f} s left ({name})")
            if self.tty:
                self.stream.write("\r" + line[:120].ljust(120))
            else:
                self.stream.write(line + "\n")
            self.stream.flush()

    def finish(self):
        if self.tty:
            self.stream.write("\n")


def run_batch(submissions, out_dir, chapters=CHAPTERS, jobs=None, time_limit=STUDENT_TIME_LIMIT, stream=sys.stderr,
              check_time_limit=None):
    """Grade every student of ``submissions`` that is new or changed; returns a summary dict."""
    students = find_students(submissions)
    names = [s.name for s in students]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise SystemExit(f"error: two submissions share the name(s) {', '.join(duplicates)} (a folder and a zip?)")
    version = grader_version()
    chapter_tag = ",".join(chapters)
    todo = []
    for student in students:
        key = f"{content_hash(student)}-{version}-{chapter_tag}"
        if previous_key(out_dir, student) != key:
            todo.append((student, key))
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    _prepare_dataset()
    progress = Progress(len(todo), stream)
    jobs = jobs or os.cpu_count() or 1
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(grade_student, s, key, out_dir, chapters, time_limit, check_time_limit): s
                   for s, key in todo}
        for future in concurrent.futures.as_completed(futures):
            student = futures[future]
            results = future.result()
            progress.update(student.name, results["status"] == "graded")
    progress.finish()
    write_grades(students, out_dir, chapters)
    not_graded = {}
    for student in students:
        path = Path(out_dir) / "results" / f"{student.name}.json"
        results = json.loads(path.read_text(encoding="utf-8"))
        if results.get("status") != "graded":
            not_graded[student.name] = results.get("problem", "")
    return {"students": len(students), "graded_now": len(todo), "not_graded": not_graded}


def _prepare_dataset():
    """Build the MNIST cache once, before workers that may not write it start."""
    sys.path.insert(0, str(KIT_ROOT))
    try:
        from dataset.mnist import load_mnist

        load_mnist()
    except Exception as exc:  # noqa: BLE001  (the MNIST checks will report it per student)
        print(f"warning: MNIST could not be loaded: {exc}", file=sys.stderr)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m grader batch", description="Grade a whole class.")
    parser.add_argument("submissions", help="folder with one subfolder or .zip per student")
    parser.add_argument("--out", default=None, help="output folder (default: SUBMISSIONS-grades)")
    parser.add_argument("--chapter", action="append", choices=CHAPTERS, help="only this chapter (repeatable)")
    parser.add_argument("--jobs", type=int, default=None, help="students graded at once (default: all cores)")
    parser.add_argument("--time-limit", type=float, default=None, metavar="SECONDS",
                        help="lower every check's own time limit per call to this")
    args = parser.parse_args(argv)
    submissions = Path(args.submissions)
    if not submissions.is_dir():
        print(f"error: {submissions} is not a folder", file=sys.stderr)
        return 2
    out_dir = Path(args.out) if args.out else submissions.with_name(submissions.name + "-grades")
    chapters = tuple(args.chapter) if args.chapter else CHAPTERS
    summary = run_batch(submissions, out_dir, chapters, args.jobs, check_time_limit=args.time_limit)
    print(f"{summary['students']} students, {summary['graded_now']} graded in this run; "
          f"grades in {out_dir / 'grades.csv'}")
    if summary["not_graded"]:
        print("Could not be graded:")
        for name, problem in summary["not_graded"].items():
            print(f"  {name}: {problem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
