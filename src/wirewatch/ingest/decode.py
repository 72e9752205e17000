"""Bytes to text: any encoding, stray bad bytes replaced, binary refused."""

from __future__ import annotations

import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from wirewatch.errors import InputRejected

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
# Control characters other than tab, newline, carriage return and form feed: rare in any text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# The same characters as UTF-8 bytes. An ASCII byte is never part of a multi-byte sequence, nor
# taken into the replacement of a bad one, so text decoded from UTF-8 holds one of these characters
# exactly where the bytes hold one of these bytes; deleting bytes in C takes a fifth of the time
# of the regular expression over the text (WCXB dev: 64 ms against 292 ms over 793 pages).
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + b"\x0b" + bytes(range(0x0e, 0x20)) + b"\x7f"
# Well-formed UTF-8 multi-byte sequences. A page with many of them and a few bad bytes is UTF-8 with
# stray damage; a page with bad bytes and none of them is in a legacy single-byte encoding.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def looks_binary(raw: bytes) -> bool:
    head = raw[:8192]
    if b"\0" in head:
        # UTF-16 text has NULs too; it announces itself with a BOM.
        return not head.startswith((b"\xff\xfe", b"\xfe\xff"))
    return head[:4] in (b"%PDF", b"\x89PNG", b"GIF8", b"PK\x03\x04") or head[:3] == b"\xff\xd8\xff"


def _declared_charset(raw: bytes) -> str | None:
    m = _META_CHARSET.search(raw[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower()
    try:
        "".encode(name)
    except LookupError:
        return None
    return name


def decode(raw: bytes, name: str) -> Decoded:
    decoded = _decode(raw, name)
    if decoded.encoding == "utf-8" and len(raw.translate(None, _CONTROL_BYTES)) == len(raw):
        return decoded
    # Control characters carry no text and break XML-based parsers downstream.
    return Decoded(_CONTROL.sub("", decoded.text), decoded.encoding)


def _decode(raw: bytes, name: str) -> Decoded:
    if looks_binary(raw):
        raise InputRejected(name, "binary data, not a text page", code="binary")
    if raw.startswith(b"\xef\xbb\xbf"):
        return Decoded(raw[3:].decode("utf-8", "replace"), "utf-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Decoded(raw.decode("utf-16", "replace"), "utf-16")
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    lenient = raw.decode("utf-8", "replace")
    if len(_UTF8_MULTIBYTE.findall(raw)) >= 2 * lenient.count("\ufffd"):
        return Decoded(lenient, "utf-8")
    declared = _declared_charset(raw)
    if declared and declared not in ("utf-8", "utf8"):
        return Decoded(raw.decode(declared, "replace"), declared)
    best = from_bytes(raw[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    text = raw.decode(encoding, "replace")
    if len(_CONTROL.findall(text[:8192])) > 0.05 * min(len(text), 8192):
        raise InputRejected(name, "binary data, not a text page", code="binary")
    return Decoded(text, encoding)


def check_text(text: str, name: str) -> None:
    if not text.strip():
        raise InputRejected(name, "empty: no text in it", code="empty")
