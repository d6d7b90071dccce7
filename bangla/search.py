"""Text as the search compares it: what is indexed and what is typed into a search box go through
`search_text`, so that the same word written two ways is one word.

- Unicode NFC: "ো" typed as ে + া is one letter; "য়" typed as য + ় (U+09AF U+09BC) and the
  precomposed U+09DF are the same letter (NFC decomposes U+09DF, a composition exclusion);
- zero-width joiner and non-joiner (U+200D, U+200C) and the other invisible format characters
  (bidi marks, soft hyphen, zero-width space, BOM) are dropped: they change how a word is drawn
  (র‍্য, ক্‌ষ), not which word it is; "ত্‍" (ta, hasanta, ZWJ: khanda ta as old keyboards type it) is ৎ;
- Bangla digits become ASCII digits, so "৫৮.০০" and "58.00" are one number;
- control characters (NUL among them: PostgreSQL refuses it in text) and lone surrogates
  become spaces; runs of white space become one space.

Stored minutes keep ZWJ/ZWNJ and their digits as typed: only the search index and the query
are normalised.
"""

import functools
import re
import unicodedata

_KHANDA_TA_OLD = "\u09a4\u09cd\u200d"  # ত + ্ + ZWJ, drawn as ৎ
_KHANDA_TA = "\u09ce"
# Planes holding every format and control character and surrogate (Unicode 15: BMP, 1 and 14).
_PLANES = (range(0x10000), range(0x10000, 0x20000), range(0xE0000, 0xE1000))
# A memo number (স্মারক নম্বর) or the start of one: groups of digits joined by dots, at least
# three groups and six digits ("58.00.0000"), so that an activity number ("১.২.১") is a word.
_MEMO = re.compile(r"[0-9]+(?:\.[0-9]+){2,}\.?", re.ASCII)
_MEMO_MIN_DIGITS = 6


@functools.cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    """(format characters, to drop: ZWJ, ZWNJ, ZWSP, bidi marks, soft hyphen, BOM …; controls such as
    NUL, tabs and newlines, lone surrogates and line/paragraph separators, to read as spaces)."""
    dropped, spaces = [], []
    for plane in _PLANES:
        for code in plane:
            category = unicodedata.category(chr(code))
            if category == "Cf":
                dropped.append(code)
            elif category in ("Cc", "Cs", "Zl", "Zp"):
                spaces.append(code)
    return re.compile(_character_class(dropped)), re.compile(_character_class(spaces))


def _character_class(codes: list[int]) -> str:
    ranges, start = [], codes[0]
    for previous, code in zip(codes, [*codes[1:], None], strict=True):
        if code != previous + 1:
            ranges.append(f"\\U{start:08x}" + (f"-\\U{previous:08x}" if previous > start else ""))
            start = code
    return "[" + "".join(ranges) + "]"


_BANGLA_DIGIT = re.compile("[০-৯]")


def _ascii_digit(match: re.Match) -> str:
    return str(ord(match.group()) - 0x09E6)


def search_text(text: str | None) -> str:
    """The text as it is indexed and searched (see the module's docstring)."""
    if not text:
        return ""
    dropped, spaces = _patterns()
    text = unicodedata.normalize("NFC", str(text)).replace(_KHANDA_TA_OLD, _KHANDA_TA)
    kept = dropped.sub("", text)
    if len(kept) != len(text):  # a dropped joiner can leave a sequence NFC now composes
        kept = unicodedata.normalize("NFC", kept)
    kept = _BANGLA_DIGIT.sub(_ascii_digit, spaces.sub(" ", kept))
    return " ".join(kept.split())


def memo_key(text: str | None) -> str:
    """A memo number as it is stored and looked up: search_text without any space."""
    return "".join(search_text(text).split())


def is_memo_number(token: str) -> bool:
    """Is this typed word (already through search_text) a memo number or the start of one?"""
    return bool(_MEMO.fullmatch(token)) and sum(c.isdigit() for c in token) >= _MEMO_MIN_DIGITS
