"""The terminal report's layout: code expressions are never broken across lines, check titles
are wrapped like the reasons, and the status column fits the longest status of the language."""
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from grader.feedback import report
from grader.grading.checking import Case, Check, Result

EXPRESSIONS = ["np.sum((y - t)**2)", "(2, 6)", "(5, 3)으로", "params['W1']", "x[idx] = tmp + h",
               "W += mu*mu*v - (1 + mu)*lr*dW", "dx.reshape(*self.original_x_shape)", "y - t / N",
               "np.log(y + 1e-7)", "0.5 * lambda * sum(W**2)", "(dout * y, dout * x)", "dW"]
PROSE = ["값이", "틀렸습니다:", "결과", "기댓값은", "the", "result", "is", "wrong", "(책", "5.7.2", "구현하기)",
         "계층이", "params의", "복사본을", "가지고", "있습니다.", "(a", "missing", "return?)", "합니다"]


@given(st.lists(st.sampled_from(EXPRESSIONS) | st.sampled_from(PROSE), min_size=1, max_size=40),
       st.integers(30, 100), st.sampled_from(["", "    ", " " * 20 + "-> "]))
def test_wrapping_never_breaks_a_code_expression(words, width, indent):
    text = " ".join(words)
    lines = report.wrap(text, width, initial_indent=indent, subsequent_indent=" " * len(indent))
    shown = " ".join([lines[0][len(indent):]] + [line[len(indent):] for line in lines[1:]])
    assert " ".join(shown.split()) == " ".join(text.split())  # nothing lost, nothing moved
    for expression in EXPRESSIONS:
        if expression in text.split(" ") or f" {expression} " in f" {text} ":
            assert any(expression in line for line in lines), (expression, lines)
    for line in lines:
        if report.display_width(line) > width:  # only an expression longer than a line stands alone
            assert len(report.units(line[len(indent):])) == 1, (line, lines)


def test_the_examples_of_broken_code_stay_whole():
    reason = ("기댓값과 다릅니다: 손실은 np.sum((y - t)**2)이어야 하고 dx 값의 형상이 (2, 6)이어야 합니다. 책의 "
              "예제를 다시 보세요")
    for width in range(30, 90):
        lines = report.wrap(reason, width)
        assert any("np.sum((y - t)**2)이어야" in line for line in lines), lines
        assert any("(2, 6)이어야" in line for line in lines), lines


def result(name, status_fraction, reason="", language_title=None):
    check = Check("ch05", name, 4.0, SimpleNamespace(__name__="no_such_check"))
    passed = status_fraction == 1.0
    cases = [Case("a", 1.0, True), Case("b", 1.0, passed, reason)] if status_fraction < 1.0 else [Case("a", 1.0, True)]
    if status_fraction == 0:
        cases = [Case("b", 1.0, False, reason)]
    return Result(check, cases)


def test_titles_are_wrapped_and_aligned_and_statuses_fit():
    long_title = ("TwoLayerNet layers share the arrays of params (in-place updates reach predict), "
                  "and numerical_gradient perturbs net.params itself before restoring it")
    results = [result(long_title, 0.5, "params['W1'] is wrong at index (0, 1): got 0.5, expected 0.25"),
               result("short", 1.0)]
    for language, partial in (("en", "partial"), ("ko", "부분 점수")):
        table = report.table(results, width=80, language=language)
        lines = table.splitlines()
        assert all(report.display_width(line) <= 80 for line in lines), table
        first = next(i for i, line in enumerate(lines) if partial in line)
        title_column = report.display_width(lines[first][:lines[first].index("TwoLayerNet")])
        assert lines[first + 1].startswith(" " * title_column) and lines[first + 1].strip(), table
        passed = next(line for line in lines if line.rstrip().endswith("short"))
        assert report.display_width(passed[:passed.index("short")]) == title_column, table
        coloured = report.table(results, colour=True, width=80, language=language).splitlines()
        assert coloured[first + 1] == lines[first + 1]  # colour codes take no columns


def test_prose_brackets_do_not_make_one_long_expression():
    reason = ("매개변수 두 개에 Momentum(lr=0.05, momentum=0.8)을 5단계 적용: 2단계 후 params['W1']이 위치 (0, 3)에서 "
              "0.0594991만큼 움직였습니다. 기댓값은 0.0906498입니다(규칙: v = momentum * v - lr * dW; W += v, v는 "
              "0에서 시작). 추정 원인: 상태는 첫 호출 때 한 번만 만드세요 (책 6.1.4 모멘텀)")
    for width in range(60, 101):  # the longest expression, Momentum(...)을, takes 34 columns after 23
        lines = report.wrap(reason, width, " " * 20 + "-> ", " " * 23)
        assert all(report.display_width(line) <= width for line in lines), (width, lines)
        assert any("v = momentum * v - lr * dW;" in line for line in lines)


def test_the_notebook_feedback_keeps_expressions_whole_too():
    from grader.frontends.notebook import feedback

    for words in range(1, 30):  # the expressions land at every place of the 96-column line
        reason = " ".join(["wrong"] * 12) + " " + "x" * words + " (2, 6) is the shape of np.sum((y - t)**2)"
        text = feedback("ch04", SimpleNamespace(title="losses"), 10, 5, [result("loss", 0.0, reason)])
        assert "(2, 6)" in text and "np.sum((y - t)**2)" in text, text
