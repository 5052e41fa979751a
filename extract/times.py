"""Race times in Dutch text: "1.12,25", "37,01", "1:44.61", "8u01:40", "22 minuten en 35 seconden".

The notations are data (``patterns/times.yml``); this module compiles them into
one scanner and turns a match into a ``TimeMention``: the value in seconds, the
text as written and its span. A two-part number ("34,09", "45.53") keeps its
second reading (minutes.seconds) in ``alternatives`` for the linker to choose
by plausibility.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from .lexicon import get_lexicon

__all__ = ["TimeMention", "find_times", "parse_time"]


@dataclass(frozen=True)
class TimeMention:
    seconds: float
    text: str
    start: int
    end: int
    notation: str
    # other readings of the same text, e.g. 34,09 as 34 min 9 s (2049.0)
    alternatives: tuple[float, ...] = ()
    # "seconds" when the number stands alone as whole seconds ("18 seconden"): a gap, not a finishing time
    whole_seconds: bool = False


def _frac(f: str | None) -> float:
    return int(f) / 10 ** len(f) if f else 0.0


_GROUP_NAME = regex.compile(r"\(\?P<\w+>")
_HOURS_READING = regex.compile(r"\d:[0-5]\d\.[0-5]\d")  # "1:00.42": also 1 h 0 min 42 s


def _starts_with_digit(pattern: str) -> bool:
    """True when every match of ``pattern`` starts with a digit (False when that cannot be told: a pattern
    stdlib re cannot parse)."""
    try:
        from re import _constants as sre, _parser as sre_parser
        # group names may repeat in regex, not in re; they do not change what is matched
        items = sre_parser.parse(_GROUP_NAME.sub("(?:", pattern))
    except Exception:  # noqa: BLE001 - regex-only syntax: no answer
        return False

    def digit(op, av) -> bool:
        if op is sre.LITERAL:
            return chr(av).isdecimal()
        if op is sre.IN:
            return all(iop is sre.LITERAL and chr(iav).isdecimal()
                       or iop is sre.RANGE and all(chr(c).isdecimal() for c in range(iav[0], iav[1] + 1))
                       or iop is sre.CATEGORY and iav is sre.CATEGORY_DIGIT for iop, iav in av)
        return False

    def first_is_digit(seq) -> bool:
        for op, av in seq:
            if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
                continue  # takes no character
            if op is sre.SUBPATTERN:
                return first_is_digit(av[3])
            if op is sre.BRANCH:
                return all(first_is_digit(branch) for branch in av[1])
            if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
                return av[0] >= 1 and first_is_digit(av[2])
            return digit(op, av)
        return False  # may match nothing

    return first_is_digit(items)


@functools.lru_cache(maxsize=1)
def _scanner():
    lex = get_lexicon()
    t = lex.raw["times"]
    units = t["units"]

    def alt(words):
        return "(?:" + "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?![\w])"

    hours, minutes, seconds = alt(units["hours"]), alt(units["minutes"]), alt(units["seconds"])
    sep = r"\s*,?\s*(?:(?:" + "|".join(map(regex.escape, t["joiners"])) + r")\s+)?"
    worded = [
        # 2 uur, 5 minuten en 41 seconden / 2 uur en 5 minuten
        ("words_hms", rf"(?P<h>\d{{1,2}})\s*{hours}{sep}(?P<m>[0-5]?\d)\s*{minutes}(?:{sep}(?P<s>[0-5]?\d)\s*{seconds})?"),
        # 22 minuten en 35 seconden / 1 minuut en 13 tellen
        ("words_ms", rf"(?P<m>\d{{1,3}})\s*{minutes}{sep}(?P<s>[0-5]?\d(?:,\d{{1,3}})?)\s*{seconds}"),
    ]
    parts = []
    names = []
    for i, (name, rx) in enumerate(worded + [(n["name"], n["regex"]) for n in t["notations"]]):
        parts.append(f"(?P<n{i}>{rx})")
        names.append(name)
    readings = {n["name"]: n.get("reading") for n in t["notations"]}
    body = "|".join(parts)
    # "(?=\d)" first lets regex skip to the next digit instead of trying every notation at every character
    # (20x faster); it says nothing new when every notation starts with a digit
    digit_first = r"(?=\d)" if all(_starts_with_digit(rx) for _, rx in worded + [(n["name"], n["regex"]) for n in t["notations"]]) else ""
    # never inside a longer number, a date or an amount; a quote mark against a time is part of a time only
    # with a digit beyond it (1'41"56), else it is speech: "Ik reed 1.12,25", zei ze
    scanner = regex.compile(rf"{digit_first}(?<![\w.,:/€$£-]|\d[.,:'’\"])(?:{body})(?![\w]|[.,:\"”'’]\d)",
                            regex.VERSION1 | regex.IGNORECASE)
    after_unit = regex.compile(rf"\s*(?:(?P<min>{minutes})|(?P<sec>{seconds})|(?P<hr>{hours}))", regex.IGNORECASE)
    not_after = regex.compile(
        r"\s*(?:" + "|".join(regex.escape(w) for w in sorted(t["not_time_after"], key=len, reverse=True)) + r")(?![\w])",
        regex.IGNORECASE)
    clock_before = regex.compile(
        r"(?:^|\W)(?:" + "|".join(regex.escape(w) for w in t["clock_before"]) + r")\s+$", regex.IGNORECASE)
    integer_seconds = regex.compile(rf"(?<![\w.,:])(?P<s>\d{{1,3}})\s*{seconds}", regex.IGNORECASE)
    return scanner, names, readings, after_unit, not_after, clock_before, integer_seconds


def _value(name: str, g: dict) -> float:
    h = int(g["h"]) if g.get("h") else 0
    m = int(g["m"]) if g.get("m") else 0
    s_text = g.get("s") or "0"
    if "," in s_text:
        whole, frac = s_text.split(",", 1)
        s = int(whole) + _frac(frac)
    else:
        s = int(s_text)
    return round(float(h * 3600 + m * 60 + s + _frac(g.get("f"))), 3)


def find_times(text: str) -> list[TimeMention]:
    """Every race-time-like number in ``text``, with dates, clock times, scores and quantities left out."""
    scanner, names, readings, after_unit, not_after, clock_before, integer_seconds = _scanner()
    out: list[TimeMention] = []
    money = {"€", "$", "£"}
    for match in scanner.finditer(text):
        index = next(int(k[1:]) for k, v in match.groupdict().items() if v is not None and k[0] == "n" and k[1:].isdigit())
        name = names[index]
        g = {k: match.group(k) for k in ("h", "m", "s", "f")}
        start, end = match.span()
        value = _value(name, g)
        alternatives: tuple[float, ...] = ()
        whole = False
        tail = text[end:end + 20]
        unit = after_unit.match(tail)
        if readings.get(name) == "seconds_or_minutes":
            # a clock needs hours up to 24 and minutes up to 59 ("tot 47.98" is a time)
            clock = "," not in match.group(0) and int(g["s"]) <= 24 and len(g["f"] or "") == 2 and int(g["f"]) < 60
            if (clock and clock_before.search(text[max(0, start - 12):start])) or \
                    text[max(0, start - 2):start].strip() in money:
                continue  # "om 15.30 uur", "€ 1,50" (a clock never has a decimal comma: "kwam tot 23,71")
            minutes_reading = None
            if len(g["f"]) == 2 and int(g["f"]) < 60:
                minutes_reading = float(int(g["s"]) * 60 + int(g["f"]))
            if unit and unit.group("min"):
                if minutes_reading is None:
                    continue
                value, end = minutes_reading, end + unit.end()
            elif unit and unit.group("sec"):
                end += unit.end()
            elif unit and unit.group("hr"):
                continue  # a clock time: "15.30 uur"
            elif not_after.match(tail):
                continue
            elif minutes_reading is not None:
                alternatives = (minutes_reading,)
        elif name == "minutes_frac" and _HOURS_READING.fullmatch(text[start:end]):
            # "1:00.42" is also 1 h 0 min 42 s (a half marathon); the linker picks by plausibility
            alternatives = (float(int(g["m"]) * 3600 + int(g["s"]) * 60 + int(g["f"])),)
        elif name == "hours_dot":
            alternatives = (round(int(g["h"]) * 60 + int(g["m"]) + int(g["s"]) / 100, 3),)  # 2.06.03 = 2 min 6.03 s
        else:
            if name == "minutes_colon" and clock_before.search(text[max(0, start - 12):start]):
                continue  # "om 20:30"
            if unit and unit.group("hr"):
                if not name.startswith("hours"):
                    continue  # "20:30 uur"
                end += unit.end()  # "2:05:41 uur"
            elif unit and (unit.group("min") or unit.group("sec")):
                end += unit.end()
            elif not_after.match(tail):
                continue
        out.append(TimeMention(value, text[start:end], start, end, name, alternatives, whole))
    # whole seconds ("18 seconden", "47 seconden"): durations that can only be gaps
    taken = [(t.start, t.end) for t in out]
    for match in integer_seconds.finditer(text):
        if any(s <= match.start() < e or s < match.end() <= e for s, e in taken):
            continue
        out.append(TimeMention(float(match.group("s")), match.group(0), match.start(), match.end(),
                               "seconds_words", (), True))
    out.sort(key=lambda t: t.start)
    return out


def parse_time(text: str) -> float | None:
    """The value in seconds of a text that is exactly one race time, else None.

    >>> parse_time("1.12,25")
    72.25
    """
    stripped = text.strip()
    for t in find_times(stripped):
        if t.start == 0 and t.end == len(stripped) and not t.whole_seconds:
            return t.seconds
    return None
