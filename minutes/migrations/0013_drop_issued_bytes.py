"""The issued documents' bytes are in files now (0012): drop the old columns. They are given a
default first, so that going back (0012 backwards reads the files into them) can add them again
to a table that has rows."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("minutes", "0012_move_issued_documents_to_files")]

    operations = [
        migrations.AlterField(model_name="issueddocument", name="html", field=models.TextField(default="")),
        migrations.AlterField(model_name="issueddocument", name="pdf", field=models.BinaryField(default=b"")),
        migrations.RemoveField(model_name="issueddocument", name="html"),
        migrations.RemoveField(model_name="issueddocument", name="pdf"),
    ]
