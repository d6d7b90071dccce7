"""A meeting's minutes (কার্যবিবরণী): header, agenda items, decisions, attendance, distribution.

Names and designations of the chair, the issuing officer and the attendees are
copied onto the meeting, so the document keeps them as they were when signed
even after an official is transferred. Decision letters (ক, খ, গ …) follow the
decisions' order and are never stored.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from offices.models import Branch, GovernmentFile, InnovationTeam, Office, Official, Post

EARLIEST_MEETING_DATE = datetime.date(1971, 12, 16)
DEFAULT_OPENING = (
    "সভাপতি উপস্থিত সকলকে স্বাগত জানিয়ে সভা আরম্ভ করেন। অতঃপর সভাপতির অনুমতিক্রমে "
    "সদস্য-সচিব সভার আলোচ্যসূচি উপস্থাপন করেন এবং নিম্নরূপ আলোচনা ও সিদ্ধান্ত গৃহীত হয়।"
)
DEFAULT_CLOSING = "সভায় আর কোন আলোচনা না থাকায় সভাপতি সকলকে ধন্যবাদ জানিয়ে সভার সমাপ্তি ঘোষণা করেন।"
DEFAULT_ATTENDANCE_NOTE = "পরিশিষ্ট-'ক'"


class Meeting(models.Model):
    """One meeting and its minutes document; each issued correction is a new Meeting row (a version)."""

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

    EDITABLE_STATES = (State.DRAFT, State.RETURNED)

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
    )
    ordinal = models.PositiveSmallIntegerField(_("meeting number in the year"), null=True, blank=True)
    quarter = models.PositiveSmallIntegerField(_("quarter"), null=True, blank=True)
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
    venue = models.CharField(_("venue"), max_length=300)
    online_link = models.URLField(_("online meeting link"), blank=True)
    attendance_note = models.CharField(_("attendance"), max_length=200, default=DEFAULT_ATTENDANCE_NOTE)
    opening = models.TextField(_("opening paragraph"), default=DEFAULT_OPENING)
    closing = models.TextField(_("closing sentence"), default=DEFAULT_CLOSING)
    layout = models.CharField(
        _("layout of agenda items"), max_length=20, choices=Layout.choices, default=Layout.SECTIONS
    )
    show_letterhead = models.BooleanField(_("print the letterhead"), default=True)

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

    # The workflow (see minutes/workflow.py): who moved the document on, and the issue facts.
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
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
        ]
        indexes = [
            # Used by the office's meeting list (minutes/selectors.py: meetings_for_user).
            models.Index(fields=["office", "-date"], name="meeting_office_date"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("minutes:edit", args=[self.pk])

    def clean(self):
        errors = {}
        if self.date and not (
            EARLIEST_MEETING_DATE <= self.date <= datetime.date.today() + datetime.timedelta(days=366)
        ):
            errors["date"] = _("The meeting date must be between 16 December 1971 and one year from today.")
        if self.quarter is not None and not 1 <= self.quarter <= 4:
            errors["quarter"] = _("A quarter is 1 to 4.")
        if self.fiscal_year is not None and not 1971 <= self.fiscal_year <= 2200:
            errors["fiscal_year"] = _("Give the fiscal year as the year it starts in, e.g. 2020.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_editable(self) -> bool:
        return self.state in self.EDITABLE_STATES

    @property
    def is_public(self) -> bool:
        return self.state == self.State.PUBLISHED


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("agenda item"), max_length=1000)
    discussion = models.TextField(_("discussion"), blank=True, help_text=_("Sanitised HTML."))

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "order", "id"]

    def __str__(self):
        return self.title


class Decision(models.Model):
    class Deadline(models.TextChoices):
        NONE = "none", _("No deadline")
        DATE = "date", _("By a date")
        WORKING_DAYS = "working_days", _("Within working days of issue")
        RULE = "rule", _("A recurring rule (typed)")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    OPEN_STATUSES = (Status.PENDING, Status.IN_PROGRESS)

    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decisions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.TextField(_("decision"))
    deadline_kind = models.CharField(
        _("deadline"), max_length=20, choices=Deadline.choices, default=Deadline.NONE
    )
    deadline_date = models.DateField(_("deadline date"), null=True, blank=True)
    deadline_working_days = models.PositiveSmallIntegerField(_("working days"), null=True, blank=True)
    deadline_rule = models.CharField(_("deadline rule"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    progress_note = models.TextField(_("progress notes"), blank=True)
    carried_from = models.ForeignKey(
        "self",
        verbose_name=_("follows up"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
    )

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["agenda_item", "order", "id"]

    def __str__(self):
        return self.text[:80]

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class Responsibility(models.Model):
    """Who carries out a decision: an office, branch, post or official of the portal, or a typed name.

    Assigning to an office, branch or post keeps the assignment valid when an
    officer is transferred; reminders then reach whoever holds the post.
    """

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="responsibilities")
    order = models.PositiveSmallIntegerField(default=0)
    office = models.ForeignKey(Office, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    branch = models.ForeignKey(Branch, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    official = models.ForeignKey(Official, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    label = models.CharField(_("responsible"), max_length=300, help_text=_("As written in the document."))

    class Meta:
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")
        ordering = ["decision", "order", "id"]

    def __str__(self):
        return self.label

    @property
    def is_outside_portal(self) -> bool:
        """Typed freely: no office, branch, post or official of the portal matched it."""
        return not (self.office_id or self.branch_id or self.post_id or self.official_id)


class Attendee(models.Model):
    """A row of the attendance sheet (appendix ক)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendees")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    official = models.ForeignKey(Official, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    name = models.CharField(_("name"), max_length=200)
    designation = models.CharField(_("designation"), max_length=300, blank=True)
    workplace = models.CharField(_("workplace"), max_length=300, blank=True)
    mobile = models.CharField(_("mobile"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    is_present = models.BooleanField(_("present"), default=True)

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        ordering = ["meeting", "order", "id"]

    def __str__(self):
        return self.name


class RecipientFields(models.Model):
    """One line of a distribution list: "উপসচিব, প্রশাসন-১ শাখা, জনপ্রশাসন মন্ত্রণালয় (…অনুরোধসহ)"."""

    order = models.PositiveSmallIntegerField(_("order"), default=0)
    designation = models.CharField(_("designation"), max_length=300, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    branch = models.CharField(_("branch / wing"), max_length=300, blank=True)
    office = models.ForeignKey(Office, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    office_name = models.CharField(
        _("office"),
        max_length=300,
        blank=True,
        help_text=_("As printed; filled from the office when one is picked."),
    )
    request = models.CharField(
        _("request"), max_length=300, blank=True, help_text=_("e.g. ওয়েবসাইটে প্রকাশের অনুরোধ করা হলো")
    )
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.line()

    def line(self) -> str:
        """The recipient as the distribution list prints it."""
        who = ", ".join(p for p in (self.name, self.designation) if p)
        parts = [p for p in (who, self.branch, self.office_name) if p]
        text = ", ".join(parts)
        return f"{text} ({self.request})" if self.request else text


class Recipient(RecipientFields):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="recipients")

    class Meta(RecipientFields.Meta):
        verbose_name = _("recipient")
        verbose_name_plural = _("distribution list")
        ordering = ["meeting", "order", "id"]


class DistributionGroup(models.Model):
    """A reusable distribution list of an office ("সকল অধিদপ্তর প্রধান", "ইনোভেশন টিম")."""

    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="distribution_groups")
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("distribution group")
        verbose_name_plural = _("distribution groups")
        ordering = ["office", "name"]
        constraints = [
            models.UniqueConstraint(fields=["office", "name"], name="distribution_group_unique_name")
        ]

    def __str__(self):
        return self.name


class DistributionGroupMember(RecipientFields):
    group = models.ForeignKey(DistributionGroup, on_delete=models.CASCADE, related_name="members")

    class Meta(RecipientFields.Meta):
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        ordering = ["group", "order", "id"]


class Transition(models.Model):
    """One step of the workflow (submitted, returned with a comment, approved, issued, published)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(_("from"), max_length=20, choices=Meeting.State.choices)
    to_state = models.CharField(_("to"), max_length=20, choices=Meeting.State.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
    by_name = models.CharField(_("name"), max_length=200)
    by_designation = models.CharField(_("designation"), max_length=300, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        ordering = ["meeting", "at", "id"]

    def __str__(self):
        return f"{self.get_from_state_display()} → {self.get_to_state_display()}"


class IssuedDocument(models.Model):
    """The rendered HTML and PDF of an issued version, stored once, with their content hashes."""

    meeting = models.OneToOneField(Meeting, on_delete=models.PROTECT, related_name="issued_document")
    html = models.TextField()
    html_sha256 = models.CharField(max_length=64)
    pdf = models.BinaryField()
    pdf_sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("issued document")
        verbose_name_plural = _("issued documents")

    def __str__(self):
        return f"{self.meeting} ({self.pdf_sha256[:12]})"


class Delivery(models.Model):
    """One e-mail of an issued document to one recipient, recorded before it is sent."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="deliveries")
    recipient = models.ForeignKey(Recipient, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField(_("e-mail"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("e-mail delivery")
        verbose_name_plural = _("e-mail deliveries")
        ordering = ["meeting", "recipient__order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "recipient", "email"], name="delivery_once_per_recipient"
            ),
        ]

    def __str__(self):
        return f"{self.email}: {self.get_status_display()}"
