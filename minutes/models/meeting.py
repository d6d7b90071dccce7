"""A meeting and its minutes document (কার্যবিবরণী): the header, the signatures and the issue facts.

Names and designations of the chair and the issuing officer are copied onto the
meeting, so the document keeps them as they were when signed, even after an
official is transferred. Each issued correction is a new Meeting row (a version).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bangla.times import fits_day_part
from minutes.limits import MAX_TEXT, MaxTextLengthValidator, validate_word_lengths
from minutes.models.conventions import ConventionFields
from offices.models import GovernmentFile, InnovationTeam, Office, Official

EARLIEST_MEETING_DATE = datetime.date(1971, 12, 16)
DEFAULT_OPENING = (
    "সভাপতি উপস্থিত সকলকে স্বাগত জানিয়ে সভা আরম্ভ করেন। অতঃপর সভাপতির অনুমতিক্রমে "
    "সদস্য-সচিব সভার আলোচ্যসূচি উপস্থাপন করেন এবং নিম্নরূপ আলোচনা ও সিদ্ধান্ত গৃহীত হয়।"
)
DEFAULT_CLOSING = "সভায় আর কোন আলোচনা না থাকায় সভাপতি সকলকে ধন্যবাদ জানিয়ে সভার সমাপ্তি ঘোষণা করেন।"
DEFAULT_ATTENDANCE_NOTE = "পরিশিষ্ট-'ক'"
TEXT_VALIDATORS = [MaxTextLengthValidator(MAX_TEXT), validate_word_lengths]


class Meeting(ConventionFields):
    class Layout(models.TextChoices):
        SECTIONS = "sections", _("Numbered sections (১.০ / ১.১ আলোচনা / ১.২ সিদ্ধান্ত)")
        PARAGRAPHS = "paragraphs", _("Numbered paragraphs (০২।) with decisions at the end")
        TABLE = "table", _("One table with an implementer column")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for approval")
        RETURNED = "returned", _("Returned with comments")
        APPROVED = "approved", _("Approved")
        ISSUED = "issued", _("Issued")
        PUBLISHED = "published", _("Published")

    class DayPart(models.TextChoices):
        """The word before the time, as the drafter chose it (bangla.times.DAY_PART_HOURS); printed as is."""

        __empty__ = _("none (24-hour clock)")
        MORNING = "সকাল", _("morning (সকাল)")
        DAYTIME = "বেলা", _("daytime (বেলা)")
        NOON = "দুপুর", _("noon (দুপুর)")
        AFTERNOON = "বিকাল", _("afternoon (বিকাল)")
        EVENING = "সন্ধ্যা", _("evening (সন্ধ্যা)")
        NIGHT = "রাত", _("night (রাত)")

    ISSUED_STATES = (State.ISSUED, State.PUBLISHED)
    # What the drafter types in the editor's header; the one list the header form and copies use.
    HEADER_FIELDS = [
        "title", "team", "fiscal_year", "ordinal", "quarter", "layout", "date", "day_part", "start_time",
        "venue", "online_link", "chair", "chair_name", "chair_designation", "chair_contact", "attendance_note",
        "opening", "closing", "issuer", "issuer_name", "issuer_designation",
    ]  # fmt: skip
    # How this meeting's document is written (models/conventions.py), edited beside the header.
    CONVENTION_FIELDS = [*ConventionFields.FIELDS, "attendance_heading"]

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.PROTECT, related_name="meetings"
    )
    participating_offices = models.ManyToManyField(
        Office, verbose_name=_("participating offices"), blank=True, related_name="joint_meetings"
    )
    team = models.ForeignKey(
        InnovationTeam,
        verbose_name=_("team / committee"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year"),
        null=True,
        blank=True,
        help_text=_("The year the fiscal year starts in, e.g. 2020 for 2020-21."),
        validators=[MinValueValidator(1971), MaxValueValidator(2200)],
    )
    ordinal = models.PositiveSmallIntegerField(
        _("meeting number in the year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    title = models.CharField(_("title"), max_length=500)

    chair = models.ForeignKey(
        Official, verbose_name=_("chair"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    chair_name = models.CharField(_("chair's name"), max_length=200, blank=True)
    chair_designation = models.CharField(_("chair's designation"), max_length=300, blank=True)
    chair_contact = models.CharField(
        _("chair's phone / e-mail"),
        max_length=300,
        blank=True,
        help_text=_("Shown under the chair's signature."),
    )
    date = models.DateField(_("meeting date"))
    start_time = models.TimeField(_("start time"))
    day_part = models.CharField(
        _("day-part"),
        max_length=20,
        blank=True,
        choices=DayPart.choices,
        help_text=_("The word before the time, as in “বেলা ১২.০০ ঘটিকা”."),
    )
    venue = models.CharField(_("venue"), max_length=300)
    online_link = models.URLField(_("online meeting link"), blank=True)
    attendance_note = models.CharField(_("attendance"), max_length=200, default=DEFAULT_ATTENDANCE_NOTE)
    opening = models.TextField(_("opening paragraph"), default=DEFAULT_OPENING, validators=TEXT_VALIDATORS)
    closing = models.TextField(_("closing sentence"), default=DEFAULT_CLOSING, validators=TEXT_VALIDATORS)
    layout = models.CharField(
        _("layout of agenda items"), max_length=20, choices=Layout.choices, default=Layout.SECTIONS
    )
    attendance_heading = models.CharField(
        _("heading of the attendance sheet"),
        max_length=500,
        blank=True,
        help_text=_("Empty: “<date> তারিখ <time> অনুষ্ঠিত সভায় উপস্থিত কর্মকর্তাগণ:”."),
        validators=TEXT_VALIDATORS,
    )

    issuer = models.ForeignKey(
        Official,
        verbose_name=_("issuing officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issuer_name = models.CharField(_("issuing officer's name"), max_length=200, blank=True)
    issuer_designation = models.CharField(_("issuing officer's designation"), max_length=300, blank=True)

    # The workflow (minutes/workflow/steps.py) moves these; the editor never does.
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("corrects"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrected_by",
    )
    government_file = models.ForeignKey(
        GovernmentFile,
        verbose_name=_("file (নথি)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    memo_serial = models.PositiveIntegerField(_("memo serial"), null=True, blank=True)
    memo_number = models.CharField(_("memo number"), max_length=100, blank=True)
    issue_date = models.DateField(_("issue date"), null=True, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last saved"), auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["government_file", "memo_serial"],
                condition=models.Q(memo_serial__isnull=False),
                name="memo_serial_unique_in_file",
            ),
            # A memo number identifies one letter in the whole government: never issued twice.
            models.UniqueConstraint(
                fields=["memo_number"], condition=~models.Q(memo_number=""), name="memo_number_unique"
            ),
        ]
        indexes = [
            # Used by the office's meeting list (minutes/selectors.py: meetings_for_user).
            models.Index(fields=["office", "-date"], name="meeting_office_date"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("minutes:detail", args=[self.pk])

    def clean(self):
        errors = {}
        latest = datetime.date.today() + datetime.timedelta(days=366)
        if self.date and not EARLIEST_MEETING_DATE <= self.date <= latest:
            errors["date"] = _("The meeting date must be between 16 December 1971 and one year from today.")
        if (
            self.day_part in self.DayPart.values
            and self.start_time
            and not fits_day_part(self.start_time, self.day_part)
        ):
            errors["day_part"] = _("The start time is not in this day-part.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_issued(self) -> bool:
        """Issued (or published): the document is final and stored; a draft watermark no longer applies."""
        return self.state in self.ISSUED_STATES

    @property
    def is_public(self) -> bool:
        return self.state == self.State.PUBLISHED
