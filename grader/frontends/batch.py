"""Grade a whole class: ``python -m grader batch SUBMISSIONS_DIR --out OUT_DIR``.

Each subfolder (or ``.zip``) of SUBMISSIONS_DIR is one student, whatever its name (names are
read as bytes: any encoding, ``_`` and look-alike names included); every other entry is
listed as skipped, with the reason. Students are graded in parallel, each by its own
``python -m grader check`` process (which runs the student's code in its own sandboxed
worker), so one student's crash, hang, size or hostility stops nothing else: that student is
"not graded", with the reason, and the class gets its grades.

OUT_DIR receives, per student, a folder ``students/<key>/`` (key: a cleaned name and a hash
of the exact name, grader.feedback.sanitise.output_key) with ``results.json`` (Gradescope's format,
plus the key it was graded under), ``feedback.txt`` (the report the student would see) and,
when matplotlib is installed and there is something to show, ``pictures/*.png`` (learning
curves, maps of gradient errors); for the class ``grades.csv`` (per-chapter and total scores,
every cell quoted and safe for spreadsheets) and, from the command line, ``class_report.md``
with ``class_report/scores_chNN.png``: the scores per chapter and the most frequent diagnosed
mistakes (what to re-teach). Names and texts from students are shown only through
grader.feedback.sanitise. Feedback is in any language the grader speaks (``--lang``, else the
locale). Every file is written atomically. A student whose key (a hash of the submission's content, of the
grader's own code and of the language) is unchanged since the last run is not graded again,
so a killed batch resumes where it stopped, and a re-run on unchanged input writes
byte-identical files.
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

from grader.api import prepare_dataset
from grader.feedback import report
from grader.feedback.messages import LANGUAGES, Message, render, resolve_language, using
from grader.feedback.sanitise import csv_cell, markdown_text, name_from_bytes, output_key, skeleton, visible
from grader.files import TooLarge, atomic_write, regular_files
from grader.grading.contract import CHAPTERS
from grader.isolation import levels as isolation

KIT_ROOT = Path(__file__).resolve().parents[2]
STUDENT_TIME_LIMIT = 20 * 60  # seconds for one student, all chapters
ZIP_LIMITS = {"files": 2000, "bytes": 200 * 1024**2}
# What one student's folder may hold before it is "not graded: too large" (the book's whole
# repository with MNIST is about 60 MB in 300 files, 5 levels deep).
WALK_LIMITS = {"depth": 32, "files": 5000, "bytes": 200 * 1024**2}
HASH_CHUNK = 1 << 20  # bytes read at once: hashing never holds a whole file
STUDENTS = "students"  # OUT_DIR/students/<key>/: results.json, feedback.txt, pictures/


@dataclass
class Student:
    """One entry of the submissions folder. ``raw``: its name as bytes (any encoding);
    ``name``: the name for readers (undecodable bytes as escapes, see grader.feedback.sanitise);
    ``key``: the name of its output folder (grader.feedback.sanitise.output_key)."""

    raw: bytes
    source: Path  # a folder or a .zip

    @property
    def is_zip(self):
        return self.raw.lower().endswith(b".zip") and not self.source.is_dir()

    @property
    def name(self):
        return name_from_bytes(self.raw[:-4] if self.is_zip else self.raw)

    @property
    def entry(self):
        """The entry's own name (``bob.ZIP``), for readers."""
        return name_from_bytes(self.raw)

    @property
    def key(self):
        return output_key(self.raw)

    def folder(self, out_dir):
        return Path(out_dir) / STUDENTS / self.key


def survey_students(folder):
    """(students, skipped): every subfolder and .zip of ``folder`` (``_`` names included), in
    the order of their names' bytes, and every other entry with the Message saying why it was
    skipped (hidden, a link, neither a folder nor a zip). Nothing there goes unmentioned."""
    students, skipped = [], []
    with os.scandir(os.fsencode(folder)) as entries:
        entries = sorted(entries, key=lambda e: e.name)
    for entry in entries:
        name = name_from_bytes(entry.name)
        try:
            if entry.name.startswith(b"."):
                skipped.append((name, Message("batch.skipped_hidden")))
            elif entry.is_symlink():
                skipped.append((name, Message("batch.skipped_link")))
            elif entry.is_dir(follow_symlinks=False) or (
                    entry.is_file(follow_symlinks=False) and entry.name.lower().endswith(b".zip")):
                students.append(Student(entry.name, Path(os.fsdecode(entry.path))))
            else:
                skipped.append((name, Message("batch.skipped_other")))
        except OSError as exc:
            skipped.append((name, Message("batch.unexpected", detail=visible(str(exc)))))
    return students, skipped


def find_students(folder):
    """Every subfolder and .zip file of ``folder`` (see ``survey_students``)."""
    return survey_students(folder)[0]


def flag_names(students):
    """{student key: Message} for names to check by hand: names that look alike (same
    ``skeleton``: case, width, invisible characters) and names with hidden characters."""
    groups = defaultdict(list)
    for student in students:
        groups[skeleton(os.fsdecode(student.raw[:-4] if student.is_zip else student.raw))].append(student)
    flags = {}
    for student in students:
        group = groups[skeleton(os.fsdecode(student.raw[:-4] if student.is_zip else student.raw))]
        if len(group) > 1:
            flags[student.key] = Message("batch.look_alike", names=", ".join(s.entry for s in group))
        elif "\\" in student.entry:  # escapes shown for hidden or undecodable characters
            flags[student.key] = Message("batch.hidden_characters")
    return flags


def grader_version():
    """Hash of the grader's own code and catalogue: new checks, fixes or translations invalidate
    old results."""
    digest = hashlib.sha256()
    grader = KIT_ROOT / "grader"
    for path in sorted([*grader.rglob("*.py"), *(grader / "feedback" / "locale").glob("*.po*")]):
        digest.update(path.relative_to(KIT_ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _limits_text(limits):
    return Message("batch.limits", depth=limits["depth"], count=limits["files"], size=limits["bytes"] // 1024**2)


def hash_file(path, digest, limit=None):
    """Feed the bytes of the file ``path`` into ``digest`` in chunks; returns the bytes read.
    Reads at most ``limit`` bytes (the caller checked the size first; a file that grows
    while being read stops there)."""
    read = 0
    with open(path, "rb") as f:
        while limit is None or read < limit:
            chunk = f.read(HASH_CHUNK if limit is None else min(HASH_CHUNK, limit - read))
            if not chunk:
                break
            digest.update(chunk)
            read += len(chunk)
    return read


def content_hash(student, limits=WALK_LIMITS):
    """Hash of what the student handed in: relative names (as bytes) and contents of regular
    files; caches and hidden entries skipped, links and special files (FIFOs, devices) never
    followed nor read (``skipped_special``). Walks at most ``limits`` deep, many files and
    bytes, else raises TooLarge; reads files in chunks.

    Returns (hash, notes): notes is a list of Messages about what was not read."""
    digest = hashlib.sha256()
    if student.is_zip:
        size = os.lstat(student.source).st_size
        if size > limits["bytes"]:
            raise TooLarge(Message("batch.found_bytes", size=limits["bytes"] // 1024**2, path=student.entry))
        hash_file(student.source, digest, limits["bytes"])
        return digest.hexdigest()[:16], []
    files, special = regular_files(student.source, limits)
    for relative, path, size in files:
        digest.update(relative + b"\0" + str(size).encode() + b"\0")
        hash_file(path, digest, size)
    notes = []
    if special:
        notes.append(Message("batch.skipped_special", count=len(special), path=visible(os.fsdecode(special[0]))))
    return digest.hexdigest()[:16], notes


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
                    raise BadSubmission(render(Message("batch.zip_outside", name=visible(member.filename))))
            archive.extractall(root)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, NotImplementedError) as exc:
        raise BadSubmission(render(Message("batch.zip_unreadable", detail=visible(str(exc))))) from None
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
                  language="en", problem=None, notes=(), lenient_names=False):
    """Grade one student in a child process; write students/<student key>/results.json,
    feedback.txt and the pictures pictures/*.png. ``problem``: a reason not to grade at all
    (too large, unreadable), already known; ``lenient_names``: see grader check --lenient-names.

    Returns the results dict (with ``key``, ``status`` and ``problem``). Never raises for
    anything the submission holds: the student is then "not graded" with the reason."""
    folder_out = student.folder(out_dir)
    with tempfile.TemporaryDirectory(prefix="grade-") as tmp:
        status = "graded" if problem is None else "not graded"
        results = None
        feedback = ""
        report_dir = Path(tmp) / "report"
        try:
            if problem is None:
                results, feedback, problem = _grade_in_child(student, tmp, report_dir, chapters, time_limit,
                                                             check_time_limit, language, lenient_names)
                status = "graded" if results is not None else "not graded"
        except BadSubmission as exc:
            status, problem = "not graded", str(exc)
        except subprocess.TimeoutExpired:
            status, problem = "not graded", render(Message("batch.too_long", seconds=time_limit))
        except Exception as exc:  # noqa: BLE001  (one student's data never stops the class)
            status, problem = "not graded", render(Message("batch.unexpected", detail=f"{type(exc).__name__}: {exc}"))
        problem = visible(problem or "")
        if results is None:
            results = {"score": 0, "max_score": chapters_points(chapters), "tests": []}
            feedback = render(Message("batch.could_not_grade", problem=problem)) + "\n"
        notes = [render(note) for note in notes]
        if notes:
            feedback += "".join(f"{note}\n" for note in notes)
        results = {**results, "key": key, "status": status, "problem": problem, "student": student.name,
                   "entry": student.entry, "notes": notes}
        publish_pictures(report_dir if status == "graded" else Path(tmp) / "none", folder_out / "pictures")
        atomic_write(folder_out / "results.json",
                     json.dumps(results, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
        atomic_write(folder_out / "feedback.txt", visible(feedback, keep_newlines=True))
        return results


def _grade_in_child(student, tmp, report_dir, chapters, time_limit, check_time_limit, language,
                    lenient_names=False):
    """(results or None, feedback, problem) of ``python -m grader check`` on the student."""
    folder = unpack(student.source, Path(tmp) / "unzipped") if student.is_zip else student.source
    json_path = Path(tmp) / "results.json"
    command = [sys.executable, "-B", "-m", "grader", "check", "--submission", os.fsencode(folder), "--json",
               str(json_path), "--quiet", "--no-color", "--lang", language, "--report-dir", str(report_dir)]
    for chapter in chapters:
        command += ["--chapter", chapter]
    if check_time_limit:
        command += ["--time-limit", str(check_time_limit)]
    if lenient_names:
        command += ["--lenient-names"]
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "PYTHONIOENCODING": "utf-8:backslashreplace"}
    done = subprocess.run(command, cwd=KIT_ROOT, capture_output=True, timeout=time_limit, env=env,
                          start_new_session=True)
    stdout = done.stdout.decode("utf-8", errors="replace")
    stderr = done.stderr.decode("utf-8", errors="replace")
    feedback = stdout.replace(str(report_dir), "pictures")
    if json_path.exists() and done.returncode in (0, 1):
        return json.loads(json_path.read_text(encoding="utf-8")), feedback, ""
    message = (stderr.strip().splitlines() or [render(Message("batch.failed"))])[-1]
    return None, feedback, message


def chapters_points(chapters):
    """What ``chapters`` are worth, hidden checks included (as every student is graded): the
    max_score of every student, graded or not."""
    from grader.grading.checks import checks_for

    return round(sum(c.points for chapter in chapters for c in checks_for(chapter, include_hidden=True)), 2)


def chapter_scores(results, chapters):
    scores = {chapter: 0.0 for chapter in chapters}
    for test in results.get("tests", []):
        chapter = test["name"].split(":", 1)[0]
        if chapter in scores:
            scores[chapter] += float(test["score"])
    return scores


def read_results(student, out_dir):
    """The student's results.json, or None when missing or unreadable."""
    try:
        return json.loads((student.folder(out_dir) / "results.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


GRADES_HEADER = ("student", "entry", "folder")


def write_grades(students, out_dir, chapters, skipped=(), flags=None):
    """grades.csv from the per-student results, in a stable order, atomically. Every cell
    is quoted and made safe (grader.feedback.sanitise.csv_cell): no formula, no extra row. Skipped
    entries are listed too, with the reason. The last column is the isolation level the
    student's code ran under (docs/isolation.md)."""
    flags = flags or {}
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n")

    def row(*cells):
        writer.writerow([csv_cell(cell) for cell in cells])

    possible = chapters_points(chapters)
    row(*GRADES_HEADER, *chapters, "total", "max_score", "status", "problem", "flag", "isolation")
    for student in students:
        results = read_results(student, out_dir)
        flag = render(flags[student.key]) if student.key in flags else ""
        where = f"{STUDENTS}/{student.key}"
        if results is None:
            row(student.name, student.entry, where, *[""] * len(chapters), "", possible, "missing",
                render(Message("batch.not_yet")), flag, "")
            continue
        scores = chapter_scores(results, chapters)
        isolation_level = (results.get("extra_data") or {}).get("isolation", "")
        row(student.name, student.entry, where, *[scores[c] for c in chapters], sum(scores.values()),
            results.get("max_score", possible), results.get("status", ""), results.get("problem", ""), flag,
            isolation_level)
    for name, reason in skipped:
        row(name, name, "", *[""] * len(chapters), "", "", "skipped", render(reason), "", "")
    atomic_write(Path(out_dir) / "grades.csv", buffer.getvalue())


def previous_key(out_dir, student):
    results = read_results(student, out_dir)
    return results.get("key") if isinstance(results, dict) else None


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
                "batch.progress_counts", done=self.done, total=self.total, graded=self.done - self.failed,
                failed=self.failed, left=left, name=visible(name)))
            if self.tty:
                self.stream.write("\r" + line[:120].ljust(120))
            else:
                self.stream.write(line + "\n")
            self.stream.flush()

    def finish(self):
        if self.tty:
            self.stream.write("\n")


def run_batch(submissions, out_dir, chapters=CHAPTERS, jobs=None, time_limit=STUDENT_TIME_LIMIT, stream=sys.stderr,
              check_time_limit=None, language=None, class_report=False, allow_weak=False, lenient_names=False):
    """Grade every student of ``submissions`` that is new or changed; returns a summary dict:
    students, graded (all runs), graded_now (looked at in this run, graded or not), not_graded
    ({name: problem}), skipped ({entry: reason}) and flagged
    ({name: why})).

    language: of the feedback (default: the locale's); class_report: also write
    class_report.md (the command line does); lenient_names: see grader check --lenient-names.
    Grading is for credit: grader.isolation.levels.IsolationError unless the kernel confines the
    submissions' code, or ``allow_weak``."""
    language = resolve_language(language)
    with using(language):
        isolation.require_for_credit(allow_weak)
        return _run_batch(submissions, out_dir, chapters, jobs, time_limit, stream, check_time_limit, language,
                          class_report, lenient_names)


def _plan(student, version, chapter_tag, language, out_dir, lenient_names=False):
    """(key, problem, notes) of one student: problem is why it cannot be graded (too large,
    unreadable), else None. Never raises."""
    try:
        digest, notes = content_hash(student)
    except TooLarge as exc:
        found = Message("batch.too_large", found=exc.found, limit=_limits_text(WALK_LIMITS))
        return f"too-large-{version}-{chapter_tag}-{language}", render(found), []
    except Exception as exc:  # noqa: BLE001  (an unreadable file is that student's problem only)
        detail = f"{type(exc).__name__}: {exc}"
        return f"unreadable-{version}", render(Message("batch.unexpected", detail=visible(detail))), []
    return f"{digest}-{version}-{chapter_tag}-{language}" + ("-lenient" if lenient_names else ""), None, notes


def _run_batch(submissions, out_dir, chapters, jobs, time_limit, stream, check_time_limit, language, class_report,
               lenient_names=False):
    students, skipped = survey_students(submissions)
    flags = flag_names(students)
    version = grader_version()
    chapter_tag = ",".join(chapters)
    todo = []
    for student in students:
        key, problem, notes = _plan(student, version, chapter_tag, language, out_dir, lenient_names)
        if problem is not None or previous_key(out_dir, student) != key:
            todo.append((student, key, problem, notes))
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    prepare_dataset()  # once, before the workers start
    progress = Progress(len(todo), stream)
    jobs = jobs or os.cpu_count() or 1
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(grade_student, s, key, out_dir, chapters, time_limit, check_time_limit, language,
                               problem, notes, lenient_names): s for s, key, problem, notes in todo}
        for future in concurrent.futures.as_completed(futures):
            student = futures[future]
            try:
                ok = future.result()["status"] == "graded"
            except Exception:  # noqa: BLE001  (writing its files failed: it shows as missing)
                ok = False
            progress.update(student.name, ok)
    progress.finish()
    write_grades(students, out_dir, chapters, skipped, flags)
    if class_report:
        write_class_report(students, out_dir, chapters, language, skipped, flags)
    not_graded = {}
    for student in students:
        results = read_results(student, out_dir) or {}
        if results.get("status") != "graded":
            not_graded[student.entry] = results.get("problem", render(Message("batch.not_yet")))
    return {"students": len(students), "graded_now": len(todo), "graded": len(students) - len(not_graded),
            "not_graded": not_graded,
            "skipped": {name: render(reason) for name, reason in skipped},
            "flagged": {s.entry: render(flags[s.key]) for s in students if s.key in flags}}


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
        results = read_results(student, out_dir)
        if not isinstance(results, dict) or results.get("status") != "graded":
            not_graded.append(student.entry)
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
                students_with[diagnosis].add(student.key)
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


def write_class_report(students, out_dir, chapters, language=None, skipped=(), flags=None):
    """class_report.md (and class_report/scores_chNN.png when matplotlib is installed) in
    ``out_dir``: per chapter the scores (statistics and a histogram), then the diagnosed
    mistakes by the number of students who made them. Names are shown escaped
    (grader.feedback.sanitise.markdown_text): nothing a student named reaches the page as HTML or
    Markdown; ``skipped`` entries and ``flags`` (see ``flag_names``) are listed."""
    language = resolve_language(language)
    with using(language):
        return _write_class_report(students, out_dir, chapters, language, skipped, flags or {})


def _write_class_report(students, out_dir, chapters, language, skipped, flags):
    import statistics

    summary = class_summary(students, out_dir, chapters)
    out_dir = Path(out_dir)
    graded = len(students) - len(summary["not_graded"])
    lines = [render(Message("class.title")), "",
             render(Message("class.summary", graded=graded, students=len(students), chapters=", ".join(chapters))), ""]
    if summary["not_graded"]:
        lines += [render(Message("class.not_graded", names=", ".join(map(markdown_text, summary["not_graded"])))), ""]
    if skipped:
        lines += [render(Message("class.skipped", names=", ".join(markdown_text(n) for n, _ in skipped))), ""]
    flagged = [s.entry for s in students if s.key in flags]
    if flagged:
        lines += [render(Message("class.flagged", names=", ".join(map(markdown_text, flagged)))), ""]
    lines += [render(Message("class.scores_heading")), "", render(Message("class.scores_header")),
              "|---|---|---|---|---|---|"]
    for chapter in chapters:
        values = summary["scores"][chapter]
        if values:
            lines.append(f"| {chapter} | {len(values)} | {statistics.mean(values):.1f} | "
                         f"{statistics.median(values):g} | {min(values):g} | {max(values):g} |")
        else:
            lines.append(f"| {chapter} | 0 | - | - | - | - |")
    from grader.feedback import pictures

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
            where = "; ".join(f"{report.named_title(name, language)} ({n})" for name, n in checks).replace("|", "\\|")
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
    parser.add_argument("--allow-weak-isolation", action="store_true",
                        help="grade even where the kernel cannot confine the submissions' code (docs/isolation.md)")
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
        try:
            summary = run_batch(submissions, out_dir, chapters, args.jobs, check_time_limit=args.time_limit,
                                language=language, class_report=not args.no_class_report,
                                allow_weak=args.allow_weak_isolation, lenient_names=args.lenient_names)
        except isolation.IsolationError as exc:
            print(render(Message("cli.could_not_run", detail=str(exc))), file=sys.stderr)
            return 2
        print(render(Message("batch.summary_counts", students=summary["students"], graded=summary["graded"],
                             not_graded=len(summary["not_graded"]), now=summary["graded_now"],
                             path=str(out_dir / "grades.csv"))))
        if not args.no_class_report:
            print(render(Message("batch.class_report", path=str(out_dir / CLASS_REPORT))))
        if summary["not_graded"]:
            print(render(Message("batch.not_graded_heading")))
            for name, problem in summary["not_graded"].items():
                print(f"  {visible(name)}: {visible(problem)}")
        for heading, entries in (("batch.skipped_heading", summary["skipped"]),
                                 ("batch.flags_heading", summary["flagged"])):
            if entries:
                print(render(Message(heading)))
                for name, why in entries.items():
                    print(f"  {visible(name)}: {visible(why)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
