"""Offices, the people in them, their files (নথি) and who may do what where.

Every other app hangs on these models. Names and designations of people are
kept here as they are today; documents freeze their own copy when signed.
"""

import re

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from bangla.digits import to_ascii_digits, to_bangla_digits


def _walks_into(start, target, parent_attr: str) -> bool:
    """True if following `parent_attr` upwards from `start` reaches `target`."""
    seen = set()
    node = start
    while node is not None and node.pk not in seen:
        if target.pk is not None and node.pk == target.pk:
            return True
        seen.add(node.pk)
        node = getattr(node, parent_attr)
    return False


class Office(models.Model):
    class Kind(models.TextChoices):
        MINISTRY = "ministry", _("Ministry")
        DIVISION = "division", _("Division")
        DIRECTORATE = "directorate", _("Directorate / agency")
        DIVISIONAL = "divisional", _("Divisional office")
        DISTRICT = "district", _("District office")
        UPAZILA = "upazila", _("Upazila office")

    name = models.CharField(_("name (Bangla)"), max_length=200, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("superior office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    letterhead = models.TextField(
        _("letterhead lines"),
        blank=True,
        help_text=_("Lines printed above the title, one per line; leave empty for the standard letterhead."),
    )
    slogan = models.CharField(_("slogan"), max_length=200, blank=True)
    separate_submit_and_approve = models.BooleanField(
        _("whoever submits minutes may not approve them"),
        default=True,
        help_text=_("Separation of duties: the approver must be someone other than the submitter."),
    )
    publish_on_issue = models.BooleanField(
        _("publish minutes on the website when they are issued"),
        default=False,
        help_text=_("Issue and publish in one step; otherwise publishing is a step of its own."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("office")
        verbose_name_plural = _("offices")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("offices:detail", args=[self.pk])

    def clean(self):
        if self.parent_id and _walks_into(self.parent, self, "parent"):
            raise ValidationError(
                {"parent": _("An office cannot be placed under itself or under one of its own subordinates.")}
            )

    def letterhead_lines(self) -> list[str]:
        """The lines printed above a document's title."""
        lines = [line.strip() for line in self.letterhead.splitlines() if line.strip()]
        if lines:
            return lines
        standard = ["গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", self.name]
        return standard + [part for part in (self.address, self.website) if part]


class Branch(models.Model):
    """A wing, section or branch (অনুবিভাগ / অধিশাখা / শাখা) inside an office."""

    class Kind(models.TextChoices):
        WING = "wing", _("Wing (অনুবিভাগ)")
        SECTION = "section", _("Section (অধিশাখা)")
        BRANCH = "branch", _("Branch (শাখা)")
        CELL = "cell", _("Cell / unit")

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.PROTECT, related_name="branches"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.BRANCH)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("branch")
        verbose_name_plural = _("branches")
        ordering = ["office", "name"]
        constraints = [
            models.UniqueConstraint(fields=["office", "name"], name="branch_name_unique_in_office"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.parent_id is None:
            return
        if self.parent.office_id != self.office_id:
            raise ValidationError({"parent": _("A branch can only be part of a branch of the same office.")})
        if _walks_into(self.parent, self, "parent"):
            raise ValidationError(
                {"parent": _("A branch cannot be part of itself or of one of its own parts.")}
            )


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

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["office", "title"]

    def __str__(self):
        return ", ".join(part for part in (self.title, self.branch and self.branch.name) if part)

    def clean(self):
        if self.branch_id and self.branch.office_id != self.office_id:
            raise ValidationError({"branch": _("The branch must belong to the same office.")})


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


FILE_NUMBER_RE = re.compile(r"[0-9]+(\.[0-9]+){2,}")


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
        help_text=_("Digit groups separated by dots, for example ৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭"),
    )
    subject = models.CharField(_("subject"), max_length=300)
    last_serial = models.PositiveIntegerField(
        _("last serial issued"), default=0, help_text=_("Serial of the last letter issued from this file.")
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

    NUMBER_FIXED = _(
        "Letters have been issued from this file, so its number can no longer change. "
        "Close this file and open a new one instead."
    )

    @property
    def has_issued(self) -> bool:
        """A letter has been issued from this file (in the portal, or on paper before it)."""
        return self.last_serial > 0

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
            return _("A file number is groups of digits separated by dots, e.g. ৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭.")
        if GovernmentFile.objects.filter(number=self.number).exclude(pk=self.pk).exists():
            return _("A file with this number already exists; a file number is used only once.")
        return None

    def validate_constraints(self, exclude=None):
        # clean() already reported a duplicate number in the user's language.
        super().validate_constraints(exclude={*(exclude or ()), "number"})


class InnovationTeam(models.Model):
    """An office's innovation team (ইনোভেশন টিম); a joint team also covers the subordinate offices."""

    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.PROTECT, related_name="teams"
    )
    name = models.CharField(_("name"), max_length=300, default="ইনোভেশন টিম")
    covers_subordinates = models.BooleanField(_("joint team with subordinate offices"), default=False)

    class Meta:
        verbose_name = _("innovation team")
        verbose_name_plural = _("innovation teams")
        ordering = ["office", "name"]

    def __str__(self):
        return f"{self.office.name}: {self.name}"


class TeamMember(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair / chief innovation officer")
        MEMBER_SECRETARY = "member_secretary", _("Member-secretary")
        MEMBER = "member", _("Member")

    team = models.ForeignKey(
        InnovationTeam, verbose_name=_("team"), on_delete=models.CASCADE, related_name="members"
    )
    official = models.ForeignKey(
        Official, verbose_name=_("official"), on_delete=models.PROTECT, related_name="team_memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["team", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["team", "official"], name="team_member_once"),
        ]

    def __str__(self):
        return f"{self.official.name} ({self.get_role_display()})"


class User(AbstractUser):
    """A person who signs in; tied to the official they are, when known."""

    official = models.OneToOneField(
        Official,
        verbose_name=_("official"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def display_name(self) -> str:
        if self.official_id:
            return self.official.name
        return self.get_full_name() or self.username


class OfficeRole(models.Model):
    """What a user may do in one office. A user may hold roles in several offices."""

    class Role(models.TextChoices):
        DRAFTER = "drafter", _("Drafter")
        APPROVER = "approver", _("Approver")
        ISSUER = "issuer", _("Issuing officer")
        ADMIN = "admin", _("Office administrator")

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="office_roles"
    )
    office = models.ForeignKey(
        Office, verbose_name=_("office"), on_delete=models.CASCADE, related_name="user_roles"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("office role")
        verbose_name_plural = _("office roles")
        ordering = ["office", "user", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "office", "role"], name="office_role_once"),
        ]

    def __str__(self):
        return f"{self.user.username}: {self.get_role_display()}, {self.office.name}"
