"""Hostile and broken submissions: the batch finishes, nobody forges a score, nothing is left running.

Each member of tests/hostile/ patches the untouched template (a cheater who wrote nothing) or
the reference (an honest submission that misbehaves) and states the score range it must get
in the chapter its name starts with (``ch05_...``: graded on ch05). The members of a chapter
are graded together in one batch, two at a time, as an instructor would. No feedback shows a
terminal escape, and nothing a submission says is shown as the grader's own words.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from grader.feedback.messages import Message, render
from grader.frontends.batch import find_students, run_batch
from grader.isolation import levels as isolation
from tests.grader.mutants import ROOT, SOLUTIONS, TEMPLATE, build, load_member, members

HOSTILE = ROOT / "tests" / "hostile"
MEMBERS = members(HOSTILE)
# Where a member that escaped its sandbox leaves a file: it must stay empty.
CANARY = Path("/tmp/dlfs-hostile-canary")
# Unix sockets of the host that any user may reach (ch05_host_unix_socket tries them).
UNIX_STREAM = Path("/tmp/dlfs-hostile-unix.sock")
UNIX_DATAGRAM = Path("/tmp/dlfs-hostile-unix-dgram.sock")
# What a member says when an attack that only it can see worked (a namespace of its own, a
# mount past the scratch limit, another process's memory): it must never reach the feedback.
ESCAPED = "ESCAPED-"


def build_member(member, target):
    folder = build(member, target, base={"template": TEMPLATE, "reference": SOLUTIONS}[member.BASE])
    if hasattr(member, "MAKE"):
        member.MAKE(folder)
    return folder


def orphans_of_workers():
    """Pids of running processes under the user ids the grader gives its workers that no
    worker owns any more (adopted by init: they left their worker). Workers of other tests
    running at the same time have a parent of their own."""
    found = []
    for pid in os.listdir("/proc"):
        try:
            if not pid.isdigit() or os.stat(f"/proc/{pid}").st_uid < isolation._UID_BASE:
                continue
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        parent = int(status.split("PPid:")[1].split()[0])
        if parent == 1:
            found.append(int(pid))
    return found


def processes_mentioning(text):
    """Pids of running processes whose command line contains ``text``."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text in cmdline and int(pid) != os.getpid():
            found.append(int(pid))
    return found


def test_the_corpus_is_big_enough():
    assert len(MEMBERS) >= 15


def listen(port):
    """A TCP and a UDP socket on the loopback, non-blocking; none when the port is taken."""
    import socket

    sockets = []
    for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM):
        sock = socket.socket(socket.AF_INET, kind)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            sock.close()
            continue
        if kind == socket.SOCK_STREAM:
            sock.listen(8)
        sock.setblocking(False)
        sockets.append(sock)
    return sockets


def received(sockets):
    """What reached the listeners: connections accepted, datagrams read."""
    got = []
    for sock in sockets:
        try:
            got.append(sock.accept() if sock.type == __import__("socket").SOCK_STREAM else sock.recv(100))
        except BlockingIOError:
            pass
        sock.close()
    return got


KERNEL_LEVELS = [level for level in isolation.KERNEL_LEVELS if level in isolation.available()]


def listen_unix():
    """A stream and a datagram Unix socket at UNIX_STREAM and UNIX_DATAGRAM, writable by
    anyone (as a service's socket often is), non-blocking."""
    import socket

    sockets = []
    for path, kind in ((UNIX_STREAM, socket.SOCK_STREAM), (UNIX_DATAGRAM, socket.SOCK_DGRAM)):
        path.unlink(missing_ok=True)
        sock = socket.socket(socket.AF_UNIX, kind)
        sock.bind(str(path))
        os.chmod(path, 0o666)
        if kind == socket.SOCK_STREAM:
            sock.listen(8)
        sock.setblocking(False)
        sockets.append(sock)
    return sockets


def ipc_objects_of_workers():
    """System V shared memory, message queues and semaphores owned by the user ids the grader
    gives its workers: they outlive the processes that made them."""
    found = []
    for kind in ("shm", "msg", "sem"):
        try:
            lines = Path(f"/proc/sysvipc/{kind}").read_text().splitlines()
        except OSError:
            continue
        if not lines:
            continue
        uid = lines[0].split().index("uid")
        found += [f"{kind} {line.split()[1]}" for line in lines[1:] if int(line.split()[uid]) >= isolation._UID_BASE]
    return found


def test_this_machine_confines_workers_by_the_kernel():
    """Where the kit is tested (Linux with user namespaces or root with Landlock), the hostile
    corpus runs under every kernel-enforced level; elsewhere it could prove nothing."""
    if not sys.platform.startswith("linux"):
        pytest.skip("kernel isolation is Linux only")
    assert KERNEL_LEVELS, f"no kernel-enforced isolation here: {isolation.available()}"


@pytest.fixture
def forced_level(request, monkeypatch):
    monkeypatch.setenv(isolation.ENV_VAR, request.param)
    isolation.level.cache_clear()
    yield request.param
    isolation.level.cache_clear()


def chapter_of(path):
    return path.stem.split("_", 1)[0]


CHAPTERS_OF_MEMBERS = sorted({chapter_of(path) for path in MEMBERS})
GRADER_FAULT = render(Message("grader.fault", kind="", detail=""), "en").split(":")[0]


def test_every_member_names_a_chapter():
    assert set(CHAPTERS_OF_MEMBERS) <= {"ch04", "ch05", "ch06", "ch07"}


@pytest.mark.slow
@pytest.mark.parametrize("forced_level", KERNEL_LEVELS, indirect=True)
@pytest.mark.parametrize("chapter", CHAPTERS_OF_MEMBERS)
def test_hostile_corpus_in_one_batch(tmp_path, forced_level, chapter):
    class_dir = tmp_path / "class"
    out_dir = tmp_path / "out"
    members = {path.stem: load_member(path) for path in MEMBERS if chapter_of(path) == chapter}
    for name, member in members.items():
        build_member(member, class_dir / name)
    CANARY.mkdir(exist_ok=True)
    os.chmod(CANARY, 0o1777)
    for old in CANARY.iterdir():
        old.unlink()

    listeners = listen(47231)  # the port ch04_calls_without_audit_events tries to reach
    listeners += listen_unix()

    summary = run_batch(class_dir, out_dir, chapters=(chapter,), jobs=2, check_time_limit=3)  # must not raise

    got = received(listeners)
    for path in (UNIX_STREAM, UNIX_DATAGRAM):
        path.unlink(missing_ok=True)
    assert got == [], "a member reached the network or a Unix socket of the host"

    raised, outside, shown_raw = [], [], []
    for student in find_students(class_dir):
        name, member = student.name, members[student.name]
        results = json.loads((student.folder(out_dir) / "results.json").read_text())
        assert results["status"] == "graded", f"{name}: {results['problem']}"
        low, high = member.SCORE
        if results["score"] > high:
            raised.append(f"{name}: {results['score']} > {high}")
        if not low <= results["score"] <= high:
            outside.append(f"{name}: {results['score']} not in {member.SCORE}")
        feedback = (student.folder(out_dir) / "feedback.txt").read_text(encoding="utf-8")
        feedback += json.dumps(results, ensure_ascii=False)
        for bad in ("\x1b", "\x07", "\x9b", "\u202e", "\r", "\x08", "\x85", "\u2066", "\u200f", "\u2028"):
            if bad in feedback:
                shown_raw.append(f"{name}: {bad!r} in its feedback")
        if GRADER_FAULT in feedback:  # what a submission sends is never shown as the grader's fault
            shown_raw.append(f"{name}: a grader fault in its feedback")
    assert not raised, "scores raised: " + "; ".join(raised)
    assert not outside, "; ".join(outside)
    assert not shown_raw, "; ".join(shown_raw)
    assert summary["not_graded"] == {}
    assert processes_mentioning(str(class_dir)) == [], "processes left running"
    assert orphans_of_workers() == [], "processes of workers left running"
    assert sorted(p.name for p in out_dir.iterdir()) == ["grades.csv", "students"]
    assert not any(p.name == "results.json" for p in class_dir.rglob("*")), "a forged results file appeared"
    assert "REWRITTEN-BY-STUDENT" not in (out_dir / "grades.csv").read_text(), "grades.csv was rewritten"
    feedback = "".join(p.read_text(errors="replace") for p in out_dir.rglob("*") if p.is_file())
    assert "LEAKED-HIDDEN-SOURCE" not in feedback, "the hidden checks' source reached the feedback"
    assert "LEAKED-TEST-LABELS" not in feedback, "the worker found MNIST's test labels"
    assert ESCAPED not in feedback, "a member says an attack worked: " + feedback[feedback.find(ESCAPED):][:300]
    assert ipc_objects_of_workers() == [], "System V objects of workers left behind"
    # A forged .pyc or .pth would run in the next Python that imports the grader.
    subprocess.run([sys.executable, "-c", "import grader.feedback.report, grader.frontends.cli"], cwd=ROOT, check=True,
                   timeout=60)
    planted = [p for folder in map(Path, sys.path) if folder.is_dir() for p in folder.glob("dlfs_hostile*")]
    assert planted == [], f"files planted in the Python installation: {planted}"
    assert sorted(p.name for p in CANARY.iterdir()) == [], "a member wrote outside its sandbox"
    for student in find_students(class_dir):
        results = json.loads((student.folder(out_dir) / "results.json").read_text())
        assert results["extra_data"]["isolation"] == forced_level
