from django import forms
from django.utils.translation import gettext_lazy as _

from offices.models import Branch, GovernmentFile, Official, Post


class OfficeScopedForm(forms.ModelForm):
    """A form for a record of one office: choices of branches and posts come from that office only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        office = self.instance.office
        if "branch" in self.fields:
            self.fields["branch"].queryset = Branch.objects.filter(office=office)
        if "parent" in self.fields:
            self.fields["parent"].queryset = Branch.objects.filter(office=office).exclude(pk=self.instance.pk)
        if "post" in self.fields:
            self.fields["post"].queryset = Post.objects.filter(office=office).select_related("branch")


class BranchForm(OfficeScopedForm):
    class Meta:
        model = Branch
        fields = ["name", "name_en", "kind", "parent"]


class OfficialForm(OfficeScopedForm):
    class Meta:
        model = Official
        fields = ["name", "name_en", "designation", "branch", "post", "email", "mobile", "is_active"]


class GovernmentFileForm(OfficeScopedForm):
    class Meta:
        model = GovernmentFile
        fields = ["number", "subject", "branch", "last_serial", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Once in use, the serial moves only when a document is issued from the file.
            self.fields["last_serial"].disabled = True
            self.fields["last_serial"].help_text = _("Changes only when a document is issued from this file.")
        if self.instance.has_issued:
            self.fields["number"].disabled = True
            self.fields["number"].help_text = GovernmentFile.NUMBER_FIXED
