"""The message catalogue: PO files that translators' tools read, every sentence in every
language with the same placeholders, no stale or missing translation, plurals through the
format, check names written once, no prose written outside the catalogue, the language chosen
by --lang or the locale."""
import ast
import json
import os
import re
import shutil
import subprocess

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grader.feedback import messages, po
from grader.feedback.languages import SOURCE, TABLE
from grader.feedback.messages import (
    CATALOGUE,
    LANGUAGES,
    LOCALE,
    PLURAL_PARAMETERS,
    Message,
    fields,
    pack,
    render,
    resolve_language,
    templates,
    translation_status,
    unpack,
    using,
)
from grader.frontends import extract_titles
from grader.grading import diagnose
from grader.grading.checks import all_checks
from tests.grader.mutants import BUG_ZOO, ROOT, build, load_member, run_check

GRADER = ROOT / "grader"
CHECKS = GRADER / "grading" / "checks"
CHAPTER_MODULES = sorted(CHECKS.glob("ch0*.py")) + sorted((CHECKS / "hidden").glob("ch0*.py"))
OWN_MODULES = sorted(path for path in GRADER.rglob("*.py") if path.name != "messages.py")
HANGUL = re.compile("[\uac00-\ud7a3]")
TRANSLATED = [code for code in LANGUAGES if code != SOURCE]
PO_FILES = sorted(LOCALE.glob("*.po*"))


def sample(template):
    """Values that every placeholder of ``template`` accepts (numbers take format specs)."""
    return {name: 0.5 for name in fields(template)}


# ---------------------------------------------------------------- the files

@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is not installed")
@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: p.name)
def test_gettext_reads_every_po_file(path):
    done = subprocess.run(["msgfmt", "--check", "--output-file", os.devnull, str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "warning" not in done.stderr, done.stderr


@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: p.name)
def test_the_po_files_are_written_as_they_are_read(path):
    """Our reader and writer agree with the files: a tool's rewrite would show as a diff."""
    assert po.format_catalogue(po.read(path)) == path.read_text(encoding="utf-8")


PO_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x0b\x0c\x1c\x1d\x1e"
                                                                                     "\x85\u2028\u2029"), max_size=150)


@given(st.lists(st.tuples(st.text("abc.", min_size=1, max_size=6), PO_TEXT, PO_TEXT, st.booleans()),
                max_size=6, unique_by=lambda e: e[0]))
def test_any_text_survives_writing_and_reading(rows):
    entries = [po.Entry(context, source or "x", (source or "x") + "s" if plural else None,
                        [text, text + "!"] if plural else [text]) for context, source, text, plural in rows]
    catalogue = po.Catalogue({"Content-Type": "text/plain; charset=UTF-8"}, entries, "a comment")
    assert po.parse(po.format_catalogue(catalogue)) == catalogue


def test_a_broken_po_file_is_refused_with_its_line():
    with pytest.raises(po.PoError, match=":3"):
        po.parse('msgctxt "a"\nmsgid "x"\nmsgstr "bad \\q escape"\n', "broken.po")
    with pytest.raises(po.PoError, match="twice"):
        po.parse('msgctxt "a"\nmsgid "x"\nmsgstr "y"\n\nmsgctxt "a"\nmsgid "x"\nmsgstr "y"\n')


# ---------------------------------------------------------------- languages are data

def test_the_languages_are_the_po_files_present_and_the_table():
    assert LANGUAGES == (SOURCE, *sorted(p.stem for p in LOCALE.glob("*.po")))
    assert set(LANGUAGES) <= set(TABLE) and {"en", "ko", "ja"} <= set(LANGUAGES)


def test_a_po_file_without_a_line_in_the_table_is_refused(tmp_path):
    for path in PO_FILES:
        shutil.copy(path, tmp_path / path.name)
    assert messages._spoken(tmp_path) == LANGUAGES
    shutil.copy(LOCALE / "ja.po", tmp_path / "xx.po")
    with pytest.raises(LookupError, match="xx"):
        messages._spoken(tmp_path)


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_translated_language_has_its_glossary(language):
    assert (GRADER / "feedback" / f"glossary_{language}.txt").is_file()


def test_no_language_is_named_in_the_code():
    """A language is data: its code appears only in the table (and in docstrings and comments)."""
    named = []
    for path in OWN_MODULES:
        if path.name == "languages.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in set(TABLE) - {SOURCE}:
                named.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert not named, named


# ---------------------------------------------------------------- every language, up to date

@pytest.mark.parametrize("language", TRANSLATED)
def test_no_translation_is_missing_or_stale(language):
    status = translation_status()[language]
    assert not status["missing"], f"{language}: no translation of {status['missing']}"
    assert not status["stale"], f"{language}: the English changed since these were translated: {status['stale']}"
    assert not status["unknown"], f"{language}: translations of ids the template lacks: {status['unknown']}"


def test_a_changed_english_text_makes_its_translations_stale(tmp_path):
    """Each translation keeps the English it translates (its msgid): once the template's English
    changes, the translation is named stale and no longer shown (the new English is)."""
    for path in PO_FILES:
        shutil.copy(path, tmp_path / path.name)
    template = po.read(tmp_path / "messages.pot")
    entry = next(e for e in template.entries if e.context == "cmp.not_finite")
    entry.source = "{what} holds {bad}"
    (tmp_path / "messages.pot").write_text(po.format_catalogue(template), encoding="utf-8")
    status = translation_status(tmp_path)
    assert all(status[code]["stale"] == ["cmp.not_finite"] for code in TRANSLATED), status
    catalogue, _, _ = messages.load(tmp_path)
    assert catalogue["cmp.not_finite"] == {SOURCE: "{what} holds {bad}"}


def test_an_untranslated_or_fuzzy_entry_is_missing_and_shown_in_english(tmp_path):
    for path in PO_FILES:
        shutil.copy(path, tmp_path / path.name)
    japanese = po.read(tmp_path / "ja.po")
    entries = japanese.by_context()
    entries["what.loss"].forms = [""]
    entries["what.gradient"].flags.add("fuzzy")
    (tmp_path / "ja.po").write_text(po.format_catalogue(japanese), encoding="utf-8")
    assert translation_status(tmp_path)["ja"]["missing"] == ["what.loss", "what.gradient"]
    catalogue, _, _ = messages.load(tmp_path)
    assert "ja" not in catalogue["what.loss"] and "ja" not in catalogue["what.gradient"]
    assert catalogue["what.predicted_labels"]["ja"] == CATALOGUE["what.predicted_labels"]["ja"]


@pytest.mark.parametrize("message_id", sorted(CATALOGUE))
def test_every_message_has_every_language_with_the_same_placeholders(message_id):
    entry = CATALOGUE[message_id]
    assert set(entry) == set(LANGUAGES), f"{message_id}: languages {sorted(entry)}"
    english = fields(templates(entry[SOURCE])[0])
    for language in LANGUAGES:
        for template in templates(entry[language]):
            assert isinstance(template, str) and template.strip(), f"{message_id}: empty {language}"
            assert fields(template) == english, f"{message_id}: placeholders differ in {language}"
            messages.format_template(template, sample(template))  # valid format specs


@pytest.mark.parametrize("language", [code for code in LANGUAGES if TABLE[code].letters])
def test_each_translation_is_written_in_its_letters_and_english_in_none(language):
    """Texts that are not pure code or formulas use the language's letters; English never does."""
    letters = re.compile(f"[{TABLE[language].letters}]")
    for message_id, entry in CATALOGUE.items():
        assert not any(letters.search(t) for t in templates(entry[SOURCE])), message_id
    written = [i for i, e in CATALOGUE.items() if re.search(r"[a-z]{3,} [a-z]{3,} [a-z]{3,}", templates(e[SOURCE])[0])
               and not templates(e[SOURCE])[0].startswith(("the grader does not allow",))]
    missing = [i for i in written if not letters.search(templates(CATALOGUE[i][language])[0]) and i != "raw"]
    assert not missing, f"prose left in English in {language}: {missing}"


BOOK_TERMS = {
    "ko": (("기울기", "순전파", "역전파", "오차역전파법", "소프트맥스", "교차 엔트로피 오차", "배치 정규화",
            "드롭아웃", "합성곱 계층", "풀링 계층", "가중치 감소", "학습률", "손실 함수", "수치 미분"),
           ("그래디언트", "그라디언트", "역전달", "컨볼루션", "크로스 엔트로피")),
    "ja": (("勾配", "順伝播", "逆伝播", "誤差逆伝播法", "ミニバッチ", "バッチ正規化", "活性化関数", "損失関数",
            "畳み込み層", "プーリング層", "重み", "バイアス", "学習率", "数値微分", "交差エントロピー誤差",
            "ソフトマックス関数", "荷重減衰", "ハイパーパラメータ", "エポック"),
           ("グラディエント", "逆伝搬", "順伝搬", "コンボリューション", "クロスエントロピー", "ウェイト")),
}


@pytest.mark.parametrize("language", sorted(BOOK_TERMS))
def test_the_book_terms_are_those_of_its_edition(language):
    terms, wrong = BOOK_TERMS[language]
    text = " ".join(t for e in CATALOGUE.values() for t in templates(e[language]))
    for term in terms:
        assert term in text, term
    for word in wrong:
        assert word not in text, word


# ---------------------------------------------------------------- plurals

def test_plurals_follow_the_plural_forms_of_each_language():
    assert render(Message("report.more", count=1), "en") == " (+1 more failing case)"
    assert render(Message("report.more", count=3), "en") == " (+3 more failing cases)"
    for language in TRANSLATED:
        one, three = (render(Message("report.more", count=n), language) for n in (1, 3))
        assert "1" in one and "3" in three and one.replace("1", "3") == three
    assert "1 check," in render(Message("cli.grader_fault", count=1, check="c", detail="d"), "en")
    assert "2 checks," in render(Message("cli.grader_fault", count=2, check="c", detail="d"), "en")


@pytest.mark.parametrize("message_id", sorted(i for i, e in CATALOGUE.items() if isinstance(e[SOURCE], tuple)))
def test_every_plural_names_a_placeholder_that_counts(message_id):
    assert PLURAL_PARAMETERS.get(message_id) in fields(CATALOGUE[message_id][SOURCE][0]), message_id
    for language in LANGUAGES:
        count, _ = po.Catalogue(po.read(LOCALE / "messages.pot").header if language == SOURCE else
                                po.read(LOCALE / f"{language}.po").header, []).plural_forms()
        assert len(CATALOGUE[message_id][language]) == count, (message_id, language)


def test_no_plural_is_written_by_hand():
    hand = [i for i, e in CATALOGUE.items() if re.search(r"\w\(s\)", templates(e[SOURCE])[0])
            and re.search(r"\{(count|n)\b", templates(e[SOURCE])[0])]
    assert not hand, f"write these with msgid_plural: {hand}"
    assert not [i for i in CATALOGUE if i.endswith(("_one", "_many"))]


def test_a_message_renders_in_the_language_of_the_moment_and_nests():
    inner = Message("what.loss")
    outer = Message("cmp.not_finite", what=inner, bad="nan")
    with using("en"):
        assert str(outer) == "loss contains nan"
        assert f"{outer}" == "loss contains nan"
    with using("ko"):
        assert str(outer) == "손실에 nan 원소가 있습니다"
    assert render(outer, "ko") == "손실에 nan 원소가 있습니다"
    assert render(outer, "ja") == "損失に nan が含まれています"


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
    ({"LANG": "ja_JP.UTF-8"}, None, "ja"),
    ({"LANG": "ko_KR.UTF-8", "LC_ALL": "ja_JP.UTF-8"}, None, "ja"),
    ({"LANG": "ja_JP.UTF-8"}, "ko", "ko"),
    ({}, "ja", "ja"),
])
def test_the_language_comes_from_the_option_else_the_locale(environ, choice, expected):
    assert resolve_language(choice, environ) == expected


def test_check_names_are_written_once_and_extracted_into_the_template():
    """The template's check entries are the names given to @check, nothing else
    (python -m grader.frontends.extract_titles writes them)."""
    template = po.read(LOCALE / "messages.pot")
    assert extract_titles.updated(template, extract_titles.extracted()) == template, \
        "run python -m grader.frontends.extract_titles"


def test_extracting_titles_follows_a_renamed_check():
    template = po.read(LOCALE / "messages.pot")
    titles = extract_titles.extracted()
    key = sorted(titles)[0]
    renamed = extract_titles.updated(template, {**titles, key: "a new name"})
    assert renamed.by_context()[key].source == "a new name"
    assert [e.context for e in renamed.entries] == [e.context for e in template.entries]
    dropped = extract_titles.updated(template, {k: v for k, v in titles.items() if k != key})
    assert key not in dropped.by_context()


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_check_has_a_translated_name_and_keeps_its_english_name(language):
    """Hidden checks included: their names reach students once the grades are published."""
    letters = re.compile(f"[{TABLE[language].letters}]")
    for check in all_checks():
        assert letters.search(messages.check_title(check, language)), check.name
        assert messages.check_title(check, SOURCE) == check.name


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


@pytest.mark.parametrize("how", ["option", "locale"])
def test_the_template_is_told_in_japanese_with_lang_ja_or_a_japanese_locale(tmp_path, how):
    results = tmp_path / "results.json"
    chosen = ("--lang", "ja") if how == "option" else ()
    env = {"LANG": "ja_JP.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""} if how == "locale" else {"LANG": "C.UTF-8"}
    done = run_cli("--submission", str(ROOT / "student_template"), "--chapter", "ch04", *chosen,
                   "--json", str(results), env=env)
    assert done.returncode == 1, done.stderr
    assert "総合計: 0 / 100" in done.stdout
    assert "まだ手が付けられていません: common/functions.py を開いて" in done.stdout
    assert "不合格" in done.stdout and "failed" not in done.stdout and not HANGUL.search(done.stdout)
    first = json.loads(results.read_text(encoding="utf-8"))["tests"][0]
    assert first["name"] == ("ch04: step_function, sigmoid, relu and identity_function give the right values / "
                             "step_function、sigmoid、relu、identity_function が正しい値を返す")
    assert first["extra_data"]["check"] == "step_function, sigmoid, relu and identity_function give the right values"


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
