"""Every sentence the grader says to a student or an instructor, in every language it speaks.

The catalogue is in gettext PO files, which translators' tools open: grader/feedback/locale/
``messages.pot`` holds the English (msgctxt: the message id the code uses; msgid: the text),
``<code>.po`` one translation each (msgctxt: the id; msgid: the English it translates; msgstr:
the translation). The languages are those with a PO file and a line in
grader.feedback.languages (English, the source, needs no PO file). A translation whose msgid
is no longer the English of its id is stale: it is not used (the English is shown instead)
and a test names it. Plurals are the format's own: ``msgid_plural`` and ``msgstr[n]``, the
form chosen by the file's Plural-Forms header for the parameter named in the entry's
``#. plural: <name>`` comment.

Placeholders are ``str.format``'s, the same in every language (a test checks it). Code never
writes prose itself: it builds a ``Message(id, **params)``, which is rendered when it is shown,
in the language of the moment (``set_language``; English unless the command line chose
otherwise: ``--lang CODE``, or a locale that starts with a language's prefix). Parameters may be
messages themselves (rendered in the same language), numbers (formatted by the placeholder's
spec) or code (names, shapes, expressions), which is the same in every language.

Each translation follows the terms of its edition of the book, one term per concept, listed in
grader/feedback/glossary_<code>.txt (Korean: 기울기, 순전파/역전파, 오차역전파법, ...; Japanese:
勾配, 順伝播/逆伝播, 誤差逆伝播法, ...), which a test enforces.

In a language whose table line allows it (Korean), a particle never follows a placeholder as
fixed text: ``{key|이/가}`` (also ``을/를``, ``은/는``, ``과/와``, ``으로/로``, ``이어야/여야``)
writes the value and the form that fits how it ends when read aloud (grader.feedback.particles);
``{|이/가}`` writes only the particle, for the text just before it (``params['{key}']{|이/가}``).

Check names are the English strings given to ``@check`` (the stable identifiers of tests,
results.json and the nbgrader groups), written nowhere else by hand: the entries
``check.<chapter>.<function>`` of messages.pot are extracted from them
(``python -m grader.frontends.extract_titles``), and a translation of a check's name is used
while its msgid is the check's name.
"""
import contextlib
import json
import os
import re
import string
from pathlib import Path

from grader.feedback import po
from grader.feedback.languages import SOURCE, TABLE
from grader.feedback.particles import choose

LOCALE = Path(__file__).with_name("locale")
TEMPLATE = LOCALE / "messages.pot"
DEFAULT_LANGUAGE = SOURCE


def translation_files(folder=LOCALE):
    """{language code: path} of the PO files in ``folder``."""
    return {path.stem: path for path in sorted(folder.glob("*.po"))}


def _spoken(folder=LOCALE):
    unknown = sorted(set(translation_files(folder)) - set(TABLE))
    if unknown:
        raise LookupError(f"PO files for languages missing from grader.feedback.languages: {unknown}")
    return (SOURCE,) + tuple(code for code in translation_files(folder) if code != SOURCE)


LANGUAGES = _spoken()
_language = DEFAULT_LANGUAGE


def language_from_environment(environ=None):
    """The language the locale (LC_ALL, else LC_MESSAGES, else LANG) starts with, else English."""
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable)
        if value:
            value = value.lower()
            return next((code for code in LANGUAGES if value.startswith(TABLE[code].locale_prefixes)),
                        DEFAULT_LANGUAGE)
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


# ---------------------------------------------------------------- the catalogue, read from the PO files

def _forms(entry):
    return entry.forms if entry.source_plural is not None else entry.forms[:1]


def load(folder=LOCALE):
    """(catalogue, plural rules, plural parameters) from the PO files of ``folder``.

    catalogue: {id: {language: text, or a tuple of forms for a plural}}, with a language only
    where its translation is done and not stale; plural rules: {language: function of n giving
    the index of the form}; plural parameters: {id: the parameter that counts}."""
    source = po.read(folder / TEMPLATE.name)
    catalogue, counted, rules = {}, {}, {SOURCE: source.plural_forms()[1]}
    for entry in source.entries:
        english = entry.source if entry.source_plural is None else (entry.source, entry.source_plural)
        catalogue[entry.context] = {SOURCE: english}
        for note in entry.notes:
            if note.startswith("plural:"):
                counted[entry.context] = note.partition(":")[2].strip()
    for code, path in translation_files(folder).items():
        translation = po.read(path)
        rules[code] = translation.plural_forms()[1]
        for entry in translation.entries:
            english = catalogue.get(entry.context, {}).get(SOURCE)
            made_from = entry.source if entry.source_plural is None else (entry.source, entry.source_plural)
            if english is None or made_from != english or not entry.translated:
                continue  # unknown, stale or untranslated: English is shown
            forms = tuple(entry.forms)
            catalogue[entry.context][code] = forms if isinstance(english, tuple) else forms[0]
    return catalogue, rules, counted


CATALOGUE, PLURAL_RULES, PLURAL_PARAMETERS = load()


def translation_status(folder=LOCALE):
    """{language: {"missing": [ids], "stale": [ids], "unknown": [ids]}} of the PO files of
    ``folder``: ids of the template with no finished translation (empty or fuzzy), translations
    made from another English than the template's (the English changed since), and ids the
    template no longer has."""
    source = {entry.context: entry for entry in po.read(folder / TEMPLATE.name).entries}
    status = {}
    for code, path in translation_files(folder).items():
        entries = {entry.context: entry for entry in po.read(path).entries}
        stale = [i for i, entry in entries.items() if i in source
                 and (entry.source, entry.source_plural) != (source[i].source, source[i].source_plural)]
        missing = [i for i in source if i not in entries or (not entries[i].translated and i not in stale)]
        status[code] = {"missing": missing, "stale": stale, "unknown": [i for i in entries if i not in source]}
    return status


def templates(text):
    """The forms of a catalogue text: ``(text,)``, or the forms of a plural."""
    return text if isinstance(text, tuple) else (text,)


def choose_template(message_id, language, params):
    """The text of ``message_id`` in ``language`` (English where it has none) for ``params``:
    a plural's form is chosen by the language's rule for the counting parameter."""
    entry = CATALOGUE[message_id]
    if language not in entry:
        language = DEFAULT_LANGUAGE
    text = entry[language]
    if not isinstance(text, tuple):
        return text
    count = params.get(PLURAL_PARAMETERS.get(message_id, "count"), 0)
    try:
        index = PLURAL_RULES[language](int(count))
    except (TypeError, ValueError):
        index = len(text) - 1
    return text[min(index, len(text) - 1)]


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
        template = choose_template(self.id, language, self.params)
        text = format_template(template, {key: _value(value, language) for key, value in self.params.items()})
        return text if TABLE[language].spaced else _unspaced(language).sub("", text)

    def __str__(self):
        return self.render()

    def __format__(self, spec):
        return format(self.render(), spec)

    def __repr__(self):
        return f"Message({self.id!r}, {self.params!r})"

    def __eq__(self, other):
        return isinstance(other, Message) and (self.id, self.params) == (other.id, other.params)

    __hash__ = None


def _unspaced(language):
    """A space between two letters of ``language`` (written without spaces), such as the one
    a template puts around a placeholder that a word of the language fills."""
    letters = TABLE[language].letters
    return re.compile(f"(?<=[{letters}]) (?=[{letters}])")


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


def title_id(check):
    """The catalogue id of a check's name: ``check.<chapter>.<function>``."""
    return f"check.{check.chapter}.{getattr(check.function, '__name__', '')}"


def check_title(check, language=None):
    """A check's name in ``language``: the English name itself, or its translation (made from
    that very name)."""
    language = language or _language
    entry = CATALOGUE.get(title_id(check))
    if entry is None or entry[SOURCE] != check.name:
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


