"""Government files (নথি): their numbers and the serial of the last letter issued from each."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bangla.digits import to_ascii_digits, to_bangla_digits
from offices.models.office import Branch, Office

FILE_NUMBER_RE = re.compile(r"[0-9]+(\.[0-9]+){2,}")


def memo_number(file_number: str, serial: int) -> str:
    """A letter's memo number (স্মারক নম্বর): its file's number, then its serial in that file."""
    return f"{file_number}.{serial}"


class GovernmentFile(models.Model):
    """A government file (নথি): its number code and the serial of the last letter issued from it."""

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.PROTECT, related_name="files"
    )
    branch = models.ForeignKey(
        Branch,
        verbose_name=_("branch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="files",
    )
    number = models.CharField(
        _("file number"),
        max_length=80,
        help_text=_("Digit groups separated by dots, for example 58.00.0000.018.31.006.17"),
    )
    subject = models.CharField(_("subject"), max_length=300)
    last_serial = models.PositiveIntegerField(
        _("last serial issued"), default=0, help_text=_("Serial of the last letter issued from this file.")
    )
    starting_serial = models.PositiveIntegerField(
        _("starting serial"),
        null=True,
        blank=True,
        help_text=_("Serial of the last letter issued on paper before the portal; set once."),
    )
    is_active = models.BooleanField(_("in use"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("government file (নথি)")
        verbose_name_plural = _("government files (নথি)")
        ordering = ["office", "number"]
        constraints = [
            # File numbers carry the ministry's, office's and branch's codes: unique in the government.
            models.UniqueConstraint(fields=["number"], name="file_number_unique"),
        ]

    def __str__(self):
        return f"{self.number_bn} ({self.subject})"

    @property
    def number_bn(self) -> str:
        return to_bangla_digits(self.number)

    @property
    def next_memo_number(self) -> str:
        """The memo number the next letter issued from this file gets (as the file is now)."""
        return memo_number(self.number, self.last_serial + 1)

    NUMBER_FIXED = _(
        "Letters have been issued from this file, so its number can no longer change. "
        "Close this file and open a new one instead."
    )

    @property
    def has_issued(self) -> bool:
        """A letter has been issued from this file (in the portal, or on paper before it)."""
        return self.last_serial > 0

    STARTING_SERIAL_FIXED = _(
        "The starting serial can be set only once, before the portal issues its first letter from this file."
    )

    @property
    def may_set_starting_serial(self) -> bool:
        """Not set yet, and nothing issued from the file since it was recorded."""
        return self.starting_serial is None and self.last_serial == 0

    def set_starting_serial(self, serial: int) -> None:
        """A file already in use on paper: the portal's next letter from it takes serial + 1."""
        if not self.may_set_starting_serial:
            raise ValidationError({"starting_serial": self.STARTING_SERIAL_FIXED})
        if serial < 1:
            raise ValidationError(
                {"starting_serial": _("Give the serial of the last letter issued on paper.")}
            )
        self.starting_serial = self.last_serial = serial

    def clean(self):
        self.number = to_ascii_digits(self.number or "").strip().strip(".")
        errors = {}
        problem = self._number_problem()
        if problem:
            errors["number"] = problem
        if self.branch_id and self.branch.office_id != self.office_id:
            errors["branch"] = _("The branch must belong to the same office.")
        if errors:
            raise ValidationError(errors)

    def _number_problem(self) -> str | None:
        stored = GovernmentFile.objects.filter(pk=self.pk).values("number", "last_serial").first()
        if stored and stored["last_serial"] > 0 and stored["number"] != self.number:
            # Memo numbers already issued carry the old number; a new file with it would repeat them.
            return self.NUMBER_FIXED
        if not FILE_NUMBER_RE.fullmatch(self.number):
            return _("A file number is groups of digits separated by dots, e.g. 58.00.0000.018.31.006.17.")
        if GovernmentFile.objects.filter(number=self.number).exclude(pk=self.pk).exists():
            return _("A file with this number already exists; a file number is used only once.")
        return None

    def validate_constraints(self, exclude=None):
        # clean() already reported a duplicate number in the user's language.
        super().validate_constraints(exclude={*(exclude or ()), "number"})
