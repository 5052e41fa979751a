"""Race times in Dutch text: every notation, the things that look like times but are not, spans and readings."""
from __future__ import annotations

import pytest

from extract import parse_time
from extract.times import TimeMention, find_times



def P(text, seconds, found=None, id=None, marks=()):
    """A positive case: ``text`` holds exactly one time worth ``seconds``, written as ``found``."""
    return pytest.param(text, seconds, found, id=id or text, marks=marks)


# (text, seconds, the time as written when it is not the whole text)
POSITIVES = [
    # minutes.seconds,hundredths and its relatives
    P("1.12,25", 72.25, id="min.sec,hh"),
    P("1.42,519", 102.519, id="min.sec,thousandths"),
    P("3.52,02", 232.02, id="3000m-like"),
    P("12.30,74", 750.74, id="10000m-time"),
    P("10.45,20", 645.2, id="two-digit-minutes"),
    P("1:44.61", 104.61, id="min:sec.hh"),
    P("1:46.167", 106.167, id="min:sec.thousandths"),
    P("1:05.423", 65.423, id="min:sec.thousandths-2"),
    P("1.42.323", 102.323, id="min.sec.thousandths-dots"),
    P("1'41\"56", 101.56, id="quote-minutes"),
    P("3'52''02", 232.02, id="quote-minutes-double-apostrophe"),
    # seconds only
    P("37,01", 37.01, id="sec,hh"),
    P("59,99", 59.99, id="sec,hh-59.99"),
    P("45.53", 45.53, id="sec.hh"),
    P("9,088", 9.088, id="sec,thousandths-cycling"),
    P("42,379", 42.379, id="sec,thousandths-two-digit"),
    P("43.018", 43.018, id="sec.thousandths-flemish"),
    P("13\"99", 13.99, id="sec-quote-hh"),
    P("10,58 seconden", 10.58, id="sec,hh-seconden"),
    P("9,58 seconden", 9.58, id="sprint-seconden"),
    P("0,34 seconde", 0.34, id="gap-seconde"),
    # hours
    P("2.06.03", 7563.0, id="marathon-h.mm.ss"),
    P("2.07.45", 7665.0, id="marathon-h.mm.ss-2"),
    P("2:05:41", 7541.0, id="h:mm:ss"),
    P("1:02:03.5", 3723.5, id="h:mm:ss.f"),
    P("2:15:30.12", 8130.12, id="h:mm:ss.hh"),
    P("8u01:40", 28900.0, id="triathlon-8u01:40"),
    P("7u40:24", 27624.0, id="triathlon-7u40:24"),
    P("2u05:41", 7541.0, id="triathlon-2u05:41"),
    P("8 u 01:40", 28900.0, id="triathlon-spaced-u"),
    # minutes:seconds
    P("1:13", 73.0, id="m:ss"),
    P("0:09", 9.0, id="m:ss-gap"),
    # written out
    P("22 minuten en 35 seconden", 1355.0, id="words-min-sec"),
    P("21 minuten en 5 seconden", 1265.0, id="words-single-digit-sec"),
    P("2 uur, 5 minuten en 41 seconden", 7541.0, id="words-h-min-sec"),
    P("1 uur, 2 minuten en 3 seconden", 3723.0, id="words-h-min-sec-2"),
    P("2 uur en 5 minuten", 7500.0, id="words-h-min"),
    P("1 minuut en 13 tellen", 73.0, id="words-minuut-tellen"),
    P("1 min en 13 sec", 73.0, id="words-abbreviated"),
    P("5 minuten en 2,55 seconden", 302.55, id="words-fractional-sec"),
    P("33.38 minuten", 2018.0, id="dot-minuten-is-minutes"),
    P("4.05,12 minuten", 245.12, found="4.05,12 minuten", id="min.sec,hh-minuten"),
    # inside sentences and next to punctuation
    P("Ze klokte 3.56,93 op de 3000 meter.", 236.93, "3.56,93", id="in-sentence"),
    P("Takagi (Jap) 1.11,83", 71.83, "1.11,83", id="results-list-line"),
    P("Leerdam werd tweede (1.13,83).", 73.83, "1.13,83", id="in-parentheses"),
    P("in een tijd van 1.13,19.", 73.19, "1.13,19", id="before-full-stop"),
    P("Kok reed 37,04, Jackson was sneller.", 37.04, "37,04", id="before-comma"),
    P("De Deense kwam als tweede tot 23,71.", 23.71, "23,71", id="tot-with-decimal-comma"),
    P("een tijd van 1.46,167 op de 1500 meter", 106.167, "1.46,167", id="shorttrack-thousandths"),
    P("De 100 meter won hij in 10,58 seconden.", 10.58, "10,58 seconden", id="seconden-kept-in-text"),
    P("De marathon liep hij in 2:05:41 uur.", 7541.0, "2:05:41 uur", id="h:mm:ss-uur"),
    P("Ze won de 100 meter in 11,5 seconden.", 11.5, "11,5 seconden", id="one-decimal-seconden"),
]


def N(text, id=None, marks=()):
    return pytest.param(text, id=id or text, marks=marks)


NEGATIVES = [
    # dates and years
    N("12.02.2024", id="date-dots"),
    N("ruim 10.000 toeschouwers", id="round-thousands"),
    N("voor 15.250 toeschouwers", id="count-of-spectators"),
    N("25-12-2023", id="date-dashes"),
    N("06.03.21", id="date-short-year"),
    N("2021-12", id="year-month"),
    N("Het gebeurde in 2024.", id="year"),
    N("seizoen 2019/2020", id="season-slash"),
    N("het seizoen 2020-2021", id="season-dash"),
    N("op 3 februari 2022", id="written-date"),
    # scores
    N("Ajax won met 2-1.", id="score-2-1"),
    N("Hij won de set met 6-4.", id="score-6-4"),
    N("Het werd 3-0.", id="score-3-0"),
    # clock times
    N("De start is om 15.30 uur.", id="om-15.30-uur"),
    N("15.30 uur", id="15.30-uur"),
    N("Om 10.30 uur ging de eerste rit van start.", id="10.30-uur"),
    N("rond 20.00 was het afgelopen", id="rond-20.00"),
    N("vanaf 14.15 is er training", id="vanaf-14.15"),
    N("De deuren gaan om 9.15 open.", id="om-9.15"),
    N("omstreeks 16.45 uur", id="omstreeks-uur"),
    N("tot 18.45 is de baan open", id="tot-18.45"),
    # ages, distances, quantities
    N("De 22-jarige won.", id="age"),
    N("Na 26,1 kilometer viel hij aan.", id="distance-kilometer"),
    N("Het parcours is 11,3 km lang.", id="distance-km"),
    N("De marathon is 42,195 kilometer.", id="marathon-distance"),
    N("Hij sprong 5,30 meter.", id="height-meter"),
    N("Ze sprong 2,15 m hoog.", id="height-m"),
    N("De omzet steeg met 9,7 procent.", id="percentage-word"),
    N("Een stijging van 12,5%.", id="percentage-sign"),
    N("Een kop koffie kost € 1,50.", id="euro-sign-before"),
    N("De entree is 1,50 euro.", id="euro-word-after"),
    N("Het kost $ 2,50.", id="dollar"),
    N("Het kost £3,20.", id="pound"),
    N("Ze won met 146,365 punten.", id="points-three-decimals"),
    N("Hij kreeg 8,5 punten.", id="points-one-decimal"),
    N("Een prijzenpot van 1,5 miljoen.", id="million"),
    N("Hij woog 65,4 kilo.", id="weight"),
    N("Het was 35,12 graden.", id="temperature"),
    N("Het scheelde 12,5.", id="one-decimal"),
    N("een fractie van 0,5", id="half"),
    N("1.234.567 kijkers", id="millions-dots"),
    N("Hij won de 5.000 meter.", id="5.000-meter"),
    N("Ze reed de 1.500 meter.", id="1.500-meter"),
    # ranks, minutes of a match
    N("Hij scoorde in de 23e minuut.", id="match-minute"),
    N("Hij werd 31ste.", id="numeric-rank"),
    N("Een tijd van 1.12,25.3", id="longer-number"),
    N("De start is om 20:30.", id="clock-colon"),
    N("Er keken 1.000 toeschouwers toe.", id="thousands-1.000"),
    N("Bergsma won de 10.000 overtuigend.", id="thousands-de-10.000"),
    N("De prijs is 1,50 €.", id="euro-sign-after"),
]


@pytest.mark.parametrize("text, seconds, found", POSITIVES)
def test_time_is_found(text, seconds, found):
    times = [t for t in find_times(text) if not t.whole_seconds]
    assert len(times) == 1, times
    t = times[0]
    assert t.seconds == pytest.approx(seconds, abs=1e-6)
    assert t.text == (found or text)
    assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_a_time(text):
    assert find_times(text) == []


def test_table_sizes():
    """The brief asks for at least 70 cases of which at least 25 negatives."""
    assert len(POSITIVES) + len(NEGATIVES) >= 70
    assert len(NEGATIVES) >= 25


@pytest.mark.parametrize("text, seconds", [
    pytest.param(p.values[0], p.values[1], id=p.id) for p in POSITIVES
    if p.values[2] is None and not p.marks
])
def test_parse_time_whole_string(text, seconds):
    assert parse_time(text) == pytest.approx(seconds, abs=1e-6)
    assert parse_time(f"  {text}\n") == pytest.approx(seconds, abs=1e-6)


@pytest.mark.parametrize("text", [
    pytest.param("Ze klokte 1.12,25", id="time-inside-sentence"),
    pytest.param("1.12,25 en 1.13,00", id="two-times"),
    pytest.param("18 seconden", id="whole-seconds-only-a-gap"),
    pytest.param("", id="empty"),
    pytest.param("snel", id="no-number"),
    pytest.param("12.02.2024", id="date"),
])
def test_parse_time_none(text):
    assert parse_time(text) is None


@pytest.mark.parametrize("text, seconds", [
    pytest.param("18 seconden", 18.0, id="18-seconden"),
    pytest.param("Ze had 47 seconden achterstand.", 47.0, id="47-seconden"),
    pytest.param("op 3 seconden", 3.0, id="op-3-seconden"),
])
def test_whole_seconds_are_marked(text, seconds):
    (t,) = find_times(text)
    assert t.whole_seconds is True
    assert t.seconds == seconds
    assert t.notation == "seconds_words"
    assert text[t.start:t.end] == t.text


def test_fractional_seconds_are_not_whole():
    (t,) = find_times("op 0,34 seconde")
    assert t.whole_seconds is False


# --- spans -------------------------------------------------------------------------------------

def test_spans_point_at_the_text():
    text = "Leerdam klokte 1.13,83 en Takagi 1.13,19; Bowe kwam tot 1:14.02 en Kok tot 22 minuten en 35 seconden."
    times = find_times(text)
    assert [t.text for t in times] == ["1.13,83", "1.13,19", "1:14.02", "22 minuten en 35 seconden"]
    assert [(t.start, t.end) for t in times][:2] == [(15, 22), (33, 40)]
    for t in times:
        assert text[t.start:t.end] == t.text
    assert [t.start for t in times] == sorted(t.start for t in times)


def test_unit_word_is_part_of_the_span():
    text = "Hij liep de 100 meter in 10,58 seconden en won."
    (t,) = find_times(text)
    assert t.text == "10,58 seconden"
    assert text[t.end:].startswith(" en won")


def test_mixed_sentence_keeps_only_the_race_time():
    text = "Om 15.30 uur reed de 22-jarige op 12.02.2024 de 1500 meter in 1.54,12, 9,7 procent sneller."
    assert [t.text for t in find_times(text)] == ["1.54,12"]


def test_timemention_is_frozen():
    (t,) = find_times("1.12,25")
    assert isinstance(t, TimeMention)
    with pytest.raises(AttributeError):
        t.seconds = 1.0  # type: ignore[misc]


# --- alternatives: two-part numbers can be seconds,hundredths or minutes.seconds -------------------

@pytest.mark.parametrize("text, seconds, alternatives", [
    pytest.param("34,09", 34.09, (2049.0,), id="34,09-also-34min09"),
    pytest.param("37,01", 37.01, (2221.0,), id="37,01-also-37min01"),
    pytest.param("45.53", 45.53, (2753.0,), id="45.53-also-45min53"),
    pytest.param("9.58", 9.58, (598.0,), id="9.58-also-9min58"),
    pytest.param("2.06.03", 7563.0, (126.03,), id="hours-dot-also-minutes"),
    pytest.param("59,99", 59.99, (), id="99-cannot-be-seconds"),
    pytest.param("9,088", 9.088, (), id="three-decimals-no-minutes"),
    pytest.param("1.12,25", 72.25, (), id="unambiguous"),
    pytest.param("2:05:41", 7541.0, (), id="h:mm:ss-unambiguous"),
    pytest.param("10,58 seconden", 10.58, (), id="unit-seconds-decides"),
    pytest.param("33.38 minuten", 2018.0, (), id="unit-minutes-decides"),
])
def test_alternatives(text, seconds, alternatives):
    (t,) = find_times(text)
    assert t.seconds == pytest.approx(seconds)
    assert tuple(t.alternatives) == pytest.approx(alternatives)


@pytest.mark.parametrize("text", ["33.38 minuten", "34,09"])
def test_values_are_floats(text):
    (t,) = find_times(text)
    assert isinstance(t.seconds, float)
    assert all(isinstance(a, float) for a in t.alternatives)


def test_tot_before_a_number_that_is_no_clock_is_a_time():
    assert [t.seconds for t in find_times("verbeterde het tot 47.98.")] == [47.98]
    assert find_times("open tot 17.30.") == []
