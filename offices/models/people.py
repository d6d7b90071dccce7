"""Posts (পদ) and the officials who hold them; on a transfer the post stays and the person changes."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bangla.digits import to_ascii_digits
from offices.models.office import Branch, Office


class Post(models.Model):
    """A post (পদ) in an office: a designation that different officials hold over time."""

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.PROTECT, related_name="posts"
    )
    branch = models.ForeignKey(
        Branch,
        verbose_name=_("branch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="posts",
    )
    title = models.CharField(_("designation"), max_length=200)
    title_en = models.CharField(_("designation (English)"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["office", "title"]

    def __str__(self):
        return ", ".join(part for part in (self.title, self.branch and self.branch.name) if part)

    def clean(self):
        if self.branch_id and self.branch.office_id != self.office_id:
            raise ValidationError({"branch": _("The branch must belong to the same office.")})

    def current_holders(self):
        """Who holds the post now. Decisions assigned to the post reach them, whoever they are."""
        return self.holders.filter(is_active=True)


class Official(models.Model):
    """A government official (কর্মকর্তা) as the office knows them today."""

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.PROTECT, related_name="officials"
    )
    branch = models.ForeignKey(
        Branch,
        verbose_name=_("branch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="officials",
    )
    post = models.ForeignKey(
        Post, verbose_name=_("post"), null=True, blank=True, on_delete=models.SET_NULL, related_name="holders"
    )
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    designation = models.CharField(_("designation"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    mobile = models.CharField(_("mobile"), max_length=30, blank=True)
    is_active = models.BooleanField(_("in office"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("official")
        verbose_name_plural = _("officials")
        ordering = ["office", "name"]

    def __str__(self):
        return f"{self.name}, {self.designation}"

    @property
    def workplace(self) -> str:
        """ "প্রশাসন-১ শাখা, জনপ্রশাসন মন্ত্রণালয়": branch and office, as an attendance sheet prints it."""
        return ", ".join(part.name for part in (self.branch, self.office) if part)

    def clean(self):
        errors = {}
        if self.branch_id and self.branch.office_id != self.office_id:
            errors["branch"] = _("The branch must belong to the official's office.")
        if self.post_id and self.post.office_id != self.office_id:
            errors["post"] = _("The post must belong to the official's office.")
        if self.mobile:
            self.mobile = to_ascii_digits(self.mobile).strip()
            if not re.fullmatch(r"\+?[0-9][0-9 -]{5,20}", self.mobile):
                errors["mobile"] = _("Enter a phone number made of digits, for example 01711000000.")
        if errors:
            raise ValidationError(errors)
