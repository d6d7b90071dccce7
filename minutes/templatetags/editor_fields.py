"""The editor's row fields, rendered in Python.

A 40-item meeting has about 3,000 fields. Django renders each widget through its own
template (a few hundred microseconds each), which made opening the editor take most of a
second. These tags write the same HTML for the plain widgets the rows use (text, number,
date, e-mail, textarea, select, checkbox, hidden) straight from the bound field: the
same names, ids, values (widget.format_value) and attributes (the widget's and the bound
field's), with Bootstrap's "is-invalid" on errors.
"""

from html import escape

from django import forms, template
from django.utils.functional import Promise
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bangla.digits import bn_number
from bangla.letters import decision_letter
from minutes.document.conventions import numbered

register = template.Library()
_translated: dict[tuple[int, str], tuple[Promise, str]] = {}


def translated(value) -> str:
    """str(value), with lazy translations (the forms' labels and choices, module-level constants)
    looked up once per language. The cache keeps each lazy object, so its id cannot be reused."""
    if not isinstance(value, Promise):
        return str(value)
    key = (id(value), get_language())
    if key not in _translated:
        _translated[key] = (value, str(value))
    return _translated[key][1]


def _attrs(attrs: dict) -> str:
    """' name="value"…' (True: the bare attribute; False and None: left out), escaped."""
    return "".join(
        f" {key}" if value is True else f' {key}="{escape(str(value))}"'
        for key, value in attrs.items()
        if value is not None and value is not False
    )


def field_html(field: forms.BoundField, **extra) -> SafeString:
    """The field's widget as HTML, as `{{ field }}` would write it (the rows' fields are optional)."""
    widget = field.field.widget
    attrs = {**widget.attrs, **extra}
    if field.field.disabled:
        attrs["disabled"] = True
    if "id" not in widget.attrs:
        attrs["id"] = field.auto_id
    errors = field.form.errors.get(field.name)
    if errors:
        attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
        attrs["aria-invalid"] = "true"
    name, value = escape(field.html_name), field.value()
    if isinstance(widget, forms.CheckboxInput):
        return mark_safe(
            f'<input type="checkbox" name="{name}"{_attrs({**attrs, "checked": widget.check_test(value)})}>'
        )
    if isinstance(widget, forms.Select):
        selected = set(widget.format_value(value))
        options = "".join(
            f'<option value="{escape(str(v))}"{" selected" if str(v) in selected else ""}>{escape(translated(label))}</option>'
            for v, label in widget.choices
        )
        return mark_safe(f'<select name="{name}"{_attrs(attrs)}>{options}</select>')
    if isinstance(widget, forms.Textarea):
        text = escape(str(widget.format_value(value) or ""))
        return mark_safe(f'<textarea name="{name}"{_attrs(attrs)}>\n{text}</textarea>')
    if isinstance(widget, forms.widgets.Input):
        attrs["value"] = widget.format_value(value) or None
        return mark_safe(f'<input type="{widget.input_type}" name="{name}"{_attrs(attrs)}>')
    return field.as_widget(attrs=extra)  # anything else: Django's own rendering


def _errors(field) -> str:
    errors = field.form.errors.get(field.name)
    return "".join(f'<div class="invalid-feedback d-block">{escape(str(e))}</div>' for e in errors or ())


@register.simple_tag
def field_input(field, list=""):
    return field_html(field, **({"list": list} if list else {}))


@register.simple_tag
def cell(field, list=""):
    """Label, input, errors and help text, stacked (a decision's or an agenda item's field)."""
    help_text = (
        f'<div class="form-text small">{escape(translated(field.help_text))}</div>' if field.help_text else ""
    )
    return mark_safe(
        f'<label class="form-label small mb-0" for="{field.auto_id}">{escape(translated(field.label))}</label>'
        f"<div>{field_input(field, list)}</div>{_errors(field)}{help_text}"
    )


@register.simple_tag
def td(field, list=""):
    """A table cell with the input and its errors (an attendee's or a recipient's field)."""
    return mark_safe(f"<td>{field_input(field, list)}{_errors(field)}</td>")


@register.simple_tag
def hidden(field):
    """The field as a hidden input, as `field.as_hidden` writes it."""
    value = forms.HiddenInput().format_value(field.value())
    return format_html(
        '<input type="hidden" name="{}" value="{}" id="{}">', field.html_name, value or "", field.auto_id
    )


@register.simple_tag
def hidden_row(form):
    """A removed row, kept as hidden fields so that the next post still carries it."""
    return format_html_join("", "{}", ((hidden(f),) for f in form))


@register.simple_tag
def row_buttons(prefix, url, removable=True):
    """Move up, move down and remove: POSTs of the editor's "action" (htmx swaps the editor in place)."""
    buttons = "".join(
        f'<button class="btn {css}" type="submit" name="action" value="{verb}:{prefix}" hx-post="{url}" '
        f'formnovalidate title="{label}" aria-label="{label}">{mark}</button>'
        for verb, label, mark, css in _buttons()
        if removable or verb != "remove"
    )
    return mark_safe(f'<div class="btn-group btn-group-sm row-buttons" role="group">{buttons}</div>')


def _buttons() -> list[tuple[str, str, str, str]]:
    return [
        ("up", escape(_("Move up")), "↑", "btn-outline-secondary"),
        ("down", escape(_("Move down")), "↓", "btn-outline-secondary"),
        ("remove", escape(_("Remove")), "✕", "btn-outline-danger"),
    ]


# -- whole rows: the editor repeats these hundreds of times ---------------------------------------------
DECISION_LAYOUT = [
    ("col-12", "text", ""), ("col-md-6", "responsible", ""), ("col-md-2", "deadline_kind", ""),
    ("col-md-2 deadline-field", "deadline_date", "date"),
    ("col-md-2 deadline-field", "deadline_working_days", "working_days"),
    ("col-md-3 deadline-field", "deadline_every", "rule"), ("col-md-3 deadline-field", "deadline_month", "rule"),
    ("col-md-2 deadline-field", "deadline_day", "rule"), ("col-md-5 deadline-field", "deadline_rule", "rule"),
    ("col-md-2", "status", ""), ("col-md-10", "progress_note", ""),
]  # fmt: skip


def _row_start(form) -> str:
    return f"{field_html(form['id'])}{hidden(form['ORDER'])}{hidden(form['DELETE'])}"


@register.simple_tag
def decision_block(decision, index: int, url: str, letter_form: str = "right_paren", proposals=None):
    """One decision: its letter (ক), (খ) … in the meeting's form, move/remove buttons, its fields, and
    the deadline its words propose (`proposals`: the editor's DeadlineProposals)."""
    columns = []
    for css, name, kind in DECISION_LAYOUT:
        data = format_html(' data-kind="{}"', kind) if kind else ""
        extra = _outside_portal(decision) if name == "responsible" else ""
        listed = "responsible-names" if name == "responsible" else ""
        columns.append(f'<div class="{css}"{data}>{cell(decision[name], listed)}{extra}</div>')
    return mark_safe(
        f'<div class="decision border-start border-3 ps-3 mb-3" id="{decision.prefix}">'
        '<div class="d-flex align-items-center mb-1">'
        f'<strong class="decision-letter me-auto">{numbered(letter_form, decision_letter(index))}</strong>'
        f"{row_buttons(decision.prefix, url)}"
        f"</div>{_row_start(decision)}"
        f'<div class="row g-2">{"".join(columns)}</div>{proposals.block(decision) if proposals else ""}</div>'
    )


def _outside_portal(decision) -> str:
    names = decision.initial.get("outside_portal")
    if not names:
        return ""
    return format_html(
        '<div class="small text-warning-emphasis">⚠ {}: {}</div>',
        _("Names outside the portal (typed freely)"),
        ", ".join(names),
    )


@register.simple_tag
def attendee_row(row, number: int, url: str):
    name = field_html(
        row["name"], list="official-names", **{"class": "form-control form-control-sm attendee-name"}
    )
    cells = "".join(str(td(row[f])) for f in ("designation", "workplace", "mobile", "email"))
    return mark_safe(
        f'<tr id="{row.prefix}" class="attendee-row">'
        f"<td>{bn_number(number)}{_row_start(row)}{field_html(row['official'])}</td>"
        f"<td>{name}{_errors(row['name'])}</td>{cells}"
        f"<td>{field_html(row['is_present'])}</td><td>{row_buttons(row.prefix, url)}</td></tr>"
    )


@register.simple_tag
def recipient_row(row, number: int, url: str):
    fields = ("designation", "name", "branch", "office_name", "request", "email")
    cells = "".join(str(td(row[f])) for f in fields)
    return mark_safe(
        f'<tr id="{row.prefix}" class="recipient-row"><td>{bn_number(number)}{_row_start(row)}</td>'
        f"{cells}<td>{row_buttons(row.prefix, url)}</td></tr>"
    )
