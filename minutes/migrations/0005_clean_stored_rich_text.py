"""Clean what was stored before the sanitiser was fixed (normalise first, sanitise last).

The old sanitiser normalised to NFC after nh3, which could reopen a closed tag (">" + U+0338
becomes "≯"), so a discussion could keep an event handler. This sanitises every discussion
again; a stored issued document is rewritten only if it holds something that can run (an event
handler, a script-bearing tag, a javascript: or data: link), so clean documents stay exactly as
issued. A frozen copy of the rules, as migrations do not import app code.
"""

import html.parser
import re
import unicodedata

import nh3
from django.db import migrations

ALLOWED_TAGS = {
    "p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li",
    "table", "thead", "tbody", "tr", "th", "td", "caption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
DROPPED_WITH_CONTENT = {
    "script", "style", "xml", "title", "head", "template", "iframe", "object", "noscript",
    "noembed", "noframes", "svg", "math", "textarea", "select",
}  # fmt: skip
# What document templates have written in a body (the first one wrapped it in <main>).
DOCUMENT_TAGS = {
    "main", "article", "header", "section", "nav", "div", "p", "h1", "h2", "span", "strong", "b", "i", "em",
    "u", "br", "a", "ol", "ul", "li", "table", "caption", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ACTIVE_TAGS = {
    "script", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "style", "link",
    "meta", "base", "form", "input", "button", "select", "textarea", "template", "noscript", "video",
    "audio", "source",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "action", "formaction", "xlink:href", "srcdoc", "data"}
QR = "data:image/svg+xml;"
COMMON = {"class", "id", "lang", "aria-hidden"}
DOCUMENT_ATTRIBUTES = {"*": COMMON, "a": {"href", *COMMON}}
DOCUMENT_ATTRIBUTES.update({cell: {"scope", "colspan", "rowspan", *COMMON} for cell in ("th", "td")})
BODY = re.compile(r"(<body[^>]*>)(.*)(</body>)", re.DOTALL)
SAFE_HREF = re.compile(r"^(https?:|mailto:|/|#|[^:]*$)", re.IGNORECASE)


def sanitize_discussion(value):
    value = unicodedata.normalize("NFC", value or "").strip()
    if not value:
        return ""
    options = dict(tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, clean_content_tags=DROPPED_WITH_CONTENT,
                   strip_comments=True, link_rel=None)  # fmt: skip
    tidied = re.sub(r"<p>(\s|&nbsp;|\u00a0|<br>)*</p>", "", nh3.clean(value, **options)).strip()
    return nh3.clean(tidied, **options)


class ActiveContent(html.parser.HTMLParser):
    """Finds what can run: an event handler, a script-bearing tag, a link that is not http(s) or mail."""

    found = False

    def handle_starttag(self, tag, attrs):
        if tag in ACTIVE_TAGS or any(name.startswith("on") for name, _value in attrs):
            self.found = True
        if tag == "img" and any(  # the document's one image is its QR code, an SVG data URI
            name not in ("class", "alt", "src") or (name == "src" and not (value or "").startswith(QR))
            for name, value in attrs
        ):
            self.found = True
        if any(name in URL_ATTRIBUTES and not SAFE_HREF.match((value or "").strip()) for name, value in attrs):
            self.found = True


def clean(apps, schema_editor):
    AgendaItem = apps.get_model("minutes", "AgendaItem")
    for item in AgendaItem.objects.exclude(discussion="").only("id", "discussion").iterator():
        cleaned = sanitize_discussion(item.discussion)
        if cleaned != item.discussion:
            AgendaItem.objects.filter(pk=item.pk).update(discussion=cleaned)
    IssuedDocument = apps.get_model("minutes", "IssuedDocument")
    for document in IssuedDocument.objects.only("id", "html").iterator():
        match = BODY.search(document.html)
        if not match:
            continue
        parser = ActiveContent()
        parser.feed(match[2])
        if parser.found:
            body = nh3.clean(match[2], tags=DOCUMENT_TAGS, attributes=DOCUMENT_ATTRIBUTES,
                             url_schemes={"http", "https", "mailto"}, link_rel=None, strip_comments=True)  # fmt: skip
            html = document.html[: match.start(2)] + body + document.html[match.end(2) :]
            IssuedDocument.objects.filter(pk=document.pk).update(html=html)


class Migration(migrations.Migration):
    dependencies = [("minutes", "0004_fill_submitted_by")]

    operations = [migrations.RunPython(clean, migrations.RunPython.noop)]
