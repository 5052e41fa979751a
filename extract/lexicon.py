"""Load and validate the Dutch pattern data in ``patterns/``.

Every file declares ``schema: <name>/<version>`` and is checked against the
spec below when it is loaded: a wrong key or type fails at once with the file,
the key path and what was expected (``PatternFileError``). The validated data
is turned into one ``Lexicon`` of lookup tables and compiled regexes, built
once per process.
"""
from __future__ import annotations

import codecs
import functools
import re
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import regex
import yaml
from spacy.lang.nl.stop_words import STOP_WORDS as _COMMON_WORDS

__all__ = ["PatternFileError", "Lexicon", "get_lexicon", "load_pattern_file", "PATTERN_FILES", "validate",
           "compile_regex", "FastPattern", "TextWords", "is_plain", "words_regex"]


class PatternFileError(ValueError):
    """A pattern file is missing, not YAML, or does not match its schema."""

    def __init__(self, file: str, key: str, expected: str, got: Any = None):
        self.file, self.key, self.expected = file, key, expected
        got_text = "" if got is None else f", got {type(got).__name__} {str(got)[:60]!r}"
        super().__init__(f"{file}: key '{key}': expected {expected}{got_text}")


# --- spec language: a Python type, [item_spec], {key: spec}, MapOf(key, value), Number


class MapOf:
    """A mapping with free keys of one type and values of one spec."""

    def __init__(self, value: Any):
        self.value = value


class _Number:
    pass


Number = _Number()
Words = [str]
OPTIONAL = "?"  # a key ending in "?" may be absent

COUNTRY = {"code": str, "names": Words, "short": Words, "adjective": Words, "male": Words,
           "female": Words, "plural": Words, "regional?": Words}

SPECS: dict[str, dict] = {
    "countries": {"countries": [COUNTRY]},
    "events": {"distance_units": MapOf(int), "distance_words": MapOf(int), "race_distances": MapOf([int]), "distance_not_after": Words,
               "named": MapOf(str), "classification_event": MapOf(str), "default_event": MapOf(str), "stage_race_event": str, "stage_race_cues": Words, "practice_cues?": Words, "sport_only": MapOf(Words), "points_units": Words, "field_events": MapOf(str), "mark_units": Words, "strokes": Words, "stroke_codes": MapOf(str), "distance_links": Words, "rounds": MapOf(str), "event_as_round": MapOf(MapOf(str)), "not_rounds?": MapOf(Words), "distance_alias": MapOf(MapOf(str)), "specializes": MapOf(Words), "generic_stage_words?": Words, "contest_parts?": MapOf(Words), "team_events": Words, "crew_events": Words, "crew_sports": Words, "combined_events": Words, "minor_finals": Words, "distance_event_sports": Words, "relay_distance": MapOf(MapOf(int)), "time_trial_distance": MapOf(MapOf(int)), "timed_round": MapOf(MapOf(str)), "standings_events": Words,
               "event_cues?": MapOf(MapOf(Words)),
               "genders": {"women": Words, "men": Words, "mixed?": Words}, "one_person_gender_words?": Words},
    "sports": {"default": str, "non_race_categories": Words, "non_race_keywords": Words, "refine": MapOf(str),
               "non_race_sports": MapOf({"categories": Words, "keywords": Words, "patterns": Words}),
               "sports": MapOf({"categories": Words, "keywords": Words, "time_ranges": MapOf([Number])})},
    "ranks": {"ordinals": MapOf(int), "start_order_before?": Words, "start_order_after?": Words, "cardinals": MapOf(int), "place_before_number": Words, "places_before_numbers?": Words, "numeric_suffixes": Words, "winner_phrases": Words, "leader_phrases": Words, "won_title_nouns?": Words, "classification_leader": Words, "winner_not_before": Words, "winner_of_all": Words, "win_negations": Words, "winner_titles": Words, "winner_not_after?": Words, "not_rank_after?": Words, "grid_past_verbs?": Words, "win_count_fillers": Words, "place_from_words": Words, "place_to_words": Words, "top_words": Words, "win_count_nouns?": Words, "win_habit_words?": Words, "win_for_place_phrases?": Words, "field_lead_phrases?": Words, "medals": MapOf(int),
              "prize_nouns": MapOf(int), "prize_verbs": Words, "winner_by": Words, "rank_nouns": Words, "race_place_nouns": Words, "not_rank_nouns": Words, "medal_not_after": Words,
              "past_markers": Words, "other_race_markers?": Words, "contest_day_markers?": Words, "split_prepositions": Words, "split_bare_prepositions": Words, "split_units": Words,
              "last_words": Words, "rank_phrases": MapOf(int), "superlatives": Words},
    "status": {"phrases": MapOf(str), "separable": Words, "negations": Words, "team_status_ignored": Words,
               "gapped": MapOf(str)},
    "records": {"types": MapOf(str), "national_suffix": Words, "this_race_before": Words, "old_before": Words,
                "old_around": Words, "set_to": Words, "record_of": Words, "holder_before": Words, "mark_nouns": Words, "limits": Words, "standing_cues": Words,
                "equalled_cues": Words, "comparison_cues": Words, "holder_nouns?": Words},
    "gaps": {"before": Words, "ambiguous_before": Words, "units": Words, "after": Words, "phrases": MapOf(Number), "split_before?": Words, "split_part_words?": Words},
    "names": {"particles": Words, "neutral_titles?": Words, "not_names": Words, "description_heads": Words, "compound_heads?": Words, "female_words": Words,
              "male_words": Words, "compatriot_words": Words, "plural_heads": Words, "crew_nouns": Words, "thing_noun_endings": Words, "person_noun_endings": Words, "pronouns": MapOf(str), "titles": Words,
              "org_suffixes": Words, "non_athlete_roles": Words, "team_member_nouns": Words, "prepositions": Words, "copulas": Words, "place_prepositions": Words, "place_words": Words, "adjective_endings": Words, "number_words": MapOf(int),
              "determiners": Words, "possessives": Words, "description_breaks": Words, "other_words": Words, "genitive_words": Words, "place_prefixes": Words,
              "place_adjective_endings": Words, "place_articles": Words, "age_suffix": str,
              "person_article": str, "indefinite_articles": Words,
              "first_person_possessives?": Words, "home_country_cues?": Words},
    "times": {"notations": [{"name": str, "regex": str, "reading?": str, "sports?": Words}], "joiners": Words,
              "units": {"hours": Words, "minutes": Words, "seconds": Words},
              "clock_before": Words, "not_time_after": Words},
    "layout": {"caption_markers": Words, "heading_max_words": int, "metadata_keys": Words, "abbreviations": Words,
               "legacy_encodings": Words},
    "linking": {"overtaken_verbs": Words, "overtaken_ends": Words, "just_ahead": Words, "clause_conjunctions": Words, "predicate_joiners": Words, "subordinating_conjunctions?": Words, "likeness_words?": Words,
                "relative_pronouns": Words, "particles_before_relative": Words, "won_ahead_of_verbs": Words,
                "beat_phrases": Words, "ahead_after_comma": Words, "same_meet": Words, "round_anaphora": Words, "round_path": Words, "chunk_breaks": Words, "year_past_prepositions": Words,
                "clause_adverbs": Words, "list_joiners": Words, "distance_joiners": Words,
                "next_round_before": Words, "round_raced_before": Words, "ahead_modals": Words, "ahead_phrases": Words, "held_off_phrases?": Words, "with_place_links": Words, "with_place_fillers?": Words, "gap_to?": Words, "gap_closing_verbs?": Words,
                "just_behind": Words, "event_time_before": Words, "future_markers": Words, "grid_start_verbs?": Words, "months": MapOf(int)},
    "given_names": {"female": Words, "male": Words},
    "teams": {"teams": Words, "country_prefixes": MapOf(str)},
    "venues": {"venues": Words, "competitions": Words},
}
PATTERN_FILES = tuple(f"{name}.yml" for name in SPECS)
ALLOWED_VALUES = {
    ("status", "phrases"): {"dnf", "dns", "dsq", "dnq"},
    ("names", "pronouns"): {"female", "male", "any"},
}


def _type_name(spec: Any) -> str:
    if spec is Number:
        return "a number"
    if isinstance(spec, list):
        return f"a list of {_type_name(spec[0])}"
    if isinstance(spec, MapOf):
        return f"a mapping of names to {_type_name(spec.value)}"
    if isinstance(spec, dict):
        return "a mapping with keys " + ", ".join(k.rstrip(OPTIONAL) for k in spec)
    return {str: "a string", int: "an integer", float: "a number", bool: "true or false"}.get(spec, str(spec))


def _check(file: str, path: str, value: Any, spec: Any) -> None:
    if spec is Number:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise PatternFileError(file, path, "a number", value)
    elif isinstance(spec, list):
        if not isinstance(value, list):
            raise PatternFileError(file, path, _type_name(spec), value)
        for i, item in enumerate(value):
            _check(file, f"{path}[{i}]", item, spec[0])
    elif isinstance(spec, MapOf):
        if not isinstance(value, dict):
            raise PatternFileError(file, path, _type_name(spec), value)
        for key, item in value.items():
            if not isinstance(key, str):
                raise PatternFileError(file, f"{path}.{key}", "a string key", key)
            _check(file, f"{path}.{key}", item, spec.value)
    elif isinstance(spec, dict):
        if not isinstance(value, dict):
            raise PatternFileError(file, path, _type_name(spec), value)
        allowed = {k.rstrip(OPTIONAL) for k in spec}
        for key in value:
            if key not in allowed:
                raise PatternFileError(file, f"{path}.{key}".lstrip("."),
                                       "one of the keys " + ", ".join(sorted(allowed)), key)
        for key, sub in spec.items():
            name = key.rstrip(OPTIONAL)
            if name not in value:
                if key.endswith(OPTIONAL):
                    continue
                raise PatternFileError(file, f"{path}.{name}".lstrip("."), f"{_type_name(sub)} (the key is missing)")
            _check(file, f"{path}.{name}".lstrip("."), value[name], sub)
    elif spec is str:
        if not isinstance(value, str) or not value.strip():
            raise PatternFileError(file, path, "a non-empty string", value)
    elif spec is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise PatternFileError(file, path, "an integer", value)
    elif not isinstance(value, spec):
        raise PatternFileError(file, path, _type_name(spec), value)



def _check_regexes(file: str, key: str, patterns: list[str], indexed: bool = True) -> None:
    """Each pattern compiles, or the file fails with the key of the bad one."""
    for i, pattern in enumerate(patterns):
        try:
            regex.compile(pattern)
        except regex.error as exc:
            raise PatternFileError(file, f"{key}[{i}]" if indexed else key,
                                   f"a valid regular expression ({exc})") from None

def validate(file: str, data: Any) -> dict:
    """Check one parsed pattern file against its schema; return it."""
    name = file.rsplit("/", 1)[-1].removesuffix(".yml")
    if name not in SPECS:
        raise PatternFileError(file, "(file)", "one of " + ", ".join(PATTERN_FILES))
    if not isinstance(data, dict):
        raise PatternFileError(file, "(top level)", "a mapping", data)
    schema = data.get("schema")
    if schema != f"{name}/1":
        raise PatternFileError(file, "schema", f"'{name}/1'", schema)
    body = {k: v for k, v in data.items() if k != "schema"}
    _check(file, "", body, SPECS[name])
    for (fname, key), allowed in ALLOWED_VALUES.items():
        if fname == name:
            for k, v in body[key].items():
                if v not in allowed:
                    raise PatternFileError(file, f"{key}.{k}", "one of " + ", ".join(sorted(allowed)), v)
    if name == "times":
        for i, n in enumerate(body["notations"]):
            _check_regexes(file, f"notations[{i}].regex", [n["regex"]], indexed=False)
            if n.get("reading", "seconds_or_minutes") != "seconds_or_minutes":
                raise PatternFileError(file, f"notations[{i}].reading", "seconds_or_minutes", n["reading"])
    if name == "ranks":  # these single out past markers: a phrase not listed there is never found
        listed = {" ".join(w.lower().split()) for w in body["past_markers"]}
        for key in ("other_race_markers", "contest_day_markers"):
            for i, phrase in enumerate(body.get(key) or ()):
                if " ".join(phrase.lower().split()) not in listed:
                    raise PatternFileError(file, f"{key}[{i}]", "a phrase also listed under 'past_markers'", phrase)
    if name == "layout":
        for i, encoding in enumerate(body["legacy_encodings"]):
            try:
                codecs.lookup(encoding)
            except LookupError:
                raise PatternFileError(file, f"legacy_encodings[{i}]", "the name of a Python codec (cp1252 ...)",
                                       encoding) from None
    if name == "sports":
        for sport, spec in body["non_race_sports"].items():
            _check_regexes(file, f"non_race_sports.{sport}.patterns", spec["patterns"])
    if name == "events":
        for sport, cues in body.get("event_cues", {}).items():
            for code, patterns in cues.items():
                _check_regexes(file, f"event_cues.{sport}.{code}", patterns)
    if name == "countries":
        for i, c in enumerate(body["countries"]):
            if not regex.fullmatch(r"[A-Z]{3}", c["code"]):
                raise PatternFileError(file, f"countries[{i}].code", "a three-letter IOC code", c["code"])
    return data


# libyaml's safe loader where PyYAML was built with it: the same data, parsed in C (a start-up cost of each process)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_pattern_file(name: str, text: str | None = None) -> dict:
    """Read ``patterns/<name>`` from the installed package (or parse ``text``) and validate it."""
    file = f"patterns/{name}"
    if text is None:
        try:
            text = resources.files("extract").joinpath("patterns").joinpath(name).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise PatternFileError(file, "(file)", "a pattern file shipped with the package") from None
    try:
        data = yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "(unknown line)"
        raise PatternFileError(file, where, f"valid YAML ({getattr(exc, 'problem', exc)})") from None
    return validate(file, data)

# --- two regex engines ------------------------------------------------------------------------------
# Stdlib `re` runs our long word-list alternations 10-20x faster than the `regex` package, but the two
# differ at the edges: what \w, \s and \d are (Unicode versions, "²", combining accents), case folding
# (regex folds "ß" to "ss" under VERSION1, re takes "ı" for "i") and syntax (\p{..}, nested sets,
# fuzzy matching, variable-width lookbehind). So a pattern goes to `re` only where it means the same
# there (compile_regex checks its syntax and characters) and only on texts made of "plain" characters,
# where both engines agree on every class and case pair (tests/test_engines.py checks them all); any
# other text still goes to `regex`.

# Basic Latin to Latin Extended-B, general punctuation, currency signs and a few symbols, less the
# characters where the engines disagree: \x1c-\x1f (whitespace to re only), ² ³ ¹ ¼ ½ ¾ (digits to
# re only), ß İ ŉ ǰ (fold to two characters), ı (an "i" to re), ZWNJ, ZWJ, ‿ ⁀ ⁔ (word characters
# to regex only)
_PLAIN_BLOCKS = "\x00-\u024f\u2000-\u206f\u20a0-\u20c0\u2122\u2190\u2192\u2212\u25cf"
_NOT_PLAIN_CHARS = "\x1c\x1d\x1e\x1f\xb2\xb3\xb9\xbc\xbd\xbe\xdf\u0130\u0131\u0149\u01f0\u200c\u200d\u203f\u2040\u2054"
_NOT_PLAIN = re.compile("[^" + _PLAIN_BLOCKS + "]|[" + _NOT_PLAIN_CHARS + "]")
_last_plain: tuple[str, bool] = ("", True)


def is_plain(text: str) -> bool:
    """True when every character of ``text`` is one on which `re` and `regex` agree."""
    global _last_plain
    last, plain = _last_plain
    if text is not last:  # the linker asks again and again about the same text
        plain = _NOT_PLAIN.search(text) is None
        _last_plain = (text, plain)
    return plain


try:  # the parser of stdlib re tells what a pattern means there; without it every pattern stays on regex
    from re import _constants as _sre, _parser as _sre_parser
except ImportError:  # pragma: no cover
    _sre = _sre_parser = None

_REGEX_FLAGS_TO_RE = {regex.IGNORECASE: re.IGNORECASE, regex.MULTILINE: re.MULTILINE, regex.DOTALL: re.DOTALL,
                      regex.VERBOSE: re.VERBOSE}
# VERSION0/1 change nothing else for a pattern that passes _same_in_re: no sets in sets, no empty matches,
# only plain characters (so no full case folding)
_ENGINE_NEUTRAL_FLAGS = regex.VERSION0 | regex.VERSION1 | regex.UNICODE


def _same_in_re(pattern: str, flags: int) -> int | None:
    """The flags for stdlib re when ``pattern`` means the same there as in `regex` on plain text, else None."""
    if _sre_parser is None or flags & ~(sum(_REGEX_FLAGS_TO_RE) | _ENGINE_NEUTRAL_FLAGS):
        return None
    re_flags = sum(v for k, v in _REGEX_FLAGS_TO_RE.items() if flags & k)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "possible nested set" and the like: regex reads those otherwise
            parsed = _sre_parser.parse(pattern, re_flags)
    except (re.error, Warning, RecursionError):
        return None  # \p{..}, variable-width lookbehind, repeated group names ...: regex only
    if parsed.getwidth()[0] == 0:
        return None  # empty matches: finditer and findall differ in the details
    if parsed.state.flags & ~(re_flags | re.UNICODE):
        return None  # an inline global flag

    def plain(code: int) -> bool:
        return _NOT_PLAIN.match(chr(code)) is None and chr(code) not in "{}"  # "{e<=1}": fuzzy in regex

    def same(items) -> bool:
        for op, av in items:
            if op in (_sre.LITERAL, _sre.NOT_LITERAL):
                if not plain(av):
                    return False
            elif op is _sre.IN:
                for iop, iav in av:
                    if iop is _sre.LITERAL and (not plain(iav) or chr(iav) in "[]") or iop is _sre.RANGE and not (
                            iav[1] - iav[0] < 1000 and all(plain(c) for c in range(iav[0], iav[1] + 1))):
                        return False
                    if iop not in (_sre.LITERAL, _sre.RANGE, _sre.NEGATE, _sre.CATEGORY):
                        return False
            elif op is _sre.BRANCH:
                if not all(same(branch) for branch in av[1]):
                    return False
            elif op is _sre.SUBPATTERN:
                if av[1] & ~re.IGNORECASE or av[2] & ~re.IGNORECASE or not same(av[3]):
                    return False
            elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
                if not same(av[2]):
                    return False
            elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
                if not same(av[1]):
                    return False
            elif op is _sre.ATOMIC_GROUP:
                if not same(av):
                    return False
            elif op not in (_sre.ANY, _sre.AT):
                return False  # a backreference compares case by lower() in re, by case folding in regex
        return True

    return re_flags if same(parsed) else None


class FastPattern:
    """A compiled pattern that runs on stdlib re where that finds the same matches (plain text), else on regex.

    It answers search, match, fullmatch, finditer and findall like a compiled pattern. ``keys``, for a list
    of words, says which word of each listed phrase a text must hold for the phrase to match there
    (``TextWords``).
    """

    __slots__ = ("exact", "fast", "pattern", "flags", "groups", "groupindex", "keys")

    def __init__(self, exact: regex.Pattern, fast: re.Pattern | None, keys: dict[str, tuple[int, ...]] | None = None):
        self.exact, self.fast, self.keys = exact, fast, keys
        self.pattern, self.flags, self.groups, self.groupindex = exact.pattern, exact.flags, exact.groups, exact.groupindex

    def engine(self, string: str):
        return self.fast if self.fast is not None and is_plain(string) else self.exact

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.engine(string).search(string, pos, endpos)

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.engine(string).match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.engine(string).fullmatch(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.engine(string).finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        return self.engine(string).findall(string, pos, endpos)

    def __repr__(self) -> str:
        return f"FastPattern({self.pattern[:60]!r}{'' if self.fast is not None else ', regex only'})"


def compile_regex(pattern: str, flags: int = 0, keys: dict[str, tuple[int, ...]] | None = None) -> FastPattern:
    """``pattern`` compiled for both engines where stdlib re can run it with the same meaning, else for
    regex alone (see FastPattern). ``flags`` are regex flags."""
    exact = regex.compile(pattern, flags)
    re_flags = _same_in_re(pattern, flags)
    try:
        fast = re.compile(pattern, re_flags) if re_flags is not None else None
    except re.error:  # what only compiling tells: a lookbehind of varying width
        fast = None
    return FastPattern(exact, fast, keys)


# a word as the word lists' boundaries (?<![\w-]) and (?![\w-]) see it; regex's \w, for any text
_RUN = regex.compile(r"[\w-]+")
_RUN_FIND = re.compile(r"[\w-]+")  # on plain text only: there re's \w is regex's


def word_keys(phrases) -> dict[str, tuple[int, ...]] | None:
    """For phrases matched as they are written (case aside, spaces as any whitespace) from their first character:
    the case-folded word of each phrase to look for in a text (its longest word that is not a common one, so
    "de winnaar" is looked for at "winnaar", not at every "de") and how many words before it the phrase starts.
    None when a phrase does not start with a word character or is not plain."""
    keys: dict[str, set[int]] = {}
    for phrase in phrases:
        folded = phrase.casefold()
        words = _RUN.findall(folded)
        if not words or not _RUN.match(folded) or not is_plain(phrase):
            return None  # case folding tells what regex matches only among plain characters ("İ" is an "i" to it)
        rarest = max(range(len(words)), key=lambda i: (words[i] not in _COMMON_WORDS, len(words[i])))
        keys.setdefault(words[rarest], set()).add(rarest)
    _KEY_WORDS.update(keys)
    return {k: tuple(sorted(v)) for k, v in keys.items()}


# every key word word_keys() has given: of a text's words TextWords keeps these for the lookups (some twenty
# lists meet a few dozen words then, not the text's hundreds); it only grows
_KEY_WORDS: set[str] = set()


def _is_word_char(ch: str) -> bool:
    """A character of a word ([\\w-]) in plain text, as both engines read it."""
    return ch.isalnum() or ch in "_-"


def _is_word_char_not_hyphen(ch: str) -> bool:
    """\\w in plain text, as both engines read it."""
    return ch.isalnum() or ch == "_"


@functools.lru_cache(maxsize=None)
def _words_back_regex(back: int) -> re.Pattern:
    """On the reversed text: ``back`` words, each after the spaces or signs before it."""
    return re.compile(r"(?:[^\w-]+[\w-]+){%d}" % back)


class TextWords:
    """The words of one text, case-folded. A word list then runs only where one of its words stands instead of
    at every character (find_mentions runs some twenty lists over each text).

    ``finditer(pattern)`` yields what ``pattern.finditer(text)`` yields: a match of a listed phrase starts with
    the phrase's words, so it starts where the text holds the phrase's key word, that many words earlier.
    Texts that are not plain (case folding may change their length there) are scanned as before.
    """

    __slots__ = ("text", "plain", "folded", "vocabulary", "_keyed", "_keyed_of", "_where", "_backwards", "_reversed")

    def __init__(self, text: str):
        self.text = text
        self.plain = is_plain(text)
        if self.plain:
            self.folded = text.casefold()  # one character for each: plain characters fold to one
            self.vocabulary = set(_RUN_FIND.findall(self.folded))
            self._keyed: set[str] = set()  # the vocabulary's key words (_KEY_WORDS) ...
            self._keyed_of = -1  # ... as of this many key words
            self._where: dict[str, list[int]] = {}
            self._backwards: str | None = None  # the folded text reversed
            self._reversed: str | None = None

    def where(self, word: str) -> list[int]:
        """Where ``word`` (case-folded, in the vocabulary) stands as a whole word."""
        found = self._where.get(word)
        if found is None:
            found = self._where[word] = self.occurrences(word)
        return found

    def occurrences(self, word: str, hyphen_joins: bool = True) -> list[int]:
        """Where ``word`` (case-folded) stands as a whole word: no word character (``[\\w-]``, or ``\\w`` when
        not ``hyphen_joins``) right before or after it."""
        inside = _is_word_char if hyphen_joins else _is_word_char_not_hyphen
        folded, n = self.folded, len(word)
        found = []
        i = folded.find(word)
        while i >= 0:
            if (i == 0 or not inside(folded[i - 1])) and (i + n == len(folded) or not inside(folded[i + n])):
                found.append(i)
            i = folded.find(word, i + 1)
        return found

    def _words_back(self, start: int, back: int) -> int | None:
        """Where the word ``back`` words before the one at ``start`` starts (None: the text starts sooner)."""
        if self._backwards is None:
            self._backwards = self.folded[::-1]
        m = _words_back_regex(back).match(self._backwards, len(self.folded) - start)
        return None if m is None else len(self.folded) - m.end()

    def stretch(self, pos: int, stop: re.Pattern) -> tuple[int, int]:
        """The span around ``pos`` up to the nearest characters on either side that ``stop`` (a character class
        for stdlib re) matches."""
        text = self.text
        if self._reversed is None:
            self._reversed = text[::-1]
        after = stop.search(text, pos)
        before = stop.search(self._reversed, len(text) - pos)
        return (len(text) - before.start() if before else 0), (after.start() if after else len(text))

    def keyed(self) -> set[str]:
        """The text's words that are a key word of some list (word_keys)."""
        if self._keyed_of != len(_KEY_WORDS):
            self._keyed, self._keyed_of = self.vocabulary & _KEY_WORDS, len(_KEY_WORDS)
        return self._keyed

    def may_hold(self, keys: dict[str, tuple[int, ...]] | None) -> bool:
        """False when the text holds none of the words ``keys`` (word_keys) as a whole word."""
        return not self.plain or keys is None or not keys.keys().isdisjoint(self.keyed())

    def may_contain(self, folded_strings) -> bool:
        """False when the text holds none of these case-folded plain strings, not even inside a word (None: no
        strings to tell by, True)."""
        return not self.plain or folded_strings is None or any(s in self.folded for s in folded_strings)

    def finditer(self, pattern: FastPattern):
        keys = pattern.keys
        if not self.plain or keys is None:
            return pattern.finditer(self.text)
        candidates = set()
        for key in keys.keys() & self.keyed():
            for back in keys[key]:
                if back:
                    candidates.update(s for s in (self._words_back(i, back) for i in self.where(key)) if s is not None)
                else:
                    candidates.update(self.where(key))
        return self.matches_at(pattern, candidates)

    def matches_at(self, pattern, starts) -> list:
        """What ``pattern.finditer(text)`` finds when each of its matches starts at one of ``starts``: the
        pattern tried there only, one match after the other."""
        text = self.text
        match = (pattern.fast or pattern.exact).match if isinstance(pattern, FastPattern) else pattern.match
        found = []
        end = 0
        for start in sorted(starts):
            if start >= end and (m := match(text, start)):
                found.append(m)
                end = m.end()
        return found

    def count(self, pattern: FastPattern) -> int:
        """How many times ``pattern`` matches in the text (``len(pattern.findall(text))``)."""
        return len(self.finditer(pattern)) if self.plain and pattern.keys is not None else len(pattern.findall(self.text))


@functools.lru_cache(maxsize=256)
def text_words(text: str) -> TextWords:
    """The TextWords of ``text``, kept for the next callers with the same text: the sport of a batch of articles
    is told before their docs are made, the recognizers come later."""
    return TextWords(text)


def _trie_pattern(words: set[str], space: str = r"\s+") -> str:
    """One regex for many words, their common prefixes shared ("Neder(?:land|lands|landse)"): a long
    alternation tried word by word at every position is what made the lexical pass slow. At each
    branch the longer continuations come first, so the longest whole word still wins. A space in a
    word matches ``space``."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        alts = [(space if ch == " " else regex.escape(ch)) + emit(child)
                for ch, child in sorted(node.items()) if ch != ""]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


def _separator_variants(name: str) -> set[str]:
    """``name`` with each hyphen or space between two letters written either way ("Quick-Step", "Quick Step")."""
    parts = regex.split(r"(?<=\p{L})[- ](?=\p{L})", name)
    if len(parts) > 4:  # more than three joints: only as written and all hyphens or all spaces
        return {name, "-".join(parts), " ".join(parts)}
    out = {parts[0]}
    for part in parts[1:]:
        out = {f"{v}{sep}{part}" for v in out for sep in ("-", " ")}
    return out | {name}


def words_regex(words, *, case_insensitive: bool = True) -> FastPattern:
    """A regex matching any of ``words`` as whole words (the longest where several fit)."""
    alts = {(w.lower() if case_insensitive else w) for w in words if w}
    body = _trie_pattern(alts) if alts else r"(?!x)x"
    flags = regex.IGNORECASE if case_insensitive else 0
    return compile_regex(rf"(?<![\w-])(?:{body})(?![\w-])", flags | regex.VERSION1, keys=word_keys(alts))


@dataclass(frozen=True)
class Country:
    code: str
    names: tuple[str, ...]
    short: tuple[str, ...]
    adjective: tuple[str, ...]
    male: tuple[str, ...]
    female: tuple[str, ...]
    plural: tuple[str, ...]


@dataclass
class Lexicon:
    """All pattern data, as lookups. Built by ``get_lexicon()``."""

    raw: dict[str, dict]
    countries: dict[str, Country] = field(default_factory=dict)
    # lowercase word -> (country code, kind) with kind in name/short/adjective/male/female/plural
    country_words: dict[str, tuple[str, str]] = field(default_factory=dict)
    # what other modules build from this lexicon once (their patterns, their caches): see derived()
    _derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def derived(self, key: str, build: Callable[[Lexicon], Any]) -> Any:
        """``build(self)``, built on the first call for ``key`` and kept with this lexicon."""
        if key not in self._derived:
            self._derived[key] = build(self)
        return self._derived[key]

    def __post_init__(self) -> None:
        r = self.raw
        for c in r["countries"]["countries"]:
            country = Country(c["code"], *(tuple(c[k]) for k in ("names", "short", "adjective", "male", "female", "plural")))
            self.countries[country.code] = country
            for kind in ("adjective", "plural", "female", "male", "names"):  # later kinds win on clashes
                for w in getattr(country, kind):
                    self.country_words[w.lower()] = (country.code, kind)
            for w in c.get("regional", ()):
                self.country_words.setdefault(w.lower(), (country.code, "regional"))
        self.country_short = {w: c["code"] for c in r["countries"]["countries"] for w in c["short"]}
        self.country_regex = words_regex(self.country_words, case_insensitive=True)
        ev = r["events"]
        self.distance_units = ev["distance_units"]
        self.distance_words = {k.lower(): v for k, v in ev["distance_words"].items()}
        self.race_distances = {k: set(v) for k, v in ev["race_distances"].items()}
        self.distance_not_after = regex.compile(
            r"(?:^|\W)(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ev["distance_not_after"])
            + r")\s+(?:de\s+)?$", regex.IGNORECASE)
        self.named_events = {k.lower(): v for k, v in ev["named"].items()}
        self.named_event_regex = words_regex(list(self.named_events) + list(self.distance_words))
        self.team_events = set(ev["team_events"])
        self.crew_events = set(ev["crew_events"])
        self.crew_sports = set(ev["crew_sports"])
        self.combined_events = set(ev["combined_events"])
        self.minor_finals = set(ev["minor_finals"])
        self.distance_event_sports = set(ev["distance_event_sports"])
        self.relay_distance = {sport: dict(m) for sport, m in ev["relay_distance"].items()}
        self.time_trial_distance = {sport: dict(m) for sport, m in ev["time_trial_distance"].items()}
        self.timed_round = {sport: dict(m) for sport, m in ev["timed_round"].items()}
        self.contest_parts = {k: set(v) for k, v in (ev.get("contest_parts") or {}).items()}
        self.generic_stage_words = {w.lower() for w in ev.get("generic_stage_words") or ()}
        self.specializes = {g: specific for specific, gs in ev["specializes"].items() for g in gs}
        self.sport_only = {k: set(v) for k, v in ev["sport_only"].items()}
        self.rounds = {k.lower(): v for k, v in ev["rounds"].items()}
        self.event_as_round = {sport: dict(m) for sport, m in ev["event_as_round"].items()}
        self.not_rounds = {sport: {w.lower() for w in ws} for sport, ws in (ev.get("not_rounds") or {}).items()}
        self.distance_alias = {sport: dict(m) for sport, m in ev["distance_alias"].items()}
        self.round_regex = words_regex(self.rounds)
        # per sport: phrases that tell which event a passage is about without naming it ("over de streep")
        self.event_cues = {sport: [(code, regex.compile(p, regex.IGNORECASE | regex.VERSION1)) for code, ps in cues.items() for p in ps]
                           for sport, cues in ev.get("event_cues", {}).items()}
        self.classification_event = dict(ev["classification_event"])
        self.default_event = dict(ev["default_event"])
        # a regex.Pattern, as the two other lists only the linker runs (future_regex, field_lead_regex):
        # linking.model.FoldTwins makes its own fast twin of them
        self.stage_race_regex = words_regex(ev["stage_race_cues"]).exact
        self.stage_race_event = ev["stage_race_event"]
        self.practice_regex = words_regex(ev.get("practice_cues") or ())
        self.stroke_codes = {k.lower(): v for k, v in ev["stroke_codes"].items()}
        # a stroke right after a distance: "100 meter vrije slag", "4x100 meter wisselslag"
        self.stroke_after_regex = regex.compile(
            r"\s*(?:meter\s+|m\s+)?(?P<s>" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(
                self.stroke_codes, key=len, reverse=True)) + r")(?![\w])", regex.IGNORECASE)
        self.stroke_distance_regex = regex.compile(
            r"(?<![\w.,])(?P<n>\d{2,4})\s+(?:meter\s+)?(?:" + "|".join(
                regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(ev["strokes"], key=len, reverse=True)) + r")(?![\w])",
            regex.IGNORECASE)
        # "de 3000 meter aflossing", "de aflossing over 2.000 meter", "Aflossing, 5000 meter": one relay of that distance
        team_words = "|".join(regex.escape(k).replace(r"\ ", r"\s+") for k, v in sorted(
            self.named_events.items(), key=lambda kv: -len(kv[0])) if v == "relay")
        links = "|".join(regex.escape(w) for w in ev["distance_links"])
        units = "|".join(sorted((regex.escape(u) for u in self.distance_units), key=len, reverse=True))
        dist = rf"(?:\d{{1,2}}(?:\.\d{{3}})+|\d{{1,5}})\s*(?:{units})"
        self.relay_distance_regex = regex.compile(
            rf"(?<![\w.,x×])(?P<d>{dist})\s+(?:{team_words})(?![\w-])"
            rf"|(?<![\w-])(?:{team_words})\s*,?\s+(?:(?:{links})\s+(?:de\s+)?)?(?P<d2>{dist})(?![\w])", regex.IGNORECASE)
        self.points_regex = regex.compile(
            r"(?<![\w.,])(?P<n>\d{1,4}(?:[.,]\d{1,3})?)\s*(?:" + "|".join(map(regex.escape, ev["points_units"])) + r")(?!\w)",
            regex.IGNORECASE)
        self.standings_events = set(ev["standings_events"])
        self.field_events = dict(ev["field_events"])
        self.mark_regex = regex.compile(
            r"(?<![\w.,])(?P<n>\d{1,3},\d{1,2})\s*(?:" + "|".join(map(regex.escape, ev["mark_units"])) + r")(?![\w])",
            regex.IGNORECASE)
        self.gender_words = {w.lower(): g for g, ws in ev["genders"].items() for w in ws}
        self.gender_regex = words_regex(self.gender_words)
        self.one_person_gender_words = {w.lower() for w in ev.get("one_person_gender_words") or ()}
        sp = r["sports"]
        self.default_sport = sp["default"]
        self.sports = sp["sports"]
        nr = sp["non_race_sports"]
        # front-matter category -> sport without race results ("eredivisie" -> football)
        self.non_race_category_sport = {c.lower(): s for s, d in nr.items() for c in d["categories"]}
        self.non_race_categories = {c.lower() for c in sp["non_race_categories"]} | set(self.non_race_category_sport)
        self.non_race_regex = words_regex(sp["non_race_keywords"] + [w for d in nr.values() for w in d["keywords"]])
        # score shapes and compounds of match reports ("3-1", "7-6 (5)", "WTA-toernooi"): each match is a vote
        self.non_race_pattern_regexes = [regex.compile(p, regex.IGNORECASE) for d in nr.values() for p in d["patterns"]]
        self.sport_refine = dict(sp["refine"])
        self.category_sport = {c.lower(): s for s, d in self.sports.items() for c in d["categories"]}
        self.sport_keyword_regex = {s: words_regex(d["keywords"]) for s, d in self.sports.items()}
        self.time_ranges = {s: {e: tuple(v) for e, v in d["time_ranges"].items()} for s, d in self.sports.items()}
        # a section's name glued to the next word by scraping: "SchaatsenAnna Visser"
        self.section_labels = {c for d in self.sports.values() for c in d["categories"] + d["keywords"]}
        rk = r["ranks"]
        self.ordinals = rk["ordinals"]
        self.cardinals = {k.lower(): v for k, v in rk["cardinals"].items()}
        self.place_number_regex = regex.compile(
            r"(?<![\w-])(?:" + "|".join(map(regex.escape, rk["place_before_number"])) + r")\s?(?P<n>\d{1,2}|"
            + "|".join(map(regex.escape, self.cardinals)) + r")(?![\w.,:]\d|[\w-])")
        # "op de plaatsen zes, zeven en acht": one place per number of the list
        number = r"(?:\d{1,2}|" + "|".join(map(regex.escape, self.cardinals)) + r")(?![\w.,:]\d|[\w-])"
        self.places_list_regex = regex.compile(
            r"(?<![\w-])(?:" + "|".join(map(regex.escape, rk.get("places_before_numbers", ()))) + rf")\s+(?P<list>{number}(?:\s*(?:,|\ben\b)\s*{number})+)",
            regex.IGNORECASE) if rk.get("places_before_numbers") else None
        self.medals = rk["medals"]
        self.medal_not_after = regex.compile(
            r"(?:^|\W)(?:" + "|".join(map(regex.escape, rk["medal_not_after"])) + r")\s+(?:(?:het|de|een)\s+)?$", regex.IGNORECASE)
        self.rank_suffixes = rk["numeric_suffixes"]
        self.winner_regex = words_regex(rk["winner_phrases"])
        self.winner_not_before = {w.lower() for w in rk["winner_not_before"]}
        self.winner_not_after = {w.lower() for w in rk.get("winner_not_after", ())}
        self.grid_past_verbs = {w.lower() for w in rk.get("grid_past_verbs", ())}
        self.not_rank_after_regex = regex.compile(
            r"(?<![\w-])(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in rk.get("not_rank_after", ()) or ["(?!x)x"])
            + r")\s+(?:de\s+|het\s+)?$", regex.IGNORECASE)
        place_nouns = "|".join(map(regex.escape, sorted(set(rk["rank_nouns"]) - set(rk["race_place_nouns"]))))
        self.place_to_regex = regex.compile(
            rf"\s+(?:(?:{place_nouns})\s+)?(?:{'|'.join(map(regex.escape, rk['place_to_words']))})\s+(?:de\s+)?\w+")
        self.place_from_regex = regex.compile(rf"\b(?:{'|'.join(map(regex.escape, rk['place_from_words']))})\s+(?:de\s+)?$")
        self.top_regex = regex.compile(rf"\s+in\s+de\s+(?:{'|'.join(map(regex.escape, rk['top_words']))})[\s-]+(\w+)")
        nums = "|".join([r"\d{1,3}"] + [regex.escape(w) for w in self.cardinals])
        fillers = r"(?:(?:" + "|".join(map(regex.escape, rk["win_count_fillers"])) + r")\s+)*"
        nouns = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in rk.get("win_count_nouns", ()) or ["(?!x)x"])
        # "won er drie", "won dit jaar elf races": a count of wins, not a place
        self.win_count_regex = regex.compile(rf"\s+{fillers}(?:{nums})(?![\w-])(?:\s+(?:{nouns})\b|\s*[.,;](?!\d))", regex.IGNORECASE)
        # "wonnen dit seizoen veel": winning often, no place in this race
        habit = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in rk.get("win_habit_words", ()) or ["(?!x)x"])
        self.field_lead_regex = words_regex(rk.get("field_lead_phrases") or ["(?!x)x"]).exact  # see stage_race_regex
        self.win_habit_regex = regex.compile(rf"\s+{fillers}(?:{habit})(?![\w-])", regex.IGNORECASE)
        # "won (X) de strijd om de tweede plaats": a place fought for after a win verb (and its subject, inverted)
        fights = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in rk.get("win_for_place_phrases") or ["(?!x)x"])
        later = "|".join(sorted((regex.escape(w) for w, n in self.ordinals.items() if n > 1), key=len, reverse=True))
        place_words = "|".join(map(regex.escape, rk["rank_nouns"]))
        particles = "|".join(map(regex.escape, self.raw["names"]["particles"]))
        self.win_for_place_regex = regex.compile(
            rf"(?:\s+(?-i:\p{{Lu}})[\w'’-]*(?:\s+(?:{particles}))*){{0,4}}"
            rf"\s+(?:{fights})\s+(?:de\s+)?(?:{later})\s+(?:{place_words})\b", regex.IGNORECASE)
        self.win_negation_regex = words_regex(rk["win_negations"])
        self.winner_title_regex = regex.compile(rf"(?<![\w-])(?:{'|'.join(map(regex.escape, rk['winner_titles']))})\s+", regex.IGNORECASE)
        self.winner_of_all = regex.compile(r"\s+(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in rk["winner_of_all"])
                                           + r")(?![\w-])", regex.IGNORECASE)
        self.leader_regex = words_regex(rk["leader_phrases"])
        # "veroverde een Europese titel": a title won, not a person's title ("de wereldkampioen")
        self.won_title_regex = regex.compile(
            r"(?:" + "|".join(map(regex.escape, rk.get("won_title_nouns") or ["-"])) + r")$", regex.IGNORECASE)
        self.classification_leader = {w.lower() for w in rk["classification_leader"]}
        self.prize_nouns = {k.lower(): v for k, v in rk["prize_nouns"].items()}

        def alts(words):
            return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

        # "het brons ging naar", "de wereldtitel bij de vrouwen ging naar", "gewonnen door"
        self.winner_object_regex = regex.compile(
            rf"(?<![\w-])(?:(?P<noun>{alts(self.prize_nouns)})(?:\s+[\w-]+){{0,4}}?\s+(?:{alts(rk['prize_verbs'])})"
            rf"|(?:ging|gaat)\s+(?P<noun>{alts(self.prize_nouns)})(?:\s+[\w.-]+){{0,5}}?\s+naar"
            rf"|(?P<by>{alts(rk['winner_by'])})"
            # "brons voor Noor Visser" (a headline): the prize and the name right after "voor"
            rf"|(?P<noun>{alts(self.prize_nouns)})\s+voor(?=\s+(?-i:\p{{Lu}})))(?![\w-])", regex.IGNORECASE | regex.VERSION1)
        self.rank_nouns = set(rk["rank_nouns"])
        self.race_place_nouns = set(rk["race_place_nouns"])
        self.not_rank_nouns = set(rk["not_rank_nouns"])
        # "startte als twaalfde", "ging als eerste van start": the start order, no place
        self.start_order_before_regex = regex.compile(
            r"(?<![\w-])(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in rk.get("start_order_before") or ["(?!x)x"])
            + r")\s+$", regex.IGNORECASE)
        self.start_order_after_regex = regex.compile(
            r"^[^.,;:!?]{0,40}?(?<![\w-])(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in rk.get("start_order_after") or ["(?!x)x"])
            + r")(?![\w-])", regex.IGNORECASE)
        # "na 500 meter", "halverwege de 1000 meter": a place at a split point, not at the finish
        # a number of metres or kilometres, in digits or words ("na tien kilometer")
        amount = rf"(?:\d{{1,3}}(?:\.\d{{3}})?|{'|'.join(sorted(rk['cardinals'], key=len, reverse=True))})"
        units = '|'.join(map(regex.escape, rk['split_units']))
        split = (rf"(?:(?:{'|'.join(map(regex.escape, rk['split_prepositions']))})\s+(?:de\s+|het\s+)?(?:eerste\s+|laatste\s+)?"
                 rf"|(?:{'|'.join(map(regex.escape, rk['split_bare_prepositions']))})\s+)"
                 rf"{amount}\s*(?:{units})(?![\w-])")
        # "bij de 500 meter lag ze derde": a split point where distances do not name events
        self.split_article_regex = regex.compile(
            rf"(?<![\w-])(?:{'|'.join(map(regex.escape, rk['split_bare_prepositions']))})\s+(?:de|het)\s+{amount}\s*(?:{units})(?![\w-])",
            regex.IGNORECASE)
        self.rank_phrases = {k.lower(): v for k, v in rk["rank_phrases"].items()}
        # "als tweede Nederlander", "was de beste Belg": a demonym told of the clause's subject
        self.predicate_rank_regex = regex.compile(
            rf"(?<![\w-])(?:als|was|werd|is|wordt)\s+(?:de\s+)?(?:{'|'.join(sorted(list(self.ordinals) + list(rk['superlatives']), key=len, reverse=True))})\s+$",
            regex.IGNORECASE)
        self.rank_phrase_regex = words_regex(self.rank_phrases)
        self.contest_day_markers = {regex.sub(r"\s+", " ", w.lower()) for w in rk.get("contest_day_markers") or ()}
        self.other_race_markers = {regex.sub(r"\s+", " ", w.lower()) for w in rk.get("other_race_markers") or ()}
        # every match starts with a past marker or a split preposition, written as listed
        self.past_regex = compile_regex(rf"{words_regex(rk['past_markers']).pattern}|(?<![\w-]){split}",
                                        regex.IGNORECASE | regex.VERSION1, keys=word_keys(
                                            rk["past_markers"] + rk["split_prepositions"] + rk["split_bare_prepositions"]))
        self.last_regex = words_regex(rk["last_words"])
        st = r["status"]
        self.status_phrases = {k.lower(): v for k, v in st["phrases"].items()}
        self.status_regex = words_regex(self.status_phrases)
        self.status_negations = words_regex(st["negations"])
        for phrase in st["separable"]:
            if phrase.lower() not in self.status_phrases:
                raise PatternFileError("patterns/status.yml", f"separable.{phrase}", "a phrase also listed under 'phrases'")
        # "gaf Jan de Boer op": words between the verb and its particle
        self.status_split_regex = regex.compile("|".join(
            rf"\b(?P<v{i}>{regex.escape(p.split()[0])})\s+(?:[\w’'-]+,?\s+){{1,12}}?"
            rf"(?:{regex.escape(' '.join(p.split()[1:]))})\b" for i, p in enumerate(st["separable"]) if len(p.split()) >= 2)
            or r"(?!x)x")
        self.status_separable = [p.lower() for p in st["separable"]]
        # "haalde de finale van de 400 meter niet": a few words where the phrase has "..."
        self.status_gapped = {k.lower(): v for k, v in st["gapped"].items()}
        self.status_gapped_regex = regex.compile("|".join(
            rf"(?P<g{i}>\b" + r"(?:\s+[\w’'-]+,?){0,8}?\s+".join(
                regex.escape(part.strip()).replace(r"\ ", r"\s+") for part in phrase.split("...")) + r"\b)"
            for i, phrase in enumerate(self.status_gapped)) or r"(?!x)x", regex.IGNORECASE)
        self.team_status_ignored = {p.lower() for p in st["team_status_ignored"]}
        rc = r["records"]
        self.record_types = {k.lower(): v for k, v in rc["types"].items()}
        national = [f"{adj} {suf}" for c in self.countries.values() for adj in c.adjective for suf in rc["national_suffix"]]
        self.national_record = {}
        for c in self.countries.values():
            for adj in c.adjective:
                for suf in rc["national_suffix"]:
                    self.national_record[f"{adj} {suf}".lower()] = c.code
        self.record_regex = words_regex(list(self.record_types) + national)
        def alt(words):
            return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

        self.record_this_race = regex.compile(rf"\b(?:{alt(rc['this_race_before'])})\s+(?:[\w-]+\s+){{0,2}}$", regex.IGNORECASE)
        self.record_old_around = regex.compile(rf"\b(?:{alt(rc['old_around'])})\b|\buit (?:19|20)\d\d\b", regex.IGNORECASE)
        self.record_set_to = regex.compile(rf"\s*(?:{alt(rc['set_to'])})\s*")
        self.record_of = regex.compile(rf"\s*(?:{alt(rc['record_of'])}|:)\s*")
        self.holder_before = regex.compile(rf"\s*(?:{alt(rc['holder_before'])}|\)?,?\s*(?:{alt(rc['holder_before'])}))\s+")
        # "Wereldrecordhouder X (6.01,86)", "het record van X (6.03,32)": the time in brackets is the holder's old record
        self.record_holder_regex = regex.compile(
            rf"\b(?:{alt(rc.get('holder_nouns') or ['-'])})\s+(?:[\w'’-]+\s+){{0,3}}[\w'’-]+\s*\(\s*$", regex.IGNORECASE)
        self.record_of_holder = regex.compile(
            rf"\s*(?:{alt(rc['record_of'])})\s+(?:de\s+|het\s+)?(?:[\w'’-]+\s+){{0,4}}[\w'’-]+\s*\(\s*", regex.IGNORECASE)
        self.mark_of_regex = regex.compile(
            rf"\b(?:{alt(rc['old_before'])})\s+(?:[\w-]+\s+)?(?:{alt(rc['mark_nouns'])})\s+van\s*$", regex.IGNORECASE)
        self.record_old_before = regex.compile(rf"\b(?:{alt(rc['old_before'])})\s+(?:[\w-]+\s+)?$", regex.IGNORECASE)
        self.limit_regex = regex.compile(rf"\b(?:{alt(rc['limits'])})\b[^.]{{0,30}}\(\s*$", regex.IGNORECASE)
        self.standing_regex = words_regex(rc["standing_cues"])
        self.record_equalled_regex = words_regex(rc["equalled_cues"])
        self.comparison_regex = words_regex(rc["comparison_cues"])
        gp = r["gaps"]
        self.gap_before_regex = regex.compile(
            r"(?:^|[\s(,])(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in gp["before"]) + r")\s*\+?$|\+\s*$",
            regex.IGNORECASE)
        self.gap_ambiguous_regex = regex.compile(
            r"(?:^|\s)(?:" + "|".join(map(regex.escape, gp["ambiguous_before"])) + r")\s*$", regex.IGNORECASE)
        units = "|".join(map(regex.escape, gp["units"]))
        self.gap_words = {w.lower() for w in gp["units"] + gp["after"]}
        self.gap_unit_end_regex = regex.compile(rf"\b(?:{units})$", regex.IGNORECASE)
        self.gap_after_regex = regex.compile(
            rf"\s*(?:{units})?\s*(?:" + "|".join(map(regex.escape, gp["after"])) + r")\b", regex.IGNORECASE)
        self.gap_of_regex = regex.compile(rf"\s*(?:{units})?\s*(?:van|achter|achterstand|op)\b", regex.IGNORECASE)
        self.gap_phrases = {k.lower(): float(v) for k, v in gp["phrases"].items()}
        self.split_before_regex = regex.compile(
            r"\b(?:" + "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in (gp.get("split_before") or ["-"])) + r")\s*$",
            regex.IGNORECASE)
        # "zwom de eerste 50 meter in 26,80": the time of a part of the race (when shorter than the race)
        self.split_part_regex = regex.compile(
            rf"\b(?:de|het)\s+(?:{'|'.join(map(regex.escape, gp.get('split_part_words') or ['-']))})\s+"
            rf"(?P<n>\d{{1,3}})\s*(?P<u>{'|'.join(map(regex.escape, r['ranks']['split_units']))})\s+(?:in|met)\s*$",
            regex.IGNORECASE)
        # "op een halve minuut", "in dezelfde tijd": a gap said in words
        self.gap_phrase_regex = regex.compile(
            r"(?<![\w-])(?:op|in|met)\s+(?P<p>" + "|".join(regex.escape(k).replace(r"\ ", r"\s+") for k in
                                                       sorted(self.gap_phrases, key=len, reverse=True)) + r")(?![\w-])",
            regex.IGNORECASE)
        nm = r["names"]
        self.particles = {p.lower() for p in nm["particles"]}
        self.not_names = set(nm["not_names"])
        self.description_heads = {w.lower() for w in nm["description_heads"]}
        self.compound_heads = [w.lower() for w in nm.get("compound_heads") or ()]
        self.first_person_possessives = {w.lower() for w in nm.get("first_person_possessives", ())}
        # "X was de beste Belg": the country of the report's readers, whom "onze landgenoot" means
        self.home_country_regex = regex.compile(
            r"(?<![\w-])(?:" + "|".join(map(regex.escape, nm.get("home_country_cues") or ["(?!x)x"])) + r")\s+(?P<w>[\w-]+)",
            regex.IGNORECASE)
        self.female_words = {w.lower() for w in nm["female_words"]}
        self.male_words = {w.lower() for w in nm["male_words"]}
        self.neutral_titles = {w.lower() for w in nm.get("neutral_titles") or ()}
        self.compatriot_words = {w.lower() for w in nm["compatriot_words"]}
        self.plural_heads = {w.lower() for w in nm["plural_heads"]}
        self.crew_nouns = {w.lower() for w in nm["crew_nouns"]}
        self.description_head_endings = tuple(w.lower() for w in nm["description_heads"] + nm["person_noun_endings"])
        # "Racewinnaar Piet de Boer": a word ending in one of these before a name is a role
        self.long_description_heads = tuple(sorted(h for h in self.description_heads if len(h) >= 5))
        self.thing_noun_endings = tuple(w.lower() for w in nm["thing_noun_endings"])
        self.prepositions = {w.lower() for w in nm["prepositions"]}
        self.copulas = {w.lower() for w in nm["copulas"]}
        self.place_prepositions = {w.lower() for w in nm["place_prepositions"]}
        self.place_words = set(nm["place_words"])
        self.adjective_endings = tuple(nm["adjective_endings"])
        self.number_words = {k.lower(): v for k, v in nm["number_words"].items()}
        self.determiners = [w.lower() for w in nm["determiners"]]
        self.possessives = [w.lower() for w in nm["possessives"]]
        self.description_breaks = [w.lower() for w in nm["description_breaks"]]
        self.other_words = words_regex(nm["other_words"])
        self.genitive_words = [regex.escape(w.lower()) for w in nm["genitive_words"]]
        self.place_prefixes = set(nm["place_prefixes"])
        self.place_articles = {w.lower() for w in nm["place_articles"]}
        self.place_adjective_endings = tuple(nm["place_adjective_endings"])
        self.age_suffix = nm["age_suffix"]
        self.person_article = nm["person_article"].lower()
        self.indefinite_articles = {w.lower() for w in nm["indefinite_articles"]}
        # lowercase words of the lexicons that open a sentence but never name anyone ("Dankzij ...")
        self.function_words = (self.prepositions | set(self.determiners) | self.copulas | self.place_prepositions)
        self.pronouns = {k.lower(): v for k, v in nm["pronouns"].items()}
        # the pronoun that may point at anyone named last ("Die was de beste in ..."), also a relative pronoun
        self.demonstrative_pronouns = {w for w, g in self.pronouns.items() if g == "any"}
        self.titles = {w.lower() for w in nm["titles"]}
        self.org_suffixes = tuple(nm["org_suffixes"])
        self.non_athlete_roles = {w.lower() for w in nm["non_athlete_roles"]}
        member_heads = [w.lower() for w in nm["team_member_nouns"]] + [
            w for w, (code, kind) in self.country_words.items() if kind in ("male", "female", "regional")]
        # "De Sloveen van Jumbo-Visma": the name after "van" is a team
        self.team_after_regex = regex.compile(
            r"(?<![\w-])(?:de|het)\s+(?:[\w-]+\s+)?(?:" + "|".join(
                regex.escape(w) for w in sorted(set(member_heads), key=len, reverse=True)) + r")\s+van\s+$",
            regex.IGNORECASE)
        # its last word, to skip the search where the text before a name does not end in it (fullmatch on as many
        # characters: one each, without full case folding)
        self.team_after_last_word = regex.compile("van", regex.IGNORECASE)
        lk = r["linking"]

        def alt(words):
            return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

        self.overtaken_regex = regex.compile(
            rf"\b(?:{alt(lk['overtaken_verbs'])})\b(.*?)\b(?:{alt(lk['overtaken_ends'])})\b\s*[.,]?\s*$")
        self.just_ahead_regex = regex.compile(rf"\b(?:{alt(lk['just_ahead'])})\b", regex.IGNORECASE)
        self.won_ahead_regex = regex.compile(
            rf"\b(?:{alt(lk['won_ahead_of_verbs'])})\b[^.;]*?\bvoor\s+(?=\S)|\b(?:{alt(lk['beat_phrases'])})(?:\s+(?=\S)|(?=[.;,]))"
            rf"|,\s+(?:{alt(lk['ahead_after_comma'])})\s+(?=\p{{Lu}})")
        self.year_past_regex = regex.compile(
            rf"\b(?:{alt(lk['year_past_prepositions'])})\s+(?:\p{{Ll}}+\s+)?((?:19|20)\d\d)\b")  # "in (november) 2007"
        self.event_time_before = regex.compile(rf"(?<![\w-])(?:{alt(lk['event_time_before'])})\s+$", regex.IGNORECASE)
        self.future_regex = words_regex(lk["future_markers"]).exact  # see stage_race_regex
        verbs = "|".join(map(regex.escape, lk.get("grid_start_verbs") or ["(?!x)x"]))
        self.grid_start_regex = regex.compile(rf"(?<![\w-])(?:{verbs})(?![\w-])[^.;:!?]{{0,60}}?\svanaf\s+(?:de\s+)?$",
                                              regex.IGNORECASE)
        self.with_place_gap_regex = regex.compile(
            rf"\s+(?:(?:{alt(lk.get('with_place_fillers') or ['(?!x)x'])})\s+)?(?:{alt(lk['with_place_links'])})\s+",
            regex.IGNORECASE)
        self.months = {k.lower(): v for k, v in lk["months"].items()}
        self.month_past_regex = regex.compile(rf"\b(?:{alt(lk['year_past_prepositions'])})\s+({alt(self.months)})\b(?!\s+(?:19|20)\d\d)",
                                              regex.IGNORECASE)
        self.clause_adverbs = {w.lower() for w in lk["clause_adverbs"]}
        self.round_anaphora = {w.lower() for w in lk["round_anaphora"]}
        self.round_path = alt(lk["round_path"])
        self.next_round_before = {w.lower() for w in lk["next_round_before"]}
        self.ahead_regex = regex.compile(
            rf"\b(?:{alt(lk['ahead_modals'])})\b(.*?)\b(?:{alt(lk['ahead_phrases'])})\b", regex.IGNORECASE)
        self.just_behind_regex = regex.compile(rf"\b(?:{alt(lk['just_behind'])})\s+", regex.IGNORECASE)
        self.gap_to_regex = regex.compile(rf"\b(?:{alt(lk.get('gap_to') or ['(?!x)x'])})\s+", regex.IGNORECASE)
        self.gap_closing_regex = regex.compile(rf"\b(?:{alt(lk.get('gap_closing_verbs') or ['(?!x)x'])})\b", regex.IGNORECASE)
        self.round_raced_before = {w.lower() for w in lk["round_raced_before"]}
        self.joiner = alt(lk["list_joiners"])  # a regex alternation of the words joining a list
        self.predicate_joiner_regex = regex.compile(rf"\s(?:{alt(lk['predicate_joiners'])})\s+(\p{{Ll}}+)")
        self.joiner_words = {w.lower() for w in lk["list_joiners"]}
        self.distance_joiner = alt(lk["distance_joiners"])
        self.same_meet_regex = regex.compile(rf"\b(?:{alt(lk['same_meet'])})\b", regex.IGNORECASE)
        self.chunk_break_regex = regex.compile(rf",\s|\s[–-]\s|;|\s(?={alt(lk['chunk_breaks'])}\s)")
        like = alt(lk.get("likeness_words") or ["(?!x)x"])
        # "X, net als Y een Italiaan, ...": an indefinite demonym in apposition describes X
        self.indefinite_apposition_regex = regex.compile(
            rf",\s*(?:(?:{like})\s+(?:\S+\s+){{0,3}}?)?een\s+$", regex.IGNORECASE)
        self.subordinator_regex = regex.compile(
            rf"[\s,]*(?:{alt(lk.get('subordinating_conjunctions') or ['(?!x)x'])})\s", regex.IGNORECASE)
        self.conjunction_cut_regex = regex.compile(
            rf",\s*(?:{alt(lk['clause_conjunctions'])})\s|;\s|\s–\s|\s-\s|:\s(?=\p{{Ll}}|de |De |het |Het )")
        self.relative_regex = regex.compile(rf"(?:,\s*|\s)({alt(lk['relative_pronouns'])})\s")
        self.relative_gap_regex = regex.compile(
            rf"\)?\s*(?:\([^)]*\))?\s*(?:(?:{alt(lk['particles_before_relative'])})\s+zich\s*)?"
            # "moest X voorlaten, dat ...", "hield X op afstand, die ...": the verb phrase stands between X and the
            # relative clause
            rf"(?:(?:{alt(lk['ahead_phrases'] + (lk.get('held_off_phrases') or []))})\s*)?,?\s*"
            rf"(?:(?:{alt(lk['particles_before_relative'])})\s+)?")
        lay = r["layout"]
        self.caption_markers = tuple(lay["caption_markers"])
        self.heading_max_words = lay["heading_max_words"]
        self.metadata_keys = {k.lower() for k in lay["metadata_keys"]}
        self.legacy_encodings = tuple(lay["legacy_encodings"])
        self.abbreviation_end = regex.compile(
            r"(?:^|\s)(?:\d{1,3}\.|\p{Lu}\.|" + "|".join(map(regex.escape, lay["abbreviations"])) + r")$", regex.IGNORECASE)
        gn = r["given_names"]
        # a name in both lists ("Elia") tells nothing
        self.given_gender = {n: "women" for n in gn["female"] if n not in gn["male"]}
        self.given_gender.update({n: "men" for n in gn["male"] if n not in gn["female"]})
        # notations read as times only in some sports ("32.874" in track cycling; a count elsewhere)
        self.notation_sports = {n["name"]: set(n["sports"]) for n in r["times"]["notations"] if "sports" in n}
        self.teams = list(r["teams"]["teams"])
        self.team_country_prefixes = dict(r["teams"]["country_prefixes"])
        # "Deceuninck-Quick Step" for "Deceuninck-Quick-Step": a hyphen and a space between two words are written
        # either way; "de McLarens van X en Y", "de twee Ferrari's": a team's cars in the plural are the team too
        written = sorted({v for t in self.teams for v in _separator_variants(t)})
        self.team_regex = words_regex(written + [t + suffix for t in written for suffix in ("s", "'s", "’s")],
                                      case_insensitive=False)
        self.venues = list(r["venues"]["venues"]) + list(r["venues"]["competitions"])
        self.place_regex = words_regex(r["venues"]["venues"], case_insensitive=False)
        self.competition_regex = words_regex(r["venues"]["competitions"], case_insensitive=False)
        # single words that are never a name
        self.non_name_words = set(self.not_names)
        # one-word places and teams are never names; longer ones are blocked where they match as a whole
        self.non_name_words.update(p for p in self.teams + self.venues if " " not in p)
        self.non_name_words.update(w for w, (code, kind) in self.country_words.items())
        self.non_name_words.update(w[:1].upper() + w[1:] for w, (code, kind) in self.country_words.items())
        for c in self.countries.values():
            for kind in ("names", "adjective", "male", "female", "plural"):
                self.non_name_words.update(getattr(c, kind))
            # list abbreviations block a name only in capitals ("NED"): "Bol", "Tan", "Per" are also surnames
            self.non_name_words.update(w for w in c.short if w.isupper())

    def gender_of_word(self, word: str) -> str | None:
        w = word.lower()
        if w in self.female_words:
            return "women"
        if w in self.male_words:
            return "men"
        return None


@functools.lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """Load, validate and compile every bundled pattern file (once per process)."""
    return Lexicon({name.removesuffix(".yml"): load_pattern_file(name) for name in PATTERN_FILES})
