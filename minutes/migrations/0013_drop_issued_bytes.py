"""The issued documents' bytes are in files now (0012): drop the old columns."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("minutes", "0012_move_issued_documents_to_files")]

    operations = [
        migrations.RemoveField(model_name="issueddocument", name="html"),
        migrations.RemoveField(model_name="issueddocument", name="pdf"),
    ]
