from django import forms
from django.utils.translation import gettext_lazy as _

from minutes.limits import MAX_RECIPIENTS
from minutes.models import DistributionGroupMember, RecipientFields


class GroupNameForm(forms.Form):
    name = forms.CharField(label=_("name of the group"), max_length=200)


class GroupMemberForm(forms.ModelForm):
    """One line of the group's list; a line left blank is dropped."""

    class Meta:
        model = DistributionGroupMember
        fields = RecipientFields.CONTENT_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # shown as a table row: the labels head the columns
            field.widget.attrs.update({"class": "form-control form-control-sm", "aria-label": field.label})

    def has_content(self) -> bool:
        return any(self.cleaned_data.get(name) for name in RecipientFields.CONTENT_FIELDS)


GroupMemberFormSet = forms.formset_factory(
    GroupMemberForm,
    extra=3,
    can_delete=True,
    max_num=MAX_RECIPIENTS,
    validate_max=True,
    absolute_max=MAX_RECIPIENTS,
)


def members_of(formset) -> list[dict]:
    """The posted lines, in order, without the blank and deleted ones."""
    return [
        {name: form.cleaned_data[name] for name in RecipientFields.CONTENT_FIELDS}
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.has_content()
    ]
