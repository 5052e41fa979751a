"""Load the pipeline and run it over texts and files."""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from . import components  # noqa: F401  (registers the factories in this process)
from .components import COMPONENT_NAMES, make_doc
from .extensions import SPAN_GROUP, register_extensions
from .lexicon import get_lexicon
from .linking import may_make_rows
from .reading import DEFAULT_LIMITS, Limits, Source, capped_lines, iter_sources, read_text_article
from .recognize import find_mentions
from .sports import detect_sport, may_have_race_section
from .types import Article, RaceResult, RecordMention

__all__ = ["load", "model_name", "extract_text", "extract_source", "extract_paths", "Extraction", "DUTCH_MODELS"]

DUTCH_MODELS = ("nl_core_news_lg", "nl_core_news_md", "nl_core_news_sm")
# what the statistical pipelines need not run for us: we only use their tokens, sentences and PERSON entities
_UNUSED = ("lemmatizer", "morphologizer", "attribute_ruler", "tagger")


@dataclass(frozen=True)
class Extraction:
    """What one article gave: the article row, its results and its record mentions."""

    article: Article
    results: tuple[RaceResult, ...]
    records: tuple[RecordMention, ...]


def load(model: str | os.PathLike | None = None, *, spans_key: str | None = SPAN_GROUP) -> Language:
    """The spaCy pipeline with the sports components.

    ``model``: None picks the best installed Dutch pipeline (nl_core_news_lg/md/sm) and falls
    back to the embedded default, a blank Dutch tokenizer; "blank" forces the default; any
    other value is a package name or a path for ``spacy.load``. ``spans_key``: the span group the
    recognizers fill (``doc.spans``); None for none, where only the results are wanted (batch runs).
    """
    register_extensions()
    if model is None:
        name = next((m for m in DUTCH_MODELS if spacy.util.is_package(m)), None)
        nlp = spacy.load(name, exclude=list(_UNUSED)) if name else spacy.blank("nl")
    elif str(model) in ("blank", "blank:nl"):
        nlp = spacy.blank("nl")
    else:
        nlp = spacy.load(model, exclude=list(_UNUSED))
    _adapt_tokenizer(nlp)
    first = next((n for n in ("senter", "parser", "ner") if n in nlp.pipe_names), None)
    for name in COMPONENT_NAMES:
        if name in nlp.pipe_names:
            continue
        config = {"spans_key": spans_key} if name in ("sports_recognizer", "sports_names") else {}
        if name == "sports_segmenter" and first:
            nlp.add_pipe(name, before=first, config=config)
        else:
            nlp.add_pipe(name, config=config)
    return nlp


# spaCy peels prefixes and suffixes off a run of characters without a space one at a time, rescanning the
# rest each time: quadratic in the run's length (25,000 quotes take 80 s). No word, number or address is
# this long, so such a run is one token as it stands.
LONG_RUN = r"\S{200,}\Z"


def _adapt_tokenizer(nlp: Language) -> None:
    """Split tokens at the field separators of results lists ("1;Jutta", "Leerdam|NED") and keep long runs
    without a space whole. One new tokenizer with both: each setter of a Tokenizer reloads its special cases."""
    old = nlp.tokenizer
    infixes = list(nlp.Defaults.infixes or ()) + [r"[;|]"]
    nlp.tokenizer = Tokenizer(nlp.vocab, rules=old.rules, prefix_search=old.prefix_search,
                              suffix_search=old.suffix_search,
                              infix_finditer=spacy.util.compile_infix_regex(infixes).finditer,
                              token_match=_long_runs_whole(old.token_match), url_match=old.url_match,
                              faster_heuristics=old.faster_heuristics)


def _long_runs_whole(token_match):
    pattern = re.compile(LONG_RUN)
    if token_match is not None:
        old_pattern = getattr(token_match, "__self__", None)
        if not isinstance(old_pattern, re.Pattern):
            return token_match  # a model's own matcher we cannot join: keep it as it is
        pattern = re.compile(f"(?:{old_pattern.pattern})|{LONG_RUN}", old_pattern.flags)
    return pattern.match


def model_name(nlp: Language) -> str:
    """How the output names the model: 'blank:nl' or 'nl_core_news_sm-3.8.0'."""
    meta = nlp.meta
    if not any(n in nlp.pipe_names for n in ("ner", "parser", "tagger", "tok2vec", "senter")):
        return f"blank:{nlp.lang}"
    return f"{meta.get('lang', nlp.lang)}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}"


_DEFAULT: Language | None = None


def _default_nlp() -> Language:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load()
    return _DEFAULT


def _doc_for(nlp: Language, source: Source, sport: str | None = None, mentions: list | None = None):
    doc = make_doc(nlp, source.text, mentions)
    doc._.sports_meta = {"article_id": source.article_id, "date": source.date, "title": source.title,
                         "categories": source.categories, **({"sport": sport} if sport else {})}
    return doc


def _extraction(source: Source, doc=None, error: str | None = None, sport: str | None = None) -> Extraction:
    results = tuple(doc._.sports_results or ()) if doc is not None else ()
    records = tuple(doc._.sports_records or ()) if doc is not None else ()
    sport = doc._.sports_sport if doc is not None else sport
    article = Article(article_id=source.article_id, path=source.path, title=source.title, date=source.date,
                      source=source.source, url=source.url, sport=sport, text=source.text,
                      categories=source.categories, n_results=len(results), n_records=len(records),
                      error=error or source.error, encoding=source.encoding, warnings=tuple(source.warnings))
    return Extraction(article, results, records)


def _needs_pipeline(source: Source) -> tuple[bool, str | None, list | None]:
    """(run the pipeline?, the article's sport, its mentions where they were found). Neither a match report
    (football, tennis ...) without a section of a timed sport nor an article in which the linker has nothing to
    start a row from (may_make_rows) gives results whatever else is found in it: it is not even tokenized."""
    lex = get_lexicon()
    sport = detect_sport(source.text, source.categories, lex)
    if sport is None and not may_have_race_section(source.text, lex):
        return False, None, None
    mentions = find_mentions(source.text, lex)
    return may_make_rows(source.text, mentions, lex), sport, mentions


def extract_source(source: Source, nlp: Language | None = None) -> Extraction:
    nlp = nlp or _default_nlp()
    if source.error:
        return _extraction(source)
    doc = nlp(_doc_for(nlp, source))
    return _extraction(source, doc)


def extract_text(text: str, article_id: str = "text", date: str | None = None, title: str | None = None,
                 categories: Iterable[str] = (), nlp: Language | None = None,
                 limits: Limits = DEFAULT_LIMITS) -> Extraction:
    """Results and records of one article given as text (a metadata header is parsed, not read as text).
    Lines longer than ``limits.line_chars`` are cut, as in a batch run (noted in the article's warnings)."""
    source = read_text_article(text, article_id)
    if date:
        source.date = date
    if title:
        source.title = title
        source.text = f"{title}\n\n{source.text}"
    source.categories = tuple(categories)
    source.text, cut = capped_lines(source.text, limits.line_chars)
    source.warnings = (cut,) if cut else ()
    return extract_source(source, nlp)


def extract_sources(sources: Iterable[Source], nlp: Language | None = None, batch_size: int = 64) -> Iterator[Extraction]:
    """Run the pipeline over sources, in order; a failing article becomes an error row, the rest go on."""
    nlp = nlp or _default_nlp()
    pending: list[Source] = []

    def flush():
        todo, sports = {}, {}
        for s in pending:
            if s.error:
                continue
            try:
                run, sports[id(s)], mentions = _needs_pipeline(s)
            except Exception:  # noqa: BLE001 - the pipeline meets it again and reports it in the error column
                run, sports[id(s)], mentions = True, None, None
            if run:
                todo[id(s)] = (s, sports[id(s)], mentions)
        docs = (_doc_for(nlp, s, sport, mentions) for s, sport, mentions in todo.values())
        try:
            done = dict(zip(todo, nlp.pipe(docs, batch_size=batch_size)))
        except Exception:  # one bad article must not sink the batch: redo them one by one
            done = {}
            for key, (s, sport, _) in todo.items():
                try:
                    done[key] = nlp(_doc_for(nlp, s, sport))
                except Exception as exc:  # noqa: BLE001 - reported in the article's error column
                    s.error = f"{s.path or s.article_id}: extraction failed: {type(exc).__name__}: {exc}"
        for s in pending:
            yield _extraction(s, done.get(id(s)), sport=sports.get(id(s)))
        pending.clear()

    for source in sources:
        pending.append(source)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()


def extract_paths(paths: Iterable[str | os.PathLike], nlp: Language | None = None) -> Iterator[Extraction]:
    """Stream the extractions of every article file under ``paths`` (folders are walked recursively)."""
    return extract_sources(iter_sources(paths), nlp)
