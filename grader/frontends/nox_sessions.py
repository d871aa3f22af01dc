"""The nox sessions with which students grade their work, shared by the kit's noxfile and the
student kit's: `nox -s check-ch05` (check-ch04 ... check-ch07, or `check` for every chapter).

Imported by a noxfile, so it runs in nox's own environment: it imports nothing but nox and
grader.grading.contract (which imports nothing).
"""
import nox

from grader.grading.contract import CHAPTERS


def define_check_sessions(grade_requirements):
    """Register check-ch04 ... check-ch07 and check, each installing grade_requirements first."""

    def grade(session, *chapters):
        session.install(*grade_requirements)
        chapter_args = [arg for chapter in chapters for arg in ("--chapter", chapter)]
        session.run("python", "-m", "grader", "check", *chapter_args, *session.posargs)

    def check_session(chapter):
        def check_chapter(session):
            grade(session, chapter)

        check_chapter.__doc__ = f"Grade {chapter} (default: student_template/; `-- --submission PATH` for another)."
        nox.session(name=f"check-{chapter}")(check_chapter)

    for chapter in CHAPTERS:
        check_session(chapter)

    def check_all(session):
        """Grade every chapter (default: student_template/)."""
        grade(session, *CHAPTERS)

    nox.session(name="check")(check_all)
