"""An indicator's evidence bundle (প্রমাণক): one ZIP to send upward.

- The evidence files of its CONFIRMED reports, a folder per quarter ("৩য় ত্রৈমাসিক/…"); reports
  awaiting the approver or returned are named in the index, their files left out.
- For a meeting indicator, each attached ISSUED meeting (drafts never: only issued or published
  minutes, whatever was attached): the issued minutes' PDF as stored on issue (its bytes, never
  printed again) and the attendance sheet (পরিশিষ্ট-'ক'), the stored PDF's own appendix pages
  (minutes/document/attendance.py). The portal keeps no meeting notice: the index says so.
- An index in Bangla (সূচিপত্র.txt) and the same as CSV (সূচিপত্র.csv): every file with its size and
  SHA-256.

Names inside the ZIP are UTF-8 (zipfile marks them so), made safe: no folders of their own, no
characters that Windows refuses. The ZIP is written to a temporary file, the evidence read in
chunks: memory stays small whatever the files weigh.
"""

import csv
import datetime
import hashlib
import io
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.utils import timezone

from actionplan.links.services import is_meeting_indicator
from actionplan.models import AchievementReport, Indicator, MeetingEvidence
from actionplan.numbering import show_number
from actionplan.progress.sheet import PLAN_TITLE, quarter_label
from bangla.dates import format_date
from bangla.digits import bn_number, to_bangla_digits
from bangla.fiscal import format_fiscal_year
from minutes.document.attendance import appendix_pages
from minutes.document.selectors import issued_pdf
from minutes.models import Meeting

INDEX_TEXT, INDEX_CSV = "সূচিপত্র.txt", "সূচিপত্র.csv"
NO_NOTICE = "সভার নোটিশ পোর্টালে সংরক্ষিত হয় না: এই সংকলনে নেই; প্রয়োজনে আলাদাভাবে পাঠান।"
_COMPRESSED = {".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx", ".zip"}  # stored as they are
_REFUSED_IN_NAMES = dict.fromkeys(map(ord, '/\\:*?"<>|'), "_")
CHUNK = 1 << 20


class BundleNotReady(Exception):
    """Issued minutes attached to the indicator have no stored document yet (the worker prints it)."""


@dataclass
class Entry:
    path: str  # inside the ZIP, under its root folder
    kind: str  # what the index calls it
    chunks: Callable[[], Iterable[bytes]]
    modified: datetime.datetime | datetime.date
    size: int = 0
    sha256: str = ""


def bundle_name(indicator: Indicator) -> str:
    """ "প্রমাণক [১.৪.১] ২০২১-২২": the ZIP's root folder and (with .zip) its file name."""
    plan = indicator.plan
    number = show_number(indicator.number, plan.numbers_in_brackets)
    return safe_name(f"প্রমাণক {number} {format_fiscal_year(plan.fiscal_year)}")


def safe_name(name: str) -> str:
    """A file or folder name as the ZIP holds it: NFC, no path, no control characters, none of the
    characters Windows refuses, no leading dots or spaces."""
    name = unicodedata.normalize("NFC", name).translate(_REFUSED_IN_NAMES)
    name = "".join(char for char in name if unicodedata.category(char) != "Cc")
    return name.strip().lstrip(".").strip() or "ফাইল"


def write_bundle(indicator: Indicator, out, today: datetime.date | None = None) -> list[Entry]:
    """Write the indicator's bundle as a ZIP into the binary file `out`; returns its entries (the
    index's lines). BundleNotReady if attached issued minutes are still being printed."""
    today = today or timezone.localdate()
    entries, notes = _evidence_entries(indicator)
    if is_meeting_indicator(indicator):
        meeting_entries, meeting_notes = _meeting_entries(indicator)
        entries += meeting_entries
        notes += meeting_notes
    root = bundle_name(indicator)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in entries:
            _write(archive, f"{root}/{entry.path}", entry)
        index_text = _index_text(indicator, entries, notes, today)
        _write_bytes(archive, f"{root}/{INDEX_TEXT}", index_text.encode("utf-8"), today)
        _write_bytes(archive, f"{root}/{INDEX_CSV}", _index_csv(entries), today)
    return entries


def bundle_file(indicator: Indicator):
    """The bundle in a temporary file (deleted when closed), positioned at its start."""
    out = tempfile.TemporaryFile()  # noqa: SIM115 - the response closes it once sent
    try:
        write_bundle(indicator, out)
    except BaseException:
        out.close()
        raise
    out.seek(0)
    return out


def _evidence_entries(indicator: Indicator) -> tuple[list[Entry], list[str]]:
    reports = indicator.reports.prefetch_related("evidence").order_by("quarter")
    entries, notes, taken = [], [], set()
    for report in reports:
        files = list(report.evidence.all())
        if report.state != AchievementReport.State.CONFIRMED:
            state = (
                "অনুমোদনের অপেক্ষায়" if report.state == AchievementReport.State.REPORTED else "সংশোধনের জন্য ফেরত"
            )
            notes.append(
                f"{quarter_label(report.quarter)}: প্রতিবেদন {state}; তার {to_bangla_digits(len(files))}টি "
                "প্রমাণক ফাইল এই সংকলনে নেই (কেবল নিশ্চিত প্রতিবেদনের প্রমাণক রাখা হয়)।"
            )
            continue
        folder = quarter_label(report.quarter)
        for evidence in files:
            path = _unique(f"{folder}/{safe_name(evidence.name)}", taken)
            entries.append(Entry(path, "প্রমাণক ফাইল", _file_chunks(evidence.file), evidence.uploaded_at))
    return entries, notes


def _meeting_entries(indicator: Indicator) -> tuple[list[Entry], list[str]]:
    attached = (
        MeetingEvidence.objects.filter(indicator=indicator, meeting__state__in=Meeting.ISSUED_STATES)
        .select_related("meeting")
        .order_by("meeting__date", "meeting__id")
    )
    entries, notes, taken = [], [NO_NOTICE], set()
    for evidence in attached:
        meeting = evidence.meeting
        stored = issued_pdf(meeting)
        if stored is None:
            raise BundleNotReady(meeting.pk)
        pdf = stored[0]
        folder = _unique(
            safe_name(
                f"কার্যবিবরণী {format_date(meeting.date, 'dashed')} {to_bangla_digits(meeting.memo_number)}"
            ),
            taken,
            folder=True,
        )
        entries.append(
            Entry(f"{folder}/কার্যবিবরণী (জারিকৃত).pdf", "জারিকৃত কার্যবিবরণী", _once(pdf), meeting.issue_date)
        )
        attendance = appendix_pages(pdf, title=f"পরিশিষ্ট-'ক' (উপস্থিতি): {meeting.title}")
        if attendance is None:
            notes.append(f"{folder}: কার্যবিবরণীতে হাজিরা (পরিশিষ্ট-'ক') নেই।")
        else:
            entries.append(
                Entry(f"{folder}/হাজিরা (পরিশিষ্ট-ক).pdf", "হাজিরা", _once(attendance), meeting.issue_date)
            )
    return entries, notes


def _write(archive: zipfile.ZipFile, name: str, entry: Entry) -> None:
    info = zipfile.ZipInfo(name, date_time=_zip_time(entry.modified))
    info.compress_type = zipfile.ZIP_STORED if _extension(name) in _COMPRESSED else zipfile.ZIP_DEFLATED
    digest, size = hashlib.sha256(), 0
    with archive.open(info, "w", force_zip64=True) as target:
        for chunk in entry.chunks():
            digest.update(chunk)
            size += len(chunk)
            target.write(chunk)
    entry.size, entry.sha256 = size, digest.hexdigest()


def _write_bytes(archive: zipfile.ZipFile, name: str, data: bytes, day) -> None:
    info = zipfile.ZipInfo(name, date_time=_zip_time(day))
    info.compress_type = zipfile.ZIP_DEFLATED
    archive.writestr(info, data)


def _index_text(indicator: Indicator, entries: list[Entry], notes: list[str], today) -> str:
    plan = indicator.plan
    number = show_number(indicator.number, plan.numbers_in_brackets)
    activity = indicator.activity
    lines = [
        f"প্রমাণক: {number} {indicator.title}",
        f"কার্যক্রম: {show_number(activity.number, plan.numbers_in_brackets)} {activity.title}",
        f"দপ্তর: {plan.office.name}",
        f"{PLAN_TITLE} {format_fiscal_year(plan.fiscal_year, long=True)}",
        f"প্রস্তুতের তারিখ: {format_date(today)}",
        "",
        f"ফাইল ({to_bangla_digits(len(entries))}টি; আকার বাইটে, SHA-256 হ্যাশ):",
    ]
    lines += [
        f"{to_bangla_digits(n)}. {e.path} — {bn_number(e.size)} বাইট — {e.sha256}"
        for n, e in enumerate(entries, 1)
    ]
    if not entries:
        lines.append("কোনো ফাইল নেই।")
    lines += ["", "টীকা:", "- কেবল অনুমোদনকারীর নিশ্চিত করা প্রতিবেদনের প্রমাণক রাখা হয়েছে।"]
    lines += [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"


def _index_csv(entries: list[Entry]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["ফাইল", "ধরন", "আকার (বাইট)", "SHA-256"])
    writer.writerows([e.path, e.kind, to_bangla_digits(e.size), e.sha256] for e in entries)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # with a BOM, so that Excel reads the Bangla


def _file_chunks(field) -> Callable[[], Iterator[bytes]]:
    def chunks():
        with field.open("rb") as handle:
            yield from iter(lambda: handle.read(CHUNK), b"")

    return chunks


def _once(data: bytes) -> Callable[[], list[bytes]]:
    return lambda: [data]


def _unique(path: str, taken: set[str], *, folder: bool = False) -> str:
    """`path`, or "name (২).ext" … if a file (or a folder) of that name is already there."""
    has_extension = not folder and "." in path.rpartition("/")[2]
    stem, dot, extension = path.rpartition(".") if has_extension else (path, "", "")
    candidate, n = path, 1
    while candidate.casefold() in taken:
        n += 1
        candidate = f"{stem} ({to_bangla_digits(n)}){dot}{extension}"
    taken.add(candidate.casefold())
    return candidate


def _extension(name: str) -> str:
    last = name.rpartition("/")[2]
    return "." + last.rpartition(".")[2].lower() if "." in last else ""


def _zip_time(moment) -> tuple[int, int, int, int, int, int]:
    if isinstance(moment, datetime.datetime):
        moment = timezone.localtime(moment) if timezone.is_aware(moment) else moment
        return (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, moment.second)
    moment = moment or timezone.localdate()
    return (max(moment.year, 1980), moment.month, moment.day, 0, 0, 0)
