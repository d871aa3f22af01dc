"""Grade a whole class: ``python -m grader batch SUBMISSIONS_DIR --out OUT_DIR``.

Each subfolder (or ``.zip``) of SUBMISSIONS_DIR is one student. Students are graded in
parallel, each by its own ``python -m grader check`` process (which runs the student's code
in its own sandboxed worker), so one student's crash, hang or hostility stops nothing else.

OUT_DIR receives, per student, ``results/<student>.json`` (Gradescope's format, plus the key
it was graded under), ``feedback/<student>.txt`` (the report the student would see) and, when
matplotlib is installed and there is something to show, ``feedback/<student>/*.png`` (learning
curves, maps of gradient errors); for the class ``grades.csv`` (per-chapter and total scores)
and, from the command line, ``class_report.md`` with ``class_report/scores_chNN.png``: the
scores per chapter and the most frequent diagnosed mistakes (what to re-teach). Feedback is in
English or Korean (``--lang``, else the locale). Every file is written atomically.
A student whose key (a hash of the submission's content, of the grader's own code and of the
language) is unchanged since the last run is not graded again, so a killed batch resumes where
it stopped, and a re-run on unchanged input writes byte-identical files.
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
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from grader.cli import prepare_dataset
from grader.contract import CHAPTERS
from grader.files import atomic_write
from grader.messages import LANGUAGES, Message, render, resolve_language, using

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
                raise BadSubmission(render(Message("batch.zip_files", count=len(members), limit=ZIP_LIMITS["files"])))
            if sum(m.file_size for m in members) > ZIP_LIMITS["bytes"]:
                raise BadSubmission(render(Message("batch.zip_bytes")))
            root = Path(target).resolve()
            for member in members:
                destination = (root / member.filename).resolve()
                if root not in destination.parents and destination != root:
                    raise BadSubmission(render(Message("batch.zip_outside", name=member.filename)))
            archive.extractall(root)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise BadSubmission(render(Message("batch.zip_unreadable", detail=str(exc)))) from None
    return Path(target)


def publish_pictures(source, target):
    """Make the PNG files of ``target`` those of ``source`` (old ones of the student go)."""
    new = {p.name: p for p in sorted(Path(source).glob("*.png"))} if Path(source).is_dir() else {}
    target = Path(target)
    if target.is_dir():
        for old in target.glob("*.png"):
            if old.name not in new:
                old.unlink()
    for name, path in new.items():
        atomic_write(target / name, path.read_bytes())
    if target.is_dir() and not any(target.iterdir()):
        target.rmdir()


def grade_student(student, key, out_dir, chapters, time_limit=STUDENT_TIME_LIMIT, check_time_limit=None,
                  language="en", lenient_names=False):
    """Grade one student in a child process; write results/<name>.json, feedback/<name>.txt and
    the pictures feedback/<name>/*.png.

    Returns the results dict (with ``key`` and ``status``)."""
    with tempfile.TemporaryDirectory(prefix="grade-") as tmp:
        status, problem = "graded", ""
        results = None
        feedback = ""
        report_dir = Path(tmp) / "report"
        try:
            folder = unpack(student.source, Path(tmp) / "unzipped") if student.is_zip else student.source
            json_path = Path(tmp) / "results.json"
            command = [sys.executable, "-m", "grader", "check", "--submission", str(folder), "--json",
                       str(json_path), "--quiet", "--no-color", "--lang", language, "--report-dir", str(report_dir)]
            for chapter in chapters:
                command += ["--chapter", chapter]
            if check_time_limit:
                command += ["--time-limit", str(check_time_limit)]
            if lenient_names:
                command += ["--lenient-names"]
            env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
            done = subprocess.run(command, cwd=KIT_ROOT, capture_output=True, text=True, timeout=time_limit,
                                  env=env, start_new_session=True)
            feedback = done.stdout.replace(str(report_dir), f"feedback/{student.name}")
            if json_path.exists() and done.returncode in (0, 1):
                results = json.loads(json_path.read_text(encoding="utf-8"))
            else:
                message = (done.stderr.strip().splitlines() or [render(Message("batch.failed"))])[-1]
                status, problem = "not graded", message
        except BadSubmission as exc:
            status, problem = "not graded", str(exc)
        except subprocess.TimeoutExpired:
            status, problem = "not graded", render(Message("batch.too_long", seconds=time_limit))
        if results is None:
            results = {"score": 0, "max_score": 100 * len(chapters), "tests": []}
            feedback = render(Message("batch.could_not_grade", problem=problem)) + "\n"
        results = {**results, "key": key, "status": status, "problem": problem}
        publish_pictures(report_dir if status == "graded" else Path(tmp) / "none",
                         Path(out_dir) / "feedback" / student.name)
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
            writer.writerow([student.name, *[""] * len(chapters), "", "missing", render(Message("batch.not_yet"))])
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
            line = f"[{'#' * filled}{'.' * (width - filled)}] " + render(Message(
                "batch.progress", done=self.done, total=self.total, failed=self.failed, left=left, name=name))
            if self.tty:
                self.stream.write("\r" + line[:120].ljust(120))
            else:
                self.stream.write(line + "\n")
            self.stream.flush()

    def finish(self):
        if self.tty:
            self.stream.write("\n")


def run_batch(submissions, out_dir, chapters=CHAPTERS, jobs=None, time_limit=STUDENT_TIME_LIMIT, stream=sys.stderr,
              check_time_limit=None, language=None, class_report=False, lenient_names=False):
    """Grade every student of ``submissions`` that is new or changed; returns a summary dict.

    language: of the feedback (default: the locale's); class_report: also write
    class_report.md (the command line does); lenient_names: see grader check --lenient-names."""
    language = resolve_language(language)
    with using(language):
        return _run_batch(submissions, out_dir, chapters, jobs, time_limit, stream, check_time_limit, language,
                          class_report, lenient_names)


def _run_batch(submissions, out_dir, chapters, jobs, time_limit, stream, check_time_limit, language, class_report,
               lenient_names=False):
    students = find_students(submissions)
    names = [s.name for s in students]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise SystemExit(render(Message("batch.duplicates", names=", ".join(duplicates))))
    version = grader_version()
    chapter_tag = ",".join(chapters)
    todo = []
    for student in students:
        key = f"{content_hash(student)}-{version}-{chapter_tag}-{language}" + ("-lenient" if lenient_names else "")
        if previous_key(out_dir, student) != key:
            todo.append((student, key))
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    prepare_dataset()  # once, before the workers start
    progress = Progress(len(todo), stream)
    jobs = jobs or os.cpu_count() or 1
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(grade_student, s, key, out_dir, chapters, time_limit, check_time_limit, language,
                               lenient_names): s
                   for s, key in todo}
        for future in concurrent.futures.as_completed(futures):
            student = futures[future]
            results = future.result()
            progress.update(student.name, results["status"] == "graded")
    progress.finish()
    write_grades(students, out_dir, chapters)
    if class_report:
        write_class_report(students, out_dir, chapters, language)
    not_graded = {}
    for student in students:
        path = Path(out_dir) / "results" / f"{student.name}.json"
        results = json.loads(path.read_text(encoding="utf-8"))
        if results.get("status") != "graded":
            not_graded[student.name] = results.get("problem", "")
    return {"students": len(students), "graded_now": len(todo), "not_graded": not_graded}


# ---------------------------------------------------------------- the class report

CLASS_REPORT = "class_report.md"
CLASS_PICTURES = "class_report"
TOP_DIAGNOSES = 15


def class_summary(students, out_dir, chapters):
    """What the class report shows, from results/*.json: scores per chapter, the points a
    chapter is worth, who was not graded, and per diagnosis the students and checks."""
    scores = {chapter: [] for chapter in chapters}
    possible = {chapter: 0.0 for chapter in chapters}
    not_graded, students_with = [], defaultdict(set)
    checks_with = defaultdict(Counter)
    for student in students:
        path = Path(out_dir) / "results" / f"{student.name}.json"
        try:
            results = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            not_graded.append(student.name)
            continue
        if results.get("status") != "graded":
            not_graded.append(student.name)
            continue
        for chapter, value in chapter_scores(results, chapters).items():
            scores[chapter].append(value)
        for chapter in chapters:
            worth = sum(float(t.get("max_score", 0)) for t in results.get("tests", [])
                        if t["name"].split(":", 1)[0] == chapter)
            possible[chapter] = max(possible[chapter], worth)
        for test in results.get("tests", []):
            extra = test.get("extra_data") or {}
            chapter = test["name"].split(":", 1)[0]
            for diagnosis in dict.fromkeys(extra.get("diagnoses") or []):
                students_with[diagnosis].add(student.name)
                checks_with[diagnosis][f"{chapter}: {extra.get('check', test['name'])}"] += 1
    ranked = sorted(students_with, key=lambda d: (-len(students_with[d]), d))
    diagnoses = [(d, len(students_with[d]), checks_with[d].most_common(3)) for d in ranked]
    return {"scores": scores, "possible": {c: possible[c] or 100.0 for c in chapters},
            "not_graded": not_graded, "diagnoses": diagnoses}


def _diagnosis_title(diagnosis):
    try:
        return render(Message(f"diagnosis_title.{diagnosis}"))
    except KeyError:
        return diagnosis


def _text_histogram(values, possible):
    counts = [0] * 10
    for value in values:
        counts[min(9, int(10 * value / possible))] += 1
    lines = []
    for i, count in enumerate(counts):
        low, high = possible * i / 10, possible * (i + 1) / 10
        bracket = "]" if i == 9 else ")"
        lines.append(f"[{low:>5g}, {high:>5g}{bracket} {'#' * count} {count}")
    return lines


def write_class_report(students, out_dir, chapters, language=None):
    """class_report.md (and class_report/scores_chNN.png when matplotlib is installed) in
    ``out_dir``: per chapter the scores (statistics and a histogram), then the diagnosed
    mistakes by the number of students who made them."""
    language = resolve_language(language)
    with using(language):
        return _write_class_report(students, out_dir, chapters, language)


def _write_class_report(students, out_dir, chapters, language):
    import statistics

    summary = class_summary(students, out_dir, chapters)
    out_dir = Path(out_dir)
    graded = len(students) - len(summary["not_graded"])
    lines = [render(Message("class.title")), "",
             render(Message("class.summary", graded=graded, students=len(students), chapters=", ".join(chapters))), ""]
    if summary["not_graded"]:
        lines += [render(Message("class.not_graded", names=", ".join(summary["not_graded"]))), ""]
    lines += [render(Message("class.scores_heading")), "", render(Message("class.scores_header")),
              "|---|---|---|---|---|---|"]
    for chapter in chapters:
        values = summary["scores"][chapter]
        if values:
            lines.append(f"| {chapter} | {len(values)} | {statistics.mean(values):.1f} | "
                         f"{statistics.median(values):g} | {min(values):g} | {max(values):g} |")
        else:
            lines.append(f"| {chapter} | 0 | - | - | - | - |")
    from grader import pictures

    draw = pictures.available() and graded > 0
    for chapter in chapters:
        values, possible = summary["scores"][chapter], summary["possible"][chapter]
        lines += ["", render(Message("class.histogram_heading", chapter=chapter, possible=f"{possible:g}")), ""]
        picture = Path(CLASS_PICTURES) / f"scores_{chapter}.png"
        if draw and values:
            try:
                (out_dir / CLASS_PICTURES).mkdir(parents=True, exist_ok=True)
                title = Message("pictures.scores_title", chapter=chapter, n=len(values))
                pictures.score_histogram(values, out_dir / picture, title, possible, language)
                lines += [f"![{render(Message('class.histogram_alt', chapter=chapter))}]({picture.as_posix()})", ""]
            except Exception as exc:  # noqa: BLE001  (the table below says the same in text)
                print(render(Message("cli.pictures_failed", detail=f"{type(exc).__name__}: {exc}")), file=sys.stderr)
        lines += ["```", *_text_histogram(values, possible), "```"]
    lines += ["", render(Message("class.diagnoses_heading")), ""]
    if summary["diagnoses"]:
        lines += [render(Message("class.diagnoses_intro")), "", render(Message("class.diagnoses_header")),
                  "|---|---|---|---|"]
        for diagnosis, count, checks in summary["diagnoses"][:TOP_DIAGNOSES]:
            where = "; ".join(f"{name} ({n})" for name, n in checks).replace("|", "\\|")
            lines.append(f"| {_diagnosis_title(diagnosis)} | `{diagnosis}` | {count} | {where} |")
    else:
        lines.append(render(Message("class.no_diagnoses")))
    atomic_write(out_dir / CLASS_REPORT, "\n".join(lines) + "\n")
    return out_dir / CLASS_REPORT



def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m grader batch", description="Grade a whole class.")
    parser.add_argument("submissions", help="folder with one subfolder or .zip per student")
    parser.add_argument("--out", default=None, help="output folder (default: SUBMISSIONS-grades)")
    parser.add_argument("--chapter", action="append", choices=CHAPTERS, help="only this chapter (repeatable)")
    parser.add_argument("--jobs", type=int, default=None, help="students graded at once (default: all cores)")
    parser.add_argument("--time-limit", type=float, default=None, metavar="SECONDS",
                        help="lower every check's own time limit per call to this")
    parser.add_argument("--lang", choices=LANGUAGES, default=None,
                        help="language of the feedback and the class report (default: the locale's)")
    parser.add_argument("--lenient-names", action="store_true",
                        help="grade names the book's written differently (ReLU for Relu) under the book's names")
    parser.add_argument("--no-class-report", action="store_true",
                        help="do not write class_report.md (scores per chapter, most frequent mistakes)")
    args = parser.parse_args(argv)
    language = resolve_language(args.lang)
    with using(language):
        submissions = Path(args.submissions)
        if not submissions.is_dir():
            print(render(Message("batch.not_a_folder", path=str(submissions))), file=sys.stderr)
            return 2
        out_dir = Path(args.out) if args.out else submissions.with_name(submissions.name + "-grades")
        chapters = tuple(args.chapter) if args.chapter else CHAPTERS
        summary = run_batch(submissions, out_dir, chapters, args.jobs, check_time_limit=args.time_limit,
                            language=language, class_report=not args.no_class_report,
                            lenient_names=args.lenient_names)
        print(render(Message("batch.summary", students=summary["students"], graded=summary["graded_now"],
                             path=str(out_dir / "grades.csv"))))
        if not args.no_class_report:
            print(render(Message("batch.class_report", path=str(out_dir / CLASS_REPORT))))
        if summary["not_graded"]:
            print(render(Message("batch.not_graded_heading")))
            for name, problem in summary["not_graded"].items():
                print(f"  {name}: {problem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
