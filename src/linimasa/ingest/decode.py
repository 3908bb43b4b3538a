"""Bytes -> text: UTF-8 first (with or without a BOM), then charset detection; binary input is refused.

Western single-byte files (Latin-1, cp1252, the usual "saved from Windows" news text) come out right: a text
that is mostly ASCII with a few high bytes (Indonesian and English news) is read as cp1252, a superset of
Latin-1's printable range that holds the curly quotes; otherwise charset-normalizer guesses, and any Western code
page it settles on is read as cp1252 too.
"""
from __future__ import annotations

import codecs

from ..errors import IngestError

#: encodings the detector reports for Western single-byte text; decoded as cp1252 (falls back to latin-1)
_WESTERN = frozenset({
    "ascii", "latin_1", "iso8859_1", "iso8859_15", "cp1252", "windows_1252", "cp1250", "cp1254", "cp1257",
    "iso8859_2", "iso8859_9", "iso8859_13", "iso8859_14", "iso8859_16", "mac_roman", "mac_latin2", "cp850",
    "cp437", "cp858", "hp_roman8", "iso8859_3", "iso8859_4", "iso8859_10", "mac_iceland", "mac_turkish",
})

_SAMPLE = 65536


def is_binary(data: bytes) -> bool:
    """True for bytes that are not text: NUL bytes (outside UTF-16/32) or many control characters.

    >>> is_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    True
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return False
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 100)


def decode(data: bytes) -> str:
    """Decode raw input bytes to text; raises :class:`IngestError` for binary or undecodable input.

    >>> decode("Jum'at caf\\u00e9".encode("cp1252")) == "Jum'at caf\\u00e9"
    True
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise IngestError(f"starts with a UTF-8 byte-order mark but is not UTF-8 ({exc})") from exc
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name)
            except UnicodeDecodeError as exc:
                raise IngestError(f"has a {name} byte-order mark but does not decode ({exc})") from exc
    if is_binary(data):
        raise IngestError("binary data, not text (an image, archive or other non-article file?)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    high = sum(1 for b in data[:_SAMPLE] if b >= 0x80)
    if high <= max(4, len(data[:_SAMPLE]) // 20):
        # mostly ASCII with a few accented letters or curly quotes: the Windows/Latin-1 page of a Latin text
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_SAMPLE * 4]).best()
    if best is None:
        raise IngestError("cannot detect the text encoding; save the file as UTF-8")
    encoding = codecs.lookup(best.encoding).name.replace("-", "_")
    if encoding in _WESTERN or encoding.startswith(("iso8859", "cp125", "mac_")):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise IngestError(f"cannot decode as {best.encoding} ({exc}); save the file as UTF-8") from exc


__all__ = ["decode", "is_binary"]
