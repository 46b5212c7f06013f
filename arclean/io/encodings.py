"""The encodings arclean reads and writes back: strict UTF-8 (the default),
Windows-1256 and UTF-16, and telling real cp1256 Arabic from damaged UTF-8.

Nothing here prints or exits; problems are `arclean.errors.InputError`.
"""

from __future__ import annotations

import codecs

from arclean.errors import InputError

UTF8_BOM = b"\xef\xbb\xbf"
#: What ``--encoding`` accepts.
ENCODINGS = ("utf-8", "cp1256", "utf-16", "utf-16-le", "utf-16-be", "auto")
#: How many bad offsets a message lists.
_SHOWN = 5


def _bad_offsets(data: bytes, encoding: str, base: int) -> tuple[list[int], int]:
    """The first few offsets (plus `base`) of bytes invalid in `encoding`,
    and how many there are."""
    offsets: list[int] = []
    count = 0
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    position = 0
    view = data
    while position < len(data) and len(offsets) < _SHOWN:
        try:
            decoder.decode(view[position:], final=True)
            break
        except UnicodeDecodeError as exc:
            offsets.append(base + position + exc.start)
            position += exc.end
            decoder.reset()
    if encoding == "utf-8":
        loose = data.decode("utf-8", "surrogateescape")
        count = sum(1 for ch in loose if "\udc80" <= ch <= "\udcff")
    return offsets, max(count, len(offsets))


def _arabic_share(text: str) -> float:
    high = [ch for ch in text if ord(ch) >= 0x80]
    if not high:
        return 0.0
    return sum(1 for ch in high if "\u0600" <= ch <= "\u06ff") / len(high)


def looks_like_cp1256(data: bytes) -> bool:
    """Are `data` Windows-1256 Arabic rather than (damaged) UTF-8?  Most of
    their non-ASCII bytes must be invalid as UTF-8 (in UTF-8 Arabic, a lead
    byte always comes with its continuation byte), and read as cp1256 they
    must be mostly Arabic letters."""
    sample = data[:65536]
    loose = sample.decode("utf-8", "surrogateescape")
    invalid = sum(1 for ch in loose if "\udc80" <= ch <= "\udcff")
    valid_multibyte = sum(1 for ch in loose if "\u0080" <= ch < "\udc80" or ch > "\udcff")
    if invalid < 4 or valid_multibyte * 4 > invalid:
        return False
    try:
        text = sample.decode("cp1256")
    except UnicodeDecodeError:
        return False
    return _arabic_share(text) >= 0.6 and not _inside_latin_words(text)


def _inside_latin_words(text: str) -> bool:
    """Do the Arabic letters of `text` stand inside Latin words?  Read as
    cp1256, the Latin-1 capitals of French or German (É, Ç, Ù) are Arabic
    letters (ة, ا, ظ) between ASCII letters (ÉTÉ reads ةTة); real cp1256
    Arabic writes its letters beside each other, apart from Latin words."""
    arabic = mixed = 0
    for i, ch in enumerate(text):
        if "\u0600" <= ch <= "\u06ff":
            arabic += 1
            near = text[i - 1 : i] + text[i + 1 : i + 2]
            if any(c.isascii() and c.isalpha() for c in near):
                mixed += 1
    return mixed * 5 > arabic


def _utf16_order(data: bytes) -> tuple[str, bool]:
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", True
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", True
    # No BOM: the NUL bytes of ASCII fall on odd offsets in little-endian.
    odd = data[1::2].count(0)
    even = data[0::2].count(0)
    return ("utf-16-be" if even > odd else "utf-16-le"), False


def left_as_it_was(name: str) -> str:
    """What an error that stops before writing leaves: the file named
    `name` untouched, or, for text piped in (``-``), nothing written."""
    return "nothing was written" if name == "-" else "the file was left untouched"


def _invalid(name: str, data: bytes, encoding: str, base: int, hint: str = "") -> InputError:
    body = data[base:]
    offsets, count = _bad_offsets(body, encoding, base)
    first = offsets[0] if offsets else base
    line = data.count(b"\n", 0, first) + 1
    label = "UTF-8" if encoding == "utf-8" else encoding.upper()
    listing = ""
    if len(offsets) > 1:
        more = f" ({count} bad bytes in all)" if count > len(offsets) else ""
        listing = f" Bad bytes at offsets {', '.join(str(o) for o in offsets)}{more}."
    return InputError(
        f"{name}: not valid {label} at byte offset {first} (line {line}): "
        f"bytes {data[first : first + 4].hex(' ')}; {left_as_it_was(name)}.{listing}{hint}"
    )


#: What the message about NUL bytes adds when the bytes look like UTF-16.
UTF16_HINT = " (use --encoding utf-16 if it is UTF-16)"


def utf8_only(option: bool | str = False) -> str:
    """What a command without ``--encoding`` says to do with text in another
    encoding, instead of naming it: the command `option` names
    (``"arclean names"``), or `pipe` when it is not a string."""
    command = option if isinstance(option, str) else "arclean pipe"
    return f"{command} reads UTF-8 only: convert it first"


#: `utf8_only` of `pipe`.
UTF8_ONLY = utf8_only()


def cp1256_hint(option: bool | str = True) -> str:
    """What the message about invalid UTF-8 adds when the bytes look like
    cp1256 Arabic: run with ``--encoding cp1256`` or convert them; only
    convert them for a command without that `option` (`UTF8_ONLY`)."""
    how = "run with --encoding cp1256, or convert it first" if option is True else utf8_only(option)
    return f" It looks like Windows-1256 (cp1256) Arabic: {how}, e.g. iconv -f CP1256 -t UTF-8."


#: How common binary files start: ELF programs, PNG, ZIP (and Office
#: files), PDF, gzip.
_BINARY_MAGIC = (b"\x7fELF", b"\x89PNG", b"PK\x03\x04", b"%PDF", b"\x1f\x8b")


def _looks_utf16(data: bytes) -> bool:
    """Do bytes holding NULs read as UTF-16 (ASCII: NULs every other byte;
    Arabic: U+06xx, so NULs only at its spaces and digits)?"""
    odd, even = data[1::2].count(0), data[0::2].count(0)
    if min(odd, even) * 8 > len(data) or data.startswith(_BINARY_MAGIC):
        return False  # NULs on both sides (a program, an image): a binary file
    if odd * 4 > len(data) or even * 4 > len(data):
        return True
    if len(data) % 2 or (0 in data[1::2] and 0 in data[0::2]):
        return False
    order = "utf-16-le" if 0 in data[1::2] else "utf-16-be"
    try:
        text = data.decode(order)
    except UnicodeDecodeError:
        return False
    return sum(c.isprintable() or c in "\t\r\n" for c in text) * 10 >= len(text) * 9


def decode_as(
    data: bytes, name: str, encoding: str, binary: type[InputError], option: bool | str = True
) -> tuple[str, str, bool]:
    """``(text, encoding, bom)`` for `data` read in `encoding` (one of
    `ENCODINGS`); the encoding returned is the one to write back in.
    Raises `binary` for NUL bytes in UTF-8 or cp1256, `InputError` for
    invalid bytes (`option`: whether the command reading them has
    ``--encoding``, which the message then names: `cp1256_hint`)."""
    if encoding == "auto":
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            encoding = "utf-16"
        elif b"\x00" not in data and not data.startswith(UTF8_BOM) and looks_like_cp1256(data):
            encoding = "cp1256"
        else:
            encoding = "utf-8"
    if encoding.startswith("utf-16"):
        if encoding == "utf-16":
            encoding, bom = _utf16_order(data)
        else:
            bom = data.startswith(
                codecs.BOM_UTF16_LE if encoding == "utf-16-le" else codecs.BOM_UTF16_BE
            )
        start = 2 if bom else 0
        if (len(data) - start) % 2:
            raise InputError(
                f"{name}: not valid {encoding.upper()}: an odd number of bytes; "
                "the file was left untouched."
            )
        try:
            return data[start:].decode(encoding), encoding, bom
        except UnicodeDecodeError:
            raise _invalid(name, data, encoding, start) from None
    if b"\x00" in data:
        hint = UTF16_HINT if _looks_utf16(data) else ""
        raise binary(f"{name}: contains NUL bytes, looks binary or UTF-16{hint}; skipped")
    if encoding == "cp1256":
        try:
            return data.decode("cp1256"), "cp1256", False
        except UnicodeDecodeError:
            raise _invalid(name, data, "cp1256", 0) from None
    bom = data.startswith(UTF8_BOM)
    start = len(UTF8_BOM) if bom else 0
    try:
        return data[start:].decode("utf-8"), "utf-8", bom
    except UnicodeDecodeError:
        hint = ""
        if looks_like_cp1256(data[start:]):
            hint = cp1256_hint(option)
        else:
            hint = " It looks like damaged UTF-8: fix or remove the bytes at those offsets."
        raise _invalid(name, data, "utf-8", start, hint) from None


def _character(ch: str) -> str:
    import unicodedata

    return f"U+{ord(ch):04X} ({unicodedata.name(ch, 'unnamed')})"


def no_byte_for(text: str, encoding: str) -> str | None:
    """Why `text` cannot be written in `encoding` (``"cp1256 has no byte for
    U+0662 (ARABIC-INDIC DIGIT TWO)"``, its first such character), or None
    when it can."""
    try:
        text.encode(encoding)
    except UnicodeEncodeError as exc:
        return f"{encoding} has no byte for {_character(text[exc.start])}"
    return None


def encode_as(text: str, encoding: str, bom: bool, name: str, piped: bool = False) -> bytes:
    """`text` in `encoding` (as `decode_as` returned it), with a BOM if `bom`.
    Raises `InputError` for a character the encoding cannot hold, whose
    message says the file is left untouched, or (`piped`: text piped in, for
    stdout) that nothing is written."""
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as exc:
        line = text.count("\n", 0, exc.start) + 1
        raise InputError(
            f"{name}: cannot be written back in {encoding}: line {line} would hold "
            f"{_character(text[exc.start])}, which it has no byte for; "
            + left_as_it_was("-" if piped else name)
        ) from None
    if not bom:
        return data
    if encoding == "utf-8":
        return UTF8_BOM + data
    return (codecs.BOM_UTF16_LE if encoding == "utf-16-le" else codecs.BOM_UTF16_BE) + data
