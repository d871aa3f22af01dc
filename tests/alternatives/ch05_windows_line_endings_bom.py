"""Files saved by a Windows editor: CRLF line endings and a UTF-8 byte order mark, in common/layers.py
and ch05/two_layer_net.py, with comments in Korean and Japanese."""
from tests.grader.mutants import SOLUTIONS

CHAPTERS = ["ch05"]


def _windows(relative, comment):
    text = (SOLUTIONS / relative).read_text(encoding="utf-8")
    return relative, text, "\ufeff" + f"# {comment}\n{text}".replace("\n", "\r\n")


PATCHES = [_windows("common/layers.py", "계층 구현 (5장)"),
           _windows("ch05/two_layer_net.py", "2層ニューラルネットワーク")]
