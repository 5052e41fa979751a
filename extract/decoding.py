"""Bytes to text: which encoding a file is in, and what had to be mended on the way.

Archives hold UTF-8 with and without BOM, UTF-16 with BOM, old Windows-1252 files, UTF-8 with a few
stray Latin-1 bytes pasted in, text that was decoded wrongly once already ("BelgiÃ«"), NUL bytes and
control characters, and files that are no text at all. ``decode`` reads all of these or says clearly
why it cannot; what it mended is listed in ``Decoded.notes`` (the articles table's ``warnings``).
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

__all__ = ["Decoded", "NotText", "decode", "clean_text"]

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# a well-formed UTF-8 sequence of two to four bytes: text with some is UTF-8 with stray bytes, not a code page
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# a UTF-8 lead byte read as Windows-1252 or Latin-1 ("Ã", "Â", "â") before a continuation byte read the same
# way ("©", "«", "€"): the mark of mojibake, and a cheap test before ftfy looks closer
_MOJIBAKE_HINT = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030"
                            "\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122"
                            "\u0161\u203a\u0153\u017e\u0178]")
# no text starts with these: NUL and controls in the first bytes are a binary format's header (PNG, ZIP ...)
_UNTEXTLIKE_START = re.compile(rb"[\x00-\x08\x0e-\x1f]")
# control characters that are no layout: C0 but tab, line feed, form feed and carriage return; DEL; C1
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# where ``decode`` gives up on text that is not UTF-8: more than this share of NUL bytes, or of characters
# that charset-normalizer's mess detector finds out of place
_MAX_NUL_SHARE = 0.01
_MAX_MESS = 0.2


class NotText(ValueError):
    """Bytes that are no text in any encoding tried: the message says what they seem to be."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # as Python's codecs name it: "utf-8", "utf-8-sig", "utf-16", "cp1252" ...
    notes: tuple[str, ...] = field(default=())


def decode(data: bytes, legacy_encodings: tuple[str, ...] = ("cp1252",)) -> Decoded:
    """The text of ``data``.

    Tried in turn: a byte order mark (UTF-8, UTF-16, UTF-32); UTF-16 without one (NUL in every other
    byte); UTF-8; UTF-8 with a few invalid bytes (each read in the first of ``legacy_encodings`` and
    counted); ``legacy_encodings``, the code pages of the archives (the first that reads the bytes as
    plausible text); charset-normalizer's best guess. Then NUL bytes and control characters are removed
    and mojibake is repaired with ftfy (both noted). Raises NotText for a known binary format (told by its
    header) or bytes no encoding reads as text.
    """
    code_page = legacy_encodings[0] if legacy_encodings else "cp1252"
    notes: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                text = data.decode(encoding, errors="replace")
                notes.append(f"invalid {encoding} bytes from byte {exc.start} replaced by U+FFFD")
            return _mended(text, encoding, notes)
    if _UNTEXTLIKE_START.search(data, 0, 512) or data.find(0, 0, 65536) != -1:
        sniffed = _sniff(data)
        if sniffed:
            return _mended(data.decode(sniffed), sniffed, [f"no byte order mark: read as {sniffed}"])
    try:
        return _mended(data.decode("utf-8"), "utf-8", notes)
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    _sniff(data)  # a binary format's header may be valid UTF-8 up to here
    text, stray = _utf8_with_stray_bytes(data, code_page)
    if stray <= len(_UTF8_MULTIBYTE.findall(data)):
        # mostly UTF-8: the odd byte that is not is a character of an old code page pasted in
        notes.append(f"{stray} invalid UTF-8 byte{'s' if stray != 1 else ''} (the first at byte {first_bad}) "
                     f"read as {code_page}")
        return _mended(text, "utf-8", notes)
    for encoding in legacy_encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mess(text) <= _MAX_MESS:
            notes.append(f"not UTF-8 (byte {first_bad}): read as {encoding}")
            return _mended(text, encoding, notes)
    from charset_normalizer import from_bytes

    guess = from_bytes(data).best()
    if guess is None or _mess(str(guess)) > _MAX_MESS:
        raise NotText("not text: binary content (no text encoding fits)")
    notes.append(f"not UTF-8 (byte {first_bad}): read as {guess.encoding} (charset-normalizer's guess)")
    return _mended(str(guess), guess.encoding, notes)


def _utf8_with_stray_bytes(data: bytes, code_page: str) -> tuple[str, int]:
    """``data`` read as UTF-8, each invalid byte read in ``code_page``; and the number of such bytes."""
    view, pos, parts, stray = memoryview(data), 0, [], 0
    while pos < len(data):
        try:
            text, _ = codecs.utf_8_decode(view[pos:], "strict", True)
            parts.append(text)
            break
        except UnicodeDecodeError as exc:
            parts.append(codecs.utf_8_decode(view[pos:pos + exc.start], "strict", True)[0])
            bad = data[pos + exc.start:pos + exc.end]
            parts.append(bad.decode(code_page, errors="replace"))
            stray += len(bad)
            pos += exc.end
    return "".join(parts), stray


def _sniff(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 without a byte order mark; raises NotText for binary content."""
    import filetype

    kind = filetype.guess(data[:8192]) if data else None
    if kind is not None:
        raise NotText(f"not text: binary content ({kind.extension.upper()} header, {kind.mime})")
    head = data[:65536]
    if not head or head.count(0) / len(head) <= _MAX_NUL_SHARE:
        return None
    # UTF-16 without a byte order mark: Latin text has a NUL in every other byte, and only there
    pairs = len(head) // 2
    odd, even = head[1::2].count(0), head[0::2].count(0)
    for encoding, nul_half, other_half in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if nul_half < 0.3 * pairs or other_half > 0.01 * pairs:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _CONTROLS.search(text[:5000]) and _mess(text) <= _MAX_MESS:
            return encoding
    nul = head.count(0)
    raise NotText(f"not text: binary content ({nul} NUL byte{'s' if nul != 1 else ''} in the first {len(head)} bytes)")


def _mess(text: str) -> float:
    from charset_normalizer.md import mess_ratio

    return mess_ratio(text[:20000], maximum_threshold=1.0)


def _mended(text: str, encoding: str, notes: list[str]) -> Decoded:
    text, more = clean_text(text)
    return Decoded(text, encoding, tuple(notes + more))


def clean_text(text: str) -> tuple[str, list[str]]:
    """``text`` without NUL bytes and control characters, with mojibake repaired; and what was done."""
    notes = []
    if _CONTROLS.search(text):
        nul = text.count("\x00")
        text = text.replace("\x00", "")
        others = len(_CONTROLS.findall(text))
        text = _CONTROLS.sub(" ", text)
        if nul:
            notes.append(f"{nul} NUL byte{'s' if nul != 1 else ''} removed")
        if others:
            notes.append(f"{others} control character{'s' if others != 1 else ''} replaced by spaces")
    if _MOJIBAKE_HINT.search(text):
        import ftfy

        fixed = ftfy.fix_encoding(text)
        if fixed != text:
            text = fixed
            notes.append("mojibake repaired (ftfy)")
    return text, notes
