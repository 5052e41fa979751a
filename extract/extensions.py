"""The Doc and Span extensions the components set, declared in one place.

All carry the ``sports_`` prefix. ``register_extensions()`` is idempotent and is
called by the component factories, not at import time.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = ["PREFIX", "SPAN_GROUP", "register_extensions"]

PREFIX = "sports_"
SPAN_GROUP = "sports"  # doc.spans[SPAN_GROUP]: every recognized mention, labelled by kind

DOC_EXTENSIONS = {
    "meta": None,  # dict: article_id, date, title, categories ... given by the caller
    "blocks": None,  # list[recognize.Block]: paragraphs, headings, captions, lists
    "mentions": None,  # list[recognize.Mention]: what the recognizers found
    "sport": None,  # str: the sport the linker used
    "results": None,  # list[types.RaceResult]
    "records": None,  # list[types.RecordMention]
}
SPAN_EXTENSIONS = {
    "value": None,  # the normalized value of a mention (seconds, rank, event code ...)
}


def register_extensions() -> None:
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(PREFIX + name):
            Doc.set_extension(PREFIX + name, default=default)
    for name, default in SPAN_EXTENSIONS.items():
        if not Span.has_extension(PREFIX + name):
            Span.set_extension(PREFIX + name, default=default)
