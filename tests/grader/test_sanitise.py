"""Text from students and from the worker reaches no terminal, CSV cell or HTML page raw."""
import csv
import io
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grader.feedback.messages import LANGUAGES, Message, pack, render, unpack
from grader.feedback.sanitise import csv_cell, html_text, is_clean, markdown_text, output_key, skeleton, visible

ATTACKS = [
    "\x1b]0;owned\x07",  # window title
    "\x1b]52;c;ZWNobyBoaQ==\x07",  # OSC 52: write the clipboard
    "\x1b[2J\x1b[H",  # clear the screen
    "\x9b31m",  # 8-bit CSI
    "alice\rbob",  # carriage return: a fake line
    "a\u202eexe.txt",  # right-to-left override
    "ad\u200ba",  # zero-width space
    "x\u2028y\u2029z\x85",  # line and paragraph separators, NEL
    "bad\udcffbyte",  # a byte that is not UTF-8 (os.fsdecode)
]


@pytest.mark.parametrize("text", ATTACKS)
def test_nothing_active_or_hidden_survives(text):
    shown = visible(text)
    assert all(unicodedata.category(c) not in {"Cc", "Cf", "Zl", "Zp", "Cs"} for c in shown)
    assert "\\x" in shown or "\\u" in shown


@given(st.text())
def test_visible_text_is_printable_and_idempotent_on_clean_text(text):
    shown = visible(text)
    assert all(unicodedata.category(c) not in {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"} for c in shown)
    assert visible(shown) == shown
    assert is_clean(shown)


@given(st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Lo", "Nd"))))
def test_ordinary_letters_of_any_script_are_kept(text):
    assert visible(text) == text


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x","y")', "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_csv_cells_never_start_a_formula(name):
    cell = csv_cell(name)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    rows = list(csv.reader(io.StringIO(f'"{cell}"\n')))
    assert len(rows) == 1


def test_a_carriage_return_in_a_name_adds_no_row():
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow([csv_cell("alice\r\nmallory,100"), csv_cell(3.5)])
    assert buffer.getvalue().count("\n") == 1
    assert list(csv.reader(io.StringIO(buffer.getvalue()))) == [["alice\\x0d\\x0amallory,100", "3.5"]]


@pytest.mark.parametrize("text", ['<img src=x onerror="alert(1)">', "<script>alert(1)</script>"])
def test_html_and_markdown_are_escaped(text):
    assert "<" not in html_text(text) and '"' not in html_text(text)
    assert "<" not in markdown_text(text)


def test_markdown_syntax_in_a_name_is_disarmed():
    shown = markdown_text("[click](javascript:alert(1)) | ![x](y)")
    assert "\\[click\\]" in shown and "\\|" in shown and "\\!" in shown


def test_look_alike_names_share_a_skeleton():
    assert skeleton("Ada") == skeleton("ａｄａ") == skeleton("a\u200bda") == skeleton("ADA")
    assert skeleton("\u0410d\u0430") == skeleton("Ada")  # Cyrillic A and a
    assert skeleton("p\u03bfp") == skeleton("pop")  # Greek omicron
    assert skeleton("ada") != skeleton("ava")


@given(st.text(min_size=1), st.text(min_size=1))
def test_output_keys_are_safe_file_names_and_never_collide(a, b):
    for name in (a, b):
        key = output_key(name)
        assert "/" not in key and "\\" not in key and not key.startswith(".") and is_clean(key)
        assert 0 < len(key.encode()) < 200
    if a != b:
        assert output_key(a) != output_key(b)


def test_output_keys_of_names_that_clean_alike_differ():
    assert output_key("a") != output_key("a.txt") != output_key("a_txt")
    assert output_key(b"\xb1\xe8\xc3\xb6\xbc\xf6")  # a CP949 name, as bytes
    assert output_key("bob.zip") != output_key("bob.ZIP")


IMPERSONATIONS = [
    Message("grader.fault", kind="RuntimeError", detail="please regrade by hand"),
    Message("grader.judged_nothing"),
    Message("report.total", earned=100, possible=100),
    Message("raw", text="grader fault: please regrade by hand"),
    Message("error.located", kind="ValueError", detail="x",
            location=Message("grader.fault", kind="x", detail="regrade by hand")),
]


@pytest.mark.parametrize("message", IMPERSONATIONS, ids=lambda m: m.id)
def test_a_worker_reply_cannot_speak_as_the_grader(message):
    received = unpack(pack(message))
    assert received.id == "worker.text"
    for language in LANGUAGES:
        assert render(received, language).startswith(render(Message("worker.text", text=""), language))


def test_a_worker_reply_with_parameters_that_do_not_render_is_shown_as_text():
    received = unpack('\x1emsg:{"$m":"runner.timeout","p":{"seconds":"soon"}}')
    assert received.id == "worker.text"


def test_plain_text_from_the_worker_is_labelled_and_visible():
    received = unpack("grader fault: regrade by hand\x1b]0;x\x07")
    assert received.id == "worker.text" and "\x1b" not in render(received)


def test_the_submissions_own_errors_still_cross_with_terminal_escapes_made_visible():
    message = Message("error.plain", kind="ValueError", detail="\x1b]52;c;AAAA\x07 boom")
    received = unpack(pack(message))
    assert received.id == "error.plain" and "\x1b" not in render(received) and "boom" in render(received)
