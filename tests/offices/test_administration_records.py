"""An office's records in the administration: files and their starting serial, posts and transfers,
teams and committees with their members, branches, the office's settings; all audited."""

import pytest
from django.core.exceptions import ValidationError
from django.db.models import F
from django.urls import reverse

from minutes.models import Meeting, Responsibility
from minutes.workflow import services as workflow
from offices import services
from offices.models import (
    AuditEntry,
    Branch,
    GovernmentFile,
    InnovationTeam,
    OfficeRole,
    Official,
    TeamMember,
)
from tests.factories import (
    BranchFactory,
    GovernmentFileFactory,
    InnovationTeamFactory,
    MeetingFactory,
    OfficeFactory,
    OfficialFactory,
    PostFactory,
    TeamMemberFactory,
    user_with_role,
)

pytestmark = pytest.mark.django_db
R = OfficeRole.Role
FIXED = "শুরুর ক্রমিক একবারই ঠিক করা যায়, এই নথি থেকে পোর্টালে প্রথম পত্র জারির আগে।"


# ---- Files (নথি) and their starting serial ----------------------------------------------------------------


def test_it_sets_the_starting_serial_of_a_file_used_on_paper_once_and_records_it(client, alice, office_a):
    nothi = GovernmentFileFactory(office=office_a, number="58.00.0000.018.31.006.17")
    client.force_login(alice)
    url = reverse("offices:file_starting_serial", args=[nothi.pk])
    response = client.post(url, {"serial": "৩৫০"})  # typed with a Bangla keyboard
    assert response.status_code == 302
    nothi.refresh_from_db()
    assert (nothi.starting_serial, nothi.last_serial) == (350, 350)

    # In the file's own history (who, when, the values) and in the office's audit log.
    latest = nothi.history.latest()
    assert (latest.starting_serial, latest.last_serial, latest.history_user) == (350, 350, alice)
    assert latest.history_change_reason == "starting serial set"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.STARTING_SERIAL_SET)
    assert (entry.office, entry.actor, entry.changes["starting_serial"]) == (office_a, alice, [None, 350])
    audit = client.get(reverse("offices:audit", args=[office_a.pk])).content.decode()
    assert "শুরুর ক্রমিক ঠিক করা হয়েছে" in audit and "৩৫০" in audit and "৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭" in audit

    # Once only: the page refuses a second try, in Bangla, and keeps what was typed.
    again = client.post(url, {"serial": "৪০০"})
    assert again.status_code == 200
    assert FIXED in again.content.decode() and "৪০০" in again.content.decode()
    assert GovernmentFile.objects.get(pk=nothi.pk).last_serial == 350
    files = client.get(reverse("offices:files", args=[office_a.pk])).content.decode()
    assert url not in files  # no longer offered


def test_the_portals_first_letter_from_the_file_takes_the_next_serial(alice, office_a):
    nothi = GovernmentFileFactory(office=office_a, number="58.00.0000.018.31.006.17")
    services.file_set_starting_serial(government_file=nothi, serial=350, by=alice)
    issuer = user_with_role(office_a, R.ISSUER)
    meeting = MeetingFactory(office=office_a, created_by=issuer, state=Meeting.State.APPROVED)
    meeting.agenda_items.create(order=0, title="বিবিধ")
    issued = workflow.minutes_issue(meeting=meeting, government_file=nothi, by=issuer)
    assert issued.memo_number == "58.00.0000.018.31.006.17.351"


def test_it_refuses_a_starting_serial_after_the_portal_has_issued_from_the_file(client, alice, office_a):
    nothi = GovernmentFileFactory(office=office_a)
    GovernmentFile.objects.filter(pk=nothi.pk).update(last_serial=F("last_serial") + 1)  # as issuing does
    client.force_login(alice)
    response = client.post(reverse("offices:file_starting_serial", args=[nothi.pk]), {"serial": "350"})
    assert FIXED in response.content.decode()
    nothi.refresh_from_db()
    assert (nothi.starting_serial, nothi.last_serial) == (None, 1)
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    "typed, message",
    [("", "এই ঘরটি অবশ্যই পূরণ করতে হবে।"), ("abc", "পূর্ণসংখ্যা"), ("০", "১ বা তার বেশি"), ("-5", "১ বা তার বেশি")],
)
def test_it_refuses_a_bad_starting_serial_with_a_bangla_message(client, alice, office_a, typed, message):
    nothi = GovernmentFileFactory(office=office_a)
    client.force_login(alice)
    response = client.post(reverse("offices:file_starting_serial", args=[nothi.pk]), {"serial": typed})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert GovernmentFile.objects.get(pk=nothi.pk).starting_serial is None


def test_it_records_a_file_already_in_use_with_its_paper_serial(client, alice, office_a):
    client.force_login(alice)
    response = client.post(
        reverse("offices:file_create", args=[office_a.pk]),
        {
            "number": "৫৮.০০.০০০০.০১৮.৩১.০০৬.১৭",
            "subject": "ইনোভেশন",
            "starting_serial": "১২৯",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    nothi = GovernmentFile.objects.get(office=office_a)
    assert (nothi.number, nothi.starting_serial, nothi.last_serial) == ("58.00.0000.018.31.006.17", 129, 129)
    entry = AuditEntry.objects.get()
    assert entry.action == "created" and entry.changes["starting_serial"] == [None, 129]
    # Its number is now fixed, and the serial cannot be set again.
    edit = client.get(reverse("offices:file_edit", args=[nothi.pk])).content.decode()
    assert "নম্বর আর বদলানো যায় না" in edit
    with pytest.raises(ValidationError):
        services.file_set_starting_serial(government_file=nothi, serial=5, by=alice)


def test_it_keeps_the_new_file_form_with_a_bangla_message_on_bad_input(client, alice, office_a):
    client.force_login(alice)
    response = client.post(
        reverse("offices:file_create", args=[office_a.pk]),
        {"number": "ফাইল-এক", "subject": "টাইপ করা বিষয়", "starting_serial": "অনেক"},
    )
    page = response.content.decode()
    assert "নথি নম্বর হলো ডট দিয়ে আলাদা করা অঙ্কের দল" in page
    assert "পূর্ণসংখ্যা" in page
    assert "টাইপ করা বিষয়" in page
    assert not GovernmentFile.objects.exists()


# ---- Posts and transfers -------------------------------------------------------------------------------


def test_a_transfer_keeps_the_post_and_its_decisions_and_changes_the_person(client, alice, office_a):
    branch = BranchFactory(office=office_a, name="সিপি-৩ শাখা")
    post = PostFactory(office=office_a, branch=branch, title="উপসচিব (সিপি-৩)")
    leaving = OfficialFactory(office=office_a, name="জনাব পুরাতন", post=post, designation="উপসচিব")
    account = user_with_role(office_a, R.DRAFTER, R.APPROVER, username="puraton")
    account.official = leaving
    account.save()
    meeting = MeetingFactory(office=office_a)
    decision = meeting.agenda_items.create(order=0, title="বিবিধ").decisions.create(
        order=0, text="কাজটি করা হবে"
    )
    Responsibility.objects.create(decision=decision, post=post, label=post.title)

    client.force_login(alice)
    response = client.post(
        reverse("offices:post_transfer", args=[post.pk]),
        {"name": "জনাব নতুন", "email": "notun@example.gov.bd", "mobile": "০১৭১১০০০০০০", "previous": "leaves"},
    )
    assert response.status_code == 302
    arriving = Official.objects.get(name="জনাব নতুন")
    assert (arriving.post, arriving.designation, arriving.branch, arriving.mobile) == (
        post,
        "উপসচিব (সিপি-৩)",
        branch,
        "01711000000",
    )
    leaving.refresh_from_db()
    assert (leaving.post, leaving.is_active) == (None, False)
    assert not OfficeRole.objects.filter(user=account).exists()  # left the office: no roles here
    # The decision assigned to the post now reaches the new holder.
    assert list(Responsibility.objects.get(decision=decision).post.current_holders()) == [arriving]
    entry = AuditEntry.objects.get(action="transferred")
    assert entry.changes == {"holders": ["জনাব পুরাতন", "জনাব নতুন"]}
    assert AuditEntry.objects.filter(action="role_taken").count() == 2
    page = client.get(reverse("offices:officials", args=[office_a.pk])).content.decode()
    assert "জনাব নতুন" in page and "কর্মরত নন" in page


def test_a_transfer_may_keep_the_previous_holder_in_the_office(alice, office_a):
    post = PostFactory(office=office_a)
    staying = OfficialFactory(office=office_a, post=post)
    successor = OfficialFactory(office=office_a, name="উত্তরসূরি")
    services.post_transfer(post=post, to=successor, previous_leave_office=False, by=alice)
    staying.refresh_from_db()
    assert (staying.post, staying.is_active) == (None, True)
    assert list(post.current_holders()) == [successor]


@pytest.mark.parametrize(
    "data, message",
    [
        ({"previous": "leaves"}, "দপ্তরের একজন কর্মকর্তা বেছে নিন অথবা নতুন কর্মকর্তার নাম লিখুন"),
        ({"name": "জনাব টাইপ", "email": "not-an-address", "previous": "leaves"}, "সঠিক ই-মেইল ঠিকানা লিখুন।"),
        ({"name": "জনাব টাইপ", "mobile": "ফোন নেই", "previous": "leaves"}, "অঙ্ক দিয়ে ফোন নম্বর লিখুন"),
    ],
)
def test_it_keeps_the_transfer_form_with_a_bangla_message_on_bad_input(
    client, alice, office_a, data, message
):
    post = PostFactory(office=office_a)
    holder = OfficialFactory(office=office_a, post=post)
    client.force_login(alice)
    response = client.post(reverse("offices:post_transfer", args=[post.pk]), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert data.get("name", "") in page
    assert list(post.current_holders()) == [holder]
    assert not AuditEntry.objects.exists()


def test_it_does_not_transfer_an_official_of_another_office_into_the_post(client, alice, office_a, office_b):
    post = PostFactory(office=office_a)
    stranger = OfficialFactory(office=office_b)
    client.force_login(alice)
    response = client.post(
        reverse("offices:post_transfer", args=[post.pk]), {"official": stranger.pk, "previous": "leaves"}
    )
    assert "সঠিক বিকল্প নির্বাচন করুন" in response.content.decode()
    assert Official.objects.get(pk=stranger.pk).post is None


def test_it_creates_and_renames_posts(client, alice, office_a):
    client.force_login(alice)
    client.post(reverse("offices:post_create", args=[office_a.pk]), {"title": "সিনিয়র সিস্টেম এনালিস্ট"})
    post = office_a.posts.get()
    client.post(reverse("offices:post_edit", args=[post.pk]), {"title": "সিস্টেম এনালিস্ট"})
    post.refresh_from_db()
    assert post.title == "সিস্টেম এনালিস্ট"
    assert [e.action for e in AuditEntry.objects.order_by("id")] == ["created", "changed"]
    assert post.history.count() == 2


# ---- Teams and committees -----------------------------------------------------------------------------


def test_it_creates_a_committee_and_keeps_its_members(client, alice, office_a):
    chair = OfficialFactory(office=office_a, name="সভাপতি কর্মকর্তা")
    secretary = OfficialFactory(office=office_a, name="সচিব কর্মকর্তা")
    client.force_login(alice)
    response = client.post(reverse("offices:team_create", args=[office_a.pk]), {"name": "ই-নথি বাস্তবায়ন কমিটি"})
    assert response.status_code == 302
    committee = InnovationTeam.objects.get(name="ই-নথি বাস্তবায়ন কমিটি")
    add = reverse("offices:team_member_add", args=[committee.pk])
    client.post(add, {"official": chair.pk, "role": TeamMember.Role.CHAIR})
    client.post(add, {"official": secretary.pk, "role": TeamMember.Role.MEMBER})
    member = TeamMember.objects.get(official=secretary)
    client.post(
        reverse("offices:team_member_edit", args=[member.pk]),
        {f"m{member.pk}-role": TeamMember.Role.MEMBER_SECRETARY, f"m{member.pk}-order": "০৫"},
    )
    member.refresh_from_db()
    assert (member.role, member.order) == (TeamMember.Role.MEMBER_SECRETARY, 5)
    client.post(reverse("offices:team_member_remove", args=[TeamMember.objects.get(official=chair).pk]))
    assert list(committee.members.values_list("official__name", flat=True)) == ["সচিব কর্মকর্তা"]
    assert [e.action for e in AuditEntry.objects.order_by("id")] == [
        "created",
        "created",
        "created",
        "changed",
        "removed",
    ]
    # Meetings of the committee can be started like those of the innovation team.
    assert committee in InnovationTeam.objects.filter(office=office_a)


def test_it_refuses_a_member_twice_or_from_an_unrelated_office(client, alice, office_a, office_b):
    team = InnovationTeamFactory(office=office_a)
    member = TeamMemberFactory(team=team, official=OfficialFactory(office=office_a, name="আগের সদস্য"))
    client.force_login(alice)
    add = reverse("offices:team_member_add", args=[team.pk])
    for official in (member.official, OfficialFactory(office=office_b)):
        response = client.post(add, {"official": official.pk, "role": "member"})
        assert response.status_code == 400
        assert "সঠিক বিকল্প নির্বাচন করুন" in response.content.decode()
    with pytest.raises(ValidationError, match="আগে থেকেই সদস্য"):
        services.team_member_add(team=team, official=member.official, role="member", by=alice)
    assert team.members.count() == 1


def test_a_joint_team_takes_members_from_the_offices_below(alice, office_a):
    team = InnovationTeamFactory(office=office_a, covers_subordinates=True)
    below = OfficialFactory(office=OfficeFactory(parent=office_a))
    services.team_member_add(team=team, official=below, role="member", by=alice)
    assert team.members.get().official == below


@pytest.mark.parametrize("order, message", [("abc", "পূর্ণসংখ্যা"), ("৯৯৯৯৯", "৩২৭৬৭")])
def test_it_keeps_a_members_row_with_a_bangla_message_on_bad_input(client, alice, office_a, order, message):
    member = TeamMemberFactory(
        team=InnovationTeamFactory(office=office_a), official=OfficialFactory(office=office_a)
    )
    client.force_login(alice)
    response = client.post(
        reverse("offices:team_member_edit", args=[member.pk]),
        {f"m{member.pk}-role": "chair", f"m{member.pk}-order": order},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page and order in page
    assert TeamMember.objects.get(pk=member.pk).role == "member"


def test_it_keeps_the_team_form_with_a_bangla_message_on_bad_input(client, alice, office_a):
    client.force_login(alice)
    response = client.post(reverse("offices:team_create", args=[office_a.pk]), {"name": ""})
    assert "এই ঘরটি অবশ্যই পূরণ করতে হবে।" in response.content.decode()
    assert not InnovationTeam.objects.exists()


# ---- Branches, officials, settings ------------------------------------------------------------------------


def test_it_adds_and_renames_branches_with_an_audit_entry_each(client, alice, office_a):
    client.force_login(alice)
    client.post(reverse("offices:branch_create", args=[office_a.pk]), {"name": "আইসিটি সেল", "kind": "cell"})
    branch = Branch.objects.get(office=office_a)
    client.post(reverse("offices:branch_edit", args=[branch.pk]), {"name": "আইসিটি শাখা", "kind": "branch"})
    entries = list(AuditEntry.objects.order_by("id"))
    assert [e.action for e in entries] == ["created", "changed"]
    assert entries[1].changes == {"name": ["আইসিটি সেল", "আইসিটি শাখা"], "kind": ["cell", "branch"]}
    audit = client.get(reverse("offices:audit", args=[office_a.pk])).content.decode()
    assert "সেল / ইউনিট" in audit  # the kind's label, in Bangla


def test_it_keeps_the_branch_form_with_a_bangla_message_on_bad_input(client, alice, office_a):
    BranchFactory(office=office_a, name="প্রশাসন শাখা")
    client.force_login(alice)
    response = client.post(
        reverse("offices:branch_create", args=[office_a.pk]), {"name": "প্রশাসন শাখা", "kind": "শাখা"}
    )
    page = response.content.decode()
    assert "সঠিক বিকল্প নির্বাচন করুন" in page and "প্রশাসন শাখা" in page
    response = client.post(
        reverse("offices:branch_create", args=[office_a.pk]), {"name": "প্রশাসন শাখা", "kind": "branch"}
    )
    assert "এই দপ্তরে এই নামে একটি শাখা আগে থেকেই আছে।" in response.content.decode()
    assert Branch.objects.count() == 1


def test_it_saves_the_offices_policies_on_its_settings_page(client, alice, office_a):
    client.force_login(alice)
    response = client.post(
        reverse("offices:settings", args=[office_a.pk]), {"publish_on_issue": "on", "address": "ঢাকা"}
    )
    assert response.status_code == 302
    office_a.refresh_from_db()
    assert (office_a.separate_submit_and_approve, office_a.publish_on_issue) == (False, True)
    entry = AuditEntry.objects.get()
    assert entry.changes["publish_on_issue"] == [False, True]
    audit = client.get(reverse("offices:audit", args=[office_a.pk])).content.decode()
    assert "ওয়েবসাইটে প্রকাশ" in audit and "হ্যাঁ" in audit


def test_it_keeps_the_settings_form_with_a_bangla_message_on_bad_input(client, alice, office_a):
    client.force_login(alice)
    response = client.post(
        reverse("offices:settings", args=[office_a.pk]), {"email": "not-an-address", "address": "টাইপ করা ঠিকানা"}
    )
    page = response.content.decode()
    assert "সঠিক ই-মেইল ঠিকানা লিখুন।" in page and "টাইপ করা ঠিকানা" in page
    office_a.refresh_from_db()
    assert office_a.separate_submit_and_approve and office_a.address == ""


def test_it_keeps_the_official_form_with_a_bangla_message_on_bad_input(client, alice, office_a):
    client.force_login(alice)
    response = client.post(
        reverse("offices:official_create", args=[office_a.pk]),
        {"name": "জনাব টাইপ", "designation": "উপসচিব", "mobile": "নেই"},
    )
    page = response.content.decode()
    assert "অঙ্ক দিয়ে ফোন নম্বর লিখুন" in page and "জনাব টাইপ" in page
    assert not Official.objects.exists()


# ---- List pages: a fixed number of queries, however many rows --------------------------------------------


def _fill(office, n):
    for i in range(n):
        branch = BranchFactory(office=office)
        post = PostFactory(office=office, branch=branch)
        OfficialFactory(office=office, branch=branch, post=post)
        GovernmentFileFactory(office=office, branch=branch)
        team = InnovationTeamFactory(office=office, name=f"কমিটি {i}")
        TeamMemberFactory(team=team, official=OfficialFactory(office=office))


# session, user, office, the administrator's roles, the offices below (one query when there are none),
# then the page's own: officials (3: posts, their holders, officials), branches (1), files (1),
# teams (2: teams, members), audit (1), overview (2: children, audit)
LIST_PAGES = [
    ("offices:officials", 8),
    ("offices:branches", 6),
    ("offices:files", 6),
    ("offices:teams", 7),
    ("offices:audit", 6),
    ("offices:manage", 7),
]


@pytest.mark.parametrize("url_name, queries", LIST_PAGES)
def test_list_pages_take_a_fixed_number_of_queries(
    client, alice, office_a, url_name, queries, django_assert_num_queries
):
    client.force_login(alice)
    url = reverse(url_name, args=[office_a.pk])
    for rows in (1, 5):
        _fill(office_a, rows)
        for _ in range(rows):  # audit entries too
            services.office_record_save(record=BranchFactory(office=office_a), fields=["name"], by=alice)
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url_name, record, data, message",
    [
        ("offices:post_create", "office", {"title": ""}, "এই ঘরটি অবশ্যই পূরণ করতে হবে।"),
        (
            "offices:post_edit",
            "post",
            {"title": "", "title_en": "Typed designation"},
            "এই ঘরটি অবশ্যই পূরণ করতে হবে।",
        ),
        (
            "offices:team",
            "team",
            {"team-name": "", "team-covers_subordinates": "on"},
            "এই ঘরটি অবশ্যই পূরণ করতে হবে।",
        ),
        ("offices:file_edit", "file", {"number": "58.00", "subject": "টাইপ করা বিষয়"}, "নথি নম্বর হলো ডট দিয়ে"),
        ("offices:user", "user", {"roles": ["king"]}, "সঠিক বিকল্প নির্বাচন করুন"),
    ],
)
def test_every_other_form_keeps_bad_input_with_a_bangla_message(
    client, alice, office_a, url_name, record, data, message
):
    records = {
        "office": office_a,
        "post": PostFactory(office=office_a, title="আগের পদবি"),
        "team": InnovationTeamFactory(office=office_a, name="আগের নাম"),
        "file": GovernmentFileFactory(office=office_a, subject="আগের বিষয়"),
    }
    client.force_login(alice)
    if record == "user":
        url = reverse(url_name, args=[office_a.pk, user_with_role(office_a, R.DRAFTER).pk])
    else:
        url = reverse(url_name, args=[records[record].pk])
    response = client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    typed = [v for v in data.values() if isinstance(v, str) and v and v != "on"]
    assert all(value in page for value in typed)
    assert not AuditEntry.objects.exists()


def test_the_way_in_lists_the_offices_in_a_fixed_number_of_queries(client, django_assert_num_queries):
    ministry = OfficeFactory()
    chief = user_with_role(ministry, R.ADMIN)
    client.force_login(chief)
    for n in (1, 5):
        for _ in range(n):
            OfficeFactory(parent=OfficeFactory(parent=ministry))
        # session, user, roles, the offices below (one query per level: two levels, then an empty one),
        # the offices
        with django_assert_num_queries(7):
            assert client.get(reverse("offices:manage_home")).status_code == 200
