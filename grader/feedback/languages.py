"""The languages the grader can speak: the one table a new language adds a line to.

A language is spoken when it has a line here and a PO file in grader/feedback/locale/
(``<code>.po``, translated from ``messages.pot``); English, the source, needs no PO file.
Everything else about a language is in its PO file (its texts, its Plural-Forms) and its
glossary (grader/feedback/glossary_<code>.txt).
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in the language itself, for menus and help texts
    locale_prefixes: tuple  # a locale (LC_ALL, LC_MESSAGES, LANG) starting with one of these chooses it
    fonts: tuple = ()  # font families with its letters, in order of preference; () for Latin letters
    letters: str = ""  # a regex character class of its script's letters ("" for Latin letters)
    particles: bool = False  # its texts may write {key|이/가} (grader.feedback.particles)
    spaced: bool = True  # words are separated by spaces; False: a space between two of its letters is dropped
    book: str = ""  # the edition of the book whose terms its texts follow


SOURCE = "en"

TABLE = {
    "en": Language("en", "English", ("en",), book="Deep Learning from Scratch"),
    "ko": Language("ko", "한국어", ("ko",),
                   fonts=("NanumGothic", "NanumBarunGothic", "Noto Sans CJK KR", "Noto Sans KR", "Noto Sans CJK JP",
                          "Malgun Gothic", "AppleGothic", "Apple SD Gothic Neo", "UnDotum", "Baekmuk Gulim"),
                   letters="\uac00-\ud7a3", particles=True, book="밑바닥부터 시작하는 딥러닝"),
    "ja": Language("ja", "日本語", ("ja",),
                   fonts=("Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAGothic", "TakaoGothic",
                          "VL Gothic", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic", "Meiryo",
                          "MS Gothic"),
                   letters="\u3040-\u30ff\u4e00-\u9fff", spaced=False, book="ゼロから作るDeep Learning"),
}
