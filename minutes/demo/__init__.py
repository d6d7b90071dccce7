"""Demo data of the minutes app, added to the offices' demo data (offices/demo.py): distribution
groups, and the three reference minutes in three states. Safe to run again."""

import datetime
import json
from pathlib import Path

from django.db import transaction

from bangla.fiscal import fiscal_year_start
from minutes.content import services as content
from minutes.content.richtext import sanitize_rich_text
from minutes.models import (
    AgendaItem,
    Attendee,
    Decision,
    DistributionGroup,
    DistributionGroupMember,
    Meeting,
    OfficeConventions,
    Recipient,
)
from minutes.workflow import services as workflow
from offices.models import GovernmentFile, InnovationTeam, Office, User

# office: {group name: [(designation, name, branch, office as printed, request)]}
GROUPS = {
    "সুরক্ষা সেবা বিভাগ": {
        "ইনোভেশন টিম ও অধিদপ্তর প্রধান": [
            ("অধিদপ্তর প্রধান (সকল)", "", "", "সুরক্ষা সেবা বিভাগ", ""),
            ("যুগ্মসচিব ও সদস্য", "জনাব মল্লিক সাঈদ মাহবুব", "ইনোভেশন টিম", "সুরক্ষা সেবা বিভাগ", ""),
            ("উপসচিব ও সদস্য", "জনাব মো: মনিরুজ্জামান", "ইনোভেশন টিম", "সুরক্ষা সেবা বিভাগ", ""),
            ("প্রোগ্রামার ও সদস্য", "জনাব মো: আইয়ুব হোসেন", "ইনোভেশন টিম", "সুরক্ষা সেবা বিভাগ", ""),
            ("সহঃ প্রোগ্রামার", "জনাব নিপু হালদার", "আইসিটি সেল", "সুরক্ষা সেবা বিভাগ", "ওয়েবসাইটে প্রকাশের অনুরোধ করা হলো"),
        ],
    },
    "জনপ্রশাসন মন্ত্রণালয়": {
        "অনুবিভাগের শাখাসমূহ": [
            ("উপসচিব", "", "প্রশাসন-১ শাখা", "জনপ্রশাসন মন্ত্রণালয়", ""),
            ("উপসচিব", "", "প্রেষণ-১ শাখা", "জনপ্রশাসন মন্ত্রণালয়", ""),
            ("সিনিয়র সিস্টেম এনালিস্ট", "", "সিনিয়র সিস্টেম এনালিস্টের দপ্তর", "জনপ্রশাসন মন্ত্রণালয়",
             "কার্যবিবরণীটি ওয়েবসাইটে আপলোডের অনুরোধসহ"),
        ],
    },
}  # fmt: skip


@transaction.atomic
def load_minutes_demo(offices_by_name: dict) -> None:
    for office_name, groups in GROUPS.items():
        office = offices_by_name[office_name]
        for group_name, members in groups.items():
            group, _ = DistributionGroup.objects.get_or_create(office=office, name=group_name)
            group.members.all().delete()
            DistributionGroupMember.objects.bulk_create(
                DistributionGroupMember(
                    group=group, order=i, designation=d, name=n, branch=b, office_name=o, request=r
                )
                for i, (d, n, b, o, r) in enumerate(members)
            )


# -- the three reference minutes, in three states ----------------------------------------------------
DEMO = Path(__file__).parent


def minutes_data(name: str) -> dict:
    """The content of real minutes 000, 002 or 004, split into the portal's fields (minutes-<name>.json)."""
    return json.loads((DEMO / f"minutes-{name}.json").read_text(encoding="utf-8"))


@transaction.atomic
def load_demo_minutes() -> list[Meeting]:
    """The three reference minutes, typed in through the services and taken through the workflow, so
    that every demo user meets work on first log-in: 000 waits for the approver of সুরক্ষা সেবা বিভাগ,
    whose drafter also has the team's next meeting started (the open decisions of 000 pulled in);
    002 is a draft of জনপ্রশাসন মন্ত্রণালয়; 004 is issued and published by মহিলা বিষয়ক অধিদপ্তর
    (an office of one, which switches separation of duties off). Safe to run again."""
    users = {user.username: user for user in User.objects.filter(username__in=DEMO_USERS)}
    loaded = []
    submitted = _typed_in("000", users["drafter"])
    if submitted.state == Meeting.State.DRAFT:
        submitted = workflow.meeting_submit(meeting=submitted, by=users["drafter"])
        _next_meeting(submitted, users["drafter"])
    loaded.append(submitted)
    loaded.append(_typed_in("002", users["mopa_drafter"]))
    published = _typed_in("004", users["dwa_drafter"])
    if published.state == Meeting.State.DRAFT:
        dwa = users["dwa_drafter"]
        Office.objects.filter(pk=published.office_id).update(separate_submit_and_approve=False)
        published.office.refresh_from_db()
        workflow.meeting_submit(meeting=published, by=dwa)
        workflow.meeting_approve(meeting=published, by=dwa)
        nothi = GovernmentFile.objects.get(office=published.office, number=minutes_data("004")["file"])
        workflow.minutes_issue(meeting=published, government_file=nothi, by=dwa)
        published = workflow.minutes_publish(meeting=published, by=dwa)
    loaded.append(published)
    return loaded


DEMO_USERS = ("drafter", "mopa_drafter", "dwa_drafter")


def _typed_in(name: str, by) -> Meeting:
    """The reference minutes `name` as its office's drafter would type them (once: found again later)."""
    data = minutes_data(name)
    office = Office.objects.get(name=data["office"])
    existing = Meeting.objects.filter(office=office, title=data["title"]).first()
    if existing:
        return existing
    team = InnovationTeam.objects.filter(office=office).first()
    # The office writes its minutes the way the original is written; the draft takes that over.
    OfficeConventions.objects.update_or_create(office=office, defaults=data["conventions"])
    header = {
        "team": team,
        "title": data["title"],
        "layout": data["layout"],
        "date": datetime.date.fromisoformat(data["date"]),
        "day_part": data["day_part"],
        "start_time": datetime.time.fromisoformat(data["start_time"]),
        "venue": data["venue"],
    }
    meeting = content.meeting_create(office=office, by=by, pull_previous_decisions=False, **header)
    for field in ("chair_name", "chair_designation", "chair_contact", "attendance_note", "opening", "closing",
                  "issuer_name", "issuer_designation", "attendance_heading"):  # fmt: skip
        if field in data:
            setattr(meeting, field, data[field])
    items = []
    for item in data["items"]:
        labels = [label for label in item.get("responsible", "").split(", ") if label]
        decisions = [(Decision(text=sanitize_rich_text(text)), labels) for text in item["decisions"]]
        discussion = sanitize_rich_text(item["discussion"])
        items.append(
            content.ItemContent(
                item=AgendaItem(title=item["title"], discussion=discussion), decisions=decisions
            )
        )
    attendees = [
        Attendee(name=a["name"], mobile=a["mobile"], email=a.get("email", "")) for a in data["attendees"]
    ]
    recipients = [Recipient(designation=line) for line in data["recipients"]]
    return content.meeting_save(
        meeting=meeting,
        content=content.MeetingContent(items=items, attendees=attendees, recipients=recipients),
        by=by,
    )


def _next_meeting(previous: Meeting, by) -> Meeting:
    """The team's next meeting, three months on, started with the open decisions of the earlier ones."""
    date = previous.date + datetime.timedelta(days=91)
    return content.meeting_create(
        office=previous.office,
        by=by,
        team=previous.team,
        fiscal_year=fiscal_year_start(date),
        date=date,
        day_part=previous.day_part,
        start_time=previous.start_time,
        venue=previous.venue,
        layout=previous.layout,
    )
