"""Read articles from files: plain text, Markdown with YAML front matter, HTML and JSONL.

Each input becomes a ``Source`` (article id, path, metadata, text). The text
keeps paragraphs and headings as blocks separated by blank lines; metadata
(front matter, a ``key: value`` header, a glued ``date 2021-12``) is parsed
into fields and never left in the text.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import regex
import yaml
from lxml import etree

from .lexicon import get_lexicon

__all__ = ["Source", "InputError", "SUFFIXES", "iter_sources", "read_text_article", "html_to_text", "discover", "read_file"]

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")

BLOCK_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "blockquote",
              "figcaption", "figure", "section", "article", "header", "footer", "pre", "dd", "dt")
_GLUED_DATE = regex.compile(r"^\s*date\s+(\d{4}(?:-\d{1,2}){0,2})\s+")
_HEADER_LINE = regex.compile(r"^([A-Za-z_]+)\s*:\s*(.*)$")
_URL_IN_SOURCE = regex.compile(r"https?://\S+?(?=[)\s]|$)")
_HTML_TAG = regex.compile(r"<(p|div|br|h[1-6]|span|a|strong|em|ul|li|figure|img)\b", regex.IGNORECASE)
_MARKDOWN_HEADING_MARK = regex.compile(r"(?m)^\s{0,3}#{1,6}\s*")
_MARKDOWN_EMPHASIS = regex.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MARKDOWN_LINK = regex.compile(r"!?\[([^\]]*)\]\([^)]*\)")

# _tidy's patterns are plain character classes, so stdlib `re` (several times faster here) means the same;
# the Markdown and HTML-sniffing patterns above stay `regex`, whose \s and \b differ a little.
# A run of blanks with a tab becomes a tab; any other run of blanks, but a lone space, becomes a space.
_BLANKS_WITH_TAB = re.compile(r"[ \u00a0\u2009\u202f]*\t[ \t\u00a0\u2009\u202f]*")
_BLANKS_TO_SPACE = re.compile(r" [ \u00a0\u2009\u202f]+|[\u00a0\u2009\u202f][ \u00a0\u2009\u202f]*")
_EMPTY_LINES = re.compile(r"\n\n\n+")


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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\t" in text:
        text = _BLANKS_WITH_TAB.sub("\t", text)
    if "  " in text or "\u00a0" in text or "\u2009" in text or "\u202f" in text:  # most texts have none
        text = _BLANKS_TO_SPACE.sub(" ", text)
    text = "\n".join([line.strip() for line in text.split("\n")])
    # lines are stripped, so any run of empty lines is a run of newlines: it becomes one blank line
    return _EMPTY_LINES.sub("\n\n", text).strip()


_DROPPED_TAGS = frozenset(("script", "style", "noscript", "template", "head", "iframe", "svg"))
_BLOCK_TAG_SET = frozenset(BLOCK_TAGS)
_CELL_TAGS = frozenset(("td", "th"))
# strings under these are code, style or ruby annotations, never text (Beautiful Soup's "string containers")
_NON_TEXT_TAGS = frozenset(("rt", "rp", "style", "script", "template"))
_WHITESPACE_KEEPING_TAGS = frozenset(("pre", "textarea"))
_ASCII_SPACES = " \n\t\x0c\r"


class _TextTarget:
    """An lxml parser target that writes the visible text while lxml parses.

    It follows what html_to_text did with Beautiful Soup on the same lxml parser events, so the text
    stays the same: a text segment between two events that is only ASCII blanks becomes one space
    (one newline if it has one) except inside pre/textarea; strings under rt/rp/script/style/template
    are no text; script, style, noscript, template, head, iframe and svg are dropped whole; a br is a
    newline; a table cell is followed by a tab; a block tag has a blank line before and after it (a
    table row: a line break before it). With ``headings`` it also keeps the strings of the first h1
    and of the first title (in the whole page, dropped parts included), for read_html_article.
    """

    def __init__(self, headings: bool = False):
        self.parts: list[str] = []
        self._segment: list[str] = []
        self._open: list[str] = []
        self._dropped_depth = 0  # > 0 inside a dropped element (or a br): nothing of it is written
        self._non_text = 0
        self._keep_whitespace = 0
        self._headings = headings
        self.h1: list[str] | None = None
        self.title: list[str] | None = None
        self._h1_level = self._title_level = -1  # depth of the open first h1 / title, -1 when not open

    def _end_segment(self) -> None:
        segment = self._segment[0] if len(self._segment) == 1 else "".join(self._segment)
        self._segment = []
        if not self._keep_whitespace and not segment.strip(_ASCII_SPACES):
            segment = "\n" if "\n" in segment else " "
        if self._non_text:
            return
        if not self._dropped_depth:
            self.parts.append(segment)
        if self._h1_level >= 0:
            self.h1.append(segment)
        if self._title_level >= 0:
            self.title.append(segment)

    def start(self, tag: str, attrib) -> None:
        if self._segment:
            self._end_segment()
        if self._headings:
            if tag == "h1" and self.h1 is None:
                self.h1, self._h1_level = [], len(self._open)
            elif tag == "title" and self.title is None:
                self.title, self._title_level = [], len(self._open)
        self._open.append(tag)
        if tag in _NON_TEXT_TAGS:
            self._non_text += 1
        if tag in _WHITESPACE_KEEPING_TAGS:
            self._keep_whitespace += 1
        if self._dropped_depth:
            self._dropped_depth += 1
        elif tag in _DROPPED_TAGS:
            self._dropped_depth = 1
        elif tag == "br":
            self.parts.append("\n")
            self._dropped_depth = 1  # the br itself (and anything lxml put in it) is replaced by the newline
        elif tag in _BLOCK_TAG_SET:
            self.parts.append("\n" if tag == "tr" else "\n\n")  # rows of one table stay lines of one block

    def end(self, tag: str) -> None:
        if self._segment:
            self._end_segment()
        if tag not in self._open:
            return
        while self._close(self._open.pop()) != tag:  # as Beautiful Soup: close up to the latest open `tag`
            pass

    def _close(self, tag: str) -> str:
        if tag in _NON_TEXT_TAGS:
            self._non_text -= 1
        if tag in _WHITESPACE_KEEPING_TAGS:
            self._keep_whitespace -= 1
        if self._dropped_depth:
            self._dropped_depth -= 1
        elif tag in _CELL_TAGS:
            self.parts.append("\t")  # a table row becomes a tab-separated list line
        elif tag in _BLOCK_TAG_SET and tag != "tr":
            self.parts.append("\n\n")
        if self._h1_level == len(self._open):
            self._h1_level = -1
        if self._title_level == len(self._open):
            self._title_level = -1
        return tag

    def data(self, data: str) -> None:
        self._segment.append(data)

    def _other_event(self, *args) -> None:  # a comment, processing instruction or doctype: no text, ends a segment
        if self._segment:
            self._end_segment()

    comment = pi = doctype = _other_event

    def close(self) -> None:
        if self._segment:
            self._end_segment()


# errors on which Beautiful Soup tried the markup again as UTF-8 bytes
_PARSER_REJECTED = (UnicodeDecodeError, LookupError, etree.ParserError)


def _parse_html(html: str, headings: bool = False) -> _TextTarget:
    if html.startswith("\ufeff"):
        html = html[1:]
    markup: str | bytes = html
    for encoding in (None, "utf8"):
        target = _TextTarget(headings)
        parser = etree.HTMLParser(target=target, recover=True, huge_tree=False, encoding=encoding)
        try:
            parser.feed(markup)
            parser.close()
            return target
        except _PARSER_REJECTED as exc:
            rejected = exc
            markup = html.encode("utf8")
    raise ValueError(f"the HTML parser rejected the markup: {rejected}")


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment or page, one block (paragraph, heading, item) per paragraph."""
    return _tidy("".join(_parse_html(html).parts))


def _looks_like_html(text: str) -> bool:
    return "<" in text and _HTML_TAG.search(text) is not None


def _markdown_to_text(body: str) -> str:
    if _looks_like_html(body):
        return html_to_text(body)
    # plain Markdown: drop heading marks and emphasis, keep the words
    body = _MARKDOWN_HEADING_MARK.sub("", body)
    body = _MARKDOWN_EMPHASIS.sub(r"\2", body)
    body = _MARKDOWN_LINK.sub(r"\1", body)
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
        link = _URL_IN_SOURCE.search(source)
        url = link.group(0) if link else None
    return Source(article_id, path, text, title=meta.get("title") or meta.get("titel"),
                  date=meta.get("date") or meta.get("datum"), source=source, url=url, meta=meta)


def read_markdown_article(raw: str, article_id: str, path: str | None = None) -> Source:
    """A Jekyll-style post: YAML front matter (title, date, categories), Markdown or HTML body."""
    try:
        post = frontmatter.loads(raw)  # a safe YAML loader (libyaml's where PyYAML has it): plain data only
    except TypeError as exc:  # a key frontmatter cannot take ("2019: x", "content: x")
        raise InputError(f"unusable front matter key: {exc}") from None
    except json.JSONDecodeError as exc:  # front matter in braces is read as JSON
        raise InputError(f"invalid JSON front matter at line {exc.lineno}: {exc.msg}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise InputError(f"invalid YAML front matter{where}: {getattr(exc, 'problem', exc)}") from None
    meta, body = dict(post.metadata), _markdown_to_text(post.content)
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
    page = _parse_html(raw, headings=True)
    heading = page.h1 if page.h1 is not None else page.title  # the first h1, else the first title
    title = _str(" ".join(heading)) if heading is not None else None
    text = _tidy("".join(page.parts))
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Source(article_id, path, text, title=title)


def read_jsonl(raw: str, file_id: str, path: str | None = None, first_line: int = 1) -> Iterator[Source]:
    """One article per line: an object with ``text`` and optional ``id``, ``date``, ``title``, ``url``.
    ``first_line``: the line number of ``raw``'s first line in its file (a batch reads a big file in parts)."""
    for n, line in enumerate(raw.splitlines(), first_line):
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


def _suffix(name: str) -> str:
    """A file name's extension as pathlib gives it (".md"; "" for ".hidden" or "name.")."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _article_files(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[str, str, Path, str]]:
    """(file, its path below the root, root, suffix) for every article file under ``paths``, in a stable
    order; the strings are the ones pathlib gives (str(Path(folder) / name)), built once per folder."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames.sort()
                folder = Path(dirpath)
                folder_prefix = str(folder / "x")[:-1]  # what pathlib writes before a name: "" for ".", "/" for "/"
                below_root = folder.relative_to(path).as_posix()
                below_prefix = "" if below_root == "." else below_root + "/"
                for name in sorted(filenames):
                    suffix = _suffix(name)
                    if suffix.lower() in SUFFIXES and not name.startswith("."):
                        yield folder_prefix + name, below_prefix + name, path, suffix
        elif path.exists():
            yield str(path), path.relative_to(path.parent).as_posix(), path.parent, path.suffix
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")


def discover(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, Path]]:
    """(file, root) for every article file under ``paths``, in a stable order."""
    for file, _, root, _ in _article_files(paths):
        yield Path(file), root


def _article_id(below_root: str, suffix: str) -> str:
    """The path below the input root without the extension ("2019/verslag"), as gold files name
    articles; a JSONL file keeps its name ("feed.jsonl"), its articles add "#<id or line>"."""
    return below_root if suffix.lower() == ".jsonl" else below_root[: -len(suffix)] if suffix else below_root


def _read_file(file: str) -> bytes:
    # plain os.read: a third of the time of Path.read_bytes' buffered file object for thousands of small posts
    fd = os.open(file, os.O_RDONLY)
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def iter_sources(paths: Iterable[str | os.PathLike]) -> Iterator[Source]:
    """Every article under ``paths``; an unreadable file becomes a Source with ``error`` set."""
    for file, below_root, _, suffix in _article_files(paths):
        yield from _sources_of(file, _article_id(below_root, suffix), suffix, file)


def read_file(file: str | os.PathLike, root: str | os.PathLike, byte_range: tuple[int, int] | None = None,
              first_line: int = 1, shown: str | None = None) -> Iterator[Source]:
    """The articles of one file below ``root`` (one, or a JSONL file's lines); an unreadable file gives one
    Source with ``error``.

    ``byte_range`` and ``first_line``: read only those bytes of a JSONL file, whose first line has that number.
    ``shown``: the file's path as the user gave it, for the path column and messages (default: ``file``).
    """
    file = Path(file)
    suffix = _suffix(file.name)
    article_id = _article_id(file.relative_to(root).as_posix(), suffix)
    return _sources_of(str(file), article_id, suffix, shown or str(file), byte_range, first_line)


def _sources_of(file: str, article_id: str, suffix: str, name: str, byte_range: tuple[int, int] | None = None,
                first_line: int = 1) -> Iterator[Source]:
    try:
        if byte_range is None:
            data = _read_file(file)
        else:
            with open(file, "rb") as f:
                f.seek(byte_range[0])
                data = f.read(byte_range[1] - byte_range[0])
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Source(article_id, name, "", error=f"{name}: not UTF-8 text (byte {exc.start})")
        return
    except OSError as exc:
        yield Source(article_id, name, "", error=f"{name}: cannot read ({exc.strerror})")
        return
    suffix = suffix.lower()
    try:
        if suffix == ".jsonl":
            yield from read_jsonl(raw, article_id, name, first_line)
        elif suffix in (".md", ".markdown"):
            yield read_markdown_article(raw, article_id, name)
        elif suffix in (".html", ".htm"):
            yield read_html_article(raw, article_id, name)
        else:
            yield read_text_article(raw, article_id, name)
    except InputError as exc:
        yield Source(article_id, name, "", error=f"{name}: {exc}")
