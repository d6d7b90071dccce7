"""Users in the office administration: invitations by e-mail, roles per office, deactivation."""

import re
from urllib.parse import urlparse

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from offices import services
from offices.models import AuditEntry, OfficeRole, User
from tests.factories import OfficeFactory, OfficialFactory, UserFactory, user_with_role

pytestmark = pytest.mark.django_db
R = OfficeRole.Role
SITE = "https://sobha.example.gov.bd"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def invite(client, alice, office_a, celery_eager, mailoutbox, django_capture_on_commit_callbacks):
    """Invite through the page, as alice; returns (response, the invitation e-mail or None)."""

    def invite(**data):
        client.force_login(alice)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("offices:user_invite", args=[office_a.pk]), data)
        return response, (mailoutbox[-1] if mailoutbox else None)

    return invite


def _link_path(mail) -> str:
    link = re.search(rf"{re.escape(SITE)}/offices/invitation/\S+/\S+/", mail.body).group(0)
    return urlparse(link).path


def _logs_in(client, username, password) -> bool:
    """Log in through the log-in page (django-axes needs a request: client.login() cannot)."""
    response = client.post(reverse("login"), {"username": username, "password": password})
    return response.status_code == 302


def _accept(client, mail, password="nodi-padma-42"):
    client.logout()
    page = client.get(_link_path(mail), follow=True)
    return client.post(
        page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}, follow=True
    )


def test_it_invites_by_e_mail_and_the_link_lets_the_user_set_a_password_and_log_in(client, invite, office_a):
    response, mail = invite(email="karim@example.gov.bd", name="করিম উদ্দিন", roles=[R.DRAFTER])
    user = User.objects.get(email="karim@example.gov.bd")
    assert response.status_code == 302
    assert response["Location"] == reverse("offices:user", args=[office_a.pk, user.pk])
    assert (user.username, user.is_active, user.has_usable_password()) == (
        "karim@example.gov.bd",
        False,
        False,
    )
    assert user.account_state == "invited"
    assert list(OfficeRole.objects.filter(user=user).values_list("office", "role")) == [
        (office_a.pk, R.DRAFTER)
    ]

    # The e-mail is in Bangla, says who invited, for which office and roles, and links to the portal's address.
    assert mail.to == ["karim@example.gov.bd"]
    assert mail.subject == f"সভা: {office_a.name}-এর পোর্টালে আপনাকে আমন্ত্রণ"
    assert "প্রিয় করিম উদ্দিন," in mail.body
    assert "আপনার ভূমিকা: খসড়া প্রস্তুতকারী" in mail.body
    assert "ব্যবহারকারীর নাম: karim@example.gov.bd" in mail.body
    assert "৩ দিনের মধ্যে" in mail.body

    # Until then the account cannot log in.
    assert not _logs_in(client.__class__(), "karim@example.gov.bd", "")
    page = _accept(client, mail)
    assert "আপনার পাসওয়ার্ড ঠিক করা হয়েছে" in page.content.decode()
    user.refresh_from_db()
    assert user.is_active and user.account_state == "active"
    assert _logs_in(client, "karim@example.gov.bd", "nodi-padma-42")
    assert "খসড়া প্রস্তুতকারী" in client.get(reverse("home")).content.decode()

    # The link worked once.
    client.logout()
    again = client.get(_link_path(mail), follow=True).content.decode()
    assert "এই লিংকটি আর কাজ করে না" in again
    actions = list(AuditEntry.objects.filter(office=office_a).order_by("id").values_list("action", flat=True))
    assert actions == ["invited", "role_given", "joined"]


def test_it_does_not_accept_a_password_reset_token_as_an_invitation(client, invite):
    _response, mail = invite(email="karim@example.gov.bd", name="করিম", roles=[R.DRAFTER])
    user = User.objects.get(email="karim@example.gov.bd")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    forged = reverse("offices:invitation_accept", args=[uid, default_token_generator.make_token(user)])
    assert "এই লিংকটি আর কাজ করে না" in client.get(forged, follow=True).content.decode()


def test_it_links_the_account_to_an_official_and_names_it_after_them(invite, office_a):
    official = OfficialFactory(office=office_a, name="জনাব নিপু হালদার")
    _response, mail = invite(
        email="nipu@example.gov.bd", username="nipu", official=official.pk, roles=[R.ISSUER]
    )
    user = User.objects.get(username="nipu")
    assert user.official == official
    assert "প্রিয় জনাব নিপু হালদার," in mail.body


def test_it_gives_the_roles_to_an_existing_account_with_that_address(invite, office_a):
    existing = user_with_role(OfficeFactory(), R.DRAFTER, username="rahim")
    User.objects.filter(pk=existing.pk).update(email="rahim@example.gov.bd")
    response, mail = invite(email="Rahim@example.gov.bd", name="রহিম", roles=[R.APPROVER])
    assert response.status_code == 302
    assert mail is None  # the account can log in already
    assert User.objects.filter(email__iexact="rahim@example.gov.bd").count() == 1
    assert OfficeRole.objects.filter(user=existing, office=office_a, role=R.APPROVER).exists()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"email": "not-an-address", "name": "করিম", "roles": [R.DRAFTER]}, "সঠিক ই-মেইল ঠিকানা লিখুন।"),
        ({"email": "karim@example.gov.bd", "name": "করিম"}, "ব্যবহারকারীকে অন্তত একটি ভূমিকা দিন।"),
        ({"email": "karim@example.gov.bd", "roles": [R.DRAFTER]}, "নাম লিখুন, অথবা এই ব্যবহারকারী যে কর্মকর্তা"),
        ({"email": "karim@example.gov.bd", "name": "করিম", "roles": ["king"]}, "সঠিক বিকল্প নির্বাচন করুন"),
        (
            {"email": "karim@example.gov.bd", "name": "করিম", "username": "alice", "roles": [R.DRAFTER]},
            "এই ব্যবহারকারীর নাম আগেই নেওয়া হয়েছে",
        ),
    ],
)
def test_it_refuses_a_bad_invitation_with_a_bangla_message_and_keeps_the_form(invite, data, message):
    response, mail = invite(**data)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert data["email"] in page  # what was typed is still there
    assert mail is None
    assert not User.objects.filter(email=data["email"]).exists()


# ---- Roles -------------------------------------------------------------------------------------------


def test_it_gives_and_takes_roles_in_the_office_and_records_both(client, alice, office_a):
    bob = user_with_role(office_a, R.DRAFTER, username="bob")
    client.force_login(alice)
    url = reverse("offices:user", args=[office_a.pk, bob.pk])
    assert client.post(url, {"roles": [R.APPROVER, R.ISSUER]}).status_code == 302
    assert set(OfficeRole.objects.filter(user=bob).values_list("role", flat=True)) == {R.APPROVER, R.ISSUER}
    entries = AuditEntry.objects.filter(office=office_a).order_by("id")
    assert [(e.action, e.changes["role"], e.actor) for e in entries] == [
        ("role_taken", [R.DRAFTER, None], alice),
        ("role_given", [None, R.APPROVER], alice),
        ("role_given", [None, R.ISSUER], alice),
    ]
    audit = client.get(reverse("offices:audit", args=[office_a.pk])).content.decode()
    assert "ভূমিকা প্রত্যাহার" in audit and "অনুমোদনকারী" in audit and "bob" in audit


def test_it_does_not_let_an_administrator_take_away_their_own_administrator_role(client, alice, office_a):
    client.force_login(alice)
    response = client.post(reverse("offices:user", args=[office_a.pk, alice.pk]), {"roles": [R.DRAFTER]})
    assert "নিজের প্রশাসক ভূমিকা নিজে প্রত্যাহার করা যায় না" in response.content.decode()
    assert OfficeRole.objects.filter(user=alice, office=office_a, role=R.ADMIN).exists()


def test_it_only_touches_roles_in_the_office_being_administered(alice, office_a, office_b):
    both = user_with_role(office_a, R.DRAFTER, username="both")
    OfficeRole.objects.create(user=both, office=office_b, role=R.APPROVER)
    services.office_roles_set(user=both, office=office_a, roles=set(), by=alice)
    assert list(OfficeRole.objects.filter(user=both).values_list("office", "role")) == [
        (office_b.pk, R.APPROVER)
    ]


def test_it_lists_the_offices_users_with_their_roles_here_in_a_fixed_number_of_queries(
    client, alice, office_a, office_b, django_assert_num_queries
):
    for n in range(6):
        user = user_with_role(office_a, R.DRAFTER, R.APPROVER, username=f"staff{n}")
        OfficeRole.objects.create(user=user, office=office_b, role=R.ISSUER)  # not shown here
    UserFactory(username="by-official", official=OfficialFactory(office=office_a, name="শুধু কর্মকর্তা"))
    user_with_role(office_b, R.DRAFTER, username="outsider")
    client.force_login(alice)
    url = reverse("offices:users", args=[office_a.pk])
    # session, user, office, alice's roles, the offices below hers (none: one query), the users,
    # their roles here (one prefetch); the navigation's link reuses alice's roles
    with django_assert_num_queries(7):
        page = client.get(url).content.decode()
    assert "staff5" in page and "শুধু কর্মকর্তা" in page
    assert "outsider" not in page
    assert "জারিকারী কর্মকর্তা" not in page  # their roles in office B


# ---- Deactivation ------------------------------------------------------------------------------------


def test_a_deactivated_user_cannot_log_in_and_their_history_stays(client, alice, office_a):
    bob = user_with_role(office_a, R.DRAFTER, username="bob")
    bob_client = client.__class__()
    assert _logs_in(bob_client, "bob", "pass-1234")
    client.force_login(alice)
    response = client.post(reverse("offices:user_deactivate", args=[office_a.pk, bob.pk]), follow=True)
    assert "আর লগ ইন করতে পারবেন না" in response.content.decode()
    bob.refresh_from_db()
    assert (bob.is_active, bob.account_state) == (False, "deactivated")
    # The account, its roles and the record of what happened stay.
    assert OfficeRole.objects.filter(user=bob, office=office_a).exists()
    assert AuditEntry.objects.get(action="deactivated").object_repr == "bob (bob)"
    # Neither a new log-in nor the session already open lets bob in.
    login = client.__class__().post(reverse("login"), {"username": "bob", "password": "pass-1234"})
    assert "সঠিক ব্যবহারকারীর নাম ও পাসওয়ার্ড দিন" in login.content.decode()
    assert bob_client.get(reverse("minutes:list")).status_code == 302


def test_it_reactivates_a_deactivated_user_through_a_new_invitation(
    client, alice, office_a, celery_eager, mailoutbox, django_capture_on_commit_callbacks
):
    bob = user_with_role(office_a, R.DRAFTER, username="bob")
    User.objects.filter(pk=bob.pk).update(email="bob@example.gov.bd")
    services.user_deactivate(user=bob, office=office_a, by=alice)
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("offices:user_invite_again", args=[office_a.pk, bob.pk]))
    assert User.objects.get(pk=bob.pk).account_state == "invited"
    _accept(client, mailoutbox[-1], password="jamuna-setu-7")
    assert _logs_in(client, "bob", "jamuna-setu-7")


def test_it_refuses_to_deactivate_a_user_who_also_works_for_another_office(client, alice, office_a, office_b):
    both = user_with_role(office_a, R.DRAFTER, username="both")
    OfficeRole.objects.create(user=both, office=office_b, role=R.APPROVER)
    client.force_login(alice)
    response = client.post(reverse("offices:user_deactivate", args=[office_a.pk, both.pk]), follow=True)
    assert "এখানকার ভূমিকাগুলো প্রত্যাহার করুন" in response.content.decode()
    assert User.objects.get(pk=both.pk).is_active


def test_a_superior_administrator_may_deactivate_staff_of_the_offices_below(office_a):
    directorate = OfficeFactory(parent=office_a)
    chief = user_with_role(office_a, R.ADMIN, username="chief")
    staff = user_with_role(directorate, R.DRAFTER, username="staff")
    services.user_deactivate(user=staff, office=directorate, by=chief)
    assert not User.objects.get(pk=staff.pk).is_active
    with pytest.raises(Http404):  # not the other way round: the superior office is not even visible
        services.user_deactivate(user=chief, office=office_a, by=user_with_role(directorate, R.ADMIN))


def test_it_refuses_to_deactivate_oneself_or_a_superuser(alice, office_a):
    superuser = User.objects.create_superuser("root", "root@example.gov.bd", "x")
    OfficeRole.objects.create(user=superuser, office=office_a, role=R.DRAFTER)
    for account in (alice, superuser):
        with pytest.raises(ValidationError):
            services.user_deactivate(user=account, office=office_a, by=alice)
    assert User.objects.filter(is_active=False).count() == 0


def test_an_invitation_link_stops_working_when_the_account_is_deactivated(client, invite, alice, office_a):
    _response, mail = invite(email="karim@example.gov.bd", name="করিম", roles=[R.DRAFTER])
    services.user_deactivate(user=User.objects.get(email="karim@example.gov.bd"), office=office_a, by=alice)
    client.logout()
    assert "এই লিংকটি আর কাজ করে না" in client.get(_link_path(mail), follow=True).content.decode()
