"""Each translation reads as its language (Korean, Japanese, ...): no English words outside
code, one term per concept (the glossary beside the catalogue, grader/feedback/glossary_<code>.txt,
in the terms of that language's edition of the book), and the reports of a real grading run say
every check name, case label and reason in that language. The same tests for every language
with a PO file."""
import ast
import builtins
import keyword
import re

import numpy as np
import pytest

from grader.api import grade
from grader.feedback import report
from grader.feedback.messages import CATALOGUE, LANGUAGES, Message, check_title, format_template, templates, using
from grader.grading.checks import all_checks
from grader.isolation import sandbox
from grader.isolation.submission import explain_error
from tests.grader.mutants import BUG_ZOO, ROOT, SOLUTIONS, build, load_member
from tests.grader.test_particles import NUMBER_SPEC, placeholders

TRANSLATED = [code for code in LANGUAGES if code != "en"]


def read_glossary(text):
    """{"latin": [words], "verb": regex or None, "term": [{"term", "concept", "avoid": [regex]}]}
    from a glossary's text."""
    glossary = {"latin": [], "verb": None, "term": []}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("latin:"):
            glossary["latin"] = line[len("latin:"):].split()
        elif line.startswith("verb:"):
            glossary["verb"] = re.compile(line[len("verb:"):].strip())
        elif line.startswith("  - "):
            glossary["term"][-1]["avoid"].append(line[len("  - "):])
        else:
            term, _, concept = line.partition(" # ")
            glossary["term"].append({"term": term.strip(), "concept": concept.strip(), "avoid": []})
    return glossary


GLOSSARIES = {code: read_glossary((ROOT / "grader" / "feedback" / f"glossary_{code}.txt").read_text(encoding="utf-8"))
              for code in TRANSLATED}


def code_names():
    """Names a Korean text may show as code: the book's code (the reference), numpy's and Python's."""
    names = set(keyword.kwlist) | set(dir(builtins)) | set(dir(np))
    for path in SOLUTIONS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for attribute in ("id", "attr", "name", "arg"):
                value = getattr(node, attribute, None)
                if isinstance(value, str):
                    names.add(value)
    return names


CODE_NAMES = code_names()
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
# A word of code: after an attribute dot, a path's slash, a quote, an index bracket or an
# operator; before a call, an index, an attribute or an operator.
IN_CODE = re.compile(r"(?:[./'\"\[]|[=+\-*<>@%] ?)$")
OPENS_CODE = re.compile(r"^(?:[(.\[/'\"]| ?[=+\-*<>@%])")


def english_words(text, language):
    """The words of ``text`` in Latin letters that are neither code nor terms of the language's
    glossary, and English words made into verbs of the language."""
    glossary = GLOSSARIES[language]
    found = []
    for match in LATIN_WORD.finditer(text):
        word = match.group()
        before, after = text[:match.start()], text[match.end():]
        if (len(word) == 1 or word.isupper() or re.search(r"[0-9_]", word) or not re.search("[aeiou]", word)
                or word in CODE_NAMES
                or word in glossary["latin"] or IN_CODE.search(before) or OPENS_CODE.search(after)):
            continue
        found.append(word)
    return found + (glossary["verb"].findall(text) if glossary["verb"] else [])


def translated_text(message_id, language):
    """The text of an entry in ``language`` (every form of a plural, one a line) with code-like
    values in its placeholders."""
    done = []
    for template in templates(CATALOGUE[message_id][language]):
        values = {name: 1 if NUMBER_SPEC.search(spec) else "x1" for name, spec in placeholders(template).items()}
        done.append(format_template(template, values))
    return "\n".join(done)


@pytest.mark.parametrize("language, text, found", [
    ("ko", "코드가 비정상 종료했습니다(segmentation fault)", ["segmentation", "fault"]),
    ("ko", "y를 clip하세요", ["clip하세요"]),
    ("ko", "np.log(y + 1e-7)을 쓰고 self.mask를 저장하세요, ReLU와 He 초깃값", []),
    ("ja", "コードが異常終了しました (segmentation fault)", ["segmentation", "fault"]),
    ("ja", "y を clipしてください", ["clipして"]),
    ("ja", "np.log(y + 1e-7) を使い、self.mask を保持してください。ReLU と He の初期値", []),
])
def test_the_detector_finds_english_and_spares_code(language, text, found):
    assert english_words(text, language) == found


def test_the_detector_finds_english_prose_around_code():
    found = english_words("dx of Affine 2 (in the shape of its own input (2, 6)) 값의 형상이", "ko")
    assert {"of", "the", "its", "own"} <= set(found)  # "in", "input", "shape" are also code


ALL_TEXTS = {code: {i: translated_text(i, code) for i in CATALOGUE if i != "raw"} for code in TRANSLATED}
EACH_TEXT = [(code, i) for code in TRANSLATED for i in sorted(ALL_TEXTS[code])]


@pytest.mark.parametrize("language, message_id", EACH_TEXT, ids=[f"{c}-{i}" for c, i in EACH_TEXT])
def test_no_english_words_in_translated_messages(language, message_id):
    """Reasons, check names (hidden checks' included), case labels, book sections."""
    text = ALL_TEXTS[language][message_id]
    assert not english_words(text, language), f"{message_id}: {text!r}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_check_title_is_translated_without_english_words(language):
    for check in all_checks():
        title = check_title(check, language)
        assert title != check.name and not english_words(title, language), (check.name, title)


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize("message", [Message(i, path="/x") for i in ("sandbox.opening_folder", "sandbox.writing",
                                                                    "sandbox.reading", "sandbox.listing")]
                         + [Message("sandbox.changing", event="os.remove")]
                         + [Message(i) for i in sorted(set(sandbox.BLOCKED.values()))], ids=lambda m: m.id)
def test_every_refusal_of_the_sandbox_reaches_the_student_as_its_own_message(message, language):
    """A refusal is the sandbox's Message itself, carried to the student's language unparsed."""
    try:
        raise sandbox.GraderPermissionError(message)
    except PermissionError as exc:
        explained = explain_error(exc, "/submission")
    assert explained.params["detail"] is message
    assert not english_words(explained.render(language).replace("/x", "").replace("os.remove", "")
                             .replace("GraderPermissionError", ""), language)


# ---------------------------------------------------------------- the glossaries

EACH_TERM = [(code, entry) for code in TRANSLATED for entry in GLOSSARIES[code]["term"]]
TERM_IDS = [f"{code}-{entry['term']}" for code, entry in EACH_TERM]


@pytest.mark.parametrize("language, entry", EACH_TERM, ids=TERM_IDS)
def test_one_term_per_concept(language, entry):
    for pattern in entry["avoid"]:
        wrong = [f"{i}: {t}" for i, t in ALL_TEXTS[language].items() if re.search(pattern, t)]
        assert not wrong, f"write {entry['term']!r}, not /{pattern}/:\n" + "\n".join(wrong)


@pytest.mark.parametrize("language, entry", EACH_TERM, ids=TERM_IDS)
def test_every_term_of_the_glossary_is_used(language, entry):
    assert any(entry["term"] in t for t in ALL_TEXTS[language].values()), entry["term"]


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_glossary_is_read_whole(language):
    glossary = GLOSSARIES[language]
    assert len(glossary["term"]) >= 30 and "ReLU" in glossary["latin"]
    assert all(entry["avoid"] and entry["concept"] for entry in glossary["term"])
    for entry in glossary["term"]:
        for pattern in entry["avoid"]:
            re.compile(pattern)


@pytest.mark.parametrize("language, term, wrong, right", [
    ("ko", "기댓값", "기대값은 3", "기댓값은 3"), ("ko", "RMSprop", "RMSProp", "RMSprop"),
    ("ko", "배치 정규화", "BatchNorm은", "BatchNormalization의 순전파"),
    ("ko", "미니배치", "배치 100", "미니배치 크기 100"), ("ko", "시그모이드", "sigmoid용", "시그모이드 함수"),
    ("ko", "합성곱 계층", "Convolution 순전파", "합성곱 계층의 순전파"),
    ("ja", "勾配", "グラディエント", "勾配"), ("ja", "逆伝播", "逆伝搬", "誤差逆伝播法"),
    ("ja", "交差エントロピー誤差", "交差エントロピーを", "交差エントロピー誤差を"),
    ("ja", "ソフトマックス関数", "ソフトマックスの出力", "ソフトマックス関数の出力"),
    ("ja", "パラメータ", "パラメーター", "ハイパーパラメータ"), ("ja", "フィルター", "フィルタの数", "フィルターの数"),
])
def test_the_glossary_catches_what_it_names(language, term, wrong, right):
    avoided = {e["term"]: [re.compile(p) for p in e["avoid"]] for e in GLOSSARIES[language]["term"]}
    assert any(p.search(wrong) for p in avoided[term]), wrong
    assert not any(p.search(right) for p in avoided[term]), right


# ---------------------------------------------------------------- a real report

@pytest.mark.parametrize("language", TRANSLATED)
def test_a_translated_report_has_translated_names_labels_and_reasons(tmp_path, language):
    member = load_member(BUG_ZOO / "ch05_net_params_copied.py")
    results = grade(build(member, tmp_path / "s"), chapters=("ch05",), select=lambda c: not c.slow)
    assert any(r.check.hidden for r in results)
    with using(language):
        table = report.table(results, width=80, language=language)
        data = report.gradescope(results, language=language)
    outputs = [table] + [t["output"] for t in data["tests"]]
    for text in outputs:
        assert not english_words(text, language), (english_words(text, language), text)
    hidden = next(r.check for r in results if r.check.hidden)
    assert "".join(check_title(hidden, language).split()) in "".join(table.split())
    for line in table.splitlines():  # titles wrapped too; only a code expression may overrun
        assert report.display_width(line) <= 80 or len(report.units(line)) == 1, line
