"""spaCy components, registered as factories (and as ``spacy_factories`` entry points).

    nlp = spacy.blank("nl")
    for name in ("sports_segmenter", "sports_recognizer", "sports_names", "sports_linker"):
        nlp.add_pipe(name)

Matching (``recognize``) is kept apart from setting annotations (here) and
from deciding what belongs to whom (``linking``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from itertools import compress

import numpy
import regex
from spacy.attrs import IDX, IS_SPACE, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from . import recognize
from .extensions import SPAN_GROUP, register_extensions
from .lexicon import get_lexicon
from .linking import link
from .sports import detect_sport, plausibility_flags, sport_sections
from .types import Evidence, RaceResult, RecordMention

__all__ = ["make_doc", "Segmenter", "Recognizer", "NameFinder", "Linker", "COMPONENT_NAMES"]

COMPONENT_NAMES = ("sports_segmenter", "sports_recognizer", "sports_names", "sports_linker")
_OPENERS = ("„", "“", '"', "(", "‘")  # a word after one of these may open a sentence of its own
_NOT_A_START = numpy.uint64(2 ** 64 - 1)  # SENT_START -1 as spaCy's uint64 arrays hold it
_OPENER = re.compile("|".join(map(re.escape, _OPENERS)))


def _meta(doc: Doc) -> dict:
    return doc._.sports_meta or {}


_TEXT_KEY = ("sports_extract", "text")
_MENTIONS_KEY = ("sports_extract", "mentions")


def make_doc(nlp: Language, text: str, mentions: list | None = None) -> Doc:
    """``nlp.make_doc(text)`` that keeps ``text``: the tokenizer loses no character, so it is the doc's text,
    and the components need not join it from the tokens. ``mentions``: recognize.find_mentions(text), where the
    caller has it already (a batch finds them before it tokenizes); the recognizer takes them over."""
    doc = nlp.make_doc(text)
    doc.user_data[_TEXT_KEY] = text
    if mentions is not None:
        doc.user_data[_MENTIONS_KEY] = mentions
    return doc


def _text(doc: Doc) -> str:
    """The doc's text, joined from its tokens once: ``doc.text`` joins them again on every call (a Python
    loop over the tokens), and the components read the text many times (a doc's text never changes, even
    when tokens are merged)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


class Segmenter:
    """Blocks (paragraphs, headings, captions, list lines) and sentence starts."""

    def __call__(self, doc: Doc) -> Doc:
        blocks = recognize.find_blocks(_text(doc))
        doc._.sports_blocks = blocks
        if len(doc):
            # one array write: setting token.is_sent_start one by one rescans the doc for every token. The few
            # sentence starts are looked up among the token offsets (a token opens a sentence where one starts
            # at its first character, unless it is whitespace); every other token gets -1, as spaCy's uint64
            arr = doc.to_array([IDX, IS_SPACE])
            idx = arr[:, 0].tolist()
            is_space = arr[:, 1].tolist()
            n = len(idx)
            flags = numpy.full(n, _NOT_A_START, dtype="uint64")
            flags[0] = 1
            for start in {s for b in blocks for s, _ in b.sentences}:
                i = bisect_left(idx, start)
                if i < n and idx[i] == start and not is_space[i]:
                    flags[i] = 1
            doc.from_array([SENT_START], flags)
        return doc


def _name_tokens(doc: Doc, sentence_starts: set[int]) -> list[tuple[str, int, bool]]:
    """The tokens find_people reads: (text, start, opens a sentence or follows an opening quote or bracket),
    whitespace tokens left out. A token's text is cut from the doc's text (it ends where the next begins, less
    its one trailing space); the few sentence starts and openers are looked up among the token offsets, not
    each token among them."""
    text = _text(doc)
    arr = doc.to_array([IDX, SPACY, IS_SPACE])
    idx = arr[:, 0].tolist()
    n = len(idx)
    words = [text[a:b - sp] for a, b, sp in zip(idx, idx[1:] + [len(text)], arr[:, 1].tolist())]
    opens = [False] * n
    opens[0] = True
    for start in sentence_starts:
        i = bisect_left(idx, start)
        if i < n and idx[i] == start:
            opens[i] = True
    for m in _OPENER.finditer(text):
        i = bisect_left(idx, m.start())
        if i + 1 < n and idx[i] == m.start() and words[i] in _OPENERS:
            opens[i + 1] = True
    is_space = arr[:, 2]
    if is_space.any():
        kept = (is_space == 0).tolist()
        return list(zip(compress(words, kept), compress(idx, kept), compress(opens, kept)))
    return list(zip(words, idx, opens))


class Recognizer:
    """Times, events, ranks, statuses, records, countries, teams ... as mentions, and labelled spans in
    ``doc.spans[spans_key]`` (None: no spans, for batch runs that keep only the results)."""

    def __init__(self, spans_key: str | None = SPAN_GROUP):
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        mentions = doc.user_data.pop(_MENTIONS_KEY, None)
        if mentions is None:
            mentions = recognize.find_mentions(_text(doc))
        doc._.sports_mentions = mentions
        _add_spans(doc, mentions, self.spans_key)
        return doc


class NameFinder:
    """Athlete names: capitalization and position rules, plus PERSON entities of a loaded model."""

    def __init__(self, spans_key: str | None = SPAN_GROUP):
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        lex = get_lexicon()
        mentions = doc._.sports_mentions or []
        blocked = [(m.start, m.end) for m in mentions if m.kind in ("COUNTRY", "TEAM", "VENUE", "COMPETITION", "EVENT", "TIME")]
        tokens = _name_tokens(doc, {s for b in (doc._.sports_blocks or []) for s, _ in b.sentences}) if len(doc) else []
        model_people = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PER", "PERSON")]
        people = recognize.find_people(tokens, _text(doc), blocked, lex, model_people)
        doc._.sports_mentions = sorted(mentions + people, key=lambda m: (m.start, -m.end))
        _add_spans(doc, people, self.spans_key)
        return doc


class Linker:
    """Results and records from the mentions: ``doc._.sports_results``, ``doc._.sports_records``."""

    def __call__(self, doc: Doc) -> Doc:
        lex = get_lexicon()
        meta = _meta(doc)
        text = _text(doc)
        blocks = doc._.sports_blocks if doc._.sports_blocks is not None else recognize.find_blocks(_text(doc))
        mentions = doc._.sports_mentions or []
        people = [m for m in mentions if m.kind == "PERSON"]
        others = [m for m in mentions if m.kind != "PERSON"]
        article_sport = meta.get("sport") or detect_sport(text, tuple(meta.get("categories") or ()), lex)
        doc._.sports_sport = article_sport
        year = regex.search(r"(?:19|20)\d\d", str(meta.get("date") or ""))
        month = regex.search(r"(?:19|20)\d\d-(\d{1,2})", str(meta.get("date") or ""))
        linked, records = [], []
        # a round-up with a section per sport ("Schaatsen", "Wielrennen") is linked section by section
        for sport, section in sport_sections(text, blocks, article_sport, lex):
            if sport is None:  # football, tennis ...: no race results
                continue
            rows, recs, _ = link(text, section, others, people, sport, lex, int(year.group(0)) if year else None,
                                 month=int(month.group(1)) if month else None)
            linked += [(sport, r) for r in rows]
            records += recs
        article_id = meta.get("article_id", "")
        results = []
        for sport, r in linked:
            ent = r.entity
            names = [m.text for m in ent.mentions] or [ent.full]
            athlete = None if ent.team else max(names, key=lambda n: (len(n.split()), len(n)))
            s, e = r.sentence
            evidence = tuple((kind, Evidence(m.text, m.start, m.end)) for kind, m in r.evidence)
            results.append(RaceResult(
                article_id=article_id, sport=sport, event=r.event, distance_m=r.distance_m, gender=r.gender,
                athlete=athlete, team=ent.full if ent.team else None, country=ent.country,
                time_s=r.time_s, time_text=r.time.text if r.time is not None else None, gap_s=r.gap_s,
                rank=r.rank, status=r.status, round=r.round, stroke=r.stroke, club=ent.club, mark=r.mark,
                mark_unit=r.mark_unit, flags=plausibility_flags(sport, r.event, r.time_s, lex),
                members=tuple(max([m.text for m in x.mentions] or [x.full], key=lambda n: (len(n.split()), len(n)))
                              for x in ent.members),
                sentence=text[s:e].strip(),
                char_start=r.anchor[0], char_end=r.anchor[1], evidence=evidence))
        recs = []
        venues = [m for m in others if m.kind == "VENUE"]
        for rec in records:
            s, e = rec.sentence
            venue = next((v.text for v in venues if s <= v.start < e), None)  # "in Hamar"
            holder = None
            if rec.holder is not None:
                names = [m.text for m in rec.holder.mentions] or [rec.holder.full]
                holder = max(names, key=lambda n: (len(n.split()), len(n)))
            recs.append(RecordMention(
                article_id=article_id, record_type=rec.record_type, scope=rec.scope, holder=holder,
                time_s=rec.time_s, time_text=rec.time.text if rec.time is not None else None, event=rec.event,
                distance_m=rec.distance_m, gender=rec.gender, state=rec.state, year=rec.year, venue=venue,
                sentence=text[s:e].strip(), char_start=rec.span[0], char_end=rec.span[1]))
        doc._.sports_results, doc._.sports_records = results, recs
        return doc


def _add_spans(doc: Doc, mentions, key: str | None) -> None:
    if key is None:
        return
    spans = list(doc.spans[key]) if key in doc.spans else []
    for m in mentions:
        span = doc.char_span(m.start, m.end, label=m.kind, alignment_mode="expand")
        if span is not None:
            span._.sports_value = m.value
            spans.append(span)
    doc.spans[key] = spans


@Language.factory("sports_segmenter", assigns=["token.is_sent_start", "doc._.sports_blocks"])
def make_segmenter(nlp: Language, name: str) -> Segmenter:
    register_extensions()
    return Segmenter()


@Language.factory("sports_recognizer", assigns=["doc.spans", "doc._.sports_mentions", "span._.sports_value"],
                  default_config={"spans_key": SPAN_GROUP})
def make_recognizer(nlp: Language, name: str, spans_key: str | None) -> Recognizer:
    register_extensions()
    get_lexicon()  # fail at load, not on the first document, when a pattern file is bad
    return Recognizer(spans_key)


@Language.factory("sports_names", assigns=["doc.spans", "doc._.sports_mentions"],
                  default_config={"spans_key": SPAN_GROUP})
def make_names(nlp: Language, name: str, spans_key: str | None) -> NameFinder:
    register_extensions()
    return NameFinder(spans_key)


@Language.factory("sports_linker", assigns=["doc._.sports_results", "doc._.sports_records", "doc._.sports_sport"])
def make_linker(nlp: Language, name: str) -> Linker:
    register_extensions()
    return Linker()
