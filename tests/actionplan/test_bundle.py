"""An indicator's evidence bundle: the confirmed reports' files by quarter, the attached issued
minutes as stored and their attendance sheet, an index with every file's SHA-256; pending reports'
files and drafts' minutes never in it; other offices get 404."""

import csv
import datetime
import hashlib
import io
import zipfile
from decimal import Decimal
from urllib.parse import quote

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from actionplan import services
from actionplan.links import services as links
from actionplan.models import AchievementReport, Evidence, MeetingEvidence
from actionplan.progress.bundle import INDEX_CSV, INDEX_TEXT, NO_NOTICE
from bangla.digits import to_bangla_digits
from minutes.document.selectors import issued_pdf
from minutes.document.store import store_issued_document
from minutes.models import Attendee, Meeting
from offices.models import OfficeRole
from tests.actionplan import evidence_files as files
from tests.actionplan.templates import HEADER, csv_bytes
from tests.factories import MeetingFactory, OfficeFactory, user_with_role
from tests.minutes.reference_fixtures import make_minutes_002
from tests.minutes.test_document import normalize, pdftotext

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("evidence_storage")]
R = OfficeRole.Role
State = AchievementReport.State


def report_with_files(indicator, quarter, state, *named_files, by=None):
    report = AchievementReport.objects.create(
        indicator=indicator,
        quarter=quarter,
        achieved_value=Decimal(1),
        state=state,
        reported_by=by,
        reported_at=timezone.now(),
    )
    for name, data in named_files:
        evidence = Evidence(report=report, name=name, kind="pdf", size=len(data), uploaded_at=timezone.now())
        evidence.file.save(name, ContentFile(data), save=True)
    return report


def download(client, indicator) -> zipfile.ZipFile:
    response = client.get(reverse("actionplan:evidence_bundle", args=[indicator.pk]))
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def index_rows(archive: zipfile.ZipFile) -> list[list[str]]:
    (name,) = [n for n in archive.namelist() if n.endswith(INDEX_CSV)]
    return list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"))))


def test_the_confirmed_reports_files_by_quarter_with_their_hashes(client, reference_plan, alice):
    indicator = reference_plan.indicators.get(number="2.1.1")
    notice, photo = files.pdf(), files.png()
    report_with_files(indicator, 1, State.CONFIRMED, ("নোটিশ.pdf", notice), ("ছবি.png", photo), by=alice)
    report_with_files(
        indicator, 3, State.CONFIRMED, ("নোটিশ.pdf", notice + b"% 3rd"), ("নোটিশ.pdf", notice), by=alice
    )
    report_with_files(indicator, 2, State.REPORTED, ("অপেক্ষমাণ.pdf", notice + b"% wait"), by=alice)
    report_with_files(indicator, 4, State.RETURNED, ("ফেরত.pdf", notice + b"% back"), by=alice)
    client.force_login(alice)
    archive = download(client, indicator)
    root = "প্রমাণক [২.১.১] ২০২১-২২"
    assert sorted(archive.namelist()) == sorted(
        [
            f"{root}/১ম ত্রৈমাসিক/নোটিশ.pdf",
            f"{root}/১ম ত্রৈমাসিক/ছবি.png",
            f"{root}/৩য় ত্রৈমাসিক/নোটিশ.pdf",
            f"{root}/৩য় ত্রৈমাসিক/নোটিশ (২).pdf",
            f"{root}/{INDEX_TEXT}",
            f"{root}/{INDEX_CSV}",
        ]
    )
    assert all(info.flag_bits & 0x800 for info in archive.infolist())  # names in UTF-8
    assert archive.read(f"{root}/১ম ত্রৈমাসিক/ছবি.png") == photo
    rows = index_rows(archive)
    assert rows[0] == ["ফাইল", "ধরন", "আকার (বাইট)", "SHA-256"]
    listed = {row[0]: row for row in rows[1:]}
    assert len(listed) == 4
    for path, row in listed.items():
        data = archive.read(f"{root}/{path}")
        assert row[3] == hashlib.sha256(data).hexdigest()
        assert row[2] == str(len(data)).translate(str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"))
    text = archive.read(f"{root}/{INDEX_TEXT}").decode()
    assert "প্রমাণক: [২.১.১] তথ্য বাতায়নে সকল সেবা বক্স হালনাগাদকৃত" in text and "দপ্তর: দপ্তর ক" in text
    assert hashlib.sha256(photo).hexdigest() in text
    assert "২য় ত্রৈমাসিক: প্রতিবেদন অনুমোদনের অপেক্ষায়; তার ১টি প্রমাণক ফাইল এই সংকলনে নেই" in text
    assert "৪র্থ ত্রৈমাসিক: প্রতিবেদন সংশোধনের জন্য ফেরত" in text
    assert NO_NOTICE not in text  # no meeting indicator


def test_a_hostile_file_name_stays_inside_its_folder(client, reference_plan, alice):
    indicator = reference_plan.indicators.get(number="2.1.1")
    report_with_files(indicator, 1, State.CONFIRMED, ("../../..\\etc/passwd:x.pdf", files.pdf()), by=alice)
    client.force_login(alice)
    names = download(client, indicator).namelist()
    assert "প্রমাণক [২.১.১] ২০২১-২২/১ম ত্রৈমাসিক/_.._.._etc_passwd_x.pdf" in names
    assert not any(part.startswith(".") for name in names for part in name.split("/"))


@pytest.fixture
def meeting_plan():
    """জনপ্রশাসন মন্ত্রণালয়'s issued minutes 002 (28 Aug 2022, with its attendance sheet), stored as
    issued, and the office's plan for 2022-23 with a meeting indicator."""
    meeting = make_minutes_002()
    store_issued_document(meeting)
    office = meeting.office
    drafter = user_with_role(office, R.DRAFTER, username="mopa")
    row = ["[১]", "[১.১]", "ইনোভেশন টিমের সভা", "[১.১.১]", "সভা আয়োজিত", "সংখ্যা", "৪", "৪", "আইসিটি সেল"]
    plan = services.plan_import(office=office, fiscal_year=2022, data=csv_bytes([HEADER, row]), by=drafter)
    indicator = plan.indicators.get()
    links.minutes_attach(meeting=meeting, indicator=indicator, by=drafter)
    return meeting, indicator, drafter


def test_a_meeting_indicator_has_the_issued_minutes_as_stored_and_their_attendance(client, meeting_plan):
    meeting, indicator, drafter = meeting_plan
    draft = MeetingFactory(office=meeting.office, date=datetime.date(2022, 9, 1), title="খসড়া সভার কার্যবিবরণী")
    Attendee.objects.create(meeting=draft, name="গোপন অতিথি")
    MeetingEvidence.objects.create(meeting=draft, indicator=indicator)  # as if attached, then made a draft
    client.force_login(drafter)
    archive = download(client, indicator)
    root = "প্রমাণক [১.১.১] ২০২২-২৩"
    folder = f"{root}/কার্যবিবরণী ২৮-০৮-২০২২ {to_bangla_digits(meeting.memo_number)}"
    assert sorted(archive.namelist()) == sorted(
        [
            f"{folder}/কার্যবিবরণী (জারিকৃত).pdf",
            f"{folder}/হাজিরা (পরিশিষ্ট-ক).pdf",
            f"{root}/{INDEX_TEXT}",
            f"{root}/{INDEX_CSV}",
        ]
    ), archive.namelist()
    assert archive.read(f"{folder}/কার্যবিবরণী (জারিকৃত).pdf") == issued_pdf(meeting)[0]  # the stored bytes
    attendance = normalize(pdftotext(archive.read(f"{folder}/হাজিরা (পরিশিষ্ট-ক).pdf")))
    first_attendee = meeting.attendees.filter(is_present=True).order_by("order", "id").first()
    assert attendance.startswith(normalize("পরিশিষ্ট-'ক'")) and normalize(first_attendee.name) in attendance
    assert "বিতরণ" not in attendance  # only the appendix's pages
    text = archive.read(f"{root}/{INDEX_TEXT}").decode()
    assert NO_NOTICE in text
    assert "খসড়া" not in text and "গোপন অতিথি" not in text  # the draft never leaks
    rows = index_rows(archive)
    assert [row[1] for row in rows[1:]] == ["জারিকৃত কার্যবিবরণী", "হাজিরা"]
    assert rows[1][3] == issued_pdf(meeting)[1]  # the hash stored on issue


def test_issued_minutes_not_yet_stored_make_the_bundle_wait(client, meeting_plan):
    meeting, indicator, drafter = meeting_plan
    later = MeetingFactory(
        office=meeting.office,
        date=datetime.date(2022, 10, 2),
        state=Meeting.State.ISSUED,
        memo_number=meeting.memo_number + "1",
        issue_date=datetime.date(2022, 10, 5),
    )
    links.minutes_attach(meeting=later, indicator=indicator, by=drafter)
    client.force_login(drafter)
    response = client.get(reverse("actionplan:evidence_bundle", args=[indicator.pk]))
    assert response.status_code == 202 and "প্রস্তুত করা হচ্ছে" in response.content.decode()


def test_only_readers_of_the_plan_download_it(client, reference_plan, office_a, alice):
    indicator = reference_plan.indicators.get(number="1.1.1")
    url = reverse("actionplan:evidence_bundle", args=[indicator.pk])
    ministry = OfficeFactory(name="মন্ত্রণালয়")
    office_a.parent = ministry
    office_a.save()
    assert client.get(url).status_code == 302
    client.force_login(user_with_role(OfficeFactory(name="দপ্তর খ"), R.ADMIN, R.DRAFTER, username="other"))
    assert client.get(url).status_code == 404
    assert client.get(reverse("actionplan:evidence_bundle", args=[10**9])).status_code == 404
    client.force_login(user_with_role(ministry, R.APPROVER, username="above"))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        f'attachment; filename="evidence-1.1.1-2021-office-{office_a.pk}.zip"; '
        f"filename*=UTF-8''{quote('প্রমাণক [১.১.১] ২০২১-২২.zip', safe='')}"
    )
    assert client.post(url).status_code == 405
    client.force_login(alice)
    page = client.get(reverse("actionplan:indicator", args=[indicator.pk])).content.decode()
    assert url in page
