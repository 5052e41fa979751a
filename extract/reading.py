"""Read articles from files: plain text, Markdown with YAML front matter, HTML and JSONL.

Each input becomes a ``Source`` (article id, path, metadata, text). The text
keeps paragraphs and headings as blocks separated by blank lines; metadata
(front matter, a ``key: value`` header, a glued ``date 2021-12``) is parsed
into fields and never left in the text.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import regex
import yaml
from bs4 import BeautifulSoup

from .lexicon import get_lexicon

__all__ = ["Source", "InputError", "SUFFIXES", "iter_sources", "read_text_article", "html_to_text", "discover"]

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")

BLOCK_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "blockquote",
              "figcaption", "figure", "section", "article", "header", "footer", "pre", "dd", "dt")
_GLUED_DATE = regex.compile(r"^\s*date\s+(\d{4}(?:-\d{1,2}){0,2})\s+")
_HEADER_LINE = regex.compile(r"^([A-Za-z_]+)\s*:\s*(.*)$")
_SPACES = regex.compile(r"[ \t\u00a0\u2009\u202f]+")
_BLANKS = regex.compile(r"\n\s*\n(?:\s*\n)*")


class InputError(Exception):
    """An input file that cannot be read as an article; the message says why."""


@dataclass
class Source:
    article_id: str
    path: str | None
    text: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    categories: tuple[str, ...] = ()
    error: str | None = None
    meta: dict = field(default_factory=dict)


def _tidy(text: str) -> str:
    # a run of blanks with a tab stays a tab: it separates the fields of a results list line
    lines = [_SPACES.sub(lambda m: "\t" if "\t" in m.group(0) else " ", line).strip()
             for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment or page, one block (paragraph, heading, item) per paragraph."""
    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "template", "head", "iframe", "svg"]):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for cell in soup.find_all(["td", "th"]):
        cell.insert_after("\t")  # a table row becomes a tab-separated list line
    for tag in soup.find_all(BLOCK_TAGS):
        if tag.name == "tr":
            tag.insert_before("\n")  # rows of one table stay lines of one block
            continue
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    return _tidy(soup.get_text())


def _looks_like_html(text: str) -> bool:
    return bool(regex.search(r"<(p|div|br|h[1-6]|span|a|strong|em|ul|li|figure|img)\b", text, regex.IGNORECASE))


def _markdown_to_text(body: str) -> str:
    if _looks_like_html(body):
        return html_to_text(body)
    # plain Markdown: drop heading marks and emphasis, keep the words
    body = regex.sub(r"(?m)^\s{0,3}#{1,6}\s*", "", body)
    body = regex.sub(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1", r"\2", body)
    body = regex.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", body)
    return _tidy(body)


def _str(value) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None


def read_text_article(raw: str, article_id: str, path: str | None = None) -> Source:
    """A plain-text article: optional metadata header lines, then the text."""
    meta: dict[str, str] = {}
    glued = _GLUED_DATE.match(raw)
    if glued:
        meta["date"] = glued.group(1)
        raw = raw[glued.end():]
    else:
        lines = raw.lstrip("\ufeff").split("\n")
        header: dict[str, str] = {}
        for i, line in enumerate(lines):
            if not line.strip():
                if header:
                    meta, raw = header, "\n".join(lines[i + 1:])
                break
            m = _HEADER_LINE.match(line.strip())
            if not m or m.group(1).lower() not in get_lexicon().metadata_keys:
                break
            header[m.group(1).lower()] = m.group(2).strip()
    text = _tidy(raw)
    source = meta.get("source") or meta.get("bron")
    url = meta.get("url")
    if not url and source:
        link = regex.search(r"https?://\S+?(?=[)\s]|$)", source)
        url = link.group(0) if link else None
    return Source(article_id, path, text, title=meta.get("title") or meta.get("titel"),
                  date=meta.get("date") or meta.get("datum"), source=source, url=url, meta=meta)


def read_markdown_article(raw: str, article_id: str, path: str | None = None) -> Source:
    """A Jekyll-style post: YAML front matter (title, date, categories), Markdown or HTML body."""
    try:
        post = frontmatter.loads(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise InputError(f"invalid YAML front matter{where}: {getattr(exc, 'problem', exc)}") from None
    meta = dict(post.metadata)
    body = _markdown_to_text(post.content)
    title = _str(meta.get("title"))
    if title and _looks_like_html(title):
        title = html_to_text(title)
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    cats = meta.get("categories") or meta.get("tags") or ()
    if isinstance(cats, str):
        cats = cats.split()
    categories = tuple(str(c).strip() for c in cats if str(c).strip())
    url = _str(meta.get("externe_link") or meta.get("url") or meta.get("link"))
    return Source(article_id, path, text, title=title, date=_str(meta.get("date")), source=url, url=url,
                  categories=categories, meta={k: str(v) for k, v in meta.items()})


def read_html_article(raw: str, article_id: str, path: str | None = None) -> Source:
    soup = BeautifulSoup(raw, "lxml")
    title_tag = soup.find("h1") or soup.find("title")
    title = _str(title_tag.get_text(" ")) if title_tag else None
    text = html_to_text(raw)
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Source(article_id, path, text, title=title)


def read_jsonl(raw: str, file_id: str, path: str | None = None) -> Iterator[Source]:
    """One article per line: an object with ``text`` and optional ``id``, ``date``, ``title``, ``url``."""
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        article_id = f"{file_id}#{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Source(article_id, path, "", error=f"{path or file_id}: JSONL line {n}: not valid JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield Source(article_id, path, "",
                         error=f"{path or file_id}: JSONL line {n}: expected an object, got {type(obj).__name__}")
            continue
        if obj.get("id") is not None:
            article_id = f"{file_id}#{obj['id']}"
        text = obj.get("text")
        if not isinstance(text, str):
            yield Source(article_id, path, "", error=f"{path or file_id}: JSONL line {n}: missing field 'text'")
            continue
        title = _str(obj.get("title"))
        body = html_to_text(text) if _looks_like_html(text) else _tidy(text)
        full = f"{title}\n\n{body}" if title and not body.startswith(title) else body
        cats = obj.get("categories") or ()
        yield Source(article_id, path, full, title=title, date=_str(obj.get("date")), url=_str(obj.get("url")),
                     source=_str(obj.get("source") or obj.get("url")),
                     categories=tuple(str(c) for c in cats) if isinstance(cats, list) else ())


def discover(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, Path]]:
    """(file, root) for every article file under ``paths``, in a stable order."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames.sort()
                for name in sorted(filenames):
                    f = Path(dirpath) / name
                    if f.suffix.lower() in SUFFIXES and not name.startswith("."):
                        yield f, path
        elif path.exists():
            yield path, path.parent
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")


def _article_id(file: Path, root: Path) -> str:
    """The path below the input root without the extension ("2019/verslag"), as gold files name
    articles; a JSONL file keeps its name ("feed.jsonl"), its articles add "#<id or line>"."""
    rel = file.relative_to(root).as_posix()
    return rel if file.suffix.lower() == ".jsonl" else rel[: -len(file.suffix)] if file.suffix else rel


def iter_sources(paths: Iterable[str | os.PathLike]) -> Iterator[Source]:
    """Every article under ``paths``; an unreadable file becomes a Source with ``error`` set."""
    for file, root in discover(paths):
        article_id = _article_id(file, root)
        try:
            raw = file.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            yield Source(article_id, str(file), "", error=f"{file}: not UTF-8 text (byte {exc.start})")
            continue
        except OSError as exc:
            yield Source(article_id, str(file), "", error=f"{file}: cannot read ({exc.strerror})")
            continue
        suffix = file.suffix.lower()
        try:
            if suffix == ".jsonl":
                yield from read_jsonl(raw, article_id, str(file))
            elif suffix in (".md", ".markdown"):
                yield read_markdown_article(raw, article_id, str(file))
            elif suffix in (".html", ".htm"):
                yield read_html_article(raw, article_id, str(file))
            else:
                yield read_text_article(raw, article_id, str(file))
        except InputError as exc:
            yield Source(article_id, str(file), "", error=f"{file}: {exc}")
