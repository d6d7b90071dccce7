"""Rich text (an agenda item's discussion, a decision's text): what a drafter may keep, and nothing
that can run. Both go through `sanitize_rich_text`, via the editor's RichTextField (forms.py).

Drafters paste from Word and from e-mails. We keep paragraphs, line breaks, lists,
bold/italic/underline and simple tables (office | innovative idea); we drop scripts,
styles, event handlers, classes, fonts and links.

The order matters: text is normalised first (Unicode NFC, keeping ZWJ/ZWNJ, which change
how র‍্য is drawn) and sanitised last. Nothing may touch the HTML after the sanitiser:
NFC applied to sanitised markup turns ">" followed by U+0338 into "≯", which reopens a
tag the sanitiser had closed.
"""

import html
import re
import unicodedata

import nh3

ALLOWED_TAGS = {
    "p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li",
    "table", "thead", "tbody", "tr", "th", "td", "caption",
}  # fmt: skip
# No attribute on any other tag ("*": nh3 would otherwise keep title and lang everywhere).
ALLOWED_ATTRIBUTES = {"*": set(), "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
# Their content is code or Word's markup, never text a reader should see.
DROPPED_WITH_CONTENT = {
    "script", "style", "xml", "title", "head", "template", "iframe", "object", "noscript",
    "noembed", "noframes", "svg", "math", "textarea", "select",
}  # fmt: skip

_TAG = re.compile(r"<[a-zA-Z!/?]")
_WORD_CONDITIONAL = re.compile(r"<!--\[if.*?<!\[endif\]-->", re.DOTALL | re.IGNORECASE)
_EMPTY_PARAGRAPH = re.compile(r"<p>(\s|&nbsp;|\u00a0|<br>)*</p>")
# Browsers' editable areas make a <div> per typed line; they are paragraphs.
_DIV_OPEN = re.compile(r"<div(\s[^>]*)?>", re.IGNORECASE)
_DIV_CLOSE = re.compile(r"</div\s*>", re.IGNORECASE)


def normalize_text(value: str) -> str:
    """NFC, Windows line endings unified; ZWJ and ZWNJ are kept as typed."""
    return unicodedata.normalize("NFC", (value or "").replace("\r\n", "\n").replace("\r", "\n"))


def plain_text_to_html(value: str) -> str:
    """Typed text without markup: blank-line-separated paragraphs, single newlines as line breaks."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", value) if p.strip()]
    return "".join("<p>" + html.escape(p, quote=False).replace("\n", "<br>") + "</p>" for p in paragraphs)


def _nh3(value: str) -> str:
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        clean_content_tags=DROPPED_WITH_CONTENT,
        strip_comments=True,
        link_rel=None,
    )


def sanitize_rich_text(value: str) -> str:
    """Safe HTML for a discussion: plain text becomes paragraphs; pasted HTML is cleaned.

    Normalised first, sanitised last: the value returned is exactly what nh3 returned. It is
    also stable: sanitising it again gives it back unchanged, and so does normalising it to NFC
    (nh3 decodes "&#x338;" to a raw combining mark, which NFC would join to a preceding ">";
    such output is normalised and sanitised again until it is stable).
    """
    value = normalize_text(value).strip()
    for _round in range(3):
        if not value:
            return ""
        cleaned = _clean_once(value)
        if unicodedata.is_normalized("NFC", cleaned):
            return cleaned
        value = normalize_text(cleaned)
    return _nh3(plain_text_to_html(normalize_text(visible_text(value))))  # a pathological paste: its text


def _clean_once(value: str) -> str:
    if _TAG.search(value):
        value = _WORD_CONDITIONAL.sub("", value)
        value = _DIV_CLOSE.sub("</p>", _DIV_OPEN.sub("<p>", value))
    else:
        value = plain_text_to_html(value)
    # Tidy what a first pass leaves (empty paragraphs of dropped content); text left with no tag
    # at all is a paragraph (so that sanitising it again does not escape it twice); then the last word.
    tidied = _EMPTY_PARAGRAPH.sub("", _nh3(value)).strip()
    if tidied and not _TAG.search(tidied):
        tidied = f"<p>{tidied}</p>"
    return _nh3(tidied)


def visible_text(value: str) -> str:
    """The text a reader sees in sanitised HTML (for limits and search), tags and entities resolved."""
    text = re.sub(r"</(p|li|tr|caption)>|<br\s*/?>", "\n", value or "")
    return html.unescape(re.sub(r"<[^>]*>", " ", text))
