"""The message catalogue: every sentence in English and Korean with the same placeholders, no
prose written outside it, the language chosen by --lang or the locale."""
import ast
import json
import os
import re

import pytest

from grader.feedback import messages
from grader.feedback.messages import (
    CATALOGUE,
    LANGUAGES,
    Message,
    fields,
    pack,
    render,
    resolve_language,
    unpack,
    using,
)
from grader.grading import diagnose
from grader.grading.checks import all_checks
from tests.grader.mutants import BUG_ZOO, ROOT, build, load_member, run_check

GRADER = ROOT / "grader"
CHECKS = GRADER / "grading" / "checks"
CHAPTER_MODULES = sorted(CHECKS.glob("ch0*.py")) + sorted((CHECKS / "hidden").glob("ch0*.py"))
OWN_MODULES = sorted(path for path in GRADER.rglob("*.py") if path.name != "messages.py")
HANGUL = re.compile("[\uac00-\ud7a3]")


def sample(template):
    """Values that every placeholder of ``template`` accepts (numbers take format specs)."""
    return {name: 0.5 for name in fields(template)}


@pytest.mark.parametrize("message_id", sorted(CATALOGUE))
def test_every_message_has_both_languages_with_the_same_placeholders(message_id):
    entry = CATALOGUE[message_id]
    assert set(entry) == set(LANGUAGES), f"{message_id}: languages {sorted(entry)}"
    for language in LANGUAGES:
        assert isinstance(entry[language], str) and entry[language].strip(), f"{message_id}: empty {language}"
    assert fields(entry["en"]) == fields(entry["ko"]), f"{message_id}: placeholders differ"
    for language in LANGUAGES:
        messages.format_template(entry[language], sample(entry[language]))  # valid format specs


def test_korean_is_korean_and_english_is_not():
    """Korean texts that are not pure code or formulas use Hangul; English ones never do."""
    for message_id, entry in CATALOGUE.items():
        assert not HANGUL.search(entry["en"]), message_id
    written = [i for i, e in CATALOGUE.items() if re.search(r"[a-z]{3,} [a-z]{3,} [a-z]{3,}", e["en"])
               and not e["en"].startswith(("the grader does not allow",))]
    missing = [i for i in written if not HANGUL.search(CATALOGUE[i]["ko"]) and i != "raw"]
    assert not missing, f"prose left in English in Korean: {missing}"


def test_the_book_terms_are_those_of_the_korean_edition():
    korean = " ".join(e["ko"] for e in CATALOGUE.values())
    terms = ("기울기", "순전파", "역전파", "오차역전파법", "소프트맥스", "교차 엔트로피 오차", "배치 정규화",
             "드롭아웃", "합성곱 계층", "풀링 계층", "가중치 감소", "학습률", "손실 함수", "수치 미분")
    for term in terms:
        assert term in korean, term
    for wrong in ("그래디언트", "그라디언트", "역전달", "컨볼루션", "크로스 엔트로피"):
        assert wrong not in korean, wrong


def test_a_message_renders_in_the_language_of_the_moment_and_nests():
    inner = Message("what.loss")
    outer = Message("cmp.not_finite", what=inner, bad="nan")
    with using("en"):
        assert str(outer) == "loss contains nan"
        assert f"{outer}" == "loss contains nan"
    with using("ko"):
        assert str(outer) == "손실에 nan 원소가 있습니다"
    assert render(outer, "ko") == "손실에 nan 원소가 있습니다"


def test_unknown_ids_fail_at_once():
    with pytest.raises(KeyError):
        Message("no.such.message")


def test_messages_cross_the_workers_pipe_intact():
    message = Message("error.located", kind="ValueError", detail="bad thing",
                      location=Message("error.location", file="common/layers.py", line=3, code="x = 1"))
    assert unpack(pack(message)) == message
    assert unpack("plain text").id == "worker.text"
    assert unpack("\x1emsg:{not json").id == "worker.text"
    assert unpack('\x1emsg:{"$m": "no.such.id", "p": {}}').id == "worker.text"


@pytest.mark.parametrize("environ, choice, expected", [
    ({}, None, "en"),
    ({"LANG": "ko_KR.UTF-8"}, None, "ko"),
    ({"LANG": "C.UTF-8"}, None, "en"),
    ({"LANG": "en_US.UTF-8", "LC_ALL": "ko_KR.UTF-8"}, None, "ko"),
    ({"LANG": "ko_KR.UTF-8", "LC_ALL": "C"}, None, "en"),
    ({"LANG": "ko_KR.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, None, "en"),
    ({"LANG": "ko_KR.UTF-8"}, "en", "en"),
    ({}, "ko", "ko"),
])
def test_the_language_comes_from_the_option_else_the_locale(environ, choice, expected):
    assert resolve_language(choice, environ) == expected


def test_every_check_has_a_korean_display_name_and_keeps_its_english_name():
    """Hidden checks included: their names reach students once the grades are published."""
    for check in all_checks():
        entry = CATALOGUE.get(f"check.{check.chapter}.{check.function.__name__}")
        assert entry is not None, f"no display names for {check.chapter}: {check.name}"
        assert entry["en"] == check.name, f"the English display name must be the check's name: {check.name}"
        assert HANGUL.search(messages.check_title(check, "ko")), check.name
        assert messages.check_title(check, "en") == check.name


def test_every_diagnosis_and_book_section_is_in_the_catalogue():
    for kind, section in diagnose.KINDS.items():
        assert f"diagnosis.{kind}" in CATALOGUE, kind
        assert f"diagnosis_title.{kind}" in CATALOGUE, kind
        if section not in (None, diagnose.CHECK):
            assert f"book.{section}" in CATALOGUE, section
    for check in all_checks():
        if check.book:
            assert f"book.{check.book}" in CATALOGUE, check.name
    stale = [i for i in CATALOGUE if i.startswith(("diagnosis.", "diagnosis_title."))
             and i.split(".", 1)[1] not in diagnose.KINDS]
    assert not stale, stale


# ---------------------------------------------------------------- no prose outside the catalogue

CODE = re.compile(r"^[\w\[\]'\"().,:=*+\-/<>@ ]*$")


def code_like(text):
    """Names, shapes, expressions: no two English words in a row."""
    return bool(CODE.match(text)) and not re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", text)


def literal_text(node):
    """The text of a string literal or f-string (placeholders as 'x'), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "x" for v in node.values)
    return None


def message_ids(tree):
    """(id or regex of an f-string id, line) of every Message(...) / M(...) call."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("M", "Message") \
                and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield re.escape(first.value), node.lineno
            elif isinstance(first, ast.JoinedStr):
                yield "".join(re.escape(v.value) if isinstance(v, ast.Constant) else ".+" for v in first.values), \
                    node.lineno


@pytest.mark.parametrize("path", OWN_MODULES, ids=[p.name for p in OWN_MODULES])
def test_every_message_id_in_the_code_exists(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for pattern, line in message_ids(tree):
        assert any(re.fullmatch(pattern, i) for i in CATALOGUE), f"{path.name}:{line}: no message {pattern}"


WHAT_FUNCTIONS = {"expect_close": 2, "expect_gradient": 2, "expect_shape": 2, "expect_finite": 1, "as_array": 1,
                  "expect_unchanged": 2, "expect_gradients": 2}


@pytest.mark.parametrize("path", CHAPTER_MODULES + [GRADER / "grading" / "checking.py"], ids=lambda p: p.name)
def test_labels_reasons_and_names_of_values_are_messages_or_code(path):
    problems = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name in ("case", "Mismatch", "StudentError", "MissingItem") and node.args:
            text = literal_text(node.args[0])
            if text is not None and not code_like(text):
                problems.append(f"line {node.lineno}: {name}({text!r})")
        if name in WHAT_FUNCTIONS:
            what = node.args[WHAT_FUNCTIONS[name]] if len(node.args) > WHAT_FUNCTIONS[name] else next(
                (k.value for k in node.keywords if k.arg == "what"), None)
            text = literal_text(what) if what is not None else None
            if text is not None and not code_like(text):
                problems.append(f"line {node.lineno}: {name}(..., {text!r})")
    assert not problems, "prose outside the catalogue:\n" + "\n".join(problems)


# ---------------------------------------------------------------- the command line speaks Korean

def run_cli(*args, env=None):
    return run_check(*args, env={**os.environ, "COLUMNS": "400", **(env or {})}, timeout=300)


def test_the_template_is_told_in_korean_with_lang_ko(tmp_path):
    results = tmp_path / "results.json"
    done = run_cli("--submission", str(ROOT / "student_template"), "--chapter", "ch04", "--lang", "ko",
                   "--json", str(results))
    assert done.returncode == 1, done.stderr
    assert "총점: 0 / 100" in done.stdout
    assert "아직 시작하지 않았습니다: common/functions.py 파일을 열어" in done.stdout
    assert "실패" in done.stdout and "failed" not in done.stdout
    data = json.loads(results.read_text(encoding="utf-8"))
    first = data["tests"][0]
    assert first["name"] == ("ch04: step_function, sigmoid, relu and identity_function give the right values / "
                             "step_function, sigmoid, relu, identity_function이 올바른 값을 낸다")
    assert first["extra_data"]["check"] == "step_function, sigmoid, relu and identity_function give the right values"
    assert set(first["extra_data"]["diagnoses"]) == {"not_started"}
    assert HANGUL.search(first["output"])


def test_a_korean_locale_chooses_korean_and_lang_en_overrides_it(tmp_path):
    submission = build(load_member(BUG_ZOO / "ch04_loss_not_averaged.py"), tmp_path / "s")
    env = {"LANG": "ko_KR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    korean = run_cli("--submission", str(submission), "--chapter", "ch04", env=env)
    assert "추정 원인: 결과가 어디서나 정답의 N = 4배입니다" in korean.stdout, korean.stdout
    assert "(책 4.2.4 (배치용) 교차 엔트로피 오차 구현하기)" in korean.stdout
    english = run_cli("--submission", str(submission), "--chapter", "ch04", "--lang", "en", env=env)
    assert "Likely cause: the result is N = 4 times the right one everywhere" in english.stdout, english.stdout
    assert "TOTAL: 90 / 100" in english.stdout
    assert not HANGUL.search(english.stdout)


def test_results_json_keeps_english_names_by_default(tmp_path):
    results = tmp_path / "results.json"
    run_cli("--submission", str(ROOT / "student_template"), "--chapter", "ch07", "--json", str(results),
            env={"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})
    names = [t["name"] for t in json.loads(results.read_text(encoding="utf-8"))["tests"]]
    assert names and all(not HANGUL.search(n) for n in names)
    assert names[0] == "ch07: conv_output_size gives the output length for any stride and padding"
