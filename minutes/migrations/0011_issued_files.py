"""Issued documents as files (settings.STORAGES["documents"]) instead of bytes in their rows: the
file fields and the PDF's size. 0012 moves the bytes, 0013 drops the old columns."""

from django.db import migrations, models

import minutes.models.document


class Migration(migrations.Migration):
    dependencies = [("minutes", "0011_search")]

    operations = [
        migrations.AddField(
            model_name="issueddocument",
            name="html_file",
            field=models.FileField(
                default="",
                max_length=200,
                storage=minutes.models.document.documents_storage,
                upload_to="",
                verbose_name="HTML",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="issueddocument",
            name="pdf_file",
            field=models.FileField(
                default="",
                max_length=200,
                storage=minutes.models.document.documents_storage,
                upload_to="",
                verbose_name="PDF",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="issueddocument",
            name="pdf_size",
            field=models.PositiveIntegerField(default=0, verbose_name="PDF size (bytes)"),
        ),
    ]
