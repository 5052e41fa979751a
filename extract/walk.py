"""Find the article files under the inputs, safely, in a stable order.

A folder is walked without recursion (any depth), entries sorted by name. What is found but must not
be read still becomes a ``Found`` with a ``problem``, so it gets its error row and nothing goes
missing without a word: a dangling symbolic link, a link loop, a link that leads out of the input
folder (followed only with ``follow_links``), a FIFO, socket or device (never opened: a read could
block forever), a folder that cannot be listed. Files whose names do not end in an article suffix
(.txt .md .markdown .html .htm .jsonl), and hidden ones, are not articles and are passed over.
"""
from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Found", "SUFFIXES", "walk", "display_name", "suffix_of"]

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"))


@dataclass(frozen=True)
class Found:
    file: str  # the path to open, as the walk built it from the input (may hold undecodable bytes)
    below_root: str  # the path below the input folder, "/"-separated
    root: str
    suffix: str
    problem: str | None = None  # why it is not read: its error row


def suffix_of(name: str) -> str:
    """A file name's extension as pathlib gives it (".md"; "" for ".hidden" or "name.")."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def display_name(path: str) -> str:
    """``path`` as text that can be stored anywhere: bytes of a name that are no UTF-8 are written as \\xNN."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _is_article(name: str) -> bool:
    return not name.startswith(".") and suffix_of(name).lower() in SUFFIXES


def _kind(mode: int) -> str | None:
    return next((what for test, what in _KINDS if test(mode)), None)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def walk(paths: Iterable[str | os.PathLike], follow_links: bool = False) -> Iterator[Found]:
    """Every article file under ``paths`` (files or folders), in a stable order; see the module's docstring.
    Raises FileNotFoundError for an input that does not exist."""
    for p in paths:
        path = str(p)
        if os.path.isdir(path):
            yield from _walk_folder(path, follow_links)
        elif os.path.lexists(path):
            given = Path(path)
            # a file named on its own is read wherever a link leads: the user chose it
            yield _checked_file(path, given.name, str(given.parent), suffix_of(given.name))
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")


def _walk_folder(root: str, follow_links: bool) -> Iterator[Found]:
    real_root = os.path.realpath(root)
    prefix = str(Path(root) / "x")[:-1]  # what pathlib writes before a name: "" for ".", "/" for "/"
    seen = {_identity(root)}  # folders entered: a link back to one of them is a loop
    # (folder path, path below root, "/"-terminated or ""): a stack, so depth costs no recursion
    stack: list[tuple[str, str]] = [(root, "")]
    while stack:
        folder, below = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            if below:  # the input folder itself is listed by the caller's first scandir: an error there is raised
                yield Found(folder, below.rstrip("/"), root, "", f"cannot list folder ({_reason(exc)})")
                continue
            raise
        subfolders = []
        for entry in entries:
            name, rel = entry.name, below + entry.name
            file = (prefix + name) if folder == root else os.path.join(folder, name)
            if name.startswith("."):
                continue
            if entry.is_symlink():
                target = os.path.realpath(file)
                try:
                    st = os.stat(file)
                except OSError as exc:
                    if _is_article(name) or exc.errno == errno.ELOOP:
                        what = "symbolic link loop" if exc.errno == errno.ELOOP else \
                            f"dangling symbolic link (to {display_name(os.readlink(file))})"
                        yield Found(file, rel, root, suffix_of(name), f"{what}, not followed")
                    continue
                if not stat.S_ISDIR(st.st_mode) and not _is_article(name):
                    continue
                if not follow_links and not _inside(target, real_root):
                    yield Found(file, rel, root, suffix_of(name), "symbolic link to a place outside the input "
                                f"folder ({display_name(target)}), not followed (use --follow-links)")
                    continue
                if stat.S_ISDIR(st.st_mode):
                    if (st.st_dev, st.st_ino) in seen:
                        yield Found(file, rel, root, "", f"symbolic link loop (back to {display_name(target)}), "
                                    "not followed")
                        continue
                    seen.add((st.st_dev, st.st_ino))
                    subfolders.append((file, rel + "/"))
                    continue
                yield _checked_file(file, rel, root, suffix_of(name), mode=st.st_mode)
                continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                subfolders.append((file, rel + "/"))
            elif _is_article(name):
                yield _checked_file(file, rel, root, suffix_of(name), entry=entry)
        stack.extend(reversed(subfolders))  # popped in name order


def _checked_file(file: str, rel: str, root: str, suffix: str, entry: os.DirEntry | None = None,
                  mode: int | None = None) -> Found:
    """The file, or its problem when it is no regular file (a FIFO, a device ...) or cannot be looked at."""
    if mode is None:
        try:
            mode = entry.stat(follow_symlinks=False).st_mode if entry is not None else os.stat(file).st_mode
        except OSError as exc:
            return Found(file, rel, root, suffix, f"cannot read ({_reason(exc)})")
    what = _kind(mode)
    if what:
        return Found(file, rel, root, suffix, f"not a regular file ({what}), not opened")
    if stat.S_ISDIR(mode):
        return Found(file, rel, root, suffix, "a folder with an article's name, not a file")
    return Found(file, rel, root, suffix)


def _identity(folder: str) -> tuple[int, int]:
    st = os.stat(folder)
    return st.st_dev, st.st_ino


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
