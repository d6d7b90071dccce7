import datetime

import factory

from offices.models import (
    Branch,
    GovernmentFile,
    InnovationTeam,
    Office,
    OfficeRole,
    Official,
    TeamMember,
    User,
)


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    name = factory.Sequence(lambda n: f"পরীক্ষা দপ্তর {n}")
    kind = Office.Kind.DIRECTORATE


class BranchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Branch

    office = factory.SubFactory(OfficeFactory)
    name = factory.Sequence(lambda n: f"শাখা-{n}")


class OfficialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Official

    office = factory.SubFactory(OfficeFactory)
    name = factory.Sequence(lambda n: f"কর্মকর্তা {n}")
    designation = "উপসচিব"
    email = factory.Sequence(lambda n: f"official{n}@example.gov.bd")


class GovernmentFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GovernmentFile

    office = factory.SubFactory(OfficeFactory)
    number = factory.Sequence(lambda n: f"58.00.0000.018.31.{n:03d}.17")
    subject = "ইনোভেশন টিমের সভা"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "pass-1234")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OfficeRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficeRole

    user = factory.SubFactory(UserFactory)
    office = factory.SubFactory(OfficeFactory)
    role = OfficeRole.Role.DRAFTER


class InnovationTeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InnovationTeam

    office = factory.SubFactory(OfficeFactory)


class TeamMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMember

    team = factory.SubFactory(InnovationTeamFactory)
    official = factory.SubFactory(OfficialFactory)


def user_with_role(office: Office, *roles: str, username: str | None = None) -> User:
    """A user holding the given roles in one office."""
    user = UserFactory(**({"username": username} if username else {}))
    for role in roles:
        OfficeRole.objects.create(user=user, office=office, role=role)
    return user


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "minutes.Meeting"

    office = factory.SubFactory(OfficeFactory)
    title = factory.Sequence(lambda n: f"ইনোভেশন টিমের {n} সভার কার্যবিবরণী")
    chair_name = "ড. তরুণ কান্তি শিকদার"
    chair_designation = "অতিরিক্ত সচিব"
    date = factory.Faker("date_between", start_date="-1y", end_date="today")
    start_time = datetime.time(15, 0)
    venue = "সভাকক্ষ"
    created_by = factory.SubFactory(UserFactory)


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "offices.Post"

    office = factory.SubFactory(OfficeFactory)
    title = factory.Sequence(lambda n: f"উপসচিব (পদ {n})")


def store_stand_in_document(meeting, html: str | None = None, pdf: bytes = b"%PDF-1.4\n%stand-in\n"):
    """Store an issued document as the worker would, with a small stand-in for the printed one (for
    tests about the pages, not the printing): files named by their hash, and the row."""
    import hashlib

    from django.core.files.base import ContentFile

    from minutes.models import IssuedDocument
    from minutes.models.document import document_name, documents_storage

    html = html or (
        f'<!DOCTYPE html><html lang="bn"><head><title>{meeting.title}</title></head><body class="document">'
        f'<article class="sheet"><h1 class="doc-title">{meeting.title}</h1></article></body></html>'
    )
    storage, names = documents_storage(), {}
    for field, data, extension in (("html_file", html.encode(), "html"), ("pdf_file", pdf, "pdf")):
        name = document_name(meeting.pk, hashlib.sha256(data).hexdigest(), extension)
        names[field] = name if storage.exists(name) else storage.save(name, ContentFile(data))
    return IssuedDocument.objects.create(
        meeting=meeting,
        html_sha256=hashlib.sha256(html.encode()).hexdigest(),
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        pdf_size=len(pdf),
        **names,
    )
