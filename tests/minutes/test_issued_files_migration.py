"""Minutes 0011-0013: issued documents leave their rows for files of the "documents" storage, named by
their hash, their recorded hashes kept; backwards, the bytes come back into the rows."""

import hashlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from minutes.models.document import documents_storage
from tests.factories import MeetingFactory

BEFORE, AFTER = ("minutes", "0011_issued_files"), ("minutes", "0013_drop_issued_bytes")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    return executor.loader.project_state([target]).apps


@pytest.mark.django_db(transaction=True)
def test_the_bytes_move_into_files_and_back():
    meetings = [MeetingFactory(state="issued", memo_number=f"58.2.{n}") for n in range(2)]
    html = '<!doctype html><html lang="bn"><body><h1>সভা</h1></body></html>'
    pdf = b"%PDF-1.4\n%issued\n"
    try:
        old = migrate(BEFORE).get_model("minutes", "IssuedDocument")
        for meeting in meetings:
            old.objects.create(
                meeting_id=meeting.pk,
                html=html,
                html_sha256="c" * 64,  # the content hash printed on it, not the file's: kept as it is
                pdf=pdf,
                pdf_sha256=hashlib.sha256(pdf).hexdigest(),
            )
        new = migrate(AFTER).get_model("minutes", "IssuedDocument")
        storage = documents_storage()
        for row in new.objects.order_by("meeting_id"):
            assert (
                row.html_file.name
                == f"minutes/{row.meeting_id}/{hashlib.sha256(html.encode()).hexdigest()}.html"
            )
            assert row.pdf_file.name == f"minutes/{row.meeting_id}/{row.pdf_sha256}.pdf"
            assert (row.html_sha256, row.pdf_size) == ("c" * 64, len(pdf))
            with storage.open(row.html_file.name) as f:
                assert f.read().decode() == html
            with storage.open(row.pdf_file.name) as f:
                assert f.read() == pdf
        back = migrate(BEFORE).get_model("minutes", "IssuedDocument")
        assert [(r.html, bytes(r.pdf)) for r in back.objects.all()] == [(html, pdf)] * 2
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
