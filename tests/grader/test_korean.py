"""Korean feedback reads as Korean: no English words outside code, one term per concept (the
glossary beside the catalogue, grader/feedback/glossary_ko.txt), and the reports of a real grading run
say every check name, case label and reason in Korean."""
import ast
import builtins
import keyword
import re

import numpy as np
import pytest

from grader.api import grade
from grader.feedback import report
from grader.feedback.messages import CATALOGUE, Message, check_title, format_template, using
from grader.grading.checks import all_checks
from grader.isolation import sandbox
from grader.isolation.submission import explain_error
from tests.grader.mutants import BUG_ZOO, ROOT, SOLUTIONS, build, load_member
from tests.grader.test_particles import NUMBER_SPEC, placeholders


def read_glossary(text):
    """{"latin": [words], "term": [{"term", "concept", "avoid": [regex]}]} from the glossary's text."""
    glossary = {"latin": [], "term": []}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("latin:"):
            glossary["latin"] = line[len("latin:"):].split()
        elif line.startswith("  - "):
            glossary["term"][-1]["avoid"].append(line[len("  - "):])
        else:
            term, _, concept = line.partition(" # ")
            glossary["term"].append({"term": term.strip(), "concept": concept.strip(), "avoid": []})
    return glossary


GLOSSARY = read_glossary((ROOT / "grader" / "feedback" / "glossary_ko.txt").read_text(encoding="utf-8"))
LATIN_TERMS = set(GLOSSARY["latin"])


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
ENGLISH_VERB = re.compile(r"[A-Za-z]+하(?:세요|고|여|지|면|는|십시오|기|ㅂ니다)")


def english_words(text):
    """The words of ``text`` in Latin letters that are neither code nor terms of the glossary."""
    found = []
    for match in LATIN_WORD.finditer(text):
        word = match.group()
        before, after = text[:match.start()], text[match.end():]
        if (len(word) == 1 or word.isupper() or re.search(r"[0-9_]", word) or not re.search("[aeiou]", word)
                or word in CODE_NAMES
                or word in LATIN_TERMS or IN_CODE.search(before) or OPENS_CODE.search(after)):
            continue
        found.append(word)
    return found + ENGLISH_VERB.findall(text)


def korean_text(message_id):
    """The Korean text of an entry with code-like values in its placeholders."""
    template = CATALOGUE[message_id]["ko"]
    values = {name: 1 if NUMBER_SPEC.search(spec) else "x1" for name, spec in placeholders(template).items()}
    return format_template(template, values)


def test_the_detector_finds_english_and_spares_code():
    assert english_words("코드가 비정상 종료했습니다(segmentation fault)") == ["segmentation", "fault"]
    assert english_words("y를 clip하세요") == ["clip하세요"]
    assert english_words("np.log(y + 1e-7)을 쓰고 self.mask를 저장하세요, ReLU와 He 초깃값") == []
    found = english_words("dx of Affine 2 (in the shape of its own input (2, 6)) 값의 형상이")
    assert {"of", "the", "its", "own"} <= set(found)  # "in", "input", "shape" are also code


@pytest.mark.parametrize("message_id", sorted(i for i in CATALOGUE if i != "raw"))
def test_no_english_words_in_korean_messages(message_id):
    """Reasons, check names (hidden checks' included), case labels, book sections."""
    assert not english_words(korean_text(message_id)), f"{message_id}: {korean_text(message_id)!r}"


def test_every_check_title_is_korean_without_english_words():
    for check in all_checks():
        title = check_title(check, "ko")
        assert title != check.name and not english_words(title), (check.name, title)


@pytest.mark.parametrize("message", [Message(i, path="/x") for i in ("sandbox.opening_folder", "sandbox.writing",
                                                                    "sandbox.reading", "sandbox.listing")]
                         + [Message("sandbox.changing", event="os.remove")]
                         + [Message(i) for i in sorted(set(sandbox.BLOCKED.values()))], ids=lambda m: m.id)
def test_every_refusal_of_the_sandbox_reaches_the_student_as_its_own_message(message):
    """A refusal is the sandbox's Message itself, carried to the student's language unparsed."""
    try:
        raise sandbox.GraderPermissionError(message)
    except PermissionError as exc:
        explained = explain_error(exc, "/submission")
    assert explained.params["detail"] is message
    assert not english_words(explained.render("ko").replace("/x", "").replace("os.remove", "")
                             .replace("GraderPermissionError", ""))


# ---------------------------------------------------------------- the glossary

ALL_KOREAN = {i: korean_text(i) for i in CATALOGUE if i != "raw"}


@pytest.mark.parametrize("entry", GLOSSARY["term"], ids=lambda e: e["term"])
def test_one_term_per_concept(entry):
    for pattern in entry["avoid"]:
        wrong = [f"{i}: {t}" for i, t in ALL_KOREAN.items() if re.search(pattern, t)]
        assert not wrong, f"write {entry['term']!r}, not /{pattern}/:\n" + "\n".join(wrong)


@pytest.mark.parametrize("entry", GLOSSARY["term"], ids=lambda e: e["term"])
def test_every_term_of_the_glossary_is_used(entry):
    assert any(entry["term"] in t for t in ALL_KOREAN.values()), entry["term"]


def test_the_glossary_is_read_whole():
    assert len(GLOSSARY["term"]) >= 30 and "ReLU" in LATIN_TERMS
    assert all(entry["avoid"] and entry["concept"] for entry in GLOSSARY["term"])
    for entry in GLOSSARY["term"]:
        for pattern in entry["avoid"]:
            re.compile(pattern)


def test_the_glossary_catches_what_it_names():
    avoided = {e["term"]: [re.compile(p) for p in e["avoid"]] for e in GLOSSARY["term"]}
    for term, wrong in [("기댓값", "기대값은 3"), ("RMSprop", "RMSProp"), ("배치 정규화", "BatchNorm은"),
                        ("미니배치", "배치 100"), ("시그모이드", "sigmoid용"), ("합성곱 계층", "Convolution 순전파")]:
        assert any(p.search(wrong) for p in avoided[term]), wrong
    assert not any(p.search("BatchNormalization의 순전파") for p in avoided["배치 정규화"])
    assert not any(p.search("미니배치 크기 100") for p in avoided["미니배치"])


# ---------------------------------------------------------------- a real report

def test_a_korean_report_has_korean_names_labels_and_reasons(tmp_path):
    member = load_member(BUG_ZOO / "ch05_net_params_copied.py")
    results = grade(build(member, tmp_path / "s"), chapters=("ch05",), select=lambda c: not c.slow)
    assert any(r.check.hidden for r in results)
    with using("ko"):
        table = report.table(results, width=80, language="ko")
        data = report.gradescope(results, language="ko")
    outputs = [table] + [t["output"] for t in data["tests"]]
    for text in outputs:
        assert not english_words(text), (english_words(text), text)
    assert "Relu, Sigmoid, Affine, SoftmaxWithLoss 계층이 인스턴스마다" in " ".join(table.split())
    for line in table.splitlines():  # titles wrapped too; only a code expression may overrun
        assert report.display_width(line) <= 80 or len(report.units(line)) == 1, line
