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
