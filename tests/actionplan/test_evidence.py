"""Evidence files are checked by content, by name and by size (actionplan/evidence.py)."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from actionplan import evidence
from tests.actionplan import evidence_files as files

ACCEPTED = [
    ("notice.pdf", files.pdf(), evidence.PDF),
    ("NOTICE.PDF", files.pdf(), evidence.PDF),
    ("photo.jpg", files.jpeg(), evidence.JPEG),
    ("photo.jpeg", files.jpeg(), evidence.JPEG),
    ("photo.png", files.png(), evidence.PNG),
    ("report.docx", files.docx(), evidence.DOCX),
    ("attendance.xlsx", files.xlsx(), evidence.XLSX),
    ("notes.txt", "সভার নোটিশ জারি হয়েছে\r\n".encode(), evidence.TEXT),
    ("list.csv", "\ufeffনাম,পদবি\nক,খ\n".encode(), evidence.TEXT),
]


@pytest.mark.parametrize(("name", "data", "kind"), ACCEPTED, ids=[row[0] for row in ACCEPTED])
def test_it_accepts_the_kinds_offices_send(name, data, kind):
    assert evidence.check_evidence(name, data) == kind


REFUSED = [
    # name, content, the Bangla message (or part of it)
    ("photo.jpg", files.pdf(), "photo.jpg একটি PDF ফাইল, কিন্তু এর নামের শেষে “.jpg”"),
    ("notice.pdf", files.ELF, "notice.pdf গ্রহণযোগ্য ধরনের ফাইল নয়"),
    ("notice.pdf", files.MZ, "notice.pdf গ্রহণযোগ্য ধরনের ফাইল নয়"),
    ("report.docx", files.plain_zip(), "report.docx গ্রহণযোগ্য ধরনের ফাইল নয়"),
    ("report.docx", files.xlsx(), "report.docx একটি Excel (.xlsx) ফাইল"),
    ("photo.png", files.jpeg(), "photo.png একটি JPEG ফাইল"),
    ("notice", files.pdf(), "এর নামের শেষে “কিছু নেই”"),
    ("report.exe", files.pdf(), "“.exe”"),
    ("notes.txt", b"\x00\x01\x02binary", "notes.txt গ্রহণযোগ্য ধরনের ফাইল নয়"),
    ("notes.txt", "লেখা".encode("utf-16"), "notes.txt গ্রহণযোগ্য ধরনের ফাইল নয়"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old.doc গ্রহণযোগ্য ধরনের ফাইল নয়"),
    ("anim.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "anim.gif গ্রহণযোগ্য ধরনের ফাইল নয়"),
    ("run.txt", b"#!/bin/sh\nrm -rf /\n", "run.txt গ্রহণযোগ্য ধরনের ফাইল নয়"),
    ("broken.xlsx", b"PK\x03\x04not really a zip", "broken.xlsx গ্রহণযোগ্য ধরনের ফাইল নয়"),
    ("empty.pdf", b"", "empty.pdf ফাইলটি খালি।"),
]


@pytest.mark.parametrize(
    ("name", "data", "message"), REFUSED, ids=[f"{r[0]}-{i}" for i, r in enumerate(REFUSED)]
)
def test_it_refuses_what_is_not_evidence_with_a_bangla_message(settings, name, data, message):
    with pytest.raises(ValidationError) as refused:
        evidence.check_evidence(name, data)
    assert message in refused.value.messages[0]


def test_it_refuses_a_file_above_the_limit_and_says_the_limit(settings):
    settings.SOBHA_EVIDENCE_MAX_BYTES = 1024 * 1024
    large = files.pdf() + b"%" * (1024 * 1024)
    with pytest.raises(ValidationError) as refused:
        evidence.check_evidence("big.pdf", large)
    assert refused.value.messages == [
        "big.pdf ফাইলটি খুব বড় (১ মেগাবাইট): একটি প্রমাণক ফাইল সর্বোচ্চ ১ মেগাবাইট হতে পারে।"
    ]
    assert evidence.check_evidence("big.pdf", large[: 1024 * 1024]) == evidence.PDF  # exactly the limit


def test_the_default_limit_is_ten_megabytes():
    assert evidence.max_evidence_bytes() == 10 * 1024 * 1024


def test_a_path_in_the_name_is_dropped_from_the_message():
    with pytest.raises(ValidationError) as refused:
        evidence.check_evidence("../../etc/photo.jpg", files.pdf())
    assert "../" not in refused.value.messages[0] and "photo.jpg" in refused.value.messages[0]


def _python(program: str, tmp_path, **environment) -> subprocess.CompletedProcess:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("SOBHA_EVIDENCE", "AWS_"))},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SOBHA_VAR_DIR": str(tmp_path),
        **environment,
    }
    return subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True, cwd=settings.BASE_DIR
    )


@pytest.mark.parametrize(
    ("environment", "backend"),
    [
        ({}, "django.core.files.storage.FileSystemStorage"),
        ({"SOBHA_EVIDENCE_S3_BUCKET": "sobha-evidence"}, "storages.backends.s3.S3Storage"),
    ],
)
def test_the_evidence_storage_is_chosen_by_the_environment(environment, backend, tmp_path):
    """Files on the server's disk by default; an S3-compatible bucket when one is named."""
    program = "from django.conf import settings; print(settings.STORAGES['evidence']['BACKEND'])"
    assert _python(program, tmp_path, **environment).stdout.strip() == backend


def test_a_bucket_without_boto3_stops_the_portal_saying_so(tmp_path):
    try:
        import boto3  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("boto3 is installed here")
    done = _python("import django; django.setup()", tmp_path, SOBHA_EVIDENCE_S3_BUCKET="sobha-evidence")
    assert done.returncode != 0 and "No module named 'boto3'" in done.stderr
    assert _python("import django; django.setup()", tmp_path).returncode == 0  # not needed otherwise
