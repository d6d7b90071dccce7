"""The editor's row forms share their field objects between forms (minutes/content/forms.py,
SharedFields): that is only safe while nothing in a row form changes a field per form."""

import copy

from django import forms

from minutes.content.forms import AgendaItemForm, AttendeeForm, DecisionForm, RecipientForm

ROW_FORMS = (AgendaItemForm, AttendeeForm, DecisionForm, RecipientForm)


def test_row_forms_have_no_field_django_changes_per_form():
    """ModelChoiceFields get their queryset (and limit_choices_to) set per form: none may be a row field."""
    for form_class in ROW_FORMS:
        for name, field in form_class.base_fields.items():
            assert not isinstance(field, forms.ModelChoiceField), f"{form_class.__name__}.{name}"


def test_two_forms_share_fields_but_not_the_formsets_ones():
    first, second = DecisionForm(), DecisionForm()
    assert first.fields["text"] is second.fields["text"]
    assert first.fields is not second.fields  # a dict per form: ORDER and DELETE are added to it
    assert copy.deepcopy(DecisionForm.base_fields) == dict(DecisionForm.base_fields)
