"""Make Bangla text in WeasyPrint PDFs extract (copy, search, ``pdftotext``) correctly.

The problem: WeasyPrint 70 draws shaped text as glyph ids (``TJ`` operators) and maps each
glyph id back to Unicode with one ``/ToUnicode`` CMap per font, filled in the first time
the glyph is met. That only works when a cluster is one glyph for its characters. Bengali
shaping breaks it: pre-base vowel signs (ি ে ৈ) are drawn before their consonant, two-part
vowels (ো ৌ) around it, conjuncts, reph and ya-phala turn several characters into one
glyph or one into several, and a glyph first met in "কে" maps to "কে" everywhere. So
``pdftotext`` reads "জেলা প্রশাসকের কার্যালয়" as something like "জলা প্রশাস কর কা ার্য লয়".

The remedy, as in Chromium's PDFs: wrap such clusters in marked content with the text::

    /Span <</ActualText <FEFF099C09C7> >> BDC [<007c00cb>] TJ EMC

:func:`install` replaces ``weasyprint.draw.text.draw_first_line`` (it walks Pango's glyph
items of one line and emits the ``TJ`` operators; ``draw_text`` and SVG ``<text>`` look it
up in that module at call time) with a wrapper that:

1. calls the original unchanged: glyphs, positions, fonts, ToUnicode maps stay WeasyPrint's;
2. walks the same Pango line again, grouping glyphs into Pango clusters, and clusters into
   grapheme-like units (a cluster starting with a combining mark, ZWJ or ZWNJ joins the
   previous one, as Pango may split "মূ" or "ক্‌" in two);
3. wraps every unit, unless each of its clusters is one glyph with the right ToUnicode
   text and all sit in one ``TJ``, by splitting the ``TJ`` arrays just written.

Splitting a ``TJ`` array between two elements moves nothing, so pages render identically;
lines that need no span (Latin text) are left byte-for-byte untouched. Extractors place a
span's text from its first glyph's origin to its last glyph's end; a unit ending with
zero-width marks (reph, ু…) drawn left of the pen would leave a gap read as a word
break ("বোর্ড ,"), so those trailing marks get their own, empty, ``ActualText`` span.

If the operators do not match the glyph walk (an unexpected WeasyPrint change) the line is
left untouched and a warning logged. Since this relies on internals, :func:`install` raises
:class:`WeasyPrintVersionError` unless ``weasyprint.__version__ == WEASYPRINT_VERSION``:
after an upgrade re-check ``draw_first_line``, run ``tests/pdftext/test_textlayer.py``
and bump the pin. Importing this module patches nothing.

Limits: extractors still find word breaks from glyph positions (wide letter-spacing splits
words, as in Latin); text hidden by ``text-overflow: ellipsis`` is extracted, as without
this module; with ``full_fonts=True`` (or fonts used by PDF form fields) WeasyPrint builds
ToUnicode from the font's cmap instead, and some single-glyph clusters stay wrong.
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "WEASYPRINT_VERSION",
    "WeasyPrintVersionError",
    "install",
    "is_installed",
    "uninstall",
    "write_pdf",
]

WEASYPRINT_VERSION = "70.0"

LOGGER = logging.getLogger(__name__)

_lock = threading.Lock()
_original_draw_first_line = None
_HEX_STRING = re.compile(rb"(<[0-9a-fA-F]*>)")


class WeasyPrintVersionError(RuntimeError):
    """The installed WeasyPrint is not the version this remedy was written for."""


def _check_version() -> None:
    import weasyprint

    if weasyprint.__version__ != WEASYPRINT_VERSION:
        raise WeasyPrintVersionError(
            f"pdftext patches WeasyPrint internals (draw.text.draw_first_line) "
            f"and is pinned to WeasyPrint {WEASYPRINT_VERSION}, but {weasyprint.__version__} "
            f"is installed. Re-check the patch against the new version, run "
            f"tests/pdftext/test_textlayer.py, then update WEASYPRINT_VERSION."
        )


def install() -> None:
    """Install the ActualText remedy into WeasyPrint. Idempotent; checks the version pin."""
    global _original_draw_first_line
    _check_version()
    from weasyprint.draw import text as draw_text_module

    with _lock:
        if _original_draw_first_line is not None:
            return
        _original_draw_first_line = draw_text_module.draw_first_line
        draw_text_module.draw_first_line = _draw_first_line


def uninstall() -> None:
    """Restore WeasyPrint's own ``draw_first_line``. Idempotent."""
    global _original_draw_first_line
    from weasyprint.draw import text as draw_text_module

    with _lock:
        if _original_draw_first_line is None:
            return
        draw_text_module.draw_first_line = _original_draw_first_line
        _original_draw_first_line = None


def is_installed() -> bool:
    from weasyprint.draw import text as draw_text_module

    return draw_text_module.draw_first_line is _draw_first_line


def write_pdf(html: Any, *, base_url: str | None = None, **kwargs: Any) -> bytes:
    """Install the remedy, then render ``html`` to PDF bytes.

    ``html``: a ``weasyprint.HTML`` or ``Document``, or an HTML string parsed with
    ``base_url``. ``kwargs`` go to its ``write_pdf`` (``stylesheets``, ``font_config``…).
    """
    if "target" in kwargs:
        raise TypeError("write_pdf() returns bytes; 'target' is not supported")
    install()
    if isinstance(html, str):
        import weasyprint

        html = weasyprint.HTML(string=html, base_url=base_url)
    return html.write_pdf(**kwargs)


def _draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
    """Wrapper around WeasyPrint's ``draw_first_line`` adding ActualText spans."""
    start = len(stream.stream)
    emojis = _original_draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix)
    if any(_is_show_text(entry) for entry in stream.stream[start:]):
        try:
            _add_actual_text(stream, textbox, start)
        except Exception:  # the text layer must never cost us the PDF itself
            LOGGER.exception("pdftext: line %r left without ActualText", textbox.text[:40])
    return emojis


@dataclass
class _Glyph:
    """A glyph drawn by ``draw_first_line`` (Pango's empty glyphs are not drawn)."""

    font: Any  # weasyprint.pdf.fonts.Font
    expected_id: int | None  # None when WeasyPrint substitutes an id (missing glyph)
    code_length: int  # hex digits per glyph code in the TJ string
    glyph_id: int = -1  # as read back from the TJ operator
    entry: int = -1  # index of the TJ operator drawing it


@dataclass
class _Cluster:
    """A Pango cluster: its characters and the indexes of the glyphs shaped from them."""

    text: str
    glyphs: list[int] = field(default_factory=list)


def _is_show_text(entry: Any) -> bool:
    return isinstance(entry, bytes) and entry.startswith(b"[") and entry.endswith(b"] TJ")


def _continues_unit(text: str) -> bool:
    """Whether a cluster starting with ``text`` belongs to the previous one (grapheme-wise)."""
    return text[:1] in ("\u200c", "\u200d") or unicodedata.category(text[:1] or " ") in ("Mn", "Mc", "Me")


def _add_actual_text(stream, textbox, start: int) -> None:
    glyphs, clusters = _line_glyphs(stream, textbox)
    entries = stream.stream[start:]
    tokenised = _tokenise(entries, glyphs)
    if tokenised is None:
        LOGGER.warning(
            "pdftext: TJ operators do not match Pango glyphs; line %r left without ActualText",
            textbox.text[:40],
        )
        return
    spans = _spans(glyphs, clusters)
    if spans:
        stream.stream[start:] = _rewrite(entries, tokenised, spans)


def _line_glyphs(stream, textbox) -> tuple[list[_Glyph], list[_Cluster]]:
    """Walk the Pango line like ``draw_first_line`` does: drawn glyphs and clusters."""
    from weasyprint.text.ffi import ffi, pango

    first_line, _ = textbox.pango_layout.get_first_line()
    utf8_text = textbox.pango_layout.text.encode()
    glyphs: list[_Glyph] = []
    clusters: list[_Cluster] = []
    run = first_line.runs[0]
    while run != ffi.NULL:
        glyph_item = run.data
        run = run.next
        item = glyph_item.item
        glyph_string = glyph_item.glyphs
        num_glyphs = glyph_string.num_glyphs
        log_clusters = glyph_string.log_clusters
        font, _ = stream.add_font(item.analysis.font)  # cached: the Font the glyphs were drawn with

        # Cluster starts are byte offsets into the item; a cluster ends where the next
        # one in logical order starts. Sorting makes this work for RTL items too.
        starts = sorted({log_clusters[i] for i in range(num_glyphs)})
        cluster_of = {}
        for begin, end in zip(starts, [*starts[1:], item.length], strict=True):
            cluster_of[begin] = len(clusters)
            text = utf8_text[item.offset + begin : item.offset + end].decode(errors="replace")
            clusters.append(_Cluster(text))

        for i in range(num_glyphs):
            glyph_id = glyph_string.glyphs[i].glyph
            if glyph_id == pango.PANGO_GLYPH_EMPTY:
                continue  # drawn as a bare TJ offset, no glyph code
            clusters[cluster_of[log_clusters[i]]].glyphs.append(len(glyphs))
            expected = None if glyph_id & pango.PANGO_GLYPH_UNKNOWN_FLAG else glyph_id
            glyphs.append(_Glyph(font, expected, 2 if font.bitmap else 4))
    return glyphs, clusters


_Token = tuple[bytes, int]  # (glyph code or raw TJ element, glyph index or -1 for raw)


def _tokenise(entries: list[Any], glyphs: list[_Glyph]) -> list[list[_Token] | None] | None:
    """Split the TJ operators into glyph codes and raw elements; note each glyph's id and entry.

    Returns one token list per entry (None for other operators such as ``Tf``, ``Ts``),
    or None if the codes do not match the glyphs Pango shaped.
    """
    tokenised: list[list[_Token] | None] = []
    count = 0
    for entry_index, entry in enumerate(entries):
        if not _is_show_text(entry):
            tokenised.append(None)
            continue
        tokens: list[_Token] = []
        for piece in _HEX_STRING.split(entry[1:-4]):
            if not piece:
                continue
            if not piece.startswith(b"<") or piece == b"<>":
                # Positioning numbers, and the empty strings WeasyPrint writes between
                # them: kept verbatim, as separate elements so numbers never run together.
                tokens.append((piece, -1))
                continue
            digits = piece[1:-1]
            while digits:
                if count >= len(glyphs):
                    return None
                glyph = glyphs[count]
                code, digits = digits[: glyph.code_length], digits[glyph.code_length :]
                glyph.glyph_id, glyph.entry = int(code, 16), entry_index
                if glyph.expected_id is not None and glyph.expected_id != glyph.glyph_id:
                    return None
                tokens.append((code, count))
                count += 1
        tokenised.append(tokens)
    return tokenised if count == len(glyphs) else None


def _spans(glyphs: list[_Glyph], clusters: list[_Cluster]) -> dict[int, tuple[int, str]]:
    """Choose the ActualText spans: ``{first glyph index: (last glyph index, text)}``."""
    units: list[list[_Cluster]] = []
    for cluster in clusters:
        if units and _continues_unit(cluster.text):
            units[-1].append(cluster)
        else:
            units.append([cluster])

    spans: dict[int, tuple[int, str]] = {}
    for unit in units:
        indexes = sorted(i for cluster in unit for i in cluster.glyphs)
        if not indexes or indexes != list(range(indexes[0], indexes[-1] + 1)):
            continue  # nothing drawn, or glyphs that could not nest as marked content
        first, last = indexes[0], indexes[-1]
        while last > first and glyphs[last].font.widths.get(glyphs[last].glyph_id) == 0:
            last -= 1  # trailing zero-width marks: their own empty span, see module docstring
        if (
            all(_maps_right(cluster, glyphs) for cluster in unit)
            and last == indexes[-1]
            and len({glyphs[i].entry for i in indexes}) == 1  # a text rise splits TJ and word
        ):
            continue  # the ToUnicode CMap alone extracts this unit right
        spans[first] = (last, "".join(cluster.text for cluster in unit))
        if last != indexes[-1]:
            spans[last + 1] = (indexes[-1], "")
    return spans


def _maps_right(cluster: _Cluster, glyphs: list[_Glyph]) -> bool:
    """Whether the cluster is one glyph whose ToUnicode text is the cluster's text."""
    if len(cluster.glyphs) != 1:
        return False
    glyph = glyphs[cluster.glyphs[0]]
    return glyph.font.to_unicode.get(glyph.glyph_id) == cluster.text


def _rewrite(
    entries: list[Any], tokenised: list[list[_Token] | None], spans: dict[int, tuple[int, str]]
) -> list[Any]:
    """Rebuild the operators, splitting TJ arrays around the spans' glyphs."""
    ends = {last for last, _ in spans.values()}
    new_entries: list[Any] = []
    for entry, tokens in zip(entries, tokenised, strict=True):
        if tokens is None:
            new_entries.append(entry)
            continue
        buffer: list[_Token] = []
        for token in tokens:
            index = token[1]
            if index in spans:
                _flush(buffer, new_entries)
                new_entries.append(_actual_text_bdc(spans[index][1]))
            buffer.append(token)
            if index in ends:
                _flush(buffer, new_entries)
                new_entries.append(b"EMC")
        _flush(buffer, new_entries)
    return new_entries


def _flush(buffer: list[_Token], out: list[Any]) -> None:
    """Append ``buffer`` as one TJ operator (consecutive glyph codes share a hex string)."""
    if not buffer:
        return
    parts: list[bytes] = []
    in_hex = False
    for value, index in buffer:
        if index >= 0:
            parts.append(value if in_hex else b"<" + value)
            in_hex = True
        else:
            if in_hex:
                parts.append(b">")
                in_hex = False
            parts.append(value)
    if in_hex:
        parts.append(b">")
    out.append(b"[" + b"".join(parts) + b"] TJ")
    buffer.clear()


def _actual_text_bdc(text: str) -> bytes:
    """``/Span <</ActualText …>> BDC`` with ``text`` as a UTF-16BE hex string with BOM."""
    return b"/Span <</ActualText <FEFF" + text.encode("utf-16-be").hex().upper().encode() + b"> >> BDC"
