"""Every sentence the grader says to a student or an instructor, in English and Korean.

ONE catalogue, ``CATALOGUE = {id: {"en": ..., "ko": ...}}``, with ``str.format`` placeholders
that are the same in both languages (a test checks it). Code never writes prose itself: it
builds a ``Message(id, **params)``, which is rendered when it is shown, in the language of the
moment (``set_language``; English unless the command line chose otherwise: ``--lang ko|en``
or a locale starting with ``ko``). Parameters may be messages themselves (rendered in the same
language), numbers (formatted by the placeholder's spec) or code (names, shapes, expressions),
which is the same in every language.

The Korean follows the terms of the Korean edition of the book (밑바닥부터 시작하는 딥러닝):
one term per concept, listed in grader/feedback/glossary_ko.txt (기울기, 순전파/역전파, 오차역전파법,
기댓값, 배치 정규화, 미니배치, 시그모이드, 합성곱 계층, ...), which a test enforces.

A Korean particle never follows a placeholder as fixed text: ``{key|이/가}`` (also ``을/를``,
``은/는``, ``과/와``, ``으로/로``, ``이어야/여야``) writes the value and the form that fits how
it ends when read aloud (grader.feedback.particles); ``{|이/가}`` writes only the particle, for the text
just before it (``params['{key}']{|이/가}``).

Check names stay the English strings given to ``@check`` (the stable identifiers of tests,
results.json and the nbgrader groups); their Korean display names are the entries
``check.<chapter>.<function>``, whose English text equals the check's name.
"""
import contextlib
import json
import os
import re
import string

from grader.feedback.particles import choose

LANGUAGES = ("en", "ko")
DEFAULT_LANGUAGE = "en"
_language = DEFAULT_LANGUAGE


def language_from_environment(environ=None):
    """'ko' when the locale (LC_ALL, else LC_MESSAGES, else LANG) starts with 'ko', else 'en'."""
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            return "ko" if value.lower().startswith("ko") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


def resolve_language(choice=None, environ=None):
    """The language to use: ``choice`` (from --lang) when given, else the locale's."""
    if choice:
        if choice not in LANGUAGES:
            raise ValueError(f"unknown language {choice!r} (one of {', '.join(LANGUAGES)})")
        return choice
    return language_from_environment(environ)


def set_language(language):
    global _language
    _language = resolve_language(language) if language else DEFAULT_LANGUAGE


def current_language():
    return _language


@contextlib.contextmanager
def using(language):
    """Render in ``language`` inside the block."""
    global _language
    before = _language
    _language = resolve_language(language)
    try:
        yield
    finally:
        _language = before


class Message:
    """A catalogue entry and its parameters; rendered when shown (``str``, ``format``)."""

    __slots__ = ("id", "params")

    def __init__(self, id_, /, **params):
        if id_ not in CATALOGUE:
            raise KeyError(f"no message {id_!r} in the catalogue")
        self.id = id_
        self.params = params

    def render(self, language=None):
        language = language or _language
        entry = CATALOGUE[self.id]
        template = entry.get(language) or entry[DEFAULT_LANGUAGE]
        return format_template(template, {key: _value(value, language) for key, value in self.params.items()})

    def __str__(self):
        return self.render()

    def __format__(self, spec):
        return format(self.render(), spec)

    def __repr__(self):
        return f"Message({self.id!r}, {self.params!r})"

    def __eq__(self, other):
        return isinstance(other, Message) and (self.id, self.params) == (other.id, other.params)

    __hash__ = None


def _value(value, language):
    if isinstance(value, Message):
        return value.render(language)
    if isinstance(value, (list, tuple)) and any(isinstance(v, Message) for v in value):
        return ", ".join(str(_value(v, language)) for v in value)
    return value


def render(text, language=None):
    """``text`` (a Message or plain text) as a string in ``language``."""
    if isinstance(text, Message):
        return text.render(language)
    return "" if text is None else str(text)


# ``{field|이/가}`` or ``{field:spec|을/를}``: a placeholder and the particle that follows it;
# ``{|이/가}``: the particle that follows the text before it (``params['{key}']{|이/가}``).
WITH_PARTICLE = re.compile(r"(?<!\{)\{([^{}|]*)\|([^{}|/]+/[^{}|/]+)\}")


def format_template(template, values):
    """``template.format(**values)``, where ``{name|이/가}`` is the value followed by the form of the
    particle that fits how it ends (grader.feedback.particles), and ``{|이/가}`` the particle alone."""
    done, start = [], 0
    for match in WITH_PARTICLE.finditer(template):
        done.append(template[start:match.start()].format(**values))
        if match.group(1):
            value = ("{" + match.group(1) + "}").format(**values)
            done.append(value)
        else:
            value = "".join(done)
        done.append(choose(value, match.group(2)))
        start = match.end()
    done.append(template[start:].format(**values))
    return "".join(done)


def fields(template):
    """The placeholder names of a template: ``{'got', 'what'}`` for '{what}: {got:.4g}|이/가}'."""
    plain = WITH_PARTICLE.sub(lambda m: "{" + m.group(1) + "}" if m.group(1) else "", template)
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(plain)
            if name is not None}


def check_title(check, language=None):
    """A check's name in ``language``: the English name itself, or its catalogue entry."""
    language = language or _language
    entry = CATALOGUE.get(f"check.{check.chapter}.{getattr(check.function, '__name__', '')}")
    if entry is None or entry["en"] != check.name:
        return check.name
    return entry.get(language) or check.name


# ---------------------------------------------------------------- across the worker's pipe

_PACKED = "\x1emsg:"


def pack(message):
    """A message as one line of text (the worker sends errors as text)."""
    return _PACKED + json.dumps(_plain(message), ensure_ascii=False, separators=(",", ":"))


def _plain(value):
    if isinstance(value, Message):
        return {"$m": value.id, "p": {k: _plain(v) for k, v in value.params.items()}}
    if isinstance(value, tuple):
        return {"$t": [_plain(v) for v in value]}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


# The messages a worker's reply may carry: the submission's errors, the sandbox's refusals,
# the crashes a module import caused (packed by the grader, relayed by the worker) and the
# probes' own complaints. Student code runs in the worker and can forge its replies, so any
# other id (a grader fault, a verdict, a report line) is shown as text the worker sent.
WORKER_MESSAGE_PREFIXES = ("error.", "sandbox.")
WORKER_MESSAGE_IDS = frozenset({
    "runner.cannot_import", "runner.timeout", "runner.segfault", "runner.killed", "runner.aborted",
    "runner.signal", "runner.out_of_memory", "runner.pipe_closed", "runner.exited", "runner.too_much_data",
    "runner.malformed_reply", "runner.malformed_reply_detail", "runner.not_numbers",
    "ch05.net.params_not_dict", "worker.text"})


def worker_may_say(message_id, nested=False):
    """Whether a worker's reply may carry the catalogue message ``message_id``."""
    return (message_id.startswith(WORKER_MESSAGE_PREFIXES) or message_id in WORKER_MESSAGE_IDS
            or (nested and message_id == "raw"))


def unpack(text):
    """The Message packed in a worker's reply ``text``. Only ids the worker may use
    (``worker_may_say``) survive, every text inside is made visible (grader.feedback.sanitise) and the
    message must render in every language; anything else becomes 'worker.text': what the
    worker sent, shown as such, never as the grader's own words."""
    from grader.feedback.sanitise import visible

    text = "" if text is None else str(text)
    if text.startswith(_PACKED):
        try:
            value = _unplain(json.loads(text[len(_PACKED):]))
            if isinstance(value, Message) and _known(value) and _from_worker(value):
                for language in LANGUAGES:
                    value.render(language)
                return value
        except (ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError):
            pass
        text = text[len(_PACKED):]
    return Message("worker.text", text=visible(" ".join(text.split())[:500]))


def _from_worker(message, nested=False):
    if not worker_may_say(message.id, nested):
        return False
    for key, value in list(message.params.items()):
        message.params[key] = _visible_values(value)
        for inner in value if isinstance(value, (list, tuple)) else (value,):
            if isinstance(inner, Message) and not _from_worker(inner, nested=True):
                return False
    return True


def _visible_values(value):
    from grader.feedback.sanitise import visible

    if isinstance(value, str):
        return visible(value)
    if isinstance(value, list):
        return [_visible_values(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_visible_values(v) for v in value)
    return value


def _known(message, depth=0):
    """Every message id in ``message`` (its parameters included) is in the catalogue."""
    if depth > 20 or message.id not in CATALOGUE:
        return False
    for value in message.params.values():
        values = value if isinstance(value, tuple) else (value,)
        if any(isinstance(v, Message) and not _known(v, depth + 1) for v in values):
            return False
    return True


def _unplain(value, depth=0):
    if depth > 20:
        raise ValueError("nested too deeply")
    if isinstance(value, dict):
        if set(value) == {"$m", "p"}:
            return Message(str(value["$m"]), **{str(k): _unplain(v, depth + 1) for k, v in value["p"].items()})
        if set(value) == {"$t"}:
            return tuple(_unplain(v, depth + 1) for v in value["$t"])
        raise ValueError("not a packed message")
    if isinstance(value, list):
        return [_unplain(v, depth + 1) for v in value]
    return value


CATALOGUE = {
    # ============================================================ reports
    "raw": {
        "en": "{text}",
        "ko": "{text}"},
    "worker.text": {
        "en": "the code under test sent this instead of a result: {text}",
        "ko": "채점 중인 코드가 결과 대신 보낸 내용: {text}"},
    "report.case": {
        "en": "{label}: {reason}",
        "ko": "{label}: {reason}"},
    "report.likely_cause": {
        "en": "{text}. Likely cause: {advice}",
        "ko": "{text}. 추정 원인: {advice}"},
    "report.more_one": {
        "en": " (+{count} more failing case)",
        "ko": " (실패한 경우 {count}개 더)"},
    "report.more_many": {
        "en": " (+{count} more failing cases)",
        "ko": " (실패한 경우 {count}개 더)"},
    "advice.see_book": {
        "en": "{advice} (book {section})",
        "ko": "{advice} (책 {section})"},
    "report.status.passed": {
        "en": "passed",
        "ko": "통과"},
    "report.status.partial": {
        "en": "partial",
        "ko": "부분 점수"},
    "report.status.failed": {
        "en": "failed",
        "ko": "실패"},
    "report.status.error": {
        "en": "error",
        "ko": "오류"},
    "report.chapter_total": {
        "en": "{chapter} total: {earned} / {possible}",
        "ko": "{chapter} 합계: {earned} / {possible}"},
    "report.total": {
        "en": "TOTAL: {earned} / {possible}",
        "ko": "총점: {earned} / {possible}"},
    "report.isolation": {
        "en": "Isolation of the submission's code: {level} ({meaning})",
        "ko": "제출 코드의 격리 수준: {level}({meaning})"},
    "isolation.namespaces": {
        "en": "kernel namespaces, Landlock and seccomp: enforced by the kernel",
        "ko": "커널 네임스페이스, Landlock, seccomp로 커널이 강제함"},
    "isolation.user": {
        "en": "a user id of its own, Landlock and seccomp: enforced by the kernel",
        "ko": "전용 사용자 ID, Landlock, seccomp로 커널이 강제함"},
    "isolation.audit-hook": {
        "en": "an audit hook only: NOT enforced, good for a self-check, not for credit",
        "ko": "감사 훅만 사용하므로 강제되지 않음. 자가 점검용이며 성적용으로는 쓸 수 없음"},
    "isolation.weak_refused": {
        "en": "refusing to grade for credit: this machine gives the submission's code only {level} isolation "
              "(not enforced by the kernel; see docs/isolation.md). Install bubblewrap or run where user "
              "namespaces or Landlock are available, or pass --allow-weak-isolation "
              "(DLFS_ALLOW_WEAK_ISOLATION=1) to grade anyway",
        "ko": "성적용 채점을 거부합니다. 이 컴퓨터에서는 제출 코드를 {level} 수준으로만 격리할 수 있습니다"
              "(커널이 강제하지 않음, docs/isolation.md 참고). bubblewrap을 설치하거나 사용자 네임스페이스 또는 "
              "Landlock을 쓸 수 있는 곳에서 실행하세요. 그래도 채점하려면 --allow-weak-isolation"
              "(DLFS_ALLOW_WEAK_ISOLATION=1)을 주세요"},
    "isolation.forced_unavailable": {
        "en": "DLFS_ISOLATION={level}: this machine cannot provide that isolation",
        "ko": "DLFS_ISOLATION={level}: 이 컴퓨터에서는 그 격리 수준을 쓸 수 없습니다"},
    "isolation.unknown": {
        "en": "DLFS_ISOLATION={level}: expected one of {levels}",
        "ko": "DLFS_ISOLATION={level}: 다음 중 하나여야 합니다: {levels}"},
    "report.pictures": {
        "en": "Pictures in {folder}: {names}",
        "ko": "{folder}에 저장한 그림: {names}"},
    "grader.fault": {
        "en": "grader fault: {kind}: {detail}",
        "ko": "채점기 오류: {kind}: {detail}"},
    "grader.judged_nothing": {
        "en": "grader fault: the check judged nothing",
        "ko": "채점기 오류: 검사가 아무것도 판정하지 않았습니다"},

    # ============================================================ comparisons
    "cmp.none": {
        "en": "{what} is None (a missing return, or an attribute never set?)",
        "ko": "{what} 값이 None입니다(return을 빠뜨렸거나 속성을 저장하지 않았나요?)"},
    "cmp.kind": {
        "en": "{what} is a {kind}, not numbers",
        "ko": "{what} 값이 수가 아니라 {kind}입니다"},
    "cmp.not_numbers": {
        "en": "{what} is not an array of numbers",
        "ko": "{what} 값이 수의 배열이 아닙니다"},
    "cmp.shape": {
        "en": "{what} has shape {shape}, expected {expected}",
        "ko": "{what} 값의 형상이 {shape}입니다. {expected|이어야/여야} 합니다"},
    "cmp.not_finite": {
        "en": "{what} contains {bad}",
        "ko": "{what}에 {bad} 원소가 있습니다"},
    "cmp.wrong": {
        "en": "{what} is wrong: got {got:.8g}, expected {expected:.8g}",
        "ko": "{what} 값이 틀렸습니다: 결과 {got:.8g}, 기댓값 {expected:.8g}"},
    "cmp.wrong_at": {
        "en": "{what} is wrong at index {index}: got {got:.8g}, expected {expected:.8g}",
        "ko": "{what} 값이 위치 {index}에서 틀렸습니다: 결과 {got:.8g}, 기댓값 {expected:.8g}"},
    "cmp.wrong_at_count": {
        "en": "{what} is wrong at index {index}: got {got:.8g}, expected {expected:.8g} ({count} of {size} values "
              "differ)",
        "ko": "{what} 값이 위치 {index}에서 틀렸습니다: 결과 {got:.8g}, 기댓값 {expected:.8g}({size}개 중 "
              "{count}개가 다름)"},
    "cmp.gradient": {
        "en": "{what} does not match the numerical gradient: relative error {error:.2g} (got {got:.4g}, expected "
              "{expected:.4g})",
        "ko": "{what} 값이 수치 미분으로 구한 기울기와 다릅니다: 상대 오차 {error:.2g}(결과 {got:.4g}, 기댓값 "
              "{expected:.4g})"},
    "cmp.gradient_at": {
        "en": "{what} does not match the numerical gradient: relative error {error:.2g} at index {index} (got "
              "{got:.4g}, expected {expected:.4g})",
        "ko": "{what} 값이 수치 미분으로 구한 기울기와 다릅니다: 위치 {index}에서 상대 오차 {error:.2g}(결과 "
              "{got:.4g}, 기댓값 {expected:.4g})"},
    "cmp.flaky": {
        "en": "behaves inconsistently on repeated calls ({kind}): does it keep state between calls, "
              "or change an array it was given?",
        "ko": "같은 호출을 반복하면 결과가 달라집니다({kind}). 호출 사이에 상태를 남기거나 "
              "받은 배열을 바꾸지 않는지 확인하세요"},
    "what.loss": {
        "en": "loss",
        "ko": "손실"},
    "what.gradient": {
        "en": "gradient",
        "ko": "기울기"},
    "what.predicted_labels": {
        "en": "predicted test labels",
        "ko": "예측한 시험 데이터 레이블"},

    # ============================================================ the worker and the submission's errors
    "runner.cannot_start": {
        "en": "the grader's worker could not start: {detail}",
        "ko": "채점기의 작업 프로세스를 시작하지 못했습니다: {detail}"},
    "runner.cannot_import": {
        "en": "{file} cannot be imported: {reason}",
        "ko": "{file|을/를} 임포트할 수 없습니다: {reason}"},
    "runner.malformed_reply_detail": {
        "en": "the worker sent a malformed reply ({detail})",
        "ko": "작업 프로세스가 잘못된 응답을 보냈습니다({detail})"},
    "runner.malformed_reply": {
        "en": "the worker sent a malformed reply",
        "ko": "작업 프로세스가 잘못된 응답을 보냈습니다"},
    "runner.timeout": {
        "en": "did not finish within {seconds:g} s (an endless loop, or far too slow)",
        "ko": "{seconds:g}초 안에 끝나지 않았습니다(무한 반복이거나 너무 느립니다)"},
    "runner.too_much_data": {
        "en": "returned far too much data",
        "ko": "너무 많은 데이터를 돌려줬습니다"},
    "runner.segfault": {
        "en": "the code crashed (segmentation fault)",
        "ko": "코드가 비정상 종료했습니다(세그멘테이션 오류, SIGSEGV)"},
    "runner.killed": {
        "en": "the code was killed",
        "ko": "코드가 강제 종료되었습니다"},
    "runner.aborted": {
        "en": "the code aborted",
        "ko": "코드가 비정상 중단되었습니다(SIGABRT)"},
    "runner.signal": {
        "en": "the code died of signal {signal}",
        "ko": "코드가 시그널 {signal|으로/로} 종료되었습니다"},
    "runner.out_of_memory": {
        "en": "the code ran out of memory",
        "ko": "코드 실행 중 메모리가 부족했습니다"},
    "runner.pipe_closed": {
        "en": "the code closed the grader's channel to the grading process and went on running; "
              "it was stopped (do not close file descriptors you did not open)",
        "ko": "코드가 채점 프로세스와 채점기 사이의 통신 채널을 닫고도 계속 실행되어 채점기가 실행을 "
              "멈췄습니다(직접 열지 않은 파일 디스크립터는 닫지 마세요)"},
    "runner.exited": {
        "en": "the code ended the grading process (exit status {code})",
        "ko": "코드가 채점 프로세스를 끝냈습니다(종료 상태 {code})"},
    "runner.not_numbers": {
        "en": "returned something that is not numbers: {detail}",
        "ko": "수가 아닌 값을 돌려줬습니다: {detail}"},
    "runner.unexpected_reply": {
        "en": "the worker's reply did not have the form this check expects ({detail}); return values "
              "of the kinds the book's code returns",
        "ko": "작업 프로세스의 응답이 이 검사가 기대하는 형태가 아닙니다({detail}). 책의 코드와 같은 종류의 값을 "
              "돌려주세요"},
    "runner.stray_reply": {
        "en": "the code wrote into the grader's result channel itself (a line that was not the answer to this "
              "call); do not write to file descriptors you did not open",
        "ko": "코드가 채점기의 결과 통로에 직접 써서 이 호출의 답이 아닌 줄이 들어왔습니다. 직접 열지 않은 파일 "
              "디스크립터에는 쓰지 마세요"},
    "runner.unknown_error": {
        "en": "unknown error",
        "ko": "알 수 없는 오류"},
    "error.numerical_backward": {
        "en": "{cls}.backward is not backpropagation: it made {backward} function calls where the forward pass "
              "made {forward} (numerical differences of forward?); write the backward pass from the chain rule",
        "ko": "{cls}.backward가 역전파가 아닙니다: 순전파의 함수 호출은 {forward}번인데 역전파는 {backward}번 "
              "호출했습니다(순전파로 수치 미분을 하나요?). 연쇄 법칙으로 역전파를 작성하세요"},
    "error.backward_profiler": {
        "en": "{cls}.backward removed the grader's call counter (sys.setprofile); the backward pass was not graded",
        "ko": "{cls}.backward가 채점기의 호출 계수기(sys.setprofile)를 없앴습니다. 역전파를 채점하지 않았습니다"},
    "error.missing_file": {
        "en": "{file} is missing from the submission",
        "ko": "제출물에 {file} 파일이 없습니다"},
    "error.missing_name": {
        "en": "{file} defines no {name}",
        "ko": "{file}에 {name|이/가} 정의되어 있지 않습니다"},
    "error.missing_file_near": {
        "en": "{file} is missing from the submission; found {found}, which the book calls {file}",
        "ko": "제출물에 {file} 파일이 없습니다. 비슷한 파일을 찾았습니다(책의 파일 이름: {file}, 찾은 파일: {found})"},
    "error.missing_name_near": {
        "en": "{file} defines no {name}; found {found}, which the book calls {name}",
        "ko": "{file} 파일에 {name} 정의가 없습니다. 비슷한 이름을 찾았습니다(책의 이름: {name}, 찾은 이름: {found})"},
    "names.name_graded_as": {
        "en": "{file}: {found} is graded as {book}, the book's name",
        "ko": "{file}: {found} 항목을 책의 이름({book}) 기준으로 채점합니다"},
    "names.file_graded_as": {
        "en": "{found} is graded as {book}, the book's file",
        "ko": "{found} 파일을 책의 파일 이름({book}) 기준으로 채점합니다"},
    "names.heading": {
        "en": "Graded under the book's names (--lenient-names), as the submission names them differently:",
        "ko": "제출물의 이름이 책과 달라서 책의 이름으로 채점한 항목(--lenient-names):"},
    "error.syntax": {
        "en": "SyntaxError in {file}, line {line}: {detail}",
        "ko": "{file}의 {line}번째 줄에 문법 오류(SyntaxError)가 있습니다: {detail}"},
    "error.not_started": {
        "en": "not started yet: open {file} and write {function} (it still raises NotImplementedError)",
        "ko": "아직 시작하지 않았습니다: {file} 파일을 열어 {function} 부분을 작성하세요(지금은 "
              "NotImplementedError를 발생시킵니다)"},
    "error.not_started_plain": {
        "en": "not started yet: {detail}",
        "ko": "아직 시작하지 않았습니다: {detail}"},
    "error.exit": {
        "en": "the code called exit() ({detail})",
        "ko": "코드가 exit()를 호출했습니다({detail})"},
    "error.interrupt": {
        "en": "the code raised KeyboardInterrupt",
        "ko": "코드가 KeyboardInterrupt를 발생시켰습니다"},
    "error.memory": {
        "en": "ran out of memory",
        "ko": "메모리가 부족했습니다"},
    "error.numpy_alias": {
        "en": "AttributeError: module 'numpy' has no attribute '{alias}' ({location})",
        "ko": "AttributeError: numpy에 '{alias}' 속성이 없습니다({location})"},
    "error.plain": {
        "en": "{kind}: {detail}",
        "ko": "{kind}: {detail}"},
    "error.located": {
        "en": "{kind}: {detail} ({location})",
        "ko": "{kind}: {detail} ({location})"},
    "error.location": {
        "en": "{file}, line {line}: {code}",
        "ko": "{file}, {line}번째 줄: {code}"},
    "error.location_plain": {
        "en": "{file}, line {line}",
        "ko": "{file}, {line}번째 줄"},
    "sandbox.programs": {
        "en": "the grader does not allow starting programs",
        "ko": "채점기는 프로그램 실행을 허용하지 않습니다"},
    "sandbox.processes": {
        "en": "the grader does not allow starting processes",
        "ko": "채점기는 새 프로세스를 허용하지 않습니다"},
    "sandbox.signals": {
        "en": "the grader does not allow sending signals",
        "ko": "채점기는 시그널 보내기를 허용하지 않습니다"},
    "sandbox.network": {
        "en": "the grader does not allow network access",
        "ko": "채점기는 네트워크 접근을 허용하지 않습니다"},
    "sandbox.limits": {
        "en": "the grader does not allow changing resource limits",
        "ko": "채점기는 자원 한도 변경을 허용하지 않습니다"},
    "sandbox.native": {
        "en": "the grader does not allow loading native libraries",
        "ko": "채점기는 네이티브 라이브러리 로드를 허용하지 않습니다"},
    "sandbox.native_functions": {
        "en": "the grader does not allow loading native functions",
        "ko": "채점기는 네이티브 함수 로드를 허용하지 않습니다"},
    "sandbox.inspect": {
        "en": "the grader does not allow inspecting the grader",
        "ko": "채점기는 채점기 내부를 들여다보는 것을 허용하지 않습니다"},
    "sandbox.writing": {
        "en": "the grader does not allow writing files outside the working folder ({path})",
        "ko": "채점기는 작업 폴더 밖에 파일을 쓰는 것을 허용하지 않습니다({path})"},
    "sandbox.opening_folder": {
        "en": "the grader does not allow opening the folder {path}",
        "ko": "채점기는 폴더를 파일처럼 여는 것을 허용하지 않습니다({path})"},
    "sandbox.reading": {
        "en": "the grader does not allow reading {path}",
        "ko": "채점기는 {path} 읽기를 허용하지 않습니다"},
    "sandbox.listing": {
        "en": "the grader does not allow listing {path}",
        "ko": "채점기는 {path}의 목록 보기를 허용하지 않습니다"},
    "sandbox.changing": {
        "en": "the grader does not allow {event} outside the working folder",
        "ko": "채점기는 작업 폴더 밖에서 {event|을/를} 허용하지 않습니다"},
    "sandbox.other": {
        "en": "the grader does not allow {what}",
        "ko": "채점기가 허용하지 않는 동작입니다: {what}"},

    # ============================================================ hidden checks of chapter 5
    "hidden.ch05.missing": {
        "en": "{what} is missing",
        "ko": "{what|이/가} 없습니다"},
    "hidden.ch05.case.two_layers": {
        "en": "two {cls} layers: forward a, forward b, backward a, backward b",
        "ko": "{cls} 계층 두 개: a 순전파, b 순전파, a 역전파, b 역전파 순서"},
    "hidden.ch05.case.two_affine": {
        "en": "two Affine layers: forward a, forward b (4-D input), backward a, backward b",
        "ko": "Affine 계층 두 개: a 순전파, b 순전파(4차원 입력), a 역전파, b 역전파 순서"},
    "hidden.ch05.case.two_softmax": {
        "en": "two SoftmaxWithLoss layers with batches of 5 and 2: forward a, forward b, backward a, backward b",
        "ko": "샘플 5개와 2개의 배치를 받는 SoftmaxWithLoss 계층 두 개: a 순전파, b 순전파, a 역전파, b 역전파 순서"},
    "hidden.ch05.case.second_forward": {
        "en": "one Relu and one Affine: a second forward on another batch, then backward",
        "ko": "Relu 계층과 Affine 계층 하나씩: 다른 배치로 순전파를 한 번 더 한 뒤 역전파"},
    "hidden.ch05.what.dx": {
        "en": "dx of {cls} {n}",
        "ko": "{cls} 계층 {n}의 dx"},
    "hidden.ch05.what.own_mask": {
        "en": "dx of Relu {n} (its own mask, not the other layer's)",
        "ko": "Relu 계층 {n}의 dx(다른 계층이 아닌 자기 마스크로 계산)"},
    "hidden.ch05.what.own_output": {
        "en": "dx of Sigmoid {n} (its own output, not the other layer's)",
        "ko": "Sigmoid 계층 {n}의 dx(다른 계층이 아닌 자기 출력으로 계산)"},
    "hidden.ch05.what.own_input": {
        "en": "dx of Affine {n} (in the shape of its own input {shape})",
        "ko": "Affine 계층 {n}의 dx(자기 입력의 형상 {shape})"},
    "hidden.ch05.what.attributes": {
        "en": "the attributes of Affine {n}",
        "ko": "Affine 계층 {n}의 속성"},
    "hidden.ch05.what.dW": {
        "en": "dW of Affine {n}",
        "ko": "Affine 계층 {n}의 dW"},
    "hidden.ch05.what.own_batch": {
        "en": "dx of SoftmaxWithLoss {n} (batch of {size})",
        "ko": "SoftmaxWithLoss 계층 {n}의 dx(샘플 {size}개의 배치)"},
    "hidden.ch05.what.relu_latest": {
        "en": "dx of Relu after two forward passes (the mask of the latest)",
        "ko": "순전파를 두 번 한 뒤 Relu 계층의 dx(마지막 순전파의 마스크로 계산)"},
    "hidden.ch05.what.affine_latest": {
        "en": "dx of Affine after two forward passes (the input of the latest, in its shape {shape})",
        "ko": "순전파를 두 번 한 뒤 Affine 계층의 dx(마지막 입력의 형상 {shape})"},
    "hidden.ch05.what.affine_dW_latest": {
        "en": "dW of Affine after two forward passes",
        "ko": "순전파를 두 번 한 뒤 Affine 계층의 dW"},

    # ============================================================ diagnoses: how an answer is wrong
    "diagnosis.factor_1_over_n": {
        "en": "the result is 1/N = 1/{n} of the right one everywhere: one division by the batch size N too many (a "
              "mean taken twice, or a mean where a sum belongs)",
        "ko": "결과가 어디서나 정답의 1/N = 1/{n}배입니다. 배치 크기 N으로 한 번 더 나눴습니다(평균을 두 번 "
              "구했거나 합이어야 할 곳에 평균을 썼습니다)"},
    "diagnosis.factor_n": {
        "en": "the result is N = {n} times the right one everywhere: a sum over the batch where the book takes the "
              "mean (the loss), or the mean's 1/N left out (its gradient)",
        "ko": "결과가 어디서나 정답의 N = {n}배입니다. 손실이라면 책처럼 배치의 평균을 내야 하는데 합을 "
              "구했고, 기울기라면 평균의 1/N을 빠뜨렸습니다"},
    "diagnosis.sign_flipped": {
        "en": "the right size but the opposite sign everywhere: look for a subtraction the wrong way round (y - t, "
              "not t - y) or a lost minus",
        "ko": "크기는 맞지만 어디서나 부호가 반대입니다. 뺄셈의 순서(t - y가 아니라 y - t)나 빠진 마이너스 부호를 "
              "확인하세요"},
    "diagnosis.constant_factor": {
        "en": "the result is {factor:.4g} times the right one everywhere: a constant factor is missing or extra "
              "(0.5, 2, a learning rate, 1/N)",
        "ko": "결과가 어디서나 정답의 {factor:.4g}배입니다. 상수 배율(0.5, 2, 학습률, 1/N 등)이 빠졌거나 더 "
              "들어갔습니다"},
    "diagnosis.transposed": {
        "en": "the right numbers, transposed: rows and columns are swapped (mind the order of a matrix product: x.T "
              "@ dout, not dout.T @ x)",
        "ko": "값은 맞지만 전치되어 있습니다. 행과 열이 바뀌었습니다(행렬 곱의 순서를 확인하세요: dout.T @ x가 "
              "아니라 x.T @ dout)"},
    "diagnosis.reshaped": {
        "en": "the right numbers in the wrong shape {shape}: reshape the result back to {expected} (e.g. "
              "dx.reshape(*self.original_x_shape))",
        "ko": "값은 맞지만 형상이 {shape}입니다. 결과를 {expected|으로/로} 되돌리세요(예: "
              "dx.reshape(*self.original_x_shape))"},
    "diagnosis.misplaced_values": {
        "en": "the right numbers in the wrong places: a reshape where a transpose was needed (reshape keeps the "
              "memory order; reorder the axes with transpose first)",
        "ko": "값들은 맞지만 자리가 틀렸습니다. transpose가 필요한 곳에 reshape만 했습니다(reshape는 메모리 순서를 "
              "그대로 두므로 먼저 transpose로 축 순서를 바꾸세요)"},
    "diagnosis.sum_without_axis": {
        "en": "one number, the sum over everything: sum over the batch axis only (np.sum(dout, axis=0))",
        "ko": "모든 원소를 더한 수 하나입니다. 배치 축으로만 더하세요(np.sum(dout, axis=0))"},
    "diagnosis.right_only_on_mask": {
        "en": "right where the gradient should pass, wrong where it should be zero: only the selected entries (the "
              "maximum of a window, the kept units, x > 0) may receive a gradient",
        "ko": "기울기가 흘러야 할 곳은 맞지만 0이어야 할 곳이 틀렸습니다. 선택된 원소(윈도우의 최댓값, 살아남은 "
              "뉴런, x > 0인 곳)만 기울기를 받아야 합니다"},
    "diagnosis.wrong_only_at_overlaps": {
        "en": "right wherever one window covers a pixel, wrong only where windows overlap: add each window with += "
              "instead of assigning it with =",
        "ko": "윈도우 하나만 덮는 픽셀은 맞고, 윈도우가 겹치는 곳만 틀렸습니다. 각 윈도우를 = 로 대입하지 말고 += "
              "로 더하세요"},
    "diagnosis.missing_dout": {
        "en": "the local derivative without the upstream gradient: backward must multiply by dout (the chain rule)",
        "ko": "상류에서 흘러온 기울기가 빠진 국소적 미분입니다. 역전파에서는 dout을 곱해야 합니다(연쇄법칙)"},
    "diagnosis.all_zero": {
        "en": "zero everywhere: is the gradient passed on at all (a returned 0, a forgotten dout)?",
        "ko": "어디서나 0입니다. 기울기를 제대로 전달하고 있나요(0을 돌려주거나 dout을 빠뜨리지 않았나요)?"},
    "diagnosis.not_finite": {
        "en": "nan or inf: an exp that overflows, a log of 0 or a division by 0",
        "ko": "nan 또는 inf입니다. exp의 오버플로, log(0), 0으로 나누기를 확인하세요"},
    "diagnosis.grads_swapped": {
        "en": "this is the gradient of {key}: the gradients are stored under the wrong keys (which layer's dW "
              "belongs to which parameter?)",
        "ko": "이것은 {key}의 기울기입니다. 기울기가 다른 키에 저장되었습니다(어느 계층의 dW가 어느 매개변수의 "
              "것인지 확인하세요)"},
    "diagnosis.mutates_input": {
        "en": "the call changed its input in place (x[mask] = 0, x -= ..., x.shape = ...): work on a copy, or use "
              "functions that return new arrays (np.where, np.maximum, reshape)",
        "ko": "호출이 입력을 제자리에서 바꿨습니다(x[mask] = 0, x -= ..., x.shape = ... 등). 복사본으로 작업하거나 "
              "새 배열을 돌려주는 함수(np.where, np.maximum, reshape)를 쓰세요"},
    "diagnosis.not_started": {
        "en": "this part is not written yet: write it where the NotImplementedError is raised",
        "ko": "아직 작성하지 않은 부분입니다. NotImplementedError를 발생시키는 곳에 코드를 작성하세요"},
    "diagnosis.syntax_error": {
        "en": "Python cannot read the file: fix the syntax error at the line shown",
        "ko": "파이썬이 파일을 읽지 못합니다. 표시된 줄의 문법 오류를 고치세요"},
    "diagnosis.missing_item": {
        "en": "a file, class or function of the book's layout is missing or misnamed: use the book's files and names",
        "ko": "책의 구성에 있는 파일, 클래스, 함수가 없거나 이름이 다릅니다. 책과 같은 파일과 이름을 쓰세요"},
    "diagnosis.timeout": {
        "en": "the code did not finish in time: look for an endless loop, or a needlessly slow loop over every "
              "element",
        "ko": "코드가 제한 시간 안에 끝나지 않았습니다. 무한 반복문이나 원소마다 도는 불필요하게 느린 반복문을 "
              "찾으세요"},
    "diagnosis.crash": {
        "en": "the code ended the grading process: avoid exit(), and look for runaway memory use",
        "ko": "코드가 채점 프로세스를 끝냈습니다. exit()를 쓰지 말고, 메모리를 지나치게 쓰지 않는지 확인하세요"},
    "diagnosis.out_of_memory": {
        "en": "the code ran out of memory: look for an array far larger than needed (np.zeros(x) with x an array, a "
              "product of two whole batches)",
        "ko": "메모리가 부족했습니다. 필요 이상으로 큰 배열(배열 x로 만든 np.zeros(x), 배치 전체끼리의 곱 등)을 "
              "찾으세요"},
    "diagnosis.numpy_alias_removed": {
        "en": "np.int, np.float and np.bool were removed in numpy 1.24 (the book is older): write int, float, bool, "
              "or np.int64, np.float64",
        "ko": "np.int, np.float, np.bool은 numpy 1.24에서 사라졌습니다(책은 그 이전에 나왔습니다). int, float, bool "
              "또는 np.int64, np.float64를 쓰세요"},
    "diagnosis.softmax_whole_batch": {
        "en": "each row is proportional to the right probabilities, but all rows together sum to 1: normalise each "
              "row by its own sum (np.sum(..., axis=-1, keepdims=True))",
        "ko": "각 행은 올바른 확률에 비례하지만 모든 행을 합쳐서 1이 됩니다. 각 행을 그 행의 합으로 "
              "나누세요(np.sum(..., axis=-1, keepdims=True))"},
    "diagnosis.overflow": {
        "en": "exp overflows for large inputs: subtract the maximum (of each row) before np.exp; the result does not "
              "change",
        "ko": "입력이 크면 exp가 오버플로합니다. np.exp 전에 (행마다) 최댓값을 빼세요. 결과는 달라지지 않습니다"},
    "diagnosis.log_of_zero": {
        "en": "log(0) is -inf: add a small constant inside the log (np.log(y + 1e-7)) or clip y",
        "ko": "log(0)은 -inf입니다. 로그 안에 작은 값을 더하거나(np.log(y + 1e-7)) np.clip으로 y의 범위를 "
              "제한하세요"},
    "diagnosis.labels_as_one_hot": {
        "en": "t is taken for one-hot targets also when it holds labels: index with y[np.arange(N), t], or turn "
              "one-hot t into labels with argmax first",
        "ko": "t가 정답 레이블일 때도 원-핫으로 취급합니다. y[np.arange(N), t]로 인덱싱하거나, 먼저 argmax로 원-핫 "
              "t를 레이블로 바꾸세요"},
    "diagnosis.mse_mean": {
        "en": "np.mean divides by the number of entries: the book's mean squared error is 0.5 * np.sum((y - t)**2)",
        "ko": "np.mean은 원소 수로 나눕니다. 책의 평균 제곱 오차는 0.5 * np.sum((y - t)**2)입니다"},
    "diagnosis.forward_difference": {
        "en": "these are forward differences (f(x + h) - f(x)) / h: use central differences (f(x + h) - f(x - h)) / "
              "2h, far more accurate",
        "ko": "전방 차분 (f(x + h) - f(x)) / h입니다. 훨씬 정확한 중심 차분 (f(x + h) - f(x - h)) / 2h를 쓰세요"},
    "diagnosis.numgrad_copy": {
        "en": "the gradient is 0 when f reads x through a closure: change x itself (x[idx] = tmp + h), not a copy, "
              "and restore it afterwards",
        "ko": "f가 클로저로 x를 읽으면 기울기가 0이 됩니다. 복사본이 아니라 x 자체를 바꾸고(x[idx] = tmp + h) "
              "나중에 원래 값으로 되돌리세요"},
    "diagnosis.x_not_restored": {
        "en": "x[idx] is not put back after the two evaluations: restore it (x[idx] = tmp), also when f raises "
              "(try/finally)",
        "ko": "두 번 계산한 뒤 x[idx]를 되돌리지 않았습니다. 원래 값으로 복원하세요(x[idx] = tmp). f가 예외를 "
              "일으켜도 복원되게 하세요(try/finally)"},
    "diagnosis.zeros_not_zeros_like": {
        "en": "np.zeros(x) makes an array whose shape is the values of x: np.zeros_like(x) makes one shaped like x",
        "ko": "np.zeros(x)는 x의 값들을 형상으로 쓰는 배열을 만듭니다. x와 같은 형상의 배열은 np.zeros_like(x)로 "
              "만드세요"},
    "diagnosis.mul_backward_swapped": {
        "en": "each input got dout times itself: the gradient of x is dout * y and that of y is dout * x (the inputs "
              "swap)",
        "ko": "각 입력이 dout 곱하기 자기 자신을 받았습니다. x의 기울기는 dout * y, y의 기울기는 dout * "
              "x입니다(입력을 서로 바꿔 곱합니다)"},
    "diagnosis.mask_inverted": {
        "en": "the mask is inverted: relu keeps x where x > 0 and gives 0 where x <= 0 (and backward passes dout "
              "only where x > 0)",
        "ko": "마스크가 반대입니다. ReLU는 x > 0인 곳에서 x를, x <= 0인 곳에서 0을 냅니다(역전파도 x > 0인 "
              "곳에서만 dout을 흘립니다)"},
    "diagnosis.sigmoid_sign": {
        "en": "this is 1 / (1 + exp(x)): the exponent is -x",
        "ko": "1 / (1 + exp(x))를 계산했습니다. 지수는 -x여야 합니다"},
    "diagnosis.sigmoid_backward_uses_x": {
        "en": "the derivative is y * (1 - y) with y the forward's OUTPUT: keep the output in forward (self.out) and "
              "use it instead of the input x",
        "ko": "미분은 순전파의 출력 y로 만든 y * (1 - y)입니다. 순전파에서 출력을 저장해 두고(self.out) 입력 x 대신 "
              "쓰세요"},
    "diagnosis.affine_no_flatten": {
        "en": "an N-D input must be flattened to (N, -1) before the product with W (keep the original shape for "
              "backward)",
        "ko": "N차원 입력은 W와 곱하기 전에 (N, -1)로 평탄화해야 합니다(역전파를 위해 원래 형상을 저장해 두세요)"},
    "diagnosis.precedence": {
        "en": "this is y - t / N: the division binds tighter than the subtraction, so only t is divided; write (y - "
              "t) / N",
        "ko": "y - t / N으로 계산되었습니다. 나눗셈이 뺄셈보다 먼저라서 t만 나뉩니다. (y - t) / N으로 쓰세요"},
    "diagnosis.loss_without_softmax": {
        "en": "the loss is the cross-entropy of the raw scores x: apply softmax first and give its output y to "
              "cross_entropy_error",
        "ko": "원래 점수 x로 교차 엔트로피 오차를 구했습니다. 먼저 소프트맥스를 적용하고 그 출력 y를 "
              "cross_entropy_error에 넘기세요"},
    "diagnosis.one_hot_labels": {
        "en": "one-hot targets are compared with labels: turn t into labels with np.argmax(t, axis=1) when t.ndim != "
              "1",
        "ko": "원-핫 정답을 레이블과 비교했습니다. t.ndim != 1이면 np.argmax(t, axis=1)로 t를 레이블로 바꾸세요"},
    "diagnosis.forward_not_run": {
        "en": "backward ran on values that no forward pass set: gradient(x, t) must run the forward pass first "
              "(self.loss(x, t))",
        "ko": "순전파가 저장하지 않은 값으로 역전파를 했습니다. gradient(x, t)는 먼저 순전파(self.loss(x, t))를 "
              "해야 합니다"},
    "diagnosis.params_copied": {
        "en": "the layers hold copies of params: give them the very arrays (no .copy(), no np.array(...)), so that "
              "updating params in place trains the network",
        "ko": "계층이 params의 복사본을 가지고 있습니다. 배열 자체를 넘기세요(.copy()나 np.array(...) 없이). 그래야 "
              "params를 제자리에서 갱신할 때 신경망이 학습합니다"},
    "diagnosis.rebinds_params": {
        "en": "params[key] = ... binds a new array that the network's layers never see: update in place with "
              "params[key] -= ...",
        "ko": "params[key] = ...는 신경망의 계층이 보지 못하는 새 배열을 만듭니다. params[key] -= ...로 제자리에서 "
              "갱신하세요"},
    "diagnosis.state_reset": {
        "en": "from step 2 on, the steps are those of an optimizer whose state (v, h, m) starts afresh at every "
              "call: create the state once, on the first call, and keep updating it",
        "ko": "2단계부터의 갱신이 상태(v, h, m)를 호출마다 새로 만드는 옵티마이저의 갱신과 같습니다. 상태는 첫 "
              "호출 때 한 번만 만들고 이후에는 계속 갱신하세요"},
    "diagnosis.default_hyperparameters": {
        "en": "the rule is right with the given hyper-parameters, but the defaults differ from the book's",
        "ko": "주어진 하이퍼파라미터로는 규칙이 맞지만 기본값이 책과 다릅니다"},
    "diagnosis.adam_no_bias_correction": {
        "en": "Adam without bias correction: divide m by (1 - beta1**t) and v by (1 - beta2**t), t the number of "
              "update calls so far",
        "ko": "편향 보정이 없는 Adam입니다. m을 (1 - beta1**t)로, v를 (1 - beta2**t)로 나누세요. t는 지금까지의 "
              "update 호출 횟수입니다"},
    "diagnosis.adam_step_count": {
        "en": "the time step t advances once per parameter instead of once per update call: increase it once, before "
              "the loop over params",
        "ko": "시간 단계 t가 update 호출마다가 아니라 매개변수마다 늘어납니다. params를 도는 반복문 전에 한 번만 "
              "늘리세요"},
    "diagnosis.nesterov_plain_momentum": {
        "en": "this is plain momentum: Nesterov's rule looks ahead, W += mu*mu*v - (1 + mu)*lr*dW",
        "ko": "일반 모멘텀입니다. 네스테로프 규칙은 앞을 내다보는 W += mu*mu*v - (1 + mu)*lr*dW입니다"},
    "diagnosis.rmsprop_no_one_minus": {
        "en": "the squared gradient enters without (1 - decay_rate): h = decay_rate * h + (1 - decay_rate) * dW * dW",
        "ko": "기울기 제곱이 (1 - decay_rate) 없이 더해집니다. h = decay_rate * h + (1 - decay_rate) * dW * dW입니다"},
    "diagnosis.dropout_new_mask": {
        "en": "backward draws a new random mask: keep the mask of the last forward (self.mask) and multiply dout by "
              "it",
        "ko": "역전파가 새 무작위 마스크를 뽑습니다. 마지막 순전파의 마스크를 저장해 두고(self.mask) dout에 곱하세요"},
    "diagnosis.dropout_mask_reused": {
        "en": "the mask is drawn once and reused: draw a new one at every training forward",
        "ko": "마스크를 한 번만 뽑아 계속 씁니다. 훈련 모드 순전파마다 새로 뽑으세요"},
    "diagnosis.dropout_test_scale": {
        "en": "test mode must keep the expected output of training: multiply by (1 - dropout_ratio) in test mode, or "
              "divide the kept units by it in training (inverted dropout)",
        "ko": "시험 모드 출력은 훈련 모드 출력의 기댓값과 같아야 합니다. 시험 때 (1 - dropout_ratio)를 곱하거나, "
              "훈련 때 남은 뉴런을 그 값으로 나누세요(역 드롭아웃)"},
    "diagnosis.dropout_missing": {
        "en": "no Dropout layer acts: add one after each activation when use_dropout=True, and pass train_flg to it "
              "in predict",
        "ko": "동작하는 Dropout 계층이 없습니다. use_dropout=True이면 활성화 함수 계층마다 뒤에 Dropout 계층을 "
              "넣고, predict에서 train_flg를 넘기세요"},
    "diagnosis.batchnorm_running_in_training": {
        "en": "training normalises with the running averages: in training use the batch's own mean and variance, and "
              "only update the running averages",
        "ko": "훈련 때 이동 평균으로 정규화합니다. 훈련 때는 배치 자신의 평균과 분산을 쓰고, 이동 평균은 갱신만 "
              "하세요"},
    "diagnosis.batchnorm_batch_stats_in_test": {
        "en": "test mode must normalise with running_mean and running_var, not with the batch's statistics",
        "ko": "시험 모드는 배치의 통계량이 아니라 running_mean과 running_var로 정규화해야 합니다"},
    "diagnosis.batchnorm_no_gamma_beta": {
        "en": "scale and shift the normalised values: return gamma * xn + beta",
        "ko": "정규화한 값을 확대하고 이동하세요: gamma * xn + beta를 돌려줘야 합니다"},
    "diagnosis.running_not_updated": {
        "en": "the running averages never change: update them at every training forward, running = momentum * "
              "running + (1 - momentum) * batch statistic",
        "ko": "이동 평균이 전혀 바뀌지 않습니다. 훈련 모드 순전파마다 running = momentum * running + (1 - momentum) "
              "* 배치 통계량으로 갱신하세요"},
    "diagnosis.momentum_swapped": {
        "en": "the weights of the running average are swapped: the old value keeps the share momentum, the batch "
              "statistic gets 1 - momentum",
        "ko": "이동 평균의 가중치가 뒤바뀌었습니다. 이전 값에 momentum을, 배치 통계량에 1 - momentum을 곱하세요"},
    "diagnosis.batchnorm_missing_term": {
        "en": "dx misses the path through the batch variance: dx = (dxn - mean(dxn) - xn * mean(dxn * xn)) / std",
        "ko": "dx에 배치 분산을 거치는 경로가 빠졌습니다: dx = (dxn - mean(dxn) - xn * mean(dxn * xn)) / std"},
    "diagnosis.batchnorm_after_activation": {
        "en": "these are the gradients of a network that normalises after the activation: put each BatchNorm between "
              "its Affine and its activation (Affine, BatchNorm, activation)",
        "ko": "활성화 함수 뒤에서 정규화하는 신경망의 기울기입니다. 배치 정규화 계층은 Affine 계층과 활성화 "
              "함수 사이에 두세요(Affine, 배치 정규화, 활성화 함수 순)"},
    "diagnosis.he_as_xavier": {
        "en": "ReLU wants He's initial values, std sqrt(2 / fan_in); sqrt(1 / fan_in) is Xavier's, for sigmoid",
        "ko": "ReLU에는 표준편차가 sqrt(2 / fan_in)인 He 초깃값을 씁니다. sqrt(1 / fan_in)은 시그모이드용 "
              "Xavier 초깃값입니다"},
    "diagnosis.xavier_as_he": {
        "en": "sigmoid wants Xavier's initial values, std sqrt(1 / fan_in); sqrt(2 / fan_in) is He's, for ReLU",
        "ko": "시그모이드에는 표준편차가 sqrt(1 / fan_in)인 Xavier 초깃값을 씁니다. sqrt(2 / fan_in)은 ReLU용 "
              "He 초깃값입니다"},
    "diagnosis.decay_missing_half": {
        "en": "the 0.5 of 0.5 * lambda * sum(W**2) is missing (it makes the gradient exactly lambda * W)",
        "ko": "0.5 * lambda * sum(W**2)의 0.5가 빠졌습니다(0.5가 있어야 기울기가 정확히 lambda * W가 됩니다)"},
    "diagnosis.decay_missing_in_gradient": {
        "en": "the decay is added to the loss but not to the gradient: add lambda * W to each dW",
        "ko": "감소 항을 손실에는 더했지만 기울기에는 더하지 않았습니다. 각 dW에 lambda * W를 더하세요"},
    "diagnosis.decay_on_biases": {
        "en": "the biases are decayed too: weight decay applies to the weights W only",
        "ko": "편향에도 감소를 적용했습니다. 가중치 감소는 가중치 W에만 적용합니다"},
    "diagnosis.optimizer_name_case": {
        "en": "the optimizer's name is looked up as given: look it up in lower case (optimizer.lower())",
        "ko": "옵티마이저 이름을 주어진 그대로 찾습니다. 소문자로 바꿔서 찾으세요(optimizer.lower())"},
    "diagnosis.state_shared": {
        "en": "the layer gives another result next to a second instance, or after a second forward pass, than alone: "
              "keep what backward needs on self (not on the class or the module), from the latest forward",
        "ko": "다른 인스턴스와 함께 쓰거나 순전파를 한 번 더 하면 혼자 쓸 때와 결과가 달라집니다. 역전파에 필요한 값은 "
              "클래스나 모듈이 아닌 self에 두고, 가장 최근 순전파의 값을 쓰세요"},
    "diagnosis.optimizer_class_missing": {
        "en": "common/optimizer.py has no class {name} (in any case), so the Trainer has nothing to look the "
              "name up: write that optimizer class first",
        "ko": "common/optimizer.py에 해당 옵티마이저 클래스가 없어서(대소문자 무관) Trainer가 이름으로 찾을 대상이 "
              "없습니다. 먼저 옵티마이저 클래스를 작성하세요: {name}"},
    "diagnosis.optimizer_key_spelling": {
        "en": "a key of the optimizer table is misspelt (the book's own code has 'rmsprpo'): spell every key as the "
              "name in lower case",
        "ko": "옵티마이저 표의 키 철자가 틀렸습니다(책의 코드에도 'rmsprpo'라는 오타가 있습니다). 모든 키를 이름의 "
              "소문자로 쓰세요"},
    "diagnosis.iterations_per_epoch": {
        "en": "an epoch is train_size / mini_batch_size iterations, not train_size",
        "ko": "1에폭은 train_size번이 아니라 train_size / mini_batch_size번 반복입니다"},
    "diagnosis.true_division": {
        "en": "/ gives a float: divide with // so that the size is a whole number (the book writes /)",
        "ko": "/는 실수를 냅니다. 크기가 정수가 되도록 //로 나누세요(책에는 /로 쓰여 있습니다)"},
    "diagnosis.single_padding": {
        "en": "the padding counts on both sides: (H + 2*P - FH) // S + 1",
        "ko": "패딩은 양쪽에 붙습니다: (H + 2*P - FH) // S + 1"},
    "diagnosis.pool_output_ignores_pad": {
        "en": "the output size leaves pad out while im2col pads the image: use "
              "out_h = (H + 2*pad - pool_h) // stride + 1 and the same for out_w (the book's own Pooling works only "
              "with pad=0)",
        "ko": "im2col은 이미지에 패딩을 넣는데 출력 크기 계산에는 패딩이 빠져 있습니다. out_h = (H + 2*pad - pool_h) "
              "// stride + 1로 계산하고 out_w도 같은 식으로 계산하세요(책의 Pooling 코드도 pad=0일 때만 맞습니다)"},
    "diagnosis.padding_ignored": {
        "en": "every case with padding fails and every case without passes: pad the image (np.pad) before taking the "
              "windows",
        "ko": "패딩이 있는 경우만 모두 틀리고 없는 경우는 모두 맞습니다. 윈도우를 꺼내기 전에 이미지에 패딩을 "
              "넣으세요(np.pad)"},
    "diagnosis.stride_ignored": {
        "en": "the windows are taken side by side whatever the stride: step through the image by the stride "
              "(y:y_max:stride)",
        "ko": "스트라이드와 상관없이 윈도우를 바로 옆에서 꺼냅니다. 스트라이드 간격으로 이동하세요(y:y_max:stride)"},
    "diagnosis.mean_pooling": {
        "en": "this is average pooling: take the maximum of each window (np.max)",
        "ko": "평균 풀링입니다. 윈도우마다 최댓값을 취하세요(np.max)"},
    "diagnosis.tied_maxima_all_take": {
        "en": "every element equal to its window's maximum received the window's whole gradient, so a maximum "
              "that occurs twice passes it on twice: give it to one of them (np.argmax picks the first)",
        "ko": "윈도우의 최댓값과 같은 원소 모두가 기울기 전체를 받아서, 최댓값이 두 번 나오면 "
              "기울기도 두 번 전달됩니다. 그중 하나에만 주세요(np.argmax는 첫 번째를 고릅니다)"},
    "diagnosis.argmax_axis": {
        "en": "arg_max holds one index per column instead of one per window: take np.argmax(col, axis=1)",
        "ko": "arg_max에 윈도우마다가 아니라 열마다 인덱스가 하나씩 있습니다. np.argmax(col, axis=1)을 쓰세요"},
    "diagnosis.pool_not_halved": {
        "en": "W2 is sized from the convolution output, but the 2x2 pooling halves each side: filter_num * "
              "(conv_output_size // 2)**2 rows",
        "ko": "W2의 크기를 합성곱 출력으로 정했지만 2x2 풀링이 각 변을 절반으로 줄입니다. 행 수는 filter_num * "
              "(conv_output_size // 2)**2입니다"},
    "diagnosis.short_batch_dropped": {
        "en": "the last, short batch (sample {first} on) is not counted: loop with range(0, N, batch_size) instead "
              "of range(N // batch_size)",
        "ko": "마지막의 짧은 배치(샘플 {first}부터)를 세지 않았습니다. range(N // batch_size) 대신 range(0, N, "
              "batch_size)로 반복하세요"},
    "diagnosis.accumulator_overwritten": {
        "en": "only the last batch counts: add up the hits with += instead of overwriting them with =",
        "ko": "마지막 배치만 셌습니다. 맞은 개수를 = 로 덮어쓰지 말고 += 로 더하세요"},
    "diagnosis.curve_diverged": {
        "en": "the training loss blew up (nan, inf or ever larger) around iteration {iteration}: the gradients are "
              "far too large (a missing 1/N?) or an exp overflows; see the learning curve",
        "ko": "{iteration}번째 반복 무렵 학습 손실이 발산했습니다(nan, inf 또는 계속 커짐). 기울기가 너무 "
              "크거나(1/N이 빠졌나요?) exp가 오버플로합니다. 학습 곡선을 보세요"},
    "diagnosis.curve_flat": {
        "en": "the training loss hardly fell (from {start:.3g} to {end:.3g}): the updates do not reach the network "
              "(copies of params?) or the gradients are wrong; see the learning curve",
        "ko": "학습 손실이 {start:.3g}에서 {end:.3g|으로/로} 거의 줄지 않았습니다. 갱신이 신경망에 반영되지 "
              "않거나(params의 복사본?) 기울기가 틀렸습니다. 학습 곡선을 보세요"},
    "diagnosis.accuracy_below_threshold": {
        "en": "the loss falls, but not far enough: look for a smaller mistake in the checks above",
        "ko": "손실은 줄지만 충분하지 않습니다. 위의 다른 검사에서 작은 실수를 찾아보세요"},

    # ============================================================ diagnoses: short titles (the class report)
    "diagnosis_title.factor_1_over_n": {
        "en": "1/N too many",
        "ko": "1/N을 한 번 더 곱함"},
    "diagnosis_title.factor_n": {
        "en": "missing 1/N (sum instead of mean)",
        "ko": "1/N 누락(평균 대신 합)"},
    "diagnosis_title.sign_flipped": {
        "en": "sign flipped",
        "ko": "부호가 반대"},
    "diagnosis_title.constant_factor": {
        "en": "off by a constant factor",
        "ko": "상수배만큼 틀림"},
    "diagnosis_title.transposed": {
        "en": "transposed",
        "ko": "전치됨"},
    "diagnosis_title.reshaped": {
        "en": "right values, wrong shape",
        "ko": "값은 맞고 형상이 틀림"},
    "diagnosis_title.misplaced_values": {
        "en": "right values in wrong places (reshape without transpose)",
        "ko": "값은 맞고 위치가 틀림(transpose 없는 reshape)"},
    "diagnosis_title.sum_without_axis": {
        "en": "sum without axis=0",
        "ko": "axis=0 없이 전체 합"},
    "diagnosis_title.right_only_on_mask": {
        "en": "gradient leaks outside the mask",
        "ko": "마스크 밖으로 기울기가 샘"},
    "diagnosis_title.wrong_only_at_overlaps": {
        "en": "overlaps overwritten (= instead of +=)",
        "ko": "겹친 곳을 덮어씀(+= 대신 =)"},
    "diagnosis_title.missing_dout": {
        "en": "dout not multiplied (chain rule)",
        "ko": "dout을 곱하지 않음(연쇄법칙)"},
    "diagnosis_title.all_zero": {
        "en": "all zero",
        "ko": "모두 0"},
    "diagnosis_title.not_finite": {
        "en": "nan or inf",
        "ko": "nan 또는 inf"},
    "diagnosis_title.grads_swapped": {
        "en": "gradients under the wrong keys",
        "ko": "기울기가 다른 키에 저장됨"},
    "diagnosis_title.mutates_input": {
        "en": "input changed in place",
        "ko": "입력을 제자리에서 바꿈"},
    "diagnosis_title.not_started": {
        "en": "not started",
        "ko": "아직 시작하지 않음"},
    "diagnosis_title.syntax_error": {
        "en": "syntax error",
        "ko": "문법 오류"},
    "diagnosis_title.missing_item": {
        "en": "missing file or name",
        "ko": "파일이나 이름이 없음"},
    "diagnosis_title.timeout": {
        "en": "too slow / endless loop",
        "ko": "너무 느림 / 무한 반복"},
    "diagnosis_title.crash": {
        "en": "crashed the grading process",
        "ko": "채점 프로세스를 종료시킴"},
    "diagnosis_title.out_of_memory": {
        "en": "out of memory",
        "ko": "메모리 부족"},
    "diagnosis_title.numpy_alias_removed": {
        "en": "np.int / np.float (removed from numpy)",
        "ko": "np.int / np.float 사용(numpy에서 제거됨)"},
    "diagnosis_title.softmax_whole_batch": {
        "en": "softmax normalised over the whole batch",
        "ko": "소프트맥스를 배치 전체로 정규화"},
    "diagnosis_title.overflow": {
        "en": "exp overflow (max not subtracted)",
        "ko": "exp 오버플로(최댓값을 빼지 않음)"},
    "diagnosis_title.log_of_zero": {
        "en": "log(0)",
        "ko": "log(0)"},
    "diagnosis_title.labels_as_one_hot": {
        "en": "labels treated as one-hot",
        "ko": "정답 레이블을 원-핫으로 취급"},
    "diagnosis_title.mse_mean": {
        "en": "np.mean instead of 0.5 * sum",
        "ko": "0.5 * sum 대신 np.mean"},
    "diagnosis_title.forward_difference": {
        "en": "forward instead of central difference",
        "ko": "중심 차분 대신 전방 차분"},
    "diagnosis_title.numgrad_copy": {
        "en": "numerical_gradient perturbs a copy",
        "ko": "numerical_gradient가 복사본을 바꿈"},
    "diagnosis_title.x_not_restored": {
        "en": "x not restored",
        "ko": "x를 되돌리지 않음"},
    "diagnosis_title.zeros_not_zeros_like": {
        "en": "np.zeros(x) instead of np.zeros_like(x)",
        "ko": "np.zeros_like(x) 대신 np.zeros(x)"},
    "diagnosis_title.mul_backward_swapped": {
        "en": "multiplication node: inputs not swapped",
        "ko": "곱셈 노드: 입력을 바꿔 곱하지 않음"},
    "diagnosis_title.mask_inverted": {
        "en": "Relu mask inverted",
        "ko": "ReLU 마스크가 반대"},
    "diagnosis_title.sigmoid_sign": {
        "en": "sigmoid: exp(x) instead of exp(-x)",
        "ko": "시그모이드: exp(-x) 대신 exp(x)"},
    "diagnosis_title.sigmoid_backward_uses_x": {
        "en": "Sigmoid backward uses the input",
        "ko": "Sigmoid 계층의 역전파가 입력을 씀"},
    "diagnosis_title.affine_no_flatten": {
        "en": "Affine does not flatten N-D input",
        "ko": "Affine이 N차원 입력을 평탄화하지 않음"},
    "diagnosis_title.precedence": {
        "en": "y - t / N (operator precedence)",
        "ko": "y - t / N(연산자 우선순위)"},
    "diagnosis_title.loss_without_softmax": {
        "en": "loss without softmax",
        "ko": "소프트맥스 없이 손실 계산"},
    "diagnosis_title.one_hot_labels": {
        "en": "one-hot not turned into labels",
        "ko": "원-핫을 레이블로 바꾸지 않음"},
    "diagnosis_title.forward_not_run": {
        "en": "backward without a forward pass",
        "ko": "순전파 없이 역전파"},
    "diagnosis_title.params_copied": {
        "en": "layers hold copies of params",
        "ko": "계층이 params의 복사본을 가짐"},
    "diagnosis_title.rebinds_params": {
        "en": "params rebound instead of updated in place",
        "ko": "params를 제자리에서 갱신하지 않고 새 배열로 바꿈"},
    "diagnosis_title.state_reset": {
        "en": "optimizer state reset between calls",
        "ko": "옵티마이저 상태가 호출마다 초기화됨"},
    "diagnosis_title.default_hyperparameters": {
        "en": "wrong default hyper-parameters",
        "ko": "하이퍼파라미터 기본값이 틀림"},
    "diagnosis_title.adam_no_bias_correction": {
        "en": "Adam without bias correction",
        "ko": "편향 보정 없는 Adam"},
    "diagnosis_title.adam_step_count": {
        "en": "Adam counts t per parameter",
        "ko": "Adam이 매개변수마다 t를 셈"},
    "diagnosis_title.nesterov_plain_momentum": {
        "en": "Nesterov as plain momentum",
        "ko": "네스테로프 대신 일반 모멘텀"},
    "diagnosis_title.rmsprop_no_one_minus": {
        "en": "RMSprop without (1 - decay_rate)",
        "ko": "(1 - decay_rate) 없는 RMSprop"},
    "diagnosis_title.dropout_new_mask": {
        "en": "Dropout backward draws a new mask",
        "ko": "Dropout 역전파가 새 마스크를 뽑음"},
    "diagnosis_title.dropout_mask_reused": {
        "en": "Dropout reuses its first mask",
        "ko": "Dropout이 첫 마스크를 계속 씀"},
    "diagnosis_title.dropout_test_scale": {
        "en": "Dropout test output not scaled",
        "ko": "Dropout 시험 출력의 배율이 틀림"},
    "diagnosis_title.dropout_missing": {
        "en": "no Dropout layer",
        "ko": "Dropout 계층이 없음"},
    "diagnosis_title.batchnorm_running_in_training": {
        "en": "BatchNorm: running averages in training",
        "ko": "배치 정규화: 훈련 때 이동 평균 사용"},
    "diagnosis_title.batchnorm_batch_stats_in_test": {
        "en": "BatchNorm: batch statistics in test mode",
        "ko": "배치 정규화: 시험 때 배치 통계량 사용"},
    "diagnosis_title.batchnorm_no_gamma_beta": {
        "en": "BatchNorm without gamma and beta",
        "ko": "gamma와 beta 없는 배치 정규화"},
    "diagnosis_title.running_not_updated": {
        "en": "running averages not updated",
        "ko": "이동 평균을 갱신하지 않음"},
    "diagnosis_title.momentum_swapped": {
        "en": "running-average weights swapped",
        "ko": "이동 평균의 가중치가 뒤바뀜"},
    "diagnosis_title.batchnorm_missing_term": {
        "en": "BatchNorm backward misses the variance term",
        "ko": "배치 정규화 역전파에 분산 항이 빠짐"},
    "diagnosis_title.batchnorm_after_activation": {
        "en": "BatchNorm after the activation",
        "ko": "활성화 함수 뒤에 배치 정규화"},
    "diagnosis_title.he_as_xavier": {
        "en": "Xavier scale used for He",
        "ko": "He 대신 Xavier 배율"},
    "diagnosis_title.xavier_as_he": {
        "en": "He scale used for Xavier",
        "ko": "Xavier 대신 He 배율"},
    "diagnosis_title.decay_missing_half": {
        "en": "weight decay without 0.5",
        "ko": "0.5 없는 가중치 감소"},
    "diagnosis_title.decay_missing_in_gradient": {
        "en": "weight decay missing in the gradient",
        "ko": "기울기에 가중치 감소가 빠짐"},
    "diagnosis_title.decay_on_biases": {
        "en": "weight decay on biases",
        "ko": "편향에도 가중치 감소"},
    "diagnosis_title.optimizer_name_case": {
        "en": "optimizer name not lower-cased",
        "ko": "옵티마이저 이름을 소문자로 바꾸지 않음"},
    "diagnosis_title.state_shared": {
        "en": "layer state shared or stale",
        "ko": "계층 상태가 공유되거나 오래됨"},
    "diagnosis_title.optimizer_class_missing": {
        "en": "optimizer class missing",
        "ko": "옵티마이저 클래스가 없음"},
    "diagnosis_title.optimizer_key_spelling": {
        "en": "optimizer key misspelt",
        "ko": "옵티마이저 키의 철자가 틀림"},
    "diagnosis_title.iterations_per_epoch": {
        "en": "wrong iterations per epoch",
        "ko": "에폭당 반복 횟수가 틀림"},
    "diagnosis_title.true_division": {
        "en": "/ instead of //",
        "ko": "// 대신 /"},
    "diagnosis_title.single_padding": {
        "en": "padding counted once",
        "ko": "패딩을 한쪽만 셈"},
    "diagnosis_title.pool_output_ignores_pad": {
        "en": "pooling output size without pad",
        "ko": "풀링 출력 크기에 패딩이 빠짐"},
    "diagnosis_title.padding_ignored": {
        "en": "im2col ignores the padding",
        "ko": "im2col이 패딩을 무시함"},
    "diagnosis_title.stride_ignored": {
        "en": "im2col ignores the stride",
        "ko": "im2col이 스트라이드를 무시함"},
    "diagnosis_title.mean_pooling": {
        "en": "average instead of max pooling",
        "ko": "최대 풀링 대신 평균 풀링"},
    "diagnosis_title.tied_maxima_all_take": {
        "en": "tied maxima each take the whole gradient",
        "ko": "동점인 최댓값마다 기울기 전체를 받음"},
    "diagnosis_title.argmax_axis": {
        "en": "argmax over the wrong axis",
        "ko": "argmax의 축이 틀림"},
    "diagnosis_title.pool_not_halved": {
        "en": "pooling not halving the size",
        "ko": "풀링으로 크기가 절반이 됨을 빠뜨림"},
    "diagnosis_title.short_batch_dropped": {
        "en": "last short batch not counted",
        "ko": "마지막의 짧은 배치를 세지 않음"},
    "diagnosis_title.accumulator_overwritten": {
        "en": "count overwritten (= instead of +=)",
        "ko": "개수를 덮어씀(+= 대신 =)"},
    "diagnosis_title.curve_diverged": {
        "en": "training diverges",
        "ko": "학습이 발산함"},
    "diagnosis_title.curve_flat": {
        "en": "training loss stays flat",
        "ko": "학습 손실이 줄지 않음"},
    "diagnosis_title.accuracy_below_threshold": {
        "en": "learns too little",
        "ko": "학습이 부족함"},

    # ============================================================ the book's sections
    "book.3.2": {
        "en": "3.2 Activation functions",
        "ko": "3.2 활성화 함수"},
    "book.3.2.4": {
        "en": "3.2.4 Implementing the sigmoid function",
        "ko": "3.2.4 시그모이드 함수 구현하기"},
    "book.3.5.1": {
        "en": "3.5.1 The identity and softmax functions",
        "ko": "3.5.1 항등 함수와 소프트맥스 함수 구현하기"},
    "book.3.5.2": {
        "en": "3.5.2 Implementing softmax: beware of overflow",
        "ko": "3.5.2 소프트맥스 함수 구현 시 주의점"},
    "book.4.2.1": {
        "en": "4.2.1 Sum of squared errors",
        "ko": "4.2.1 평균 제곱 오차"},
    "book.4.2.2": {
        "en": "4.2.2 Cross-entropy error",
        "ko": "4.2.2 교차 엔트로피 오차"},
    "book.4.2.4": {
        "en": "4.2.4 Cross-entropy error for batches",
        "ko": "4.2.4 (배치용) 교차 엔트로피 오차 구현하기"},
    "book.4.3.1": {
        "en": "4.3.1 Derivatives (central differences)",
        "ko": "4.3.1 미분(중심 차분)"},
    "book.4.4": {
        "en": "4.4 Gradients",
        "ko": "4.4 기울기"},
    "book.4.4.2": {
        "en": "4.4.2 Gradients of a neural network",
        "ko": "4.4.2 신경망에서의 기울기"},
    "book.4.5.1": {
        "en": "4.5.1 A two-layer network as a class",
        "ko": "4.5.1 2층 신경망 클래스 구현하기"},
    "book.4.5.3": {
        "en": "4.5.3 Evaluating with test data (epochs)",
        "ko": "4.5.3 시험 데이터로 평가하기(에폭)"},
    "book.5.3": {
        "en": "5.3 Backward propagation (the chain rule)",
        "ko": "5.3 역전파(연쇄법칙)"},
    "book.5.4.1": {
        "en": "5.4.1 The multiplication layer",
        "ko": "5.4.1 곱셈 계층"},
    "book.5.4.2": {
        "en": "5.4.2 The addition layer",
        "ko": "5.4.2 덧셈 계층"},
    "book.5.5": {
        "en": "5.5 Activation function layers",
        "ko": "5.5 활성화 함수 계층 구현하기"},
    "book.5.5.1": {
        "en": "5.5.1 The ReLU layer",
        "ko": "5.5.1 ReLU 계층"},
    "book.5.5.2": {
        "en": "5.5.2 The Sigmoid layer",
        "ko": "5.5.2 Sigmoid 계층"},
    "book.5.6.2": {
        "en": "5.6.2 The Affine layer for batches",
        "ko": "5.6.2 배치용 Affine 계층"},
    "book.5.6.3": {
        "en": "5.6.3 Softmax-with-Loss",
        "ko": "5.6.3 Softmax-with-Loss 계층"},
    "book.5.7.2": {
        "en": "5.7.2 A network with backpropagation",
        "ko": "5.7.2 오차역전파법을 적용한 신경망 구현하기"},
    "book.5.7.4": {
        "en": "5.7.4 Training with backpropagation",
        "ko": "5.7.4 오차역전파법을 사용한 학습 구현하기"},
    "book.6.1.2": {
        "en": "6.1.2 Stochastic gradient descent (SGD)",
        "ko": "6.1.2 확률적 경사 하강법(SGD)"},
    "book.6.1.4": {
        "en": "6.1.4 Momentum",
        "ko": "6.1.4 모멘텀"},
    "book.6.1.5": {
        "en": "6.1.5 AdaGrad (and RMSprop)",
        "ko": "6.1.5 AdaGrad(와 RMSprop)"},
    "book.6.1.6": {
        "en": "6.1.6 Adam",
        "ko": "6.1.6 Adam"},
    "book.6.2": {
        "en": "6.2 Initial weight values",
        "ko": "6.2 가중치의 초깃값"},
    "book.6.2.2": {
        "en": "6.2.2 Activations of the hidden layers (Xavier)",
        "ko": "6.2.2 은닉층의 활성화값 분포(Xavier)"},
    "book.6.2.3": {
        "en": "6.2.3 Initial weights for ReLU (He)",
        "ko": "6.2.3 ReLU를 사용할 때의 가중치 초깃값(He)"},
    "book.6.3.1": {
        "en": "6.3.1 The batch normalization algorithm",
        "ko": "6.3.1 배치 정규화 알고리즘"},
    "book.6.3.2": {
        "en": "6.3.2 The effect of batch normalization",
        "ko": "6.3.2 배치 정규화의 효과"},
    "book.6.4.2": {
        "en": "6.4.2 Weight decay",
        "ko": "6.4.2 가중치 감소"},
    "book.6.4.3": {
        "en": "6.4.3 Dropout",
        "ko": "6.4.3 드롭아웃"},
    "book.7.2.3": {
        "en": "7.2.3 Padding",
        "ko": "7.2.3 패딩"},
    "book.7.2.4": {
        "en": "7.2.4 Stride (the output size)",
        "ko": "7.2.4 스트라이드(출력 크기)"},
    "book.7.3": {
        "en": "7.3 The pooling layer",
        "ko": "7.3 풀링 계층"},
    "book.7.4.2": {
        "en": "7.4.2 Unfolding data with im2col",
        "ko": "7.4.2 im2col로 데이터 전개하기"},
    "book.7.4.3": {
        "en": "7.4.3 Implementing the convolution layer",
        "ko": "7.4.3 합성곱 계층 구현하기"},
    "book.7.4.4": {
        "en": "7.4.4 Implementing the pooling layer",
        "ko": "7.4.4 풀링 계층 구현하기"},
    "book.7.5": {
        "en": "7.5 Implementing a CNN",
        "ko": "7.5 CNN 구현하기"},

    # ============================================================ command line
    "cli.no_folder": {
        "en": "error: submission folder {path} does not exist",
        "ko": "오류: 제출 폴더 {path|이/가} 없습니다"},
    "cli.notebooks": {
        "en": "error: {path} holds notebooks ({names}) but no common/ folder: the grader reads the modules "
              "(common/layers.py, ch05/two_layer_net.py, ...); put your code into the files of student_template/ and "
              "hand in that folder",
        "ko": "오류: {path}에 노트북은 있지만({names}) common/ 폴더가 없습니다. 채점기는 "
              "모듈(common/layers.py, ch05/two_layer_net.py, ...)을 읽습니다. 코드를 student_template/의 "
              "파일에 옮겨 그 폴더를 제출하세요"},
    "cli.no_common": {
        "en": "error: found none of the graded files (common/layers.py, ch05/two_layer_net.py, ...) in {path} "
              "or the folders inside it: is it a submission laid out like the book's repository?",
        "ko": "오류: {path} 안에서 채점할 파일(common/layers.py, ch05/two_layer_net.py 등)을 하나도 찾지 "
              "못했습니다. 책의 저장소와 같은 구성으로 제출했는지 확인하세요"},
    "cli.grading": {
        "en": "Grading {submission} ({chapters})",
        "ko": "채점 중: {submission} ({chapters})"},
    "cli.grader_fault": {
        "en": "error: the grader itself failed on {count} check(s), first '{check}' (not the submission's fault): "
              "{detail}; grade again, and report it to the kit's maintainers if it persists",
        "ko": "오류: 채점기 자체가 검사 {count}개에서 실패했습니다. 첫 번째는 '{check}'(제출물 문제 아님): {detail}. "
              "다시 채점하고, 계속되면 키트 관리자에게 알려 주세요"},
    "cli.could_not_write": {
        "en": "error: cannot write {path}: {detail}; give a folder you can write to (--json, --report-dir)",
        "ko": "오류: {path}에 쓸 수 없습니다: {detail}. 쓸 수 있는 폴더를 지정하세요(--json, --report-dir)"},
    "cli.could_not_run": {
        "en": "error: grading could not run: {detail}",
        "ko": "오류: 채점을 실행할 수 없습니다: {detail}"},
    "cli.pictures_failed": {
        "en": "warning: the pictures could not be drawn ({detail})",
        "ko": "경고: 그림을 그리지 못했습니다({detail})"},

    # ============================================================ grading a class
    "batch.zip_files": {
        "en": "the zip holds {count} files (limit {limit})",
        "ko": "zip 파일에 파일이 {count}개 있습니다(한도 {limit}개)"},
    "batch.zip_bytes": {
        "en": "the zip unpacks to more than 200 MB",
        "ko": "zip 파일을 풀면 200 MB가 넘습니다"},
    "batch.zip_outside": {
        "en": "the zip holds a path outside its folder: {name}",
        "ko": "zip 파일에 폴더 밖을 가리키는 경로가 있습니다: {name}"},
    "batch.zip_unreadable": {
        "en": "the zip cannot be read ({detail})",
        "ko": "zip 파일을 읽을 수 없습니다({detail})"},
    "batch.failed": {
        "en": "grading failed",
        "ko": "채점에 실패했습니다"},
    "batch.too_long": {
        "en": "grading took longer than {seconds:g} s",
        "ko": "채점이 {seconds:g}초보다 오래 걸렸습니다"},
    "batch.could_not_grade": {
        "en": "Could not grade this submission: {problem}",
        "ko": "이 제출물을 채점하지 못했습니다: {problem}"},
    "batch.not_yet": {
        "en": "not graded yet",
        "ko": "아직 채점하지 않음"},
    "batch.progress": {
        "en": "{done}/{total} graded, {failed} not graded, about {left:.0f} s left ({name})",
        "ko": "{total}명 중 {done}명 채점, {failed}명 채점 불가, 약 {left:.0f}초 남음({name})"},
    "batch.duplicates": {
        "en": "error: two submissions share the name(s) {names} (a folder and a zip?)",
        "ko": "오류: 두 제출물의 이름이 같습니다: {names}(폴더와 zip 파일?)"},
    "mnist.warning": {
        "en": "warning: MNIST could not be loaded: {detail}",
        "ko": "경고: MNIST를 불러오지 못했습니다: {detail}"},
    "batch.too_large": {
        "en": "not graded: too large ({found}; the limits are {limit})",
        "ko": "채점하지 않음: 제출물이 너무 큽니다(발견: {found}; 한도: {limit})"},
    "batch.found_deep": {
        "en": "folders nested more than {depth} deep, at {path}",
        "ko": "{depth}단계보다 깊이 중첩된 폴더, 위치 {path}"},
    "batch.found_files": {
        "en": "more than {count} files",
        "ko": "파일 개수가 {count}개 초과"},
    "batch.found_bytes": {
        "en": "more than {size} MiB of files, at {path}",
        "ko": "파일 크기 합계가 {size} MiB 초과, 위치 {path}"},
    "batch.limits": {
        "en": "{depth} folder levels, {count} files, {size} MiB",
        "ko": "폴더 깊이 {depth}단계, 파일 {count}개, {size} MiB"},
    "batch.skipped_special": {
        "en": "{count} links or special files were not read (first: {path})",
        "ko": "링크나 특수 파일 {count}개를 읽지 않았습니다(첫 번째: {path})"},
    "batch.unexpected": {
        "en": "not graded: the grader could not handle this submission ({detail})",
        "ko": "채점하지 않음: 채점기가 이 제출물을 처리하지 못했습니다({detail})"},
    "batch.skipped_hidden": {
        "en": "skipped: a hidden entry (its name starts with a dot)",
        "ko": "건너뜀: 숨김 항목(이름이 점으로 시작)"},
    "batch.skipped_other": {
        "en": "skipped: neither a folder nor a .zip file",
        "ko": "건너뜀: 폴더도 .zip 파일도 아님"},
    "batch.skipped_link": {
        "en": "skipped: a symbolic link (copy the submission itself into the folder)",
        "ko": "건너뜀: 심볼릭 링크(제출물 자체를 폴더에 복사하세요)"},
    "batch.look_alike": {
        "en": "look-alike name: check by hand that these are different students: {names}",
        "ko": "비슷해 보이는 이름: 서로 다른 학생인지 직접 확인하세요: {names}"},
    "batch.hidden_characters": {
        "en": "the name contains invisible or control characters (shown as escapes)",
        "ko": "이름에 보이지 않는 문자나 제어 문자가 있습니다(이스케이프로 표시)"},
    "batch.skipped_heading": {
        "en": "Not submissions (skipped):",
        "ko": "제출물이 아닌 항목(건너뜀):"},
    "batch.flags_heading": {
        "en": "Names to check by hand:",
        "ko": "직접 확인할 이름:"},
    "class.skipped": {
        "en": "Skipped (not submissions): {names}",
        "ko": "건너뛴 항목(제출물 아님): {names}"},
    "class.flagged": {
        "en": "Names to check by hand (look-alike or with hidden characters): {names}",
        "ko": "직접 확인할 이름(비슷해 보이거나 숨은 문자가 있음): {names}"},
    "batch.not_a_folder": {
        "en": "error: {path} is not a folder",
        "ko": "오류: {path|은/는} 폴더가 아닙니다"},
    "batch.summary": {
        "en": "{students} students, {graded} graded in this run; grades in {path}",
        "ko": "학생 {students}명 중 이번에 {graded}명을 채점했습니다. 점수는 {path}에 있습니다"},
    "batch.class_report": {
        "en": "class report in {path}",
        "ko": "반 전체 보고서는 {path}에 있습니다"},
    "batch.not_graded_heading": {
        "en": "Could not be graded:",
        "ko": "채점하지 못한 제출물:"},

    # ============================================================ the class report
    "class.title": {
        "en": "# Class report",
        "ko": "# 반 전체 보고서"},
    "class.summary": {
        "en": "{graded} of {students} students graded ({chapters}).",
        "ko": "학생 {students}명 중 {graded}명을 채점했습니다({chapters})."},
    "class.not_graded": {
        "en": "Not graded: {names}",
        "ko": "채점하지 못한 학생: {names}"},
    "class.scores_heading": {
        "en": "## Scores",
        "ko": "## 점수"},
    "class.scores_header": {
        "en": "| chapter | students | mean | median | min | max |",
        "ko": "| 장 | 학생 수 | 평균 | 중앙값 | 최저 | 최고 |"},
    "class.histogram_heading": {
        "en": "Scores of {chapter} (students per tenth of {possible} points):",
        "ko": "{chapter}의 점수 분포({possible}점을 10구간으로 나눈 학생 수):"},
    "class.histogram_alt": {
        "en": "scores of {chapter}",
        "ko": "{chapter}의 점수 분포"},
    "class.diagnoses_heading": {
        "en": "## Most frequent mistakes",
        "ko": "## 가장 흔한 실수"},
    "class.diagnoses_intro": {
        "en": "The mistakes the grader diagnosed where points were lost, by the number of students who made them "
              "(what to re-teach first):",
        "ko": "점수를 잃은 곳에서 채점기가 진단한 실수를, 그 실수를 한 학생 수 순으로 정리했습니다(먼저 다시 가르칠 "
              "내용):"},
    "class.diagnoses_header": {
        "en": "| mistake | id | students | where (check, students) |",
        "ko": "| 실수 | id | 학생 수 | 위치(검사, 학생 수) |"},
    "class.no_diagnoses": {
        "en": "No diagnosed mistakes.",
        "ko": "진단된 실수가 없습니다."},

    # ============================================================ pictures
    "pictures.check_title": {
        "en": "{chapter}: {name}",
        "ko": "{chapter}: {name}"},
    "pictures.two_lines": {
        "en": "{first}\n{second}",
        "ko": "{first}\n{second}"},
    "pictures.gradient_title": {
        "en": "relative error of {what} (0: right, 1: wrong)",
        "ko": "{what}의 상대 오차(0: 맞음, 1: 틀림)"},
    "pictures.iteration": {
        "en": "iteration",
        "ko": "반복 횟수"},
    "pictures.loss": {
        "en": "training loss",
        "ko": "학습 손실"},
    "pictures.loss_not_finite": {
        "en": "loss becomes nan/inf",
        "ko": "손실이 nan/inf가 됨"},
    "pictures.accuracy": {
        "en": "accuracy",
        "ko": "정확도"},
    "pictures.train_acc": {
        "en": "train accuracy",
        "ko": "훈련 데이터 정확도"},
    "pictures.test_acc": {
        "en": "test accuracy",
        "ko": "시험 데이터 정확도"},
    "pictures.threshold": {
        "en": "required {value:.0%}",
        "ko": "기준 {value:.0%}"},
    "pictures.relative_error": {
        "en": "relative error",
        "ko": "상대 오차"},
    "pictures.rows": {
        "en": "row (first axis)",
        "ko": "행(첫 번째 축)"},
    "pictures.columns": {
        "en": "column",
        "ko": "열"},
    "pictures.axes_after_first": {
        "en": "the other axes, flattened",
        "ko": "나머지 축(평탄화)"},
    "pictures.scores_title": {
        "en": "{chapter}: scores of {n} students",
        "ko": "{chapter}: 학생 {n}명의 점수"},
    "pictures.score": {
        "en": "score",
        "ko": "점수"},
    "pictures.students": {
        "en": "students",
        "ko": "학생 수"},
    "pictures.mean": {
        "en": "mean {value:.1f}",
        "ko": "평균 {value:.1f}"},

    # ============================================================ chapter 4 (and 3)
    "check.ch04.activation_values": {
        "en": "step_function, sigmoid, relu and identity_function give the right values",
        "ko": "step_function, sigmoid, relu, identity_function이 올바른 값을 낸다"},
    "check.ch04.activation_derivatives": {
        "en": "sigmoid_grad and relu_grad are the derivatives",
        "ko": "sigmoid_grad와 relu_grad가 도함수와 같다"},
    "check.ch04.softmax_sums": {
        "en": "softmax rows are probabilities that sum to 1",
        "ko": "softmax의 각 행은 합이 1인 확률이다"},
    "check.ch04.softmax_values": {
        "en": "softmax equals exp(x) / sum(exp(x)) per row, whatever constant is added to a row",
        "ko": "softmax는 행마다 exp(x) / sum(exp(x))이며, 행에 어떤 상수를 더해도 값이 같다"},
    "check.ch04.softmax_overflow": {
        "en": "softmax does not overflow for logits of 1000",
        "ko": "softmax는 입력이 1000이어도 오버플로하지 않는다"},
    "check.ch04.cross_entropy_one_hot": {
        "en": "cross_entropy_error with one-hot targets is averaged over the batch",
        "ko": "원-핫 정답을 받은 cross_entropy_error는 배치 평균이다"},
    "check.ch04.cross_entropy_labels": {
        "en": "cross_entropy_error with label targets is averaged over the batch",
        "ko": "정답 레이블을 받은 cross_entropy_error는 배치 평균이다"},
    "check.ch04.cross_entropy_zero": {
        "en": "cross_entropy_error is finite when a probability is 0",
        "ko": "확률이 0이어도 cross_entropy_error는 유한하다"},
    "check.ch04.mean_squared": {
        "en": "mean_squared_error is 0.5 * sum((y - t)**2)",
        "ko": "mean_squared_error는 0.5 * sum((y - t)**2)이다"},
    "check.ch04.numerical_gradient_1d": {
        "en": "numerical_gradient on 1-D input matches the known derivatives",
        "ko": "1차원 입력에서 numerical_gradient가 알려진 도함수와 일치한다"},
    "check.ch04.numerical_gradient_nd": {
        "en": "numerical_gradient on N-D input matches the known derivatives",
        "ko": "N차원 입력에서 numerical_gradient가 알려진 도함수와 일치한다"},
    "check.ch04.numerical_gradient_restores": {
        "en": "numerical_gradient leaves x unchanged",
        "ko": "numerical_gradient는 x를 바꾸지 않는다"},
    "ch04.activation.step": {
        "en": "step_function is 1 where x > 0, else 0",
        "ko": "step_function은 x > 0인 곳에서 1, 나머지에서 0"},
    "ch04.activation.sigmoid": {
        "en": "sigmoid = 1 / (1 + exp(-x)) for any shape",
        "ko": "어떤 형상이든 sigmoid = 1 / (1 + exp(-x))"},
    "ch04.activation.sigmoid_large": {
        "en": "sigmoid of -1000 and 1000 is 0 and 1, not nan",
        "ko": "sigmoid(-1000)과 sigmoid(1000)은 nan이 아니라 0과 1"},
    "ch04.activation.relu": {
        "en": "relu = max(0, x)",
        "ko": "relu = max(0, x)"},
    "ch04.activation.identity": {
        "en": "identity_function returns x",
        "ko": "identity_function은 x를 그대로 돌려준다"},
    "ch04.derivative.sigmoid": {
        "en": "sigmoid_grad(x) = s * (1 - s), s = sigmoid(x)",
        "ko": "sigmoid_grad(x) = s * (1 - s), 여기서 s = sigmoid(x)"},
    "ch04.derivative.relu": {
        "en": "relu_grad(x) is 1 where x > 0 and 0 where x < 0, in x's shape",
        "ko": "relu_grad(x)는 x와 같은 형상이고, x > 0인 곳에서 1, x < 0인 곳에서 0"},
    "ch04.what.softmax_of_shape": {
        "en": "softmax(x) for x of shape {shape}",
        "ko": "형상이 {shape}인 x의 softmax(x)"},
    "ch04.what.softmax_row_sums": {
        "en": "row sums of softmax(x), x of shape {shape}",
        "ko": "softmax(x)의 행별 합(x의 형상 {shape})"},
    "ch04.softmax.negative": {
        "en": "softmax(x) has negative entries for x of shape {shape}",
        "ko": "형상이 {shape}인 x에 대해 softmax(x)에 음수가 있습니다"},
    "ch04.softmax.order": {
        "en": "softmax(x) does not give the largest logit the largest probability (x of shape {shape})",
        "ko": "softmax(x)가 가장 큰 입력에 가장 큰 확률을 주지 않습니다(x의 형상 {shape})"},
    "ch04.softmax.case.rows": {
        "en": "each row of a 2-D batch sums to 1 (batch of 1, odd sizes)",
        "ko": "2차원 배치의 각 행의 합이 1(배치 크기 1, 홀수 크기 포함)"},
    "ch04.softmax.case.one_d": {
        "en": "a 1-D input sums to 1",
        "ko": "1차원 입력의 합이 1"},
    "ch04.softmax.case.values": {
        "en": "values per row of a batch",
        "ko": "배치의 행마다 계산한 값"},
    "ch04.softmax.case.values_1d": {
        "en": "values of a 1-D input",
        "ko": "1차원 입력의 값"},
    "ch04.what.softmax_1d": {
        "en": "softmax(x) for 1-D x",
        "ko": "1차원 x의 softmax(x)"},
    "ch04.softmax.case.shift": {
        "en": "adding a different constant to each row changes nothing",
        "ko": "행마다 다른 상수를 더해도 결과가 같음"},
    "ch04.overflow.case.batch": {
        "en": "a batch with logits around +-1000",
        "ko": "값이 ±1000 근처인 배치"},
    "ch04.overflow.case.one_d": {
        "en": "a 1-D input with logits around 1000",
        "ko": "값이 1000 근처인 1차원 입력"},
    "ch04.what.softmax_large": {
        "en": "softmax of large logits",
        "ko": "큰 입력의 softmax"},
    "ch04.what.softmax_large_1d": {
        "en": "softmax of large 1-D logits",
        "ko": "큰 1차원 입력의 softmax"},
    "ch04.loss.case.batch": {
        "en": "batch of {n}",
        "ko": "배치 크기 {n}"},
    "ch04.loss.case.one_d": {
        "en": "one sample given as 1-D arrays",
        "ko": "1차원 배열로 주어진 샘플 하나"},
    "ch04.what.loss_batch": {
        "en": "loss for a batch of {n}",
        "ko": "배치 크기 {n}의 손실"},
    "ch04.what.loss_1d": {
        "en": "loss of one 1-D sample",
        "ko": "1차원 샘플 하나의 손실"},
    "ch04.what.loss_labels": {
        "en": "loss for labels, batch of {n}",
        "ko": "정답 레이블로 구한 배치 크기 {n}의 손실"},
    "ch04.loss.case.labels_one_hot": {
        "en": "labels and one-hot targets give the same loss",
        "ko": "정답 레이블과 원-핫 정답이 같은 손실을 냄"},
    "ch04.what.loss_with_labels": {
        "en": "loss with labels",
        "ko": "정답 레이블로 구한 손실"},
    "ch04.what.loss_with_one_hot": {
        "en": "loss with one-hot",
        "ko": "원-핫 정답으로 구한 손실"},
    "ch04.what.loss_labels_vs_one_hot": {
        "en": "loss with labels compared with one-hot",
        "ko": "원-핫 정답과 비교한 정답 레이블의 손실"},
    "ch04.zero.case.target_zero": {
        "en": "target class with probability 0",
        "ko": "정답 클래스의 확률이 0"},
    "ch04.zero.case.perfect": {
        "en": "perfect prediction gives a loss near 0",
        "ko": "완벽한 예측의 손실은 0에 가까움"},
    "ch04.zero.small_loss": {
        "en": "loss is {loss:.4g}: a target probability of 0 must give a large loss",
        "ko": "손실이 {loss:.4g}입니다. 정답 확률이 0이면 손실이 커야 합니다"},
    "ch04.zero.not_zero": {
        "en": "loss is {loss:.4g}, expected about 0",
        "ko": "손실이 {loss:.4g}입니다. 0에 가까워야 합니다"},
    "ch04.mse.case.one": {
        "en": "one sample",
        "ko": "샘플 하나"},
    "ch04.mse.case.batch": {
        "en": "a batch",
        "ko": "배치"},
    "ch04.numgrad.case.known": {
        "en": "f(x) = x0**2 + x1**2 at (3, 4) gives (6, 8)",
        "ko": "(3, 4)에서 f(x) = x0**2 + x1**2의 기울기는 (6, 8)"},
    "ch04.numgrad.case.central": {
        "en": "f(x) = sum(x**3): central, not forward, differences",
        "ko": "f(x) = sum(x**3): 전방 차분이 아니라 중심 차분"},
    "ch04.numgrad.case.shape": {
        "en": "f(x) = sum(exp(x)) on shape {shape}",
        "ko": "형상 {shape}에서 f(x) = sum(exp(x))"},
    "ch04.numgrad.case.closure": {
        "en": "f reads x through a closure (the book's lambda W: net.loss(x, t))",
        "ko": "f가 클로저로 x를 읽는 경우(책의 lambda W: net.loss(x, t))"},
    "ch04.what.gradient_closure": {
        "en": "gradient when f ignores its argument",
        "ko": "f가 인수를 쓰지 않을 때의 기울기"},
    "ch04.numgrad.case.restored": {
        "en": "x holds its values afterwards",
        "ko": "호출 후에도 x의 값이 그대로"},
    "ch04.what.x_after": {
        "en": "x after numerical_gradient",
        "ko": "numerical_gradient 호출 후의 x"},

    # ============================================================ chapter 5
    "check.ch05.mul_layer": {
        "en": "MulLayer.forward gives x * y and backward gives (dout * y, dout * x)",
        "ko": "MulLayer의 순전파는 x * y, 역전파는 (dout * y, dout * x)를 낸다"},
    "check.ch05.add_layer": {
        "en": "AddLayer.forward gives x + y and backward gives (dout, dout)",
        "ko": "AddLayer의 순전파는 x + y, 역전파는 (dout, dout)을 낸다"},
    "check.ch05.relu_forward": {
        "en": "Relu.forward gives max(0, x) for any shape",
        "ko": "Relu의 순전파는 어떤 형상이든 max(0, x)를 낸다"},
    "check.ch05.relu_input": {
        "en": "Relu.forward leaves its input unchanged",
        "ko": "Relu의 순전파는 입력을 바꾸지 않는다"},
    "check.ch05.relu_backward": {
        "en": "Relu.backward matches the numerical gradient",
        "ko": "Relu의 역전파가 수치 미분으로 구한 기울기와 일치한다"},
    "check.ch05.sigmoid_forward": {
        "en": "Sigmoid.forward gives 1 / (1 + exp(-x)) for any shape",
        "ko": "Sigmoid의 순전파는 어떤 형상이든 1 / (1 + exp(-x))를 낸다"},
    "check.ch05.sigmoid_backward": {
        "en": "Sigmoid.backward matches the numerical gradient",
        "ko": "Sigmoid의 역전파가 수치 미분으로 구한 기울기와 일치한다"},
    "check.ch05.affine_forward": {
        "en": "Affine.forward gives x @ W + b, flattening N-D input",
        "ko": "Affine의 순전파는 N차원 입력을 평탄화하여 x @ W + b를 낸다"},
    "check.ch05.affine_backward_dx": {
        "en": "Affine.backward returns dx in the input's shape, matching the numerical gradient",
        "ko": "Affine의 역전파는 입력과 같은 형상의 dx를 돌려주며, 수치 미분으로 구한 기울기와 일치한다"},
    "check.ch05.affine_backward_params": {
        "en": "Affine.backward sets dW and db matching the numerical gradient",
        "ko": "Affine의 역전파가 수치 미분으로 구한 기울기와 일치하는 dW와 db를 저장한다"},
    "check.ch05.softmax_with_loss_forward": {
        "en": "SoftmaxWithLoss.forward gives the mean cross-entropy of softmax(x)",
        "ko": "SoftmaxWithLoss의 순전파는 softmax(x)의 교차 엔트로피 오차 평균을 낸다"},
    "check.ch05.softmax_with_loss_backward": {
        "en": "SoftmaxWithLoss.backward gives (y - t) / N, the numerical gradient of the loss",
        "ko": "SoftmaxWithLoss의 역전파는 손실의 수치 미분 기울기인 (y - t) / N을 낸다"},
    "check.ch05.net_api": {
        "en": "TwoLayerNet has the book's params, layers and methods",
        "ko": "TwoLayerNet에 책과 같은 params, layers, 메서드가 있다"},
    "check.ch05.net_outputs": {
        "en": "TwoLayerNet predict, loss and accuracy match Affine-Relu-Affine-Softmax",
        "ko": "TwoLayerNet의 predict, loss, accuracy가 Affine-Relu-Affine-Softmax와 일치한다"},
    "check.ch05.net_gradient": {
        "en": "TwoLayerNet.gradient matches the numerical gradient for W1, b1, W2 and b2",
        "ko": "TwoLayerNet.gradient가 W1, b1, W2, b2 모두 수치 미분으로 구한 기울기와 일치한다"},
    "check.ch05.net_shared": {
        "en": "TwoLayerNet layers share the arrays of params (in-place updates reach predict)",
        "ko": "TwoLayerNet의 계층이 params의 배열을 공유한다(제자리 갱신이 predict에 반영된다)"},
    "check.ch05.net_numerical_gradient": {
        "en": "TwoLayerNet.numerical_gradient approximates the gradient of the loss",
        "ko": "TwoLayerNet.numerical_gradient가 손실 함수의 기울기를 근사한다"},
    "check.ch05.layer_state": {
        "en": "Relu, Sigmoid, Affine and SoftmaxWithLoss keep their own state per instance and per forward pass",
        "ko": "Relu, Sigmoid, Affine, SoftmaxWithLoss 계층이 인스턴스마다, 순전파마다 자기 상태를 따로 유지한다"},
    "check.ch05.net_mnist": {
        "en": "TwoLayerNet learns MNIST with SGD and backpropagation",
        "ko": "TwoLayerNet이 SGD와 오차역전파법으로 MNIST를 학습한다"},
    "ch05.pair.one": {
        "en": "{what} returns one value; expected the pair (dx, dy)",
        "ko": "{what|이/가} 값 하나를 돌려줍니다. (dx, dy) 쌍을 돌려줘야 합니다"},
    "ch05.pair.many": {
        "en": "{what} returns {n} values; expected the pair (dx, dy)",
        "ko": "{what|이/가} 값 {n}개를 돌려줍니다. (dx, dy) 쌍을 돌려줘야 합니다"},
    "ch05.mul.case.apples": {
        "en": "the book's apples: 100 * 2 * 1.1 = 220, and backward of dout = 1",
        "ko": "책의 사과 쇼핑 예: 100 * 2 * 1.1 = 220, 그리고 dout = 1의 역전파"},
    "ch05.what.d_tax": {
        "en": "d tax (the other input, 200, times dout = 1)",
        "ko": "소비세의 미분(다른 쪽 입력 200 곱하기 dout = 1)"},
    "ch05.what.d_apple_price": {
        "en": "d apple_price (the other input, 1.1, times dout = 1)",
        "ko": "apple_price의 미분(다른 쪽 입력 1.1 곱하기 dout = 1)"},
    "ch05.what.d_price": {
        "en": "d price (count 2 times dout 1.1)",
        "ko": "사과 가격의 미분(개수 2 곱하기 dout 1.1)"},
    "ch05.what.d_count": {
        "en": "d count (price 100 times dout 1.1)",
        "ko": "사과 개수의 미분(가격 100 곱하기 dout 1.1)"},
    "ch05.case.arrays": {
        "en": "arrays x, y of shape {shape} and a random dout",
        "ko": "형상이 {shape}인 배열 x, y와 무작위 dout"},
    "ch05.what.should_be": {
        "en": "{name} (should be {formula})",
        "ko": "{name}({formula|이어야/여야} 함)"},
    "ch05.add.case.fruit": {
        "en": "the book's fruit: 200 + 450 = 650, and backward of dout = 1.1",
        "ko": "책의 과일 쇼핑 예: 200 + 450 = 650, 그리고 dout = 1.1의 역전파"},
    "ch05.what.forward_shape": {
        "en": "forward(x) for x of shape {shape}",
        "ko": "형상이 {shape}인 x의 forward(x)"},
    "ch05.case.shapes": {
        "en": "shapes from 1-D to 4-D (batch of 1, odd sizes)",
        "ko": "1차원부터 4차원까지의 형상(배치 크기 1, 홀수 크기 포함)"},
    "ch05.relu.case.zeros": {
        "en": "zeros stay zero",
        "ko": "0은 0으로 남음"},
    "ch05.what.forward_zeros": {
        "en": "forward(x) for x with zeros",
        "ko": "0이 들어 있는 x의 forward(x)"},
    "ch05.relu.case.unchanged": {
        "en": "x of shape {shape} holds its values after forward and backward",
        "ko": "순전파와 역전파 후에도 형상이 {shape}인 x의 값이 그대로"},
    "ch05.relu.wrote_into_x": {
        "en": "forward(x) wrote into x",
        "ko": "forward(x)가 x에 값을 덮어썼습니다"},
    "ch05.what.dx_shape": {
        "en": "dx for x of shape {shape}",
        "ko": "형상이 {shape}인 x에 대한 dx"},
    "ch05.relu.case.backward": {
        "en": "dx is dout where x > 0 and 0 elsewhere, for a (5, 7) batch and a random dout",
        "ko": "(5, 7) 배치와 무작위 dout에서 dx는 x > 0인 곳에서 dout, 나머지에서 0"},
    "ch05.case.dout_shapes": {
        "en": "random dout, shapes from 1-D to 4-D (batch of 1, odd sizes)",
        "ko": "무작위 dout, 1차원부터 4차원까지의 형상(배치 크기 1, 홀수 크기 포함)"},
    "ch05.what.x_after_forward": {
        "en": "x after forward (forward must not change its input)",
        "ko": "순전파 후의 x(순전파는 입력을 바꾸면 안 됨)"},
    "ch05.what.forward_affine": {
        "en": "forward(x) for x of shape {x}, W {W}",
        "ko": "형상이 {x}인 x와 {W}인 W의 forward(x)"},
    "ch05.affine.case.2d": {
        "en": "2-D x (batch of 1, odd sizes)",
        "ko": "2차원 x(배치 크기 1, 홀수 크기 포함)"},
    "ch05.affine.case.nd": {
        "en": "N-D x (N, d1, d2, ...) is flattened to (N, d1*d2*...)",
        "ko": "N차원 x (N, d1, d2, ...)를 (N, d1*d2*...)로 평탄화"},
    "ch05.affine.case.unchanged": {
        "en": "x, W and b hold their shapes and values afterwards",
        "ko": "호출 후에도 x, W, b의 형상과 값이 그대로"},
    "ch05.what.after_forward_backward": {
        "en": "{name} after forward and backward (the layer must not change it)",
        "ko": "순전파와 역전파 후의 {name}(계층이 바꾸면 안 됨)"},
    "ch05.affine.case.2d_dout": {
        "en": "2-D x (batch of 1, odd sizes), random dout",
        "ko": "2차원 x(배치 크기 1, 홀수 크기 포함), 무작위 dout"},
    "ch05.affine.case.4d_dx": {
        "en": "4-D x (N, C, H, W): dx comes back as (N, C, H, W)",
        "ko": "4차원 x (N, C, H, W): dx도 (N, C, H, W)로 돌려줌"},
    "ch05.what.param_affine": {
        "en": "{key} for x of shape {x}, W {W}",
        "ko": "형상이 {x}인 x와 {W}인 W에 대한 {key}"},
    "ch05.affine.dW_shape": {
        "en": "dW has W's shape (D, M)",
        "ko": "dW는 W와 같은 형상 (D, M)"},
    "ch05.affine.db_shape": {
        "en": "db has b's shape (M,)",
        "ko": "db는 b와 같은 형상 (M,)"},
    "ch05.affine.case.param_2d": {
        "en": "{what}: 2-D x (batch of 1, odd sizes), random dout",
        "ko": "{what}: 2차원 x(배치 크기 1, 홀수 크기 포함), 무작위 dout"},
    "ch05.affine.case.param_4d": {
        "en": "{key} for 4-D x (N, C, H, W)",
        "ko": "4차원 x (N, C, H, W)에 대한 {key}"},
    "ch05.swl.case.one_hot": {
        "en": "one-hot targets, batch of {n}",
        "ko": "원-핫 정답, 배치 크기 {n}"},
    "ch05.swl.case.labels": {
        "en": "label targets, batch of {n}",
        "ko": "정답 레이블, 배치 크기 {n}"},
    "ch05.what.the_loss": {
        "en": "the loss",
        "ko": "손실"},
    "ch05.swl.not_one_number": {
        "en": "forward returns an array of shape {shape}; expected one number, the loss averaged over the batch",
        "ko": "순전파가 형상 {shape}의 배열을 돌려줍니다. 배치 평균 손실인 수 하나를 돌려줘야 합니다"},
    "ch05.what.dx_batch": {
        "en": "dx for a batch of {n}",
        "ko": "배치 크기 {n}의 dx"},
    "ch05.net.params_not_dict": {
        "en": "net.params is a {kind}, not a dict",
        "ko": "net.params가 딕셔너리가 아니라 {kind}입니다"},
    "ch05.net.case.builds": {
        "en": "TwoLayerNet(input_size, hidden_size, output_size, weight_init_std) builds a network",
        "ko": "TwoLayerNet(input_size, hidden_size, output_size, weight_init_std)로 신경망을 만들 수 있음"},
    "ch05.net.case.params": {
        "en": "params holds W1 (input, hidden), b1 (hidden,), W2 (hidden, output), b2 (output,)",
        "ko": "params에 W1 (input_size, hidden_size), b1 (hidden_size,), W2 (hidden_size, output_size), b2 "
              "(output_size,)가 있음"},
    "ch05.net.no_params": {
        "en": "net.params is missing or not a dict",
        "ko": "net.params가 없거나 딕셔너리가 아닙니다"},
    "ch05.net.params_missing": {
        "en": "net.params has no {missing} (keys: {keys})",
        "ko": "net.params에 {missing|이/가} 없습니다(있는 키: {keys})"},
    "ch05.net.param_shape": {
        "en": "params['{key}'] has shape {shape}, expected {expected} for TwoLayerNet(40, 30, 10)",
        "ko": "TwoLayerNet(40, 30, 10)의 params['{key}'] 형상이 {shape}입니다. {expected|이어야/여야} 합니다"},
    "ch05.net.case.layers": {
        "en": "layers holds Affine1, Relu1, Affine2 in this order; lastLayer is the loss layer",
        "ko": "layers에 Affine1, Relu1, Affine2가 이 순서로 있고, lastLayer가 손실 계층"},
    "ch05.net.no_layers": {
        "en": "net.layers is missing or not a dict (the book uses an OrderedDict)",
        "ko": "net.layers가 없거나 딕셔너리가 아닙니다(책은 OrderedDict를 씁니다)"},
    "ch05.net.layer_keys": {
        "en": "net.layers has keys {keys}, expected ['Affine1', 'Relu1', 'Affine2']",
        "ko": "net.layers의 키가 {keys}입니다. ['Affine1', 'Relu1', 'Affine2']이어야 합니다"},
    "ch05.net.layer_methods": {
        "en": "every entry of net.layers needs forward and backward methods",
        "ko": "net.layers의 모든 계층에 forward와 backward 메서드가 있어야 합니다"},
    "ch05.net.no_last_layer": {
        "en": "net.lastLayer is missing or has no forward/backward (the book names it lastLayer in chapter 5, "
              "last_layer later; either is accepted)",
        "ko": "net.lastLayer가 없거나 forward/backward가 없습니다(책에서는 5장에서 lastLayer, 그 뒤로는 last_layer라는 "
              "이름을 씁니다. 둘 다 인정합니다)"},
    "ch05.net.case.methods": {
        "en": "predict, loss, accuracy, numerical_gradient and gradient are methods",
        "ko": "predict, loss, accuracy, numerical_gradient, gradient가 메서드로 있음"},
    "ch05.net.no_method": {
        "en": "TwoLayerNet has no method {names}",
        "ko": "TwoLayerNet에 {names} 메서드가 없습니다"},
    "ch05.net.case.init": {
        "en": "weights have standard deviation weight_init_std (0.01 by default), biases start at 0",
        "ko": "가중치의 표준편차는 weight_init_std(기본값 0.01), 편향은 0에서 시작"},
    "ch05.net.params_missing_some": {
        "en": "net.params is missing W1, b1, W2 or b2",
        "ko": "net.params에 W1, b1, W2, b2 중 일부가 없습니다"},
    "ch05.net.init_std": {
        "en": "params['{key}'] has standard deviation {std:.3g} with the default weight_init_std=0.01",
        "ko": "기본값 weight_init_std=0.01에서 params['{key}']의 표준편차가 {std:.3g}입니다"},
    "ch05.net.init_std_other_default": {
        "en": "params['{key}'] has standard deviation {std:.3g} because weight_init_std defaults to {default:g} "
              "in your TwoLayerNet; the book's default is 0.01",
        "ko": "작성한 TwoLayerNet에서 weight_init_std의 기본값을 다르게 정해서 params['{key}']의 표준편차가 "
              "0.01 근처가 아닙니다. 책의 기본값 0.01을 쓰세요 (표준편차: {std:.3g}, 기본값: {default:g})"},
    "ch05.net.init_std_no_default": {
        "en": "params['{key}'] has standard deviation {std:.3g} for TwoLayerNet(input_size, hidden_size, "
              "output_size), built without weight_init_std: the book's default draws weights with std 0.01",
        "ko": "weight_init_std 없이 TwoLayerNet(input_size, hidden_size, output_size)로 만들었을 때 "
              "params['{key}']의 표준편차가 0.01 근처가 아닙니다(표준편차: {std:.3g}). 책의 기본값은 0.01입니다"},
    "hidden.state.missing": {
        "en": "{what} is missing",
        "ko": "다음 값이 없습니다: {what}"},
    "hidden.state.case.relu": {
        "en": "two Relu layers: forward a, forward b, backward a, backward b",
        "ko": "Relu 계층 두 개: a 순전파, b 순전파, a 역전파, b 역전파"},
    "hidden.state.case.sigmoid": {
        "en": "two Sigmoid layers: forward a, forward b, backward a, backward b",
        "ko": "Sigmoid 계층 두 개: a 순전파, b 순전파, a 역전파, b 역전파"},
    "hidden.state.case.affine": {
        "en": "two Affine layers: forward a, forward b (4-D input), backward a, backward b",
        "ko": "Affine 계층 두 개: a 순전파, b 순전파(4차원 입력), a 역전파, b 역전파"},
    "hidden.state.case.softmax": {
        "en": "two SoftmaxWithLoss layers with batches of 5 and 2: forward a, forward b, backward a, backward b",
        "ko": "배치 크기 5와 2인 SoftmaxWithLoss 계층 두 개: a 순전파, b 순전파, a 역전파, b 역전파"},
    "hidden.state.case.second_forward": {
        "en": "one Relu and one Affine: a second forward on another batch, then backward",
        "ko": "Relu 하나와 Affine 하나: 다른 배치로 두 번째 순전파를 한 뒤 역전파"},
    "hidden.state.what.dx": {
        "en": "dx of {cls} {n}",
        "ko": "{n}번째 {cls} 계층의 dx"},
    "hidden.state.what.attributes": {
        "en": "the attributes of {cls} {n}",
        "ko": "{n}번째 {cls} 계층의 속성"},
    "hidden.state.what.relu_own_mask": {
        "en": "dx of Relu {n} (its own mask, not the other layer's)",
        "ko": "{n}번째 Relu 계층의 dx(다른 계층이 아닌 자신의 마스크로 계산)"},
    "hidden.state.what.sigmoid_own_output": {
        "en": "dx of Sigmoid {n} (its own output, not the other layer's)",
        "ko": "{n}번째 Sigmoid 계층의 dx(다른 계층이 아닌 자신의 출력으로 계산)"},
    "hidden.state.what.affine_own_shape": {
        "en": "dx of Affine {n} (in the shape of its own input {shape})",
        "ko": "{n}번째 Affine 계층의 dx(자신의 입력 형상 {shape} 그대로)"},
    "hidden.state.what.dW": {
        "en": "dW of Affine {n}",
        "ko": "{n}번째 Affine 계층의 dW"},
    "hidden.state.what.softmax_batch": {
        "en": "dx of SoftmaxWithLoss {n} (batch of {batch})",
        "ko": "{n}번째 SoftmaxWithLoss 계층의 dx(배치 크기: {batch})"},
    "hidden.state.what.relu_latest": {
        "en": "dx of Relu after two forward passes (the mask of the latest)",
        "ko": "순전파를 두 번 한 뒤 Relu 계층의 dx(마지막 순전파의 마스크로 계산)"},
    "hidden.state.what.affine_latest": {
        "en": "dx of Affine after two forward passes (the input of the latest, in its shape {shape})",
        "ko": "순전파를 두 번 한 뒤 Affine 계층의 dx(마지막 입력의 형상 {shape} 그대로)"},
    "hidden.state.what.affine_latest_dW": {
        "en": "dW of Affine after two forward passes",
        "ko": "순전파를 두 번 한 뒤 Affine 계층의 dW"},
    "net.own_layers.case": {
        "en": "note, no points: the same with your own layers",
        "ko": "참고(점수 없음): 직접 작성한 계층으로 같은 계산"},
    "net.own_layers": {
        "en": "the network is right on the grader's layers and its points are given for that; it also fails with "
              "your own layers, caused by: {causes} (the checks of those layers above say what to fix)",
        "ko": "채점기의 계층으로는 신경망이 맞으므로 점수는 그대로입니다. 직접 작성한 계층으로는 틀리며, 원인이 되는 "
              "계층: {causes} (위의 계층 검사에서 고칠 점을 확인하세요)"},
    "net.own_layers_together": {
        "en": "the network is right on the grader's layers and its points are given for that; it fails with your "
              "own layers, with no single layer to blame (see the layer checks above)",
        "ko": "채점기의 계층으로는 신경망이 맞으므로 점수는 그대로입니다. 직접 작성한 계층으로는 틀리지만 한 계층만의 "
              "문제는 아닙니다(위의 계층 검사를 확인하세요)"},
    "ch05.net.bias_not_zero": {
        "en": "params['{key}'] does not start at zero",
        "ko": "params['{key}']{|이/가} 0에서 시작하지 않습니다"},
    "ch05.net.params_four_keys": {
        "en": "net.params must hold W1, b1, W2 and b2",
        "ko": "net.params에 W1, b1, W2, b2가 있어야 합니다"},
    "ch05.net.case.predict": {
        "en": "predict(x) = relu(x @ W1 + b1) @ W2 + b2 (scores, before softmax)",
        "ko": "predict(x) = relu(x @ W1 + b1) @ W2 + b2 (소프트맥스 이전의 점수)"},
    "ch05.net.case.loss_one_hot": {
        "en": "loss(x, t) with one-hot targets is the mean cross-entropy of softmax(predict(x))",
        "ko": "원-핫 정답의 loss(x, t)는 softmax(predict(x))의 교차 엔트로피 오차 평균"},
    "ch05.net.case.loss_labels": {
        "en": "loss(x, t) with label targets is the mean cross-entropy of softmax(predict(x))",
        "ko": "정답 레이블의 loss(x, t)는 softmax(predict(x))의 교차 엔트로피 오차 평균"},
    "ch05.what.loss_one_hot": {
        "en": "loss with one-hot targets",
        "ko": "원-핫 정답의 손실"},
    "ch05.what.loss_labels": {
        "en": "loss with label targets",
        "ko": "정답 레이블의 손실"},
    "ch05.net.case.accuracy_one_hot": {
        "en": "accuracy(x, t) with one-hot targets is the fraction of argmax hits",
        "ko": "원-핫 정답의 accuracy(x, t)는 argmax가 맞은 비율"},
    "ch05.net.case.accuracy_labels": {
        "en": "accuracy(x, t) with label targets is the fraction of argmax hits",
        "ko": "정답 레이블의 accuracy(x, t)는 argmax가 맞은 비율"},
    "ch05.what.accuracy_one_hot": {
        "en": "accuracy with one-hot targets",
        "ko": "원-핫 정답의 정확도"},
    "ch05.what.accuracy_labels": {
        "en": "accuracy with label targets",
        "ko": "정답 레이블의 정확도"},
    "ch05.net.grads_not_dict": {
        "en": "{what} returns a {kind}; expected a dict keyed W1, b1, W2, b2",
        "ko": "{what|이/가} {kind|을/를} 돌려줍니다. W1, b1, W2, b2를 키로 하는 딕셔너리여야 합니다"},
    "ch05.net.grads_no_key": {
        "en": "{what} has no '{key}' (keys: {keys})",
        "ko": "{what}에 '{key}'{|이/가} 없습니다(있는 키: {keys})"},
    "ch05.net.case.gradient_key": {
        "en": "gradient['{key}'] (one-hot targets, batch of 5)",
        "ko": "gradient['{key}'](원-핫 정답, 배치 크기 5)"},
    "ch05.net.case.gradient_labels": {
        "en": "all four gradients with label targets (batch of 7)",
        "ko": "정답 레이블일 때 네 기울기 모두(배치 크기 7)"},
    "ch05.what.gradient_labels": {
        "en": "gradient['{key}'] with labels",
        "ko": "정답 레이블일 때의 gradient['{key}']"},
    "ch05.net.case.shared": {
        "en": "params['{first}'] -= step and params['{second}'] -= step change predict(x)",
        "ko": "params['{first}'] -= step과 params['{second}'] -= step이 predict(x)를 바꿈"},
    "ch05.net.old_values": {
        "en": "after an in-place update of params['{first}'] and params['{second}'], predict(x) still uses the old "
              "values",
        "ko": "params['{first}']{|과/와} params['{second}']{|을/를} 제자리에서 갱신했는데도 predict(x)가 예전 "
              "값을 씁니다"},
    "ch05.net.case.numerical": {
        "en": "every key, one-hot targets, small network",
        "ko": "작은 신경망, 원-핫 정답, 모든 키"},
    "ch05.net.numerical_off": {
        "en": "numerical_gradient['{key}'] is off by relative error {error:.2g} at index {index} (got {got:.4g}, "
              "expected {expected:.4g})",
        "ko": "numerical_gradient['{key}']의 상대 오차가 {error:.2g}입니다(위치 {index}, 결과 {got:.4g}, 기댓값 "
              "{expected:.4g})"},
    "ch05.mnist.case": {
        "en": "{iterations} SGD steps (lr {lr}, batch {batch}): test accuracy >= {threshold:.0%}",
        "ko": "SGD {iterations}단계(학습률 {lr}, 미니배치 크기 {batch}): 시험 데이터 정확도 {threshold:.0%} "
              "이상"},
    "ch05.mnist.spots_missing": {
        "en": "the training did not report the gradients of the steps the grader checks (the probe's record is "
              "missing or changed)",
        "ko": "채점기가 검사하는 단계의 기울기 기록이 없습니다(기록이 없거나 바뀌었습니다)"},
    "ch05.mnist.spot_what": {
        "en": "gradient(x, t)['{key}'] during training",
        "ko": "학습 중 gradient(x, t)['{key}']"},
    "ch05.mnist.spot_wrong": {
        "en": "during training, at step {step}, gradient(x, t)['{key}'] at index {index} is {got:.6g}; the "
              "numerical gradient of the loss there is {expected:.6g}: the network learned with wrong gradients",
        "ko": "학습 중 {step}단계에서 gradient(x, t)['{key}']의 위치 {index} 값이 {got:.6g}입니다. 그 점에서 손실의 "
              "수치 기울기는 {expected:.6g}입니다: 틀린 기울기로 학습했습니다"},
    "ch05.mnist.predict_case": {
        "en": "predict on the trained params agrees with the grader's forward pass on {n} test images",
        "ko": "학습한 매개변수로 predict한 결과가 시험 이미지 {n}장에서 채점기의 순전파 결과와 같음"},
    "ch05.mnist.predict_differs": {
        "en": "predict's labels agree with the grader's forward pass on the trained params for only {agree:.1%} "
              "of the test images",
        "ko": "predict의 레이블이 학습한 매개변수에 대한 채점기의 순전파 결과와 시험 이미지의 {agree:.1%}에서만 "
              "같습니다"},
    "ch05.mnist.low": {
        "en": "test accuracy {accuracy:.1%} after training, expected at least {threshold:.0%}",
        "ko": "학습 후 시험 데이터 정확도가 {accuracy:.1%}입니다. {threshold:.0%} 이상이어야 합니다"},

    # ============================================================ chapter 6
    "check.ch06.sgd_update": {
        "en": "SGD.update moves params by -lr * grad, in place",
        "ko": "SGD.update가 params를 제자리에서 -lr * grad만큼 옮긴다"},
    "check.ch06.momentum_update": {
        "en": "Momentum.update follows v = momentum * v - lr * grad, W += v across steps",
        "ko": "Momentum.update가 여러 단계에 걸쳐 v = momentum * v - lr * grad, W += v를 따른다"},
    "check.ch06.nesterov_update": {
        "en": "Nesterov.update follows Nesterov's momentum rule across steps",
        "ko": "Nesterov.update가 여러 단계에 걸쳐 네스테로프 모멘텀 규칙을 따른다"},
    "check.ch06.adagrad_update": {
        "en": "AdaGrad.update divides by the root of the summed squared gradients",
        "ko": "AdaGrad.update가 기울기 제곱의 누적 합의 제곱근으로 나눈다"},
    "check.ch06.rmsprop_update": {
        "en": "RMSprop.update divides by the root of a decaying average of squared gradients",
        "ko": "RMSprop.update가 기울기 제곱의 지수이동평균의 제곱근으로 나눈다"},
    "check.ch06.adam_update": {
        "en": "Adam.update follows Adam with bias correction across steps",
        "ko": "Adam.update가 여러 단계에 걸쳐 편향 보정을 포함한 Adam을 따른다"},
    "check.ch06.dropout_forward": {
        "en": "Dropout.forward drops units in training and keeps the expected output in test mode",
        "ko": "Dropout의 순전파는 훈련 때 뉴런을 삭제하고 시험 때 출력의 기댓값을 유지한다"},
    "check.ch06.dropout_backward": {
        "en": "Dropout.backward passes the gradient through the units kept by the last forward",
        "ko": "Dropout의 역전파는 마지막 순전파에서 살아남은 뉴런으로만 기울기를 흘린다"},
    "check.ch06.batchnorm_forward": {
        "en": "BatchNormalization.forward normalises with the batch mean and variance in training",
        "ko": "BatchNormalization의 순전파는 훈련 때 배치의 평균과 분산으로 정규화한다"},
    "check.ch06.batchnorm_running": {
        "en": "BatchNormalization keeps running averages and uses them in test mode",
        "ko": "BatchNormalization이 이동 평균을 유지하고 시험 때 그것을 쓴다"},
    "check.ch06.batchnorm_backward": {
        "en": "BatchNormalization.backward matches numerical gradient for x, gamma and beta",
        "ko": "BatchNormalization의 역전파가 x, gamma, beta 모두 수치 미분으로 구한 기울기와 일치한다"},
    "check.ch06.net_initialisation": {
        "en": "MultiLayerNet draws He, Xavier and fixed-std initial weights",
        "ko": "MultiLayerNet이 He, Xavier, 고정 표준편차 가중치 초깃값을 만든다"},
    "check.ch06.net_weight_decay": {
        "en": "MultiLayerNet weight decay adds 0.5 * lambda * sum(W**2) to the loss and lambda * W to dW",
        "ko": "MultiLayerNet의 가중치 감소가 손실에 0.5 * lambda * sum(W**2)를, dW에 lambda * W를 더한다"},
    "check.ch06.net_gradient": {
        "en": "MultiLayerNet.gradient matches numerical gradient (relu and sigmoid)",
        "ko": "MultiLayerNet.gradient가 수치 미분으로 구한 기울기와 일치한다(ReLU와 시그모이드)"},
    "check.ch06.net_extend_gradient": {
        "en": "MultiLayerNetExtend.gradient with batch normalization matches numerical gradient",
        "ko": "배치 정규화를 쓴 MultiLayerNetExtend.gradient가 수치 미분으로 구한 기울기와 일치한다"},
    "check.ch06.net_extend_dropout": {
        "en": "MultiLayerNetExtend with dropout is random in training, deterministic in test mode",
        "ko": "드롭아웃을 쓴 MultiLayerNetExtend는 훈련 때 무작위이고 시험 때는 항상 같은 값을 낸다"},
    "check.ch06.trainer_loop": {
        "en": "Trainer runs epochs * train_size / mini_batch_size iterations, one accuracy per epoch",
        "ko": "Trainer가 epochs * train_size / mini_batch_size번 반복하고 에폭마다 정확도를 하나씩 기록한다"},
    "check.ch06.trainer_optimizer_names": {
        "en": "Trainer accepts every optimizer name in any case",
        "ko": "Trainer가 대소문자와 상관없이 모든 옵티마이저 이름을 받는다"},
    "check.ch06.mnist_training": {
        "en": "MultiLayerNetExtend trained by Trainer with Adam learns MNIST",
        "ko": "Trainer와 Adam으로 학습한 MultiLayerNetExtend가 MNIST를 학습한다"},
    "ch06.opt.no_trajectory": {
        "en": "the probe got no trajectory back",
        "ko": "갱신 결과를 돌려받지 못했습니다"},
    "ch06.what.after_step": {
        "en": "params[{key}] after step {step}",
        "ko": "{step}단계 후의 params[{key}]"},
    "ch06.opt.moved": {
        "en": "after step {step}, params[{key}] has moved by {moved:.6g} at index {index}, expected {expected:.6g} "
              "({rule})",
        "ko": "{step}단계 후 params[{key}]{|이/가} 위치 {index}에서 {moved:.6g}만큼 움직였습니다. 기댓값은 "
              "{expected:.6g}입니다(규칙: {rule})"},
    "ch06.opt.moved_later": {
        "en": "after step {step}, params[{key}] has moved by {moved:.6g} at index {index}, expected {expected:.6g} "
              "({rule}); step 1 was right, so look at the state kept between calls (created once, on the first call, "
              "then updated)",
        "ko": "{step}단계 후 params[{key}]{|이/가} 위치 {index}에서 {moved:.6g}만큼 움직였습니다. 기댓값은 "
              "{expected:.6g}입니다(규칙: {rule}). 1단계는 맞았으니 호출 사이에 유지하는 상태(첫 호출 때 한 번 "
              "만들고 이후 갱신)를 살펴보세요"},
    "ch06.opt.new_array": {
        "en": "after step {step}, params[{key}] is a new array",
        "ko": "{step}단계 후 params[{key}]{|이/가} 새 배열입니다"},
    "ch06.what.original_array": {
        "en": "the original params[{key}] array",
        "ko": "원래의 params[{key}] 배열"},
    "ch06.opt.case.steps": {
        "en": "5 steps of {call} on two parameters",
        "ko": "매개변수 두 개에 {call|을/를} 5단계 적용"},
    "ch06.opt.case.defaults": {
        "en": "default hyper-parameters: {cls}() behaves as {call}",
        "ko": "기본 하이퍼파라미터: {cls}()의 동작이 {call|과/와} 같음"},
    "ch06.opt.defaults_question": {
        "en": "{text}, with the defaults {defaults}",
        "ko": "{text}(기본값 {defaults}일 때)"},
    "ch06.opt.case.in_place": {
        "en": "params[key] is updated in place (the layers hold the same arrays)",
        "ko": "params[key]를 제자리에서 갱신(계층이 같은 배열을 가지고 있음)"},
    "ch06.opt.case.any_shape": {
        "en": "any shape and learning rate",
        "ko": "어떤 형상과 학습률이든"},
    "ch06.rule.sgd": {
        "en": "W -= lr * dW",
        "ko": "W -= lr * dW"},
    "ch06.rule.sgd_shape": {
        "en": "W -= lr * dW, W of shape {shape}, lr={lr:g}",
        "ko": "W -= lr * dW, W의 형상 {shape}, lr={lr:g}"},
    "ch06.rule.momentum": {
        "en": "v = momentum * v - lr * dW; W += v, v starting at 0",
        "ko": "v = momentum * v - lr * dW; W += v, v는 0에서 시작"},
    "ch06.rule.nesterov": {
        "en": "matches neither form: either W += mu*mu*v - (1+mu)*lr*dW then v = mu*v - lr*dW, or v = mu*v - lr*dW "
              "first and the new v in W += mu*mu*v - (1+mu)*lr*dW",
        "ko": "두 형태 모두와 다름: W += mu*mu*v - (1+mu)*lr*dW 다음에 v = mu*v - lr*dW, 또는 v = mu*v - lr*dW를 "
              "먼저 하고 새 v로 W += mu*mu*v - (1+mu)*lr*dW"},
    "ch06.rule.adagrad": {
        "en": "h += dW * dW; W -= lr * dW / (sqrt(h) + 1e-7), h starting at 0",
        "ko": "h += dW * dW; W -= lr * dW / (sqrt(h) + 1e-7), h는 0에서 시작"},
    "ch06.rule.rmsprop": {
        "en": "h = decay_rate * h + (1 - decay_rate) * dW * dW; W -= lr * dW / (sqrt(h) + 1e-7)",
        "ko": "h = decay_rate * h + (1 - decay_rate) * dW * dW; W -= lr * dW / (sqrt(h) + 1e-7)"},
    "ch06.rule.adam": {
        "en": "m = beta1*m + (1-beta1)*dW; v = beta2*v + (1-beta2)*dW**2; W -= lr * m_hat / (sqrt(v_hat) + eps) with "
              "m_hat = m / (1 - beta1**t), v_hat = v / (1 - beta2**t), t = 1, 2, ...",
        "ko": "m = beta1*m + (1-beta1)*dW; v = beta2*v + (1-beta2)*dW**2; W -= lr * m_hat / (sqrt(v_hat) + eps), "
              "여기서 m_hat = m / (1 - beta1**t), v_hat = v / (1 - beta2**t), t = 1, 2, ..."},
    "ch06.what.training_output": {
        "en": "training output",
        "ko": "훈련 모드 출력"},
    "ch06.what.test_output": {
        "en": "test-mode output",
        "ko": "시험 모드 출력"},
    "ch06.what.second_test_output": {
        "en": "a second test-mode output",
        "ko": "두 번째 시험 모드 출력"},
    "ch06.dropout.all_zero": {
        "en": "{what} is zero everywhere",
        "ko": "{what|이/가} 모두 0입니다"},
    "ch06.dropout.no_common_factor": {
        "en": "{what}: the kept units are not all x times one common factor (out / x ranges from {low:.4g} to "
              "{high:.4g})",
        "ko": "{what}: 남은 뉴런이 모두 x에 같은 배율을 곱한 값이 아닙니다(out / x가 {low:.4g}부터 {high:.4g}까지)"},
    "ch06.dropout.case.fraction": {
        "en": "training drops a fraction dropout_ratio = 0.3 of the units, scales the rest alike",
        "ko": "훈련 때 뉴런 중 dropout_ratio = 0.3만큼을 삭제하고 나머지는 모두 같은 배율로 조정"},
    "ch06.dropout.fraction": {
        "en": "{dropped:.3f} of the 40000 units are zero in training, expected about {ratio}",
        "ko": "훈련 때 뉴런 40000개 중 0인 뉴런의 비율이 {dropped:.3f}입니다. 기댓값은 약 {ratio}입니다"},
    "ch06.dropout.case.test_mode": {
        "en": "test mode keeps every unit, with one factor, and is deterministic",
        "ko": "시험 모드는 모든 뉴런을 같은 배율로 남기고 항상 같은 값을 냄"},
    "ch06.dropout.test_drops": {
        "en": "test mode zeroes {dropped:.3f} of the units: dropout acts only while training",
        "ko": "시험 모드에서 0이 되는 뉴런의 비율이 {dropped:.3f}입니다. 드롭아웃은 훈련 때만 작동해야 합니다"},
    "ch06.dropout.case.mean": {
        "en": "the mean training output equals the test output (standard or inverted dropout)",
        "ko": "훈련 모드 출력의 평균이 시험 모드 출력과 같음(일반 또는 역 드롭아웃)"},
    "ch06.dropout.means": {
        "en": "the training output averages {train:.4g} but the test output {test:.4g}",
        "ko": "훈련 모드 출력의 평균은 {train:.4g}인데 시험 모드 출력은 {test:.4g}입니다"},
    "ch06.dropout.case.new_mask": {
        "en": "each training forward draws a new mask",
        "ko": "훈련 모드 순전파마다 새 마스크를 뽑음"},
    "ch06.dropout.same_units": {
        "en": "two training forwards dropped exactly the same units",
        "ko": "두 번의 훈련 모드 순전파가 똑같은 뉴런을 삭제했습니다"},
    "ch06.dropout.case.default": {
        "en": "Dropout() drops half the units by default",
        "ko": "Dropout()은 기본으로 뉴런의 절반을 삭제"},
    "ch06.dropout.default": {
        "en": "Dropout() zeroes {dropped:.3f} of the units, expected about 0.5",
        "ko": "Dropout()이 0으로 만드는 뉴런의 비율이 {dropped:.3f}입니다. 약 0.5여야 합니다"},
    "ch06.dropout.case.backward_mask": {
        "en": "dx is zero exactly where the last training forward dropped a unit",
        "ko": "dx는 마지막 훈련 모드 순전파가 뉴런을 삭제한 곳에서만 0"},
    "ch06.dropout.backward_zeros": {
        "en": "dx is zero on {zeros} units but the last forward dropped {dropped}; {differ} differ",
        "ko": "dx는 뉴런 {zeros}개에서 0인데 마지막 순전파는 {dropped}개를 삭제했습니다. {differ}개가 다릅니다"},
    "ch06.dropout.case.backward_scale": {
        "en": "dx = dout * (out / x) on the kept units (the forward's scale)",
        "ko": "남은 뉴런에서 dx = dout * (out / x)(순전파와 같은 배율)"},
    "ch06.what.output": {
        "en": "output",
        "ko": "출력"},
    "ch06.bn.case.forward": {
        "en": "training forward of x {shape}",
        "ko": "형상이 {shape}인 x의 훈련 모드 순전파"},
    "ch06.bn.case.forward_4d": {
        "en": "training forward of x {shape} (flattened to (N, C*H*W))",
        "ko": "형상이 {shape}인 x의 훈련 모드 순전파((N, C*H*W)로 평탄화)"},
    "ch06.bn.no_gamma_beta": {
        "en": "the output is (x - mean) / std without gamma and beta",
        "ko": "출력이 gamma와 beta 없이 (x - mean) / std입니다"},
    "ch06.bn.case.twice": {
        "en": "x is left unchanged, and a second training forward normalises alike",
        "ko": "x는 바뀌지 않고, 두 번째 훈련 모드 순전파도 똑같이 정규화"},
    "ch06.what.x_after_forward": {
        "en": "x after forward",
        "ko": "순전파 후의 x"},
    "ch06.what.second_output": {
        "en": "output of a second training forward",
        "ko": "두 번째 훈련 모드 순전파의 출력"},
    "ch06.bn.case.standardised": {
        "en": "gamma = 1, beta = 0 gives columns of mean 0 and variance 1",
        "ko": "gamma = 1, beta = 0이면 각 열의 평균은 0, 분산은 1"},
    "ch06.what.column_means": {
        "en": "column means of the output",
        "ko": "출력의 열별 평균"},
    "ch06.what.column_variances": {
        "en": "column variances of the output",
        "ko": "출력의 열별 분산"},
    "ch06.what.running_after": {
        "en": "{name} after {n} training forward(s)",
        "ko": "훈련 모드 순전파 {n}번 후의 {name}"},
    "ch06.bn.running_rule": {
        "en": "{text} (running = momentum * running + (1 - momentum) * batch statistic)",
        "ko": "{text} (running = momentum * running + (1 - momentum) * 배치 통계량)"},
    "ch06.bn.case.running": {
        "en": "running_mean and running_var start at 0 and follow momentum 0.9",
        "ko": "running_mean과 running_var는 0에서 시작해 momentum 0.9로 갱신"},
    "ch06.bn.case.constructor": {
        "en": "the momentum and the initial running_mean / running_var given to the constructor count",
        "ko": "생성자에 준 momentum과 running_mean / running_var 초깃값이 반영됨"},
    "ch06.bn.case.test_mode": {
        "en": "test mode normalises with the running averages",
        "ko": "시험 모드는 이동 평균으로 정규화"},
    "ch06.bn.batch_stats_in_test": {
        "en": "test mode normalises with the batch's own statistics",
        "ko": "시험 모드에서 배치 자신의 통계량으로 정규화합니다"},
    "ch06.bn.case.test_unchanged": {
        "en": "test mode leaves the running averages unchanged",
        "ko": "시험 모드는 이동 평균을 바꾸지 않음"},
    "ch06.what.after_test": {
        "en": "{name} after a test-mode forward",
        "ko": "시험 모드 순전파 후의 {name}"},
    "ch06.grads.not_dict": {
        "en": "{what} is not a dict keyed like params",
        "ko": "{what|이/가} params와 같은 키를 가진 딕셔너리가 아닙니다"},
    "ch06.grads.missing": {
        "en": "{what} has no {keys}",
        "ko": "{what}에 {keys|이/가} 없습니다"},
    "ch06.bn.case.dx": {
        "en": "dx for x {shape}",
        "ko": "형상이 {shape}인 x에 대한 dx"},
    "ch06.bn.case.dgamma": {
        "en": "dgamma and dbeta for x {shape}",
        "ko": "형상이 {shape}인 x에 대한 dgamma와 dbeta"},
    "ch06.net.no_key": {
        "en": "{call}.params has no {key}",
        "ko": "{call}.params에 {key|이/가} 없습니다"},
    "ch06.net.key_shape": {
        "en": "{call}.params[{key}] has shape {shape}, expected {expected}",
        "ko": "{call}.params[{key}]의 형상이 {shape}입니다. {expected|이어야/여야} 합니다"},
    "ch06.init.the_number": {
        "en": "the number itself",
        "ko": "지정한 값"},
    "ch06.init.case": {
        "en": "weight_init_std={setting}: weights of std {words}, biases 0",
        "ko": "weight_init_std={setting}: 가중치의 표준편차는 {words}, 편향은 0"},
    "ch06.init.case_class": {
        "en": "{cls}(..., weight_init_std={setting}): weights of std {words}, biases 0",
        "ko": "{cls}(..., weight_init_std={setting}): 가중치의 표준편차는 {words}, 편향은 0"},
    "ch06.init.not_dict": {
        "en": "params is not a dict",
        "ko": "params가 딕셔너리가 아닙니다"},
    "ch06.init.missing": {
        "en": "params has no W{i} or b{i}",
        "ko": "params에 W{i} 또는 b{i|이/가} 없습니다"},
    "ch06.init.std": {
        "en": "W{i} (fan_in {fan_in}) has mean {mean:.3g} and std {std:.4g}, expected mean 0 and std {words} = "
              "{want:.4g}",
        "ko": "W{i}(fan_in {fan_in})의 평균이 {mean:.3g}, 표준편차가 {std:.4g}입니다. 평균은 0, 표준편차는 "
              "{words}인 {want:.4g|이어야/여야} 합니다"},
    "ch06.decay.case.loss": {
        "en": "loss(lambda={lam}) - loss(lambda=0) = 0.5 * lambda * sum(W**2) over every W",
        "ko": "loss(lambda={lam}) - loss(lambda=0) = 모든 W에 대한 0.5 * lambda * sum(W**2)"},
    "ch06.decay.adds": {
        "en": "weight decay adds {difference:.6g} to the loss, expected 0.5 * lambda * sum(W**2) = {expected:.6g}",
        "ko": "가중치 감소가 손실에 {difference:.6g|을/를} 더합니다. 기댓값은 0.5 * lambda * sum(W**2) = "
              "{expected:.6g}입니다"},
    "ch06.decay.case.gain": {
        "en": "the gradient of each W gains lambda * W, the biases none",
        "ko": "각 W의 기울기에는 lambda * W가 더해지고, 편향에는 아무것도 더해지지 않음"},
    "ch06.decay.no_key": {
        "en": "gradient() returned no {key}",
        "ko": "gradient()가 {key|을/를} 돌려주지 않았습니다"},
    "ch06.what.decay_gain": {
        "en": "gradient[{key}] with lambda minus without",
        "ko": "lambda가 있을 때와 없을 때의 gradient[{key}] 차이"},
    "ch06.decay.case.numerical": {
        "en": "the gradient with weight decay matches the numerical gradient of the decayed loss",
        "ko": "가중치 감소를 포함한 기울기가 감소 항이 더해진 손실의 수치 미분과 일치"},
    "ch06.net.case.loss": {
        "en": "loss(x, t) is the mean cross-entropy, activation={activation}",
        "ko": "loss(x, t)는 교차 엔트로피 오차의 평균, activation={activation}"},
    "ch06.net.case.gradient": {
        "en": "gradient(x, t), activation={activation}, 2 hidden layers",
        "ko": "gradient(x, t), activation={activation}, 은닉층 2개"},
    "ch06.net.case.extend": {
        "en": "gradient(x, t) with gamma and beta, activation={activation}, {hidden} hidden layer(s)",
        "ko": "gamma와 beta를 포함한 gradient(x, t), activation={activation}, 은닉층 {hidden}개"},
    "ch06.dropnet.case.test_twice": {
        "en": "predict(x, train_flg=False) gives the network's scores (Dropout passing its input on, or scaled "
              "by 1 - dropout_ratio), the same twice",
        "ko": "predict(x, train_flg=False)는 신경망의 점수(Dropout은 입력을 그대로, 또는 1 - dropout_ratio배로 "
              "전달)를 두 번 모두 같게 냄"},
    "ch06.what.second_predict": {
        "en": "a second predict(x, train_flg=False)",
        "ko": "두 번째 predict(x, train_flg=False)"},
    "ch06.dropnet.case.random": {
        "en": "predict(x, train_flg=True) differs from call to call",
        "ko": "predict(x, train_flg=True)는 호출할 때마다 다름"},
    "ch06.dropnet.identical": {
        "en": "two training-mode predictions are identical",
        "ko": "훈련 모드 예측 두 번이 똑같습니다"},
    "ch06.dropnet.case.mean": {
        "en": "the mean of many training-mode predictions is the test-mode prediction",
        "ko": "훈련 모드 예측을 여러 번 평균하면 시험 모드 예측과 같음"},
    "ch06.dropnet.mean": {
        "en": "the mean of {repeats} training-mode predictions differs from the test-mode prediction by {error:.0%}",
        "ko": "훈련 모드 예측 {repeats}번의 평균이 시험 모드 예측과 {error:.0%} 다릅니다"},
    "ch06.trainer.not_found": {
        "en": "optimizer={name} is not found ({error})",
        "ko": "optimizer={name|을/를} 찾지 못했습니다({error})"},
    "ch06.trainer.never_returned": {
        "en": "{what} holds {value:.4g}, which the network never returned",
        "ko": "{what}에 신경망이 돌려준 적 없는 값 {value:.4g|이/가} 있습니다"},
    "ch06.trainer.case.iterations": {
        "en": "300 samples, batches of 100, 3 epochs: 9 iterations, a loss for each",
        "ko": "샘플 300개, 미니배치 크기 100, 3에폭: 9번 반복하고 반복마다 손실 기록"},
    "ch06.trainer.gradient_calls": {
        "en": "train() called network.gradient {n} times, expected epochs * train_size / mini_batch_size = 9",
        "ko": "train()이 network.gradient를 {n}번 불렀습니다. epochs * train_size / mini_batch_size = 9번이어야 "
              "합니다"},
    "ch06.trainer.loss_entries": {
        "en": "train_loss_list has {n} entries, expected one per iteration: 9",
        "ko": "train_loss_list의 항목이 {n}개입니다. 반복마다 하나씩, 9개여야 합니다"},
    "ch06.trainer.case.batch_size": {
        "en": "every iteration takes a mini-batch of mini_batch_size = 100 samples",
        "ko": "반복마다 mini_batch_size = 100개짜리 미니배치를 씀"},
    "ch06.trainer.batch_sizes": {
        "en": "network.gradient got batches of {sizes} samples, expected 100",
        "ko": "network.gradient가 받은 배치 크기가 {sizes}입니다. 100이어야 합니다"},
    "ch06.trainer.case.accuracies": {
        "en": "train_acc_list and test_acc_list hold one accuracy per epoch: 3 each",
        "ko": "train_acc_list와 test_acc_list에 에폭마다 정확도가 하나씩, 각각 3개"},
    "ch06.trainer.accuracy_entries": {
        "en": "{name} has {n} entries after 3 epochs, expected 3 (one per epoch)",
        "ko": "3에폭 후 {name}의 항목이 {n}개입니다. 에폭마다 하나씩, 3개여야 합니다"},
    "ch06.trainer.case.own_values": {
        "en": "the lists hold the network's own accuracies (in [0, 1]) and losses",
        "ko": "목록에는 신경망이 돌려준 정확도([0, 1] 범위)와 손실이 들어 있음"},
    "ch06.what.accuracy_list": {
        "en": "an accuracy list",
        "ko": "정확도 목록"},
    "ch06.trainer.case.updates": {
        "en": "the optimizer updates network.params",
        "ko": "옵티마이저가 network.params를 갱신"},
    "ch06.trainer.unchanged": {
        "en": "network.params['W'] is unchanged after training: pass network.params to optimizer.update, which "
              "updates it in place",
        "ko": "학습 후에도 network.params['W']가 그대로입니다. network.params를 optimizer.update에 넘기세요. "
              "update가 제자리에서 갱신합니다"},
    "ch06.trainer.case.small": {
        "en": "200 samples, batches of 20, 2 epochs, evaluate_sample_num_per_epoch=30",
        "ko": "샘플 200개, 미니배치 크기 20, 2에폭, evaluate_sample_num_per_epoch=30"},
    "ch06.trainer.small_counts": {
        "en": "{iterations} iterations and {accuracies} accuracies, expected 20 and 2",
        "ko": "반복 {iterations}번, 정확도 {accuracies}개입니다. 20번과 2개여야 합니다"},
    "ch06.trainer.evaluated_on": {
        "en": "the accuracies were computed on {sizes} samples, expected the first evaluate_sample_num_per_epoch = 30",
        "ko": "정확도를 샘플 {sizes}개로 계산했습니다. 앞에서부터 evaluate_sample_num_per_epoch = 30개여야 합니다"},
    "ch06.trainer.made": {
        "en": "optimizer={name} made a {cls}",
        "ko": "optimizer={name}일 때 {cls} 옵티마이저가 만들어졌습니다"},
    "ch06.trainer.name_unchanged": {
        "en": "with optimizer={name}, network.params is unchanged after training",
        "ko": "optimizer={name}일 때 학습 후에도 network.params가 그대로입니다"},
    "ch06.mnist.case": {
        "en": "batch normalization on, Adam(lr=0.001), 2 epochs of 5000 images, batches of 100",
        "ko": "배치 정규화 사용, Adam(lr=0.001), 이미지 5000장으로 2에폭, 미니배치 크기 100"},
    "ch06.mnist.no_running": {
        "en": "after training, net.layers['BatchNorm{i}'] has no running_mean and running_var: the network "
              "cannot classify in inference mode",
        "ko": "학습 후 {i}번째 배치 정규화 계층에 running_mean과 running_var가 없습니다: 추론 모드로 분류할 수 "
              "없습니다"},
    "ch06.mnist.low": {
        "en": "test accuracy {accuracy:.1%} on the first {n} test images; a correct network reaches at least "
              "{threshold:.0%} here (the reference 87.5% to 89%)",
        "ko": "처음 {n}장의 시험 이미지에서 정확도가 {accuracy:.1%}입니다. 올바른 신경망은 여기서 {threshold:.0%} "
              "이상입니다(모범 답안은 87.5%에서 89%)"},

    # ============================================================ chapter 7
    "check.ch07.conv_output_size_values": {
        "en": "conv_output_size gives the output length for any stride and padding",
        "ko": "conv_output_size가 어떤 스트라이드와 패딩에서든 출력 크기를 낸다"},
    "check.ch07.im2col_values": {
        "en": "im2col unfolds every window into one row in the book's order",
        "ko": "im2col이 모든 윈도우를 책과 같은 순서로 한 행씩 전개한다"},
    "check.ch07.col2im_adjoint": {
        "en": "col2im sums overlapping windows back into the image (the adjoint of im2col)",
        "ko": "col2im이 겹치는 윈도우를 더해 이미지로 되돌린다(im2col의 수반 연산)"},
    "check.ch07.convolution_forward": {
        "en": "Convolution.forward matches the naive convolution",
        "ko": "합성곱 계층의 순전파가 단순 반복문으로 계산한 합성곱과 일치한다"},
    "check.ch07.convolution_backward": {
        "en": "Convolution.backward matches numerical gradients (dx, dW, db)",
        "ko": "합성곱 계층의 역전파가 수치 미분으로 구한 기울기(dx, dW, db)와 일치한다"},
    "check.ch07.pooling_forward": {
        "en": "Pooling.forward takes the maximum of every window",
        "ko": "풀링 계층의 순전파가 윈도우마다 최댓값을 취한다"},
    "check.ch07.pooling_backward": {
        "en": "Pooling.backward sends each window's gradient to its maximum",
        "ko": "풀링 계층의 역전파가 윈도우마다 기울기를 최댓값 위치로만 보낸다"},
    "check.ch07.simple_convnet_structure": {
        "en": "SimpleConvNet builds params and layers as in the book",
        "ko": "SimpleConvNet이 책과 같이 params와 계층을 만든다"},
    "check.ch07.simple_convnet_gradient": {
        "en": "SimpleConvNet.gradient matches numerical gradients of the loss",
        "ko": "SimpleConvNet.gradient가 손실의 수치 미분 기울기와 일치한다"},
    "check.ch07.simple_convnet_accuracy": {
        "en": "SimpleConvNet.accuracy evaluated in batches counts every sample",
        "ko": "배치로 나눠 계산한 SimpleConvNet.accuracy가 모든 샘플을 센다"},
    "check.ch07.simple_convnet_mnist": {
        "en": "SimpleConvNet learns MNIST (trained with Adam)",
        "ko": "SimpleConvNet이 MNIST를 학습한다(Adam으로 학습)"},
    "ch07.describe": {
        "en": "x of shape {shape}, filter {fh}x{fw}, stride {stride}, pad {pad}",
        "ko": "x의 형상 {shape}, 필터 {fh}x{fw}, 스트라이드 {stride}, 패딩 {pad}"},
    "ch07.what.call": {
        "en": "{name}({args})",
        "ko": "{name}({args})"},
    "ch07.size.not_one_number": {
        "en": "{what} has shape {shape}, expected one number",
        "ko": "{what}의 형상이 {shape}입니다. 수 하나여야 합니다"},
    "ch07.size.wrong": {
        "en": "{what} is {value:g}, expected {expected}",
        "ko": "{what}의 값이 {value:g}입니다. 기댓값은 {expected}입니다"},
    "ch07.size.case.plain": {
        "en": "no padding, stride 1: (28, 5) -> 24, (4, 4) -> 1",
        "ko": "패딩 없음, 스트라이드 1: (28, 5) -> 24, (4, 4) -> 1"},
    "ch07.size.case.padding": {
        "en": "padding adds 2 * pad: (7, 3, 1, 1) -> 7, (5, 3, 1, 2) -> 7",
        "ko": "패딩은 2 * pad를 더함: (7, 3, 1, 1) -> 7, (5, 3, 1, 2) -> 7"},
    "ch07.size.case.stride": {
        "en": "stride: (7, 3, 2, 1) -> 4, (28, 2, 2, 0) -> 14",
        "ko": "스트라이드: (7, 3, 2, 1) -> 4, (28, 2, 2, 0) -> 14"},
    "ch07.size.case.round_down": {
        "en": "a stride that does not divide rounds down: (8, 3, 2, 0) -> 3, (10, 3, 3, 1) -> 4",
        "ko": "나누어떨어지지 않는 스트라이드는 내림: (8, 3, 2, 0) -> 3, (10, 3, 3, 1) -> 4"},
    "ch07.size.case.integer": {
        "en": "returns an integer (usable as an array size), not a float",
        "ko": "실수가 아니라 정수(배열 크기로 쓸 수 있는 값)를 돌려줌"},
    "ch07.kind.float": {
        "en": "a float",
        "ko": "실수"},
    "ch07.size.not_integer": {
        "en": "conv_output_size(9, 3, 2, 0) returned {kind} ({value})",
        "ko": "conv_output_size(9, 3, 2, 0)의 결과가 {kind}({value})입니다"},
    "ch07.size.integer_wrong": {
        "en": "conv_output_size(9, 3, 2, 0) is {value}, expected 4",
        "ko": "conv_output_size(9, 3, 2, 0)이 {value}입니다. 4여야 합니다"},
    "ch07.im2col.case.shape": {
        "en": "shape (N*out_h*out_w, C*filter_h*filter_w)",
        "ko": "형상 (N*out_h*out_w, C*filter_h*filter_w)"},
    "ch07.im2col.case.values": {
        "en": "values with stride 1 and no padding, several channels",
        "ko": "스트라이드 1, 패딩 없음, 여러 채널일 때의 값"},
    "ch07.im2col.case.padding": {
        "en": "padding puts zeros around the image",
        "ko": "패딩은 이미지 둘레에 0을 채움"},
    "ch07.im2col.case.stride": {
        "en": "stride 2 with padding 1",
        "ko": "스트라이드 2, 패딩 1"},
    "ch07.im2col.case.non_square": {
        "en": "non-square images and filters, batch of 1, stride 3",
        "ko": "정사각형이 아닌 이미지와 필터, 배치 크기 1, 스트라이드 3"},
    "ch07.case.any_geometry": {
        "en": "any valid (N, C, H, W, filter, stride, pad)",
        "ko": "유효한 모든 (N, C, H, W, 필터, 스트라이드, 패딩)"},
    "ch07.col2im.not_adjoint": {
        "en": "{what} is not the adjoint of im2col: <im2col(x), col> = {left:.6g} but <x, col2im(col)> = "
              "{right:.6g}; pixel {index} is {got:.6g}, expected {expected:.6g} (the sum of the windows covering it)",
        "ko": "{what|이/가} im2col의 수반 연산이 아닙니다: <im2col(x), col> = {left:.6g}인데 <x, col2im(col)> "
              "= {right:.6g}입니다. 픽셀 {index}의 값이 {got:.6g}입니다(기댓값은 그 픽셀을 덮는 윈도우들의 "
              "합인 {expected:.6g})"},
    "ch07.col2im.case.shape": {
        "en": "returns an array of input_shape (N, C, H, W)",
        "ko": "input_shape (N, C, H, W) 형상의 배열을 돌려줌"},
    "ch07.col2im.case.no_overlap": {
        "en": "windows that do not overlap (stride = filter size)",
        "ko": "겹치지 않는 윈도우(스트라이드 = 필터 크기)"},
    "ch07.col2im.case.overlap": {
        "en": "overlapping windows are summed, not overwritten (stride 1 < filter 3)",
        "ko": "겹치는 윈도우는 덮어쓰지 않고 더함(스트라이드 1 < 필터 3)"},
    "ch07.col2im.case.padding": {
        "en": "padding is cut off (pad 1, stride 2, filter 3)",
        "ko": "패딩 부분을 잘라 냄(패딩 1, 스트라이드 2, 필터 3)"},
    "ch07.conv.case.one": {
        "en": "one channel, one filter, stride 1, no padding",
        "ko": "채널 하나, 필터 하나, 스트라이드 1, 패딩 없음"},
    "ch07.conv.case.channels": {
        "en": "3 channels, 4 filters, batch of 2",
        "ko": "채널 3개, 필터 4개, 배치 크기 2"},
    "ch07.conv.case.padding": {
        "en": "padding 1",
        "ko": "패딩 1"},
    "ch07.conv.case.stride": {
        "en": "stride 2, padding 1, non-square filters and images",
        "ko": "스트라이드 2, 패딩 1, 정사각형이 아닌 필터와 이미지"},
    "ch07.what.conv_output": {
        "en": "Convolution.forward output ({describe}, {filters} filters)",
        "ko": "합성곱 계층의 순전파 출력({describe}, 필터 {filters}개)"},
    "ch07.conv.none_after_backward": {
        "en": "{cls}.{name} is None after backward (set self.{name} in backward)",
        "ko": "역전파 후에도 {cls}.{name|이/가} None입니다(backward에서 self.{name|을/를} 저장하세요)"},
    "ch07.conv.case.gradient": {
        "en": "{name}, {label}",
        "ko": "{name}, {label}"},
    "ch07.what.dx_backward": {
        "en": "dx returned by backward",
        "ko": "역전파가 돌려준 dx"},
    "ch07.pool.case.book": {
        "en": "2x2 windows, stride 2 (the book's)",
        "ko": "2x2 윈도우, 스트라이드 2(책의 설정)"},
    "ch07.pool.case.overlapping": {
        "en": "overlapping 3x3 windows, stride 2",
        "ko": "겹치는 3x3 윈도우, 스트라이드 2"},
    "ch07.pool.case.non_square": {
        "en": "non-square 2x3 windows, stride 1, non-square image",
        "ko": "정사각형이 아닌 2x3 윈도우, 스트라이드 1, 정사각형이 아닌 이미지"},
    "ch07.pool.case.odd": {
        "en": "an odd size that leaves the last row and column out (5x5, 2x2, stride 2)",
        "ko": "마지막 행과 열이 남는 홀수 크기(5x5, 2x2, 스트라이드 2)"},
    "ch07.pool.case.padding": {
        "en": "padding 1 (positive inputs, so the padding is never the maximum)",
        "ko": "패딩 1(입력이 양수라서 패딩이 최댓값이 되는 일은 없음)"},
    "ch07.pool.case.ties": {
        "en": "windows whose maximum occurs more than once (2x2, stride 2)",
        "ko": "최댓값이 두 번 이상 나오는 윈도우(2x2, 스트라이드 2)"},
    "ch07.what.pool_window_sums": {
        "en": "dx summed over each window (it must equal the window's dout, however ties are shared)",
        "ko": "윈도우마다 합한 dx(동점을 어떻게 나누든 그 윈도우의 dout과 같아야 합니다)"},
    "ch07.pool.gradient_off_max": {
        "en": "dx is {got:.4g} at {index}, which is not the maximum of its window: only the maximum receives gradient",
        "ko": "{index}의 dx가 {got:.4g}인데 그 위치는 윈도우의 최댓값이 아닙니다. 기울기는 최댓값에만 전달됩니다"},
    "ch07.pool.share_outside": {
        "en": "dx is {got:.4g} at {index}: a tied maximum may take all, part or none of its window's dout, "
              "never more and never the opposite sign",
        "ko": "{index}의 dx가 {got:.4g}입니다. 동점인 최댓값은 윈도우의 dout을 전부, 일부 또는 "
              "전혀 받지 않을 수 있지만 그보다 많거나 부호가 반대일 수는 없습니다"},
    "ch07.what.pool_output": {
        "en": "Pooling.forward output ({describe})",
        "ko": "풀링 계층의 순전파 출력({describe})"},
    "ch07.what.pool_dx": {
        "en": "dx returned by backward ({describe})",
        "ko": "역전파가 돌려준 dx({describe})"},
    "ch07.net.params_not_dict": {
        "en": "params is not a dict",
        "ko": "params가 딕셔너리가 아닙니다"},
    "ch07.net.params_lack": {
        "en": "params lacks {missing} (has {has})",
        "ko": "params에 {missing|이/가} 없습니다(있는 키: {has})"},
    "ch07.net.case.shapes": {
        "en": "params W1, b1 (conv), W2, b2, W3, b3 have the right shapes",
        "ko": "params의 W1, b1(합성곱), W2, b2, W3, b3의 형상이 올바름"},
    "ch07.net.case.shapes_strided": {
        "en": "params have the right shapes with stride 2 and 2 input channels",
        "ko": "스트라이드 2, 입력 채널 2개일 때도 params의 형상이 올바름"},
    "ch07.net.case.layers": {
        "en": "layers are Conv1, Relu1, Pool1, Affine1, Relu2, Affine2 in order, then last_layer",
        "ko": "layers는 순서대로 Conv1, Relu1, Pool1, Affine1, Relu2, Affine2이고, 그다음 last_layer"},
    "ch07.net.layer_keys": {
        "en": "layers has keys {layers}, expected {expected}",
        "ko": "layers의 키가 {layers}입니다. {expected|이어야/여야} 합니다"},
    "ch07.net.no_last_layer": {
        "en": "the network has no last_layer (a SoftmaxWithLoss; lastLayer, chapter 5's name, is accepted too)",
        "ko": "신경망에 last_layer(SoftmaxWithLoss)가 없습니다(5장의 이름 lastLayer도 인정합니다)"},
    "ch07.net.case.std": {
        "en": "weights have standard deviation weight_init_std",
        "ko": "가중치의 표준편차가 weight_init_std"},
    "ch07.net.std": {
        "en": "with weight_init_std={setting} the weights have standard deviation {std:.3g}, not about "
              "{setting}: draw them as weight_init_std * np.random.randn(...)",
        "ko": "weight_init_std={setting}인데 가중치의 표준편차가 {setting} 정도가 아니라 {std:.3g}입니다. "
              "weight_init_std * np.random.randn(...)으로 만드세요"},
    "ch07.net.case.shared": {
        "en": "the layers hold the arrays of params (an in-place update of params reaches them)",
        "ko": "계층이 params의 배열 자체를 가짐(params를 제자리에서 갱신하면 계층에 반영됨)"},
    "ch07.net.not_shared_item": {
        "en": "layers['{name}'].{attribute} is not params['{key}']",
        "ko": "layers['{name}'].{attribute|과/와} params['{key}']{|이/가} 다른 배열"},
    "ch07.net.not_shared": {
        "en": "{items}",
        "ko": "{items}"},
    "ch07.net.grads_not_dict": {
        "en": "gradient(x, t) did not return a dict keyed like params",
        "ko": "gradient(x, t)가 params와 같은 키를 가진 딕셔너리를 돌려주지 않았습니다"},
    "ch07.net.grads_no_key": {
        "en": "gradient(x, t) has no key '{key}' (it has {keys})",
        "ko": "gradient(x, t)에 키 '{key}'{|이/가} 없습니다(있는 키: {keys})"},
    "ch07.net.grad_none": {
        "en": "gradient(x, t)['{key}'] is None",
        "ko": "gradient(x, t)['{key}']{|이/가} None입니다"},
    "ch07.net.case.loss": {
        "en": "loss(x, t) is the cross-entropy of the network's scores",
        "ko": "loss(x, t)는 신경망 점수의 교차 엔트로피 오차"},
    "ch07.net.loss": {
        "en": "loss(x, t) is {loss:.6g}, expected {expected:.6g}",
        "ko": "loss(x, t)가 {loss:.6g}입니다. 기댓값은 {expected:.6g}입니다"},
    "ch07.net.case.gradient_key": {
        "en": "gradient['{key}'] (3 samples, labels, pad 1)",
        "ko": "gradient['{key}'](샘플 3개, 정답 레이블, 패딩 1)"},
    "ch07.net.case.gradient_strided": {
        "en": "every gradient with 2 input channels, stride 2, one-hot targets",
        "ko": "입력 채널 2개, 스트라이드 2, 원-핫 정답일 때의 모든 기울기"},
    "ch07.targets.one_hot": {
        "en": "one-hot targets",
        "ko": "원-핫 정답"},
    "ch07.targets.labels": {
        "en": "labels",
        "ko": "정답 레이블"},
    "ch07.net.accuracy": {
        "en": "accuracy(x, t, batch_size=3) on {n} samples with {targets} is {accuracy:.4g}, expected {expected:.4g}",
        "ko": "{targets|을/를} 쓴 샘플 {n}개의 accuracy(x, t, batch_size=3)가 {accuracy:.4g}입니다. 기댓값은 "
              "{expected:.4g}입니다"},
    "ch07.accuracy.case.labels": {
        "en": "labels, batch_size 3 on 6 samples",
        "ko": "정답 레이블, 샘플 6개에 batch_size 3"},
    "ch07.accuracy.case.one_hot": {
        "en": "one-hot targets, batch_size 3 on 6 samples",
        "ko": "원-핫 정답, 샘플 6개에 batch_size 3"},
    "ch07.accuracy.case.short": {
        "en": "batch_size 3 on 7 samples: the last, short batch counts too",
        "ko": "샘플 7개에 batch_size 3: 마지막의 짧은 배치도 셈"},
    "ch07.mnist.case": {
        "en": "test accuracy after {iterations} steps of {batch} on {images} images",
        "ko": "이미지 {images}장에서 미니배치 크기 {batch|으로/로} {iterations}단계 학습한 후의 시험 데이터 "
              "정확도"},
    "ch07.mnist.params_missing": {
        "en": "after training, net.params lacks one of W1, b1, W2, b2, W3, b3",
        "ko": "학습 후 net.params에 W1, b1, W2, b2, W3, b3 중 없는 것이 있습니다"},
    "ch07.mnist.low": {
        "en": "test accuracy {accuracy:.3f} on {n} images is below {threshold}",
        "ko": "시험 이미지 {n}장의 정확도 {accuracy:.3f|이/가} {threshold}보다 낮습니다"},
    # Scores that mean learning: properties count with right values only; backprop, not differences.
    "case.property_without_values": {
        "en": "not counted: wrong results can have this property too (in place, input unchanged, the same "
              "every time, the right shape), so it earns its points only when a case of this check that "
              "judges the values passes",
        "ko": "점수에 넣지 않음: 틀린 결과도 이 성질(제자리 갱신, 입력 유지, 매번 같은 결과, 맞는 형상)을 가질 수 "
              "있으므로, 이 검사에서 값을 판정하는 경우가 하나라도 통과해야 점수를 받습니다"},
    "ch04.zero.case.zeros_elsewhere": {
        "en": "probability 0 in classes other than the target (labels and one-hot): the right loss",
        "ko": "정답이 아닌 클래스의 확률이 0일 때(정답 레이블과 원-핫): 올바른 손실"},
    "ch04.what.loss_zeros_elsewhere": {
        "en": "the loss with probability 0 outside the target",
        "ko": "정답 밖의 확률이 0일 때의 손실"},
    "ch06.dropnet.params_missing": {
        "en": "net.params lacks one of W1, b1, W2, b2",
        "ko": "net.params에 W1, b1, W2, b2 중 없는 것이 있습니다"},
    "hidden.state.wrong_alone": {
        "en": "a fresh {cls} alone gives a wrong backward (its own checks say why): keeping state apart earns "
              "points only with right results",
        "ko": "새 {cls} 하나만으로도 역전파 결과가 틀립니다(그 계층의 검사가 이유를 알려 줍니다). 상태를 따로 "
              "유지하는 것은 결과가 맞을 때만 점수를 받습니다"},
    "hidden.state.what.alone": {
        "en": "the result of a fresh layer alone",
        "ko": "새 계층 하나만의 결과"},
    "net.numerical_gradient": {
        "en": "{cls}.gradient is not backpropagation: it made {gradient} function calls where loss(x, t) made "
              "{loss} (central differences of the loss, as numerical_gradient does?); write gradient from the "
              "layers' backward passes",
        "ko": "{cls}.gradient가 오차역전파법이 아닙니다: loss(x, t)의 함수 호출은 {loss}번인데 gradient는 "
              "{gradient}번 호출했습니다(numerical_gradient처럼 손실 함수로 수치 미분을 하나요?). 계층의 역전파로 "
              "gradient를 작성하세요"},
    "net.gradient_profiler": {
        "en": "{cls}.gradient or loss removed the grader's call counter (sys.setprofile); the gradient was not graded",
        "ko": "{cls}.gradient 또는 loss가 채점기의 호출 계수기(sys.setprofile)를 없앴습니다. 기울기를 채점하지 "
              "않았습니다"},
    "net.gradient_uncounted": {
        "en": "the work of {cls}.gradient could not be counted; the gradient was not graded",
        "ko": "{cls}.gradient의 작업량을 셀 수 없었습니다. 기울기를 채점하지 않았습니다"},
    # ---- issue 13: stand-in layers, causes across checks, the training loop's updates
    "error.standin_no_forward": {
        "en": "{layer}.backward was called before any {layer}.forward: the backward pass needs the values of a "
              "forward pass (here the network runs on the grader's {layer}, which keeps the input of its last "
              "forward)",
        "ko": "{layer}.forward보다 먼저 {layer}.backward를 호출했습니다. 역전파에는 순전파의 값이 필요합니다"
              "(여기서 신경망은 마지막 순전파의 입력을 기억하는 채점기의 {layer} 계층으로 실행됩니다)"},
    "error.training_grads_not_dict": {
        "en": "during training, gradient(x, t) returned a {kind}, not a dict keyed like params",
        "ko": "학습 중 gradient(x, t)가 params와 같은 키를 가진 딕셔너리가 아니라 {kind|을/를} 돌려주었습니다"},
    "error.training_grad_missing": {
        "en": "during training, gradient(x, t) returned no grads['{key}'] to update params['{key}'] with "
              "(it returned the keys {keys})",
        "ko": "학습 중 gradient(x, t)가 params['{key}']{|을/를} 갱신할 grads['{key}']{|을/를} 돌려주지 "
              "않았습니다(돌려준 키: {keys})"},
    "error.training_grad_not_numbers": {
        "en": "during training, grads['{key}'] returned by gradient(x, t) is a {kind}, not an array of numbers",
        "ko": "학습 중 gradient(x, t)가 돌려준 grads['{key}']{|이/가} 숫자 배열이 아니라 {kind}입니다"},
    "error.training_grad_shape": {
        "en": "during training, params['{key}'] cannot be updated with grads['{key}']: grads['{key}'] has shape "
              "{shape} but params['{key}'] has shape {expected} (a gradient has its parameter's shape)",
        "ko": "학습 중 grads['{key}']{|으로/로} params['{key}']{|을/를} 갱신할 수 없습니다. grads['{key}']의 "
              "형상은 {shape}, params['{key}']의 형상은 {expected}입니다(기울기는 매개변수와 형상이 같아야 합니다)"},
    "causes.check": {
        "en": "\"{chapter}: {title}\"",
        "ko": "\"{chapter}: {title}\""},
    "causes.training": {
        "en": "Likely cause: checks of this run found mistakes in code that this training runs: {checks}; fix "
              "those first",
        "ko": "추정 원인: 이번 채점의 검사가 이 학습이 실행하는 코드에서 잘못을 찾았습니다: {checks}. 그 검사부터 "
              "고치세요"},
    "report.causes.title": {
        "en": "What to fix first: the failures by cause, first cause first (what is listed under a cause may pass "
              "once the cause is fixed)",
        "ko": "먼저 고칠 것: 원인별로 묶은 실패, 먼저 고칠 원인부터(원인을 고치면 그 아래의 실패도 통과할 수 "
              "있습니다)"},
    "report.causes.points": {
        "en": "{earned} / {possible}",
        "ko": "{earned} / {possible}"},
    "report.causes.note": {
        "en": "full points on the grader's layers; fails with your own",
        "ko": "채점기의 계층으로는 만점, 직접 작성한 계층으로는 실패"},

    # ============================================================ messages that fit their route
    "gradescope.missing_modules": {
        "en": "Not graded: the autograder's Python ({python}) lacks {modules}, which setup.sh installs: the "
              "autograder's image was not built as it should be; please tell your instructor.",
        "ko": "채점하지 못했습니다. 자동 채점기의 파이썬({python})에 setup.sh가 설치하는 {modules|이/가} 없습니다. "
              "자동 채점기 이미지가 제대로 만들어지지 않았으니 강사에게 알려 주세요."},
    "batch.progress_counts": {
        "en": "{done}/{total} done: {graded} graded, {failed} not graded, about {left:.0f} s left ({name})",
        "ko": "{total}명 중 {done}명 완료: {graded}명 채점, {failed}명 채점 불가, 약 {left:.0f}초 남음({name})"},
    "batch.summary_counts": {
        "en": "{students} students: {graded} graded, {not_graded} not graded ({now} looked at in this run, the "
              "others unchanged since the last); grades in {path}",
        "ko": "학생 {students}명: {graded}명 채점, {not_graded}명 채점 불가(이번 실행에서 {now}명을 보았고 나머지는 "
              "지난 실행 이후 바뀌지 않음). 점수는 {path}에 있습니다"},
    "locate.a_file": {
        "en": "error: {path} is a file; pass the folder that holds your work in the book's layout (common/, ch05/, "
              "...), for instance --submission {folder}",
        "ko": "오류: {path|은/는} 파일입니다. 책의 구성(common/, ch05/, ...)으로 작업한 폴더를 주세요. 예: "
              "--submission {folder}"},
    "notebook.no_modules": {
        "en": "found none of the modules this chapter grades ({modules}) beside this notebook: your code goes into "
              "the modules handed out with it, and they are handed in with it, in their folders",
        "ko": "이 장이 채점하는 모듈을 이 노트북 옆에서 하나도 찾지 못했습니다({modules}). 코드는 노트북과 함께 "
              "나눠 준 모듈에 작성하고, 그 모듈을 폴더 구성 그대로 노트북과 함께 제출하세요"},
    "curve.flat": {
        "en": "the training loss hardly fell (from {start:.3g} to {end:.3g}): the updates do not reach the network "
              "(copies of params?) or the gradients are wrong",
        "ko": "학습 손실이 {start:.3g}에서 {end:.3g|으로/로} 거의 줄지 않았습니다. 갱신이 신경망에 반영되지 "
              "않거나(params의 복사본?) 기울기가 틀렸습니다"},
    "curve.rose": {
        "en": "the training loss did not fall: it rose from {start:.3g} to {end:.3g}; the updates do not reach the "
              "network (copies of params?) or the gradients are wrong",
        "ko": "학습 손실이 줄지 않고 {start:.3g}에서 {end:.3g|으로/로} 늘었습니다. 갱신이 신경망에 반영되지 "
              "않거나(params의 복사본?) 기울기가 틀렸습니다"},
    "curve.diverged": {
        "en": "the training loss blew up (nan, inf or ever larger) around iteration {iteration}: the gradients are "
              "far too large (a missing 1/N?) or an exp overflows",
        "ko": "{iteration}번째 반복 무렵 학습 손실이 발산했습니다(nan, inf 또는 계속 커짐). 기울기가 너무 "
              "크거나(1/N이 빠졌나요?) exp가 오버플로합니다"},
    "pictures.not_drawn": {
        "en": "{count} picture(s) not drawn ({names}): {module} is not installed ({command})",
        "ko": "그림 {count}개를 그리지 않았습니다({names}). {module|이/가} 설치되어 있지 않습니다({command})"},
    "locate.notebooks": {
        "en": "error: {path} holds notebooks ({names}) but none of the graded modules: the grader reads your code in "
              "the modules (common/layers.py, ch05/two_layer_net.py, ...), not in notebooks; hand in the modules, in "
              "the book's layout",
        "ko": "오류: {path}에 노트북은 있지만({names}) 채점할 모듈이 하나도 없습니다. 채점기는 노트북이 아니라 "
              "모듈(common/layers.py, ch05/two_layer_net.py, ...)에 있는 코드를 읽습니다. 모듈을 책의 구성 그대로 "
              "제출하세요"},

    # ============================================================ notebooks (from grader import check)
    "jupyter.progress": {
        "en": "{done} checks graded; the last: {chapter} {title}",
        "ko": "검사 {done}개 채점함. 마지막: {chapter} {title}"},
    "jupyter.done": {
        "en": "{count} checks graded in {seconds:.1f} s",
        "ko": "검사 {count}개를 {seconds:.1f}초 동안 채점했습니다"},
    "jupyter.unknown_chapter": {
        "en": "error: no chapter {given}: give one of {chapters}, e.g. check(\"ch05\")",
        "ko": "오류: {given|이/가} 없는 장입니다. {chapters} 중 하나를 주세요(예: check(\"ch05\"))"},
    "jupyter.unknown_language": {
        "en": "warning: no language {given}: the feedback is in English (lang=\"en\" or lang=\"ko\")",
        "ko": "경고: {given|은/는} 없는 언어입니다. 영어로 보여 줍니다(lang=\"en\" 또는 lang=\"ko\")"},
    "jupyter.no_matplotlib": {
        "en": "The report has pictures (learning curves, where a gradient is wrong); to see them here, run "
              "{command} and grade again",
        "ko": "이 보고서에는 그림(학습 곡선, 기울기가 틀린 위치)이 있습니다. 여기서 보려면 {command|을/를} "
              "실행하고 다시 채점하세요"},
    "jupyter.messages": {
        "en": "Messages while grading:",
        "ko": "채점 중에 나온 메시지:"},
}
