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
import stat
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import regex
import yaml
from lxml import etree

from .decoding import NotText, clean_text, decode
from .lexicon import get_lexicon
from .walk import SUFFIXES, Found, display_name, suffix_of, walk

__all__ = ["Source", "InputError", "Limits", "SUFFIXES", "iter_sources", "read_text_article", "html_to_text",
           "discover", "read_file"]

BLOCK_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "blockquote",
              "figcaption", "figure", "section", "article", "header", "footer", "pre", "dd", "dt")
_GLUED_DATE = regex.compile(r"^\s*date\s+(\d{4}(?:-\d{1,2}){0,2})\s+")
_HEADER_LINE = regex.compile(r"^([A-Za-z_]+)\s*:\s*(.*)$")
_URL_IN_SOURCE = regex.compile(r"https?://\S+?(?=[)\s]|$)")
_HTML_TAG = regex.compile(r"<(p|div|br|h[1-6]|span|a|strong|em|ul|li|figure|img)\b", regex.IGNORECASE)
_MARKDOWN_HEADING_MARK = regex.compile(r"(?m)^\s{0,3}#{1,6}\s*")
# an emphasized span is at most a few sentences: the bound keeps a line of stray asterisks linear (unbounded,
# "*a " * 25,000 took 100 s)
_MARKDOWN_EMPHASIS = regex.compile(r"(\*\*|__|\*|_)(?=\S)(.{1,300}?)(?<=\S)\1")
_MARKDOWN_LINK = regex.compile(r"!?\[([^\]\n]{0,1000})\]\([^)\n]{0,2000}\)")  # bounded as the emphasis

# _tidy's patterns are plain character classes, so stdlib `re` (several times faster here) means the same;
# the Markdown and HTML-sniffing patterns above stay `regex`, whose \s and \b differ a little.
# A run of blanks with a tab becomes a tab; any other run of blanks, but a lone space, becomes a space.
_BLANKS_WITH_TAB = re.compile(r"[ \u00a0\u2009\u202f]*\t[ \t\u00a0\u2009\u202f]*")
_BLANKS_TO_SPACE = re.compile(r" [ \u00a0\u2009\u202f]+|[\u00a0\u2009\u202f][ \u00a0\u2009\u202f]*")
_EMPTY_LINES = re.compile(r"\n\n\n+")


class InputError(Exception):
    """An input file that cannot be read as an article; the message says why."""


@dataclass(frozen=True)
class Limits:
    """Bounds on one article, so that a huge or hostile input costs bounded time and memory. What goes
    over is cut, and the cut is noted in the article's warnings (a JSONL line over ``article_bytes``,
    which cannot be cut and still be JSON, is an error)."""

    article_bytes: int = 1_000_000  # news reports are 2-50 kB
    line_chars: int = 10_000  # a paragraph is one line; the longest of 8,460 posts is under 1,000

    def __post_init__(self) -> None:
        if self.article_bytes < 1 or self.line_chars < 1:
            raise ValueError(f"limits must be positive: {self}")


DEFAULT_LIMITS = Limits()


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
    encoding: str | None = None  # how the file's bytes were read ("utf-8", "cp1252" ...)
    warnings: tuple[str, ...] = ()  # what was mended or cut on the way (see decoding.decode, Limits)


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


_MAX_FRONT_MATTER_VALUES = 10_000


def _check_plain_data(meta: dict) -> None:
    """Refuse front matter that reuses a list or mapping (a YAML alias: "billion laughs" grow to any size when
    written out) or that holds more than _MAX_FRONT_MATTER_VALUES values."""
    seen: set[int] = set()
    todo = deque((str(k), v) for k, v in meta.items())  # in the file's order: the first key with an alias is named
    count = 0
    while todo:
        key, value = todo.popleft()
        count += 1
        if count > _MAX_FRONT_MATTER_VALUES:
            raise InputError(f"front matter holds more than {_MAX_FRONT_MATTER_VALUES:,} values: not read")
        if isinstance(value, (list, dict)):
            if id(value) in seen:
                raise InputError(f"front matter key '{key}' repeats a list or mapping by a YAML alias: not read "
                                 "(aliases can blow up to any size)")
            seen.add(id(value))
            todo.extend((key, v) for v in (value.values() if isinstance(value, dict) else value))


def read_markdown_article(raw: str, article_id: str, path: str | None = None) -> Source:
    """A Jekyll-style post: YAML front matter (title, date, categories), Markdown or HTML body."""
    try:
        post = frontmatter.loads(raw)  # a safe YAML loader (libyaml's where PyYAML has it): plain data only
    except TypeError as exc:  # a key frontmatter cannot take ("2019: x", "content: x")
        raise InputError(f"unusable front matter key: {exc}") from None
    except json.JSONDecodeError as exc:  # front matter in braces is read as JSON
        raise InputError(f"invalid JSON front matter at line {exc.lineno}: {exc.msg}") from None
    except yaml.YAMLError as exc:  # lines are the file's: the front matter's text starts on the line of "---"
        mark, context, context_mark = (getattr(exc, k, None) for k in ("problem_mark", "context", "context_mark"))
        where = f" at line {mark.line + 1}" if mark else ""
        started = f" ({context} at line {context_mark.line + 1})" if context and context_mark else ""
        raise InputError(f"invalid YAML front matter{where}: {getattr(exc, 'problem', exc)}{started}") from None
    _check_plain_data(post.metadata)
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


def _jsonl_article(line: str, n: int, file_id: str, path: str | None) -> Source:
    """The article of JSONL line ``n``: an object with ``text`` and optional ``id``, ``date``, ``title``, ``url``,
    ``source`` and ``categories``; a line that is none gives an error row."""
    article_id, where = f"{file_id}#{n}", f"{path or file_id}: JSONL line {n}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Source(article_id, path, "", error=f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return Source(article_id, path, "", error=f"{where}: not usable JSON (nested too deeply)")
    if not isinstance(obj, dict):
        return Source(article_id, path, "", error=f"{where}: expected an object, got {type(obj).__name__}")
    if obj.get("id") is not None:
        article_id = f"{file_id}#{obj['id']}"
    text = obj.get("text")
    if text is None:
        return Source(article_id, path, "", error=f"{where}: missing field 'text'")
    if not isinstance(text, str):
        return Source(article_id, path, "", error=f"{where}: field 'text' is {type(text).__name__}, not a string")
    title = _str(obj.get("title"))
    body = html_to_text(text) if _looks_like_html(text) else _tidy(text)
    full = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    cats = obj.get("categories") or ()
    return Source(article_id, path, full, title=title, date=_str(obj.get("date")), url=_str(obj.get("url")),
                  source=_str(obj.get("source") or obj.get("url")),
                  categories=tuple(str(c) for c in cats) if isinstance(cats, list) else ())


def _jsonl_sources(file: str, file_id: str, name: str, byte_range: tuple[int, int] | None, first_line: int,
                   limits: Limits) -> Iterator[Source]:
    """The articles of a JSONL file (or of a range of its lines), read a line at a time: a line over
    ``limits.article_bytes`` is skipped unread (an error row), so no line costs more memory than that."""
    try:
        f = os.fdopen(_open_regular(file), "rb")
    except (OSError, InputError) as exc:
        yield _failed(file_id, name, str(exc) if isinstance(exc, InputError) else
                      f"cannot read ({exc.strerror or type(exc).__name__})")
        return
    with f:
        left = None
        if byte_range is not None:
            f.seek(byte_range[0])
            left = byte_range[1] - byte_range[0]
        n = first_line - 1
        while left is None or left > 0:
            line = f.readline(limits.article_bytes + 1 if left is None else min(left, limits.article_bytes + 1))
            if not line:
                break
            n += 1
            size = len(line)
            while size > limits.article_bytes and not line.endswith(b"\n"):  # too long: skip to its end
                line = f.readline(1 << 20)
                if not line:
                    break
                size += len(line)
            if left is not None:
                left -= size
            if size > limits.article_bytes:
                yield _failed(f"{file_id}#{n}", name, f"JSONL line {n}: {size:,} bytes, over the limit of "
                              f"{limits.article_bytes:,} for an article (--max-article-bytes)")
                continue
            if n == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            try:
                decoded = decode(line, get_lexicon().legacy_encodings)
            except NotText as exc:
                yield _failed(f"{file_id}#{n}", name, f"JSONL line {n}: {exc}")
                continue
            source = _jsonl_article(decoded.text, n, file_id, name)
            if source.error:
                yield source
                continue
            source.text, mended = clean_text(source.text)  # JSON escapes can spell NULs and controls too
            yield _finished(source, decoded.encoding, [*decoded.notes, *mended], limits)


def discover(paths: Iterable[str | os.PathLike], follow_links: bool = False) -> Iterator[Found]:
    """Every article file under ``paths``, in a stable order, with the problem of those that are not read
    (see walk.walk)."""
    return walk(paths, follow_links)


def _article_id(below_root: str, suffix: str) -> str:
    """The path below the input root without the extension ("2019/verslag"), as gold files name
    articles; a JSONL file keeps its name ("feed.jsonl"), its articles add "#<id or line>"."""
    below_root = display_name(below_root)
    return below_root if suffix.lower() == ".jsonl" else below_root[: -len(suffix)] if suffix else below_root


def iter_sources(paths: Iterable[str | os.PathLike], limits: Limits = DEFAULT_LIMITS,
                 follow_links: bool = False) -> Iterator[Source]:
    """Every article under ``paths``; a file that cannot be read becomes a Source with ``error`` set."""
    for found in walk(paths, follow_links):
        article_id = _article_id(found.below_root, found.suffix)
        if found.problem:
            yield _failed(article_id, display_name(found.file), found.problem)
        else:
            yield from _sources_of(found.file, article_id, found.suffix, display_name(found.file), limits=limits)


def read_file(file: str | os.PathLike, root: str | os.PathLike, byte_range: tuple[int, int] | None = None,
              first_line: int = 1, shown: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Iterator[Source]:
    """The articles of one file below ``root`` (one, or a JSONL file's lines); an unreadable file gives one
    Source with ``error``.

    ``byte_range`` and ``first_line``: read only those bytes of a JSONL file, whose first line has that number.
    ``shown``: the file's path as the user gave it, for the path column and messages (default: ``file``).
    """
    file = Path(file)
    suffix = suffix_of(file.name)
    article_id = _article_id(file.relative_to(root).as_posix(), suffix)
    return _sources_of(str(file), article_id, suffix, display_name(shown or str(file)), byte_range, first_line,
                       limits)


def failed_file(file: str, root: str, problem: str) -> Source:
    """The error row of a file found under ``root`` but not read (a FIFO, a dangling link ...)."""
    below = Path(file).relative_to(root).as_posix() if file != root else Path(file).name
    return _failed(_article_id(below, suffix_of(Path(file).name)), display_name(file), problem)


def _failed(article_id: str, name: str, problem: str) -> Source:
    return Source(article_id, name, "", error=f"{name}: {problem}")


def _open_regular(file: str) -> int:
    """A file descriptor of ``file``, opened without blocking: a FIFO put where a file was found is refused."""
    fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise InputError("not a regular file, not read")
    return fd


def _read_bounded(file: str, limit: int) -> tuple[bytes, int]:
    """At most ``limit`` bytes of ``file``, and its size."""
    # plain os.read: a third of the time of Path.read_bytes' buffered file object for thousands of small posts
    fd = _open_regular(file)
    try:
        size = os.fstat(fd).st_size
        chunks, got = [], 0
        while got <= limit and (chunk := os.read(fd, min(1 << 20, limit + 1 - got))):
            chunks.append(chunk)
            got += len(chunk)
        data = b"".join(chunks)
        return data[:limit], max(size, len(data))
    finally:
        os.close(fd)


def _cut_whole_characters(data: bytes) -> bytes:
    """``data`` cut at a byte limit, less a UTF-8 sequence (or UTF-16 unit) the cut went through."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data[:len(data) - len(data) % 2]
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte & 0xC0 == 0x80:  # a continuation byte: look further back for the sequence's first byte
            continue
        if byte >= 0xC0:
            length = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return data[:-back] if length > back else data
        return data
    return data


def capped_lines(text: str, line_chars: int) -> tuple[str, str | None]:
    """``text`` with every line cut to ``line_chars`` characters, and a note of the cut (None: no line was longer)."""
    if len(text) <= line_chars:
        return text, None
    lines = text.split("\n")
    long = [i for i, line in enumerate(lines, 1) if len(line) > line_chars]
    if not long:
        return text, None
    longest = max(len(lines[i - 1]) for i in long)
    text = "\n".join(line[:line_chars] for line in lines)
    first = f"line {long[0]}" if len(long) == 1 else f"{len(long)} lines (the first: line {long[0]})"
    return text, (f"{first} cut to {line_chars:,} characters (the longest had {longest:,}; --max-line-chars)")


def _sources_of(file: str, article_id: str, suffix: str, name: str, byte_range: tuple[int, int] | None = None,
                first_line: int = 1, limits: Limits = DEFAULT_LIMITS) -> Iterator[Source]:
    suffix = suffix.lower()
    if suffix == ".jsonl":
        yield from _jsonl_sources(file, article_id, name, byte_range, first_line, limits)
        return
    try:
        data, size = _read_bounded(file, limits.article_bytes)
    except OSError as exc:
        yield _failed(article_id, name, f"cannot read ({exc.strerror or type(exc).__name__})")
        return
    except InputError as exc:
        yield _failed(article_id, name, str(exc))
        return
    notes = []
    if size > limits.article_bytes:
        data = _cut_whole_characters(data)
        notes.append(f"truncated: {size:,} bytes, the first {limits.article_bytes:,} read (--max-article-bytes)")
    try:
        decoded = decode(data, get_lexicon().legacy_encodings)
    except NotText as exc:
        yield _failed(article_id, name, str(exc))
        return
    try:
        if suffix in (".md", ".markdown"):
            source = read_markdown_article(decoded.text, article_id, name)
        elif suffix in (".html", ".htm"):
            source = read_html_article(decoded.text, article_id, name)
        else:
            source = read_text_article(decoded.text, article_id, name)
    except InputError as exc:
        yield _failed(article_id, name, str(exc))
        return
    yield _finished(source, decoded.encoding, [*decoded.notes, *notes], limits)


def _finished(source: Source, encoding: str, notes: list[str], limits: Limits) -> Source:
    source.text, cut = capped_lines(source.text, limits.line_chars)
    source.encoding = encoding
    source.warnings = (*source.warnings, *notes, *([cut] if cut else []))
    return source
