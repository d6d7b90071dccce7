"""The public search's index (minutes/models/search.py): pg_trgm, the two tables, and on PostgreSQL
the GIN indexes over the document vectors and over the words' trigrams."""

import django.contrib.postgres.search
import django.db.models.deletion
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models


class RunSQLOnPostgreSQL(migrations.RunSQL):
    """SQL for PostgreSQL only (GIN indexes); other databases skip it, as TrigramExtension does."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0010_recurring_deadlines"),
        ("offices", "0006_file_number_help_in_ascii_digits"),
    ]

    operations = [
        TrigramExtension(),
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("word", models.TextField(primary_key=True, serialize=False)),
            ],
            options={
                "verbose_name": "search word",
                "verbose_name_plural": "search words",
            },
        ),
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                (
                    "meeting",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_entry",
                        serialize=False,
                        to="minutes.meeting",
                    ),
                ),
                ("fiscal_year", models.PositiveSmallIntegerField(verbose_name="fiscal year")),
                ("issue_date", models.DateField(verbose_name="issue date")),
                (
                    "memo",
                    models.CharField(blank=True, help_text="ASCII digits.", max_length=100, verbose_name="memo number"),
                ),
                ("title", models.TextField(verbose_name="title")),
                ("people", models.TextField(blank=True, verbose_name="people and office")),
                ("body", models.TextField(blank=True, verbose_name="text")),
                ("vector", django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
                (
                    "office",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="offices.office"
                    ),
                ),
            ],
            options={
                "verbose_name": "search entry",
                "verbose_name_plural": "search entries",
                "indexes": [
                    models.Index(fields=["-issue_date", "-meeting"], name="search_entry_newest"),
                    models.Index(fields=["memo"], name="search_entry_memo", opclasses=["varchar_pattern_ops"]),
                    models.Index(fields=["office", "-issue_date"], name="search_entry_office"),
                    models.Index(fields=["fiscal_year"], name="search_entry_fiscal_year"),
                ],
            },
        ),
        # The vector is read for every match ranked or tested against a query: compressed with lz4,
        # where PostgreSQL has it, it is read faster than with pglz. (Kept out of line: in the row,
        # one row a page, the bitmaps of common words outgrow work_mem and turn lossy.)
        RunSQLOnPostgreSQL(
            """
            DO $$ BEGIN
                ALTER TABLE minutes_searchentry ALTER COLUMN vector SET COMPRESSION lz4;
            EXCEPTION WHEN OTHERS THEN NULL;  -- built without lz4: pglz
            END $$;
            """,
            migrations.RunSQL.noop,
        ),
        RunSQLOnPostgreSQL(
            "CREATE INDEX search_entry_vector ON minutes_searchentry USING gin (vector)",
            "DROP INDEX search_entry_vector",
        ),
        RunSQLOnPostgreSQL(
            "CREATE INDEX search_word_trigram ON minutes_searchword USING gin (word gin_trgm_ops)",
            "DROP INDEX search_word_trigram",
        ),
    ]
