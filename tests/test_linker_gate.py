"""The linker's LiteralGate skips a pattern's scan where none of the strings every match needs stands. It
must never skip a sentence where the pattern does match: checked for every pattern it gates, on every
sentence of the sample corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

from extract.lexicon import get_lexicon
from extract.linking.model import FoldTwins, LiteralGate, link_patterns
from extract.reading import iter_sources
from extract.recognize import find_blocks

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "articles"


def gated_patterns() -> dict[str, object]:
    lex = get_lexicon()
    patterns = link_patterns(lex)
    found = {name: getattr(lex, name) for name in dir(lex) if name.endswith("_regex")}
    found.update({"future": patterns.future, "field_lead": patterns.field_lead, "stage_race": patterns.stage_race})
    for sport, cues in patterns.event_cues.items():
        found.update({f"event_cue.{sport}.{i}": cue for i, (_, cue) in enumerate(cues)})
    return {name: p for name, p in found.items() if hasattr(p, "search") or isinstance(p, FoldTwins)}


@pytest.fixture(scope="module")
def sentences():
    texts = [s.text for s in iter_sources([CORPUS]) if not s.error]
    return [(text, [(s, e) for b in find_blocks(text) for s, e in b.sentences]) for text in texts]


@pytest.mark.parametrize("name", sorted(gated_patterns()))
def test_gate_never_skips_a_match(name, sentences):
    pattern = gated_patterns()[name]
    patterns = link_patterns(get_lexicon())
    scan = pattern.full if isinstance(pattern, FoldTwins) else pattern
    scan = getattr(scan, "exact", scan)
    skipped_matches = []
    for text, spans in sentences:
        gate = LiteralGate(text, patterns)
        for s, e in spans:
            if not gate.may_match(pattern, s, e) and scan.search(text[s:e]):
                skipped_matches.append(text[s:e][:80])
    assert not skipped_matches, f"{name} gated out sentences it matches: {skipped_matches[:3]}"
