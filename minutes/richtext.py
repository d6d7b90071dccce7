"""The discussion field's rich text: what a drafter may keep, and nothing that can run.

Drafters paste from Word and from e-mails. We keep paragraphs, line breaks,
lists, bold/italic/underline and simple tables (office | innovative idea); we
drop scripts, styles, event handlers, classes, fonts and links' javascript.
Text is stored in Unicode NFC, keeping ZWJ/ZWNJ (they change how র‍্য is drawn).
"""

import html
import re
import unicodedata

import nh3

ALLOWED_TAGS = {
    "p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li",
    "table", "thead", "tbody", "tr", "th", "td", "caption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
# Their content is code or Word's markup, never text a reader should see.
DROPPED_WITH_CONTENT = {"script", "style", "xml", "title", "head", "template", "iframe", "object"}

_TAG = re.compile(r"<[a-zA-Z!/]")
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


def sanitize_rich_text(value: str) -> str:
    """Return safe HTML for a discussion: plain text becomes paragraphs; pasted HTML is cleaned."""
    value = normalize_text(value).strip()
    if not value:
        return ""
    if not _TAG.search(value):
        return plain_text_to_html(value)
    value = _WORD_CONDITIONAL.sub("", value)
    value = _DIV_CLOSE.sub("</p>", _DIV_OPEN.sub("<p>", value))
    cleaned = nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        clean_content_tags=DROPPED_WITH_CONTENT,
        strip_comments=True,
        link_rel=None,
    )
    cleaned = _EMPTY_PARAGRAPH.sub("", cleaned).strip()
    return normalize_text(cleaned)


def rich_text_to_plain(value: str) -> str:
    """Readable text of a discussion, for search and e-mail bodies."""
    text = re.sub(r"</(p|li|tr|h\d)>|<br\s*/?>", "\n", value or "")
    text = re.sub(r"</t[dh]>", " | ", text)
    return html.unescape(nh3.clean(text, tags=set())).strip()
