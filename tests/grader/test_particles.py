"""Korean particles follow the sound the inserted value ends with (grader.feedback.particles), and no
Korean message puts a fixed particle after a value that changes."""
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from grader.feedback.languages import TABLE
from grader.feedback.messages import CATALOGUE, LANGUAGES, WITH_PARTICLE, format_template, templates, using
from grader.feedback.particles import choose

VOWEL, CONSONANT, RIEUL = "vowel", "consonant", "rieul"
FORMS = ("이/가", "을/를", "은/는", "과/와", "으로/로", "이어야/여야")


def expected_form(sound, forms):
    after_consonant, after_vowel = forms.split("/")
    if sound == VOWEL or (sound == RIEUL and after_consonant == "으로"):
        return after_vowel
    return after_consonant


# Values as a reader says them aloud, by what they end with.
WORDS = [("사과", VOWEL), ("수박", CONSONANT), ("물", RIEUL), ("손실", RIEUL), ("기울기", VOWEL)]
DIGITS = [("2", VOWEL), ("3", CONSONANT), ("7", RIEUL), ("0", CONSONANT), ("10", CONSONANT), ("50", CONSONANT),
          ("100", CONSONANT), ("1000", CONSONANT), ("0.05", VOWEL), ("0.113", CONSONANT), ("2.3", CONSONANT),
          ("1e-07", RIEUL), ("11.2%", VOWEL)]
CLOSED = [("params['W1']", RIEUL), ("params['W2']", VOWEL), ("'b3'", CONSONANT), ("(5, 3)", CONSONANT),
          ("(2, 6)", CONSONANT), ("(4,)", VOWEL), ("Momentum()", CONSONANT), ("\"SGD\"", VOWEL), ("[1, 8]", RIEUL)]
LATIN = [("SGD", VOWEL), ("RMSprop", CONSONANT), ("Adam", CONSONANT), ("AdaGrad", VOWEL), ("lr", RIEUL),
         ("x", VOWEL), ("L", RIEUL), ("M", CONSONANT), ("N", CONSONANT), ("R", RIEUL), ("TwoLayerNet", CONSONANT),
         ("Affine", CONSONANT), ("Pooling", CONSONANT), ("update", VOWEL), ("common/layers.py", VOWEL),
         ("dout", CONSONANT), ("Simple", RIEUL)]


@pytest.mark.parametrize("forms", FORMS)
@pytest.mark.parametrize("value, sound", WORDS + DIGITS + CLOSED + LATIN)
def test_the_particle_follows_the_last_sound_of_the_value(value, sound, forms):
    assert choose(value, forms) == expected_form(sound, forms)


def sound_of_syllable(syllable):
    """The final consonant of a Hangul syllable, from its decomposition into jamo."""
    jamo = unicodedata.normalize("NFD", syllable)
    if len(jamo) == 2:
        return VOWEL
    return RIEUL if jamo[2] == "\u11af" else CONSONANT


@given(st.text(min_size=0, max_size=5), st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3),
       st.sampled_from(["", "'", "']", ")", "\")", "]]"]), st.sampled_from(FORMS))
def test_any_hangul_ending_decides_through_closing_marks(prefix, syllable, closing, forms):
    assert choose(prefix + syllable + closing, forms) == expected_form(sound_of_syllable(syllable), forms)


@pytest.mark.parametrize("forms", FORMS)
def test_a_value_with_nothing_to_read_gets_both_forms(forms):
    assert choose("''", forms) in {"이(가)", "을(를)", "은(는)", "과(와)", "(으)로", "이어야(여야)"}


# ---------------------------------------------------------------- the catalogue uses them

# A particle whose form depends on the sound before it, written right after a placeholder
# (perhaps behind a closing quote or bracket) instead of through the helper.
FIXED_PARTICLE = re.compile(r"\{[^{}|]*\}[\]\)'\"]*(?:으로|[이가을를은는과와로라나며고야아랑])")
BOTH_FORMS = re.compile(r"[이을은과]\([가를는와]\)|\(으\)로")


def korean(message_id):
    """The Korean text of a message, every form of a plural one a line."""
    return "\n".join(templates(CATALOGUE[message_id]["ko"]))


@pytest.mark.parametrize("message_id", sorted(CATALOGUE))
def test_no_fixed_particle_follows_a_placeholder(message_id):
    korean_text = korean(message_id)
    assert not FIXED_PARTICLE.search(korean_text), f"{message_id}: {FIXED_PARTICLE.search(korean_text).group()}"
    assert not BOTH_FORMS.search(korean_text), f"{message_id}: write {{value|이/가}}, not 이(가)"


@pytest.mark.parametrize("language", [code for code in LANGUAGES if not TABLE[code].particles])
def test_only_a_language_with_particles_writes_them(language):
    """{key|이/가} is Korean grammar: a language without particles writes plain text."""
    written = [i for i, e in CATALOGUE.items() if language in e
               and any(WITH_PARTICLE.search(t) for t in templates(e[language]))]
    assert not written, written


NUMBER_SPEC = re.compile(r"[eEfFgGd%n]$")
NUMBERS = [(2, VOWEL), (3, CONSONANT), (7, RIEUL), (10, CONSONANT), (0.5, VOWEL), (0.113, CONSONANT),
           (0.117, RIEUL), (0.125, VOWEL)]
TEXTS = WORDS + CLOSED + LATIN + DIGITS


def placeholders(template):
    """{name: format spec} of a template's placeholders (with or without a particle)."""
    plain = WITH_PARTICLE.sub(lambda m: "{" + m.group(1) + "}" if m.group(1) else "", template)
    return {m.group(1): m.group(2) or "" for m in re.finditer(r"(?<!\{)\{(\w+)(?::([^{}]*))?\}", plain)}


def samples(spec):
    """Values for a placeholder of format ``spec``: each shown exactly as written, one per kind of ending."""
    if NUMBER_SPEC.search(spec):
        chosen = [(v, s) for v, s in NUMBERS if format(v, spec) == str(v)]
    else:
        chosen = TEXTS
    assert {s for _, s in chosen} == {VOWEL, CONSONANT, RIEUL}, spec
    return chosen


WITH_HELPER = sorted(i for i in CATALOGUE if WITH_PARTICLE.search(korean(i)))


def test_the_catalogue_uses_the_helper():
    assert len(WITH_HELPER) >= 40


@pytest.mark.parametrize("message_id", WITH_HELPER)
def test_every_korean_message_chooses_its_particles_for_every_kind_of_value(message_id):
    """Each placeholder in turn takes values ending in a vowel, a consonant, ㄹ, a digit, a
    closing quote or bracket; the particle after it (or after the quote that closes it) fits."""
    template = korean(message_id)
    specs = placeholders(template)
    neutral = {name: (1 if NUMBER_SPEC.search(spec) else "x") for name, spec in specs.items()}
    for match in WITH_PARTICLE.finditer(template):
        if match.group(1):
            name, spec = (match.group(1).split(":", 1) + [""])[:2]
            before = "{" + match.group(1) + "}"
        else:  # the particle follows the literal text that closes the placeholder before it
            head = template[:match.start()]
            opening = head.rindex("{")
            before = head[opening:]
            name = re.match(r"\{(\w+)", before).group(1)
            spec = specs[name]
        for value, sound in samples(spec):
            values = {**neutral, name: value}
            with using("ko"):
                shown = format_template(template, values)
            expected = before.format(**values) + expected_form(sound, match.group(2))
            assert expected in shown, f"{message_id}: {value!r} gives {shown!r}, expected {expected!r}"


@given(st.text(max_size=30), st.sampled_from(FORMS))
def test_any_value_gets_a_form_of_the_particle(value, forms):
    """Values come from submissions too (names, exception text): never a crash."""
    after_consonant, after_vowel = forms.split("/")
    both = "(으)로" if after_consonant == "으로" else f"{after_consonant}({after_vowel})"
    assert choose(value, forms) in {after_consonant, after_vowel, both}
