"""Document conventions (house style): how an office writes its minutes.

Each office writes the same facts its own way: "১৭.০২.২০২১ খ্রিস্টাব্দ" or "২৮ আগস্ট, ২০২২",
"বিকাল ০৩.০০টা" or "১২.০০ ঘটিকা।", "আলোচ্য সূচি-১:" or "আলোচ্য বিষয়:", "ক)" or "(ক)", recipients
"১)" or "১।". The office's administrator sets them once (OfficeConventions); each new meeting
starts with a copy, which its drafter may change for that meeting alone (Meeting inherits
ConventionFields). minutes/document/conventions.py prints by them.

The choices' labels are examples, in the words and digits the document prints.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from offices.models import Office


class DateForm(models.TextChoices):
    DOTTED_ERA = "dotted_era", "১৭.০২.২০২১ খ্রিস্টাব্দ"
    DOTTED = "dotted", "১৭.০২.২০২১"
    SLASHED = "slashed", "২৫/০৭/২০২৪"
    SLASHED_ERA_SHORT = "slashed_era_short", "২৫/০৭/২০২৪ খ্রি:"
    DASHED = "dashed", "২৫-০৭-২০২৪"
    LONG = "long", "২৮ আগস্ট ২০২২"
    COMMA = "comma", "২৮ আগস্ট, ২০২২"
    LONG_ERA = "long_era", "২৮ আগস্ট ২০২২ খ্রিস্টাব্দ"


class NumberForm(models.TextChoices):
    """How a letter or number is set before its line: ক) (ক) ক. ক।"""

    RIGHT_PAREN = "right_paren", "ক)  ১)"
    PARENS = "parens", "(ক)  (১)"
    DOT = "dot", "ক.  ১."
    DARI = "dari", "ক।  ১।"


class AgendaNumbering(models.TextChoices):
    DECIMAL = "decimal", "১.০ … ১.১ আলোচনা: … ১.২ সিদ্ধান্ত:"
    DARI = "dari", "১। …"
    DOT = "dot", "১. …"
    NONE = "none", _("no numbers")


class TimeSuffix(models.TextChoices):
    TA = "টা", "টা"
    GHOTIKA = "ঘটিকা", "ঘটিকা"
    NONE = "", _("none")


class MemoLayout(models.TextChoices):
    NUMBER_FIRST = "number_first", _("memo number, then the date")
    DATES_FIRST = "dates_first", _("the dates, then the memo number")


class IssueDateForm(models.TextChoices):
    PLAIN = "plain", "৯ ফাল্গুন ১৪২৭ / ২২ ফেব্রুয়ারি ২০২১"
    PADDED = "padded", "০৯ ফাল্গুন ১৪২৭ / ০৫ সেপ্টেম্বর ২০২২"
    PADDED_ERA = "padded_era", "২০ শ্রাবণ ১৪৩১ বঙ্গাব্দ / ০৪ আগস্ট ২০২৪ খ্রিস্টাব্দ"


DEFAULT_AGENDA_HEADING = "আলোচ্য সূচি-#:"
DEFAULT_DISTRIBUTION_HEADING = "বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়):"
DEFAULT_MEMO_LABEL = "স্মারক নম্বর:"


class ConventionFields(models.Model):
    """The conventions, as fields: of an office (OfficeConventions) and of one meeting (Meeting)."""

    date_form = models.CharField(
        _("form of the meeting date"), max_length=20, choices=DateForm.choices, default=DateForm.DOTTED_ERA
    )
    time_separator = models.CharField(
        _("separator in the time"), max_length=1, choices=[(".", "১২.০০"), (":", "১২:০০")], default="."
    )
    time_suffix = models.CharField(
        _("word after the time"), max_length=10, choices=TimeSuffix.choices, default=TimeSuffix.TA, blank=True
    )
    time_suffix_spaced = models.BooleanField(_("a space before that word"), default=False)
    time_full_stop = models.BooleanField(_("a full stop (।) after the time"), default=False)
    agenda_heading = models.CharField(
        _("agenda heading"),
        max_length=60,
        default=DEFAULT_AGENDA_HEADING,
        blank=True,
        help_text=_("Printed before each agenda item's title; # stands for its number."),
    )
    agenda_numbering = models.CharField(
        _("numbering of agenda items"),
        max_length=10,
        choices=AgendaNumbering.choices,
        default=AgendaNumbering.DECIMAL,
    )
    discussion_label = models.CharField(_("discussion label"), max_length=40, default="আলোচনা:", blank=True)
    decisions_label = models.CharField(_("decisions label"), max_length=40, default="সিদ্ধান্ত:", blank=True)
    letter_form = models.CharField(
        _("form of the decision letters"),
        max_length=20,
        choices=NumberForm.choices,
        default=NumberForm.RIGHT_PAREN,
    )
    print_deadlines = models.BooleanField(
        _("print each decision's deadline after it"),
        default=False,
        help_text=_("Off where the decision's own words give its deadline."),
    )
    print_responsible = models.BooleanField(
        _("print who implements each decision after it"),
        default=False,
        help_text=_("The table layout's implementer column shows them always."),
    )
    distribution_heading = models.CharField(
        _("distribution heading"), max_length=120, default=DEFAULT_DISTRIBUTION_HEADING, blank=True
    )
    recipient_number_form = models.CharField(
        _("numbering of recipients"),
        max_length=20,
        choices=NumberForm.choices,
        default=NumberForm.RIGHT_PAREN,
    )
    show_letterhead = models.BooleanField(
        _("print the letterhead"),
        default=True,
        help_text=_("Off where the office's minutes have none."),
    )
    running_header = models.CharField(
        _("running header"),
        max_length=80,
        blank=True,
        help_text=_("A short text at the top of the second and later pages; empty: none."),
    )
    memo_label = models.CharField(
        _("memo number label"), max_length=40, default=DEFAULT_MEMO_LABEL, blank=True
    )
    memo_layout = models.CharField(
        _("memo number and date"), max_length=20, choices=MemoLayout.choices, default=MemoLayout.NUMBER_FIRST
    )
    issue_date_form = models.CharField(
        _("form of the issue date"), max_length=20, choices=IssueDateForm.choices, default=IssueDateForm.PLAIN
    )
    signature_date_form = models.CharField(
        _("date above the signatures"),
        max_length=20,
        choices=DateForm.choices,
        blank=True,
        help_text=_("The issue date, printed above each signer's name; empty: none."),
    )

    FIELDS = [
        "date_form", "time_separator", "time_suffix", "time_suffix_spaced", "time_full_stop",
        "agenda_heading", "agenda_numbering", "discussion_label", "decisions_label", "letter_form",
        "print_deadlines", "print_responsible", "distribution_heading", "recipient_number_form",
        "show_letterhead", "running_header", "memo_label", "memo_layout", "issue_date_form",
        "signature_date_form",
    ]  # fmt: skip

    class Meta:
        abstract = True

    def conventions(self) -> dict:
        """The conventions' values, to copy onto another holder of them."""
        return {name: getattr(self, name) for name in ConventionFields.FIELDS}


class OfficeConventions(ConventionFields):
    """An office's house style; a new meeting of the office starts with a copy of it."""

    office = models.OneToOneField(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="conventions"
    )
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)

    class Meta:
        verbose_name = _("document conventions")
        verbose_name_plural = _("document conventions")

    def __str__(self):
        return str(self.office)

    @classmethod
    def of(cls, office: Office) -> "OfficeConventions":
        """The office's conventions; the defaults (unsaved) if its administrator has not set them."""
        try:
            return office.conventions
        except cls.DoesNotExist:
            return cls(office=office)
