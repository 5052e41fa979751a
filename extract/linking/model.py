"""The linker's data: competitors (Entity), rows in the making (LinkedResult, LinkedRecord), shared helpers."""
from __future__ import annotations

import functools
import re
import unicodedata
import warnings
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import regex
from spacy.lang.nl.stop_words import STOP_WORDS as _COMMON_WORDS

from ..lexicon import is_plain
from ..recognize import Mention

if TYPE_CHECKING:
    from ..lexicon import Lexicon

VALUE_KINDS = ("TIME", "GAP", "RANK", "WIN", "WINOBJ", "LEAD", "STATUS", "POINTS", "MARK")
CLASSIFICATIONS = ("allround", "sprint_allround", "general_classification")
REFERENT_KINDS = ("PERSON", "PRON", "DESC", "TEAMREF")
_FIELDS = regex.compile(r"[\t;|]")  # the field separators of a results list line
_YEAR = regex.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
# Patterns are compiled once, here or in LinkPatterns: regex.match(r"...", s) in the linker's loops pays
# regex's pattern-cache lookup on every call, which cost more than the matching itself.
_NEXT_WORD = regex.compile(r"\s+([\w-]+)")
_SPACES = regex.compile(r"\s+")
# small patterns several concerns of the linker use
_WORD = regex.compile(r"[\w-]+")
_COMMA_GAP = regex.compile(r",\s*")
_COMMA_SPACE = regex.compile(r",\s")


class LinkPatterns:
    """The linker's patterns built from the lexicon's word lists (compiled once per lexicon)."""

    def __init__(self, lex: Lexicon):
        joiner = lex.joiner
        genitive = "|".join(lex.genitive_words)
        # "X (+0.34) en titelverdediger Y (+0.37)": a title between the names of a list
        self.title_alt = title_alt = "|".join(regex.escape(t) for t in sorted(lex.titles, key=len, reverse=True))
        self.list_gap = regex.compile(rf"\s*(?:,|{joiner})\s*")  # between two names of a list
        self.list_gap_after_paren = regex.compile(rf"\s*(?:\([^)]*\)\s*)?(?:,|{joiner})?\s*")
        self.list_gap_words = regex.compile(rf"\s*(?:\([^)]*\)\s*)?(?:,|{joiner})\s*(?:[\w-]+\s+){{0,2}}")
        self.list_gap_title = regex.compile(rf"\s*(?:\([^)]*\)\s*)?(?:,|{joiner})\s*(?:(?:{title_alt})\s+)?")
        self.list_gap_three_words = regex.compile(rf"\s*(?:,|{joiner})\s+(?:[\w-]+\s+){{0,3}}")
        self.before_name = regex.compile(rf"\s+(?:[\w-]+\s+)?|\s+(?:(?:{title_alt})\s+){{1,3}}")
        self.comma_or_joiner = regex.compile(rf",\s|\s(?:{joiner})\s")
        self.joiner_between = regex.compile(rf"\s(?:{joiner})\s|[,;]")
        self.item_before = regex.compile(rf"(?:[,:]|\s(?:{joiner}))\s+(?:de|het)\s+$")
        self.item_after = regex.compile(rf"\s*,|\s+(?:{joiner})\s")
        self.last_item_before = regex.compile(rf"\s(?:{joiner})\s+(?:de|het)\s+$")
        self.genitive_before = regex.compile(r"\b(?:" + genitive + r")\s+(?:(?:de|het)\s+)?$")
        self.genitive_gap = regex.compile(r"\s*(?:" + genitive + r")\s*")
        self.club_gap = regex.compile(rf"\s*\(\s*|\s+(?:{genitive})\s+")
        self.clause_lead_in = regex.compile(r"(?:(?:" + "|".join(lex.determiners) + r")\s+)?(?:[\w-]+\s+)?")
        self.compatriot = regex.compile(r"\b(" + "|".join(lex.compatriot_words) + r")\s+", regex.IGNORECASE)
        self.possessive_before = regex.compile(r"\b(?:" + "|".join(lex.possessives) + r")\s+$", regex.IGNORECASE)
        self.first_person_before = regex.compile(r"\b(?:" + "|".join(lex.first_person_possessives) + r")\s+$",
                                                 regex.IGNORECASE)
        self.round_path_before = regex.compile(rf"\b(?:{lex.round_path})\s+(?:de\s+)?$", regex.IGNORECASE)
        self.distance_pair_gap = regex.compile(rf"\s*(?:{lex.distance_joiner})\s+(?:[\w-]+\s+)?")
        number = r"(?<![\d.,])(?:\d{1,2}\.\d{3}|\d{3,5})"
        join = rf"(?:,|\s(?:{lex.distance_joiner}))"
        unit = "|".join(sorted(map(regex.escape, lex.distance_units), key=len, reverse=True))  # "meter", "km" ...
        self.listed_distance_before = regex.compile(rf"{number}(?:\s*(?:{unit}))?\s*{join}\s+(?:de\s+)?$")
        self.listed_distance_after = regex.compile(rf"(?:\s*(?:{unit}))?\s*{join}\s+(?:de\s+)?{number}")
        self.relative_object = regex.compile(rf"(?:,\s*|\s)(?:{'|'.join(lex.demonstrative_pronouns | {'dat'})})\s")
        self.boat_events = lex.crew_events | {"single_sculls"}
        # word lists the linker runs over every sentence or clause, matched with full case folding
        self.future = FoldTwins(lex.future_regex)
        self.field_lead = FoldTwins(lex.field_lead_regex)
        self.stage_race = FoldTwins(lex.stage_race_regex)
        self.event_cues = {sport: [(code, FoldTwins(rx)) for code, rx in cues] for sport, cues in lex.event_cues.items()}
        self._required: dict[int, tuple[Any, tuple[tuple[str, ...], ...] | None]] = {}

    def required(self, pattern) -> tuple[tuple[str, ...], ...] | None:
        """required_strings of ``pattern`` (a compiled pattern or FoldTwins), found once."""
        hit = self._required.get(id(pattern))
        if hit is None:  # the pattern is kept with its strings, so that its id is never another's
            rx = pattern.full if isinstance(pattern, FoldTwins) else pattern
            hit = self._required[id(pattern)] = (pattern, required_strings(getattr(rx, "exact", rx)))
        return hit[1]


def _folding_changers() -> regex.Pattern:
    """The characters that case folding changes outside ASCII ("É", "ß", "ﬆ", and "ǰ", which folds to two)."""
    multiple = "".join(c for c in map(chr, range(0x80, 0x10000)) if len(c.casefold()) > 1)
    return regex.compile(r"[[^\x00-\x7f]&&\p{Changes_When_Casefolded}]|[" + regex.escape(multiple) + "]",
                         regex.VERSION1)


FOLDING_CHANGERS = _folding_changers()
_NON_ASCII = re.compile(r"[^\x00-\x7f]")  # a plain range: the same in re, and faster
_folds: dict[str, bool] = {}  # character -> does FOLDING_CHANGERS find it


def folding_changer_positions(text: str) -> list[int]:
    """Where FOLDING_CHANGERS finds a character in ``text``: a text has few distinct non-ASCII characters,
    each looked up once."""
    if text.isascii():
        return []
    out = []
    for m in _NON_ASCII.finditer(text):
        c = m.group()
        changes = _folds.get(c)
        if changes is None:
            changes = _folds[c] = bool(FOLDING_CHANGERS.match(c))
        if changes:
            out.append(m.start())
    return out


class FoldTwins:
    """A word-list pattern matched with full case folding (regex VERSION1 with IGNORECASE) and its twin with
    simple folding, about ten times faster. Where neither the pattern nor the text has a character that
    FOLDING_CHANGERS finds, the two match alike: only such a character folds differently (or at all)."""

    def __init__(self, rx):
        self.full = self.simple = rx
        if isinstance(rx, regex.Pattern) and rx.flags & regex.FULLCASE and not FOLDING_CHANGERS.search(rx.pattern):
            self.simple = regex.compile("(?-f)" + rx.pattern, rx.flags)


# --- Skipping sentences a pattern cannot match ---------------------------------------------------------------
# Most of the linker's per-sentence patterns are word lists that match in few sentences. Every match of such a
# pattern holds one of a few plain strings ("waar", "die", "dat" ...); where a sentence holds none of them
# (case-folded), scanning it is skipped. The strings are found once per document (LiteralGate).
try:
    from re import _constants as _sre, _parser as _sre_parser
except ImportError:  # pragma: no cover
    _sre = _sre_parser = None

_MAX_STRINGS = 64  # a longer list of alternatives is left alone (only a prefilter: it may always say "maybe")
_MAX_REQUIRED = 3  # of the sets of strings a match needs one of each, the first few are looked for
_PROPERTY = regex.compile(r"\\[pP]\{[^}]*\}|\\[pP][A-Z]")  # \p{Ll}: regex only; read as a character of no list


class _NotReadable(Exception):
    """The pattern means something else to regex than re's parser reads."""


def _literal(code: int) -> str | None:
    """A pattern character that only itself (case aside) matches in plain text, case-folded: ASCII or a plain
    character without case ("–", "’")."""
    c = chr(code)
    if c in "{}":
        raise _NotReadable  # "(?:abc){e<=1}": regex reads a fuzzy match, re a brace
    if code < 0x80:
        return c.lower()
    return c if c.lower() == c.upper() == c.casefold() == c and is_plain(c) else None


def _exact(items) -> set[str] | None:
    """The case-folded strings the parsed ``items`` match, when they are few and nothing else; else None."""
    out = {""}
    for op, av in items:
        strings = _exact_item(op, av)
        if strings is None:
            return None
        out = {a + b for a in out for b in strings}
        if len(out) > _MAX_STRINGS:
            return None
    return out


def _exact_item(op, av) -> set[str] | None:
    if op is _sre.LITERAL:
        c = _literal(av)
        return {c} if c is not None else None
    if op is _sre.IN:
        chars = {_literal(v) if o is _sre.LITERAL else None for o, v in av}
        return None if None in chars else chars
    if op is _sre.SUBPATTERN:
        return _exact(av[3])
    if op is _sre.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            strings = _exact(branch)
            if strings is None:
                return None
            out |= strings
        return out if len(out) <= _MAX_STRINGS else None
    return None


def _candidates(items) -> list[set[str]]:
    """Sets of case-folded strings of which every match of the parsed ``items`` holds one (each set alone)."""
    candidates: list[set[str]] = []
    run = {""}  # the strings of the exact items right before: their product
    for op, av in items:
        strings = _exact_item(op, av)
        if strings is not None:
            joined = {a + b for a in run for b in strings}
            if len(joined) <= _MAX_STRINGS:
                run = joined
                continue
            candidates.append(run)
            run = strings
            continue
        candidates.append(run)
        run = {""}
        if op is _sre.SUBPATTERN:
            inner = _required(av[3])
        elif op is _sre.ATOMIC_GROUP:
            inner = _required(av)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            inner = _required(av[2])
        elif op is _sre.BRANCH:
            parts = [_required(branch) for branch in av[1]]
            inner = None if None in parts else set().union(*parts)
        else:
            inner = None  # zero-width, a class, an optional part ...: nothing required
        if inner is not None:
            candidates.append(inner)
    candidates.append(run)
    usable = [c for c in candidates if c and "" not in c and len(c) <= _MAX_STRINGS]
    # the set that tells most sentences apart first: the longest shortest string (a common word counts as
    # shorter: "voor" stands in most sentences), then the fewest strings
    return sorted(usable, key=lambda c: (min(len(w) - 2 * (w in _COMMON_WORDS) for w in c), -len(c)), reverse=True)


def _required(items) -> set[str] | None:
    """The best of _candidates(items), or None."""
    found = _candidates(items)
    return found[0] if found else None


def required_strings(pattern) -> tuple[tuple[str, ...], ...] | None:
    """Tuples of case-folded strings of which every match of ``pattern`` (a compiled pattern), in plain text,
    holds one each (a verb and its particle ...), the most telling first; None when none is found."""
    if _sre_parser is None:
        return None
    source = _PROPERTY.sub("\ue000", pattern.pattern)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "possible nested set": regex reads it otherwise
            parsed = _sre_parser.parse(source, re.VERBOSE if pattern.flags & regex.VERBOSE else 0)
        found = _candidates(list(parsed))[:_MAX_REQUIRED]
    except (re.error, Warning, RecursionError, _NotReadable):
        return None
    # a string that holds another of its set adds nothing to look for ("meter" after "m")
    return tuple(tuple(sorted(w for w in c if not any(v != w and v in w for v in c))) for c in found) or None


class LiteralGate:
    """Where the required strings of patterns stand in one text: a span that holds none of a pattern's
    strings cannot match it. Only plain texts (is_plain) are gated: there case folding keeps every position."""

    __slots__ = ("folded", "_patterns", "_starts", "_by_pattern")

    def __init__(self, text: str, patterns: LinkPatterns):
        self.folded = text.casefold() if is_plain(text) else None
        self._patterns = patterns
        self._starts: dict[tuple[str, ...], list[int]] = {}
        # id(pattern) -> the start lists of its required strings (patterns live as long as their LinkPatterns)
        self._by_pattern: dict[int, list[list[int]]] = {}

    def may_match(self, pattern, start: int, end: int) -> bool:
        """False when ``pattern`` (compiled, or FoldTwins) cannot match in text[start:end]: the span holds
        none of the strings of one of its required_strings tuples."""
        if self.folded is None:
            return True
        lists = self._by_pattern.get(id(pattern))
        if lists is None:
            lists = self._by_pattern[id(pattern)] = [self._starts_of(s) for s in self._patterns.required(pattern) or ()]
        for starts in lists:
            i = bisect_left(starts, start)
            if i == len(starts) or starts[i] >= end:
                return False
        return True

    def _starts_of(self, strings: tuple[str, ...]) -> list[int]:
        starts = self._starts.get(strings)
        if starts is None:
            starts = self._starts[strings] = self._find(strings)
        return starts

    def _find(self, strings: tuple[str, ...]) -> list[int]:
        folded, found = self.folded, []
        for s in strings:
            i = folded.find(s)
            while i >= 0:
                found.append(i)
                i = folded.find(s, i + 1)
        found.sort()
        return found


def link_patterns(lex: Lexicon) -> LinkPatterns:
    """The LinkPatterns of ``lex``, built once and kept with it."""
    return lex.derived("link_patterns", LinkPatterns)


def _next_word_is(text: str, pos: int, words) -> bool:
    m = _NEXT_WORD.match(text[pos:pos + 30])
    return bool(m) and m.group(1).lower() in words


def ok_basic(e: "Entity", code: str | None, gender: str | None) -> bool:
    return (not e.team and (code is None or e.country in (None, code)) and (gender is None or e.gender in (None, gender)))


@functools.lru_cache(maxsize=65536)  # the same names come back in every section and sentence
def fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())


@dataclass(eq=False)  # one object per competitor: identity is equality
class Entity:
    id: int
    full: str
    country: str | None = None
    gender: str | None = None
    team: bool = False  # a country or club competing as a team
    non_athlete: bool = False
    mentions: list[Mention] = field(default_factory=list)
    members: list["Entity"] = field(default_factory=list)  # a crew's rowers, a relay's runners, when named
    club: str | None = None  # an athlete's trade team or club as named ("Jumbo-Visma", "Red Bull")

    def set_country(self, code: str | None) -> None:
        if code and not self.country:
            self.country = code

    def set_gender(self, gender: str | None) -> None:
        if gender and not self.gender:
            self.gender = gender


@dataclass
class LinkedResult:
    entity: Entity
    event: str | None
    distance_m: int | None
    gender: str | None
    time: Any = None  # TimeMention
    time_s: float | None = None
    gap_s: float | None = None
    rank: int | None = None
    rank_kind: str | None = None  # TITLE: from a national title ("Nederlands kampioen"), which a told place beats
    status: str = "finished"
    sentence: tuple[int, int] = (0, 0)
    anchor: tuple[int, int] = (0, 0)
    section_gender: str | None = None
    round: str | None = None
    stroke: str | None = None  # swimming: freestyle, backstroke ... when the text names it
    mark: float | None = None
    mark_unit: str | None = None
    evidence: list[tuple[str, Mention]] = field(default_factory=list)
    rank_listed: bool = False  # the rank comes from a results list, which outranks the prose
    rank_noun: bool = False  # the rank was told with a place noun ("de tweede tijd"), surer than a bare ordinal


@dataclass
class LinkedRecord:
    record_type: str
    scope: str | None
    holder: Entity | None
    time: Any
    time_s: float | None
    event: str | None
    distance_m: int | None
    gender: str | None
    state: str
    year: int | None
    sentence: tuple[int, int]
    span: tuple[int, int]


def _inherit_strokes(mentions: list[Mention]) -> list[Mention]:
    """"de 100 meter" after "100 meter vrije slag": the distance named again keeps its stroke (the last
    one named for that distance)."""
    last: dict[tuple, str] = {}
    out = []
    for m in mentions:
        if m.kind == "EVENT" and m.value[1]:
            if len(m.value) > 2:
                last[m.value[:2]] = m.value[2]
            elif m.value[:2] in last:
                m = Mention(m.kind, m.start, m.end, m.text, (*m.value, last[m.value[:2]]))
        out.append(m)
    return out
