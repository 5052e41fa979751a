"""Property tests (issue 5): time notations round-trip, the pipeline survives any text, offsets point at the evidence.

The formatters below are the oracle: each writes a duration the way its notation is written in a
race report, independently of the regexes in patterns/times.yml, and find_times must read it back
at the same span, as the same notation, to the same value.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extract
from extract.lexicon import get_lexicon
from extract.times import find_times, parse_time

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "corpus" / "articles"

TIME_PATTERNS = get_lexicon().raw["times"]
NOTATIONS_IN_PATTERNS = tuple(n["name"] for n in TIME_PATTERNS["notations"])
# built in extract/times.py around the unit words of times.yml, not listed under `notations`
NOTATIONS_IN_CODE = ("words_hms", "words_ms", "seconds_words")
HOUR_WORDS = tuple(TIME_PATTERNS["units"]["hours"])
MINUTE_WORDS = tuple(TIME_PATTERNS["units"]["minutes"])
SECOND_WORDS = tuple(TIME_PATTERNS["units"]["seconds"])
JOINERS = tuple(TIME_PATTERNS["joiners"])

TOLERANCE = 1e-9
PRIMARY, ALTERNATIVE = "primary", "alternative"


# --- the oracle: durations and how each notation writes them


@dataclass(frozen=True)
class Written:
    """A duration as a notation writes it; ``reading`` says whether find_times must give ``seconds`` as its
    value or keep it among its ``alternatives`` (the second reading of a two-part number)."""

    text: str
    seconds: Fraction
    reading: str = PRIMARY
    whole_seconds: bool = False


def durations(below_seconds: int, decimals: int = 0, from_seconds: int = 0) -> st.SearchStrategy[Fraction]:
    """Durations in [from_seconds, below_seconds), in steps of 10**-decimals s."""
    step = 10 ** decimals
    return st.integers(from_seconds * step, below_seconds * step - 1).map(lambda n: Fraction(n, step))


def clock_parts(duration: Fraction, decimals: int) -> tuple[int, int, int, str]:
    """(hours, minutes, seconds, the fraction's digits) of a duration."""
    scaled = duration * 10 ** decimals
    assert scaled.denominator == 1, "the duration has more decimals than the notation writes"
    whole, fraction = divmod(int(scaled), 10 ** decimals)
    hours, rest = divmod(whole, 3600)
    minutes, seconds = divmod(rest, 60)
    return hours, minutes, seconds, f"{fraction:0{decimals}d}" if decimals else ""


@st.composite
def hours_u(draw):  # 8u01:40
    duration = draw(durations(100 * 3600))
    h, m, s, _ = clock_parts(duration, 0)
    space_before, space_after = draw(st.sampled_from(["", " "])), draw(st.sampled_from(["", " "]))
    separator = draw(st.sampled_from([":", ".", "'", ","]))
    return Written(f"{h}{space_before}u{space_after}{m:02d}{separator}{s:02d}", duration)


@st.composite
def hours_minutes_frac(draw):  # 2:06.54,430
    duration = draw(durations(10 * 3600, decimals=3))
    h, m, s, f = clock_parts(duration, 3)
    return Written(f"{h}:{m:02d}{draw(st.sampled_from('.:'))}{s:02d}{draw(st.sampled_from(',.'))}{f}", duration)


@st.composite
def hours_colon(draw):  # 2:05:41, 1:02:03.5
    decimals = draw(st.integers(0, 3))
    # one-digit hours with thousandths ("1:02:03.500") is hours_minutes_frac's, tried first: same value,
    # other name. Two-digit hours keep this notation for thousandths
    from_seconds = 10 * 3600 if decimals == 3 else 0
    duration = draw(durations(100 * 3600, decimals, from_seconds))
    h, m, s, f = clock_parts(duration, decimals)
    fraction = draw(st.sampled_from(".,")) + f if decimals else ""
    return Written(f"{h}:{m:02d}:{s:02d}{fraction}", duration)


@st.composite
def minutes_quote(draw):  # 1'41"56, 3'52''02
    decimals = draw(st.integers(1, 3))
    duration = draw(durations(100 * 60, decimals))
    h, m, s, f = clock_parts(duration, decimals)
    minute_mark = draw(st.sampled_from(["'", "’", "′"]))
    second_mark = draw(st.sampled_from(['"', "”", "″", "''", "’’"]))
    return Written(f"{60 * h + m}{minute_mark}{s:02d}{second_mark}{f}", duration)


@st.composite
def minutes_frac(draw):  # 1.12,25  1:44.61  1.42.323; "1:00.42" also reads as 1 h 0 min 42 s
    form = draw(st.sampled_from(["m.ss,ff", "m:ss,ff", "m:ss.ff", "m.ss.fff", "h:mm.ss"]))
    if form == "h:mm.ss":  # the hours reading, kept as an alternative
        duration = draw(durations(10 * 3600))
        h, m, s, _ = clock_parts(duration, 0)
        return Written(f"{h}:{m:02d}.{s:02d}", duration, ALTERNATIVE)
    decimals = 3 if form == "m.ss.fff" else draw(st.integers(2, 3))
    duration = draw(durations(1000 * 60, decimals))
    h, m, s, f = clock_parts(duration, decimals)
    minute_separator, fraction_separator = form[1], form[4]
    return Written(f"{60 * h + m}{minute_separator}{s:02d}{fraction_separator}{f}", duration)


@st.composite
def hours_dot(draw):  # 2.06.03: 2 h 6 min 3 s, or 2 min 6.03 s
    if draw(st.booleans()):
        duration = draw(durations(10 * 3600))
        h, m, s, _ = clock_parts(duration, 0)
        return Written(f"{h}.{m:02d}.{s:02d}", duration)
    # the minutes reading: hundredths only up to 59, the notation's last part being [0-5]\d
    duration = draw(durations(10 * 60, decimals=2).filter(lambda d: d * 100 % 100 < 60))
    _, m, s, f = clock_parts(duration, 2)
    return Written(f"{m}.{s:02d}.{f}", duration, ALTERNATIVE)


@st.composite
def minutes_colon(draw):  # 1:13, 0:09
    duration = draw(durations(1000 * 60))
    h, m, s, _ = clock_parts(duration, 0)
    return Written(f"{60 * h + m}:{s:02d}", duration)


@st.composite
def seconds_quote(draw):  # 13"99
    decimals = draw(st.integers(1, 3))
    duration = draw(durations(100, decimals))
    _, m, s, f = clock_parts(duration, decimals)
    second_mark = draw(st.sampled_from(['"', "”", "″", "''"]))
    return Written(f"{60 * m + s}{second_mark}{f}", duration)


def seconds_or_minutes(separator: str, most_seconds: int, decimals_range: tuple[int, int]):
    """A two-part number: seconds with a fraction ("37,01"), or minutes and seconds ("34,09": 2049 s, the
    alternative reading); a unit after it makes its reading the value and is part of the time."""

    @st.composite
    def written(draw):
        unit = draw(st.sampled_from(["", "unit"]))
        if draw(st.booleans()):
            decimals = draw(st.integers(*decimals_range))
            duration = draw(durations(most_seconds, decimals))
            _, m, s, f = clock_parts(duration, decimals)
            text = f"{60 * m + s}{separator}{f}"
            if unit:
                return Written(f"{text} {draw(st.sampled_from(SECOND_WORDS))}", duration)
            return Written(text, duration)
        duration = draw(durations(most_seconds * 60))
        h, m, s, _ = clock_parts(duration, 0)
        text = f"{60 * h + m}{separator}{s:02d}"
        if unit:
            return Written(f"{text} {draw(st.sampled_from(MINUTE_WORDS))}", duration)
        return Written(text, duration, ALTERNATIVE)

    return written()


@st.composite
def seconds_unit(draw):  # 11,5 seconden
    duration = draw(durations(1000, decimals=1))
    _, m, s, f = clock_parts(duration, 1)
    # the unit words this notation's own lookahead names: one decimal is a time only with them
    return Written(f"{60 * m + s},{f} {draw(st.sampled_from(['seconden', 'seconde', 'sec']))}", duration)


@st.composite
def seconds_dot_milli(draw):  # 42.379
    # "42.500", "12.100": a thousands separator by design (the notation refuses a fraction ending in 00)
    duration = draw(durations(100, decimals=3, from_seconds=10).filter(lambda d: d * 1000 % 100 != 0))
    _, m, s, f = clock_parts(duration, 3)
    return Written(f"{60 * m + s}.{f}", duration)


def spaced_word(draw, words) -> str:
    """A unit word after its number, with or without the space between them."""
    return draw(st.sampled_from(["", " "])) + draw(st.sampled_from(words))


def joiner(draw) -> str:
    return draw(st.sampled_from([" ", ", "] + [f"{lead}{word} " for word in JOINERS for lead in (" ", ", ")]))


@st.composite
def words_hms(draw):  # 2 uur, 5 minuten en 41 seconden / 2 uur en 5 minuten
    with_seconds = draw(st.booleans())
    duration = draw(durations(100 * 3600)) if with_seconds else 60 * draw(durations(100 * 60))
    h, m, s, _ = clock_parts(duration, 0)
    text = f"{h}{spaced_word(draw, HOUR_WORDS)}{joiner(draw)}{m}{spaced_word(draw, MINUTE_WORDS)}"
    if with_seconds:
        text += f"{joiner(draw)}{s}{spaced_word(draw, SECOND_WORDS)}"
    return Written(text, duration)


@st.composite
def words_ms(draw):  # 22 minuten en 35 seconden, 1 minuut en 13,5 tellen
    decimals = draw(st.integers(0, 3))
    duration = draw(durations(1000 * 60, decimals))
    h, m, s, f = clock_parts(duration, decimals)
    seconds = f"{s},{f}" if decimals else f"{s}"
    return Written(f"{60 * h + m}{spaced_word(draw, MINUTE_WORDS)}{joiner(draw)}{seconds}"
                   f"{spaced_word(draw, SECOND_WORDS)}", duration)


@st.composite
def seconds_words(draw):  # 18 seconden: whole seconds, a gap rather than a finishing time
    duration = draw(durations(1000))
    return Written(f"{int(duration)}{spaced_word(draw, SECOND_WORDS)}", duration, whole_seconds=True)


FORMATTERS: dict[str, st.SearchStrategy[Written]] = {
    "hours_u": hours_u(),
    "hours_minutes_frac": hours_minutes_frac(),
    "hours_colon": hours_colon(),
    "minutes_quote": minutes_quote(),
    "minutes_frac": minutes_frac(),
    "hours_dot": hours_dot(),
    "minutes_colon": minutes_colon(),
    "seconds_quote": seconds_quote(),
    "seconds_comma": seconds_or_minutes(",", 1000, (2, 3)),
    "seconds_unit": seconds_unit(),
    "seconds_dot_milli": seconds_dot_milli(),
    "seconds_dot": seconds_or_minutes(".", 100, (2, 2)),
    "words_hms": words_hms(),
    "words_ms": words_ms(),
    "seconds_words": seconds_words(),
}

# sentences of our own with the time at the start, inside, at the end and in brackets; no other number and
# no word that makes a number a clock time ("om", "tot") or a quantity ("meter", "punten")
SENTENCES = (
    "{t}",
    "Ze won in {t}.",
    "{t} was genoeg voor de zege.",
    "De winnaar klokte {t}",
    "Haar tijd ({t}) was goed voor goud.",
    "Hij finishte na {t}, ruim voor de rest.",
    "Met {t} werd hij tweede.",
    "Uitslag: Jansen {t}; Pietersen volgde.",
    "Eindtijd:\n{t}\n",
    "De Friezin reed «{t}» en juichte.",
)


def test_every_formatter_is_a_notation():
    stale = set(FORMATTERS) - set(NOTATIONS_IN_PATTERNS) - set(NOTATIONS_IN_CODE)
    assert not stale, f"formatters for notations that patterns/times.yml no longer has: {sorted(stale)}"


def assert_read_back(notation: str, written: Written, sentence: str) -> None:
    """find_times reads exactly ``written`` in ``sentence``: its text, span, notation and value."""
    start = sentence.index(written.text)
    found = find_times(sentence)
    assert [(t.text, t.start, t.end, t.notation) for t in found] == \
        [(written.text, start, start + len(written.text), notation)]
    time = found[0]
    expected = float(written.seconds)
    if written.reading == PRIMARY:
        assert abs(time.seconds - expected) <= TOLERANCE, f"{time.seconds} s, expected {expected}"
    else:
        assert any(abs(a - expected) <= TOLERANCE for a in time.alternatives), \
            f"{expected} s not among the alternatives {time.alternatives} (value {time.seconds})"
    assert time.whole_seconds == written.whole_seconds


@pytest.mark.parametrize("notation", NOTATIONS_IN_PATTERNS + NOTATIONS_IN_CODE)
@settings(max_examples=80, deadline=None)
@given(data=st.data())
def test_time_notation_round_trips(notation, data):
    if notation not in FORMATTERS:
        pytest.fail(f"notation {notation!r} of patterns/times.yml has no formatter in tests/test_properties.py: "
                    "add one that writes a duration the way this notation does")
    written = data.draw(FORMATTERS[notation], label="written")
    sentence = data.draw(st.sampled_from(SENTENCES), label="sentence")
    assert_read_back(notation, written, sentence.format(t=written.text))
    if written.reading == PRIMARY and not written.whole_seconds:
        assert abs(parse_time(written.text) - float(written.seconds)) <= TOLERANCE


# quoted speech: the time right after an opening or before a closing quotation mark
QUOTED_SENTENCES = (
    'Ze zei: "Ik reed {t}".',
    "“Ik won in {t}”, zei hij.",
    "Hij noemde '{t}' een mooie tijd.",
    "’{t} is snel’, vond de coach.",
)


@settings(max_examples=30, deadline=None)
@given(notation=st.sampled_from(sorted(FORMATTERS)), data=st.data())
def test_time_in_quotation_marks_round_trips(notation, data):
    written = data.draw(FORMATTERS[notation], label="written")
    sentence = data.draw(st.sampled_from(QUOTED_SENTENCES), label="sentence")
    assert_read_back(notation, written, sentence.format(t=written.text))


# --- the pipeline on any text, and where its rows point


@pytest.fixture(scope="module")
def nlp():
    return extract.load()


def assert_offsets_point_at_evidence(extraction: extract.Extraction) -> None:
    """Every row's span is its evidence in the article text: a result's the time it has (else the value it
    was anchored at: a rank, a status), a record's its time, or the words that name it (a record set in this
    race is anchored at its name, "wereldrecord", with its time in time_text)."""
    text = extraction.article.text
    record_words = get_lexicon().record_regex
    for result in extraction.results:
        where = f"{result.competitor!r} in {extraction.article.article_id}"
        assert 0 <= result.char_start < result.char_end <= len(text), where
        pointed = text[result.char_start:result.char_end]
        for kind, evidence in result.evidence:
            assert text[evidence.start:evidence.end] == evidence.text, f"{kind} evidence of {where}"
        if result.time_text is not None:
            assert pointed == result.time_text, where
        assert any((e.start, e.end) == (result.char_start, result.char_end) for _, e in result.evidence), \
            f"{where}: the span {pointed!r} is none of its evidence"
        assert pointed in result.sentence, where
    for record in extraction.records:
        where = f"{record.record_type} record in {extraction.article.article_id}"
        assert 0 <= record.char_start < record.char_end <= len(text), where
        pointed = text[record.char_start:record.char_end]
        assert pointed == record.time_text or record_words.fullmatch(pointed), \
            f"{where}: {pointed!r} is neither its time {record.time_text!r} nor a record's name"
        assert pointed in record.sentence, where


def extract_checked(nlp, text: str, **article) -> extract.Extraction:
    extraction = extract.extract_text(text, nlp=nlp, **article)
    assert_offsets_point_at_evidence(extraction)
    return extraction


ANY_CHARACTER = st.characters(exclude_categories=("Cs",))  # every code point a str can hold in UTF-8
# controls, NUL, line and paragraph separators, zero-width and bidi marks, BOM, combining marks, emoji
# sequences, characters whose case mapping changes the length
NASTY = st.sampled_from([
    "\x00", "\x07", "\x1b", "\x7f", "\r", "\r\n", "\t", "\x0b", "\x0c", "\x85", "\u2028", "\u2029",
    "\u200b", "\u200d", "\u200e", "\u200f", "\u202e", "\u2066", "\ufeff", "\ufffd", "\u0301", "e\u0308",
    "\u00a0", "\u3000", "\U0001f44d\U0001f3fd", "\U0001f1f3\U0001f1f1", "\U0001f469\u200d\U0001f467",
    "\ufb01", "\u0130", "\u00df", "\u01c5", "\U0010ffff",
])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(ANY_CHARACTER, max_size=1000))
def test_pipeline_takes_any_text(nlp, text):
    extract_checked(nlp, text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.one_of(NASTY, st.text(ANY_CHARACTER, max_size=5)), max_size=80).map("".join))
def test_pipeline_takes_control_and_combining_characters(nlp, text):
    extract_checked(nlp, text)


# fragments of race-report-like Dutch, our own words, for texts that do give rows
SPORT_WORDS = ["schaatsen", "wielrennen", "atletiek", "zwemmen", "shorttrack", "roeien", "triatlon"]
DISTANCES = ["500 meter", "1500 meter", "10 kilometer", "100 meter vrije slag", "5000m", "3000 meter",
             "de tijdrit", "de marathon", "de ploegachtervolging", "de massastart", "de sprint"]
RANK_WORDS = ["won", "werd tweede", "werd derde", "eindigde als vierde", "pakte goud", "zilver", "brons",
              "op de tweede plaats", "viel uit", "gaf op", "werd gediskwalificeerd", "1.", "2.", "3."]
LINKS = ["in", "met", "na", "op", "van", "en", "de", "het", "een", "was", "reed", "zwom", "liep", "klokte",
         "tijd", "wereldrecord", "baanrecord", "persoonlijk record", "Nederlands record", "uur", "seconden",
         "achterstand", "voorsprong", "bij de vrouwen", "bij de mannen", "Nederland", "Noorse", "Japanse",
         "Belgische", "(NED)", "(NOR)", "Jumbo-Visma", "Heerenveen", "Hamar"]
PUNCTUATION = [".", ",", ":", ";", "(", ")", "-", "–", "!", "?", "'", '"', "\n", "\n\n", "/", "+", "%", "€"]
CAPITALIZED = st.from_regex(r"[A-Z][a-zéëï]{1,9}(-[A-Z][a-z]{2,8})?", fullmatch=True)
NUMBERS = st.one_of(st.integers(0, 10_000).map(str),
                    st.from_regex(r"\d{1,4}[.,:]\d{1,3}([.,:]\d{1,3})?", fullmatch=True))
ANY_TIME = st.one_of(*FORMATTERS.values()).map(lambda written: written.text)

FRAGMENT = st.one_of(
    st.sampled_from(SPORT_WORDS + DISTANCES + RANK_WORDS + LINKS + PUNCTUATION),
    CAPITALIZED, st.tuples(CAPITALIZED, CAPITALIZED).map(" ".join), NUMBERS, ANY_TIME, NASTY,
    st.text(ANY_CHARACTER, max_size=3),
)
GIVEN_NAMES = tuple(name for gender in ("female", "male") for name in get_lexicon().raw["given_names"][gender])
ATHLETE = st.tuples(st.sampled_from(GIVEN_NAMES), CAPITALIZED).map(" ".join)
# report sentences of our own, so that texts give rows (and records) whose offsets can be checked
REPORT_SENTENCES = (
    "{name} won de {distance} in {time}.",
    "{name} werd {place} in {time}.",
    "Op de {distance} reed {name} {time}, goed voor {medal}.",
    "{name} ({country}) {time}",
    "{number}. {name} {time}",
    "{name} verbeterde het wereldrecord tot {time}.",
    "Het oude baanrecord ({time}) van {name} bleef overeind.",
    "{name} zette een persoonlijk record van {time} neer en werd {place}.",
    "{name} viel uit in de slotronde.",
    "{name} kwam binnen op {time} van de winnaar.",
)
REPORT_SENTENCE = st.builds(
    lambda template, **parts: template.format(**parts), st.sampled_from(REPORT_SENTENCES),
    name=ATHLETE, distance=st.sampled_from(DISTANCES), time=ANY_TIME,
    place=st.sampled_from(["tweede", "derde", "vierde", "vijfde", "eerste", "laatste"]),
    medal=st.sampled_from(["goud", "zilver", "brons"]), country=st.sampled_from(["NED", "NOR", "JPN", "BEL", "XYZ"]),
    number=st.integers(1, 30))
SEPARATORS = st.sampled_from([" ", " ", " ", "\n", "\n\n", "\t", "\u00a0", "\r\n", "", "  "])
DUTCH_LIKE = st.lists(st.tuples(st.one_of(REPORT_SENTENCE, FRAGMENT), SEPARATORS).map("".join),
                      max_size=40).map("".join)
CATEGORIES = st.sampled_from([(), ("schaatsen",), ("wielrennen",), ("atletiek",), ("zwemmen",), ("voetbal",)])
HEADERS = st.sampled_from(["", "date: 2019-11-03\n\n", "title: Uitslag\nsource: eigen\n\n", "date 2021-12"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=HEADERS, text=DUTCH_LIKE, title=st.one_of(st.none(), CAPITALIZED), categories=CATEGORIES)
def test_pipeline_takes_race_report_like_text(nlp, header, text, title, categories):
    extract_checked(nlp, header + text, title=title, categories=categories)


def test_corpus_offsets_point_at_evidence(nlp):
    extractions = list(extract.extract_paths([ARTICLES], nlp=nlp))
    assert len(extractions) >= 50 and sum(len(e.results) for e in extractions) > 100
    for extraction in extractions:
        assert_offsets_point_at_evidence(extraction)
