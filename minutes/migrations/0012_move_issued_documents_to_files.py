"""Move each issued document's HTML and PDF out of its row into files of the "documents" storage.

Each file is named minutes/<meeting id>/<SHA-256 of its bytes>.<html|pdf>: written once, never
overwritten (a file already there under its name has those very bytes). The recorded hashes are
kept as they are; a PDF whose bytes no longer match its recorded hash is reported, and kept under
the hash of what it holds. Backwards, the bytes are read back into the rows.
"""

import hashlib

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import migrations


def _name(meeting_id, data, extension):
    return f"minutes/{meeting_id}/{hashlib.sha256(data).hexdigest()}.{extension}"


def _write(storage, name, data):
    if storage.exists(name):
        return name
    return storage.save(name, ContentFile(data))


def to_files(apps, schema_editor):
    IssuedDocument = apps.get_model("minutes", "IssuedDocument")
    storage = storages["documents"]
    for pk in IssuedDocument.objects.filter(pdf_file="").values_list("pk", flat=True).iterator():
        row = IssuedDocument.objects.filter(pk=pk).values("meeting_id", "html", "pdf", "pdf_sha256").get()
        html, pdf = row["html"].encode(), bytes(row["pdf"])
        if hashlib.sha256(pdf).hexdigest() != row["pdf_sha256"]:
            print(f"\n  issued document {pk}: its PDF does not match its recorded SHA-256; moved as it is")
        IssuedDocument.objects.filter(pk=pk).update(
            html_file=_write(storage, _name(row["meeting_id"], html, "html"), html),
            pdf_file=_write(storage, _name(row["meeting_id"], pdf, "pdf"), pdf),
            pdf_size=len(pdf),
        )


def to_rows(apps, schema_editor):
    IssuedDocument = apps.get_model("minutes", "IssuedDocument")
    storage = storages["documents"]
    for pk, html_name, pdf_name in IssuedDocument.objects.values_list("pk", "html_file", "pdf_file").iterator():
        with storage.open(html_name, "rb") as html, storage.open(pdf_name, "rb") as pdf:
            IssuedDocument.objects.filter(pk=pk).update(html=html.read().decode(), pdf=pdf.read())


class Migration(migrations.Migration):
    dependencies = [("minutes", "0011_issued_files")]

    operations = [migrations.RunPython(to_files, to_rows)]
