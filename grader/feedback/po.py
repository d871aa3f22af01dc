"""Reading and writing gettext PO files, the format translators' tools open (Poedit, Lokalize,
Weblate, msgfmt), with no dependency beyond the standard library.

An entry is what the grader needs of one message in one file::

    #. plural: count
    msgctxt "report.more"
    msgid " (+{count} more failing case)"
    msgid_plural " (+{count} more failing cases)"
    msgstr[0] "..."
    msgstr[1] "..."

``context`` (msgctxt) is the message id, ``source`` (msgid, and msgid_plural for a plural) the
English it translates, ``forms`` the translations (msgstr, or msgstr[0..n-1]), ``notes`` the
extracted comments (``#.``) and ``flags`` (``#,``; ``fuzzy`` marks a translation to review).
The header (the entry without context and with an empty msgid) is kept as a dict of its lines
(``Plural-Forms``, ``Language``, ...).
"""
import gettext
import re
from dataclasses import dataclass, field

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")\s*$')
_CONTINUATION = re.compile(r'^(".*")\s*$')


class PoError(ValueError):
    """A PO file that cannot be read: the file, the line and what is wrong."""


@dataclass
class Entry:
    context: str | None
    source: str
    source_plural: str | None = None
    forms: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    flags: set = field(default_factory=set)

    @property
    def translated(self):
        return bool(self.forms) and all(self.forms) and "fuzzy" not in self.flags


@dataclass
class Catalogue:
    header: dict
    entries: list
    comment: str = ""  # the translator comments (``# ``) at the top of the file

    def by_context(self):
        return {entry.context: entry for entry in self.entries}

    def plural_forms(self):
        """(number of forms, function of n giving a form's index) from the Plural-Forms header."""
        text = self.header.get("Plural-Forms", "nplurals=2; plural=(n != 1);")
        count = re.search(r"nplurals\s*=\s*(\d+)", text)
        rule = re.search(r"plural\s*=\s*([^;]+)", text)
        if not count or not rule:
            raise PoError(f"Plural-Forms header not understood: {text!r}")
        return int(count.group(1)), gettext.c2py(rule.group(1).strip())


def _unquote(quoted, where):
    body = quoted[1:-1]
    if "\\" not in body and '"' not in body:
        return body
    done, i = [], 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            if i + 1 >= len(body) or body[i + 1] not in _ESCAPES:
                raise PoError(f"{where}: unknown escape in {quoted}")
            done.append(_ESCAPES[body[i + 1]])
            i += 2
        elif c == '"':
            raise PoError(f"{where}: unescaped quote in {quoted}")
        else:
            done.append(c)
            i += 1
    return "".join(done)


def parse(text, name="<po>"):
    """The Catalogue of PO ``text``; obsolete entries (``#~``) are left out."""
    entries, header, top = [], {}, []
    current, last, notes, flags = {}, None, [], set()

    def finish():
        nonlocal current, last, notes, flags
        if "msgid" in current:
            forms = current.get("forms", {})
            entry = Entry(current.get("msgctxt"), current["msgid"], current.get("msgid_plural"),
                          [forms[i] for i in sorted(forms)], notes, flags)
            if entry.context is None and entry.source == "":
                for line in (entry.forms[0] if entry.forms else "").splitlines():
                    key, _, value = line.partition(":")
                    if key.strip():
                        header[key.strip()] = value.strip()
            else:
                entries.append(entry)
        elif current or notes or flags:
            raise PoError(f"{name}: an entry without msgid")
        current, last, notes, flags = {}, None, [], set()

    for number, line in enumerate(text.splitlines(), 1):
        where = f"{name}:{number}"
        stripped = line.strip()
        if not stripped:
            finish()
            continue
        if stripped.startswith("#~"):
            continue
        if stripped.startswith("#"):
            if "msgid" in current:
                finish()
            if not entries and not header and stripped[1:2] in ("", " "):
                top.append(stripped[2:])
            if stripped.startswith("#."):
                notes.append(stripped[2:].strip())
            elif stripped.startswith("#,"):
                flags |= {f.strip() for f in stripped[2:].split(",") if f.strip()}
            continue
        match = _KEYWORD.match(stripped)
        if match:
            keyword, index, quoted = match.groups()
            if keyword in ("msgctxt", "msgid") and "msgid" in current:
                finish()
            value = _unquote(quoted, where)
            if keyword.startswith("msgstr"):
                current.setdefault("forms", {})[int(index or 0)] = value
                last = ("forms", int(index or 0))
            else:
                if keyword in current:
                    raise PoError(f"{where}: {keyword} twice in one entry")
                current[keyword] = value
                last = (keyword, None)
            continue
        match = _CONTINUATION.match(stripped)
        if match and last:
            value = _unquote(match.group(1), where)
            if last[0] == "forms":
                current["forms"][last[1]] += value
            else:
                current[last[0]] += value
            continue
        raise PoError(f"{where}: not a PO line: {line!r}")
    finish()
    contexts = [e.context for e in entries]
    if len(contexts) != len(set(contexts)):
        twice = sorted({c for c in contexts if contexts.count(c) > 1})
        raise PoError(f"{name}: message ids given twice: {twice[:5]}")
    return Catalogue(header, entries, "\n".join(top))


def read(path):
    return parse(path.read_text(encoding="utf-8"), str(path.name))


# ---------------------------------------------------------------- writing

def quote(text, width=100):
    """``text`` as PO string lines: one line when short, else an empty first line and one line
    per piece (after each newline, and at spaces to keep lines under ``width``), as msgcat does."""
    def escape(piece):
        return piece.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n")

    lines = text.splitlines(keepends=True) or [""]
    if len(lines) == 1 and len(escape(text)) + 10 <= width:
        return [f'"{escape(text)}"']
    pieces = []
    for line in lines:
        piece = ""
        for word in re.findall(r"[^ ]+ *| +", line):
            if piece and len(escape(piece + word)) > width - 2:
                pieces.append(piece)
                piece = ""
            piece += word
        if piece:
            pieces.append(piece)
    return ['""'] + [f'"{escape(p)}"' for p in pieces]


def _field(keyword, text):
    lines = quote(text)
    return [f"{keyword} {lines[0]}"] + lines[1:]


def format_entry(entry):
    lines = [f"#. {note}" for note in entry.notes]
    if entry.flags:
        lines.append("#, " + ", ".join(sorted(entry.flags)))
    if entry.context is not None:
        lines += _field("msgctxt", entry.context)
    lines += _field("msgid", entry.source)
    if entry.source_plural is not None:
        lines += _field("msgid_plural", entry.source_plural)
        for index, form in enumerate(entry.forms or ["", ""]):
            lines += _field(f"msgstr[{index}]", form)
    else:
        lines += _field("msgstr", entry.forms[0] if entry.forms else "")
    return "\n".join(lines)


def format_catalogue(catalogue, comment=None):
    """The PO text of ``catalogue``: ``comment`` (lines for the file's top; the catalogue's own
    by default), header, entries."""
    comment = catalogue.comment if comment is None else comment
    top = [f"# {line}".rstrip() for line in comment.splitlines()]
    header = "".join(f"{key}: {value}\n" for key, value in catalogue.header.items())
    blocks = ["\n".join(top + ['msgid ""'] + _field("msgstr", header))]
    blocks += [format_entry(entry) for entry in catalogue.entries]
    return "\n\n".join(blocks) + "\n"
