"""One place that makes text from a student or from the worker safe to show.

Names of folders and zips, zip member names, exception text and markdown answers are data:
they must never reach a terminal, a CSV cell or an HTML page as anything but visible
characters. Everything that writes such text for a reader goes through this module:

- ``visible``: control characters (escape sequences, carriage returns, bell), bidi marks,
  zero-width and other format characters, line and paragraph separators and undecodable
  bytes become visible escapes (``\\x1b``, ``\\u202e``); ordinary letters of any script stay.
- ``csv_cell``: ``visible`` plus a leading apostrophe before a formula start (= + - @).
- ``html_text`` / ``markdown_text``: ``visible`` plus escaping for HTML or Markdown.
- ``output_key``: a file name for a student's outputs: a cleaned, readable name plus a hash
  of the exact original name (two different names never share a key).
- ``skeleton``: the form under which look-alike names compare equal.
- ``name_from_bytes``: a file name in any encoding (UTF-8, CP949) as visible text.
"""
import hashlib
import html
import os
import re
import unicodedata

# Categories shown as escapes: controls, format (bidi, zero-width), line and paragraph
# separators, surrogates (undecodable bytes of a file name), private use, unassigned.
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>-])")


def _escape(char):
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def visible(text, keep_newlines=False):
    """``text`` with every character that could act on a terminal or hide itself shown as an
    escape. With ``keep_newlines``, plain newlines stay (multi-line feedback); a lone carriage
    return never does. A backslash is kept: it acts on nothing."""
    if text is None:
        return ""
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    text = str(text)
    out = []
    for char in text:
        if keep_newlines and char == "\n":
            out.append(char)
        elif unicodedata.category(char) in _HIDDEN_CATEGORIES:
            out.append(_escape(char))
        else:
            out.append(char)
    return "".join(out)


def name_from_bytes(raw):
    """A file name (bytes) as text for readers: UTF-8, else CP949 (names made on Korean
    Windows and zipped there), else with the undecodable bytes as escapes."""
    for encoding in ("utf-8", "cp949"):
        try:
            return visible(raw.decode(encoding))
        except UnicodeDecodeError:
            continue
    return visible(os.fsdecode(raw))


def is_clean(text):
    """Whether ``visible`` leaves ``text`` unchanged (nothing hidden or active in it)."""
    return visible(text) == text


def csv_cell(value):
    """A cell for grades.csv: visible text that no spreadsheet reads as a formula. Numbers
    written by the grader itself stay numbers."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:g}"
    text = visible(value)
    if text.startswith(_FORMULA_STARTS):
        text = "'" + text
    return text


def html_text(text):
    """Visible text escaped for HTML (attributes included)."""
    return html.escape(visible(text), quote=True)


def markdown_text(text):
    """Visible text for a Markdown file: HTML escaped and Markdown's own syntax disarmed, so
    that a name is shown as written (no link, no image, no table cell break)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html_text(text))


# Cyrillic and Greek letters drawn like Latin ones (lower case; names are case-folded first).
_CONFUSABLES = str.maketrans("аеорсухіјѕԁԛԝӏοαρντκιχ", "aeopcyxijsdqwloapvtkix")


def skeleton(name):
    """The form under which two names look alike: compatibility-normalised, case-folded,
    without format characters, marks or separators, Cyrillic and Greek look-alikes read as
    Latin (``Ada``, ``ａｄａ``, ``a\u200bda``, ``Аdа`` with Cyrillic A)."""
    text = unicodedata.normalize("NFKD", os.fsdecode(name) if isinstance(name, bytes) else str(name))
    text = "".join(c for c in text if unicodedata.category(c)[0] not in "MCZ" and c not in "._- ")
    return text.casefold().translate(_CONFUSABLES)


def output_key(name, length=40):
    """A safe file name for the outputs of the student ``name`` (str or bytes): the readable
    part keeps letters, digits, '-' and '_' (any script), the rest becomes '_'; the hash of
    the exact name follows, so names that clean alike (``a.txt``, ``a_txt``) stay apart."""
    raw = name if isinstance(name, bytes) else os.fsencode(name) if _is_fs_text(name) else str(name).encode(
        "utf-8", "surrogatepass")
    text = os.fsdecode(raw) if isinstance(name, bytes) else str(name)
    readable = "".join(c if (c.isalnum() and unicodedata.category(c)[0] in "LN") or c in "-_" else "_"
                       for c in unicodedata.normalize("NFKC", text.replace("\udcff", "_")))
    readable = re.sub("_+", "_", readable).strip("_")[:length] or "student"
    return f"{readable}-{hashlib.sha256(raw).hexdigest()[:10]}"


def _is_fs_text(text):
    try:
        os.fsencode(text)
        return True
    except UnicodeEncodeError:
        return False
