"""Which sport an article (or a section of it) reports: front-matter categories first, then the text."""
from __future__ import annotations

from collections import Counter

import regex

from .lexicon import (
    FastPattern,
    Lexicon,
    TextWords,
    compile_regex,
    get_lexicon,
    text_words,
)

__all__ = ["detect_sport", "non_race_votes", "sport_sections", "plausibility_flags"]

LEAD_CHARS = 300  # about a headline and the first sentence


def non_race_votes(text: str, lex: Lexicon | None = None) -> int:
    """Words, score shapes and compounds of sports without race results in ``text`` ("scoorde", "3-1", "7-6 (5)")."""
    return _non_race_votes(text_words(text), lex or get_lexicon())


def _non_race_votes(words: TextWords, lex: Lexicon) -> int:
    # the keywords are looked up among the text's words, not scanned for
    return words.count(lex.non_race_regex) + sum(len(r.findall(words.text)) for r in lex.non_race_pattern_regexes)


def detect_sport(text: str, categories: tuple[str, ...] = (), lex: Lexicon | None = None) -> str | None:
    """The article's sport: from front-matter categories when they name one, else by keyword votes.

    None when the categories name a sport without race results (football, tennis ...), or when the text
    holds more words and score shapes of such sports (patterns/sports.yml ``non_race_sports``,
    ``non_race_keywords``) than keywords of any timed sport: a match report, no race results.
    """
    lex = lex or get_lexicon()
    cats = [c.lower() for c in categories]
    for c in cats:
        if c in lex.category_sport:
            sport = lex.category_sport[c]
            branch = lex.sport_refine.get(sport)
            if branch and text_words(text).count(lex.sport_keyword_regex[branch]) >= 2:
                return branch  # "wielrennen" about a teamsprint
            return sport
    if any(c in lex.non_race_categories for c in cats):
        return None
    # the headline and lead say what the report is about: their words count three times
    lead = text[:LEAD_CHARS]
    words, lead_words = text_words(text), TextWords(lead)
    votes = Counter({s: words.count(r) + 2 * lead_words.count(r) for s, r in lex.sport_keyword_regex.items()})
    sport, n = votes.most_common(1)[0] if votes else (None, 0)
    # weighed the same way: "ronde van" in "tweede ronde van Roland Garros" against "Roland Garros" and "6-4"
    if _non_race_votes(words, lex) + 2 * _non_race_votes(lead_words, lex) > n:
        return None  # football, tennis, darts ...: no race results
    return sport if n else lex.default_sport


def sport_sections(text: str, blocks: list, sport: str | None, lex: Lexicon | None = None) -> list[tuple[str | None, list]]:
    """The article's blocks in sections of one sport each: a heading that is a sport's name
    ("Schaatsen", "Wielrennen", "Voetbal") starts a section of that sport, as in a weekend round-up.

    Blocks before the first such heading keep the article's sport; a section of a sport without race
    results gets None. Without such headings: one section, the whole article.
    """
    lex = lex or get_lexicon()
    sections: list[tuple[str | None, list]] = [(sport, [])]
    for block in blocks:
        if block.kind == "heading":
            name = " ".join(text[block.start:block.end].lower().strip(" :").split())
            if name in lex.category_sport:
                sections.append((lex.category_sport[name], []))
                continue
            if name in lex.non_race_categories:
                sections.append((None, []))
                continue
        sections[-1][1].append(block)
    return [(s, bs) for s, bs in sections if bs]


def may_have_race_section(text: str, lex: Lexicon | None = None) -> bool:
    """Whether a line of ``text`` starts with the name of a timed sport ("Schaatsen", "Wielrennen:"): the
    only way an article whose own sport has no race results can hold a section that has them. A cheap
    test that errs towards yes, so a match report can skip the pipeline."""
    lex = lex or get_lexicon()
    return bool(_section_heading_regex(lex).search(text))


def _section_heading_regex(lex: Lexicon) -> FastPattern:
    return lex.derived("section_heading_regex", _build_section_heading_regex)


def _build_section_heading_regex(lex: Lexicon) -> FastPattern:
    names = sorted(lex.category_sport, key=len, reverse=True)
    return compile_regex(r"^[\s:]*(?:" + "|".join(regex.escape(n).replace(r"\ ", r"\s+") for n in names)
                         + r")(?!\w)", regex.IGNORECASE | regex.MULTILINE)


def plausibility_flags(sport: str | None, event: str | None, time_s: float | None,
                       lex: Lexicon | None = None) -> tuple[str, ...]:
    """Why a result is unlikely as it stands: "time_out_of_range" when its time falls outside the plausible
    finishing times of its sport and event (patterns/sports.yml ``time_ranges``), a likely misread."""
    if time_s is None or sport is None or event is None:
        return ()
    bounds = (lex or get_lexicon()).time_ranges.get(sport, {}).get(event)
    if bounds is None or bounds[0] <= time_s <= bounds[1]:
        return ()
    return ("time_out_of_range",)
