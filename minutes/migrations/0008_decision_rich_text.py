"""A decision's text becomes rich text, like the discussion: stored plain text turns into safe HTML.

Forward: the typed text is escaped (a "<b>" someone typed stays the three characters it was) and
laid out as the editor lays out typed text: blank-line-separated paragraphs in <p>, single line
breaks as <br>; then passed through nh3 with the discussion's rules, so it is stored exactly as
the sanitiser writes it. Backward: the tags are stripped back to text (paragraphs as blank lines,
line breaks and list items as new lines). Issued documents keep their stored HTML and PDF: they are
never printed again. A frozen copy of the rules, as migrations do not import app code.
"""

import html
import re
import unicodedata

import nh3
from django.db import migrations

ALLOWED_TAGS = {
    "p", "br", "b", "strong", "i", "em", "u", "ul", "ol", "li",
    "table", "thead", "tbody", "tr", "th", "td", "caption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"*": set(), "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}


def plain_to_html(text: str) -> str:
    text = unicodedata.normalize("NFC", (text or "").replace("\r\n", "\n").replace("\r", "\n")).strip()
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    markup = "".join("<p>" + html.escape(p, quote=False).replace("\n", "<br>") + "</p>" for p in paragraphs)
    return nh3.clean(markup, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, strip_comments=True, link_rel=None)


def html_to_plain(value: str) -> str:
    text = re.sub(r"<br\s*/?>", "\n", value or "")
    text = re.sub(r"</(li|tr|caption)>", "\n", text)
    text = re.sub(r"</p>", "\n\n", text)
    text = html.unescape(re.sub(r"<[^>]*>", "", text))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line.strip() for line in text.split("\n"))).strip()


def _convert(apps, convert) -> None:
    Decision = apps.get_model("minutes", "Decision")
    changed = []
    for decision in Decision.objects.only("id", "text").iterator(chunk_size=2000):
        text = convert(decision.text)
        if text != decision.text:
            decision.text = text
            changed.append(decision)
        if len(changed) >= 500:
            Decision.objects.bulk_update(changed, ["text"])
            changed = []
    Decision.objects.bulk_update(changed, ["text"])


def to_html(apps, schema_editor):
    _convert(apps, plain_to_html)


def to_plain(apps, schema_editor):
    _convert(apps, html_to_plain)


class Migration(migrations.Migration):
    dependencies = [("minutes", "0007_document_conventions")]

    operations = [migrations.RunPython(to_html, to_plain)]
