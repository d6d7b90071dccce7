"""What the drafter types below the header: agenda items, decisions and who carries them out,
the attendance sheet (appendix ক) and the distribution list.

Each model lists its content fields once (CONTENT_FIELDS): the editor's forms, the services
that save and copy meetings, and the document context all use that list. Decision letters
(ক, খ, গ …) follow the decisions' order and are never stored.
"""

import html
import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from bangla.recurrence import MONTH, QUARTER, Recurrence
from minutes.models.meeting import TEXT_VALIDATORS, Meeting
from offices.models import Branch, Office, Official, Post


class AgendaItem(models.Model):
    CONTENT_FIELDS = ["title", "discussion"]

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
        RULE = "rule", _("A recurring rule")

    class Every(models.TextChoices):
        """How often a rule recurs; none: a rule as written, with no dates (e.g. "প্রতি সভার পূর্বে")."""

        MONTH = MONTH, _("every month")
        QUARTER = QUARTER, _("every quarter of the fiscal year")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    OPEN_STATUSES = (Status.PENDING, Status.IN_PROGRESS)
    CONTENT_FIELDS = [
        "text", "deadline_kind", "deadline_date", "deadline_working_days", "deadline_rule", "deadline_every",
        "deadline_month", "deadline_day", "status", "progress_note",
    ]  # fmt: skip
    # The deadline fields each kind uses; the others are cleared.
    DEADLINE_FIELDS = {
        Deadline.DATE: ("deadline_date",),
        Deadline.WORKING_DAYS: ("deadline_working_days",),
        Deadline.RULE: ("deadline_rule", "deadline_every", "deadline_month", "deadline_day"),
    }
    MONTHS_OF_QUARTER = [
        (1, _("its first month (July, October, January, April)")),
        (2, _("its second month (August, November, February, May)")),
        (3, _("its third month (September, December, March, June)")),
    ]

    agenda_item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decisions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Rich text like the discussion, held to its limits by the editor's form (forms.RichTextField).
    text = models.TextField(_("decision"), help_text=_("Sanitised HTML."))
    deadline_kind = models.CharField(
        _("deadline"), max_length=20, choices=Deadline.choices, default=Deadline.NONE
    )
    deadline_date = models.DateField(_("deadline date"), null=True, blank=True)
    deadline_working_days = models.PositiveSmallIntegerField(
        _("working days"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    # A rule: its words as the office writes them (printed), and, for dates, how it recurs.
    deadline_rule = models.CharField(
        _("deadline rule"),
        max_length=300,
        blank=True,
        help_text=_("As printed; left empty, the standard words of the rule chosen."),
    )
    deadline_every = models.CharField(_("recurs"), max_length=10, choices=Every.choices, blank=True)
    deadline_month = models.PositiveSmallIntegerField(
        _("in the quarter's"), null=True, blank=True, choices=MONTHS_OF_QUARTER
    )
    deadline_day = models.PositiveSmallIntegerField(
        _("by day of the month"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_("Empty: the month's last day; 7: its first week."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    progress_note = models.TextField(_("progress notes"), blank=True, validators=TEXT_VALIDATORS)
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
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline_month__isnull=True) | Q(deadline_month__gte=1, deadline_month__lte=3),
                name="decision_deadline_month_of_quarter",
            ),
            models.CheckConstraint(
                condition=Q(deadline_day__isnull=True) | Q(deadline_day__gte=1, deadline_day__lte=31),
                name="decision_deadline_day_of_month",
            ),
        ]

    def __str__(self):
        """The text without its markup, on one line."""
        return " ".join(self.plain_text().split())[:80]

    def clean(self):
        """The deadline kind needs its own field (a rule: its words, or how it recurs), and only the
        fields of that kind are kept."""
        kind = self.deadline_kind
        if kind == self.Deadline.DATE and self.deadline_date is None:
            raise ValidationError({"deadline_date": _("Give the deadline date.")})
        if kind == self.Deadline.WORKING_DAYS and self.deadline_working_days is None:
            raise ValidationError({"deadline_working_days": _("Give the number of working days.")})
        if kind == self.Deadline.RULE:
            self._clean_rule()
        kept = self.DEADLINE_FIELDS.get(kind, ())
        for fields in self.DEADLINE_FIELDS.values():
            for name in fields:
                if name not in kept:
                    setattr(self, name, "" if name in ("deadline_rule", "deadline_every") else None)

    def validate_constraints(self, exclude=None):
        # The month and day constraints hold what the fields' own choices and validators check
        # already; Django would check each with a query, for every decision of every save.
        super().validate_constraints(exclude={*(exclude or ()), "deadline_month", "deadline_day"})

    def _clean_rule(self):
        self.deadline_rule = (self.deadline_rule or "").strip()
        if self.deadline_every == self.Every.QUARTER and self.deadline_month is None:
            raise ValidationError({"deadline_month": _("Choose the month of the quarter.")})
        if self.deadline_every != self.Every.QUARTER:
            self.deadline_month = None
        if not self.deadline_every:
            self.deadline_day = None
            if not self.deadline_rule:
                raise ValidationError(
                    {"deadline_rule": _("Write the deadline rule, or choose how often it recurs.")}
                )

    @property
    def recurrence(self) -> Recurrence | None:
        """The rule's recurrence (None: no rule, or a rule as written with no dates)."""
        if self.deadline_kind != self.Deadline.RULE or not self.deadline_every:
            return None
        try:
            return Recurrence(self.deadline_every, self.deadline_month, self.deadline_day)
        except ValueError:  # an unsaved row of the editor, not cleaned yet
            return None

    @property
    def rule_words(self) -> str:
        """The rule as printed: the office's words, else the standard words of its recurrence."""
        recurrence = self.recurrence
        return self.deadline_rule or (recurrence.words() if recurrence else "")

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def plain_text(self) -> str:
        """The text a reader sees, without markup: paragraphs, line breaks, list items and table rows
        on lines of their own, cells apart (for open data and e-mails)."""
        text = re.sub(r"</(p|li|tr|caption)>|<br\s*/?>", "\n", self.text)
        text = html.unescape(strip_tags(re.sub(r"</(td|th)>", " ", text)))
        lines = (" ".join(line.split()) for line in text.splitlines())
        return "\n".join(line for line in lines if line)


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
    """A row of the attendance sheet (appendix ক), copied from the official when picked."""

    CONTENT_FIELDS = ["official", "name", "designation", "workplace", "mobile", "email", "is_present"]

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

    @classmethod
    def of_official(cls, official: Official, **fields) -> "Attendee":
        return cls(
            official=official,
            name=official.name,
            designation=official.designation,
            workplace=official.workplace,
            mobile=official.mobile,
            email=official.email,
            **fields,
        )


class RecipientFields(models.Model):
    """One line of a distribution list: "উপসচিব, প্রশাসন-১ শাখা, জনপ্রশাসন মন্ত্রণালয় (…অনুরোধসহ)"."""

    CONTENT_FIELDS = ["designation", "name", "branch", "office_name", "request", "email"]

    order = models.PositiveSmallIntegerField(_("order"), default=0)
    designation = models.CharField(_("designation"), max_length=300, blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    branch = models.CharField(_("branch / wing"), max_length=300, blank=True)
    office_name = models.CharField(_("office"), max_length=300, blank=True, help_text=_("As printed."))
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

    def content(self) -> dict:
        return {name: getattr(self, name) for name in self.CONTENT_FIELDS}


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
