"""Recognizers: find the pieces of a result in Dutch text.

Each recognizer reads the article text (and, for names, the spaCy tokens) and
returns ``Mention``s: a kind, a character span, the text as written and a
normalized value. They only find; ``linking`` decides what belongs to whom,
and the spaCy components in ``components`` store both on the Doc.

Kinds: TIME, EVENT, ROUND (heat, semifinal, final ...), GENDER, RANK, VENUE (a place), COMPETITION, WIN (rank 1 by a verb or phrase), LEAD (leads a
classification), WINOBJ
("de zege ging naar X"), STATUS, RECORD, COUNTRY, TEAM, VENUE, AGE, PRON,
DESC (a description standing for a person: "De 22-jarige Zuid-Hollandse"),
PERSON, LAST ("laatste"), PAST (a marker that the clause is about another
race), QUOTE (speech), CAPTION, HEADING, RESPECTIVELY.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate, compress
from typing import Any

import regex
from spacy.lang.nl.stop_words import STOP_WORDS

from .lexicon import (Lexicon, TextWords, _trie_pattern, compile_regex, get_lexicon, is_plain, text_words, word_keys,
                      words_regex)
from .times import find_times

__all__ = ["Mention", "Block", "find_blocks", "find_mentions", "find_people"]


@dataclass(frozen=True)
class Mention:
    kind: str
    start: int
    end: int
    text: str
    value: Any = None


@dataclass(frozen=True)
class Block:
    """A paragraph, heading or caption, split into sentences (character ranges)."""

    kind: str  # paragraph | heading | caption | list
    start: int
    end: int
    sentences: tuple[tuple[int, int], ...]


_SENT_END = regex.compile(r"(?<=[.!?…])[\"”’']?\s+(?=[\"“„‘'(]?[\p{Lu}\d])")
_LIST_LINE = regex.compile(r"^\s*\d{1,3}[.)]\s+\S")
# an item of a results list run into one line: "Uitslag: 1. Sato 37,50 2. Berg 37,61"
# "(?=\d)" first lets regex skip to the next digit (an item starts with its number)
_INLINE_ITEM = regex.compile(r"(?=\d)(?:^|(?<=[\s:;,]))(?P<n>\d{1,3})[.)]\s+(?=[\p{Lu}\p{Lt}])")
_SENTENCE_MARK = re.compile(r"[.!?…]")  # where _SENT_END's lookbehind holds: a match starts right after one
_PARAGRAPH_BREAK = regex.compile(r"(\n\s*\n)")
_PARAGRAPH_BREAK_ONLY = regex.compile(r"\n\s*\n")
_LINE_LABEL = regex.compile(r"\s*([^:]{2,40}):\s+\S")  # "Opgave: Kimeli (Ken)"
_SENTENCE_MARK_AT_END = regex.compile(r"[.!?;,”\"']\s*$")
_DECIMAL = regex.compile(r"\d[.,]\d")


def _inline_items(body: str) -> list[int]:
    """Offsets of the items of a numbered list run into one line (numbers that count up by one), else []."""
    items = list(_INLINE_ITEM.finditer(body))
    run: list = []
    for m in items:
        if run and int(m["n"]) == int(run[-1]["n"]) + 1:
            run.append(m)
        elif len(run) < 2:
            run = [m]
    return [m.start() for m in run] if len(run) >= 2 else []


def _sentence_ends(text: str, start: int, end: int) -> list:
    """What _SENT_END.finditer(text, start, end) finds, tried only right after a full stop, ! ? or …"""
    found = []
    last = start
    for mark in _SENTENCE_MARK.finditer(text, max(0, start - 1), end):
        if mark.end() >= last and (m := _SENT_END.match(text, mark.end(), end)):
            found.append(m)
            last = m.end()
    return found


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    abbreviation_end = get_lexicon().abbreviation_end
    out = []
    s = start
    for m in _sentence_ends(text, start, end):
        # "1. Sato" in a list, "red." in a quote, initials "J. Visser"
        if abbreviation_end.search(text[max(start, m.start() - 8):m.start()]):
            continue
        out.append((s, m.start()))
        s = m.end()
    if s < end:
        out.append((s, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def find_blocks(text: str, lex: Lexicon | None = None) -> list[Block]:
    """Paragraphs, headings, captions and list lines, each split into sentences."""
    lex = lex or get_lexicon()
    blocks: list[Block] = []
    pos = 0
    for para in _PARAGRAPH_BREAK.split(text):
        if para.strip() and not _PARAGRAPH_BREAK_ONLY.fullmatch(para):
            p_start = pos
            lines = para.split("\n")
            line_pos = p_start
            multi = len([l for l in lines if l.strip()]) > 1
            for line in lines:
                l_start, l_end = line_pos, line_pos + len(line)
                line_pos = l_end + 1
                if not line.strip():
                    continue
                while l_start < l_end and text[l_start].isspace():
                    l_start += 1
                while l_end > l_start and text[l_end - 1].isspace():
                    l_end -= 1
                body = text[l_start:l_end]
                captioned = any(map(body.__contains__, lex.caption_markers))
                starts = _inline_items(body) if not captioned else []
                if starts:
                    # the words before the first item head the list ("Acht mannen:"); each item is a line
                    if starts[0] > 0 and body[:starts[0]].strip():
                        h_end = l_start + len(body[:starts[0]].rstrip())
                        blocks.append(Block("heading", l_start, h_end, ((l_start, h_end),)))
                    for a, b in zip(starts, starts[1:] + [len(body)]):
                        item = body[a:b].rstrip().rstrip(";,").rstrip()
                        blocks.append(Block("list", l_start + a, l_start + a + len(item),
                                            ((l_start + a, l_start + a + len(item)),)))
                    continue
                if captioned:
                    kind = "caption"
                elif _LIST_LINE.match(body) or (multi and ("\t" in body or ";" in body or " | " in body)) or (
                        (label := _LINE_LABEL.match(body)) and lex.status_regex.fullmatch(label.group(1))):
                    # "Opgave: Kimeli (Ken)": the line of a results list that names the non-finishers
                    kind = "list"
                elif (len(body.split()) <= lex.heading_max_words and not _SENTENCE_MARK_AT_END.search(body)
                      and not _DECIMAL.search(body[-8:])):
                    kind = "heading"
                else:
                    kind = "paragraph"
                sents = ((l_start, l_end),) if kind in ("list", "heading", "caption") else tuple(
                    _split_sentences(text, l_start, l_end))
                blocks.append(Block(kind, l_start, l_end, sents))
        pos += len(para)
    # a "heading" as the last block, or one followed by another heading, is a short paragraph
    return blocks


# --- lexical recognizers -------------------------------------------------------------------------


# literal patterns of the loops below, compiled once (a pattern given as a string is looked up on every call)
_SPACES = regex.compile(r"\s+")
_CLAUSE_END = regex.compile(r"[.!?;:,\n]")
_CLAUSE_BEFORE = regex.compile(r"[.!?;:,]")  # the start of the clause of a phrase
_WORD = regex.compile(r"[\w’'-]+")
_PLAIN_WORD = regex.compile(r"[\w-]+")
_SENTENCE_END_BEFORE = regex.compile(r"[.!?;:]")  # the end of the sentence before a phrase
_SURNAME_AFTER = regex.compile(r" (\p{Lu}[\p{Ll}’'-]+)(?![\p{L}’'-]| \p{Lu})")
_THOUSANDS = regex.compile(r"\d\.\d{3}")
_NUMBER = regex.compile(r"[\d.]+")
_LIST_NUMBER = regex.compile(r"[\w]+")
_DE_BEFORE = regex.compile(r"(?:^|[.!?]\s+|\n)De\s+$")
_OF_THE_AFTER = regex.compile(r"\s+(?:op|van|in)\s+(?:de|het)\b")
_CAPITAL_AFTER = regex.compile(r"\s+\p{Lu}")
_COMMA_WORDS_BEFORE = regex.compile(r",\s*(?:[\w-]+\s+){0,2}$")
_NOT = regex.compile(r"\bniet\b")
_NAME_AFTER = regex.compile(r"\s+\p{Lu}[\w’'-]+")
_WORD_CHAR = regex.compile(r"\w")
# a line of two to four characters that are no whitespace, between spaces (stdlib re: only "\n" ends a line, as in regex)
_SHORT_LINE = re.compile(r"^ *\S{2,4} *$", re.MULTILINE)


@functools.lru_cache(maxsize=1)
def _regexes():
    lex = get_lexicon()
    units = "|".join(sorted((regex.escape(u) for u in lex.distance_units), key=len, reverse=True))
    distance = regex.compile(
        rf"(?<![\w.,])(?:(?P<legs>\d)\s*[x×]\s*)?(?P<n>\d{{1,2}}(?:\.\d{{3}})+|\d{{1,5}})\s*(?P<unit>{units})(?![\w])",
        regex.IGNORECASE)
    ordinal = words_regex(lex.ordinals)
    numeric_rank = regex.compile(
        r"(?<![\w.,])(?P<n>\d{1,3})(?:" + "|".join(lex.rank_suffixes) + r")(?![\w])", regex.IGNORECASE)
    medals = words_regex(lex.medals)
    age = regex.compile(rf"(?<![\w])(?P<n>\d{{1,2}})-{lex.age_suffix}(?![\w])", regex.IGNORECASE)
    age_paren = regex.compile(r"\((?P<n>1\d|[2-5]\d)\)")
    pron = regex.compile(r"(?<![\w])(?:" + "|".join(lex.pronouns) + r")(?![\w])", regex.IGNORECASE)
    heads = lex.description_heads | {w for w, (c, k) in lex.country_words.items() if k in ("male", "female", "regional", "plural")}
    determiners = _trie_pattern({d for d in lex.determiners if d not in lex.indefinite_articles} | set(lex.number_words),
                                space=r"\ ")
    # the word lists as tries (one determiner, one head fits at a place, so the order of trying does not matter)
    desc = regex.compile(
        r"(?<![\w])(?P<det>" + determiners
        + r")\s+(?P<mods>(?:(?!(?:" + "|".join(map(regex.escape, lex.description_breaks))
        + r")\s)[\w’'-]+\s+){0,3}?)"
        # "de schoolslagzwemmer", "de baanrenner": a compound of a sportsperson's noun
        + r"(?:(?-i:\p{Ll}{3,})(?=(?:" + _trie_pattern(set(lex.compound_heads), space=r"\ ") + r")(?![\w-])))?(?P<head>"
        + _trie_pattern(heads, space=r"\ ") + r")(?![\w-])", regex.IGNORECASE)
    # every description ends with a head, as a whole word or the end of one ("schoolslagzwemmer"), and holds
    # nothing but words and spaces: it lies within the stretch of such characters around a head
    compound_endings = [h.casefold() for h in lex.compound_heads]
    head_keys = word_keys(heads) if word_keys(compound_endings) is not None else None
    # a word ending in a compound head, one word a line: "schoolslagzwemmer\n"
    compound_word_end = re.compile("(?:" + _trie_pattern(set(compound_endings)) + r")(?=\n|\Z)") if compound_endings else None
    extra = {ch for w in heads | set(lex.determiners) | set(lex.number_words) for ch in w if not regex.match(r"[\w’'\s-]", ch)}
    not_in_desc = re.compile(r"[^\w’'\s" + re.escape("".join(sorted(extra))) + "-]")
    # where a description may start: a determiner and a space (stdlib re, for plain text)
    determiner_start = compile_regex(r"(?<![\w])(?:" + determiners + r")(?=\s)", regex.IGNORECASE).fast
    # the adjectives and the noun after a demonym ("de Belgische olympische medaille")
    noun_after = regex.compile(r"(?:\s+\p{Ll}[\w-]*(?:" + "|".join(lex.adjective_endings) + r"))*\s+(\p{Ll}[\w-]*)")
    age_desc = regex.compile(rf"(?<![\w])(?P<det>de|De)\s+(?P<head>\d{{1,2}}-{lex.age_suffix}|\p{{Ll}}{{4,}}{lex.age_suffix})"
                             r"(?=\s+\p{Ll}|[,.])")
    # a double quote between digits is a time's mark ("4'05\"32"), not speech
    quote = regex.compile(r"(?<!\d)[„“\"«‘](?P<q>[^„“\"”«»‘’\n]{3,}?)[”\"»’](?!\d)|,,(?P<q2>[^\n]{3,}?)''")
    past = lex.past_regex
    respectively = words_regex(["respectievelijk", "respectief"])
    country_paren = regex.compile(r"\((?P<c>\p{Lu}[\p{L}-]{1,20}(?:\s\p{Lu}[\p{L}-]+)?)(?:\)|,\s)")
    country_field = regex.compile(r"(?:(?<=[\t;|])|^)[ ]*(?P<c>\p{Lu}[\p{L}]{1,3})[ ]*(?=[\t;|]|$)", regex.MULTILINE)
    country_from = regex.compile(r"(?<![\w])uit\s+(?P<c>\p{Lu}[\w-]+(?:\s+\p{Lu}[\w-]+)?)")
    # "zowel de 1500 als de 10.000 meter": the first distance without its unit
    bare_distance = regex.compile(
        rf"(?<![\w.,])de\s+(?P<n>\d{{1,2}}(?:\.\d{{3}})+|\d{{3,5}})\s+(?:en|als|of)\s+de\s+(?:\d{{1,2}}(?:\.\d{{3}})+|\d{{3,5}})\s*(?:{units})(?![\w])",
        regex.IGNORECASE)
    determiner_before = regex.compile(r"(?:^|\s)(?:" + "|".join(map(regex.escape, lex.determiners)) + r")\s+$",
                                      regex.IGNORECASE)
    # a relay's distance, a gap in words, the prize of "de zege ging naar": each match holds one of these
    # words as a whole word (the relay's name, the phrase, the prize or "gewonnen door"), so a text
    # without them is not scanned; "ging het goud naar" starts a word before the prize
    relay_words = word_keys([k for k, v in lex.named_events.items() if v == "relay"])
    gap_phrase_words = word_keys(lex.gap_phrases)
    prize_words = word_keys(list(lex.prize_nouns) + lex.raw["ranks"]["winner_by"])
    winner_object = compile_regex(lex.winner_object_regex.pattern, lex.winner_object_regex.flags,
                                  keys=prize_words and {k: tuple(sorted({*backs, *(b + 1 for b in backs)}))
                                                        for k, backs in prize_words.items()})
    # patterns whose every match starts with one of a few words standing whole ("ze", "hij"; "gaf ... op";
    # "haalde de finale ... niet"): tried only where one stands
    pron_words = _whole_words(lex.pronouns)
    separable_verbs = _whole_words({p.split()[0] for p in lex.status_separable if len(p.split()) >= 2})
    gapped_first_words = _whole_words({_SPACES.split(phrase.split("...")[0].strip())[0] for phrase in lex.status_gapped})
    # every match of the list of places holds one of its nouns: a text without them is not scanned (a prefilter
    # pays only where the words are long and rare: "punt", "rug" cost more to look for than the scan)
    places_list_literals = _folded_literals(lex.raw["ranks"].get("places_before_numbers") or ())
    return dict(places_list_literals=places_list_literals, determiner_before=determiner_before, bare_distance=bare_distance, age_desc=age_desc, distance=distance, ordinal=ordinal, numeric_rank=numeric_rank, medals=medals, age=age,
                age_paren=age_paren, pron=pron, desc=desc, noun_after=noun_after, quote=quote, past=past, respectively=respectively,
                country_paren=country_paren, country_field=country_field, country_from=country_from,
                relay_words=relay_words, gap_phrase_words=gap_phrase_words, winner_object=winner_object,
                gapped_first_words=gapped_first_words, pron_words=pron_words, separable_verbs=separable_verbs, head_keys=head_keys, compound_word_end=compound_word_end,
                not_in_desc=not_in_desc, determiner_start=determiner_start)


def _folded_literals(words) -> list[str] | None:
    """The first word of each of ``words``, case-folded, for TextWords.may_contain: a text that holds none of them
    (case aside) holds no match of a pattern that matches one of the words case-insensitively (the space in a
    phrase may be any whitespace). None (scan anyway) where a word is not plain."""
    words = list(words)
    if not words or not all(w.strip() and is_plain(w) for w in words):
        return None
    return [w.split()[0].casefold() for w in words]


def _country_fields(text: str, country_field) -> list:
    """``country_field.finditer(text)``: a code between field separators (tab, ";", "|") or line ends. Without a
    separator in the text, a match is a whole line of a short word, so only such lines are tried."""
    if "\t" in text or ";" in text or "|" in text:
        return list(country_field.finditer(text))
    return [m for line in _SHORT_LINE.finditer(text) if (m := country_field.match(text, line.start()))]


def _whole_words(words) -> list[str] | None:
    """``words`` case-folded, to look for as whole words (TextWords.occurrences); None where that could miss a
    match of regex: a word that is not plain or does not start and end with a word character."""
    folded = [w.casefold() for w in words]
    if all(w and is_plain(w) and _WORD_CHAR.match(w[0]) and _WORD_CHAR.match(w[-1]) for w in folded):
        return folded
    return None


def _starting_with(words: TextWords, pattern, starts: list[str] | None):
    """``pattern.finditer(text)`` for a pattern whose every match starts with one of the words ``starts`` (from
    _whole_words) standing whole: on plain text it is tried only there."""
    if not words.plain or starts is None:
        return pattern.finditer(words.text)
    return words.matches_at(pattern, [i for w in starts for i in words.occurrences(w, hyphen_joins=False)])


def _next_word(text: str, end: int, n: int = 1) -> list[str]:
    """The next ``n`` words after ``end``, not crossing the end of the sentence."""
    window = _CLAUSE_END.split(text[end:end + 60], maxsplit=1)[0]
    return _WORD.findall(window)[:n]


def _given_name_before_surname(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """A demonym that is also a common first name ("Noor"), used as one: right before one capitalized
    word (a surname) and without an article before it ("de Noor Berg" is a Norwegian)."""
    word = text[start:end]
    if word not in lex.given_gender or lex.country_words.get(word.lower(), (None, None))[1] not in ("male", "female"):
        return False
    nxt = _SURNAME_AFTER.match(text[end:end + 40])
    if not nxt or nxt.group(1).lower() in lex.country_words:
        return False  # "de onttroonde Noor Havard Lorentzen": a demonym before a full name
    before = _WORD.findall(text[max(0, start - 25):start])
    return not (before and before[-1].lower() in lex.determiners)


def _grid_place(text: str, pos: int, lex: Lexicon) -> bool:
    """A place after "vanaf" in a sentence that tells a start in the past: where one started a race that
    is over ("begon vanaf P17"); "start zondag vanaf de vierde plaats" is the qualifying's outcome."""
    if not lex.not_rank_after_regex.search(text[max(0, pos - 15):pos]):
        return False
    start = max(text.rfind(c, 0, pos) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, pos) for c in ".!?\n") if i >= 0]
    words = _PLAIN_WORD.findall(text[start:min(ends) if ends else len(text)].lower())
    return any(w in lex.grid_past_verbs for w in words)


def _descriptions(text: str, words: TextWords, rx: dict) -> list:
    """The matches of the description pattern. On plain text only in the stretches of words around a head, and
    there only where a determiner starts."""
    desc, determiner_start = rx["desc"], rx["determiner_start"]
    if not words.plain or rx["head_keys"] is None or determiner_start is None:
        return list(desc.finditer(text))
    heads = [i for key in rx["head_keys"].keys() & words.keyed() for i in words.where(key)]
    if rx["compound_word_end"] is not None:  # "schoolslagzwemmer": the words ending in a compound head
        vocabulary = "\n".join(words.vocabulary)
        for m in rx["compound_word_end"].finditer(vocabulary):
            heads += words.where(vocabulary[vocabulary.rfind("\n", 0, m.start()) + 1:m.end()])
    found: list = []
    done = -1
    end = 0
    for pos in sorted(heads):
        if pos >= done:
            start, done = words.stretch(pos, rx["not_in_desc"])
            # tried where a determiner starts, as finditer would: one match after the other
            for det in determiner_start.finditer(text, start, done):
                if det.start() >= end and (m := desc.match(text, det.start())):
                    found.append(m)
                    end = m.end()
    return found


@functools.lru_cache(maxsize=256)
def _quotes(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The spans of speech in ``text`` and their starts, found once for find_mentions and find_people (a batch's
    recognizer runs before its name finder)."""
    spans = [m.span() for m in _regexes()["quote"].finditer(text)]
    return spans, [a for a, _ in spans]


def _spaced_key(phrase: str) -> str:
    return _SPACES.sub(" ", phrase.lower())


def find_mentions(text: str, lex: Lexicon | None = None) -> list[Mention]:
    """Every lexical mention (times, events, ranks, statuses, records, countries ...) in ``text``."""
    lex = lex or get_lexicon()
    rx = _regexes()
    words = text_words(text)  # the word lists run only where one of their words stands
    out: list[Mention] = []
    add = out.append

    for t in find_times(text):
        add(Mention("TIME", t.start, t.end, t.text, t))

    for m in rx["distance"].finditer(text):
        n = int(m.group("n").replace(".", ""))
        metres = n * lex.distance_units[m.group("unit").lower()]
        legs = m.group("legs")
        stroke = lex.stroke_after_regex.match(text, m.end())
        # "100 meter vrije slag": the stroke is part of the event
        tail = (lex.stroke_codes[_spaced_key(stroke.group("s"))],) if stroke else ()
        if legs:
            add(Mention("EVENT", m.start(), m.end(), m.group(0), ("relay", metres * int(legs), *tail)))
        elif any(metres in d for d in lex.race_distances.values()) and not lex.distance_not_after.search(
                text[max(0, m.start() - 25):m.start()]):
            add(Mention("EVENT", m.start(), m.end(), m.group(0), (f"{metres}m", metres, *tail)))
    for m in lex.stroke_distance_regex.finditer(text):
        metres = int(m.group("n"))
        if metres in lex.race_distances.get("swimming", ()) and not any(
                x.kind == "EVENT" and x.start <= m.start() < x.end for x in out):
            stroke = lex.stroke_after_regex.match(text, m.start("n") + len(m.group("n")))
            tail = (lex.stroke_codes[_spaced_key(stroke.group("s"))],) if stroke else ()
            add(Mention("EVENT", m.start(), m.end(), m.group(0), (f"{metres}m", metres, *tail)))
    for m in rx["bare_distance"].finditer(text):
        metres = int(m.group("n").replace(".", ""))
        if any(metres in d for d in lex.race_distances.values()):
            add(Mention("EVENT", m.start("n"), m.end("n"), m.group("n"), (f"{metres}m", metres)))
    for m in words.finditer(lex.named_event_regex):
        key = _spaced_key(m.group(0))
        if key in lex.distance_words:
            if lex.distance_not_after.search(text[max(0, m.start() - 25):m.start()]):
                continue  # "in de laatste tien kilometer": a part of the race
            metres = lex.distance_words[key]
            add(Mention("EVENT", m.start(), m.end(), m.group(0), (f"{metres}m", metres)))
        else:
            add(Mention("EVENT", m.start(), m.end(), m.group(0), (lex.named_events[key], None)))
    for m in (lex.relay_distance_regex.finditer(text) if words.may_hold(rx["relay_words"]) else ()):
        d = m.group("d") or m.group("d2")
        n = _NUMBER.match(d).group(0)
        unit = d[len(n):].strip().lower()
        metres = int(n.replace(".", "")) * lex.distance_units[unit]
        out[:] = [x for x in out if not (x.kind == "EVENT" and m.start() <= x.start < m.end())]
        add(Mention("EVENT", m.start(), m.end(), m.group(0), ("relay", metres)))
    for m in (lex.gap_phrase_regex.finditer(text) if words.may_hold(rx["gap_phrase_words"]) else ()):
        add(Mention("GAP", m.start(), m.end(), m.group(0), lex.gap_phrases[_spaced_key(m.group("p"))]))
    for m in lex.points_regex.finditer(text):
        n = m.group("n")
        # "6.880 punten" (a combined event: a thousands point) but "146.365 punten" (allround: decimals)
        thousands = _THOUSANDS.fullmatch(n)
        add(Mention("POINTS", m.start(), m.end(), m.group(0), float(n.replace(".", "") if thousands else n.replace(",", "."))))
    for m in lex.mark_regex.finditer(text):
        add(Mention("MARK", m.start(), m.end(), m.group(0), float(m.group("n").replace(",", "."))))
    for m in words.finditer(lex.round_regex):
        add(Mention("ROUND", m.start(), m.end(), m.group(0), lex.rounds[_spaced_key(m.group(0))]))
    for m in words.finditer(lex.gender_regex):
        add(Mention("GENDER", m.start(), m.end(), m.group(0), lex.gender_words[m.group(0).lower()]))

    determiner_before = rx["determiner_before"]
    for m in words.finditer(rx["ordinal"]):
        if lex.start_order_before_regex.search(text[max(0, m.start() - 20):m.start()]) or \
                lex.start_order_after_regex.match(text[m.end():m.end() + 60]):
            continue  # "vertrok als tiende", "ging als eerste van start": the start order, no place
        if _grid_place(text, m.start(), lex):
            continue  # "begon vanaf P17", "die vanaf de derde startplaats vertrok": the grid, not the result
        if lex.place_to_regex.match(text, m.end(), m.end() + 40) and \
                lex.place_from_regex.search(text, max(0, m.start() - 8), m.start()):
            continue  # "klom van de vierde naar de derde plaats": where one came from
        nxt = [w.lower() for w in _next_word(text, m.end(), 3)]
        det = determiner_before.search(text[max(0, m.start() - 7):m.start()])
        if det and nxt and nxt[0].isalpha() and nxt[0] not in STOP_WORDS and nxt[0] not in lex.rank_nouns and not (
                len(nxt) > 1 and nxt[1] in lex.rank_nouns):
            continue  # "de eerste zwarte vrouw", "haar zevende wereldbekerzege"
        if nxt and lex.country_words.get(nxt[0], ("", ""))[1] in ("male", "female", "plural"):
            continue  # "als tweede Nederlander": a place among compatriots
        if nxt and (nxt[0] in lex.not_rank_nouns
                    or (len(nxt) > 1 and nxt[0] not in STOP_WORDS and nxt[1] in lex.not_rank_nouns)
                    or (len(nxt) > 2 and nxt[0] in lex.joiner_words and nxt[2] in lex.not_rank_nouns)):
            continue  # "de tweede binnenbocht", "de vierde nationale titel", "de vierde en laatste rit"
        add(Mention("RANK", m.start(), m.end(), m.group(0), lex.ordinals[m.group(0).lower()]))
    for m in rx["numeric_rank"].finditer(text):
        nxt = _next_word(text, m.end(), 1)
        if nxt and nxt[0].lower() in lex.not_rank_nouns:
            continue
        add(Mention("RANK", m.start(), m.end(), m.group(0), int(m.group("n"))))
    for m in lex.place_number_regex.finditer(text):
        if _grid_place(text, m.start(), lex):
            continue  # "begon vanaf P17", "die vanaf de derde startplaats vertrok": the grid, not the result
        if m.group(0)[0].islower() and (_DE_BEFORE.search(text[max(0, m.start() - 6):m.start()])
                                        or _OF_THE_AFTER.match(text[m.end():m.end() + 12])):
            continue  # "De nummer vier pakte ...", "de nummer 1 van de wereld": a standing or a name, no place here
        n = m.group("n").lower()
        add(Mention("RANK", m.start(), m.end(), m.group(0), int(n) if n.isdigit() else lex.cardinals[n]))
    for m in words.finditer(lex.rank_phrase_regex):
        add(Mention("RANK", m.start(), m.end(), m.group(0), lex.rank_phrases[_spaced_key(m.group(0))]))
    for m in (lex.places_list_regex.finditer(text) if lex.places_list_regex and words.may_contain(rx["places_list_literals"])
              else ()):
        for n in _LIST_NUMBER.finditer(m.group("list")):
            if n.group(0).lower() != "en":
                value = int(n.group(0)) if n.group(0).isdigit() else lex.cardinals[n.group(0).lower()]
                add(Mention("RANK", m.start("list") + n.start(), m.start("list") + n.end(), n.group(0), value))
    for m in words.finditer(rx["medals"]):
        if not lex.medal_not_after.search(text[max(0, m.start() - 20):m.start()]):
            add(Mention("RANK", m.start(), m.end(), m.group(0), lex.medals[m.group(0).lower()]))
    for m in words.finditer(rx["winner_object"]):
        rank = lex.prize_nouns[_spaced_key(m.group("noun"))] if m.group("noun") else 1
        add(Mention("WINOBJ", m.start(), m.end(), m.group(0), rank))
    winobj = [(x.start, x.end) for x in out if x.kind == "WINOBJ"]
    if winobj:
        out[:] = [x for x in out if not (x.kind in ("RANK", "LEAD") and any(s <= x.start < e for s, e in winobj))]
    taken = [(x.start, x.end) for x in out if x.kind in ("WINOBJ", "RANK")]
    for m in words.finditer(lex.winner_regex):
        nxt = _next_word(text, m.end(), 1)
        if m.group(0).lower().startswith("de ") and nxt and nxt[0].lower() in lex.winner_not_before \
                and not lex.winner_of_all.match(text, m.end()):
            continue
        if lex.win_count_regex.match(text, m.end()) or lex.win_habit_regex.match(text, m.end()):
            continue  # "won er drie", "won dit jaar elf races": how often, not this race
        if lex.win_for_place_regex.match(text, m.end()):
            continue  # "won de strijd om de tweede plaats": that place, not the race
        prev = _SENTENCE_END_BEFORE.split(text[max(0, m.start() - 50):m.start()])[-1]
        if any(w.lower() in lex.winner_not_after for w in _PLAIN_WORD.findall(prev)[-6:]):
            continue  # "Zo erft Jan Smit de pole": another's place handed on, not won
        if lex.win_negation_regex.search(_CLAUSE_BEFORE.split(text[max(0, m.start() - 40):m.start()])[-1]):
            continue  # "misten op de aflossing de zege"
        if not any(s <= m.start() < e for s, e in taken):
            add(Mention("WIN", m.start(), m.end(), m.group(0), 1))
    for m in words.finditer(lex.leader_regex):
        if any(s <= m.start() < e for s, e in winobj) or lex.medal_not_after.search(text[max(0, m.start() - 20):m.start()]):
            continue  # "greep net naast de wereldtitel"
        if "kampioen" in m.group(0).lower():
            # a title, not a result, unless something makes it so: "werd wereldkampioen", not
            # "de tweevoudig olympisch kampioen", "Olympisch kampioen Jan Bosma" or "Bosma, regerend kampioen"
            before = _PLAIN_WORD.findall(text[max(0, m.start() - 40):m.start()])[-3:]
            if _CAPITAL_AFTER.match(text[m.end():m.end() + 3]) or _COMMA_WORDS_BEFORE.search(
                    text[max(0, m.start() - 40):m.start()]) or (
                    any(w.lower() in lex.determiners for w in before) and not any(w.lower() in lex.copulas for w in before)
                    and not any(w.lower() in lex.copulas for w in _next_word(text, m.end(), 1))):
                continue
        add(Mention("LEAD", m.start(), m.end(), m.group(0), 1))
    for m in words.finditer(lex.last_regex):
        add(Mention("LAST", m.start(), m.end(), m.group(0)))

    status_starts = set()
    for m in words.finditer(lex.status_regex):
        neg = lex.status_negations.search(text[max(0, m.start() - 12):m.start()])
        if not neg:
            add(Mention("STATUS", m.start(), m.end(), m.group(0), lex.status_phrases[_spaced_key(m.group(0))]))
            status_starts.add(m.start())

    for m in _starting_with(words, lex.status_split_regex, rx["separable_verbs"]):
        phrase = lex.status_separable[int(next(k for k, v in m.groupdict().items() if v is not None)[1:])]
        if lex.status_negations.search(m.group(0)) or _NOT.search(m.group(0)[:-len(phrase.split()[-1])]) \
                and "niet" not in phrase:
            continue  # "viel bijna uit", "ging net niet onderuit"
        if any(w.lower() in lex.gap_words for w in _WORD.findall(m.group(0))[1:-1]):
            continue  # "gaf twaalf tellen toe op X": conceded a gap, did not give up
        if m.start() not in status_starts:
            add(Mention("STATUS", m.start(), m.end(), m.group(0), lex.status_phrases[phrase]))
            status_starts.add(m.start())
    gapped = list(lex.status_gapped)
    for m in _starting_with(words, lex.status_gapped_regex, rx["gapped_first_words"]):
        phrase = gapped[int(next(k for k, v in m.groupdict().items() if v is not None)[1:])]
        if not any(x.kind == "STATUS" and x.start <= m.start() < x.end for x in out):
            add(Mention("STATUS", m.start(), m.end(), m.group(0), lex.status_gapped[phrase]))
    for m in words.finditer(lex.record_regex):
        key = _spaced_key(m.group(0))
        if key in lex.national_record:
            add(Mention("RECORD", m.start(), m.end(), m.group(0), ("NR", lex.national_record[key])))
        else:
            add(Mention("RECORD", m.start(), m.end(), m.group(0), (lex.record_types[key], None)))

    for m in words.finditer(lex.country_regex):
        word = m.group(0)
        code, kind = lex.country_words[word.lower()]
        if _given_name_before_surname(text, m.start(), m.end(), lex):
            continue  # "landgenote Noor Visser": a first name, not "de Noor Visser"
        if kind != "names" and word[0].islower() and kind not in ("adjective",):
            continue  # demonyms are capitalized in Dutch
        if kind == "names" and word[0].islower():
            continue
        add(Mention("COUNTRY", m.start(), m.end(), word, (code, kind)))
    for m in rx["country_paren"].finditer(text):
        code = lex.country_short.get(m.group("c"))
        if code is None and (hit := lex.country_words.get(m.group("c").lower())) and hit[1] == "names":
            code = hit[0]  # "(Zuid-Korea)"
        if code:
            add(Mention("COUNTRY", m.start(), m.end(), m.group(0), (code, "short")))
    for m in _country_fields(text, rx["country_field"]):
        # "2\tJenning de Boo\tNED\t34,25", "1; Jutta Leerdam; NED; 1.13,20": a code in a field of a list line
        if (code := lex.country_short.get(m.group("c"))):
            add(Mention("COUNTRY", m.start("c"), m.end("c"), m.group("c"), (code, "short")))
    for m in rx["country_from"].finditer(text):
        hit = lex.country_words.get(m.group("c").lower())
        if hit and hit[1] == "names":
            add(Mention("COUNTRY", m.start(), m.end(), m.group(0), (hit[0], "from")))
    for m in words.finditer(lex.team_regex):
        add(Mention("TEAM", m.start(), m.end(), m.group(0)))
    for m in words.finditer(lex.place_regex):
        add(Mention("VENUE", m.start(), m.end(), m.group(0)))
    for m in words.finditer(lex.competition_regex):
        add(Mention("COMPETITION", m.start(), m.end(), m.group(0)))

    for m in rx["age"].finditer(text):
        add(Mention("AGE", m.start(), m.end(), m.group(0), int(m.group("n"))))
    for m in rx["age_paren"].finditer(text):
        add(Mention("AGE", m.start(), m.end(), m.group(0), int(m.group("n"))))
    for m in _starting_with(words, rx["pron"], rx["pron_words"]):
        add(Mention("PRON", m.start(), m.end(), m.group(0), lex.pronouns[m.group(0).lower()]))
    noun_after = rx["noun_after"]
    desc_starts = set()
    for m in _descriptions(text, words, rx):
        after = text[m.end():m.end() + 40]
        # "de Japanse Mei Sato": the word describes the name that follows
        if _NAME_AFTER.match(after):
            continue
        head = m.group("head").lower()
        # the noun after the demonym, past adjectives ("de Belgische olympische medaille")
        nxt = noun_after.match(after)
        if nxt and nxt.group(1) not in lex.plural_heads and nxt.group(1).endswith(lex.thing_noun_endings):
            continue  # "de Nederlandse zwemploeg": an adjective of a thing
        mods = m.group("mods").lower()
        if m.group("det").lower() in lex.number_words:
            mods = f"{m.group('det').lower()} {mods}"  # "twee Noren": a counted group
        add(Mention("DESC", m.start(), m.end(), m.group(0), {"head": head, "mods": mods}))
        desc_starts.add(m.start())
    for m in (rx["age_desc"].finditer(text) if lex.age_suffix in text else ()):  # matched as written
        if m.start() not in desc_starts:
            add(Mention("DESC", m.start(), m.end(), m.group(0), {"head": m.group("head").lower(), "mods": ""}))
    for a, b in _quotes(text)[0]:
        add(Mention("QUOTE", a, b, text[a:b]))
    for m in words.finditer(rx["past"]):
        add(Mention("PAST", m.start(), m.end(), m.group(0)))
    for m in words.finditer(rx["respectively"]):
        add(Mention("RESPECTIVELY", m.start(), m.end(), m.group(0)))
    out.sort(key=lambda x: (x.start, -x.end))
    return out


# --- names -----------------------------------------------------------------------------------------

_CAP = regex.compile(r"^\p{Lu}[\p{Ll}\p{Lu}’'.-]*\p{Ll}[\p{L}’'-]*$|^\p{Lu}\p{Ll}$")
_GLUED = regex.compile(r"^(\p{Lu}\p{Ll}{3,})(\p{Lu}\p{Ll}+)$")
_HYPHEN_PART = regex.compile(r"^\p{Lu}{1,3}-\p{Ll}|.*-\p{Ll}{6,}$")
_HYPHEN_FIVE = regex.compile(r".*-\p{Ll}{5}$")
_SHORT_BEFORE_HYPHEN = regex.compile(r"^\p{Lu}\p{Ll}{1,3}-")
_LOWER_WORD = regex.compile(r"\b\p{Ll}[\p{L}-]*")
_LOWER_START = regex.compile(r"\p{Ll}")
_GENITIVE_ENDS = ("'s", "’s")
_LONGEST_NAME_WORD = 60  # longer tokens are no part of a name (and the word tests below need not scan them)


# what usable() in find_people tells from a word alone (capitalized): no name word, a name word, or a name word
# unless it is a given name (a demonym that is also a given name: "Noor")
_NOT_NAME_WORD, _NAME_WORD, _NAME_WORD_IF_GIVEN = 0, 1, 2


def _name_word_tests(lex: Lexicon) -> dict:
    """The cache of _name_word_test for ``lex``, (word, inner) -> test, kept across texts: most words come again."""
    tests = lex.derived("name_word_tests", lambda _: {})
    if len(tests) > 1 << 17:
        tests.clear()
    return tests


def _name_word_test(word: str, inner: bool, lex: Lexicon) -> int:
    if word.endswith("-"):
        return _NOT_NAME_WORD  # "Land- en ploeggenoot": half a compound
    lower = word.lower()
    if lower in lex.ordinals:
        return _NOT_NAME_WORD  # "Vierde werd Kipruto"
    if _hyphenated_noun(word, inner):
        return _NOT_NAME_WORD
    if lower in lex.description_heads or lower in lex.titles or lower in lex.pronouns:
        return _NOT_NAME_WORD
    return _NAME_WORD_IF_GIVEN if word in lex.non_name_words else _NAME_WORD


@functools.lru_cache(maxsize=1 << 16)
def _is_cap_word(word: str) -> bool:
    return len(word) <= _LONGEST_NAME_WORD and bool(_CAP.match(word)) and not any(ch.isdigit() for ch in word)


@functools.lru_cache(maxsize=1 << 16)
def _hyphenated_noun(word: str, inner: bool) -> bool:
    # "A-groep", "EK-tijdrit", "Ferrari-coureur"; a short hyphenated given name after the family
    # name is part of the name ("Lee Sang-hwa", "Choi Min-jeong")
    return bool(_HYPHEN_PART.match(word) or (_HYPHEN_FIVE.match(word) and not (inner and _SHORT_BEFORE_HYPHEN.match(word))))


@functools.lru_cache(maxsize=1 << 16)
def _glued(word: str) -> tuple[str, str] | None:
    m = _GLUED.match(word) if len(word) >= 6 else None  # the pattern takes six letters at least
    return (m.group(1), m.group(2)) if m else None


_WORD_LOOKUPS_BEFORE_COLLECTING = 64


def find_people(tokens: list[tuple[str, int, bool]], text: str, blocked: list[tuple[int, int]],
                lex: Lexicon | None = None, model_people: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Athlete-name candidates from capitalization and position.

    ``tokens`` are (text, start_char, is_sentence_start). ``blocked`` spans (countries, teams,
    venues, events) are never part of a name. ``model_people`` are PER entities of a statistical
    model, when one is loaded: they are taken as they are.
    """
    lex = lex or get_lexicon()
    lower_words_found: list[set[str]] = []
    lookups = [0]

    def written_small(word: str) -> bool:
        """Whether ``word`` is among the words of the text that start with a small letter (_LOWER_WORD.findall)."""
        if lower_words_found:
            return word in lower_words_found[0]
        # most often told by where the word stands: a match of _LOWER_WORD starts there unless a word joined
        # by a hyphen runs on into it ("ab-cd" is one match); only then, or once many words were looked up
        # (each lookup may scan the whole text: quadratic in a long one), are all the words collected
        lookups[0] += 1
        if lookups[0] > _WORD_LOOKUPS_BEFORE_COLLECTING:
            lower_words_found.append(set(_LOWER_WORD.findall(text)))
            return word in lower_words_found[0]
        i = text.find(word)
        unsure = False
        while i >= 0:
            if i > 0 and text[i - 1] == "-":
                unsure = True
            elif (m := _LOWER_WORD.match(text, i)) and m.end() == i + len(word):
                return True
            i = text.find(word, i + 1)
        if not unsure:
            return False
        lower_words_found.append(set(_LOWER_WORD.findall(text)))
        return word in lower_words_found[0]

    def in_quote(pos: int) -> bool:
        spans, starts = _quotes(text)
        k = bisect_right(starts, pos)
        return k > 0 and pos < spans[k - 1][1]  # the quotes do not overlap
    # blocked: is a position inside a span? The spans by start, with the furthest end reached so far
    blocked_spans = sorted(blocked)
    span_starts = [s for s, _ in blocked_spans]
    reach = list(accumulate((e for _, e in blocked_spans), max))

    def blocked_at(start: int) -> bool:
        k = bisect_right(span_starts, start)
        return k > 0 and reach[k - 1] > start

    word_tests = _name_word_tests(lex)

    def usable(i: int, inner: bool = False) -> bool:
        if not capitalized[i]:
            return False
        word, start, _ = tokens[i]
        test = word_tests.get((word, inner))
        if test is None:
            test = word_tests[(word, inner)] = _name_word_test(word, inner, lex)
        if not test or blocked_at(start):
            return False
        return test == _NAME_WORD or _given_name_before_surname(text, start, start + len(word), lex)

    # a section label glued to the first word by scraping: "SchaatsenAnna Visser"; such a word is
    # capitalized (_GLUED asks more than _CAP) unless it is too long for a name, so only those are tried
    labels = lex.section_labels
    token_texts = [t[0] for t in tokens]
    capitalized = list(map(_is_cap_word, token_texts))
    maybe_glued = capitalized
    if token_texts and max(map(len, token_texts)) > _LONGEST_NAME_WORD:
        maybe_glued = [True] * len(token_texts)
    glued_at = {i for i in compress(range(len(tokens)), maybe_glued)
                if (glued := _glued(token_texts[i])) and glued[0].lower() in labels}
    if glued_at:
        split_tokens = []
        for i, token in enumerate(tokens):
            if i in glued_at:
                glued = _glued(token[0])
                word, start, is_start = token
                split_tokens.append((glued[0], start, is_start))
                split_tokens.append((glued[1], start + len(glued[0]), False))
            else:
                split_tokens.append(token)
        tokens = split_tokens
        token_texts = [t[0] for t in tokens]
        capitalized = list(map(_is_cap_word, token_texts))
    # a name starts at a capitalized word: the loop jumps from one to the next
    spans: list[tuple[int, int]] = []
    deferred: list[tuple[int, int, str]] = []
    i = 0
    n = len(tokens)
    while i < n:
        if not capitalized[i]:
            try:
                i = capitalized.index(True, i)
            except ValueError:
                break
        if not usable(i):
            i += 1
            continue
        j = i + 1
        while j < n:
            # one space apart, never across a line break ("Brons voor Hoogland" heading over "Jeffrey Hoogland ...")
            if capitalized[j] and usable(j, inner=True) and tokens[j][1] == tokens[j - 1][1] + len(tokens[j - 1][0]) + 1 and text[tokens[j][1] - 1] != "\n":
                j += 1
                continue
            # particles inside a name: "Jan de Boer", "Piet van der Meer", "Jan De Boer"
            k = j
            while k < n and tokens[k][0].lower() in lex.particles and not tokens[k][2]:
                k += 1
            if k > j and k < n and capitalized[k] and usable(k) and not tokens[k][2]:
                j = k + 1
                continue
            break
        if j - i >= 4:  # "Mattia Cattaneo Tony Gallopin": two names whose comma was lost
            k = next((k for k in range(i + 2, j - 1) if tokens[k][0] in lex.given_gender
                      and tokens[k - 1][0] not in lex.given_gender and tokens[k - 1][0].lower() not in lex.particles), None)
            if k is not None:
                j = k  # the second name starts at its given name, after a first and a last name
        words = [t[0] for t in tokens[i:j]]
        first_is_start = tokens[i][2]
        if first_is_start and len(words) == 1:
            w = words[0]
            quoted = in_quote(tokens[i][1])  # "Heerlijk!" in speech
            if w.lower() in STOP_WORDS or written_small(w.lower()) or w.lower().endswith(lex.adjective_endings) \
                    or w.lower() in lex.function_words or quoted:
                if not quoted and w.lower() not in lex.function_words:
                    deferred.append((tokens[i][1], tokens[i][1] + len(w), w))
                i = j
                continue
        elif len(words) > 1 and (words[0].lower() in lex.titles or words[0].lower().endswith(lex.long_description_heads)):
            i += 1
            continue  # "Wielrenner Jan Bakker", "Racewinnaar Piet de Boer": a role before the name
        elif first_is_start and len(words) > 1 and (words[0].lower() in STOP_WORDS or written_small(words[0].lower())):
            i += 1
            continue
        if words[0] in lex.place_prefixes:
            i = j
            continue  # "Mount Baldy"
        if i > 1 and tokens[i - 2][0].lower() in lex.place_articles and tokens[i - 1][0].lower() in lex.country_words:
            i = j
            continue  # "in het Italiaanse Varese": a place (a person takes "de")
        if j == i + 1 and i > 0 and tokens[i - 1][0].lower() in lex.determiners and j < n and \
                words[0].endswith(lex.place_adjective_endings) and _LOWER_START.match(tokens[j][0]):
            i = j
            continue  # "op de Scheveningse boulevard": an adjective of place before a noun
        if i > 0 and tokens[i - 1][0].lower() in lex.determiners and words[0].endswith(lex.place_adjective_endings) and len(words) > 1:
            i += 1
            continue  # "De Bredase Van Dijk": an adjective of place before the name
        if tokens[j - 1][0].endswith(lex.org_suffixes):
            i = j
            continue  # "het Jumbo-team"
        if j < n and tokens[j][0] in lex.place_words:
            i = j + 1
            continue  # "Bernard Arena"
        if j == i + 1 and i > 0 and tokens[i - 1][0].lower() in lex.place_prepositions and not first_is_start:
            i = j
            continue  # "de schaatser uit Wormer": a place
        start, end = tokens[i][1], tokens[j - 1][1] + len(tokens[j - 1][0])
        # "['’]s$": the span ends in a word, never in a line break
        if text.endswith(_GENITIVE_ENDS, start, end):
            end -= 2  # "Kopecky's landgenote": the name without the genitive
        before = text[max(0, start - 60):start]
        # the pattern ends in "van" and spaces (all of them str.isspace): where the text does not, it cannot match
        if lex.team_after_last_word.fullmatch(before.rstrip()[-3:]) and lex.team_after_regex.search(before):
            i = j
            continue  # "de renner van Lidl-Trek": a team
        # a capitalized particle before a surname: "De Boer won", "tegen Van der Meer"
        b = i - 1
        while b >= 0 and tokens[b][0] in lex.particles and tokens[b][0].islower():
            b -= 1
        if b >= 0 and b < i and tokens[b][0].lower() in lex.particles and tokens[b][0][0].isupper():
            start = tokens[b][1]
        spans.append((start, end))
        i = j
    # "Wilde strandde op ...": a word that opens a sentence is a name after all when it is the surname
    # of a full name found elsewhere ("Hayden Wilde")
    surnames = {text[a:b].split()[-1] for a, b in spans if len(text[a:b].split()) > 1}
    spans += [(a, b) for a, b, w in deferred if w in surnames]
    for s, e in model_people or ():
        if not any(a < e and s < b for a, b in spans):
            spans.append((s, e))
    spans.sort()
    return [Mention("PERSON", s, e, text[s:e]) for s, e in spans]
