"""Korean particles chosen by the last sound of the value they follow.

A Korean particle has two forms: 이/가, 을/를, 은/는, 과/와, 이어야/여야 take the first after a
final consonant (받침) and the second after a vowel; 으로/로 takes 로 after a vowel and after
ㄹ. The catalogue writes ``{key|이/가}`` and the value decides (``attach("params['W1']",
"이/가")`` gives ``params['W1']이``: W1 reads 더블유일, which ends in ㄹ).

What a value ends with, as a reader says it aloud:
- a Hangul syllable: its own final consonant;
- digits: the number read in Korean (3 삼, 2 이, 10 십, 100 백, 1000 천, 10000 만; after a
  decimal point every digit alone, 0.05 ... 오);
- Latin letters: a single letter or an acronym by its letter name (L 엘, M 엠, N 엔, R 알 end in a
  consonant, the others in a vowel); a word (the last part of snake_case or CamelCase) by the
  usual spelling of English loanwords: -m, -n, -ng, -l, -le, -ne, -me end in a consonant, a
  -p, -t, -k, -ck right after a vowel too (스텝, 넷, 아웃), others in a vowel (레이어, 그래디언트);
- % is 퍼센트; closing quotes and brackets, dots, commas and other marks are skipped.
"""
import re

NONE, RIEUL, OTHER = "vowel", "rieul", "consonant"

DIGIT_ENDINGS = {"0": OTHER, "1": RIEUL, "2": NONE, "3": OTHER, "4": NONE, "5": NONE, "6": OTHER, "7": RIEUL,
                 "8": RIEUL, "9": NONE}
# 십, 백, 천 for 1, 2, 3 trailing zeros; 만 (10^4), 억 (10^8), 조 (10^12) for the groups of four.
ZEROS_ENDINGS = {1: OTHER, 2: OTHER, 3: OTHER}
GROUP_ENDINGS = {1: OTHER, 2: OTHER, 3: NONE}
LETTER_ENDINGS = {"l": RIEUL, "r": RIEUL, "m": OTHER, "n": OTHER}
VOWELS = "aeiou"
WORD = re.compile(r"[A-Za-z]+$")
TRAILING_MARKS = re.compile(r"[^0-9A-Za-z\uac00-\ud7a3]+$")
NUMBER = re.compile(r"(\d+)(?:\.(\d+))?$")


def hangul_ending(syllable):
    final = (ord(syllable) - 0xAC00) % 28
    return NONE if final == 0 else RIEUL if final == 8 else OTHER


def number_ending(text):
    """How the number at the end of ``text`` ends when read in Korean."""
    whole, fraction = NUMBER.search(text).groups()
    if fraction is not None:
        return DIGIT_ENDINGS[fraction[-1]]
    if set(whole) == {"0"}:
        return DIGIT_ENDINGS["0"]
    zeros = len(whole) - len(whole.rstrip("0"))
    if zeros == 0:
        return DIGIT_ENDINGS[whole[-1]]
    if zeros % 4:
        return ZEROS_ENDINGS[zeros % 4]
    return GROUP_ENDINGS.get(zeros // 4, OTHER)


def word_ending(word):
    """How an English word or identifier ending ``word`` (letters only) ends when read in Korean."""
    last = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+", word)[-1] if word else ""
    if len(last) == 1 or last.isupper() or not set(last.lower()) & set(VOWELS + "y"):
        return LETTER_ENDINGS.get(last[-1].lower(), NONE)  # read letter by letter: lr, dx, SGD
    last = last.lower()
    if last.endswith(("ng", "m", "n", "ne", "me")):
        return OTHER
    if last.endswith(("l", "le")):
        return RIEUL
    if last.endswith(("ck", "out")) or re.search(r"(?:^|[^aeiou])[aeiou][ptk]$", last):
        return OTHER
    return NONE


def ending(value):
    """NONE, RIEUL or OTHER: the last sound of ``value`` read aloud; None when nothing readable."""
    if str(value).rstrip(")]}'\"").endswith("%"):
        return NONE  # 퍼센트
    text = TRAILING_MARKS.sub("", str(value))
    if not text:
        return None
    last = text[-1]
    if "\uac00" <= last <= "\ud7a3":
        return hangul_ending(last)
    if last.isdigit():
        return number_ending(text)
    return word_ending(WORD.search(text).group())


def choose(value, forms):
    """The form of the particle ``forms`` ('이/가', '으로/로', ...) that follows ``value``."""
    after_consonant, after_vowel = forms.split("/")
    sound = ending(value)
    if sound is None:  # nothing to read: both forms, as Korean writes them
        return "(으)로" if after_consonant == "으로" else f"{after_consonant}({after_vowel})"
    if sound == NONE or (sound == RIEUL and after_consonant == "으로"):
        return after_vowel
    return after_consonant


def attach(value, forms):
    """``value`` followed by the right form of the particle."""
    return f"{value}{choose(value, forms)}"
