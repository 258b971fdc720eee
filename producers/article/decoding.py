"""Bytes to text the way a browser would: byte-order mark, then the transport's charset, then a <meta> charset
declaration near the top, else UTF-8. Undecodable bytes become U+FFFD; decoding never fails."""

from __future__ import annotations

import codecs
import re

BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# HTML requires the declaration within the first 1024 bytes; real pages put long comments or scripts first.
PRESCAN_BYTES = 4096
META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.+-]+)""", re.IGNORECASE)
# Labels the WHATWG Encoding Standard maps to a superset that Python names differently.
HTML_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso-8859-9": "cp1254",
    "latin5": "cp1254",
    "tis-620": "cp874",
    "iso-8859-11": "cp874",
    "gb2312": "gbk",
    "x-gbk": "gbk",
    "ks_c_5601-1987": "euc-kr",
    "x-sjis": "shift_jis",
    "windows-31j": "cp932",
    "x-mac-cyrillic": "mac-cyrillic",
}


def codec_for(label: str | None) -> str | None:
    """The Python codec for a charset label, or None when the label names nothing we can decode."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = HTML_ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page whose ASCII <meta> we could read is not UTF-16; browsers read it as UTF-8 too.
    return "utf-8" if name.startswith("utf-16") or name == "utf-32" else name


def declared_charset(head: bytes) -> str | None:
    """The charset a <meta charset> or <meta http-equiv="Content-Type"> declares near the top."""
    match = META_CHARSET.search(head)
    return codec_for(match.group(1).decode("ascii")) if match else None


def decode_html(data: bytes, encoding: str | None = None) -> str:
    """Decode a page; `encoding` is the HTTP Content-Type charset when the caller has one."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    codec = codec_for(encoding) or declared_charset(data[:PRESCAN_BYTES]) or "utf-8"
    if codec != "utf-8" and _is_multibyte_utf8(data):
        # Servers and templates often keep a stale Latin-1 label on a UTF-8 page; text in a single-byte
        # charset that happens to form valid multi-byte UTF-8 sequences throughout is vanishingly rare.
        codec = "utf-8"
    return data.decode(codec, errors="replace")


def _is_multibyte_utf8(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
